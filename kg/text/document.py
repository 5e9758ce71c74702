"""A decoded input text (:class:`Document`) and its title (:func:`title_of`)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from kg.model import DocumentInfo

__all__ = ["TITLE_MAX", "Document", "file_name", "language_tag", "title_of"]

TITLE_MAX = 120
_SURROGATE = re.compile("[\ud800-\udfff]")


def file_name(name: str) -> str:
    """A file name as text that can be written anywhere (UTF-8, Turtle, JSON):
    the bytes of a name that are not UTF-8 — lone surrogates from
    ``os.fsdecode`` — as ``\\xff``; other names unchanged."""
    def escape(match: re.Match) -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
    return _SURROGATE.sub(escape, name)


@dataclass(frozen=True)
class Document:
    doc_id: str               # first 16 hex digits of sha256
    sha256: str               # of the decoded text, encoded UTF-8
    title: str
    original: str             # decoded text, \n line ends, no BOM
    files: tuple[str, ...]    # file names (several when the same text comes twice)
    issued: str = ""          # publication date (ISO 8601), when the source gives it
    publisher: str = ""       # the outlet
    url: str = ""
    fetched: str = ""         # when a crawler fetched it (ISO 8601 date-time: WARC-Date)
    language: str = ""        # as the source states it (BCP 47: zh, zh-TW)

    def info(self) -> DocumentInfo:
        """What an extraction keeps of its document (no text)."""
        return DocumentInfo(self.doc_id, self.sha256, self.title, self.files, self.issued,
                            self.publisher, self.url, self.fetched, self.language)

    @classmethod
    def from_text(cls, original: str, name: str = "text.txt", *, title: str = "", issued: str = "",
                  publisher: str = "", url: str = "", fetched: str = "",
                  language: str = "") -> "Document":
        """The document of a decoded text, as if read from a file called
        ``name``; the title is the first line unless one is given."""
        sha = hashlib.sha256(original.encode("utf-8")).hexdigest()
        return cls(sha[:16], sha, title.strip()[:TITLE_MAX] or title_of(original), original,
                   (file_name(name),),
                   issued, publisher, url, fetched, language_tag(language))


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def language_tag(value) -> str:
    """A BCP 47 language tag as given (``zh``, ``zh-TW``; ``zh_CN`` written
    ``zh-CN``), or "" when the value is none."""
    value = str(value or "").strip()
    return value.replace("_", "-") if _LANGUAGE.fullmatch(value) else ""


_MD_ONLY_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LEAD_MARKS = re.compile(r"^(?:#{1,6}(?=\s|[^#])|>|[*+-](?=\s)|\s)+")
_TRAIL_MARKS = re.compile(r"[\s#]+$")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")
_TITLE_SCAN = 4 * TITLE_MAX


def _lines(text: str):
    """The lines of ``text``, one at a time (no list of a 20 MB file's lines)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def title_of(text: str) -> str:
    """The first line with words in it, stripped of markdown heading, quote
    and list marks, emphasis and trailing '#'; at most TITLE_MAX chars.
    Only a line's first few hundred characters are looked at, so a huge
    one-line file costs no more than a short one."""
    for line in _lines(text):
        line = _TRAIL_MARKS.sub("", _LEAD_MARKS.sub("", line.strip()[:_TITLE_SCAN]))
        line = _EMPHASIS.sub(r"\2", line).strip()
        if line and not _MD_ONLY_IMAGE.fullmatch(line):
            return line[:TITLE_MAX]
    return ""
