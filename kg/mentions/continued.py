"""Names that continue past a known name: a product named for where it
runs (Claude in Excel, Copilot for Word) and a version series after a
family name (Foo 1.0、2.0和3.0 → Foo 1.0, Foo 2.0, Foo 3.0)."""

from __future__ import annotations

import re

from kg.model import Mention

_PLACES = frozenset({"Country", "City", "Place"})
_THINGS = frozenset({"AIModel", "Product"})
# a capitalised Latin word of two letters or more (Excel, PowerPoint), optionally two (Google Sheets); not X in "Foo for X"
_HOST = r"[A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+)?(?![A-Za-z0-9.\-])"
_VERSION = r"[vV]?\d+\.\d+"
# closed-class joiners of a list: 、 , 和 与 及 以及
_JOIN = r"\s?(?:、|，|,|和|与|及|以及)\s?"


def hosted(text: str, taken: list[Mention], connectors: tuple[str, ...], is_place) -> list[Mention]:
    """``<model or product> in|for <Host>`` → one Product (Claude in
    PowerPoint). Not after a company (Google in Europe), not before a
    lower-case word (Claude in the browser), a number (GPT-4 in 2024) or
    a place (Claude in China)."""
    if not connectors:
        return []
    rx = re.compile(r" (?:" + "|".join(map(re.escape, connectors)) + r") (" + _HOST + ")")
    out = []
    for m in taken:
        if m.cls not in _THINGS:
            continue
        hit = rx.match(text, m.end)
        if hit is None or is_place(hit.group(1)):
            continue
        out.append(Mention(m.start, hit.end(), text[m.start:hit.end()], "Product", "",
                           "shape/hosted", 0.75))
    return out


def series(text: str, heads: dict[str, str], taken: list[Mention]) -> list[Mention]:
    """A family name followed by two or more versions in a list: each
    version is a model of the family (文心 1.0、2.0和3.0). ``heads`` maps
    a family name to its class (the Han names the gazetteer lists with a
    version glued on). One version alone is the name with that version."""
    if not heads:
        return []
    names = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
    rx = re.compile(rf"({names}) ?({_VERSION})((?:{_JOIN}{_VERSION})*)(?![0-9A-Za-z.%])")
    out = []
    for m in rx.finditer(text):
        if any(t.start < m.start(1) < t.end or t.start < m.end(1) < t.end for t in taken):
            continue                                # inside a longer known name
        head, cls = m.group(1), heads[m.group(1)]
        sep = " " if text[m.end(1):m.start(2)] == " " else ""
        first_end = m.end(2)
        out.append(Mention(m.start(1), first_end, text[m.start(1):first_end], cls, "", "shape", 0.8))
        for v in re.finditer(_VERSION, text[first_end:m.end()]):
            s, e = first_end + v.start(), first_end + v.end()
            out.append(Mention(s, e, f"{head}{sep}{v.group()}", cls, "", "shape", 0.75))
    return out


def family_heads(entries) -> dict[str, str]:
    """Han family names the gazetteer lists with a version glued on
    (文心 from 文心3.5 and 文心4.0): a name of two to four Han characters
    that at least two listed AIModel/Product names start with, each
    followed by a version and nothing else."""
    seen: dict[str, set[str]] = {}
    cls_of: dict[str, str] = {}
    for e in entries:
        if e.cls not in _THINGS:
            continue
        for name in e.names:
            m = re.fullmatch(r"([\u4e00-\u9fff]{2,4}) ?(\d+(?:\.\d+)?)", name)
            if m:
                seen.setdefault(m.group(1), set()).add(m.group(2))
                cls_of.setdefault(m.group(1), e.cls)
    return {h: cls_of[h] for h, vs in seen.items() if len(vs) >= 2}
