"""Frames built on names standing side by side: roles (X的CEO Y), parents
(X旗下的Y), places (来自杭州的X, 日本瑞萨), pairs (A与B不分伯仲) and
comparisons (与B相比，A展现出优势)."""

from __future__ import annotations

import functools
import re

from kg.facts import roles as f
from kg.lexicon import alternation
from kg.model import Mention

_CLAUSE = re.compile(r"[，,；;：:。]")
_ORG_NOUN = re.compile(
    r"(?:公司|企业|初创公司|初创企业|创企|巨头|厂商|大学|机构|智库|研究所|研究院|实验室|政府|集团|"
    r"独角兽|新贵|黑马|组织|媒体|银行|券商|基金|新创|新创企业|新创公司|智库)$")
_PLACE = frozenset({"Place", "Country", "City"})
_ORG = frozenset({"Organization", "Company", "GovernmentBody"})


def org_title_person(ex, pattern, rx, sent):
    """ORG [的] TITLE PERSON, chained (ORG1 TITLE1、ORG2 TITLE2 PERSON) and
    shared (ORG 创始人P1、联合创始人兼CTO P2)."""
    wanted = tuple(pattern.get("triggers", ()))
    rng = ex.range(pattern)
    for i, p in enumerate(sent.mentions):
        if p.cls != "Person":
            continue
        right, own = p.start, None
        for q in reversed(sent.mentions[:i]):
            filler = sent.text[q.end:right]
            if len(filler) > 24 or _CLAUSE.search(filler):
                break
            core = filler.strip(" 、的之")
            title = _title_in(ex, core)
            if title is None or _hedged_role(ex, core[:len(core) - len(title)]):
                break
            if q.cls == "Person":
                if own is not None or not filler.startswith("、"):
                    break
                own, right = core, q.start
                continue
            role = own or core
            if q.cls in _PLACE and ex.titles.get(own and _title_in(ex, own) or title) != "government":
                right = q.start     # 中国人工智能奠基人X: a country only through a political office
                continue
            if ex.fits(q.cls, rng) and (not wanted or any(w in role for w in wanted)):
                yield p, pattern["predicate"], q, 1.0 if own is None else 0.9, role
            right = q.start


_NOT_APPOSED = re.compile(r"(?:[与和及跟同向给将把被让对]|起诉|解雇|聘请|邀请)\s*(?:前|现任|新任)?$")


def _hedged_role(ex, lead: str) -> bool:
    """星海公司可能会与CEO X续约: a hedge or a preposition between the
    organisation and the title (…与CEO, …起诉前CEO) means the title is not
    its apposition."""
    return bool(lead) and (ex.hedged(lead) or bool(_NOT_APPOSED.search(lead)))


def _title_in(ex, core: str) -> str | None:
    """The title a filler ends with (CEO, 首席科学家, 前研究主管, 机器学习教授)."""
    if not core:
        return None
    core = core.rstrip()
    for t in sorted(ex.titles, key=len, reverse=True):
        if core.endswith(t):
            return t
    m = ex.role_ending.search(core) if ex.role_ending else None
    return m.group() if m and m.end() == len(core) else None


def parent_v_child(ex, pattern, rx, sent):
    for trig in f._triggers(ex, pattern, rx, sent):
        parents = f._left(ex, sent, trig.start(), _ORG, limit=2, skip_after=(), nearest=True)
        if not parents:
            continue
        children = f._right(ex, sent, trig.end(), _ORG, ("Company",), limit=10, skips=0)
        if f._hedged(ex, sent, parents[-1].end, trig):
            continue
        for c in children:
            yield c, pattern["predicate"], parents[-1], 1.0


def from_place(ex, pattern, rx, sent):
    for trig in f._triggers(ex, pattern, rx, sent):
        if trig.group() == "来自":
            places = f._right(ex, sent, trig.end(), _PLACE, limit=2)
            if not places:
                continue
            after = places[-1].end
            if not sent.text.startswith("的", after):
                continue
            orgs = f._right(ex, sent, after + 1, _ORG, ("Company",), limit=12, skips=0)
            for o in orgs[:1]:
                for p in places:
                    yield o, pattern["predicate"], p, 1.0
        else:
            orgs = f._left(ex, sent, trig.start(), _ORG, limit=6, nearest=True)
            places = f._right(ex, sent, trig.end(), _PLACE, limit=4)
            for o in orgs:
                for p in places[:1]:
                    yield o, pattern["predicate"], p, 1.0


def place_prefix(ex, pattern, rx, sent):
    """日本瑞萨, 中国AI初创公司深度求索, 美国的OpenAI; and names that begin
    with a place (杭州深度求索人工智能…有限公司)."""
    ms = sent.mentions
    for a, b in zip(ms, ms[1:]):
        if a.cls not in _PLACE or b.cls not in _ORG or not a.cls:
            continue
        filler = sent.text[a.end:b.start].strip()
        if len(filler) > 10 or _CLAUSE.search(filler) or re.search(r"[、和与及]", filler):
            continue
        if re.search(r"[0-9一二三四五六七八九十第]", filler):
            continue
        if filler == "" or _ORG_NOUN.search(filler):
            yield b, pattern["predicate"], a, 1.0 if filler else 0.9
    for m in ms:
        if m.cls in ("Company", "Organization") and hasattr(ex, "head_of"):
            head = ex.head_of(m.text)
            if head is not None and head.cls in ("City", "Place") and len(head.text) < len(m.text):
                yield m, pattern["predicate"], Mention(m.start, m.start + len(head.text), head.text,
                                                        head.cls, head.key, "prefix", 0.8), 0.9


def pair(ex, pattern, rx, sent):
    """A 与 B(、C) … TRIGGER → A comparedTo B, A comparedTo C."""
    rng = ex.range(pattern)
    markers = tuple(pattern.get("agent_markers", ("与", "和")))
    for trig in f._triggers(ex, pattern, rx, sent):
        cs = f._clause_start(sent, trig.start())
        seg = sent.text[cs:trig.start()]
        k = max((seg.find(mk) for mk in markers), default=-1)
        ks = [seg.find(mk) for mk in markers if seg.find(mk) >= 0]
        if not ks:
            continue
        k = min(ks)
        at = cs + k + 1
        others = [m for m in f._right(ex, sent, at, rng, limit=10) if m.end <= trig.start()]
        firsts = f._left(ex, sent, at - 1, rng, ("AIModel",), limit=80)
        if not others or not firsts or f._hedged(ex, sent, firsts[-1].end, trig):
            continue
        for a in firsts[-1:]:
            for b in others:
                yield a, pattern["predicate"], b, 0.95


@functools.lru_cache(maxsize=None)
def _markers(words: tuple[str, ...]) -> re.Pattern:
    """The pattern's marker words as one regex, made once (this frame runs on every sentence)."""
    return alternation(words)


def compare_with(ex, pattern, rx, sent):
    """与 B 相比，A … 优势 → A outperforms B (no verdict: comparedTo)."""
    rng = ex.range(pattern)
    for marker in _markers(tuple(pattern.get("agent_markers", ("相比",)))).finditer(
            sent.text, sent.start, sent.end):
        at = marker.start()
        cs = f._clause_start(sent, at)
        seg = sent.text[cs:at]
        found = [i for i in (seg.find("与"), seg.find("和"), seg.find("跟"), seg.find("同")) if i >= 0]
        if not found:
            continue
        k = min(found)
        others = [m for m in sent.mentions if cs + k < m.start and m.end <= at and ex.fits(m.cls, rng)]
        winners = f._right(ex, sent, at + len(marker.group()) + 1, rng, limit=6)
        if not others or not winners:
            continue
        tail = sent.text[winners[0].end:sent.end]
        verdict = rx.search(tail) if rx else None
        negated = verdict is not None and ex.negated(tail, verdict.start())
        pred = pattern["predicate"] if verdict and not negated else "comparedTo"
        for a in winners[:1]:
            for b in others:
                yield a, pred, b, 1.0 if pred != "comparedTo" else 0.8


def is_place_org(ex, pattern, rx, sent):
    """Perplexity是一家美国的人工智能搜索初创企业 → Perplexity locatedIn 美国."""
    for trig in f._triggers(ex, pattern, rx, sent):
        lead = sent.text[f._clause_start(sent, trig.start()):trig.start()].strip()
        if lead in ("这", "这家", "它", "其", "该公司", "这家公司"):
            orgs = [m for m in reversed(sent.mentions) if m.end <= trig.start() and m.cls in _ORG][:1]
        else:
            orgs = f._left(ex, sent, trig.start(), _ORG, limit=20)
        tail = sent.text[trig.end():sent.end]
        cut = _CLAUSE.search(tail)
        tail_end = trig.end() + (cut.start() if cut else len(tail))
        places = [m for m in sent.mentions if trig.end() <= m.start and m.end <= tail_end and m.cls in _PLACE]
        if not orgs or not places:
            continue
        rest = sent.text[places[0].end:tail_end]
        if not re.search(r"(?:公司|企业|初创企业|创企|新创|巨头|厂商|独角兽|机构|智库)", rest):
            continue
        for o in orgs[:1]:
            yield o, pattern["predicate"], places[0], 0.9


def v_o_de_s(ex, pattern, rx, sent):
    """有份创立OpenAI的马斯克 → 马斯克 founded OpenAI."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in f._triggers(ex, pattern, rx, sent):
        objs = f._right(ex, sent, trig.end(), rng, ("Company",), limit=3, skips=0)
        if not objs or not sent.text.startswith("的", objs[-1].end):
            continue
        subj = f._right(ex, sent, objs[-1].end + 1, dom, ("Person",), limit=2, skips=0)
        if subj and not f._hedged(ex, sent, sent.start, trig):
            for o in objs:
                yield subj[0], pattern["predicate"], o, 1.0


def ba(ex, pattern, rx, sent):
    """S 将/把 O TRIGGER (智谱将GLM-130B开源, 苹果将ChatGPT集成到…)."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in f._triggers(ex, pattern, rx, sent):
        seg_start = f._clause_start(sent, trig.start())
        seg = sent.text[seg_start:trig.start()]
        k = max(seg.rfind("将"), seg.rfind("把"))
        if k < 0:
            continue
        at = seg_start + k
        objs = [m for m in f._right(ex, sent, at + 1, rng, limit=2, skips=0,
                                    metonymy=pattern.get("metonymy", False)) if m.end <= trig.start()]
        if not objs or len(sent.text[objs[-1].end:trig.start()].strip()) > 6:
            continue
        subj = f._left(ex, sent, at, dom)
        if subj and not f._hedged(ex, sent, subj[-1].end, trig):
            for s in subj:
                for o in objs:
                    yield s, pattern["predicate"], o, 1.0


def works_at(ex, pattern, rx, sent):
    """姜大昕曾在微软主导研发…, 张鹏在清华大学…工作 → affiliatedWith."""
    for trig in f._triggers(ex, pattern, rx, sent):
        orgs = f._right(ex, sent, trig.end(), _ORG, ("Company",), limit=2, skips=0)
        if not orgs:
            continue
        people = f._left(ex, sent, trig.start(), frozenset({"Person"}), ("Person",), limit=6, nearest=True,
                         skip_after=())
        tail = sent.text[orgs[-1].end:orgs[-1].end + 20]
        verb = re.match(r"[^，,。；;]{0,14}?(?:工作|任职|就职|供职|担任|主导|负责|领导|带领|任教|实习|研究)", tail)
        if people and verb and not f._hedged(ex, sent, people[-1].end, trig):
            yield people[-1], pattern["predicate"], orgs[0], 0.9


MORE = {
    "works-at": works_at,
    "is-place-org": is_place_org,
    "v-o-de-s": v_o_de_s,
    "ba": ba,
    "org-title-person": org_title_person,
    "parent-v-child": parent_v_child,
    "from-place": from_place,
    "place-prefix": place_prefix,
    "pair": pair,
    "compare-with": compare_with,
}
