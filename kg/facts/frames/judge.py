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


_PASSIVE = re.compile(r"(?:被|遭到|遭受|遭|受到)[^，,。]{0,3}$")    # 被抄袭, 遭到了抄袭: X suffered it
_DEMONSTRATIVE = re.compile(r"\s*(?:但|而|可|不过|但是)?\s*(?:这|此|那)(?:是|也是|就是|非常|很|真是|真|确实|太|种|样|么|些|举)")   # 但这是错误的: about a claim, not a name
_VICTIM = frozenset({"抄袭", "窃取", "剽窃", "滥用", "威胁", "侵权", "欺骗", "误导", "蒸馏了"})   # … but 被夸大了 is a verdict
_OTHERS = re.compile(r"有人|外界|网友|批评者|一些人|部分人|指责|质疑|声称|传言|担忧|担心")   # someone else's view


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
    for trig in triggers(ex, pattern, rx, sent):
        speakers = left(ex, sent, trig.start(), dom, ("Person",), limit=24, nearest=True,
                           skip_after=("接受", "对", "向", "据"))
        if not speakers:
            speakers = pronoun_speaker(sent, trig.start())
        if not speakers or speakers[-1].cls not in ("Person", "Company", "Organization", "GovernmentBody"):
            continue
        if _OTHERS.search(sent.text, speakers[-1].end, trig.start()):
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
                    and not (m.group() in _VICTIM and _PASSIVE.search(sent.text, max(clause, m.start() - 5), m.start())) \
                    and not _OTHERS.search(sent.text, spoken[0], m.start()) \
                    and not _DEMONSTRATIVE.match(sent.text, clause):
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


_DUI_GAP = re.compile(r"\s*(?:的)?\s*(?:一直|也|都|同样|向来|始终|亦)?\s*(?:给予|给出|予以)?\s*")
_DUI_LEAD = re.compile(r"\s*(?:也|都|一直|向来|始终|曾|曾经|则|亦|此前|同样|还|更是)*\s*")
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
        gap = _DUI_GAP.fullmatch(sent.text, o.end, trig.start())
        lead = sent.text[s.end:dui]
        if gap is None or not _DUI_LEAD.fullmatch(lead) or ex.clause_negated(sent.text, s.end, trig.start()) \
                or ex.negated(sent.text, trig.start()) or s.text == o.text:
            continue
        yield s, pattern.predicate, o, 1.0
