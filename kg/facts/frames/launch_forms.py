"""Launch forms without a launch verb: ORG的新模型Y, ORG旗下的Y, ORG自研的Y
(a model or product of the organisation), and what makes an organisation
the agent of its paragraph: a launch event (ORG今天开了发布会) or standing
as the bare subject at the head of a clause (在应用层，ORG也在加速探索。)."""

from __future__ import annotations

from kg.facts.frames import frame
from kg.facts.hedges import rumoured
from kg.facts.launch_agents import NOT_BARE
from kg.facts.launches import modal_filler
from kg.facts.roles import fits_or_typed
from kg.facts.sentences import clause_start

_POSSESSOR = r"\s*(?:{{launch.possessor}})\s*(?:{{launch.new}})\s*[^，,。；;！？!?]{0,8}?(?:{{launch.item_class_noun}})\s*[「“\"]?\s*$"
_FUTURE_REST = "{{launch.future_rest}}"
_OWNER = r"\s*(?:{{launch.owner}})\s*(?:[^，,。；;！？!?]{0,8}?(?:{{launch.item_class_noun}}))?\s*[「“\"]?\s*$"


@frame("launch-owned", triggerless=True)
def launch_owned(ex, pattern, rx, sent):
    """ORG的新模型Y, ORG旗下的Y, ORG自研的Y: a model or product of the
    organisation, when the rest of Y's clause does not plan it (将于…发布)."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    ms = sent.mentions
    for i, org in enumerate(ms):
        if not ex.fits(org.cls, dom):
            continue
        for y in ms[i + 1:i + 2]:
            between = sent.text[org.end:y.start]
            if not (ex.grammar(_POSSESSOR).fullmatch(between) or ex.grammar(_OWNER).fullmatch(between)):
                continue
            t = fits_or_typed(ex, y, rng, ("Product",))
            if t is None or (ex.grammar(_HELD).search(between) and (
                    not ex.grammar(_HELD_MADE).search(between) or _run_as_company(ex, sent, y))):
                continue            # 微软旗下的领英: a company held, not a thing made
            rest_end = min([sent.end] + [p.start() for p in ex.grammar("[，,。；;！？!?]").finditer(
                sent.text, y.end, sent.end)])
            rest = sent.text[y.end:rest_end]
            if ex.hedged(rest) or ex.grammar(_FUTURE_REST).search(rest) or ex.negated(sent.text, y.end):
                continue
            if modal_filler(ex, sent.text[clause_start(sent, org.start):org.start]) or rumoured(ex, sent, y.start):
                continue            # 根据此前的爆料，…华为自研的Y
            yield org, pattern.predicate, t, 0.85


_HELD = "{{launch.held}}"
_HELD_MADE = "{{launch.held_made}}"
_COMPANY_SIGN = r"\s*(?:{{launch.company_sign}})"


def _run_as_company(ex, sent, y) -> bool:
    """The document names ``y`` as a company somewhere: a title or a
    company's word right after it (领英CEO, 领英进行裁员, 领英公司)."""
    titles = tuple(ex.titles)
    at = sent.text.find(y.text)
    while at >= 0:
        after = sent.text[at + len(y.text):at + len(y.text) + 12].lstrip()
        if after.startswith(titles) or ex.grammar(_COMPANY_SIGN).match(after):
            return True
        at = sent.text.find(y.text, at + 1)
    return False


_EVENT = r"[^，,。；;！？!?]{0,8}?(?:{{launch.event_verb}})[^，,。；;！？!?]{0,14}?(?:{{launch.event_noun}})"


@frame("launch-event", triggerless=True)
def launch_event(ex, pattern, rx, sent):
    """ORG今天开了发布会: no fact, but the organisation becomes the agent of
    its paragraph, so the clauses after it that name none take it."""
    if sent.agents is None:
        return
    for org in sent.mentions:
        if org.cls in ex.orgs and ex.grammar(_EVENT).match(sent.text, org.end, sent.end) \
                and not ex.hedged(sent.text[org.end:sent.end]):
            sent.agents.note(sent.start, org, ex.orgs)
            return
    yield from ()


_TOPIC_AFTER = r"\s*(?!{{launch.topic_not}}|{{roles.reporting}}|" + NOT_BARE + r")[\u4e00-\u9fff]"
_TOPIC_BEFORE = r"[\s「“\"『]*"
_COLON = "：:"


@frame("launch-topic", triggerless=True)
def launch_topic(ex, pattern, rx, sent):
    """在应用层，ORG也在加速探索: no fact, but an organisation that opens a
    clause as its bare subject (not a possessor 的, a list member 、和, a
    source 报道) becomes the agent of its paragraph, so a later sentence
    with no agent of its own (去年11月，发布了Y) takes it."""
    if sent.agents is None:
        return
    topic = None
    for org in sent.mentions:
        if org.cls not in ex.orgs or org.metonym:
            continue
        clause = clause_start(sent, org.start)
        if not ex.grammar(_TOPIC_BEFORE).fullmatch(sent.text, clause, org.start) \
                or sent.text[clause - 1:clause] in _COLON:
            continue                # 陈立群：清华大学教授: a description after a colon
        if ex.grammar(_TOPIC_AFTER).match(sent.text, org.end, sent.end) \
                and not sent.text[org.end:org.end + 12].lstrip().startswith(tuple(ex.titles)):
            topic = org             # not 聆心智能创始人…: a role's organisation
    if topic is not None:
        sent.agents.note(sent.start, topic, ex.orgs)
    yield from ()
