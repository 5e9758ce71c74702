"""What a launch (``released``) may be: the checks its frames apply to a
candidate, and the agent a clause without one takes.

- the object is the thing launched, not a modifier of it: no 搭载/基于/类
  stands open between the trigger and it (发布搭载X的平板; but 发布由X驱动的Y
  launches Y, :func:`head_after`), and no word after it makes it a modifier,
  a document or a place (X竞品, X论文, 在X上发布, 推出X软件的障碍);
- no progressive stands before the trigger (正在开发X), no later launch verb
  of the sentence plans it (官宣X，…将公开发布), and the subject is neither
  the owner of the real agent (微软支持的OpenAI开发出X) nor the object of a
  preposition (为特斯拉扫清了推出X的障碍);
- a clause with no agent takes the agent of its paragraph
  (:mod:`kg.facts.launch_agents`)."""

from __future__ import annotations

import re

from kg.facts.hedges import modal
from kg.facts.roles import fits_or_typed, left, right, triggers
from kg.facts.sentences import clause_start

_MODIFIER = "{{launch.object_modifier}}"
NOT_LAUNCHED = "{{launch.not_launched}}"
NOT_HEAD = (r"[」”\"』》)）\s]*(?:{{launch.item_class_noun}})?\s*(?:(?:{{launch.object_not_head}})"
             r"|[^\s，,。；;：:、！？!?]{0,3}?(?:{{launch.not_launched}}))")
DE = _DE = "的"                          # the one particle these constructions turn on
_DE_SOON = r"[」”\"』》)）\s]*[^，,。；;：:、！？!?「“\"《]{0,6}?" + _DE + r"(?!\s*(?:{{launch.de_head_ok}}))"
_PROGRESSIVE = r"(?:{{launch.progressive}})(?!{{launch.progressive_not}})"
_PROGRESSIVE_NEAR = r"(?:{{launch.progressive_near}})\s*$"
_NOT_AGENT = r"(?:{{launch.not_agent_before}})\s*$"
OV_AFTER = r"了?\s*(?:$|[，,。；;：:！？!?、)）」”\"\s|｜]|{{launch.ov_after}})"
HUMAN = "{{launch.human_agent}}"
HUMAN_OPENS = r"[\s“「]*(?:{{launch.person_pronoun}})"
_FUTURE, _NOT_FUTURE = "{{hedges.future}}", "{{hedges.future_not}}"


def group_end(ex, sent, o) -> int:
    """Where the coordinated group that ``o`` starts or belongs to ends."""
    end = o.end
    for m in sent.mentions:
        if m.start >= end and ex.coordination.match(sent.text[end:m.start]):
            end = m.end
        elif m.start >= end:
            break
    return end


def _group_start(ex, sent, o) -> int:
    """Where the coordinated group that ``o`` belongs to starts."""
    start = o.start
    for m in reversed(sent.mentions):
        if m.end <= start and ex.coordination.match(sent.text[m.end:start]):
            start = m.start
        elif m.end <= start:
            break
    return start


def object_ok(ex, sent, start, o, after_de=True) -> bool:
    """``o`` is what was launched when the filler between ``start`` and its
    group holds no modifier or non-product noun and no modifier word
    follows the group."""
    first = _group_start(ex, sent, o)
    if first >= start:
        filler = sent.text[start:first]
        mod = None
        for mod in ex.grammar(_MODIFIER).finditer(filler):
            pass
        if mod is not None and not _closed(sent, start + mod.end(), start + len(filler),
                                           mod.group() in ex.word_set("launch.agent_marker")):
            return False          # 发布搭载X的平板 (but 发布由X驱动的Y: Y is the head)
        if ex.grammar(NOT_LAUNCHED).search(filler) or modal_filler(ex, filler) \
                or ex.grammar(_VENUE).search(filler) or _titled_work(sent, o) \
                or "、" in filler or ex.grammar(_OWNED_FILLER).search(filler) \
                or ex.grammar(_EDITION_BEFORE).search(filler):
            return False          # 开源模型、Y的Z; 发布模型的X: X is another thing's
    end = group_end(ex, sent, o)
    if not after_de and sent.text[end:end + 2].lstrip().startswith(_DE):
        return True               # X发布的Y的性能: the relative clause states the launch
    if ex.grammar(NOT_HEAD).match(sent.text, end) or ex.grammar(_EDITION).match(sent.text, end):
        return False              # X论文, X竞品, X芯片版Y
    de = ex.grammar(_DE_SOON).match(sent.text, end, sent.end)
    if de and after_de and not any(end <= m.start < de.end() for m in sent.mentions):
        return False              # 推出X软件的障碍, 由X微调而来的Y: X modifies what follows
    return True


_VENUE = "{{launch.venue}}"


def _titled_work(sent, o) -> bool:
    """发布了《X答网友问》: the name stands inside a longer book title."""
    open_at = sent.text.rfind("《", sent.start, o.start)
    if open_at < 0 or sent.text.rfind("》", open_at, o.start) >= 0:
        return False
    close_at = sent.text.find("》", o.end, sent.end)
    return close_at >= 0 and (close_at > o.end or open_at + 1 < o.start)


_YEAR = re.compile(r"(?<!\d)(20\d\d)\s*年")
_BLOCKED = "{{launch.blocked}}"
_OWNED_FILLER = r"(?:{{launch.item_class_noun}})" + _DE + r"\s*$"
_EDITION = r"[」”\"』》)）\s]*(?:{{launch.item_class_noun}})?\s*(?:{{launch.edition}})(?!{{launch.edition_not}})"
_EDITION_BEFORE = r"(?:{{launch.edition_lead}})\s*(?:{{launch.edition}})\s*[「“\"]?\s*$"
_HEAD_GAP = (r"[^，,。；;：:！？!?" + _DE + r"]{0,10}" + _DE + r"\s*[^，,。；;：:！？!?" + _DE
             + r"]{0,10}?[「“\"《]?\s*")


_DESCRIBED = r"\s*[^\s，,。；;：:、！？!?和与及]{0,10}?(?:{{launch.item_class_noun}})\s*[「“\"]?\s*"


def described_head(ex, sent, o, rng):
    """The name a description holding ``o`` introduces (双OLED屏笔记本电脑Y)."""
    end = group_end(ex, sent, o)
    for m in sent.mentions:
        if m.start >= end:
            if ex.grammar(_DESCRIBED).fullmatch(sent.text, end, m.start) and _DE not in sent.text[end:m.start]:
                return fits_or_typed(ex, m, rng, ("Product",))
            return None
    return None


def head_after(ex, sent, o, rng):
    """The name a modifier phrase holding ``o`` ends in (由X驱动的Y, 类X的应用Y)."""
    end = group_end(ex, sent, o)
    for m in sent.mentions:
        if m.start >= end:
            if ex.grammar(_HEAD_GAP).fullmatch(sent.text, end, m.start):
                return fits_or_typed(ex, m, rng, ("Product",))
            return None
    return None


def _closed(sent, start, end, marker) -> bool:
    """A modifier phrase text[start:end] closes with a 的; after an agent
    marker, not one right after a name (由X驱动的 closes, 由Meta的 does not)."""
    for i in range(start, end):
        if sent.text[i] == _DE:
            before = sent.text[start:i].rstrip()
            if not marker or not any(m.end == start + len(before) and m.start >= start for m in sent.mentions):
                return True
    return False


def _planned_later(ex, pattern, rx, sent, o) -> bool:
    """百度官宣X，3月份内部测试后将公开发布: a later launch verb of the same
    sentence, with no new name after it, is hedged: the launch is planned."""
    end = group_end(ex, sent, o)
    for t in triggers(ex, pattern, rx, sent):
        if t.start() < end:
            continue
        seg = sent.text[end:t.start()]
        if any(end <= m.start < t.start() for m in sent.mentions):
            return False
        clause_end = min([sent.end] + [x.start() for x in ex.grammar("[，,。；;]").finditer(sent.text, t.end(), sent.end)])
        if any(t.end() <= m.start < clause_end for m in sent.mentions):
            return False
        if ex.hedged(seg) or modal(ex, sent, end, t.start()):
            return True
    return False


def modal_filler(ex, filler) -> bool:
    """官宣将融合X: a future or hedge after the trigger, before the object."""
    return ex.hedged(filler) or any(not ex.grammar(_NOT_FUTURE).match(filler, m.start())
                                    for m in ex.grammar(_FUTURE).finditer(filler))


def _trigger_before(ex, pattern, rx, sent, start, end):
    last = None
    for m in triggers(ex, pattern, rx, sent):
        if start <= m.start() and m.end() <= end:
            last = m
    return last


def _owner_between(ex, sent, s, pos) -> bool:
    """微软支持的OpenAI开发出X: an organisation after 的 between s and pos."""
    return any(s.end <= m.start and m.end <= pos and m.cls in ex.orgs
               and sent.text[s.end:m.start].rstrip().endswith("的") for m in sent.mentions)


def checked(ex, pattern, rx, sent, cands, after_de=True, object_after=False):
    """The candidates that pass the checks (``object_after``: the object must
    stand after the subject in the sentence, not be a reference's topic)."""
    for cand in cands:
        s, o = cand[0], cand[2]
        if object_after and (o.start < s.end or o.start < sent.start):
            continue
        if s.start < sent.start and ex.grammar(HUMAN_OPENS).match(sent.text, sent.start):
            continue                # 他后来创办了X，推出Y: 他 is a person, not the company before
        if future_year(ex, sent, s, o):
            continue
        start = min(s.end, o.end)
        trig = _trigger_before(ex, pattern, rx, sent, s.end, o.start) if o.start >= s.end else None
        at = trig.end() if trig else max(start, o.start)      # S将O开源: no filler to read
        described = described_head(ex, sent, o, ex.range(pattern)) if trig is not None else None
        if described is not None:   # 发布双OLED屏笔记本电脑Y: Y, not OLED
            cand, o = (s, cand[1], described, *cand[3:]), described
        if not object_ok(ex, sent, at, o, after_de):
            head = head_after(ex, sent, o, ex.range(pattern)) if trig is not None else None
            if head is None or not object_ok(ex, sent, at, head, after_de):
                continue
            cand = (s, cand[1], head, *cand[3:])    # 发布由X驱动的Y: Y is what was launched
            o = head
        if trig is not None and _unpaired(ex, pattern, sent, trig):
            continue                # A和B接连发布了X (and a Y not recognised): whose X is unsure
        if modal_filler(ex, sent.text[clause_start(sent, s.start):s.start]) and s.start < o.start:
            continue                # 预计S将在明年推出X, 将搭载S自研的X: a hedge or future opens the clause
        if trig is not None and (_progressive(ex, pattern, rx, sent, s.end, trig.start())
                                 or ex.grammar(_BLOCKED).search(sent.text, s.end, trig.start())
                                 or _owner_between(ex, sent, s, trig.start())):
            continue
        if ex.grammar(_BLOCKED).search(sent.text, clause_start(sent, s.start), s.start) and s.start < o.start:
            continue                # 要求监管机构禁止S发布X
        if ex.grammar(_NOT_AGENT).search(sent.text, max(sent.start, s.start - 4), s.start) \
                or _planned_later(ex, pattern, rx, sent, o):
            continue                # 为特斯拉扫清了推出X的障碍: 特斯拉 is no agent
        yield cand


def _unpaired(ex, pattern, sent, trig) -> bool:
    """A和B分别/接连发布了X: several subjects taking one object each, but
    not as many objects as subjects after the trigger."""
    subjects = left(ex, sent, trig.start(), ex.domain(pattern))
    if len(subjects) < 2 or not ex.grammar(_RESPECTIVELY).search(sent.text, subjects[-1].end, trig.start()):
        return False
    return len(right(ex, sent, trig.end(), ex.range(pattern), limit=pattern.object_limit)) != len(subjects)


_RESPECTIVELY = "{{basic.respectively}}"


def future_year(ex, sent, s, o) -> bool:
    """苹果在2024年推出的X, written in 2023: a year after the document's own
    between the subject and the object (or in the clause before them)."""
    year = sent.agents.year(ex) if sent.agents is not None else None
    if year is None:
        return False
    lo, hi = min(s.start, o.start), max(s.end, o.end)
    lo = min(lo, clause_start(sent, lo))
    return any(int(m.group(1)) > year for m in _YEAR.finditer(sent.text, lo, hi))


def _progressive(ex, pattern, rx, sent, start, end) -> bool:
    """正在开发X, 开始与Y开发X: under way, before the first or the last trigger."""
    first = next((t for t in triggers(ex, pattern, rx, sent) if start <= t.start() < end), None)
    for stop in {end, first.start() if first else end}:
        if ex.grammar(_PROGRESSIVE).search(sent.text, start, stop) \
                or ex.grammar(_PROGRESSIVE_NEAR).search(sent.text, start, stop):
            return True
        if first is not None and modal_filler(ex, sent.text[first.end():end]) and stop == end:
            return True
    return False
