"""Frames that put two models side by side: A与B不分伯仲 (a pair before
the trigger) and 与B相比，A展现出优势 (the winner after the comparison)."""

from __future__ import annotations

import functools
import re

from kg.facts.frames import frame
from kg.facts.roles import clause_start, hedged, left, right, triggers
from kg.lexicon import alternation


@frame("pair")
def pair(ex, pattern, rx, sent):
    """A 与 B(、C) … TRIGGER → A comparedTo B, A comparedTo C."""
    rng = ex.range(pattern)
    markers = pattern.agent_markers or ("与", "和")
    for trig in triggers(ex, pattern, rx, sent):
        cs = clause_start(sent, trig.start())
        seg = sent.text[cs:trig.start()]
        k = max((seg.find(mk) for mk in markers), default=-1)
        ks = [seg.find(mk) for mk in markers if seg.find(mk) >= 0]
        if not ks:
            continue
        k = min(ks)
        at = cs + k + 1
        others = [m for m in right(ex, sent, at, rng, limit=10) if m.end <= trig.start()]
        firsts = left(ex, sent, at - 1, rng, ("AIModel",), limit=80)
        if not others or not firsts or hedged(ex, sent, firsts[-1].end, trig):
            continue
        for a in firsts[-1:]:
            for b in others:
                yield a, pattern.predicate, b, 0.95


@functools.lru_cache(maxsize=None)
def _markers(words: tuple[str, ...]) -> re.Pattern:
    """The pattern's marker words as one regex, made once (this frame runs on every sentence)."""
    return alternation(words)


@frame("compare-with", triggerless=True)
def compare_with(ex, pattern, rx, sent):
    """与 B 相比，A … 优势 → A outperforms B (no verdict: comparedTo)."""
    rng = ex.range(pattern)
    for marker in _markers(pattern.agent_markers or ("相比",)).finditer(
            sent.text, sent.start, sent.end):
        at = marker.start()
        cs = clause_start(sent, at)
        seg = sent.text[cs:at]
        found = _with_at(seg)
        if not found and cs > sent.start and sent.text[cs:cs + 2].lstrip().startswith(ex.words("compare.such_as")):
            cs = clause_start(sent, cs - 1)         # 与领先的模型，如 B、C 相比
            seg = sent.text[cs:at]
            found = [i for i in _with_at(seg) if i == 0]
        if not found:
            continue
        k = min(found)
        others = [m for m in sent.mentions if cs + k < m.start and m.end <= at and ex.fits(m.cls, rng)]
        after = marker.end()
        tail_word = next((w for w in ex.words("compare.marker_tail") if sent.text.startswith(w, after)), "")
        winners = right(ex, sent, after + len(tail_word) + 1, rng, limit=6)   # 与B相比(的话)，A…
        behind = _behind(ex, sent, marker.end(), sent.end)
        if others and behind:       # 与B相比，(A)仍存在一定差距: B outperforms A
            for a in (winners or _sole_earlier(ex, sent, cs + k, rng))[:1]:
                for b in others:
                    yield b, pattern.predicate, a, 0.9
            continue
        if not others or not winners:
            continue
        tail = sent.text[winners[0].end:sent.end]
        verdict = rx.search(tail) if rx else None
        negated = verdict is not None and ex.negated(tail, verdict.start())
        pred = pattern.predicate if verdict and not negated else "comparedTo"
        for a in winners[:1]:
            for b in others:
                yield a, pred, b, 1.0 if pred != "comparedTo" else 0.8


def _with_at(seg):
    return [i for i in (seg.find("与"), seg.find("和"), seg.find("跟"), seg.find("同")) if i >= 0]


def _behind(ex, sent, start, end):
    """仍存在一定差距, 还有差距 after the comparison: the one compared with
    is the better; a negated gap (没有差距) is none."""
    m = ex.grammar(r"[^。；;]{0,16}?{{compare.behind}}").match(sent.text, start, end)
    if m is None:
        return False
    k = m.end() - 2
    return not (ex.negation and ex.negation.search(sent.text, max(start, k - 2), k))


def _sole_earlier(ex, sent, pos, rng):
    """The one model this sentence names before pos, else the one model of
    the sentence before (不过，与B相比，仍存在一定差距)."""
    here = {m.text: m for m in sent.mentions if m.end <= pos and ex.fits(m.cls, rng)}
    if here:
        return list(here.values()) if len(here) == 1 else []
    before = {m.text: m for m in (sent.previous[-1] if sent.previous else ()) if ex.fits(m.cls, rng)}
    return list(before.values()) if len(before) == 1 else []
