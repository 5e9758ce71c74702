"""Frames of ``released``: the general frames of :mod:`basic` with the
checks a launch needs (:mod:`kg.facts.launches`), and the launch
constructions they do not read: a clause without an agent that takes the
agent of its paragraph (还把星河3掏了出来, 还发布了Zeta-7B), and a list
introduced by a colon or 包括 (推出了多款产品，包括A、B和C), each item maybe after a short description ending
in a class noun (发布了三款模型：旗舰模型A、思考模型B，以及全模态大模型C)."""

from __future__ import annotations

from dataclasses import replace

from kg.facts.frames import frame
from kg.facts.frames.basic import ba, ov, passive, svo, v_de_o
from kg.facts.launches import DE as _DE
from kg.facts.launches import HUMAN, NOT_LAUNCHED, OV_AFTER, checked, group_end, object_ok
from kg.facts.launch_agents import paragraph_agent
from kg.facts.roles import brand_of, fits_or_typed, hedged, left, right, triggers
from kg.facts.sentences import clause_start

_LIST_OPEN = r"[^，,。；;！？!?]{0,14}?(?:[：:]|[，,]\s*(?:{{launch.list_intro}}))\s*"
_ITEM_DESC = r"[^。；;！？!?：:，,、]{0,24}?(?:{{launch.item_class_noun}})"
_ITEM_SEP = r"\s*(?:[，,；;]\s*)?(?:{{launch.item_separator}})?\s*"
_QUOTES = "「“\"『《 "


def _anaphoric(ex, pattern, rx, sent, objects_at):
    """Triggers with no subject before them: the paragraph's agent."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        if left(ex, sent, trig.start(), dom):
            continue
        objects = objects_at(trig, rng)
        if not objects:
            continue
        agent = paragraph_agent(ex, pattern, sent, trig)
        if agent is None:
            continue
        for o in objects:
            yield agent, pattern.predicate, o, 0.75


_NAMED = r"[^，,。；;！？!?]{0,8}?(?:{{launch.named}})\s*[「“\"]?\s*$"
_NAMED_AFTER = r"\s*[」”\"]?\s*" + _DE + r"\s*([^，,。；;！？!?]{0,12})"
_NAMED_CLASSES = ("AIModel", "Hardware", "Product")


def named_object(ex, sent, pos, rng):
    """推出了一款名为Y的应用: the name after 名为, typed by the class noun
    its 的-phrase ends in (应用 → Product), even when the recogniser left it
    untyped."""
    for m in sent.mentions:
        if m.start < pos:
            continue
        if not ex.grammar(_NAMED).fullmatch(sent.text, pos, m.start):
            return None
        after = ex.grammar(_NAMED_AFTER).match(sent.text, m.end, sent.end)
        if after is None:
            return None
        for cls in _NAMED_CLASSES:
            if (not rng or cls in rng) and any(w in after.group(1) for w in ex.words(f"before:{cls}")):
                return m if m.cls == cls else replace(m, cls=cls, typed_by="role", confidence=min(m.confidence, 0.6))
        return None
    return None


def list_items(ex, sent, pos, rng):
    """The items of a list that opens at pos: each a fitting name after a
    separator and maybe a short description ending in a class noun."""
    items, at = [], pos
    for m in sent.mentions:
        if m.start < at:
            continue
        between = sent.text[at:m.start]
        head = ex.grammar(_ITEM_SEP).match(between) if items else None
        rest = between[head.end():] if head else between
        if items and not head.group(0).strip():
            break
        rest = rest.strip(_QUOTES)
        if rest and not ex.grammar(_ITEM_DESC).fullmatch(rest.rstrip(_QUOTES)):
            break
        t = fits_or_typed(ex, m, rng, ("AIModel",))
        if t is None:
            break
        items.append(t)
        at = m.end
        while at < sent.end and sent.text[at] in "」”\"』》 ":
            at += 1
    return items


def _listed(trig_objects):
    """Objects of a trigger: what :func:`right` finds, or a colon list after it."""
    def objects_at(ex, sent, trig, rng, pattern):
        opened = ex.grammar(_LIST_OPEN).match(sent.text, trig.end(), sent.end)
        if opened and not ex.grammar(NOT_LAUNCHED).search(opened.group(0)):
            items = list_items(ex, sent, opened.end(), rng)
            if len(items) > 1:
                return items
        return trig_objects(ex, sent, trig, rng, pattern)
    return objects_at


def _right_objects(ex, sent, trig, rng, pattern):
    return right(ex, sent, trig.end(), rng, limit=pattern.object_limit)


_OBJECTS = _listed(_right_objects)


@frame("launch-svo")
def launch_svo(ex, pattern, rx, sent):
    yield from checked(ex, pattern, rx, sent, svo(ex, pattern, rx, sent), object_after=True)
    dom = ex.domain(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        opened = ex.grammar(_LIST_OPEN).match(sent.text, trig.end(), sent.end)
        named = named_object(ex, sent, trig.end(), ex.range(pattern))
        if not opened and named is None:
            continue
        subjects = left(ex, sent, trig.start(), dom)
        if not subjects or hedged(ex, sent, subjects[-1].end, trig):
            continue
        objects = [named] if named is not None else _OBJECTS(ex, sent, trig, ex.range(pattern), pattern)
        for o in objects:
            if object_ok(ex, sent, o.start, o, after_de=named is None):
                for s in subjects:
                    yield s, pattern.predicate, o, 0.9
    yield from checked(ex, pattern, rx, sent, _anaphoric(
        ex, pattern, rx, sent, lambda trig, rng: _OBJECTS(ex, sent, trig, rng, pattern)))


@frame("launch-ba")
def launch_ba(ex, pattern, rx, sent):
    """S将/把O TRIGGER, and 还把O掏了出来 with the paragraph's agent."""
    yield from checked(ex, pattern, rx, sent, ba(ex, pattern, rx, sent))
    rng = ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        clause = clause_start(sent, trig.start())
        seg = sent.text[clause:trig.start()]
        k = seg.rfind("把")
        if k < 0 or left(ex, sent, clause + k, ex.domain(pattern)):
            continue
        objs = [m for m in right(ex, sent, clause + k + 1, rng, limit=2, skips=0) if m.end <= trig.start()]
        if not objs or len(sent.text[objs[-1].end:trig.start()].strip()) > 4:
            continue
        agent = paragraph_agent(ex, pattern, sent, trig, clause + k)
        if agent is not None:
            for o in objs:
                yield agent, pattern.predicate, o, 0.75


@frame("launch-ov")
def launch_ov(ex, pattern, rx, sent):
    """X发布, X正式上线 (X was launched); not X推出在线工具 (X is an agent);
    ORG的X正式亮相 (the possessor launched it)."""
    for s, p, o, f in ov(ex, pattern, rx, sent):
        end = group_end(ex, sent, o)
        trig = next((t for t in triggers(ex, pattern, rx, sent) if t.start() >= end), None)
        if trig is None or not ex.grammar(OV_AFTER).match(sent.text, trig.end(), sent.end):
            continue
        yield s, p, o, f
    yield from _possessed_ov(ex, pattern, rx, sent)


_OV_LEAD = r"(?:{{launch.anaphora_lead}}|\s)*"
_OV_PLACE = _OV_LEAD + r"((?:{{launch.ov_place}})[^，,。；;！？!?]{1,10}?)?" + _OV_LEAD
_OV_DESCRIBED = r"\s*[^\s，,。；;：:、！？!?]{0,10}?(?:{{launch.item_class_noun}})\s*"


def _possessed_ov(ex, pattern, rx, sent):
    """北辰公司的Zeta-7B正式亮相, 北辰公司电商平台Zeta-Mall在欧洲上线: the
    organisation opening the clause before 的 or a class phrase launched
    what the agentless trigger is about (maybe in a place)."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        objs = left(ex, sent, trig.start(), rng, ("AIModel",), limit=16, nearest=True, skip_after=())
        lead = ex.grammar(_OV_PLACE).fullmatch(sent.text, objs[-1].end, trig.start()) if objs else None
        if lead and lead.group(1) and any(lead.start(1) <= m.start < lead.end(1) and m.cls not in ex.places
                                          for m in sent.mentions):
            continue                # X在Y上上线: launched on another thing, read elsewhere
        if not objs or lead is None \
                or not ex.grammar(OV_AFTER).match(sent.text, trig.end(), sent.end) \
                or right(ex, sent, trig.end(), rng, limit=12) or brand_of(ex, sent, objs[0]) is not None:
            continue
        clause = clause_start(sent, objs[0].start)
        before = [m for m in sent.mentions if clause <= m.start and m.end <= objs[0].start]
        gap = sent.text[before[0].end:objs[0].start] if len(before) == 1 else ""
        if len(before) != 1 or (gap.strip() != _DE and not ex.grammar(_OV_DESCRIBED).fullmatch(gap)) \
                or not ex.fits(before[0].cls, dom) or before[0].cls not in ex.orgs:
            continue
        if ex.hedged(sent.text[clause:trig.start()]) or ex.negated(sent.text, trig.start()) \
                or hedged(ex, sent, objs[-1].end, trig):
            continue
        for o in objs:
            yield before[0], pattern.predicate, o, 0.85


@frame("launch-by")
def launch_by(ex, pattern, rx, sent):
    yield from checked(ex, pattern, rx, sent, passive(ex, pattern, rx, sent))


@frame("launch-v-de-o")
def launch_v_de_o(ex, pattern, rx, sent):
    """X发布的Y (:func:`basic.v_de_o`), never across a person or a pronoun
    standing before the trigger (他领导开发的Y, 谷歌研究员陈立群开发的Y)."""
    kept = []
    for cand in v_de_o(ex, pattern, rx, sent):
        s, o = cand[0], cand[2]
        trig = next((t for t in reversed(list(triggers(ex, pattern, rx, sent))) if t.end() <= o.start), None)
        if trig is not None and s.end <= trig.start():
            lead = sent.text[s.end:trig.start()]
            if ex.grammar(HUMAN).search(lead) or any(
                    s.end <= m.start and m.end <= trig.start() and m.cls == "Person" for m in sent.mentions):
                continue
        kept.append(cand)
    yield from checked(ex, pattern, rx, sent, kept, after_de=False)
