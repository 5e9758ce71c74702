"""Input files → :class:`~kg.text.document.Document`: find the files and
read them (decoding is :mod:`kg.text.decode`); a missing or unreadable file
is an :class:`~kg.errors.InputError` that names the file and the fix."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from kg.errors import InputError
from kg.text.decode import decode, sniff
from kg.text.document import Document
from kg.text.feeds import is_feed, read_jsonl

__all__ = ["MAX_FILE_SIZE", "iter_input_files", "read_document", "read_documents", "real_path"]

MAX_FILE_SIZE = 50_000_000      # bytes (--max-file-size, in MB)
_SNIFF = 1 << 16                # bytes looked at before a file is read whole


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


def megabytes(size: int) -> str:
    """``3,221`` or ``0.0031``: a size in MB as people read it."""
    mb = size / 1e6
    return f"{mb:,.0f}" if mb >= 100 else f"{mb:.2g}"


def _too_big(path: Path, size: int, max_bytes: int) -> InputError:
    return InputError(f"{path}: {megabytes(size)} MB, more than the {megabytes(max_bytes)} MB a file "
                      "may have; split it, or raise --max-file-size")


def _read_at_most(fh, n: int) -> bytes:
    return fh.read(n)


def read_document(path: Path, max_bytes: int = MAX_FILE_SIZE) -> Document:
    """The document of a text file. Its size is checked first and its first
    bytes sniffed (a binary type, NUL bytes) before it is read whole, so a
    huge or binary file costs neither the time nor the memory of reading it."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise _too_big(path, size, max_bytes)
            head = _read_at_most(fh, _SNIFF)
            sniff(head, str(path))
            data = head + _read_at_most(fh, max_bytes + 1 - len(head))
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the file "
                         "and its permissions") from exc
    if len(data) > max_bytes:           # it grew while being read
        raise _too_big(path, len(data), max_bytes)
    return Document.from_text(decode(data, str(path)), path.name)


def read_documents(path: Path, max_bytes: int = MAX_FILE_SIZE):
    """The documents of one input file: one for a text file, one per article
    of a feed; a bad feed line comes as an InputError among them (the file
    itself unreadable or over ``max_bytes``: raised)."""
    path = Path(path)
    if is_feed(path):
        try:
            size = path.stat().st_size
        except OSError:
            size = 0                    # read_jsonl says why it cannot be read
        if size > max_bytes:
            raise _too_big(path, size, max_bytes)
        yield from read_jsonl(path)
    else:
        yield read_document(path, max_bytes)
