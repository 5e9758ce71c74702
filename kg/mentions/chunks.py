"""A very long document read in bounded windows of whole sentences.

The spaCy pipeline refuses texts over ``nlp.max_length`` characters and the
name recognisers cost more than linear time in the length of what they are
given, so a document longer than :data:`CHUNK_CHARS` is run through the
pipeline one window of consecutive sentences at a time, and the mentions'
offsets are shifted back into the whole text. A document that fits in one
window is run whole, exactly as before. Only mention finding is windowed:
relations and attributes still see the whole text and every mention."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator

from kg.model import Mention

__all__ = ["CHUNK_CHARS", "mentions_by_chunk", "windows"]

CHUNK_CHARS = 10_000   # longer than nearly every news article; far under spaCy's max_length


def windows(sentences: list[tuple[int, int]], limit: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """Spans of consecutive sentences, each at most ``limit`` characters long
    unless one sentence alone is longer. Sentence spans must be sorted and
    not overlap (as :func:`kg.text.sentences.split_sentences` gives them); only
    the whitespace between two windows is left out."""
    start = end = None
    for s, e in sentences:
        if start is not None and e - start > limit:
            yield start, end
            start = None
        if start is None:
            start = s
        end = e
    if start is not None:
        yield start, end


def mentions_by_chunk(find: Callable[[str], list[Mention]], text: str,
                      sentences: list[tuple[int, int]], limit: int = CHUNK_CHARS) -> list[Mention]:
    """``find(text)`` on the whole text when it fits in ``limit`` characters,
    else on each window of sentences, offsets shifted back into ``text``."""
    if len(text) <= limit:
        return list(find(text))
    out: list[Mention] = []
    for start, end in windows(sentences, limit):
        out.extend(replace(m, start=m.start + start, end=m.end + start)
                   for m in find(text[start:end]))
    return out
