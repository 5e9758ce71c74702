"""Sentences + mentions → relation candidates, from the patterns in
``kg/data/relations.jsonl``. A pattern names a predicate, its trigger
words and a *frame*: where the subject and objects stand around the
trigger. Roles and classes are checked against the ontology; hedged and
negated triggers yield nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.facts.frames.basic import FRAMES, TRIGGERLESS
from kg.facts.roles import Sentence
from kg.lexicon import Lexicon, alternation
from kg.model import Mention
from kg.ontology.schema import Schema


@dataclass(frozen=True)
class Candidate:
    subject: Mention
    predicate: str
    object: Mention
    pattern: str
    confidence: float
    sentence: tuple[int, int]
    role: str = ""


class RelationExtractor:
    def __init__(self, lexicon: Lexicon, schema: Schema):
        self.lex = lexicon
        self.schema = schema
        self.patterns = []
        for p in lexicon.patterns:
            rx = alternation(p.get("triggers", ()))
            # the sentence gate: frames that act only at a trigger word
            self.patterns.append((p, rx, rx if p["frame"] not in TRIGGERLESS else None,
                                  FRAMES[p["frame"]]))
        cue = lexicon.cues
        self.hedge = alternation(cue.get("hedge", ()))
        self.negation = alternation(cue.get("negation", ()))
        self.neg_exception = alternation(cue.get("negation_exception", ()))
        # A、B / A和视觉多模态模型B: a separator, maybe a short class phrase
        self.coordination = re.compile(
            r"^\s*(?:" + "|".join(re.escape(w) for w in cue.get("coordination", ("、",)))
            + r")\s*(?:[\u4e00-\u9fff]{0,8}(?:模型|大模型|芯片|应用|产品|平台|公司))?\s*$")
        partner = alternation(cue.get("partner", ()))
        self.partner = re.compile(r"\s*(?:" + partner.pattern + r")\s*") if partner else None
        self.barrier = alternation(cue.get("object_barrier", ("，",)))
        self.pronouns: list[tuple[re.Pattern, frozenset[str]]] = []
        for kind, words in sorted(cue.items()):
            if kind.startswith("pronoun:"):
                cls = kind.split(":", 1)[1]
                classes = frozenset() if cls == "any" else frozenset({cls})
                self.pronouns.append((alternation(words), classes))
        self.titles = lexicon.titles
        corporate = alternation(t for t, kind in lexicon.titles.items() if kind == "corporate")
        self.corporate_title = re.compile("(?:" + corporate.pattern + r")\s*$") if corporate else None
        ends = sorted(cue.get("role_ending", ()), key=len, reverse=True)
        self.role_ending = re.compile("(?:" + "|".join(map(re.escape, ends)) + ")$") if ends else None
        self.sentiment = {k: alternation(cue.get(k, ())) for k in ("positive", "negative") if cue.get(k)}

    # -- class checks ----------------------------------------------------
    def fits(self, cls: str, allowed: frozenset[str]) -> bool:
        if not allowed:
            return bool(cls)
        return bool(cls) and any(c in allowed for c in self.schema.superclasses(cls))

    def domain(self, pattern: dict) -> frozenset[str]:
        d = self.schema.domain(pattern["predicate"])
        return frozenset(pattern.get("subject_classes", ())) or d

    def range(self, pattern: dict) -> frozenset[str]:
        r = self.schema.range(pattern["predicate"])
        return frozenset(pattern.get("object_classes", ())) or r

    # -- cues ----------------------------------------------------------------
    def hedged(self, text: str) -> bool:
        return bool(self.hedge and self.hedge.search(text))

    def clause_negated(self, text: str, start: int, pos: int) -> bool:
        """A negation anywhere in text[start:pos] (不会对…构成威胁)."""
        seg = text[start:pos]
        if self.neg_exception:
            seg = self.neg_exception.sub("", seg)
        return bool(self.negation and self.negation.search(seg)) or self.hedged(seg)

    def negated(self, text: str, trigger_start: int) -> bool:
        window = text[max(0, trigger_start - 3):trigger_start]
        if not self.negation or not self.negation.search(window):
            return False
        around = text[max(0, trigger_start - 3):trigger_start + 3]
        return not (self.neg_exception and self.neg_exception.search(around))

    # -- the whole document ----------------------------------------------------
    def extract(self, text: str, sentences: list[tuple[int, int]],
                mentions: list[Mention]) -> list[Candidate]:
        out: list[Candidate] = []
        ms = sorted(mentions, key=lambda m: m.start)
        k = 0
        history: list[tuple[Mention, ...]] = []
        for s_start, s_end in sentences:
            inside = []
            while k < len(ms) and ms[k].start < s_end:
                if ms[k].start >= s_start and ms[k].end <= s_end:
                    inside.append(ms[k])
                k += 1
            sent = Sentence(text, s_start, s_end, inside, tuple(history[-3:]), ms)
            question = text[s_start:s_end].rstrip().endswith(("?", "？", "吗"))
            if inside and not question:
                for pattern, rx, gate, frame in self.patterns:
                    if gate is not None and not gate.search(text, s_start, s_end):
                        continue            # no trigger word in this sentence
                    for cand in frame(self, pattern, rx, sent):
                        out.append(Candidate(*cand[:3], pattern["id"],
                                             pattern.get("confidence", 0.7) * cand[3],
                                             (s_start, s_end), cand[4] if len(cand) > 4 else ""))
            history.append(tuple(m for m in inside if m.cls))
        return _dedupe(out, self)


def _dedupe(cands: list[Candidate], ex: RelationExtractor) -> list[Candidate]:
    """One candidate per (subject, predicate, object, sentence); no self
    loops; class check against the ontology; outperforms beats comparedTo."""
    best: dict[tuple, Candidate] = {}
    for c in cands:
        if c.subject.start == c.object.start and c.subject.end == c.object.end:
            continue
        if c.subject.text == c.object.text:
            continue
        if not accepts(ex.schema, c.predicate, c.subject, c.object):
            continue
        key = (c.subject.start, c.predicate, c.object.start, c.sentence)
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    out = list(best.values())
    stronger = {(c.subject.start, c.object.start, c.sentence) for c in out if c.predicate == "outperforms"}
    out = [c for c in out if not (c.predicate == "comparedTo" and (
        (c.subject.start, c.object.start, c.sentence) in stronger
        or (c.object.start, c.subject.start, c.sentence) in stronger))]
    return sorted(out, key=lambda c: (c.sentence, c.subject.start, c.predicate, c.object.start))


def accepts(schema: Schema, predicate: str, subject: Mention, obj: Mention,
            subject_cls: str | None = None, object_cls: str | None = None) -> bool:
    """The ontology's domain and range; a company standing for its model
    (``+metonym``) passes where a model or product is expected."""
    s_cls = _as_named(subject, subject_cls or subject.cls)
    o_cls = _as_named(obj, object_cls or obj.cls)
    if schema.accepts(predicate, s_cls, o_cls):
        return True
    return obj.source.endswith("+metonym") and o_cls == "Company" and \
        schema.accepts(predicate, s_cls, "Product")


def _as_named(m: Mention, cls: str) -> str:
    """A listed product the text names as a company (``+company``: AI新创X,
    X创始人) is a company in the facts of that mention, whatever class its
    node has."""
    return "Company" if cls == "Product" and m.source.endswith("+company") else cls


def retype(m: Mention, allowed: frozenset[str], prefer: tuple[str, ...]) -> Mention:
    """Give an untyped name the class its role in a pattern implies."""
    for cls in prefer:
        if cls in allowed or not allowed:
            return replace(m, cls=cls, source=m.source + "+role", confidence=min(m.confidence, 0.6))
    return m
