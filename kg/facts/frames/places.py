"""Frames about where organisations are and whom they belong to: X旗下的Y,
来自杭州的X, 日本瑞萨 (a place before an organisation), names that begin
with a place, and X是一家美国的…公司."""

from __future__ import annotations

import re

from kg.facts.frames import frame
from kg.facts.roles import clause_start, hedged, left, right, triggers
from kg.model import Mention

_CLAUSE = re.compile(r"[，,；;：:。]")
_ORG_NOUN = r"{{places.org_noun}}$"


@frame("parent-v-child")
def parent_v_child(ex, pattern, rx, sent):
    for trig in triggers(ex, pattern, rx, sent):
        parents = left(ex, sent, trig.start(), ex.orgs, limit=2, skip_after=(), nearest=True)
        if not parents:
            continue
        children = right(ex, sent, trig.end(), ex.orgs, ("Company",), limit=10, skips=0)
        if hedged(ex, sent, parents[-1].end, trig):
            continue
        for c in children:
            yield c, pattern.predicate, parents[-1], 1.0


@frame("from-place")
def from_place(ex, pattern, rx, sent):
    for trig in triggers(ex, pattern, rx, sent):
        if trig.group() == "来自":
            places = right(ex, sent, trig.end(), ex.places, limit=2)
            if not places:
                continue
            after = places[-1].end
            if not sent.text.startswith("的", after):
                continue
            orgs = right(ex, sent, after + 1, ex.orgs, ("Company",), limit=12, skips=0)
            for o in orgs[:1]:
                for p in places:
                    yield o, pattern.predicate, p, 1.0
        else:
            orgs = left(ex, sent, trig.start(), ex.orgs, limit=6, nearest=True)
            places = right(ex, sent, trig.end(), ex.places, limit=4)
            for o in orgs:
                for p in places[:1]:
                    yield o, pattern.predicate, p, 1.0


@frame("place-prefix", triggerless=True)
def place_prefix(ex, pattern, rx, sent):
    """日本瑞萨, 中国AI初创公司深度求索, 美国的OpenAI; and names that begin
    with a place (杭州深度求索人工智能…有限公司)."""
    ms = sent.mentions
    for a, b in zip(ms, ms[1:]):
        if a.cls not in ex.places or b.cls not in ex.orgs or not a.cls:
            continue
        filler = sent.text[a.end:b.start].strip()
        if len(filler) > 10 or _CLAUSE.search(filler) or re.search(r"[、和与及]", filler):
            continue
        if re.search(r"[0-9一二三四五六七八九十第]", filler):
            continue
        if filler == "" or ex.grammar(_ORG_NOUN).search(filler):
            yield b, pattern.predicate, a, 1.0 if filler else 0.9
    for m in ms:
        if m.cls in ("Company", "Organization"):
            head = ex.head_of(m.text)
            if head is not None and head.cls in ("City", "Place") and len(head.text) < len(m.text):
                yield m, pattern.predicate, Mention(m.start, m.start + len(head.text), head.text,
                                                        head.cls, head.key, "prefix", 0.8), 0.9


@frame("is-place-org")
def is_place_org(ex, pattern, rx, sent):
    """Perplexity是一家美国的人工智能搜索初创企业 → Perplexity locatedIn 美国."""
    for trig in triggers(ex, pattern, rx, sent):
        lead = sent.text[clause_start(sent, trig.start()):trig.start()].strip()
        if lead in ex.word_set("places.lead_reference"):
            orgs = [m for m in reversed(sent.mentions) if m.end <= trig.start() and m.cls in ex.orgs][:1]
        else:
            orgs = left(ex, sent, trig.start(), ex.orgs, limit=20)
        tail = sent.text[trig.end():sent.end]
        cut = _CLAUSE.search(tail)
        tail_end = trig.end() + (cut.start() if cut else len(tail))
        places = [m for m in sent.mentions if trig.end() <= m.start and m.end <= tail_end and m.cls in ex.places]
        if not orgs or not places:
            continue
        rest = sent.text[places[0].end:tail_end]
        if not ex.grammar("{{places.is_org_noun}}").search(rest):
            continue
        for o in orgs[:1]:
            yield o, pattern.predicate, places[0], 0.9
