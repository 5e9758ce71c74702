"""Where a model or product is made available, and what powers what:
在X上上线Y / X和Z上，Y均已上线 (X integrated Y), Y 为 X 提供支持 (X
integrated Y). The holder is a product or organisation named with 上 (on
it), the thing a model or product named between it and the verb."""

from __future__ import annotations

from dataclasses import replace

from kg.facts.frames import frame
from kg.facts.frames.equip import last, plain_object, starts
from kg.facts.roles import clause_start, hedged, left, right, triggers


def _holders(ex, sent, pos, dom):
    """The products named with 上 before ``pos`` in this sentence (在X上, X和Z上，)."""
    for m in reversed([m for m in sent.mentions if m.end <= pos]):
        if not ex.grammar(r"\s*{{hosting.on}}").match(sent.text, m.end, pos):
            continue
        if m.cls != "Product":
            return [], m
        group = left(ex, sent, m.end, dom, ("Product",), nearest=True, skip_after=())
        return [g for g in group if g.cls == "Product"], m
    return [], None


@frame("hosted")
def hosted(ex, pattern, rx, sent):
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        holders, tip = _holders(ex, sent, trig.start(), dom)
        if not holders:
            continue
        on = ex.grammar(r"\s*{{hosting.on}}\s*[，,]?\s*").match(sent.text, tip.end, trig.start())
        things = [m for m in right(ex, sent, on.end(), rng, limit=pattern.object_limit)
                  if m.end <= trig.start() and m not in holders]
        at = last(ex, sent, "equip.at", clause_start(sent, holders[0].start), holders[0].start)
        if not things and at >= 0 and holders[0].start - at <= 24:
            things = left(ex, sent, at, rng, ("AIModel",), nearest=True)     # Y 已在 X 上上线
        if not things or hedged(ex, sent, things[-1].end, trig) \
                or ex.grammar(r"{{equip.plan}}").search(sent.text, clause_start(sent, things[-1].end), trig.start()) \
                or not all(plain_object(ex, sent, t, True) for t in things):
            continue
        for h in holders:
            for t in things:
                yield h, pattern.predicate, t, 1.0


@frame("powers")
def powers(ex, pattern, rx, sent):
    """Y 为 X 提供支持: Y a listed model or product, X right after 为."""
    for trig in triggers(ex, pattern, rx, sent):
        yield from _marked(ex, pattern, sent, trig, "hosting.for", holder_first=False)


@frame("driven")
def driven(ex, pattern, rx, sent):
    """X 由 Y 驱动 / 由 Y 提供支持 (not 由Y驱动的X: the by-o-v-de-s frame)."""
    for trig in triggers(ex, pattern, rx, sent):
        if starts(ex, sent, trig.end(), "equip.de") and not ex.grammar(
                r"{{equip.de}}\s*(?:{{hosting.new}})?\s*{{hosting.generic_noun}}").match(sent.text, trig.end()):
            continue                                # 由Y驱动的X (a named X): the by-o-v-de-s frame
        yield from _marked(ex, pattern, sent, trig, "hosting.by", holder_first=True)


def _marked(ex, pattern, sent, trig, marker, holder_first):
    """LEFT MARKER RIGHT TRIGGER in one clause: the holder (a product) and the
    thing it integrates (a model) stand on either side of the marker word,
    the holder first (X 由 Y 驱动) or second (Y 为 X 提供支持)."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    start = clause_start(sent, trig.start())
    k = last(ex, sent, marker, start, trig.start())
    if k < 0:
        return
    (l_cls, l_pref), (r_cls, r_pref) = ((dom, ("Product",)), (rng, ("AIModel",)))[::1 if holder_first else -1]
    after = [m for m in right(ex, sent, k + 1, r_cls, r_pref, limit=2, skips=0) if m.end <= trig.start()]
    before = left(ex, sent, k, l_cls, l_pref, nearest=True)
    if not after or not before or len(sent.text[after[-1].end:trig.start()].strip()) > 4:
        return
    holders, things = (before, after) if holder_first else (after, before)
    if hedged(ex, sent, before[-1].end, trig) or not all(plain_object(ex, sent, t, False) for t in things):
        return
    for h in holders:
        for t in things:
            yield h, pattern.predicate, t, 1.0


@frame("customer")
def customer(ex, pattern, rx, sent):
    """X 是 Y 的(大)客户(之一): X uses Y (a company named for its product)."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        start = clause_start(sent, trig.start())
        named = [t for t in sent.mentions if start <= t.start and t.end <= trig.start()
                 and ex.grammar(r"\s*{{equip.de}}\s*(?:{{hosting.customer_adj}})?\s*").fullmatch(sent.text, t.end, trig.start())]
        if not named or not (ex.fits(named[-1].cls, rng) or named[-1].cls == "Company"):
            continue
        thing = named[-1] if ex.fits(named[-1].cls, rng) else replace(named[-1], metonym=True)
        cop = ex.grammar(r"(?:{{hosting.copula}})\s*$").search(sent.text, start, thing.start)
        if not cop:
            continue
        holders = left(ex, sent, cop.start(), dom, nearest=True)
        if not holders or holders[-1].end < start or cop.start() - holders[-1].end > 3 \
                or hedged(ex, sent, holders[-1].end, trig) \
                or ex.grammar(r"{{equip.condition}}|{{equip.plan}}|{{equip.ba}}").search(sent.text, sent.start, cop.start()):
            continue                                # 如果把 X 的用户说成是 Y 的用户: no fact
        for h in holders:
            if h.text != thing.text:
                yield h, pattern.predicate, thing, 1.0
