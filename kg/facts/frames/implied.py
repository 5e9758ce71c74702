"""A corporate title with no organisation before it (…加入星海智能…，与CEO
王某、首席科学家李某形成核心班底): the one organisation the sentence names
before the title is the one meant."""

from __future__ import annotations

import re


_ORG = frozenset({"Organization", "Company"})
_LEAD = re.compile(r"[、，,与和及跟同]\s*$")


def bare_title(ex, pattern, rx, sent):
    for i, p in enumerate(sent.mentions):
        if p.cls != "Person":
            continue
        title = _corporate_title_before(ex, sent, p, sent.mentions[i - 1].end if i else sent.start)
        if title is None:
            continue
        orgs = {m.text: m for m in sent.mentions[:i] if m.cls in _ORG}
        if len(orgs) != 1:
            continue
        org = next(iter(orgs.values()))
        if ex.hedged(sent.text[org.end:p.start]):
            continue
        yield p, pattern["predicate"], org, 0.8, title


def _corporate_title_before(ex, sent, p, prev_end):
    """The corporate title right before p, led only by a list separator,
    a preposition or the start of the sentence."""
    filler = sent.text[prev_end:p.start]
    t = ex.corporate_title.search(filler) if ex.corporate_title else None
    return t.group() if t and _LEAD.search(filler[:t.start()]) else None


FRAMES = {"bare-title": bare_title}
