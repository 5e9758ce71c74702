"""Frames about where organisations are: 来自杭州的X, 日本瑞萨 (a place before an organisation), names that begin
with a place, and X是一家美国的…公司."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.facts.frames import frame
from kg.facts.roles import clause_start, fits_or_typed, left, right, triggers
from kg.model import Mention

_CLAUSE = re.compile(r"[，,；;：:。]")
_DE = "的"                  # the particle
_ORG_NOUN = r"{{places.org_noun}}$"
# between 是一家 and its place: 总部位于, 在, 来自 …, a short adverb (目前为止), a modifier with 的 (成立于2015年的)
_TO_PLACE = r"\s*(?:{{places.to_place}}|[^、，,。；;：:0-9]{0,4}|[^、，,。；;：:]{0,14}?" + _DE + r")?\s*"
# between the organisation and 是一家…: adverbs, a gloss in brackets
_SUBJECT_GAP = r"\s*(?:[（(][^（()）]{1,30}[)）])?\s*(?:{{places.is_adverb}})*\s*"


@frame("from-place")
def from_place(ex, pattern, rx, sent):
    for trig in triggers(ex, pattern, rx, sent):
        if trig.group() == "来自":
            places = right(ex, sent, trig.end(), ex.places, limit=2)
            if not places:
                continue
            after = places[-1].end
            if not sent.text.startswith("的", after):
                continue
            orgs = right(ex, sent, after + 1, ex.orgs, ("Company",), limit=12, skips=0)
            for o in orgs[:1]:
                for p in places:
                    yield o, pattern.predicate, p, 1.0
        else:
            orgs = left(ex, sent, trig.start(), ex.orgs, limit=6, nearest=True)
            if orgs and ex.grammar("{{places.facility}}").search(sent.text, orgs[-1].end, trig.start()):
                continue            # X工厂位于Y, X在Y的办事处: where a site is, not the organisation
            if orgs and not ex.grammar(_SUBJECT_GAP + _DE + "?").fullmatch(sent.text, orgs[-1].end, trig.start()):
                continue            # X将暂停其位于Y的第二总部: the organisation is no subject of 位于
            places = right(ex, sent, trig.end(), ex.places, limit=4)
            if places and ex.grammar(r"[^，,。；;：:\s]{0,5}?" + _DE).match(sent.text, _chain_end(ex, sent, places[0])):
                continue            # X位于沈阳的电池中心, 位于德国柏林东南部的工厂: X's site is there
            for o in orgs:
                for p in places[:1]:
                    yield o, pattern.predicate, p, 1.0


def _chain_end(ex, sent, place):
    """Where a run of adjacent places (德国柏林) that starts with ``place`` ends."""
    end = place.end
    for m in sent.mentions:
        if m.start == end and m.cls in ex.places:
            end = m.end
    return end


@frame("place-prefix", triggerless=True)
def place_prefix(ex, pattern, rx, sent):
    """日本瑞萨, 中国AI初创公司深度求索, 美国车企 Rivian, 英国《卫报》, 英国反垄断
    监管机构「X」, 美国的 Google、Facebook、Amazon (的 only before a list);
    a descriptor phrase before a list (中国企业百度、阿里) gives each member.
    Not a person's nationality (陈立群 美国 斯坦福大学教授), not a likeness
    in quotes (「中国 OpenAI」). A place the name alone begins with counts only
    in a registered company name (北京星河科技有限公司: the registry puts the
    seat first); 北京大学, 东京电子 or 硅谷银行 say nothing by their name."""
    ms = sent.mentions
    for i, (a, b) in enumerate(zip(ms, ms[1:])):
        if a.cls not in ex.places or b.cls not in ex.orgs or not a.cls:
            continue
        raw = sent.text[a.end:b.start]
        filler = raw.strip().rstrip("《「“\"『").rstrip()
        if len(filler) > 10 or _CLAUSE.search(filler) or re.search(r"[、和与及》」”]", filler):
            continue
        if re.search(r"[0-9一二三四五六七八九十第]", filler) or filler.find(_DE) > 0:
            continue                # 硅谷银行的母公司X: the place is in another name
        if _nationality(ex, sent, a) or _likeness(ex, sent, a, b):
            continue
        if ex.grammar("{{places.facility}}").match(sent.text, b.end):
            continue                # 英国牛津工厂: a site named by its town, no organisation
        if any(sent.text[b.start:b.end + k] in ex.titles for k in (1, 2, 3)):
            continue                # 墨西哥外交部长: a title, the ministry is no mention of its own
        if i and ms[i - 1].cls in ex.orgs and ms[i - 1].end == a.start:
            continue                # 索尼中国 B站: the place ends another name
        if _seated_elsewhere(ex, a, b):
            continue                # 美国证监会 read as the known 中国证券监督管理委员会
        members = _listed(ex, sent, ms[i + 1:])
        if filler == _DE and len(members) < 2:
            continue
        if filler in ("", _DE) or ex.grammar(_ORG_NOUN).search(filler):
            for m in members if filler else members[:1]:
                if m.cls in ex.orgs:
                    yield m, pattern.predicate, a, 1.0 if filler else 0.9
                elif m.cls == "Product" and m.key and sum(x.cls in ex.orgs for x in members) >= 2:
                    # 美国的 Google、Facebook、Amazon: a listed product among companies is the company
                    yield replace(m, cls="Company", as_company=True), pattern.predicate, a, 1.0 if filler else 0.9
    for m in ms:
        if m.cls in ("Company", "Organization") and ex.grammar(_REGISTERED).search(m.text):
            head = ex.head_of(m.text)
            if head is not None and head.cls in ("City", "Place") and len(head.text) < len(m.text):
                yield m, pattern.predicate, Mention(m.start, m.start + len(head.text), head.text,
                                                        head.cls, head.key, "prefix", 0.8), 0.9


_REGISTERED = r"(?:{{places.registered_form}})$"


def _seated_elsewhere(ex, place, org):
    """The known organisation's own name begins with another country (美国 +
    证监会 known as 中国证券监督管理委员会): a short name read as the wrong one
    (a city there is no contradiction: 英国剑桥大学)."""
    entry = ex.lexicon.entries.get(org.key) if org.key and ex.lexicon else None
    head = ex.head_of(entry.label) if entry is not None else None
    return head is not None and head.cls == place.cls == "Country" and head.key != place.key


def _nationality(ex, sent, place):
    """A person right before the place (a Latin name, as in a table of
    people: 姓名 国籍 现职): the place is the person's nationality."""
    if re.search(r"[A-Za-z)）]\s+$", sent.text[max(sent.start, place.start - 3):place.start]):
        return True             # Yutaka Matsuo（松尾丰） 日本 东京大学教授
    for p in sent.mentions:
        if p.cls == "Person" and p.end <= place.start and not sent.text[p.end:place.start].strip():
            return True
    return False


def _likeness(ex, sent, a, b):
    """「中国 OpenAI」, “中国的谷歌”, 打造中国OpenAI: a place and a name quoted
    together, or after a verb of likeness, name a likeness."""
    if ex.grammar(r"(?:{{places.likeness_lead}})\s*[「“\"『]?\s*$").search(sent.text, max(sent.start, a.start - 6), a.start):
        return True
    return sent.text[a.start - 1:a.start] in "「“\"『" and a.start > sent.start \
        and sent.text[b.end:b.end + 1] in ("」", "”", "\"", "』")


def _listed(ex, sent, rest):
    """The organisation first in ``rest`` and the names joined to it by 、
    (a product among them counts for the list, not as a member)."""
    out = [rest[0]]
    for m in rest[1:]:
        if not m.cls or m.cls in ex.places or \
                sent.text[out[-1].end:m.start].strip() not in ex.word_set("places.list_join"):
            break
        out.append(m)
    return out


@frame("is-place-org")
def is_place_org(ex, pattern, rx, sent):
    """Perplexity是一家美国的人工智能搜索初创企业 → Perplexity locatedIn 美国;
    这是一家在丹麦的公司 about the organisation named last before (in this
    sentence or the one before). The organisation is the subject of 是: only
    adverbs or a gloss in brackets between (A、B等透过外包公司——大多也是美国
    企业 says where the outsourcers are, not A and B)."""
    for trig in triggers(ex, pattern, rx, sent):
        lead = sent.text[clause_start(sent, trig.start()):trig.start()].strip()
        if lead in ex.word_set("places.lead_reference"):
            orgs = [m for m in reversed(sent.mentions) if m.end <= trig.start() and m.cls in ex.orgs][:1]
            if not orgs:            # the name last before this sentence, if an organisation
                last = [m for m in sent.starting(0, sent.start) if m.end <= sent.start][-1:]
                orgs = [t for m in last for t in [fits_or_typed(ex, m, ex.orgs, ("Company",))] if t]
        else:
            orgs = left(ex, sent, trig.start(), ex.orgs, limit=20)
            if orgs and not ex.grammar(_SUBJECT_GAP).fullmatch(sent.text, orgs[-1].end, trig.start()):
                continue
        tail = sent.text[trig.end():sent.end]
        cut = _CLAUSE.search(tail)
        tail_end = trig.end() + (cut.start() if cut else len(tail))
        places = [m for m in sent.mentions if trig.end() <= m.start and m.end <= tail_end and m.cls in ex.places]
        if not orgs or not places:
            continue
        if not ex.grammar(_TO_PLACE).fullmatch(sent.text, trig.end(), places[0].start):
            continue                # 是一家12年历史、主要市场在中国的公司: the place is the market's
        rest = sent.text[places[0].end:tail_end]
        if not ex.grammar("{{places.is_org_noun}}").search(rest):
            continue
        for o in orgs[:1]:
            yield o, pattern.predicate, places[0], 0.9


# A、B等中国企业 / A和B两家美国公司: the list, then the place with its class noun
_AFTER_PLACE = r"\s*" + _DE + r"?\s*[^，,。；;：:、]{0,8}?{{places.org_noun}}"


@frame("listed-place", triggerless=True)
def listed_place(ex, pattern, rx, sent):
    """百度、阿里和腾讯等中国企业; 中国的AI实验室，特别是星河智能: every
    organisation of the list gets the place of the class phrase."""
    ms = sent.mentions
    for i, p in enumerate(ms):
        if p.cls not in ex.places:
            continue
        after = ex.grammar(_AFTER_PLACE).match(sent.text, p.end, sent.end)
        if not after:
            continue
        before = ms[i - 1] if i else None
        if before is not None and ex.grammar(r"\s*(?:{{places.list_tail}})\s*").fullmatch(
                sent.text, before.end, p.start):
            yield from ((m, pattern.predicate, p, 0.9) for m in _list_ending(ex, sent, ms[:i]))
        such = ex.grammar(r"\s*[，,]?\s*(?:{{places.such_as}})\s*").match(sent.text, after.end(), sent.end)
        if such:
            members = [m for m in ms[i + 1:] if m.start >= such.end()]
            if members and members[0].start == such.end():
                for m in _listed(ex, sent, members):
                    if m.cls in ex.orgs:
                        yield m, pattern.predicate, p, 0.85


def _list_ending(ex, sent, before):
    """The organisations of the list whose last member is ``before[-1]``."""
    out = []
    for m in reversed(before):
        if out and not ex.coordination.match(sent.text[m.end:out[0].start]):
            break
        if m.cls not in ex.orgs:
            break
        out.insert(0, m)
    return out
