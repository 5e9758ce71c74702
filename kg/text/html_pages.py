"""Web pages as documents (``.html``, ``.htm``, and the HTML responses of a
WARC file): the article's body and its metadata — title, publication date,
site name, URL — extracted with trafilatura (the language from ``<html lang>``). Scripts, styles, navigation,
footers and comment sections are dropped, so text a page only carries in
its code or menus yields no fact.

The date is the one the page's markup states (``<meta>``, JSON-LD,
``<time>``); trafilatura is not asked to guess it from the text, so the
same page always gives the same date."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from kg.errors import InputError
from kg.text.decode import read_bytes
from kg.text.document import Document
from kg.text.feeds import iso_date

__all__ = ["HTML_SUFFIXES", "is_html", "html_document", "read_html"]

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Chinese is dense: a short news item is a few dozen characters, and below
# trafilatura's default (250) it falls back to an extractor that keeps menus.
_MIN_EXTRACTED = "24"
# removed before any extraction, the fallback extractors' included
_PRUNE = ["//nav", "//footer", "//aside", "//*[@role='navigation']", "//*[@role='banner']"]
_DATES = {"extensive_search": False, "original_date": True, "max_date": "2100-12-31"}


def is_html(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


@functools.cache
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", _MIN_EXTRACTED)
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")     # no signal handlers in workers
    return config


def html_document(data: bytes | str, name: str, *, url: str = "", fetched: str = "") -> Document:
    """The article of one page; ``url`` (where it was fetched from) is used
    when the page names none. An InputError when the page holds no text."""
    try:
        import trafilatura
    except ImportError as exc:      # pragma: no cover - a dependency of kg
        raise InputError(f"{name}: reading HTML needs trafilatura; pip install trafilatura") from exc
    if isinstance(data, bytes) and not data.strip():
        raise InputError(f"{name}: is empty; give a web page that holds an article")
    try:
        from trafilatura.utils import load_html

        tree = load_html(data)
        language = (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "") \
            if tree is not None else ""
        page = trafilatura.bare_extraction(
            tree if tree is not None else data, url=url or None, with_metadata=True, include_comments=False,
            include_tables=True, include_images=False, favor_precision=True,
            prune_xpath=_PRUNE, date_extraction_params=_DATES, config=_config())
    except Exception as exc:    # lxml and trafilatura raise many kinds on broken pages
        log.debug("trafilatura failed on %s", name, exc_info=True)
        raise InputError(f"{name}: cannot read it as a web page ({type(exc).__name__}); "
                         "check that it is HTML") from exc
    body = _clean(getattr(page, "text", None) or "")
    if not body:
        raise InputError(f"{name}: no article text found in the page; give a page that holds "
                         "an article (menus, scripts and comments are not read)")
    return Document.from_text(
        body, name, title=_one_line(getattr(page, "title", None)),
        issued=iso_date(getattr(page, "date", None)),
        publisher=_one_line(getattr(page, "sitename", None)),
        url=_one_line(getattr(page, "url", None)) or url, fetched=fetched, language=language)


def read_html(path: Path) -> Document:
    path = Path(path)
    data = read_bytes(path)
    return html_document(data, path.name)


def _one_line(value) -> str:
    return " ".join(str(value).split()) if value else ""


def _clean(text: str) -> str:
    """\\n line ends, no trailing spaces, at most one blank line in a row."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
