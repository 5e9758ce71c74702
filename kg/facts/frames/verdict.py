"""The verdict verbs, read strictly: SPEAKER 称赞/批评/指控 X → praised /
criticized. The speaker is the agent of the verb in its own clause (only
adverbs, a support verb, a place phrase or a 对X segment between them), or
the subject of the clause before when the verb's clause has no subject of
its own (英伟达发表声明，称赞X). The verb used as a noun (批评者, 批评的声音,
该质疑, 受到认可), a passive or modal before it (被指控, 用户可以批评) and
a weak verb without its object right after it (肯定，… = certainly) are no
verdict; the object stands right after the verb, after 对, or is the one
thing a 其/它 can stand for."""

from __future__ import annotations

from kg.facts.frames import frame
from kg.facts.frames.judge import titled
from kg.facts.roles import clause_start, hedged, left, preceded, pronoun_at, right, topic, triggers

# the constructions; their words are the verdict.* lists of kg/data/words/facts.tsv
_AGENT_GAP = (r"(?:\s|{{verdict.adverb}}|{{verdict.support}}|{{verdict.group_end}}|[\d０-９]+\s*{{verdict.date_unit}}|[（(][^）)]{0,24}[）)]|[）)]"
              r"|{{verdict.place_start}}[^，,。；;：:]{0,16}?{{verdict.place_end}})*")
_NOMINAL_BEFORE = r"(?:{{verdict.nominal_before}})\s*$"
_NOMINAL_AFTER = r"\s*(?:{{verdict.nominal_after}})"
_WEAK_GAP = r"\s*(?:{{verdict.weak_gap}})?\s*"
_CLAUSE_LEAD = r"\s*(?:{{verdict.adverb}}|{{verdict.support}})*\s*"

def _dui(ex, sent, start, end):
    """Where 对 opens a segment between the speaker and the verb, or -1."""
    return max(sent.text.rfind(w, start, end) for w in ex.words("verdict.dui"))


def _nominal(ex, sent, trig, dui) -> bool:
    """批评者, 批评的声音, 该质疑, 受到认可, 的认可 (unless 对X的认可)."""
    before = sent.text[max(sent.start, trig.start() - 4):trig.start()]
    if before.rstrip().endswith(ex.words("verdict.of")) and dui < 0:
        return True
    if ex.grammar(_NOMINAL_BEFORE).search(before):
        return True
    return bool(ex.grammar(_NOMINAL_AFTER).match(sent.text, trig.end()))


def _agent_ok(ex, sent, s, trig, dui) -> bool:
    """The speaker s is the verb's agent: only adverbs, support verbs, a
    date, a place phrase (在X上) or a 对X segment stand between them; in
    the clause before, s opens it (or follows 由) and the verb's clause has
    only adverbs before the verb."""
    cs = clause_start(sent, trig.start())
    end = dui if dui >= 0 else trig.start()
    gap = ex.grammar(_AGENT_GAP)
    if s.start >= cs:
        return bool(gap.fullmatch(sent.text, s.end, end))
    if not ex.grammar(_CLAUSE_LEAD).fullmatch(sent.text, cs, end):
        return False
    prev = clause_start(sent, cs - 1)
    if s.start < prev:
        return False
    lead = sent.text[prev:s.start]
    return len(lead.strip(" -—·*")) <= 2 or any(w in lead for w in ex.words("verdict.agent_marker"))


def _sole(ex, sent, pos, rng, speakers):
    """What 其/它 stands for, when its pool names one thing only."""
    t = topic(ex, sent, pos, rng, speakers)
    if t is None:
        return []
    skip = {x.text for x in speakers}
    pools = [[m for m in sent.mentions if m.end <= pos]] + [list(p) for p in reversed(sent.previous[-2:])]
    for pool in pools:
        names = {m.text for m in pool if m.cls not in ("Person", "Country", "City", "Place", "")
                 and m.text not in skip and ex.fits(m.cls, rng) and not titled(sent, m)}
        if names:
            return [t] if names == {t.text} else []
    return []


@frame("verdict-verb")
def verdict_verb(ex, pattern, rx, sent):
    dom, rng = ex.domain(pattern), ex.range(pattern)
    weak = ex.word_set("verdict.weak")
    for trig in triggers(ex, pattern, rx, sent):
        subjects = left(ex, sent, trig.start(), dom, ("Company",))
        subjects = [s for s in subjects if s.cls == "Person" or s.cls in ex.orgs]
        if not subjects or hedged(ex, sent, subjects[-1].end, trig):
            continue
        s = subjects[-1]
        if preceded(sent, subjects[0], ex.words("verdict.preposition")):
            continue            # 对 OpenAI、微软提起诉讼: the objects, not the speaker
        cs = clause_start(sent, trig.start())
        dui = _dui(ex, sent, max(s.end, cs), trig.start())
        if _nominal(ex, sent, trig, dui) or not _agent_ok(ex, sent, s, trig, dui):
            continue
        objects = []
        if dui >= 0:
            objects = [m for m in right(ex, sent, dui + 1, rng, limit=3)[:4] if m.end <= trig.start()]
            if not objects and pronoun_at(ex, sent, dui + 1):
                objects = _sole(ex, sent, dui, rng, subjects)
        else:
            limit = 2 if trig.group() in weak else pattern.object_limit
            objects = right(ex, sent, trig.end(), rng, limit=limit)
            if objects and trig.group() in weak and \
                    not ex.grammar(_WEAK_GAP).fullmatch(sent.text, trig.end(), objects[0].start):
                objects = []
            if not objects and pronoun_at(ex, sent, trig.end()):
                objects = _sole(ex, sent, trig.start(), rng, subjects)
            if not objects and trig.group() in pattern.topic_triggers \
                    and not sent.text[trig.end():sent.end].strip(" 。.!！"):
                objects = _sole(ex, sent, subjects[0].start, rng, subjects)
        for o in objects:
            for subj in subjects:
                if subj.text != o.text:
                    yield subj, pattern.predicate, o, 1.0


_DEEMED = r"[^，,。；;：:]{0,16}"


@frame("deem")
def deem(ex, pattern, rx, sent):
    """SPEAKER 将/把 X 定性为/视为/列为 … a verdict word (威胁, 安全风险;
    礼物, 里程碑) → criticized / praised X: the speaker the agent of 将 (as
    for the verdict verbs), X the names between 将 and the trigger that are
    no owner (北辰公司的Zeta-7B → Zeta-7B); a hedge or a negation (并未将X
    视为威胁) is none."""
    cues = ex.sentiment.get(pattern.polarity)
    if cues is None:
        return
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        cs = clause_start(sent, trig.start())
        ba = max(sent.text.rfind(w, cs, trig.start()) for w in ex.words("verdict.ba"))
        reach = ex.grammar(_DEEMED).match(sent.text, trig.end(), sent.end).end()
        if ba < 0 or not cues.search(sent.text, trig.end(), reach):
            continue
        objects = [m for m in sent.mentions if ba < m.start and m.end <= trig.start() and ex.fits(m.cls, rng)
                   and not sent.text.startswith(ex.words("verdict.of"), m.end)]
        subjects = [s for s in left(ex, sent, ba, dom, ("Company",)) if s.cls == "Person" or s.cls in ex.orgs]
        if not objects or not subjects or not _agent_ok(ex, sent, subjects[-1], trig, ba) \
                or hedged(ex, sent, subjects[-1].end, trig) or ex.clause_negated(sent.text, cs, trig.start()):
            continue
        for o in objects:
            for s in subjects:
                if s.text != o.text:
                    yield s, pattern.predicate, o, 1.0
