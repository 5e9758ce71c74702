"""Model codes after a maker's brand word: 仰望 U8, 坦克 300, 奔驰 GLS,
红旗 L9. The brand word is a listed company's short Han name (奔驰, 哈弗)
or its listed name without a maker tail (仰望 of 仰望汽车, 坦克 of
坦克品牌), which alone is too common a word to be a mention. The code
makes one product name with it; whether it is a product at all the
document's cues decide (kg.mentions.kinds: ``shape/brand`` is a decided
shape), so 坦克 300 needs a vehicle cue and 坦克 alone is nothing.
"""

from __future__ import annotations

import re

from kg.model import Mention

SOURCE = "shape/brand"
_HAN = r"[\u4e00-\u9fff]"
# letters and digits (U8, LX570, SU7), a bare number of two to four digits (300, 911), capitals alone (GLS)
_CODE = r"[A-Z]{1,3}\d{1,4}[A-Z]{0,2}|\d{2,4}|[A-Z]{2,4}"
_YEAR = re.compile(r"(?:19|20)\d\d")


def brand_stems(entries, tails: tuple[str, ...]) -> dict[str, bool]:
    """Brand words → whether the word is itself a listed name (奔驰: True;
    仰望 of 仰望汽车: False). Only companies' Han names of two to four
    characters."""
    out: dict[str, bool] = {}
    for e in entries:
        if e.cls != "Company":
            continue
        for name in e.names:
            if re.fullmatch(f"{_HAN}{{2,4}}", name):
                out[name] = True
            for t in tails:
                stem = name[:-len(t)]
                if name.endswith(t) and re.fullmatch(f"{_HAN}{{2,3}}", stem):
                    out.setdefault(stem, False)
    return out


def coded_products(text: str, stems: dict[str, bool], units: re.Pattern | None,
                   stop: frozenset[str], taken: list[Mention], segment) -> list[Mention]:
    """``<brand word> <code>`` as one Product of the decided shape. Not a
    year or a number with a unit (比亚迪 2023年, 坦克 300辆), not a word
    the lexicon says names nothing (比亚迪 CEO); capitals alone only after
    a brand word that is a listed name itself, which takes a letter code
    as a mention of its own (kinds types it beside the name). The brand word starts a
    word of the segmentation (``segment`` cuts a string into words) or
    follows a known name (比亚迪仰望 U8); 的理想 2 is no brand."""
    if not stems:
        return []
    names = "|".join(map(re.escape, sorted(stems, key=len, reverse=True)))
    rx = re.compile(rf"({names}) ?({_CODE})(?![0-9A-Za-z.+-])")
    ends = {t.end for t in taken}
    out = []
    for m in rx.finditer(text):
        code = m.group(2)
        if m.start() not in ends and not _starts_word(text, m.start(), m.end(1), segment):
            continue
        if any(t.start < m.end(1) and m.start() < t.end and t.end - t.start > len(m.group(1)) for t in taken):
            continue                            # inside a longer known name
        if code.lower() in stop:
            continue
        if code.isdigit() and (_YEAR.fullmatch(code) or (units is not None and units.match(text, m.end()))):
            continue
        if code.isalpha() and not stems[m.group(1)]:
            continue
        if stems[m.group(1)] and not (code.isalpha() or code.isdigit()):
            continue                            # 哈弗 H9: the listed name and its code (kg.mentions.kinds)
        out.append(Mention(m.start(), m.end(), m.group(), "Product", "", SOURCE, 0.75))
    return out


def _starts_word(text: str, start: int, end: int, segment, width: int = 6) -> bool:
    """Does the segmentation of the Han run around text[start:end] have
    words that start at ``start`` and end at ``end``?"""
    lo = start
    while lo > max(0, start - width) and re.match(_HAN, text[lo - 1]):
        lo -= 1
    if lo == start:
        return True
    bounds, pos = {lo}, lo
    for w in segment(text[lo:end]):
        pos += len(w)
        bounds.add(pos)
    return start in bounds
