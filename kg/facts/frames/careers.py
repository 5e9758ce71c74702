"""Frames about the roles a person holds, said in a clause: P (曾)担任/现任
ORG (的) TITLE, P是ORG的创始人, 辞去ORG主席的职务; a note in brackets
after a name (P（前A研究员）); ORG是P的第三次创业; and a line that is a
name, an organisation and titles (李明 星河科技创始人、CEO)."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.facts.frames import frame
from kg.facts.frames.people import title_in
from kg.facts.roles import fits_or_typed, triggers

_CLAUSE = re.compile(r"[，,；;：:。！？!?\n]")
_PRONOUN = r"(?:{{careers.pronoun}})\s*{{careers.subject_adverb}}*\s*$"
_PERSON_SHAPE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z'\-]+){1,2}$")     # Gavin Baker, not NTU
_ROLE_TAIL = r"(?:{{careers.role_tail}})?"


def _founder(ex, title: str) -> bool:
    return any(title.endswith(t) for t in ex.words("careers.founder_title"))


def _wanted(ex, pattern, title: str) -> bool:
    """founded takes founder titles only; affiliatedWith every title."""
    return pattern.predicate != "founded" or _founder(ex, title)


def _role_after(ex, sent, org_end: int, limit: int = 14) -> str | None:
    """The title an organisation is followed by (…的高级副总裁和负责人,
    …投资公司创办人, …联席主席的职务): the longest stretch up to a clause
    end that ends in a title, with no other name inside it."""
    stop = _CLAUSE.search(sent.text, org_end, sent.end)
    end = min(stop.start() if stop else sent.end, org_end + limit)
    if any(org_end <= m.start < end for m in sent.mentions):
        end = min(m.start for m in sent.mentions if org_end <= m.start < end)
    span = sent.text[org_end:end]
    for cut in range(len(span), 0, -1):
        core = span[:cut].strip()
        tail = ex.grammar(_ROLE_TAIL + "$").search(core)
        core = core[:tail.start()] if tail and tail.group() else core
        title = title_in(ex, core.rstrip("的 "))
        if title and not ex.hedged(core):
            lead = core.lstrip("的 ")
            return lead or title
    return None


def _subject(ex, sent, pos: int, adjacent: bool):
    """The person the clause before pos is about: the name right before
    the verb (only adverbs between), else (``adjacent`` False) the first
    person of the sentence when no other person stands between, or a
    pronoun's person of the sentence before."""
    person = frozenset({"Person"})
    people = [t for t in (fits_or_typed(ex, m, person, ("Person",)) if m.cls or _PERSON_SHAPE.match(m.text)
                          else None for m in sent.mentions if m.end <= pos) if t is not None]
    lead = sent.text[people[-1].end:pos] if people else ""
    if people and ex.grammar(r"^\s*{{careers.subject_adverb}}*\s*$").match(lead):
        return people[-1]
    if adjacent:
        return None
    if ex.grammar(_PRONOUN).search(sent.text[max(sent.start, pos - 8):pos]):
        if people:
            return people[-1] if len({p.text for p in people}) == 1 else None
        for earlier in reversed(sent.previous):
            named = [m for m in earlier if m.cls == "Person"]
            if named:
                return named[0] if len({p.text for p in named}) == 1 else None
        return None
    clause = sent.text[_clause_start(sent, pos):pos]
    if people and len({p.text for p in people}) == 1 and people[-1].end <= pos - len(clause) and \
            ex.grammar(r"^\s*{{careers.subject_adverb}}*\s*$").match(clause) and \
            not any(m.cls in ex.orgs for m in sent.mentions if m.end <= people[0].start):
        return people[0]            # Gavin Baker 是…创办人，曾任 Fidelity 经理人: a clause of the verb alone
    return None


def _org(ex, m, rng):
    """An organisation of the range, or an untyped Latin name of several
    words taken as a company (Guerrilla Games)."""
    if m.cls:
        return m if ex.fits(m.cls, rng) and m.cls != "Person" else None
    return fits_or_typed(ex, m, ex.orgs, ("Company",))


def _described(ex, sent, m):
    """Atreides 投资公司创办人, 初创公司 Orbitly 的CEO: an untyped Latin name
    a class noun follows or leads is that organisation."""
    if m.cls or not m.source.startswith("shape/latin"):
        return None
    before = sent.text[max(sent.start, m.start - 8):m.start]
    if ex.grammar(r"\s*(?:{{careers.org_descriptor}})").match(sent.text, m.end) or \
            ex.grammar(r"(?:{{careers.org_descriptor}})\s*$").search(before):
        return replace(m, cls="Company", typed_by="role", confidence=min(m.confidence, 0.6))
    return None


def _clause_start(sent, pos: int) -> int:
    cut = sent.start
    for m in _CLAUSE.finditer(sent.text, sent.start, pos):
        cut = m.end()
    return cut


@frame("holds-role")
def holds_role(ex, pattern, rx, sent):
    """P (曾|此前|现)任/担任/是/辞去 ORG (的) … TITLE: the role is the
    person's there (founded when the title is a founder's)."""
    rng = ex.range(pattern)
    copula = ex.word_set("careers.copula")
    for trig in triggers(ex, pattern, rx, sent):
        if ex.negated(sent.text, trig.start()) or ex.hedged(sent.text[max(sent.start, trig.start() - 6):trig.start()]):
            continue
        after = [m for m in sent.mentions if m.start >= trig.end()]
        if not after:
            continue
        org = _org(ex, after[0], rng) or _described(ex, sent, after[0])
        lead = sent.text[trig.end():after[0].start]
        if org is None or org.cls == "Person" or \
                not ex.grammar(r"^\s*(?:{{careers.org_descriptor}})?\s*$").match(lead):
            continue
        subj = _subject(ex, sent, trig.start(), adjacent=trig.group() in copula)
        if subj is None:
            continue
        for org, role in _roles_listed(ex, sent, org, after[1:], rng):
            end = org.end + len(sent.text[org.end:].split(role, 1)[0]) + len(role)
            if any(m.cls == "Person" and not sent.text[end:m.start].strip() for m in after if m.start >= end):
                break           # 现任小米总裁王某: the title is the apposition of the name after it
            if org.cls in ex.places and ex.titles.get(title_in(ex, role) or "") != "government":
                continue
            if _wanted(ex, pattern, role):
                yield subj, pattern.predicate, org, 0.9, role


def _roles_listed(ex, sent, org, rest, rng):
    """ORG1 的 TITLE1、ORG2 的 TITLE2: every organisation of a list of roles."""
    while True:
        role = _role_after(ex, sent, org.end)
        if role is None:
            return
        yield org, role
        end = org.end + len(sent.text[org.end:].split(role, 1)[0]) + len(role)
        nxt = next((m for m in rest if m.start >= end), None)
        if nxt is None or not ex.grammar(r"^\s*、\s*{{people.title_tense}}?\s*$").match(sent.text[end:nxt.start]):
            return
        org = _org(ex, nxt, rng)
        if org is None:
            return


@frame("founding-clause")
def founding_clause(ex, pattern, rx, sent):
    """创立星河科技之前，陈立群曾在…: the person the main clause is about
    founded what the time clause names."""
    rng = ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        lead = sent.text[sent.start:trig.start()]
        if _CLAUSE.search(lead[-1:] or "，") is None and lead.strip():
            continue            # the time clause opens the sentence or follows a clause break
        after = [m for m in sent.mentions if m.start >= trig.end()]
        if len(after) < 2 or not ex.fits(after[0].cls, rng) or after[0].cls == "Person":
            continue
        org, person = after[0], after[1]
        if sent.text[trig.end():org.start].strip() or person.cls != "Person":
            continue
        if ex.grammar(r"^{{careers.time_after}}\s*[，,]\s*$").match(sent.text[org.end:person.start]):
            yield person, pattern.predicate, org, 0.9


@frame("founders-named")
def founders_named(ex, pattern, rx, sent):
    """星河科技两位联合创始人陈立群、王海涛…, 星河科技两位联合创始人调整分工，
    陈立群任董事长，王海涛任CEO: the founders counted are the people named
    after, each opening a list item or a clause."""
    rng = ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        before = [m for m in sent.mentions if m.end <= trig.start()]
        if not before or not ex.fits(before[-1].cls, rng) or before[-1].cls == "Person":
            continue
        org = before[-1]
        if not ex.grammar(r"^\s*{{careers.founder_count}}\s*$").match(sent.text[org.end:trig.start()]):
            continue
        named = [m for m in sent.mentions if m.start >= trig.end() and m.cls == "Person"
                 and (m.start == trig.end() or sent.text[m.start - 1] in "、，,：:")]
        if len(named) >= 2 and len({m.text for m in named}) == len(named):
            for p in named:
                yield p, pattern.predicate, org, 0.9


@frame("role-note", triggerless=True)
def role_note(ex, pattern, rx, sent):
    """P（前星河科技研究员）: a bracketed note right after a name gives
    that person's role; it says nothing of any other name."""
    rng = ex.range(pattern)
    ms = sent.mentions
    for i, p in enumerate(ms):
        if p.cls != "Person" or sent.text[p.end:p.end + 1] not in ("（", "("):
            continue
        close = re.compile(r"[)）]").search(sent.text, p.end, min(sent.end, p.end + 24))
        if close is None:
            continue
        inside = [m for m in ms[i + 1:] if m.end <= close.start()]
        if len(inside) != 1 or not ex.fits(inside[0].cls, rng) or inside[0].cls == "Person":
            continue
        org = inside[0]
        lead = sent.text[p.end + 1:org.start]
        if not ex.grammar(r"^\s*{{people.title_tense}}?\s*$").match(lead):
            continue
        core = sent.text[org.end:close.start()].strip(" 的")
        title = title_in(ex, core)
        if title and len(core) <= 12 and _wanted(ex, pattern, title):
            yield p, pattern.predicate, org, 0.9, (lead.strip() + core)


@frame("venture")
def venture(ex, pattern, rx, sent):
    """星河科技是陈立群的第三次创业: the venture is the person's founding."""
    rng = ex.range(pattern)
    for trig in triggers(ex, pattern, rx, sent):
        before = [m for m in sent.mentions if m.end <= trig.start()]
        if len(before) < 2:
            continue
        org, person = before[-2], before[-1]
        if person.cls != "Person" or not ex.fits(org.cls, rng) or org.cls == "Person":
            continue
        if not ex.grammar(r"^\s*{{careers.copula}}\s*$").match(sent.text[org.end:person.start]):
            continue
        if ex.grammar(r"^的(?:{{careers.venture_ordinal}})?$").match(sent.text[person.end:trig.start()]):
            yield person, pattern.predicate, org, 1.0


@frame("name-line", triggerless=True)
def name_line(ex, pattern, rx, sent):
    """A line that is only a name, an organisation and its titles, as
    guest lists print them: 陈立群 星河科技创始人、CEO."""
    ms = sent.mentions
    if len(ms) != 2 or ms[0].cls != "Person" or not ex.fits(ms[1].cls, ex.range(pattern)):
        return
    p, org = ms
    if sent.text[sent.start:p.start].strip() or not re.fullmatch(r"[ \t\u3000]+", sent.text[p.end:org.start]):
        return
    rest = sent.text[org.end:sent.end].strip().rstrip("。")
    titles = [t for t in re.split(r"[、/&]|\s+", rest) if t]
    if not titles or not all(title_in(ex, t) for t in titles):
        return
    for t in titles:
        if _wanted(ex, pattern, t):
            yield p, pattern.predicate, org, 0.9, t
            return


@frame("role-apposition", triggerless=True)
def role_apposition(ex, pattern, rx, sent):
    """陈立群，星河科技联合创始人兼CEO，表示…: an appositive between commas
    right after a name that opens its clause gives that person's role; a
    title that does not close the appositive (…创始人王明的妻子) gives none."""
    rng = ex.range(pattern)
    ms = sent.mentions
    for i, p in enumerate(ms[:-1]):
        org = ms[i + 1]
        if p.cls != "Person" or sent.text[p.end:org.start].strip() not in ("，", ",") \
                or not ex.fits(org.cls, rng) or org.cls == "Person":
            continue
        lead = sent.text[sent.start:p.start].rstrip()
        if lead and lead[-1] not in "，,：:":
            continue                    # the name opens its clause
        stop = _CLAUSE.search(sent.text, org.end, sent.end)
        if stop is None or sent.text[stop.start()] not in "，,。" or stop.start() - org.end > 14 \
                or any(org.end <= m.start < stop.start() for m in ms):
            continue
        joiner = ex.grammar(r"(?:{{careers.title_joiner}})")
        titles = [title_in(ex, t.strip(" 的")) for t in joiner.split(sent.text[org.end:stop.start()])]
        if titles and all(titles):
            wanted = [t for t in titles if _wanted(ex, pattern, t)]
            if wanted:
                yield p, pattern.predicate, org, 0.85, wanted[0]
