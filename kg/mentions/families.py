"""Known families of models, products and chips, read off the gazetteer:
the name an entry's version hangs on (GPT of GPT-4o, iPhone of iPhone 15
Pro, 骁龙 of 骁龙8 Gen 3) and every listed name itself. A name no list knows
that starts with one (GPT-7, iPhone 19 Pro) is likely of that family's class.
"""

from __future__ import annotations

import re
from collections import defaultdict

from kg.lexicon import Lexicon
from kg.mentions.gazetteer import fold_name

THING_CLASSES = ("AIModel", "Product", "Hardware")
_VERSION = re.compile(r"[\s\-_.]*(?:[vV]?\d|(?<=[\s\-])[A-Za-z]{1,2}\d)")


class Families:
    """Folded family names and full names → the classes they head."""

    def __init__(self, lexicon: Lexicon):
        makers = {fold_name(n) for e in lexicon.entries.values() if e.cls == "Company" for n in e.names}
        self._heads: dict[str, set[str]] = defaultdict(set)
        for e in lexicon.entries.values():
            if e.cls not in THING_CLASSES:
                continue
            for name in e.names:
                self._heads[fold_name(name)].add(e.cls)
                head = fold_name(family_of(name))
                # a maker's name heads its models (DeepSeek-V3), not all its products (Apple M1)
                if len(head) >= 2 and (e.cls == "AIModel" or head not in makers):
                    self._heads[head].add(e.cls)

    def of(self, name: str) -> set[str]:
        """The classes of the longest known name or family ``name`` starts
        with, cut where a token ends (GPT in GPT-7, iPhone in iPhone 19 Pro,
        骁龙 in 骁龙 9 Gen 1; not GPT in GPTBot)."""
        for cut in sorted(_cuts(name), reverse=True):
            classes = self._heads.get(fold_name(name[:cut]))
            if classes:
                return classes
        return set()


def family_of(name: str) -> str:
    """A name without its version part: ``Claude`` of Claude 3.7 Sonnet,
    ``Qwen`` of Qwen2.5-Max, ``iPhone`` of iPhone 15 Pro; the whole name
    when it has no version (Gemini, 骁龙)."""
    m = _VERSION.search(name)
    return (name[:m.start()] if m else name).strip(" -_.")


def _cuts(name: str) -> set[int]:
    """Where a prefix of ``name`` may end: the end, a separator, a change
    between letters and digits or between Latin and Han."""
    cuts = {len(name)}
    for i in range(1, len(name)):
        a, b = name[i - 1], name[i]
        if b in " -_." or (a.isalnum() and b.isalnum() and (a.isdigit() != b.isdigit() or a.isascii() != b.isascii())):
            cuts.add(i)
    return {c for c in cuts if c >= 2}
