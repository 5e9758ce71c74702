"""Comparisons in benchmark prose, read strictly: A比B高了N分 / A拿了72.7%，
比B的66.3%高 (A outperforms B), and two scores of one benchmark in one
sentence (A拿了76%，而B只有18.5% → the higher beats the lower). A cost, a
price or a latency is no score (lower is better there), so a sentence that
names one is left alone."""

from __future__ import annotations

import re

from kg.facts.frames import frame
from kg.facts.roles import clause_start, preceded

# the constructions; their words are the scores.* lists of kg/data/words/facts.tsv
_THAN = r"{{scores.than}}(?!{{scores.not_than_after}})"
_MORE = (r"\s*(?:{{scores.of}}\s*[\d.]+\s*{{scores.unit}})?\s*(?:{{scores.adverb}})*\s*(?:{{scores.more}})")
_SCORE = (r"\s*(?:{{scores.of}})?\s*(?:{{scores.score_noun}})?\s*[，,]?\s*(?:{{scores.adverb}})*\s*"
          r"(?:{{scores.score_verb}})\s*(?:{{scores.about}})?\s*(\d+(?:\.\d+)?)\s*({{scores.unit}})")
_BREAK = re.compile(r"[，,；;。！!？?]")


def _models(ex, sent):
    return [m for m in sent.mentions if m.cls == "AIModel"]


def _costly(ex, sent) -> bool:
    return bool(ex.grammar(r"{{scores.cost}}").search(sent.text, sent.start, sent.end))


def _first_of_clause(ex, sent, start, end):
    """The first model of text[start:end] not after a preposition or 比."""
    for m in _models(ex, sent):
        if start <= m.start and m.end <= end and not preceded(sent, m, ex.words("scores.preposition")):
            return m
    return None


def _than_subject(ex, sent, at):
    """A of A比B…: the nearest model before 比 in its clause; when the clause
    opens with 比, the first model of the nearest clause before that has one."""
    cs = clause_start(sent, at)
    here = [m for m in _models(ex, sent) if cs <= m.start and m.end <= at
            and not preceded(sent, m, ex.words("scores.preposition"))]
    if here:
        return here[-1]
    lead = sent.text[cs:at].strip()
    if lead and lead not in ex.word_set("scores.it"):
        return None             # 当A刚推出时，它比B强太多: 它 is the model of the clause before
    end = cs - 1
    while end > sent.start:
        start = clause_start(sent, end)
        m = _first_of_clause(ex, sent, start, end)
        if m is not None:
            return m
        end = start - 1
    return None


@frame("than", triggerless=True)
def than(ex, pattern, rx, sent):
    """A 比 B (的N%) 高/强/领先 … → A outperforms B."""
    if _costly(ex, sent):
        return
    more = ex.grammar(_MORE)
    for k in ex.grammar(_THAN).finditer(sent.text, sent.start, sent.end):
        at = k.start()
        if any(m.start <= at < m.end for m in sent.mentions):
            continue                # 比亚迪
        b = next((m for m in _models(ex, sent) if m.start > at), None)
        if b is None or b.start - k.end() > 6 or _BREAK.search(sent.text, k.end(), b.start):
            continue
        if not more.match(sent.text, b.end) or ex.negated(sent.text, at):
            continue
        a = _than_subject(ex, sent, at)
        if a is not None and a.text != b.text:
            yield a, pattern.predicate, b, 1.0


@frame("score-pair", triggerless=True)
def score_pair(ex, pattern, rx, sent):
    """A 拿了 76%，而 B 只有 18.5%: two models' scores in one sentence, in
    the same unit, on a benchmark the sentence names, nothing between the
    scores but a clause break → the higher outperforms the lower."""
    if _costly(ex, sent) or not ex.grammar(r"{{scores.benchmark}}").search(sent.text, sent.start, sent.end):
        return
    score = ex.grammar(_SCORE)
    found = []
    for m in _models(ex, sent):
        s = score.match(sent.text, m.end, sent.end)
        if s is not None:
            found.append((m, float(s.group(1)), s.group(2), s.end()))
    for (a, x, unit, end), (b, y, unit2, _) in zip(found, found[1:]):
        if unit != unit2 or a.text == b.text or x == y or b.start - end > 6:
            continue
        if len({f[0].text for f in found}) > 3:
            return
        yield (a, pattern.predicate, b, 1.0) if x > y else (b, pattern.predicate, a, 1.0)


_LEADER = r"[^。；;！!？?]{0,12}?{{scores.leader}}"
_END = re.compile(r"[。！!？?\n]")


def _next_sentence(sent):
    """(start, end) of the sentence after sent, within a line's reach."""
    start = sent.end
    while start < len(sent.text) and sent.text[start] in " \n\t”」）)":
        start += 1
    m = _END.search(sent.text, start, min(len(sent.text), start + 160))
    return (start, m.end()) if m else None


@frame("score-leader", triggerless=True)
def score_leader(ex, pattern, rx, sent):
    """A 拿了 65.4%，是所有模型里最高的。B 是 64.7%，C 是 56.2%。: a model
    given a score and called the best, then a sentence of nothing but other
    models' scores in the same unit, each lower → A outperforms each."""
    if _costly(ex, sent):
        return
    score, leader = ex.grammar(_SCORE), ex.grammar(_LEADER)
    tops = []
    for m in _models(ex, sent):
        s = score.match(sent.text, m.end, sent.end)
        if s is not None and leader.match(sent.text, s.end(), sent.end):
            tops.append((m, float(s.group(1)), s.group(2)))
    nxt = _next_sentence(sent) if len(tops) == 1 else None
    if nxt is None or ex.grammar(r"{{scores.cost}}").search(sent.text, *nxt):
        return
    a, x, unit = tops[0]
    others = [m for m in sent.starting(nxt[0], nxt[1]) if m.end <= nxt[1] and m.cls == "AIModel"]
    found = []
    for b in others:
        s = score.match(sent.text, b.end, nxt[1])
        if s is None:
            return                  # a model without a score: not a list of scores
        found.append((b, float(s.group(1)), s.group(2)))
    for b, y, unit2 in found:
        if unit2 == unit and y < x and b.text != a.text:
            yield a, pattern.predicate, b, 1.0
