"""The judgement frame: a speaker's clear verdict (值得肯定, 令人印象深刻;
抄袭, 不公平) about what the quotation or clause names → praised /
criticized; the quotation may stand before the speaker (“…，”X说)."""

from __future__ import annotations

import re

from kg.facts.frames import frame
from kg.facts.roles import clause_start, left, pronoun_at, topic, triggers
from kg.facts.references import pronoun_speaker


def _quote_before(text: str, pos: int, reach: int = 400):
    """The span inside the quotation that ends just before pos, if any."""
    close = max(text.rfind("”", max(0, pos - 3), pos), text.rfind("」", max(0, pos - 3), pos))
    if close < 0:
        return None
    start = max(text.rfind("“", max(0, close - reach), close), text.rfind("「", max(0, close - reach), close))
    return (start + 1, close) if start >= 0 else None


def _quote_before_speaker(sent, at: int):
    """“…，”星海公司CEO王某说: the quotation closing in this sentence just
    before the speaker (a title between them, no clause break)."""
    close = max(sent.text.rfind("”", sent.start, at), sent.text.rfind("」", sent.start, at))
    if close < 0 or at - close > 25 or _BREAK.search(sent.text, close + 1, at):
        return None
    return _quote_before(sent.text, close + 1)


_BREAK = re.compile(r"[，,。；;：:！!？?“「]")
_ASKED = re.compile(r"[^。；;！!？?]*?(?:[吗嗎么麼][”」]?\s*[？?]?|[？?])")


# the constructions; their words are the judge.* lists of kg/data/words/facts.tsv
_PASSIVE = r"{{judge.passive_marker}}[^，,。]{0,3}$"         # 被抄袭, 遭到了抄袭: X suffered it
_DEMONSTRATIVE = (r"\s*{{judge.demonstrative_lead}}?\s*{{judge.demonstrative}}"
                  r"{{judge.demonstrative_after}}")            # 但这是错误的: about a claim, not a name
_OTHERS = r"{{judge.others}}"                                   # someone else's view


def _asked(text: str, at: int, end: int) -> bool:
    """Zeta-7B会威胁行业吗？: a verdict in a question is no verdict."""
    m = _ASKED.match(text, at, min(len(text), end + 2))
    return m is not None


def _sole_topic(sent, t, pos, speakers) -> bool:
    """它/其 of any class: only when its pool names nothing else (北辰公司发布了
    Zeta-7B。X认为，它… could be either)."""
    pools = [[m for m in sent.mentions if m.end <= pos]] + [list(p) for p in reversed(sent.previous[-3:])]
    skip = {x.text for x in speakers}
    for pool in pools:
        names = {m.text for m in pool if m.cls not in ("Person", "Country", "City", "Place", "")
                 and m.text not in skip}
        if t.text in names:
            return names == {t.text}
    return False


@frame("judgement")
def judgement(ex, pattern, rx, sent):
    """SPEAKER 表示/认为/说 … a clear verdict (值得肯定, 令人印象深刻; 抄袭,
    不公平) about what stands just before it → praised / criticized. A
    negated verdict (不会构成威胁) is no verdict; an interviewer (接受彭博
    访问时称) is no speaker."""
    cues = ex.sentiment.get(pattern.polarity)
    if cues is None:
        return
    dom = ex.domain(pattern)
    others, passive = ex.grammar(_OTHERS), ex.grammar(_PASSIVE)
    demonstrative, victim = ex.grammar(_DEMONSTRATIVE), ex.word_set("judge.victim")
    for trig in triggers(ex, pattern, rx, sent):
        speakers = left(ex, sent, trig.start(), dom, ("Person",), limit=24, nearest=True,
                        skip_after=ex.words("judge.not_speaker_after"))
        if not speakers:
            speakers = pronoun_speaker(ex, sent, trig.start())
        if not speakers or speakers[-1].cls not in ("Person", "Company", "Organization", "GovernmentBody"):
            continue
        if others.search(sent.text, speakers[-1].end, trig.start()):
            continue            # X表示，有人指责…: the view of someone else
        spoken = (trig.end(), sent.end)
        if not sent.text[trig.end():sent.end].strip(" 道。.!！:：，,"):
            spoken = (_quote_before(sent.text, sent.start)      # “…。” 王某表示。
                      or _quote_before_speaker(sent, speakers[0].start) or spoken)   # “…，”王某说。
        verdict = None
        for m in cues.finditer(sent.text, *spoken):
            clause = max(spoken[0], sent.text.rfind("，", spoken[0], m.start()) + 1,
                         sent.text.rfind(",", spoken[0], m.start()) + 1)
            if not ex.clause_negated(sent.text, clause, m.start()) and not _asked(sent.text, m.end(), spoken[1]) \
                    and not (m.group() in victim and passive.search(sent.text, max(clause, m.start() - 5), m.start())) \
                    and not others.search(sent.text, spoken[0], m.start()) \
                    and not demonstrative.match(sent.text, clause):
                verdict = m
                break
        if verdict is None:
            continue
        before = [m for m in sent.everything if spoken[0] <= m.start and m.end <= verdict.start()
                  and m.cls in ("AIModel", "Company", "Product", "Person") and m not in speakers]
        targets = before[-1:]
        ref = None if targets else pronoun_at(ex, sent, trig.end())
        if ref:
            t = topic(ex, sent, trig.start(), ref[1], speakers)
            targets = [t] if t and (ref[1] or _sole_topic(sent, t, trig.start(), speakers)) else []
        for t in targets:
            for s in speakers:
                if t.text != s.text:
                    yield s, pattern.predicate, t, 1.0


_DUI_GAP = r"\s*(?:的)?\s*{{judge.dui_adverb}}?\s*{{judge.dui_support}}?\s*"
_DUI_LEAD = r"\s*{{judge.dui_lead}}*\s*"
_DUI_SPEAKER = frozenset({"Person", "Company", "Organization", "GovernmentBody"})


@frame("dui-verdict")
def dui_verdict(ex, pattern, rx, sent):
    """SPEAKER 对 X (的) 评价很高 / 赞不绝口 / 颇有微词 → praised / criticized
    X: the speaker and X in one clause, nothing but a particle or an adverb
    between X and the verdict; hedged or negated (并未对X评价很高) is none."""
    rng = ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        cs = clause_start(sent, trig.start())
        dui = sent.text.rfind("对", cs, trig.start())
        if dui < 0:
            continue
        objs = [m for m in sent.mentions if dui < m.start and m.end <= trig.start() and ex.fits(m.cls, rng)]
        speakers = [m for m in sent.mentions if cs <= m.start and m.end <= dui and m.cls in _DUI_SPEAKER]
        if not objs or not speakers:
            continue
        o, s = objs[-1], speakers[-1]
        gap = ex.grammar(_DUI_GAP).fullmatch(sent.text, o.end, trig.start())
        lead = sent.text[s.end:dui]
        if gap is None or not ex.grammar(_DUI_LEAD).fullmatch(lead) or ex.clause_negated(sent.text, s.end, trig.start()) \
                or ex.negated(sent.text, trig.start()) or s.text == o.text:
            continue
        yield s, pattern.predicate, o, 1.0
