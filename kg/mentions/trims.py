"""Trims of recognised mentions: a one-character office verb (任) glued
to a two-character name by the segmenter is the verb when a title follows
in the same clause (王芳任星河科技总经理 → 王芳); a Latin sequence noun with
a number (Step 1, Phase 2) labels a step and names no thing; a name the document also writes as an
app (Zeta app, Zeta 应用) is the product where only a weak context word
(Zeta 团队) made it a company."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.model import Mention

_CLAUSE_END = re.compile(r"[，,。；;：:！!？?\n]")


def office_verb_trim(text: str, mentions: list[Mention], office_chars: frozenset[str],
                     title_re: re.Pattern | None, max_clause: int = 30) -> list[Mention]:
    """A Person of three Han characters ending in an office verb, with a
    title later in its clause, loses that last character."""
    if not office_chars or title_re is None:
        return mentions
    out = []
    for m in mentions:
        if m.cls == "Person" and len(m.text) == 3 and m.text[-1] in office_chars \
                and m.source.startswith("names/") and _title_follows(text, m.end, title_re, max_clause):
            m = replace(m, end=m.end - 1, text=m.text[:-1])
        out.append(m)
    return out


def _title_follows(text: str, pos: int, title_re: re.Pattern, width: int) -> bool:
    clause = text[pos:pos + width]
    stop = _CLAUSE_END.search(clause)
    if stop:
        clause = clause[:stop.start()]
    return title_re.search(clause) is not None


def sequence_labels(mentions: list[Mention], words: frozenset[str]) -> list[Mention]:
    """Step 1, Phase 2: a shape-made mention that is a sequence noun and a
    number is dropped (a listed name keeps its mention)."""
    if not words:
        return mentions
    return [m for m in mentions if not (m.source.startswith("shape") and _sequence(m.text, words))]


def _sequence(text: str, words: frozenset[str]) -> bool:
    parts = text.split()
    if len(parts) == 1:
        head = text.rstrip("0123456789")
        return head != text and head in words
    return len(parts) == 2 and parts[0] in words and parts[1].isdigit()


def apps_stay_products(mentions: list[Mention], tails: tuple[str, ...]) -> list[Mention]:
    """Zeta app … Zeta 团队: a context-typed company whose name the document
    also writes with an app tail (names/product) is that product."""
    apps = set()
    for m in mentions:
        if m.source == "names/product" and m.cls == "Product":
            tail = next((t for t in tails if m.text.endswith(t)), None)
            if tail and len(m.text) > len(tail):
                apps.add(m.text[:-len(tail)].strip())
    if not apps:
        return mentions
    return [replace(m, cls="Product") if m.cls == "Company" and m.source == "context" and m.text in apps
            else m for m in mentions]
