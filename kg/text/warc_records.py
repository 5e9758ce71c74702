"""Web archives as documents (``.warc``, ``.warc.gz``, read with warcio):
every ``response`` record with an HTML payload and a 2xx status is one
article (its body and metadata from :mod:`kg.text.html_pages`), named
``FILE#N`` by its record's place in the file, with the record's
``WARC-Target-URI`` as its URL (unless the page names its own) and its
``WARC-Date`` as the fetch date. Requests, metadata, redirects, errors and
non-HTML responses are passed over; a page without article text is one
skipped record; a broken archive stops at the broken record."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.text.decode import unreadable
from kg.text.document import Document
from kg.text.html_pages import html_document

__all__ = ["WARC_SUFFIXES", "is_warc", "read_warc"]

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path) -> Iterator[Document | InputError]:
    """The articles of the archive, in order; a record that cannot be read
    yields an InputError (an archive that cannot be opened: raised)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = Path(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise unreadable(path, exc) from exc
    with stream:
        n = 0
        try:
            for record in ArchiveIterator(stream):
                n += 1
                if not _is_html_response(record):
                    continue
                url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()
                fetched = (record.rec_headers.get_header("WARC-Date") or "").strip()
                name = f"{path.name}#{n}"
                try:
                    yield html_document(record.content_stream().read(), name, url=url,
                                        fetched=fetched)
                except InputError as exc:
                    yield InputError(f"{path}, record {n} ({url or 'no URL'}): {_reason(exc, name)}")
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            if n == 0:
                raise InputError(f"{path}: not a WARC file ({exc}); give a .warc or .warc.gz "
                                 "web archive") from exc
            yield InputError(f"{path}, record {n + 1}: the archive is broken there ({exc}); "
                             "the records after it are not read")


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and ctype.split(";")[0].strip() in _HTML_TYPES


def _reason(exc: InputError, name: str) -> str:
    text = str(exc)
    return text[len(name) + 2:] if text.startswith(name + ": ") else text
