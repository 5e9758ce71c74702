"""A founder named by a bare title whose organisation an earlier sentence
names: 这个公司叫做Zyphora。…创始人陈立群一直很满意 (zero anaphora of the
organisation, the norm in Chinese prose). The title must open its clause
(or follow a company reference word or 据/根据), the sentence must name no
organisation of its own, and the nearest earlier sentence that names an
organisation must name exactly one."""

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
        if org is not None:
            yield p, pattern.predicate, org, 0.75, title
        return


def _earlier_org(ex, sent, rng):
    """The one organisation of the nearest of the two sentences before
    that names any (None when it names several)."""
    for earlier in list(reversed(sent.previous))[:2]:
        orgs = {m.text: m for m in earlier if m.cls in ex.orgs and ex.fits(m.cls, rng)}
        if orgs:
            return next(iter(orgs.values())) if len(orgs) == 1 else None
    return None
