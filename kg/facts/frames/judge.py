"""The judgement frame: a speaker's clear verdict (值得肯定, 令人印象深刻;
抄袭, 不公平) about what the quotation or clause names → praised /
criticized; the quotation may stand before the speaker (“…，”X说)."""

from __future__ import annotations

import re

from kg.facts.frames import frame
from kg.facts.roles import clause_start, preceded, pronoun_at, topic, triggers
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
    if close < 0 and not sent.text[sent.start:at].strip():
        return _quote_before(sent.text, sent.start)     # “…。…。”X说：“…”: a quotation of sentences before
    if close < 0 or at - close > 25 or _BREAK.search(sent.text, close + 1, at):
        return None
    return _quote_before(sent.text, close + 1)


_BREAK = re.compile(r"[，,。；;：:！!？?“「]")
_ASKED = re.compile(r"[^。；;！!？?]*?(?:[吗嗎][”」]?\s*[？?]?|[么麼][”」]?\s*[？?]|[？?])")   # 这么多年 asks nothing


# the constructions; their words are the judge.* lists of kg/data/words/facts.tsv
_PASSIVE = r"{{judge.passive_marker}}[^，,。]{0,6}$"         # 被抄袭, 遭到了抄袭: X suffered it
_DEMONSTRATIVE = (r"\s*{{judge.demonstrative_lead}}?\s*{{judge.demonstrative}}"
                  r"{{judge.demonstrative_after}}")            # 但这是错误的: about a claim, not a name
OTHERS = r"{{judge.others}}"                                   # someone else's view
# 但被夸大了: a clause naming nothing continues the one before and judges its subject
_CONTINUED = r"\s*{{judge.continuation}}(?:{{judge.bare_lead}}|{{judge.passive_marker}})*\s*"


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
                 and m.text not in skip and not titled(sent, m)}
        if t.text in names:
            return names == {t.text}
    return False


_PLACE = r"{{judge.place_start}}[^，,。；;：:]{0,30}?{{judge.place_end}}|[（(][^）)]{0,24}[）)]"


def _speaker(ex, sent, pos, dom, view=False):
    """The speaker of the verb at pos: the nearest person or organisation of
    its clause whose stretch to the verb, once a place phrase (在X的节目中,
    在提交给FTC的投诉中) is left out, holds no 的 and no report word (彭博社
    此前有消息称); not after 接受/对/向/据 (an interviewer, a recipient),
    nor after 在 unless the verb is a view (在X看来)."""
    cs = clause_start(sent, pos)
    skip = ex.words("judge.not_speaker_after")
    for m in reversed([m for m in sent.mentions if cs <= m.start and m.end <= pos and pos - m.end <= 30]):
        if not (m.cls == "Person" or m.cls in ex.orgs) or not ex.fits(m.cls, dom):
            continue
        if (preceded(sent, m, skip) and not (view and preceded(sent, m, ex.words("judge.place_start")))) \
                or _titled_org(sent, m, pos):
            continue
        gap = ex.grammar(_PLACE).sub("", sent.text[m.end:pos])
        if ex.grammar(r"{{judge.of}}|{{judge.report_word}}").search(gap):
            continue
        return [m]
    return []


def _titled_org(sent, m, pos) -> bool:
    """NVIDIA CEO黄仁勋称: the organisation is the person's title, not the speaker."""
    return any(p.cls == "Person" and m.end <= p.start and p.end <= pos and p.start - m.end <= 12
               and not _BREAK.search(sent.text, m.end, p.start) for p in sent.mentions)


def titled(sent, m) -> bool:
    """NVIDIA CEO黄仁勋: an organisation standing before a person as a title."""
    return any(p.cls == "Person" and 0 <= p.start - m.end <= 10 and p.start > m.start
               and not _BREAK.search(sent.text, m.end, p.start) for p in sent.starting(m.end, m.end + 11))


def _verdicts(ex, cues, sent, spoken):
    """The verdict words of the spoken span a reading keeps: not negated,
    not asked, not suffered (被抄袭), not someone else's, not about a claim
    (这是错误的), not undone (错误更少)."""
    others, passive = ex.grammar(OTHERS), ex.grammar(_PASSIVE)
    demonstrative, victim = ex.grammar(_DEMONSTRATIVE), ex.word_set("judge.victim")
    undone = ex.grammar(r"^[^，,。；;]{0,8}?{{judge.undone}}")
    found = ex.grammar(r"{{judge.found_before}}[^，,。；;]{0,4}$")     # 抓到了不少错误: errors caught
    for m in cues.finditer(sent.text, *spoken):
        clause = _clause_at(sent.text, spoken[0], m.start())
        if not ex.clause_negated(sent.text, clause, m.start()) and not _asked(sent.text, m.end(), spoken[1]) \
                and not (m.group() in victim and passive.search(sent.text, max(clause, m.start() - 8), m.start())) \
                and not others.search(sent.text, spoken[0], m.start()) \
                and not demonstrative.match(sent.text, clause) \
                and not undone.search(sent.text[m.end():spoken[1]]) \
                and not found.search(sent.text, clause, m.start()):
            yield m, clause


def _judged_class(ex, m) -> bool:
    """What a verdict may judge: a model, product, person or organisation."""
    return m.cls in ("AIModel", "Product", "Person") or m.cls in ex.orgs


def _clause_at(text, start, pos):
    return max([start] + [i + 1 for i in range(start, pos) if text[i] in "，,；;：:"])


def _targets(ex, sent, verdict, clause, speakers, after_verb, spoken_start):
    """What the verdict is about: the last name of its own clause; else a
    reference word (其, 它) in that clause standing for one thing only; else,
    in a quotation or an answer, when the verdict opens its clause, the one
    name said before it."""
    before = [m for m in sent.starting(clause, verdict.start() + 1) if clause <= m.start and m.end <= verdict.start()
              and _judged_class(ex, m) and m not in speakers]
    if before:                  # 比亚迪将发布一项颠覆性技术: a plan judged, not the name
        planned = ex.grammar(r"{{judge.future}}").search(sent.text, clause, verdict.start())
        embedded = ex.grammar(r"{{judge.of}}\s*{{judge.demonstrative}}").search(
            sent.text, before[-1].end, verdict.start())     # 嘲讽X个性的那一段很到位: the passage judged
        between = any(m.end <= verdict.start() and m.cls
                      for m in sent.starting(before[-1].end, verdict.start()))             # 普京在…中国强大的时候: 中国 is the one judged
        return [] if planned or embedded or between else before[-1:]
    if clause > spoken_start and ex.grammar(_CONTINUED).fullmatch(sent.text, clause, verdict.start()):
        prev = _clause_at(sent.text, spoken_start, clause - 1)     # Zeta-7B很便宜，也非常出色
        subject = [m for m in sent.starting(prev, clause) if prev <= m.start and m.end < clause
                   and _judged_class(ex, m) and m not in speakers]
        return subject[:1]
    near = after_verb is not None and not sent.text[after_verb:clause].strip(" ，,：:“「")
    for at in ([after_verb] if near or (after_verb is not None and after_verb >= clause) else []) + \
            [i for i in range(clause, verdict.start()) if sent.text[i] in ex.word_set("judge.it")]:
        ref = pronoun_at(ex, sent, at)
        said = sent.text[at:ref[0]].strip(" ，,：:“「") if ref else ""
        if said.startswith(ex.words("judge.person_pronoun")) or \
                (said in ex.word_set("judge.demonstrative") and sent.text.startswith(ex.words("judge.measure"), ref[0])):
            continue            # 他 stands for a person, 这张照片 for a thing not named
        if ref and ref[0] <= verdict.start():
            t = topic(ex, sent, at, ref[1], speakers)
            return [t] if t and (ref[1] or _sole_topic(sent, t, at, speakers)) else []
    if after_verb is None and ex.grammar(r"\s*(?:{{judge.bare_lead}})*\s*").fullmatch(sent.text, clause, verdict.start()):
        # in a quotation or an answer, 我们去试了一下，确实有惊艳的感觉: the one name said before
        said = {m.text: m for m in sent.starting(spoken_start, clause + 1) if spoken_start <= m.start and m.end <= clause
                and m.cls in ("AIModel", "Company", "Product") and m not in speakers}
        return list(said.values()) if len(said) == 1 else []
    return []


@frame("judgement")
def judgement(ex, pattern, rx, sent):
    """SPEAKER 表示/认为/说 … a clear verdict (值得肯定, 令人印象深刻; 抄袭,
    不公平) about the name of the verdict's own clause → praised /
    criticized. A negated verdict (不会构成威胁) is no verdict; an
    interviewer (接受彭博访问时称), a recipient (在提交给FTC的投诉中称) or a
    show (在A的节目中) is no speaker."""
    cues = ex.sentiment.get(pattern.polarity)
    if cues is None:
        return
    dom = ex.domain(pattern)
    others = ex.grammar(OTHERS)
    for trig in triggers(ex, pattern, rx, sent):
        view = trig.group() in ex.word_set("judge.view")      # 在X看来: X the speaker
        speakers = _speaker(ex, sent, trig.start(), dom, view) or pronoun_speaker(ex, sent, trig.start())
        if not speakers or not (speakers[-1].cls == "Person" or speakers[-1].cls in ex.orgs):
            continue
        if others.search(sent.text, speakers[-1].end, trig.start()):
            continue            # X表示，有人指责…: the view of someone else
        spoken, after_verb = (trig.end(), sent.end), trig.end()
        rest = sent.text[trig.end():sent.end].strip(" 道。.!！:：，,")
        if not rest:
            quoted = _quote_before(sent.text, sent.start) or _quote_before_speaker(sent, speakers[0].start)
            spoken, after_verb = (quoted, None) if quoted else (spoken, after_verb)
        elif rest[0] in "“「":           # “…，”X评价，“…”: the quotation before is X's too
            quoted = _quote_before_speaker(sent, speakers[0].start)
            if quoted and any(True for _ in _verdicts(ex, cues, sent, quoted)):
                spoken, after_verb = quoted, None
        yield from judged(ex, pattern, cues, sent, spoken, speakers, after_verb)
        if pattern.polarity == "positive":
            yield from _nobody_better(ex, pattern, sent, spoken, speakers)


_NOBODY = r"{{judge.nobody}}[^，,。；;！!？?]{0,16}?{{judge.than}}\s*$"


def _nobody_better(ex, pattern, sent, spoken, speakers):
    """X说，没有人比Y更快/做得更好: the superlative of a negated comparison
    praises Y (Y right after 比, 更 or a verdict word after it)."""
    nobody = ex.grammar(_NOBODY)
    for m in sent.starting(*spoken):
        if m.end <= spoken[1] and _judged_class(ex, m) and m not in speakers \
                and nobody.search(sent.text, spoken[0], m.start) \
                and ex.grammar(r"\s*{{judge.nobody_more}}").match(sent.text, m.end):
            for s in speakers:
                if s.text != m.text:
                    yield s, pattern.predicate, m, 1.0
            return


def judged(ex, pattern, cues, sent, spoken, speakers, after_verb):
    """The facts of the first verdict of the spoken span; none when a verdict
    of the other polarity stands before it, unless the verdict's clause
    opens with a contrast (指出X的结构性劣势——它有最伟大的商业模式 is no
    praise; 令人印象深刻，但被夸大了 is both)."""
    other = ex.sentiment.get("negative" if pattern.polarity == "positive" else "positive")
    for verdict, clause in _verdicts(ex, cues, sent, spoken):
        if other is not None and other.search(sent.text, spoken[0], verdict.start()) \
                and not ex.grammar(r"\s*{{judge.contrast}}").match(sent.text, clause):
            return              # …令人印象深刻，但被夸大了: a contrast gives both
        for t in _targets(ex, sent, verdict, clause, speakers, after_verb, spoken[0]):
            for s in speakers:
                if t.text != s.text:
                    yield s, pattern.predicate, t, 1.0
        return


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
