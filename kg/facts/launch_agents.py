"""The agent a launch clause with none of its own takes (zero anaphora):
the agent of its paragraph (:mod:`kg.facts.agents`), when all the clause
holds before the trigger are adverbs and times (还发布了Y, 现场还把Y掏了
出来), no hedge or negation stands there, the sentence is not a person's
(他后来创办了X，推出Y) and no person took the paragraph over since the
organisation stood in it (陈立群：…北辰公司创始人。研发了Y)."""

from __future__ import annotations

from kg.facts.launches import HUMAN, HUMAN_OPENS
from kg.facts.roles import hedged
from kg.facts.sentences import clause_start

_ANAPHORA_LEAD = r"(?:{{launch.anaphora_lead}}|\s|[0-9]|[“”「」])*"


def paragraph_agent(ex, pattern, sent, trig, upto=None):
    """The agent of the paragraph for a trigger whose clause names none
    (before ``upto``, where the clause's object may start: 还把O掏了出来)."""
    if sent.agents is None:
        return None
    clause = clause_start(sent, trig.start())
    upto = trig.start() if upto is None else upto
    lead = sent.text[clause:upto]
    if any(clause <= m.start < upto for m in sent.mentions) or ex.grammar(HUMAN).search(lead) \
            or not ex.grammar(_ANAPHORA_LEAD).fullmatch(lead):
        return None
    if ex.hedged(lead) or ex.negated(sent.text, trig.start()) or hedged(ex, sent, clause, trig) \
            or ex.grammar(HUMAN_OPENS).match(sent.text, sent.start, clause):
        return None                 # 他后来创办了X，推出Y: the sentence is the person's
    agent = sent.agents.at(sent.start, ex.orgs)
    if agent is None or not ex.fits(agent.cls, ex.domain(pattern)) or _person_topic(ex, sent, agent.end, clause):
        return None
    return agent


_BOUNDARY = "\n，,；;：:。！？!?"
NOT_BARE = "[的、和与及]"             # after a name: a possessor or a list member, not a bare subject
_PERSON_AFTER = r"\s*(?:[：:]|(?!" + NOT_BARE + r"|{{roles.reporting}}|{{launch.person_speech}})[\u4e00-\u9fff])"


def _person_topic(ex, sent, after, pos) -> bool:
    """陈立群：…北辰公司创始人。研发了X: a person opens a clause of the
    paragraph after the organisation did (not as a speaker, 陈立群表示),
    so the clause is about them."""
    paragraph = sent.text.rfind("\n", 0, pos) + 1
    for m in sent.starting(max(after, paragraph), pos):
        if m.cls != "Person":
            continue
        before = sent.text[paragraph:m.start].rstrip(" \t「“\"『")
        if (not before or before[-1] in _BOUNDARY) and ex.grammar(_PERSON_AFTER).match(sent.text, m.end):
            return True
    return False


