"""One name, every occurrence: a name the name grammar recognised once in
a document is that thing wherever else the same characters stand; a
longer form of a person's name seen in the document wins over a cut one
(邱垂正 … 邱垂|正在); and the family name of a person named in full
(Michael Truell … Truell, 埃隆·马斯克 … 马斯克) is that person."""

from __future__ import annotations

import re

from kg.lexicon import alternation
from kg.model import Mention

_PARTS = re.compile(r"[·・‧•. \-]+")
_LATIN_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’]+$")


def propagate(text: str, mentions: list[Mention]) -> list[Mention]:
    known = {m.text: m for m in mentions if m.source.startswith("names/") and m.cls
             and len(m.text) >= 2}
    parts = _name_parts(mentions)
    if not known and not parts:
        return mentions
    mentions = _longer_forms(text, mentions, {t: m for t, m in known.items() if m.cls == "Person"})
    extra = []
    if known:
        for m in alternation(known).finditer(text):
            if not _blocked(m.start(), m.end(), mentions + extra):
                src = known[m.group()]
                extra.append(Mention(m.start(), m.end(), m.group(), src.cls, "",
                                     "names/propagated", src.confidence - 0.1))
    if parts:
        for m in re.finditer(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, sorted(parts, key=len, reverse=True)))
                             + r")(?![A-Za-z])", text):
            if not _blocked(m.start(), m.end(), mentions + extra):
                extra.append(Mention(m.start(), m.end(), m.group(), "Person", "", "names/part", 0.6))
    drop = {(m.start, m.end) for m in extra}
    kept = [m for m in mentions if not (m.cls == "" and (m.start, m.end) in drop)]
    return sorted(kept + extra, key=lambda m: (m.start, m.end))


def _blocked(start: int, end: int, mentions: list[Mention]) -> bool:
    """Another mention is in the way; an untyped Latin run of exactly
    these characters is not (it takes the class)."""
    return any(start < m.end and m.start < end and not (
        m.cls == "" and m.start == start and m.end == end) for m in mentions)


def _name_parts(mentions: list[Mention]) -> set[str]:
    """The family names of persons named in full (a Latin name of two or
    more words, a transliteration split by a dot), when one person of the
    document has it."""
    owners: dict[str, set[str]] = {}
    for m in mentions:
        if m.cls != "Person":
            continue
        bits = [b for b in _PARTS.split(m.text) if b]
        if len(bits) < 2:
            continue
        b = bits[-1]        # a given name alone is too often someone else's (Jack, David)
        if _LATIN_WORD.match(b) and len(b) >= 3 or re.fullmatch(r"[\u4e00-\u9fff]{2,}", b):
            owners.setdefault(b, set()).add(m.text)
    return {b for b, full in owners.items() if len(full) == 1 and b not in full}


def _longer_forms(text: str, mentions: list[Mention], people: dict[str, Mention]) -> list[Mention]:
    """王益|为 where the document also has 王益为: the person's mention
    grows to the longer name it starts."""
    if not people:
        return mentions
    out = []
    for m in mentions:
        if m.cls == "Person" and m.source.startswith("names/"):
            longer = [t for t in people if len(t) > len(m.text) and t.startswith(m.text)
                      and text.startswith(t, m.start)]
            end = m.start + max(map(len, longer)) if longer else m.end
            if longer and not any(m.end <= o.start < end for o in mentions):
                from dataclasses import replace

                m = replace(m, end=end, text=text[m.start:end])
        out.append(m)
    return out
