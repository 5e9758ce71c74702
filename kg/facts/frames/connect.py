"""A product or organisation connects a model or product (integrated):
S 接入/集成/部署/引入 O (the strong verbs: a company may stand for its
model, 接入DeepSeek), S 使用/采用/基于/搭载 O模型 (the plain verbs: only the
clause's own nearest subject, only a listed name or one a model noun
follows), O 应用于/落地 S (``swap``) and 将 O 集成到 X.

Not an integration: a plan (将接入, 计划接入), a user's choice (用户可以使用),
a ban (禁止员工使用), a causative (让数十亿人用上), a feature of one's own
product (引入 iCloud 加密功能), a chip, a part or a technology (see
:mod:`kg.facts.frames.equip`), an adjective (集成式)."""

from __future__ import annotations

import re

from kg.facts.frames import frame
from kg.facts.frames.basic import svo
from kg.facts.frames.equip import ends, guessed, hardware_group, last, plain_object, starts, tail
from kg.facts.roles import clause_start, hedged, left, right, triggers

_LATIN_AFTER = re.compile(r"\s?[A-Za-z]")


def _possessed_holder(ex, sent, s, o, dom):
    """A 的 X 接入 O: the product right before the verb is the holder, not
    the owner the clause opens with (OpenAI 大股东微软的 New Bing 用上 GPT-4)."""
    near = [m for m in sent.mentions if s.end <= m.start and m.end <= o.start and m.cls
            and not (m.cls == "AIModel" and guessed(m))]       # an unknown name of the product itself
    if not near:
        return s
    m = near[-1]
    if not ex.fits(m.cls, dom) or ex.barrier.search(sent.text[m.end:o.start]):
        return s
    if m.cls == "Product" and ends(ex, sent, m.start, "equip.de"):
        return m
    if m.cls in ex.orgs and starts(ex, sent, m.end, "equip.de"):
        return m                                    # 微软的 New Bing 用上 O: the owner of the unnamed product
    return s


def _trigger_end(rx, sent, lo, hi):
    ends = [m.end() for m in rx.finditer(sent.text, lo, hi)]
    return ends[-1] if ends else None


def _blocked(ex, sent, start, end, strong):
    """A plan, a user, a ban or a causative in text[start:end]."""
    kinds = "{{equip.plan}}|{{equip.causative}}|{{equip.condition}}|{{equip.capability}}"
    if not strong:
        kinds += "|{{equip.user}}|{{equip.not_use}}|{{equip.develop}}"
    return bool(ex.grammar(kinds).search(sent.text, start, end))


def _metonym_ok(ex, sent, o, filler):
    """接入DeepSeek / 引入 OpenAI 的聊天技术: a company right after the verb,
    and when 的 follows it, a model or technology noun after that."""
    if not ex.grammar(r"\s*(?:{{equip.le}})?\s*").fullmatch(filler):
        return False
    if not starts(ex, sent, o.end, "equip.de"):
        return True
    return bool(ex.grammar(r"\s*{{equip.de}}[^，,。；;、]{0,8}?{{equip.software_noun}}").match(sent.text, o.end, sent.end))


@frame("connect")
def connect(ex, pattern, rx, sent):
    """S 接入/集成/部署 O, S 使用/搭载 O模型, O 应用于 S (``swap``)."""
    strong = pattern.metonymy or pattern.swap       # Y 应用于 X: the verb itself says it
    dom = ex.domain(pattern)
    seen = set()
    for s, p, o, f in svo(ex, pattern, rx, sent, reverse=pattern.swap):
        if not pattern.swap:
            s = _possessed_holder(ex, sent, s, o, dom)
        thing, holder = o, s                        # svo has put a reversed pair the right way round
        first, second = (thing, holder) if pattern.swap else (holder, thing)
        end = _trigger_end(rx, sent, first.end, second.start)
        if end is None or (s.start, o.start) in seen:
            continue
        seen.add((s.start, o.start))
        filler = sent.text[end:second.start]
        if len(filler) > pattern.object_limit or _LATIN_AFTER.match(sent.text, holder.end):
            continue                                # 微软 Loop 平台: the holder's name goes on
        start = clause_start(sent, first.start)
        if _blocked(ex, sent, start, first.start, strong) or _blocked(ex, sent, max(first.end, sent.start), second.start, strong) \
                or ex.grammar("{{equip.ba}}").search(sent.text, start, first.start):
            continue                                # 将接入; 把 X 接入 Y is the ba frame's
        if holder.cls == "Hardware" or hardware_group(ex, sent, [holder]):
            continue
        if thing.metonym and not _metonym_ok(ex, sent, thing, filler):
            continue
        if ex.grammar(r"[^，,。；;、]{0,8}?{{equip.feature_noun}}").match(sent.text, thing.end) \
                or tail(ex, sent, holder.end, "equip.org_tail") or tail(ex, sent, thing.end, "equip.org_tail"):
            continue                                # 引入 iCloud 端到端加密功能; 京东云事业群
        if holder.end <= clause_start(sent, end) and starts(ex, sent, thing.end, "equip.de"):
            continue                                # …，调用X的企业: X is used by the noun after 的
        if not strong and not _plain_subject(ex, sent, s, end, filler):
            continue
        if tail(ex, sent, thing.end, "equip.ecosystem_tail") or (
                not strong and thing.cls != "AIModel" and tail(ex, sent, thing.end, "equip.technology_tail")):
            continue                                # 接入X生态; 基于X云技术打造
        if plain_object(ex, sent, thing, strong):
            yield s, p, o, f


def _plain_subject(ex, sent, s, trig_end, filler):
    """The plain verbs (使用, 采用, 基于): the subject is the nearest name
    before the verb in its clause, close to it; a chip or a relative clause
    (搭载该芯片的 Mac) in the filler ends the reading."""
    if s.start < clause_start(sent, trig_end) or trig_end - s.end > 16:
        return False
    if any(s.end <= m.start and m.end <= trig_end and m.cls for m in sent.mentions):
        return False
    if ex.grammar(r"{{equip.hardware_noun}}").search(filler):
        return False
    return not ex.grammar("{{equip.de}}").search(filler) or bool(ex.grammar(r"^\s*{{equip.own}}\s*$").match(filler))


@frame("ba-into")
def ba_into(ex, pattern, rx, sent):
    """将 O 集成到 X → X integrated O; with no product after 到, the subject
    before 将 (苹果将ChatGPT集成到设备上)."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        seg_start = clause_start(sent, trig.start())
        at = last(ex, sent, "equip.ba", seg_start, trig.start())
        if at < 0 or ex.grammar(r"{{equip.not_ba}}").match(sent.text, at + 1):
            continue                                # 将与 X 整合: a future, not 把
        objs = [m for m in right(ex, sent, at + 1, rng, limit=3, skips=0, metonymy=True)
                if m.end <= trig.start()]
        if not objs or len(sent.text[objs[-1].end:trig.start()].strip()) > 6 \
                or not all(plain_object(ex, sent, o, True) for o in objs):
            continue
        into = ex.grammar(r"(?:{{equip.into}})?(?:{{equip.le}})?\s*").match(sent.text, trig.end(), sent.end)
        holders = right(ex, sent, into.end(), dom, ("Product",), limit=2, skips=0) if into.end() > trig.end() \
            or trig.group().endswith(ex.words("equip.into")) else []
        holders = [h for h in holders if h.cls == "Product"]
        agents = left(ex, sent, at, dom)            # 苹果将ChatGPT集成到Siri中: both Apple and Siri
        if agents and hedged(ex, sent, agents[-1].end, trig):
            continue
        holders = agents + holders
        if not holders or hedged(ex, sent, at, trig) or _blocked(ex, sent, sent.start, at, True):
            continue
        for s in holders:
            for o in objs:
                yield s, pattern.predicate, o, 1.0


@frame("connected-de")
def connected_de(ex, pattern, rx, sent):
    """接入 O 的 X / 搭载 O 大模型的 X: the product after 的 integrated O."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        objs = right(ex, sent, trig.end(), rng, limit=4, skips=0, metonymy=pattern.metonymy)
        if not objs:
            continue
        de = ex.grammar(r"\s*(?:{{equip.software_noun}})?\s*{{equip.de}}\s*").match(sent.text, objs[-1].end, sent.end)
        if not de:
            continue
        holders = [h for h in right(ex, sent, de.end(), dom, ("Product",), limit=2, skips=0)
                   if h.cls == "Product" and h.typed_by != "role"]      # 集成 X 的 SDK: no product named
        start = clause_start(sent, trig.start())
        if not holders or _blocked(ex, sent, start, trig.start(), True) or hedged(ex, sent, start, trig):
            continue
        for o in objs:
            if not plain_object(ex, sent, o, True):
                continue
            for h in holders[:1]:
                yield h, pattern.predicate, o, 1.0


@frame("in-holder")
def in_holder(ex, pattern, rx, sent):
    """在 X、Y 中集成 O / 在 Z 应用（如 X、Y）中插入 O: the products named
    between 在 and 中 integrated O (a class noun that a bracketed list of
    examples follows is none of them); 在 X 上线 O / O 已在 X 上线, a model
    only (a device put on a shop is a retail listing)."""
    rng = ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        start = clause_start(sent, trig.start())
        at = last(ex, sent, "equip.at", start, trig.start())
        if at < 0:
            continue
        named = [m for m in sent.mentions if at < m.start and m.end <= trig.start()]
        on = trig.group() in ex.word_set("connect.on_verb")         # 在 X 上线: its 上 closes 在
        inside = ex.grammar(r"[\s)）]*" + ("(?:{{hosting.on}})?" if on else "{{connect.inside}}")
                            + r"\s*(?:{{hedges.modal_adverb}})?\s*$")
        if not named or not inside.match(sent.text, named[-1].end, trig.start()):
            continue
        if on:
            yield from _put_on(ex, pattern, sent, trig, at, start, named)
            continue
        holders = [m for m in named if m.cls == "Product"
                   and not ex.grammar(r"\s*[（(，,]?\s*{{connect.example_lead}}").match(sent.text, m.end, trig.start())]
        if not holders or len(holders) < len(named) - 1 or ex.barrier.search(sent.text, at, holders[0].start):
            continue
        objs = [o for o in right(ex, sent, trig.end(), rng, limit=pattern.object_limit, skips=0)
                if plain_object(ex, sent, o, True) and not o.metonym]
        if not objs or hedged(ex, sent, start, trig) or _blocked(ex, sent, start, trig.start(), True):
            continue
        for h in holders:
            for o in objs:
                if h.text != o.text:
                    yield h, pattern.predicate, o, 1.0


def _put_on(ex, pattern, sent, trig, at, start, holders):
    """在 X 上线 O / O 已在 X 上线: a model put on a product."""
    if not all(h.cls == "Product" for h in holders) or ex.barrier.search(sent.text, at, holders[0].start):
        return
    objs = right(ex, sent, trig.end(), frozenset({"AIModel"}), limit=pattern.object_limit, skips=0) \
        or [m for m in sent.mentions if start <= m.start and m.end <= at and m.cls == "AIModel"][-1:]
    objs = [o for o in objs if o.cls == "AIModel" and plain_object(ex, sent, o, True)]
    if not objs or hedged(ex, sent, start, trig) or _blocked(ex, sent, start, trig.start(), True) \
            or ex.grammar(r"\s*(?:{{equip.le}})?\s*{{connect.sale}}").match(sent.text, trig.end(), sent.end):
        return
    for h in holders:
        for o in objs:
            yield h, pattern.predicate, o, 1.0
