"""Input files → :class:`~kg.text.document.Document`: find the files and
read them (decoding is :mod:`kg.text.decode`); a missing or unreadable file
is an :class:`~kg.errors.InputError` that names the file and the fix."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from kg.errors import InputError
from kg.text.decode import decode
from kg.text.document import Document
from kg.text.feeds import is_feed, read_jsonl

__all__ = ["iter_input_files", "read_document", "read_documents", "real_path"]


def iter_input_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus ``*.txt`` and JSON Lines feeds (``*.jsonl``,
    ``*.jsonl.gz``) found recursively in folders (names starting with '.'
    skipped inside folders), without duplicates, sorted. A broken link
    named so is listed too, so that reading it says so."""
    found: dict[Path, Path] = {}
    for path in map(Path, paths):
        if path.is_file():
            found.setdefault(real_path(path), path)
        elif path.is_dir():
            for file in path.rglob("*"):
                rel = file.relative_to(path).parts
                if ((file.suffix.lower() == ".txt" or is_feed(file)) and (file.is_file() or _broken_link(file))
                        and not any(part.startswith(".") for part in rel)):
                    found.setdefault(real_path(file), file)
        else:
            raise InputError(f"{path}: no such file or folder; check the path")
    return sorted(found.values(), key=lambda p: p.as_posix())


def real_path(path: Path) -> str:
    """Where ``path`` leads, to tell two names of one file apart; unlike
    ``Path.resolve`` it does not raise on a symlink loop."""
    return os.path.realpath(path)


def _broken_link(path: Path) -> bool:
    return path.is_symlink() and not path.exists()


def read_document(path: Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the file "
                         "and its permissions") from exc
    return Document.from_text(decode(data, str(path)), path.name)


def read_documents(path: Path):
    """The documents of one input file: one for a text file, one per article
    of a feed; a bad feed line comes as an InputError among them (the file
    itself unreadable: raised)."""
    path = Path(path)
    if is_feed(path):
        yield from read_jsonl(path)
    else:
        yield read_document(path)
