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
from kg.text.html_pages import is_html, read_html
from kg.text.markdown_docs import is_markdown, read_markdown
from kg.text.warc_records import is_warc, read_warc

__all__ = ["FORMATS", "format_of", "iter_input_files", "read_document", "read_documents", "real_path"]

#: the formats kg reads, by name, as the build summary names them
FORMATS = ("txt", "jsonl", "html", "md", "warc")


def format_of(path: Path) -> str:
    """The format a file is read as: ``jsonl``, ``html``, ``md``, ``warc``,
    else ``txt`` (any other file given by name is read as plain text)."""
    for name, test in (("jsonl", is_feed), ("html", is_html), ("md", is_markdown), ("warc", is_warc)):
        if test(path):
            return name
    return "txt"


def _readable(path: Path) -> bool:
    """A file a folder search picks up: one of the :data:`FORMATS`."""
    return path.suffix.lower() == ".txt" or format_of(path) != "txt"


def iter_input_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus the files of every format kg reads found
    recursively in folders (``*.txt``; JSON Lines ``*.jsonl``, ``*.jsonl.gz``,
    ``*.ndjson``; web pages ``*.html``, ``*.htm``; Markdown ``*.md``; web
    archives ``*.warc``, ``*.warc.gz``; names starting with '.' skipped
    inside folders), without duplicates, sorted. A broken link
    named so is listed too, so that reading it says so."""
    found: dict[Path, Path] = {}
    for path in map(Path, paths):
        if path.is_file():
            found.setdefault(real_path(path), path)
        elif path.is_dir():
            for file in path.rglob("*"):
                rel = file.relative_to(path).parts
                if (_readable(file) and (file.is_file() or _broken_link(file))
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
    """The documents of one input file: one for a text, HTML or Markdown
    file, one per article of a feed or per page of a web archive; a bad feed
    line or archive record comes as an InputError among them (the file
    itself unreadable: raised)."""
    path = Path(path)
    kind = format_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path)
    elif kind == "warc":
        yield from read_warc(path)
    elif kind == "html":
        yield read_html(path)
    elif kind == "md":
        yield read_markdown(path)
    else:
        yield read_document(path)
