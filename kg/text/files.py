"""Input files → :class:`~kg.text.document.Document`: find the files and
read them (decoding is :mod:`kg.text.decode`); a missing or unreadable file
is an :class:`~kg.errors.InputError` that names the file and the fix."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from kg.errors import InputError
from kg.text.decode import decode, sniff, unreadable
from kg.text.document import Document
from kg.text.feeds import is_feed, read_jsonl
from kg.text.html_pages import is_html, read_html
from kg.text.markdown_docs import is_markdown, read_markdown
from kg.text.warc_records import is_warc, read_warc

__all__ = ["FORMATS", "MAX_FILE_SIZE", "format_of", "iter_input_files", "read_document", "read_documents", "real_path"]

MAX_FILE_SIZE = 50_000_000      # bytes (--max-file-size, in MB)
_SNIFF = 1 << 16                # bytes looked at before a file is read whole

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
        raise unreadable(path, exc) from exc
    if len(data) > max_bytes:           # it grew while being read
        raise _too_big(path, len(data), max_bytes)
    return Document.from_text(decode(data, str(path)), path.name)


def read_documents(path: Path, max_bytes: int = MAX_FILE_SIZE):
    """The documents of one input file: one for a text, HTML or Markdown
    file, one per article of a feed or per page of a web archive; a bad feed
    line or archive record comes as an InputError among them (the file
    itself unreadable or over ``max_bytes``: raised)."""
    path = Path(path)
    kind = format_of(path)
    if kind != "txt":
        try:
            size = path.stat().st_size
        except OSError:
            size = 0                    # the reader says why it cannot be read
        if size > max_bytes:
            raise _too_big(path, size, max_bytes)
    if kind == "jsonl":
        yield from read_jsonl(path)
    elif kind == "warc":
        yield from read_warc(path)
    elif kind == "html":
        yield read_html(path)
    elif kind == "md":
        yield read_markdown(path)
    else:
        yield read_document(path, max_bytes)
