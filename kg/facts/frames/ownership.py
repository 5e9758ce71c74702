"""Frames of ownership between organisations (the first subsidiaryOf the
second): Y旗下的X, Y的子公司X and X是Y的子公司; A、B、C隶属(于)Y and X属于Y;
X(的)母公司Y and Y是X的母公司; Y收购X when it reads as done.

The child stands next to its noun: a source that reports the news (据X报道，
Y母公司Z…) or the topic of the clause is never taken for it, and a
possessive on one member of a list (甲、乙和丙的母公司丁) stays with that
member."""

from __future__ import annotations

from kg.facts.frames import frame
from kg.facts.frames.basic import svo
from kg.facts.roles import hedged, left, right, triggers

# Y旗下(的)(物流部门|软件公司|拥有的)X: what may stand between the trigger and the child
_DE = r"[的\s]*"           # the particle 的 and spaces
_NOUN_SPAN = r"[^\s，,。；;：:、（）()「」《》“”]{0,8}?"
_UNIT = _DE + r"(?:{{own.holds}})?" + _DE + "(?:" + _NOUN_SPAN + r"{{own.unit_noun}})?" + _DE
# X是Y的子公司(之一)。: nothing named after the noun
# a name no list knows is a child only after nothing or a company noun
_COMPANY_UNIT = _DE + "(?:" + _NOUN_SPAN + r"{{own.company_unit}})?" + _DE
_NOTHING_AFTER = r"\s*(?:{{own.unit_noun}})?(?:{{own.of_many}})?\s*(?:[，,。；;！!]|$)"
_COPULA = r"\s*(?:{{own.adverb}})?\s*(?:{{own.copula}})\s*"
_ADVERBS = r"\s*(?:{{own.adverb}})*\s*"
# what a parent named after 隶属/属于 may be followed by (…隶属Y，…; …属于Y旗下)
_PARENT_END = r"\s*(?:{{own.after_parent}})?\s*(?:[，,。；;！!、（(]|$)"


def _mentions_after(ex, sent, pos, width):
    return [m for m in sent.mentions if pos <= m.start <= pos + width]


def _org_before(ex, sent, pos, gap):
    """The organisation whose mention ends at pos with only ``gap`` (a
    template) between: the nearest mention before pos, or none."""
    before = [m for m in sent.mentions if m.end <= pos]
    if not before:
        return None
    m = before[-1]
    if ex.fits(m.cls, ex.orgs) and ex.grammar(gap).fullmatch(sent.text, m.end, pos):
        return m
    return None


def _is_of(ex, sent, parent, trig):
    """X是Y的子公司 / Y是X的母公司: the name before the copula before ``parent``."""
    if not ex.grammar(_NOTHING_AFTER).match(sent.text, trig.end(), sent.end):
        return None
    return _org_before(ex, sent, parent.start, _COPULA)


@frame("parent-v-child")
def parent_v_child(ex, pattern, rx, sent):
    """阿里巴巴旗下的阿里云, 大众集团旗下软件公司CARIAD, 阿里巴巴旗下的物流
    部门菜鸟 → the child subsidiaryOf the parent; and X是Y的子公司. The
    parent stands right before the trigger (A、旗下的…: the owner is no list
    member before 、); a name no list knows is a child only right after the
    trigger or after a company noun (旗下包括ThinkPad、Yoga等系列: products)."""
    for trig in triggers(ex, pattern, rx, sent):
        parents = left(ex, sent, trig.start(), ex.orgs, limit=2, skip_after=(), nearest=True)
        if not parents or hedged(ex, sent, parents[-1].end, trig):
            continue
        parent = parents[-1]
        if not _owner_next_to(ex, sent, parent, trig.start()):
            continue
        children = right(ex, sent, trig.end(), ex.orgs, ("Company",), limit=10, skips=0)
        if children:
            filler = (trig.end(), children[0].start)
            if not ex.grammar(_UNIT).fullmatch(sent.text, *filler):
                continue
            if children[0].typed_by == "role" and not ex.grammar(_COMPANY_UNIT).fullmatch(sent.text, *filler):
                continue
            for prev, c in zip([None] + children, children):
                if prev is not None and sent.text[prev.end:c.start].strip() not in ex.word_set("own.child_join"):
                    break           # …旗下的X与Y成立合资公司: Y is a partner
                yield c, pattern.predicate, parent, 1.0
            continue
        child = _is_of(ex, sent, parent, trig)
        if child is not None:
            yield child, pattern.predicate, parent, 0.95


def _owner_next_to(ex, sent, parent, pos):
    """Only 的/公司 between the owner and the trigger, or the bracket that
    closes a gloss the owner is (阿里巴巴（Alibaba）旗下)."""
    gap = sent.text[parent.end:pos].strip(" .")       # Alphabet Inc. 旗下
    if gap == "" or gap in ex.word_set("own.parent_gap"):
        return True
    return gap in ("）", ")") and sent.text[parent.start - 1:parent.start] in ("（", "(")


@frame("belongs-to")
def belongs_to(ex, pattern, rx, sent):
    """兰博基尼、保时捷隶属大众集团; 劳斯莱斯属于宝马; X均隶属于意大利Y集团:
    every member of the list before the verb belongs to the one after it. The
    list stands right before the verb (only adverbs between: 曾/之前 is a
    past state, so no fact), the parent right after it (a place may stand
    before the parent), and nothing but 旗下/所有… or a clause end after it
    (属于Y的竞争对手 names no parent)."""
    for trig in triggers(ex, pattern, rx, sent):
        subjects = left(ex, sent, trig.start(), ex.orgs, limit=8, skip_after=(), nearest=True)
        if not subjects or not ex.grammar(_ADVERBS).fullmatch(sent.text, subjects[-1].end, trig.start()):
            continue
        if hedged(ex, sent, subjects[-1].end, trig):
            continue
        pos = trig.end()
        for m in _mentions_after(ex, sent, pos, 1):
            if m.cls in ex.places:
                pos = m.end
        after = [m for m in _mentions_after(ex, sent, pos, 2) if ex.fits(m.cls, ex.orgs)]
        if not after or sent.text[pos:after[0].start].strip():
            continue
        parent = after[0]
        if not ex.grammar(_PARENT_END).match(sent.text, parent.end, sent.end):
            continue
        for s in subjects:
            yield s, pattern.predicate, parent, 1.0


@frame("parent-noun")
def parent_noun(ex, pattern, rx, sent):
    """Facebook母公司Meta, Manus的母公司蝴蝶效应, X的母公司是Y → X
    subsidiaryOf Y; Y是X的母公司 too. X stands right before the noun."""
    for trig in triggers(ex, pattern, rx, sent):
        child = _org_before(ex, sent, trig.start(), r"\s*")
        if child is None or ex.negated(sent.text, trig.start()):
            continue
        parent = None
        for m in _mentions_after(ex, sent, trig.end(), 14):
            if ex.fits(m.cls, ex.orgs) and ex.grammar(
                    r"[\s、]*(?:{{own.copula}})?\s*(?:[^\s，,。；;：:]{0,8}?{{own.unit_noun}})?\s*"
            ).fullmatch(sent.text, trig.end(), m.start):
                parent = m
            break
        if parent is not None:
            yield child, pattern.predicate, parent, 1.0
            continue
        parent = _is_of(ex, sent, child, trig)
        if parent is not None:
            yield child, pattern.predicate, parent, 0.95


@frame("acquirer-v-target")
def acquirer_v_target(ex, pattern, rx, sent):
    """Y收购(了)X → X subsidiaryOf Y (the gold reads a done acquisition so),
    but not one of alternatives (买下A或B), a deal named as a thing (收购X的
    交易因…失败), a plan (将以…收购, 有传言指出Y收购X), a completion still
    to come (…交易会在9月之前完成, 尚待监管批准), a target from an
    earlier sentence, nor when another organisation stands between the
    buyer and the target (欧盟批准吉利从福特手中收购沃尔沃: the clause topic
    is no buyer)."""
    for cand in svo(ex, pattern, rx, sent, reverse=True):
        target, buyer = cand[0], cand[2]
        if not sent.start <= target.start < sent.end:
            continue            # a target only a reference word (其, 该公司) names in this sentence
        before = sent.text[max(sent.start, target.start - 3):target.start].rstrip()
        after = sent.text[target.end:target.end + 6].lstrip()
        if before.endswith(ex.words("own.alternative")) or after.startswith(ex.words("own.alternative")):
            continue
        if ex.grammar(_DE + r"(?:{{own.deal_noun}})").match(sent.text, target.end):
            continue
        if ex.hedged(sent.text[sent.start:buyer.start]) or ex.grammar("{{own.plan}}").search(
                sent.text, buyer.end, target.start):
            continue
        if buyer.end <= target.start and _org_between(ex, sent, buyer, target):
            continue
        if ex.grammar(r"(?:{{own.pending_lead}})[^。；;！!]{0,20}?(?:{{own.completion}})").search(
                sent.text, max(target.end, buyer.end), sent.end):
            continue            # 交易会在9月之前完成: announced, not done
        yield cand


def _org_between(ex, sent, buyer, target):
    """An organisation between the buyer (with the names listed after it)
    and the target, not a gloss in brackets."""
    end = buyer.end
    for m in sent.mentions:
        if m.start < end or m.end > target.start:
            continue
        if ex.coordination.match(sent.text[end:m.start]) and m.start - end <= 3:
            end = m.end
            continue
        if ex.fits(m.cls, ex.orgs) and sent.text[m.start - 1:m.start] not in ("（", "("):
            return True
    return False
