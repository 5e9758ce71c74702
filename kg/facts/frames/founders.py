"""A founder named by a bare title whose organisation an earlier sentence
names: 这个公司叫做Zyphora。…创始人陈立群一直很满意 (zero anaphora of the
organisation, the norm in Chinese prose). The title must open its clause
(or follow a company reference word or 据/根据), the sentence must name no
organisation of its own, and the nearest earlier sentence that names an
organisation must name exactly one; without a company reference word
(公司创始人P) that organisation must open its sentence (its topic)."""

from __future__ import annotations

import re

from kg.facts.frames import frame

_CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n]")


@frame("founder-before", triggerless=True)
def founder_before(ex, pattern, rx, sent):
    titles = sorted(ex.words("careers.founder_title"), key=len, reverse=True)
    lead_rx = ex.grammar(r"^\s*(?:{{careers.founder_lead}})?\s*$")
    rng = ex.range(pattern)
    if any(m.cls in ex.orgs for m in sent.mentions):
        return
    for p in sent.mentions:
        if p.cls != "Person":
            continue
        before = sent.text[max(sent.start, p.start - 10):p.start].rstrip()
        title = next((t for t in titles if before.endswith(t)), None)
        if title is None:
            continue
        ends = [x.end() for x in _CLAUSE_END.finditer(sent.text, sent.start, p.start)]
        opening = sent.text[max([sent.start, *ends]):p.start].rstrip()[:-len(title)]
        if not lead_rx.match(opening):
            continue
        org = _earlier_org(ex, sent, rng)
        referred = bool(ex.grammar(r"^\s*(?:{{careers.founder_reference}})\s*$").match(opening))
        if org is not None and (referred or _opens_sentence(sent.text, org)):
            yield p, pattern.predicate, org, 0.75, title
        return


def _opens_sentence(text: str, m) -> bool:
    """Zyphora专注于…: the organisation stands first in its sentence (its
    topic), not as a partner or a source inside it (…跟华为合作, （来源：新浪）)."""
    k = m.start
    while k > 0 and text[k - 1] in " \t\u3000":
        k -= 1
    return k == 0 or text[k - 1] in "。！？!?\n"


def _earlier_org(ex, sent, rng):
    """The one organisation of the nearest of the two sentences before
    that names any (None when it names several)."""
    for earlier in list(reversed(sent.previous))[:2]:
        orgs = {m.text: m for m in earlier if m.cls in ex.orgs and ex.fits(m.cls, rng)}
        if orgs:
            return next(iter(orgs.values())) if len(orgs) == 1 else None
    return None
