"""A launch continued by 还有: the clause after a launch that lists more
things with no verb of its own (星河科技不止发了Zeta-7B，还有一个很好玩的
东西，Zeta-Agent; 北辰公司发布了Zeta-7B。还有Zeta-7B-Pro。). The things take
the agent of the launch before them: the subject of its verb in the same
sentence, else the agent of the paragraph. Nothing fires when the clause
names an organisation of its own, when a thing is the subject of more
(还有Zeta-9B也很强), or when no launch verb stands just before."""

from __future__ import annotations

from kg.facts.frames import frame
from kg.facts.frames.launch import list_items
from kg.facts.launch_agents import paragraph_agent
from kg.facts.roles import hedged, left, triggers
from kg.facts.sentences import clause_start

_FILLER = (r"\s*(?:(?:{{launch.also_measure}})(?:[^。；;！？!?，,：:]{0,10}?"
           r"(?:{{launch.item_class_noun}}|{{launch.also_noun}}))?\s*[，,：:]?\s*)?[「“\"『]?")
_LEAD = r"(?:{{launch.anaphora_lead}}|\s)*"
_VERB = "{{launch.also_after}}"
_CLOSED = r"\s*(?:$|[，,。；;！？!?、）)」”\"』]|{{launch.list_close}})"
_GLUED = r"[A-Za-z0-9]\s*$"
_WINDOW = 80                    # how far back the launch may stand (the clause or sentence before)


@frame("launch-also")
def launch_also(ex, pattern, rx, sent):
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        clause = clause_start(sent, trig.start())
        if not ex.grammar(_LEAD).fullmatch(sent.text, clause, trig.start()):
            continue
        filler = ex.grammar(_FILLER).match(sent.text, trig.end(), sent.end)
        items = list_items(ex, sent, filler.end(), rng)
        if not items or not ex.grammar(_CLOSED).match(sent.text[:sent.end], items[-1].end) or any(
                trig.end() <= m.start < items[0].start for m in sent.mentions) \
                or ex.grammar(_GLUED).search(sent.text, trig.end(), items[0].start):
            continue                # 还有一个东西，Agent Teams: "Teams" is a piece of a longer name
        paragraph = sent.text.rfind("\n", 0, clause) + 1
        window = sent.text[max(paragraph, clause - _WINDOW):clause]
        verb = None
        for verb in ex.grammar(_VERB).finditer(window):
            pass
        if verb is None or ex.hedged(window[verb.end():]):
            continue
        at = max(paragraph, clause - _WINDOW) + verb.start()
        if at >= sent.start:
            agents = left(ex, sent, at, dom)
            if not agents or hedged(ex, sent, agents[-1].end, trig):
                continue
        else:
            agent = paragraph_agent(ex, pattern, sent, trig)
            agents = [agent] if agent is not None else []
        for s in agents:
            for o in items:
                yield s, pattern.predicate, o, 0.8

