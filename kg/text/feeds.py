"""News feeds as documents: a JSON Lines file (``.jsonl``, ``.jsonl.gz``)
holds one article per line, as crawlers write them.

A line is a JSON object with the article's text under ``text`` (or
``content``, ``body``) and, optionally, ``id``, ``title``, ``url``,
``date`` (or ``published``, ``issued``: any ISO 8601 date or date-time,
``2025/03/10``, ``2025年3月10日``) and ``outlet`` (or ``source``,
``publisher``), ``lang`` (or ``language``: a BCP 47 tag). A line that is not such an object is one skipped line
naming the file and the line number; the rest of the file is read. Each
article is named ``FILE#ID`` (``FILE#LINE`` without an id) in the graph."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.text.document import Document

__all__ = ["JSONL_SUFFIXES", "is_feed", "iso_date", "read_jsonl"]

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
_TEXT_KEYS = ("text", "content", "body")
_DATE_KEYS = ("date", "published", "issued", "pubdate")
_OUTLET_KEYS = ("outlet", "source", "publisher", "site")
_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def is_feed(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def iso_date(value) -> str:
    """``YYYY-MM-DD`` of a date or date-time string, or "" when it is none."""
    m = _DATE.match(str(value or ""))
    if not m:
        return ""
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def _first(row: dict, keys) -> str:
    for key in keys:
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def read_jsonl(path: Path) -> Iterator[Document | InputError]:
    """Every article of the file, in order; a bad line yields an InputError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8-sig")
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"{path}: cannot read it ({exc}); check the file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: is not UTF-8 (byte {exc.start}); JSON Lines files are "
                         "UTF-8 text") from exc
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield InputError(f"{path}, line {n}: not valid JSON ({exc.args[0]}); line skipped")
            continue
        body = _first(row, _TEXT_KEYS) if isinstance(row, dict) else ""
        if not body.strip():
            yield InputError(f"{path}, line {n}: no article text (a non-empty 'text', 'content' "
                             "or 'body'); line skipped")
            continue
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        ident = row.get("id")
        name = f"{path.name}#{ident}" if isinstance(ident, (str, int)) and str(ident).strip() \
            else f"{path.name}#{n}"
        url = row.get("url")
        yield Document.from_text(body, name, title=_first(row, ("title",)),
                                 issued=iso_date(_first(row, _DATE_KEYS)),
                                 publisher=_first(row, _OUTLET_KEYS).strip(),
                                 url=url.strip() if isinstance(url, str) else "",
                                 language=_first(row, ("lang", "language")))
