"""What a reference stands for, beyond 其 and 该公司 (:mod:`kg.facts.roles`):
他/她 before a speech verb, 这两款模型 (as many names as the numeral
says), 这个实验室 (the nearest name ending in the noun), and the agent of
由 behind a description (由人工智能奠基人陈立群院士创立). Each helper takes
a :class:`kg.facts.sentences.Sentence`."""

from __future__ import annotations

import re

from kg.facts.sentences import clause_start

# the constructions; their words are the references.* lists of kg/data/words/facts.tsv
_ADVERBS = r"\s*{{references.adverb}}*\s*"
_NUMBERED = r"\s*{{references.numbered_lead}}([两二三四]){{references.numbered_measure}}"
_HE = r"\s*{{references.he_lead}}?\s*[他她](?![们們]){{references.he_after}}*\s*$"
_THIS_NOUN = r"{{references.this}}([\u4e00-\u9fff]{2,4})\s*$"


def numbered(ex, sent, clause, pos):
    """(n, where) when pos's clause opens with 这两款…, or the clause before
    is only that (这两款推理模型，均对标…); else None."""
    lead = ex.grammar(_NUMBERED)
    m = lead.match(sent.text, clause, pos)
    if m is None and clause > sent.start:
        prev = clause_start(sent, clause - 1)
        if clause - prev <= 12 and ex.grammar(_ADVERBS).fullmatch(sent.text, clause, pos):
            m = lead.match(sent.text, prev, clause)
    return ({"三": 3, "四": 4}.get(m.group(1), 2), m.start()) if m else None


def last_named(fit, sent, cands, n):
    """The last n distinct names before (this sentence, then the one
    before) that ``fit`` accepts, or nothing when there are fewer."""
    found = []
    for m in reversed([x for p in sent.previous[-1:] for x in p] + list(cands)):
        t = fit(m)
        if t is not None and t.text not in {f.text for f in found}:
            found.insert(0, t)
        if len(found) == n:
            return found
    return []


def pronoun_speaker(ex, sent, pos):
    """但他也指出…: 他/她 alone before the speech verb stands for the last
    person named in this sentence or the one before it, else for the one
    person of the paragraph (or of the paragraph before)."""
    if not ex.grammar(_HE).match(sent.text[clause_start(sent, pos):pos]):
        return []
    here = [m for m in sent.mentions if m.end <= pos and m.cls == "Person"]
    if here:
        return here[-1:]
    for earlier in reversed(sent.previous[-1:]):
        people = [m for m in earlier if m.cls == "Person"]
        if people:
            return people[-1:]
    return _paragraph_person(sent, pos)


def _paragraph_person(sent, pos):
    """他 of 第三层则比较大度。他承认…: the one person this paragraph names
    before pos, else the one person of the paragraph before; none when
    either names two."""
    line = sent.text.rfind("\n", 0, sent.start) + 1
    before = line - 1
    while before > 0 and not sent.text[sent.text.rfind("\n", 0, before) + 1:before].strip():
        before = sent.text.rfind("\n", 0, before)
    prev = sent.text.rfind("\n", 0, max(before, 0)) + 1 if before > 0 else line
    for lo, hi in ((line, pos), (prev, line)):
        people = {m.text: m for m in sent.starting(lo, hi) if m.end <= hi and m.cls == "Person"}
        if people:
            return list(people.values()) if len(people) == 1 else []
    return []


def titled_marker(ex, sent, pos, markers):
    """由人工智能奠基人陈立群: the marker, then a short description ending
    in a title, then the agent at pos. Where the marker stands, or None."""
    seg = sent.text[clause_start(sent, pos):pos]
    for mk in markers:
        k = seg.rfind(mk)
        filler = seg[k + len(mk):] if k >= 0 else ""
        if k < 0 or not 0 < len(filler) <= 16 or re.search(r"[、和与及]", filler):
            continue
        if any(filler.endswith(t) for t in ex.titles) or (ex.role_ending and ex.role_ending.search(filler)):
            return pos - len(filler) - len(mk)
    return None


def noun_reference(ex, sent, pos, allowed):
    """这个实验室由…: the nearest name before that ends with the noun."""
    lead = ex.grammar(_THIS_NOUN).search(sent.text[clause_start(sent, pos):pos])
    if not lead:
        return []
    noun = lead.group(1)
    pools = [[m for m in sent.mentions if m.end <= pos]] + [list(p) for p in reversed(sent.previous[-2:])]
    for pool in pools:
        for m in reversed(pool):
            if m.text.endswith(noun) and len(m.text) > len(noun) and ex.fits(m.cls, allowed):
                return [m]
    return []
