"""Bans: S 禁止/禁用/封禁/下架/限制使用 O (staff bans, orders to stop
using, blocking, delisting) and a ban issued as a noun (S 发布 O 禁令,
S 对 O 的禁令).

Not a ban: a passive read the wrong way round (X被禁止进入Y: X is the one
banned — the pattern's ``not_preceded_by``), an account cut off on a
platform (封杀了他的Y账户), a party restricted from doing something
(限制X使用Y, 禁止X把芯片卖到Z), an export ban (禁止…出口: it restricts
sales, not use), the end of one's own product (停产、下架), a reference
word that points at a person (禁止这位前总统)."""

from __future__ import annotations

from dataclasses import replace

from kg.facts.frames import frame
from kg.facts.roles import clause_start, hedged, left, pronoun_at, right, topic, triggers

_CLAUSE_END = "，,。；;！!？?\n"


def _clause_after(sent, pos):
    end = pos
    while end < sent.end and sent.text[end] not in _CLAUSE_END:
        end += 1
    return sent.text[pos:end]


def _hedged(ex, sent, subject_end, trig):
    """A hedge between the subject and the verb; an order (要求员工避免使用X)
    is the ban itself, not a hedge."""
    between = ex.grammar(r"{{bans.order}}").sub("", sent.text[max(subject_end, sent.start):trig.start()])
    return ex.hedged(between) or ex.negated(sent.text, trig.start())


def _unnamed_party(ex, sent, subject, trig):
    """美国高校禁止…, 美国科技伦理组织要求 FTC …禁止…: a place before an
    unnamed party is not the one banning; nor is one who asks another body."""
    if subject.cls in ex.places and ex.grammar(r"[^，,。；;]{0,8}?{{bans.unnamed_party}}").match(sent.text, subject.end):
        return True
    between = sent.text[subject.end:trig.start()]
    return bool(ex.grammar(r"{{bans.request}}").search(between)) and any(
        subject.end <= m.start and m.end <= trig.start() and m.cls in ex.orgs for m in sent.mentions)


def _state_order(ex, sent, subject, trig):
    """德国要求苹果和谷歌从应用商店下架X: a state or a government body
    that orders companies to ban or remove is the one banning (the
    companies between carry the order out)."""
    if subject.cls not in ("Country", "GovernmentBody"):
        return False
    between = [m for m in sent.mentions if subject.end <= m.start and m.end <= trig.start() and m.cls in ex.orgs]
    return bool(between) and all(m.cls == "Company" for m in between) and bool(
        ex.grammar(r"{{bans.order}}|{{bans.request}}").search(sent.text, subject.end, between[0].start))


def _hearsay(ex, sent, pos):
    """A rumour, a call or an attempt in the clause before ``pos`` (传X叫停…, 呼吁封禁)."""
    start = clause_start(sent, pos)
    return bool(ex.grammar(r"{{bans.hearsay}}").search(sent.text, start, pos)
                or ex.grammar(r"\s*{{bans.rumour_lead}}").match(sent.text, start, pos))


def _not_a_ban(ex, sent, trig, objects):
    if ex.grammar(r"{{bans.withdraw}}\S{0,2}$").search(sent.text[clause_start(sent, trig.start()):trig.start()]):
        return True                                 # 停产、下架 its own product
    if ex.grammar(r"{{bans.export}}").search(_clause_after(sent, trig.end())):
        return True                                 # 禁止…出口: sales, not use
    tail = sent.text[objects[-1].end:objects[-1].end + 6]
    return bool(ex.grammar(r"^\s*(?:{{equip.de}}\s*)?{{bans.account}}").match(tail)
                or ex.grammar(r"^\s*{{bans.agent_verb}}").match(tail))


def _used_reference(ex, sent, pos):
    """禁止政府设备使用该应用程序: a reference word after a use verb in the
    clause after the trigger."""
    use = ex.grammar(r"[^，,。；;]{0,12}?{{bans.use_verb}}").match(sent.text, pos, sent.end)
    return pronoun_at(ex, sent, use.end()) if use else None


def with_states(ex, subjects):
    """The banning parties and, for a government body named after its
    country (韩国产业通商资源部, 意大利数据保护局), that country too: the
    state acts through its ministry or regulator."""
    out = list(subjects)
    for s in subjects:
        head = ex.head_of(s.text) if s.cls == "GovernmentBody" else None
        if head is not None and head.cls == "Country" and all(o.key != head.key for o in out):
            out.append(replace(head, start=s.start, end=s.start + len(head.text)))
    return out


@frame("ban")
def ban(ex, pattern, rx, sent):
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        if _hearsay(ex, sent, trig.start()):
            continue
        subjects = left(ex, sent, trig.start(), dom, ("GovernmentBody", "Company"))
        if not subjects or _hedged(ex, sent, subjects[-1].end, trig):
            continue
        if subjects[-1].cls == "Person" and ex.grammar("{{roles.reporting}}").search(sent.text, subjects[-1].end, trig.start()):
            continue                                # 副校长P在邮件中指出，禁止…: P reports the body's ban
        ordered = _state_order(ex, sent, subjects[-1], trig)
        if not ordered and _unnamed_party(ex, sent, subjects[-1], trig):
            continue
        near = max(subjects[-1].end, clause_start(sent, trig.start()))
        if not ordered and any(near <= m.start and m.end <= trig.start() and m.cls in ex.orgs for m in sent.mentions):
            continue                                # X 要求 FTC 禁止 Y: a request to another body
        objects = right(ex, sent, trig.end(), rng, ("Product",), limit=pattern.object_limit)
        if not objects:
            ref = pronoun_at(ex, sent, trig.end()) or _used_reference(ex, sent, trig.end())
            if not ref or not ref[1]:
                continue                            # 禁止这位前总统: no named thing
            t = topic(ex, sent, trig.start(), rng, subjects)
            objects = [t] if t is not None else []
        if not objects or _not_a_ban(ex, sent, trig, objects):
            continue
        for s in with_states(ex, subjects):
            for o in objects:
                yield s, pattern.predicate, o, 1.0


@frame("ban-noun")
def ban_noun(ex, pattern, rx, sent):
    """美国发布 TikTok 禁令, 欧盟对 X 的禁令: the thing right before the noun,
    the issuer before it (an issuing verb or 对 between them)."""
    dom, rng = ex.domain(pattern), ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        objs = [m for m in sent.mentions if m.end <= trig.start() and ex.fits(m.cls, rng) and (
                ex.grammar(r"\s*(?:{{equip.de}})?\s*").fullmatch(sent.text, m.end, trig.start())
                or (ex.grammar(r"\s*{{bans.issue}}\s*(?:{{equip.le}})?\s*").fullmatch(sent.text, m.end, trig.start())
                    and ex.grammar(r"{{bans.toward}}\s*$").search(sent.text, max(sent.start, m.start - 4), m.start)))]
        if not objs:
            continue
        obj = objs[-1]
        subjects = left(ex, sent, obj.start, dom, ("GovernmentBody", "Company"), skip_after=())
        if not subjects:
            continue
        between = sent.text[subjects[-1].end:obj.start]
        if not ex.grammar(r"{{bans.issue}}|{{bans.toward}}").search(between) or hedged(ex, sent, subjects[-1].end, trig) \
                or _hearsay(ex, sent, trig.start()):
            continue
        for s in with_states(ex, subjects):
            yield s, pattern.predicate, obj, 1.0


@frame("ban-remove")
def ban_remove(ex, pattern, rx, sent):
    """S 要求…从设备中删除 O: removal on an order is a ban; a removal alone
    (北辰公司删除了 X 的帖子) is not."""
    for s, p, o, f in ban(ex, pattern, rx, sent):
        between = sent.text[s.end:o.start]
        if ex.grammar(r"{{bans.order}}").search(between) and ex.grammar(r"{{bans.from}}").search(between):
            yield s, p, o, f
