"""The frames of a trigger verb: subject before it and object after it
(active, reversed), the passive (被/由), 由X驱动的Y and 将/把; and, used by
the launch frames (:mod:`kg.facts.frames.launch`), the object alone before
it (agentless, :func:`ov`) and a 的-phrase (发布的X, :func:`v_de_o`)."""

from __future__ import annotations

import re

from kg.facts.frames import frame
from kg.facts.references import noun_reference, titled_marker
from kg.facts.roles import (
    brand_of, clause_start, distance_factor, hedged, left, pronoun_at, right, topic, triggers,
)


@frame("svo")
def svo(ex, pattern, rx, sent, reverse=False):
    dom, rng = ex.domain(pattern), ex.range(pattern)
    if reverse:
        dom, rng = rng, dom
    pred = pattern.predicate
    for trig in triggers(ex, pattern, rx, sent):
        subjects = left(ex, sent, trig.start(), dom, ("Company",) if not reverse else ("Company",))
        if not subjects or hedged(ex, sent, subjects[-1].end, trig):
            continue
        objects, factor = [], 1.0
        between = sent.text[subjects[-1].end:trig.start()]
        if re.search(r"[将把]", between) and any(subjects[-1].end <= m.start and m.end <= trig.start()
                                               for m in sent.mentions):
            continue                # S将X上架Y: the ba frame reads it
        if pattern.dui_object and "对" in between:
            at = subjects[-1].end + between.rindex("对") + 1
            objects = [m for m in right(ex, sent, at, rng, limit=3)[:4] if m.end <= trig.start()]
            if not objects and pronoun_at(ex, sent, at):
                t = topic(ex, sent, at, rng, subjects)
                objects = [t] if t else []
                factor = 0.85
        if not objects:
            objects = right(ex, sent, trig.end(), rng, limit=pattern.object_limit,
                             metonymy=pattern.metonymy)
        if not objects and pattern.described_object:
            objects = _described(ex, sent, trig.end(), rng)
        if not objects:         # 发布了性能对标X的新模型——Y: the name after the dash
            dash = re.compile(r"[^，,。；;]{0,40}?(?:——|—|：|:)\s*").match(sent.text, trig.end(), sent.end)
            if dash:
                objects = right(ex, sent, dash.end(), rng, limit=2, skips=0)
        tails = pattern.object_not_followed_by
        if objects and tails and sent.text[objects[-1].end:objects[-1].end + 4].lstrip().startswith(tails):
            continue
        if not objects and pronoun_at(ex, sent, trig.end()):
            t = topic(ex, sent, trig.start(), rng, subjects)
            objects, factor = ([t], 0.8) if t else ([], 1.0)
        if not objects and trig.group() in pattern.topic_triggers:
            t = topic(ex, sent, subjects[0].start, rng, subjects)
            objects, factor = ([t], 0.7) if t else ([], 1.0)
        gap = trig.start() - subjects[-1].end
        if len(subjects) > 1 and len(subjects) == len(objects) and ex.grammar("{{basic.respectively}}").search(between):
            for s, o in zip(subjects, objects):     # A和B分别发布了X和Y
                yield (o, pattern.predicate, s, distance_factor(gap)) if reverse else \
                    (s, pattern.predicate, o, distance_factor(gap))
            continue
        for s in subjects:
            for o in objects:
                if reverse:
                    yield o, pred, s, factor * distance_factor(gap)
                else:
                    yield s, pred, o, factor * distance_factor(gap)


_DESCRIPTION = r"[^，,。；;：:、和与及]{0,12}?{{basic.description_noun}}\s*"


def _described(ex, sent, pos, rng):
    """收购新加坡AI新创Manus: the one name after a description of it (a
    place may stand inside the description, nothing else)."""
    for m in sent.mentions:
        if m.start < pos:
            continue
        if m.cls in ("Country", "City", "Place"):
            continue
        ok = ex.fits(m.cls, rng) and ex.grammar(_DESCRIPTION).fullmatch(sent.text, pos, m.start)
        return [m] if ok else []
    return []


@frame("svo-reversed")
def svo_reversed(ex, pattern, rx, sent):
    yield from svo(ex, pattern, rx, sent, reverse=True)


def ov(ex, pattern, rx, sent):
    rng = ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        objs = left(ex, sent, trig.start(), rng, ("AIModel",), limit=8, nearest=True, skip_after=())
        if not objs or hedged(ex, sent, objs[-1].end, trig):
            continue
        filler = sent.text[objs[-1].end:trig.start()]
        if re.search(r"[的被由将把在]", filler):
            continue
        if right(ex, sent, trig.end(), rng, limit=12):
            continue                # X上线了Y: X is the subject, not the thing released
        clause = sent.text[clause_start(sent, objs[0].start):objs[0].start]
        if any(m.cls in ex.orgs and m.end <= objs[0].start and m.start >= clause_start(sent, objs[0].start)
               for m in sent.mentions) or "由" in clause:
            continue
        for o in objs:
            b = brand_of(ex, sent, o)
            if b is not None:
                yield b, pattern.predicate, o, 0.9


def v_de_o(ex, pattern, rx, sent):
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        objs = right(ex, sent, trig.end(), rng, limit=14)
        if not objs:
            continue
        subj = left(ex, sent, trig.start(), dom, limit=12, nearest=True)
        factor = 1.0
        if not subj:
            brand = [b for o in objs[:1] for b in [brand_of(ex, sent, o)] if b]
            subj, factor = (brand, 0.85) if brand else (left(ex, sent, trig.start(), dom), 0.75)
        if not subj or hedged(ex, sent, subj[-1].end, trig):
            continue
        for o in objs:
            for s in subj:
                yield s, pattern.predicate, o, factor


@frame("passive")
def passive(ex, pattern, rx, sent):
    dom, rng = ex.domain(pattern), ex.range(pattern)
    markers = pattern.agent_markers or ("被", "由")
    for trig in triggers(ex, pattern, rx, sent):
        agents = left(ex, sent, trig.start(), dom, limit=6, skip_after=(), nearest=True)
        if not agents:
            continue
        before = sent.text[max(sent.start, agents[0].start - 2):agents[0].start]
        if before.endswith(markers):
            marker_at = agents[0].start - next(len(mk) for mk in markers if before.endswith(mk))
        elif pattern.titled_agent:
            marker_at = titled_marker(ex, sent, agents[0].start, markers)
            if marker_at is None:
                continue
        else:
            continue
        objs = left(ex, sent, marker_at, rng, ("AIModel",), limit=20, nearest=True)
        if not objs and pattern.titled_agent:
            objs = noun_reference(ex, sent, marker_at, rng)
        if not objs or hedged(ex, sent, agents[-1].end, trig) or ex.hedged(sent.text[objs[-1].end:marker_at]):
            continue            # X计划由Y发布: a hedge before the marker too
        for s in agents:
            for o in objs:
                yield (o, pattern.predicate, s, 0.95) if pattern.swap else (s, pattern.predicate, o, 0.95)


@frame("by-o-v-de-s")
def by_o_v_de_s(ex, pattern, rx, sent):
    """由 GPT-3.5 模型驱动的 ChatGPT → ChatGPT integrated GPT-3.5."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    markers = pattern.agent_markers or ("由",)
    for trig in triggers(ex, pattern, rx, sent):
        if not sent.text.startswith("的", trig.end()):
            continue
        objs = left(ex, sent, trig.start(), rng, limit=6, skip_after=(), nearest=True)
        if not objs or not sent.text[max(0, objs[0].start - 3):objs[0].start].rstrip().endswith(markers):
            continue
        for s in right(ex, sent, trig.end() + 1, dom, ("Product",), limit=12,
                        metonymy=pattern.metonymy):
            for o in objs:
                yield s, pattern.predicate, o, 1.0


def ba(ex, pattern, rx, sent):
    """S 将/把 O TRIGGER (智谱将GLM-130B开源, 苹果将ChatGPT集成到…)."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        seg_start = clause_start(sent, trig.start())
        seg = sent.text[seg_start:trig.start()]
        k = max(seg.rfind("将"), seg.rfind("把"))
        if k < 0:
            continue
        at = seg_start + k
        objs = [m for m in right(ex, sent, at + 1, rng, limit=2, skips=0,
                                    metonymy=pattern.metonymy) if m.end <= trig.start()]
        if not objs or len(sent.text[objs[-1].end:trig.start()].strip()) > 6:
            continue
        subj = left(ex, sent, at, dom)
        if subj and not hedged(ex, sent, subj[-1].end, trig):
            for s in subj:
                for o in objs:
                    yield s, pattern.predicate, o, 1.0
