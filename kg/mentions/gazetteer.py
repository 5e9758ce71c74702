"""Find gazetteer names in text with one Aho-Corasick automaton.

Names and text are compared in a *folded* form: ASCII lower case, and the
separators ``space - _ · ・`` between two letters or digits removed, so
``GPT-4o``, ``GPT4o`` and ``gpt 4o`` are one name and ``山姆・奥特曼`` equals
``山姆·奥特曼``. Hits are mapped back to the text's own offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from kg.lexicon import Entry

_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_WORD = r"0-9A-Za-z\u3400-\u9fff"
_SEP = re.compile(rf"(?<=[{_WORD}])[ \-_·・‧•](?=[{_WORD}])")
_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")

# class priority when one surface form names entities of several classes
_PRIORITY = {"AIModel": 0, "Company": 1, "Product": 2, "Hardware": 3, "Person": 4,
             "GovernmentBody": 5, "Organization": 6, "Country": 7, "City": 8, "Place": 9}


def fold(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded char, its index in ``text``."""
    low = text.translate(_UPPER)
    drop = {m.start() for m in _SEP.finditer(low)}
    if not drop:
        return low, list(range(len(low)))
    idx = [i for i in range(len(low)) if i not in drop]
    return "".join(low[i] for i in idx), idx


def fold_name(name: str) -> str:
    return fold(name)[0]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entries: tuple[Entry, ...]   # every entity this surface form names, best first


class Gazetteer:
    """All names of all entries in one automaton."""

    def __init__(self, entries, not_entities=frozenset()):
        names: dict[str, list[Entry]] = {}
        spaced: set[str] = set()        # keys some listed name writes with a space (Open AI)
        for e in entries:
            for name in e.names:
                key = fold_name(name)
                if len(key) < 2 or key in not_entities:
                    continue
                if " " in name.strip():
                    spaced.add(key)
                bucket = names.setdefault(key, [])
                if e not in bucket:
                    bucket.append(e)
        self._auto = ahocorasick.Automaton()
        for key, bucket in names.items():
            bucket.sort(key=lambda e: (_PRIORITY.get(e.cls, 99), e.id))
            self._auto.add_word(key, (len(key), tuple(bucket), key in spaced))
        if names:
            self._auto.make_automaton()
        self._empty = not names

    def find(self, text: str) -> list[Hit]:
        """Every name occurrence that starts and ends at a plausible word
        boundary (Latin names may not continue into letters or digits)."""
        if self._empty:
            return []
        folded, idx = fold(text)
        hits = []
        for end_f, (length, bucket, spaced) in self._auto.iter(folded):
            start = idx[end_f - length + 1]
            end = idx[end_f] + 1
            if not spaced and _english_words(text[start:end]):
                continue                # to go is not Togo, on line is not Online
            if _boundary_ok(text, start, end):
                hits.append(Hit(start, end, bucket))
        return hits


_LOWER_WORDS = re.compile(r"[a-z]+(?: [a-z]+)+")


def _english_words(span: str) -> bool:
    """Lower-case Latin words with spaces between them (an English
    phrase), where no listed name has a space."""
    return bool(_LOWER_WORDS.fullmatch(span))


def _boundary_ok(text: str, start: int, end: int) -> bool:
    if _ASCII_ALNUM.match(text[start]) and start > 0 and _ASCII_ALNUM.match(text[start - 1]):
        return False
    if _ASCII_ALNUM.match(text[end - 1]) and end < len(text):
        nxt = text[end]
        if _ASCII_ALNUM.match(nxt):
            return False
        # a version goes on: "Claude 3" in "Claude 3.7" ("DeepSeek" in
        # "DeepSeek-R1" stays: the longer model mention wins the overlap later)
        if nxt == "." and end + 1 < len(text) and text[end + 1].isdigit():
            return False
    return True


_HAN = re.compile(r"[\u3400-\u9fff]")


def straddles(text: str, start: int, end: int, segment, width: int = 8, longest: int = 4) -> bool:
    """Does a short Han name at text[start:end] lie across the words of the
    segmentation, starting inside one word and ending inside one (义乌 in
    资本主义|乌托邦)? A name that starts or ends where a word does (杭州 in
    杭州人, 北京 in 北京大学) is kept. ``segment`` cuts a string into words."""
    if end - start > longest or not (_HAN.match(text[start]) and _HAN.match(text[end - 1])):
        return False
    lo = start
    while lo > max(0, start - width) and _HAN.match(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < min(len(text), end + width) and _HAN.match(text[hi]):
        hi += 1
    if lo == start and hi == end:
        return False
    bounds, pos = {lo}, lo
    for w in segment(text[lo:hi]):
        pos += len(w)
        bounds.add(pos)
    return start not in bounds and end not in bounds
