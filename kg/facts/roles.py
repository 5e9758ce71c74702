"""Who stands where around a trigger: the subject before it (the clause
topic, with its coordinated siblings), the objects after it, what a
reference word (其, 该公司) stands for, and the cues that cancel a fact.
The frames in :mod:`kg.facts.frames` are built from these public helpers;
``ex`` is the :class:`kg.facts.context.Context`."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.facts.hedges import modal, rumoured
from kg.facts.references import last_named, numbered
from kg.facts.sentences import clause_start
from kg.model import Mention

_CLAUSE = re.compile(r"[，,；;：:]")

def triggers(ex, pattern, rx, sent):
    """The trigger words of ``pattern`` in the sentence, not inside a name
    and not followed or preceded by the pattern's stop words."""
    if rx is None:
        return
    stop = pattern.not_followed_by
    before = pattern.not_preceded_by
    for m in rx.finditer(sent.text, sent.start, sent.end):
        if stop and sent.text.startswith(stop, m.end()):
            continue
        if before and sent.text[max(sent.start, m.start() - 4):m.start()].endswith(before):
            continue
        if any(x.start < m.end() and m.start() < x.end for x in sent.mentions):
            continue              # the trigger is part of a name
        yield m


def fits_or_typed(ex, m, allowed, prefer):
    if m.cls:
        return m if ex.fits(m.cls, allowed) else None
    if m.source.startswith("shape/latin") and not re.fullmatch(r"[A-Z][a-z]+", m.text):
        t = retype(m, allowed, prefer)
        return t if t.cls else None
    return None


_PREPOSITIONS = ("对", "与", "和", "跟", "比", "在", "从", "向", "把", "将", "给", "同")


def preceded(sent, m, words) -> bool:
    return bool(words) and sent.text[max(sent.start, m.start - 3):m.start].rstrip().endswith(words)


def left(ex, sent, pos, allowed, prefer=("Company",), limit=60, skip_after=_PREPOSITIONS,
          nearest=False):
    """The subject before pos with its coordinated siblings (A、B和C), left
    to right: the first fitting mention of pos's clause (the clause topic;
    ``nearest=True``: the closest one); when the clause has none, the
    subject of the nearest clause before that has one; when the sentence
    has none and opens with 其/它, the subject of the sentence before."""
    cands = [m for m in sent.mentions if m.end <= pos]
    clause = clause_start(sent, pos)
    several = numbered(ex, sent, clause, pos)          # 这两款模型，均对标…
    if several and not any(m.start >= several[1] for m in cands):
        return last_named(lambda m: fits_or_typed(ex, m, allowed, prefer), sent, cands, several[0])
    in_clause = [m for m in cands if m.start >= clause and pos - m.end <= limit]
    if nearest:
        for m in in_clause[::-1]:
            t = None if preceded(sent, m, skip_after) else fits_or_typed(ex, m, allowed, prefer)
            if t is not None:
                return _expand_left(ex, sent, cands, m, t, allowed, prefer)
        return []
    pools = [in_clause]
    starts = [sent.start] + [x.end() for x in _CLAUSE.finditer(sent.text, sent.start, clause)]
    for a, b in zip(starts[::-1][1:], starts[::-1]):
        pools.append([m for m in cands if a <= m.start < b])
    for n, pool in enumerate(pools):
        for m in pool:
            if preceded(sent, m, skip_after) or (preceded(sent, m, ("了",)) and (pos - m.end > 5 or n)):
                continue              # …超过了X，表现仅次于Y: X is an earlier clause's object
            if ex.grammar(_REPORTING).match(sent.text, m.end):
                continue              # a source (TechCrunch 报道，…) is no subject
            t = fits_or_typed(ex, m, allowed, prefer)
            if t is None:
                continue
            p = _apposed_person(sent, m, pos)
            if p is not None and ex.fits("Person", allowed):
                return [p]
            head = _possessed(ex, sent, m, pos, allowed, prefer)
            if head is not None:        # 字节跳动旗下的豆包…: the thing owned is the subject
                m, t = head
            return _expand_right(ex, sent, [x for x in cands if x.start > m.start], t, allowed, prefer)
    lead = sent.text[clause:pos].lstrip()
    subject_ref, sentence_ref = ex.words("roles.subject_reference"), ex.words("roles.sentence_reference")
    if (lead.startswith(subject_ref)
            or sent.text[sent.start:sent.end].lstrip().startswith(subject_ref)
            or any(sent.text.startswith(sentence_ref, a) for a in starts)):
        for earlier in reversed(sent.previous):
            for m in earlier:
                t = fits_or_typed(ex, m, allowed, prefer)
                if t is not None:
                    return [t]
    return []


_REPORTING = r"[》」”\"』）)]*\s*(?:{{roles.reporting}}|说(?![明服])|称(?![赞其为之号道]))"


def _possessed(ex, sent, m, pos, allowed, prefer):
    for n in sent.mentions:
        if n.start >= m.end and n.end <= pos:
            if sent.text[m.end:n.start].strip() in ex.word_set("roles.possessive"):
                t = fits_or_typed(ex, n, allowed, prefer)
                return (n, t) if t is not None else None
            return None
    return None


def _apposed_person(sent, m, pos):
    """OpenAI首席执行官奥特曼…: the person after an organisation and a title."""
    for p in sent.mentions:
        if p.cls == "Person" and m.end <= p.start and p.end <= pos:
            between = sent.text[m.end:p.start]
            if 0 < len(between) <= 12 and not _CLAUSE.search(between) and not re.search(r"[、和与及]", between):
                return p
            return None
    return None


def _expand_left(ex, sent, cands, m, t, allowed, prefer):
    group = [t]
    i = cands.index(m)
    for prev in reversed(cands[:i]):
        between = sent.text[prev.end:group[0].start]
        if between == "":                  # 华为小艺: the owner before its product
            continue
        if not ex.coordination.match(between) and not (ex.partner and ex.partner.fullmatch(between)):
            break
        tp = fits_or_typed(ex, prev, allowed, prefer)
        if tp is None:
            break
        group.insert(0, tp)
    return group


def _expand_right(ex, sent, after, t, allowed, prefer):
    """t and the mentions coordinated after it; an adjacent pair (华为小艺)
    counts as one item, the second naming it."""
    group = [t]
    for nxt in after:
        between = sent.text[group[-1].end:nxt.start]
        tn = fits_or_typed(ex, nxt, allowed, prefer)
        if between == "" and tn is not None:
            group[-1] = tn
            continue
        if not (ex.coordination.match(between) or (ex.partner and ex.partner.fullmatch(between))) \
                or tn is None:
            break               # A携手B推出…: partners act together
        group.append(tn)
    return group


def right(ex, sent, pos, allowed, prefer=("AIModel",), limit=30, skips=2, metonymy=False):
    """First fitting mention after pos (the filler holds no clause
    barrier), with the coordinated mentions that follow it. A company
    where only its model or product fits stands for the one the document
    names (接入DeepSeek → DeepSeek-R1)."""
    cands = [m for m in sent.mentions if m.start >= pos]
    skipped = 0
    for i, m in enumerate(cands):
        filler = sent.text[pos:m.start]
        # a colon or dash right before the name introduces it (推出了…：GLM)
        if len(filler) > limit or (ex.barrier and ex.barrier.search(filler.rstrip(" ：:—-"))):
            return []
        t = fits_or_typed(ex, m, allowed, prefer) or (metonymy and metonym(ex, allowed, m)) or None
        if t is not None and i == 0 and preceded(sent, m, ("与", "和", "跟", "同", "对", "比", "由")) \
                and m.start - pos > 1:
            t = None
        if t is None:
            skipped += 1
            if skipped > skips:
                return []
            continue
        group = [t]
        owner = None
        for nxt in cands[i + 1:]:
            between = sent.text[(owner or group[-1]).end:nxt.start]
            if owner is not None:           # B 和 OpenAI 的 C: C is the item
                owner = None
                if between.strip() != "的":
                    break
                between = "、"
            tn = fits_or_typed(ex, nxt, allowed, prefer) or (metonymy and metonym(ex, allowed, nxt)) or None
            if tn is None and ex.coordination.match(sent.text[group[-1].end:nxt.start]) \
                    and sent.text[nxt.end:nxt.end + 3].strip().startswith("的"):
                owner = nxt
                continue
            if between == "" and tn is not None:
                group[-1] = tn
                continue
            if not ex.coordination.match(between) or tn is None:
                break
            group.append(tn)
        return group
    return []


def metonym(ex, allowed, m):
    """接入DeepSeek: a company named where its model or product is meant is
    kept as the company, marked so the ontology check knows why."""
    if m.cls != "Company" or not allowed or ex.fits("Company", allowed):
        return None
    return replace(m, metonym=True)


def pronoun_at(ex, sent, pos, limit=4):
    """A reference word (其, 该公司 …) just after pos: (end, classes)."""
    while pos < sent.end and sent.text[pos] in "，,：: “「\"":
        pos += 1
    window = sent.text[pos:min(sent.end, pos + limit + 4)]
    if window.startswith(ex.words("roles.not_pronoun")):
        return None
    for rx, classes in ex.pronouns:
        m = rx.match(window) if rx else None
        if m and m.start() == 0:
            return pos + m.end(), classes
    return None


def _appositive(sent, m):
    """An organisation or country directly before a person (NVIDIA CEO 黄仁勋)."""
    for p in sent.starting(m.end, m.end + 11):
        if p.cls == "Person" and 0 <= p.start - m.end <= 10 and p.start > m.start:
            between = sent.text[m.end:p.start]
            if not _CLAUSE.search(between) and not re.search(r"[。！？!?\n]", between):
                return True
    return False


def topic(ex, sent, pos, allowed, exclude):
    """What a reference word stands for: the first thing (not a person, not
    an affiliation) in this sentence before it, else in the sentences before."""
    pools = [[m for m in sent.mentions if m.end <= pos]]
    pools += [list(p) for p in reversed(sent.previous[-3:])]
    for pool in pools:
        for m in pool:
            if m in exclude or m.cls in ("Person", "Country", "City", "Place", "") or m.text in {x.text for x in exclude}:
                continue
            if _appositive(sent, m) or not ex.fits(m.cls, allowed):
                continue
            return m
    return None


def hedged(ex, sent, subject_end, trig):
    """A hedge or negation between subject and trigger, a modal right
    before the trigger, or a rumour source before the clause's first name
    (:mod:`kg.facts.hedges`)."""
    start = max(subject_end, sent.start)
    return (ex.hedged(sent.text[start:trig.start()]) or ex.negated(sent.text, trig.start())
            or modal(ex, sent, start, trig.start()) or rumoured(ex, sent, trig.start()))


def distance_factor(gap: int) -> float:
    return max(0.6, 1.0 - gap / 120)


# -- frames ------------------------------------------------------------------------
def brand_of(ex, sent, m: Mention) -> Mention | None:
    """The company a model name starts with (DeepSeek in DeepSeek-V3)."""
    low = m.text.lower()
    for c in (sent.index.companies_starting(low, len(m.text)) if sent.index else sent.everything):
        if c.cls == "Company" and len(c.text) < len(m.text) and low.startswith(c.text.lower()):
            return replace(c, start=m.start, end=m.start + len(c.text))
    head = ex.head_of(m.text)
    if head is not None and head.cls == "Company":
        return Mention(m.start, m.start + len(head.text), head.text, "Company", head.key, "brand", 0.7)
    return None




def retype(m: Mention, allowed: frozenset[str], prefer: tuple[str, ...]) -> Mention:
    """Give an untyped name the class its role in a pattern implies. A role
    that admits a product never makes a model of a name no cue typed (a
    model is typed by its own evidence, kg.mentions.kinds)."""
    if "AIModel" in prefer and "Product" in allowed:
        prefer = tuple("Product" if c == "AIModel" else c for c in prefer)
    for cls in prefer:
        if cls in allowed or not allowed:
            return replace(m, cls=cls, typed_by="role", confidence=min(m.confidence, 0.6))
    return m
