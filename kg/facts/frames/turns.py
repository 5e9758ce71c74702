"""Interview turns: a paragraph that opens with a person's name and a colon
(李彦宏：……) is that person's answer, and so are the paragraphs after it
that open with no name, up to the next turn (an answer runs over several
paragraphs). The verdicts of an answer are the speaker's, read as the
judgement frame reads a quotation (:func:`kg.facts.frames.judge.judged`)."""

from __future__ import annotations

import re

from kg.facts.frames import frame
from kg.facts.frames.judge import OTHERS, judged

_TURN = re.compile(r"\s*(\S{2,12}?)\s*[：:]")
_BACK = 8           # paragraphs an answer may run over
_AHEAD = 12         # paragraphs within which the next turn must come
_LONG = 40          # an answer's first paragraph is longer than a heading (某人：某句话)
_SHORT = 30         # a paragraph this short without a sentence end is a heading


def _head(sent, line: int):
    """(speaker, end of the head) when the paragraph at line opens with a
    person's name and a colon, else None."""
    m = _TURN.match(sent.text, line, min(len(sent.text), line + 20))
    if m is None:
        return None
    who = next((x for x in sent.starting(m.start(1), m.start(1) + 1)
                if x.end == m.end(1) and x.cls == "Person"), None)
    return (who, m.end()) if who is not None else None


def _paragraphs_before(text: str, line: int):
    """The starts of the non-empty paragraphs before the one at line, nearest first."""
    end = line - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            yield start, end
        end = start - 1


def _paragraphs_after(text: str, line: int):
    at = text.find("\n", line)
    while at >= 0:
        nxt = text.find("\n", at + 1)
        seg = text[at + 1:nxt if nxt >= 0 else len(text)]
        if seg.strip():
            yield at + 1
        at = nxt


def _heading(text: str, start: int, end: int) -> bool:
    seg = text[start:end].strip()
    return len(seg) < _SHORT and not seg.endswith(("。", "？", "！", "?", "!", "”", "」"))


def _continued(ex, sent, line: int):
    """The speaker of the turn this head-less paragraph continues: the
    nearest turn before it (no heading between, its first paragraph long),
    a turn after it within reach (so the paragraph lies inside an
    interview), first person in the paragraph and the speaker's name not in
    it (a paragraph that names the speaker is narration)."""
    end = sent.text.find("\n", line)
    end = len(sent.text) if end < 0 else end
    para = sent.text[line:end]
    if not any(w in para for w in ex.words("judge.first_person")):
        return None
    for k, (start, stop) in enumerate(_paragraphs_before(sent.text, line)):
        if k >= _BACK or _heading(sent.text, start, stop):
            return None
        head = _head(sent, start)
        if head is None:
            continue
        if stop - head[1] < _LONG or head[0].text in para:
            return None
        break
    else:
        return None
    for k, start in enumerate(_paragraphs_after(sent.text, line)):
        if k >= _AHEAD:
            return None
        if _head(sent, start) is not None:
            return head[0]
    return None


@frame("interview-turn", triggerless=True)
def interview_turn(ex, pattern, rx, sent):
    """李彦宏：……, and the head-less paragraphs of the same answer: the
    verdicts are the speaker's."""
    cues = ex.sentiment.get(pattern.polarity)
    if cues is None:
        return
    line = sent.text.rfind("\n", 0, sent.start) + 1
    head = _head(sent, line)
    if head is not None:
        speaker, spoken = head[0], (max(sent.start, head[1]), sent.end)
    elif _TURN.match(sent.text, line, min(len(sent.text), line + 20)) is None:
        speaker, spoken = _continued(ex, sent, line), (sent.start, sent.end)
    else:
        return
    if speaker is None or (head is not None and line < sent.start - 2000):
        return
    if ex.grammar(OTHERS).search(sent.text, *spoken):
        return
    for fact in judged(ex, pattern, cues, sent, spoken, [speaker], None):
        if not _third_party(ex, sent, spoken, speaker, fact[2]):
            yield fact


def _third_party(ex, sent, spoken, speaker, target) -> bool:
    """某社区明确禁止…，因为X的错误率太高了: an answer sentence that names
    another person, organisation or product before the thing judged may be
    telling that one's view; it gives nothing."""
    first = min((m.start for m in sent.mentions if m.text == target.text), default=target.start)
    return any((m.cls in ("Person", "Product") or m.cls in ex.orgs) and m.end <= first
               and m.text not in (speaker.text, target.text)
               for m in sent.mentions if spoken[0] <= m.start and m.end <= spoken[1])
