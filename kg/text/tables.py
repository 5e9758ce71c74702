"""The text stage's data files, read on first use and then kept: character
tables in ``kg/data/text/*.txt`` and the word lists of
``kg/data/words/text.tsv`` (the text stage runs below the lexicon, so it
reads them itself; the lexicon, which reads every ``words/*.tsv``, sees them
too)."""

from __future__ import annotations

import functools

from kg.errors import KGError
from kg.lexicon import read_word_lists
from kg.resources import data_path

__all__ = ["characters", "words"]

WORDS = "words/text.tsv"


@functools.lru_cache(maxsize=None)
def characters(name: str) -> frozenset[str]:
    """The characters of the data file ``name`` (under ``kg/data``): any
    number a line, whitespace ignored, '#' starting a comment line."""
    path = data_path(name)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"data file {path} cannot be read ({exc}); restore it from the "
                      "repository") from exc
    return frozenset("".join("".join(line.split()) for line in raw.splitlines()
                             if not line.strip().startswith("#")))


@functools.lru_cache(maxsize=None)
def _word_lists() -> dict[str, tuple[str, ...]]:
    return read_word_lists([data_path(WORDS)])


def words(kind: str) -> tuple[str, ...]:
    """The words of the list ``kind`` of ``kg/data/words/text.tsv``, in file
    order; an unknown kind is an error."""
    try:
        return _word_lists()[kind]
    except KeyError:
        raise KGError(f"no word list {kind!r} in {data_path(WORDS)}; add a line "
                      "'KIND<TAB>word|word' for it") from None
