"""Frames about people and the organisations they belong to: ORG TITLE
PERSON (X的CEO Y, chained and shared titles), a corporate title with no
organisation before it (…与CEO王某), 在X工作, 创立X的Y and P创办X (the
subject-verb-object frame, with the founding's own checks)."""

from __future__ import annotations

import re

from kg.facts.frames import frame
from kg.facts.roles import hedged, left, right, triggers

_CLAUSE = re.compile(r"[，,；;：:。]")
_LEAD = re.compile(r"[、，,与和及跟同]\s*$")
_WORKS = r"[^，,。；;]{0,14}?{{people.works_verb}}"


@frame("org-title-person", triggerless=True)
def org_title_person(ex, pattern, rx, sent):
    """ORG [的] TITLE PERSON, chained (ORG1 TITLE1、ORG2 TITLE2 PERSON) and
    shared (ORG 创始人P1、联合创始人兼CTO P2)."""
    wanted = pattern.triggers
    rng = ex.range(pattern)
    for i, p in enumerate(sent.mentions):
        if p.cls != "Person":
            continue
        right, own, held = p.start, None, None
        for q in reversed(sent.mentions[:i]):
            filler = sent.text[q.end:right]
            if len(filler) > 24 or _CLAUSE.search(filler):
                break
            core = filler.strip(" 、的之") or held     # 微软德国CTO P: the title after the place
            held = None
            title = title_in(ex, core)
            if title is None or _hedged_role(ex, core[:len(core) - len(title)]):
                break
            if q.cls == "Person":
                if own is not None or not filler.startswith("、") or not _only_titles(ex, core, title):
                    break       # 猎户星空董事长P1、阅览室创始人P2: P2's title has its own organisation
                own, right = core, q.start
                continue
            role = own or core
            if q.cls in ex.places and ex.titles.get(own and title_in(ex, own) or title) != "government":
                right, held = q.start, core     # 中国人工智能奠基人X: a country only through a political office
                continue
            if _cut_name(ex, sent, q):
                break
            if _covered(ex, sent, p, q, title):
                break
            if ex.fits(q.cls, rng) and (not wanted or any(w in role for w in wanted)):
                yield p, pattern.predicate, q, 1.0 if own is None else 0.9, role
            right = q.start


def _covered(ex, sent, p, q, title: str) -> bool:
    """苹果分析师P表示，苹果将…: an analyst whose organisation the sentence
    goes on about covers it; no affiliation."""
    if title not in ex.word_set("people.coverage_titles"):
        return False
    return any(m.start >= p.end and (m.key and m.key == q.key or m.text == q.text) for m in sent.mentions)


def _cut_name(ex, sent, q) -> bool:
    """两氢一氧（杭州）|数字科技有限公司, 据梅|卡曼德创始人: a name the grammar
    found (not a listed one) right after a closing bracket, or one found
    before a title right after a Han character that is no stop word, may
    be the tail of a longer name."""
    if not q.source.startswith("names/") or q.start <= sent.start:
        return False
    before = sent.text[q.start - 1]
    if before in "）)":
        return True
    return q.source == "names/before-title" and bool(re.match(r"[\u4e00-\u9fff]", before)) and not any(
        before in ex.word_set(k) for k in ("orgs.stop_left", "orgs.prepositions", "people.title_tense"))


def _only_titles(ex, core: str, title: str) -> bool:
    """联合创始人兼CTO: titles only, no name of an organisation before them."""
    rest = ex.grammar(r"(?:{{people.title_joiner}}|\s)*$").sub("", core[:len(core) - len(title)])
    rest = ex.grammar(r"^(?:{{people.title_tense}})").sub("", rest)
    return not rest or title_in(ex, rest) == rest


_NOT_APPOSED = r"(?:[与和及跟同向给将把被让对]|{{people.not_apposed_act}})\s*{{people.title_tense}}?$"


def _hedged_role(ex, lead: str) -> bool:
    """星海公司可能会与CEO X续约: a hedge or a preposition between the
    organisation and the title (…与CEO, …起诉前CEO) means the title is not
    its apposition."""
    return bool(lead) and (ex.hedged(lead) or bool(ex.grammar(_NOT_APPOSED).search(lead)))


def title_in(ex, core: str) -> str | None:
    """The title a filler ends with (CEO, 首席科学家, 前研究主管, 机器学习教授)."""
    if not core:
        return None
    core = core.rstrip()
    for t in sorted(ex.titles, key=len, reverse=True):
        if core.endswith(t):
            return t
    m = ex.role_ending.search(core) if ex.role_ending else None
    return m.group() if m and m.end() == len(core) else None


@frame("bare-title")
def bare_title(ex, pattern, rx, sent):
    for i, p in enumerate(sent.mentions):
        if p.cls != "Person":
            continue
        title = _corporate_title_before(ex, sent, p, sent.mentions[i - 1].end if i else sent.start)
        if title is None:
            continue
        orgs = {m.text: m for m in sent.mentions[:i] if m.cls in ("Organization", "Company")
                and not _in_note(sent, m)}
        if len(orgs) != 1:
            continue
        org = next(iter(orgs.values()))
        if ex.hedged(sent.text[org.end:p.start]) or _meets(ex, sent, p):
            continue
        yield p, pattern.predicate, org, 0.8, title


def _meets(ex, sent, p) -> bool:
    """北辰公司与CEO王某会面: a meeting is between two parties, so the
    title is another organisation's."""
    return bool(ex.grammar(r"[^，,。；;]{0,12}?{{people.meeting_verb}}").match(sent.text, p.end))


def _in_note(sent, m) -> bool:
    """星河科技 in 陈立群（前星河科技研究员）: a name inside a bracketed note
    belongs to the note's person."""
    opened = max(sent.text.rfind("（", sent.start, m.start), sent.text.rfind("(", sent.start, m.start))
    if opened < 0:
        return False
    closed = max(sent.text.rfind("）", opened, m.start), sent.text.rfind(")", opened, m.start))
    return closed < 0 and any(p.cls == "Person" and p.end == opened for p in sent.mentions)


def _corporate_title_before(ex, sent, p, prev_end):
    """The corporate title right before p, led only by a list separator,
    a preposition or the start of the sentence."""
    filler = sent.text[prev_end:p.start]
    t = ex.corporate_title.search(filler) if ex.corporate_title else None
    return t.group() if t and _LEAD.search(filler[:t.start()]) else None


@frame("founding")
def founding(ex, pattern, rx, sent):
    """P创办X, read as subject-verb-object, but not 由…工程师创办的X (the
    founder is the agent after 由, not a name before it), and not an
    organisation a longer name starts (创建了腾讯 AI Lab); a description
    before the name (创办的国防科技公司 Anduril) gives the name."""
    from kg.facts.frames.basic import svo

    nouns = tuple(ex.words("places.org_noun"))
    for cand in svo(ex, pattern, rx, sent):
        subj, pred, obj = cand[:3]
        if _cut_name(ex, sent, obj):
            continue
        between = sent.text[subj.end:obj.start]
        if ex.grammar(r"{{people.agent_marker}}[^，,；;]*$").search(between):
            continue
        after = sent.text[obj.end:obj.end + 2]
        nxt = next((m for m in sent.mentions if m.start > obj.end), None)
        if nxt is not None and nxt.start - obj.end <= 1 and not sent.text[obj.end:nxt.start].strip():
            if nxt.cls in ex.orgs and obj.text.endswith(nouns):
                yield (subj, pred, nxt, *cand[3:])
            continue            # a name runs on after the organisation: not this one
        if re.match(r"\s?[A-Z]", after) or ex.grammar(r"\s?{{people.name_runs_on}}").match(sent.text, obj.end):
            continue            # 创建了微软人工智能情感计算框架: not 微软
        yield cand


@frame("v-o-de-s")
def v_o_de_s(ex, pattern, rx, sent):
    """有份创立OpenAI的马斯克 → 马斯克 founded OpenAI."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        objs = right(ex, sent, trig.end(), rng, ("Company",), limit=3, skips=0)
        if not objs or not sent.text.startswith("的", objs[-1].end):
            continue
        subj = right(ex, sent, objs[-1].end + 1, dom, ("Person",), limit=2, skips=0)
        if subj and not hedged(ex, sent, sent.start, trig):
            for o in objs:
                yield subj[0], pattern.predicate, o, 1.0


@frame("works-at")
def works_at(ex, pattern, rx, sent):
    """姜大昕曾在微软主导研发…, 张鹏在清华大学…工作 → affiliatedWith."""
    for trig in triggers(ex, pattern, rx, sent):
        orgs = right(ex, sent, trig.end(), ex.orgs, ("Company",), limit=2, skips=0)
        if not orgs:
            continue
        people = left(ex, sent, trig.start(), frozenset({"Person"}), ("Person",), limit=6, nearest=True,
                         skip_after=())
        tail = sent.text[orgs[-1].end:orgs[-1].end + 20]
        verb = ex.grammar(_WORKS).match(tail) or _works_as(ex, sent.text[orgs[-1].end:sent.end])
        if people and verb and not hedged(ex, sent, people[-1].end, trig):
            for org in orgs:        # 先后在A、B等公司负责…: each of the list
                yield people[-1], pattern.predicate, org, 0.9


def _works_as(ex, tail: str) -> bool:
    """在百度做凤巢系统架构师: 做/当 and a stretch that ends in a title."""
    m = ex.grammar(r"^\s*{{people.works_as}}([^，,。；;、]{1,14})").match(tail)
    return bool(m) and any(title_in(ex, m.group(1)[:k]) for k in range(len(m.group(1)), 1, -1))
