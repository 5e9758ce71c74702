"""Where the segmentation's words lie: a match that starts inside a word
(理 of 经理 before 西达斯·拉奥) starts where that word ends."""

from __future__ import annotations

import re

_ANY = re.compile(r".+", re.S)


def word_cuts(words: list[tuple[int, int]]) -> dict[int, int]:
    """Every offset strictly inside a word of two or more characters → the
    end of that word."""
    return {k: e for s, e in words if e - s > 1 for k in range(s + 1, e)}


def trimmed(m: re.Match, cut: dict[int, int]) -> re.Match | None:
    """经理|西达斯·拉奥: a match that starts inside a word of the
    segmentation starts where that word ends (None when nothing is left
    but one character)."""
    end = cut.get(m.start())
    if end is None:
        return m
    return _ANY.match(m.string, end, m.end()) if end < m.end() - 1 else None
