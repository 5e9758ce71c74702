"""Normalised text → bounded sentences: :func:`split_sentences` cuts at
sentence punctuation and newlines, and a sentence too long for the parser
at its last comma within ``MAX_SENTENCE`` characters."""

from __future__ import annotations

import re

__all__ = ["MAX_SENTENCE", "split_sentences"]

MAX_SENTENCE = 400
_BOUNDARY = re.compile(r"(?:[。！？!?；;…]|\.{3,})+[”’」』）)\]】》\"']*|\n")
_SOFT_BREAK = re.compile(r"，|(?<!\d),|,(?!\d)|、")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans cut after 。！？!?；; … …… ... (closing quotes and brackets stay with
    their sentence) and at newlines; a lone ASCII '.' never cuts (3.5, Data.ai).
    Spans are stripped, empty ones dropped; a span over MAX_SENTENCE chars is
    cut at its last comma within the limit (else at a space, else hard)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        _emit(text, start, m.end(), spans)
        start = m.end()
    _emit(text, start, len(text), spans)
    return spans


def _emit(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = _strip(text, start, end)
    while end - start > MAX_SENTENCE:
        cut = _last_break(text, start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        spans.append(_strip(text, start, cut))
        start, end = _strip(text, cut, end)
    if end > start:
        spans.append((start, end))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, max(start + lead, start + len(piece.rstrip()))


def _last_break(text: str, lo: int, hi: int) -> int:
    """End of the last comma (else space) in text[lo:hi], else hi."""
    window = text[lo:hi]
    ends = [m.end() for m in _SOFT_BREAK.finditer(window)] or [window.rfind(" ") + 1]
    return lo + ends[-1] if ends[-1] else hi
