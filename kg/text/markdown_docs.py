"""Markdown articles as documents (``.md``, ``.markdown``): YAML front
matter between ``---`` lines is the metadata — ``title``, ``date``,
``source_url`` (or ``url``), ``source_name`` (or ``source``, ``outlet``,
``publisher``), ``lang`` — and the body is read as plain text: headings, emphasis,
links (their text kept), images, code marks, block quotes, list marks,
tables and inline HTML are removed, one block per paragraph."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

from kg.errors import InputError
from kg.text.decode import decode, read_bytes
from kg.text.document import Document
from kg.text.feeds import iso_date

__all__ = ["MARKDOWN_SUFFIXES", "is_markdown", "markdown_document", "markdown_text", "read_markdown"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_URL_KEYS = ("source_url", "url", "link", "canonical_url")
_OUTLET_KEYS = ("source_name", "source", "outlet", "publisher", "site")
_DATE_KEYS = ("date", "published", "issued", "pubdate")
_BLOCKS_CLOSE = {"paragraph_close", "heading_close", "th_close", "td_close", "tr_close",
                 "list_item_close", "blockquote_close", "table_close"}


def is_markdown(path: Path) -> bool:
    return path.name.lower().endswith(MARKDOWN_SUFFIXES)


def read_markdown(path: Path) -> Document:
    path = Path(path)
    data = read_bytes(path)
    return markdown_document(decode(data, str(path)), path.name, where=str(path))


def markdown_document(text: str, name: str, *, where: str = "") -> Document:
    """The document of a Markdown text with optional YAML front matter."""
    meta, body = front_matter(text, where or name)
    plain = markdown_text(body)
    if not plain.strip():
        raise InputError(f"{where or name}: no article text after the front matter; "
                         "write the article below the closing ---")
    return Document.from_text(plain, name, title=_value(meta, ("title",)),
                              issued=_date(meta), publisher=_value(meta, _OUTLET_KEYS),
                              url=_value(meta, _URL_KEYS), language=_value(meta, ("lang", "language")))


def front_matter(text: str, where: str) -> tuple[dict, str]:
    """(metadata, body): a YAML mapping between the opening and closing
    ``---`` lines, or ({}, text) when there is none."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        at = f", line {line + 2}" if line is not None else ""
        raise InputError(f"{where}{at}: the front matter is not valid YAML; fix it or remove "
                         "the --- lines") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{where}: the front matter is not a YAML mapping (key: value lines); "
                         "fix it or remove the --- lines")
    return meta, text[m.end():]


def _value(meta: dict, keys) -> str:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return " ".join(str(value).split())
    return ""


def _date(meta: dict) -> str:
    for key in _DATE_KEYS:
        value = meta.get(key)
        if isinstance(value, (dt.date, dt.datetime)):      # YAML reads 2025-03-10 as a date
            return value.strftime("%Y-%m-%d")
        if isinstance(value, str) and iso_date(value):
            return iso_date(value)
    return ""


@functools.cache
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def markdown_text(body: str) -> str:
    """Markdown → plain text: one line per paragraph, heading, list item or
    table row (cells apart by a space), a blank line between blocks; code
    blocks kept as their text, images and HTML dropped."""
    blocks: list[str] = []
    current: list[str] = []
    row: list[str] = []

    def flush():
        text = "".join(current).strip()
        current.clear()
        if text:
            blocks.append(text)

    for token in _parser().parse(body.replace("\r\n", "\n").replace("\r", "\n")):
        if token.type == "inline":
            current.append(_inline(token.children or []))
        elif token.type in ("fence", "code_block"):
            flush()
            blocks.extend(line for line in (token.content.strip("\n"),) if line.strip())
        elif token.type in ("th_close", "td_close"):
            row.append("".join(current).strip())
            current.clear()
        elif token.type == "tr_close":
            line = " ".join(cell for cell in row if cell)
            row.clear()
            if line:
                blocks.append(line)
        elif token.type in _BLOCKS_CLOSE:
            flush()
    flush()
    return "\n\n".join(blocks)


def _inline(children) -> str:
    out = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        # image, html_inline, link and emphasis marks: nothing (a link's text is its children)
    return "".join(out)
