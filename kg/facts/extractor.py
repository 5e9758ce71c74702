"""Sentences + mentions → relation candidates, from the patterns in
``kg/data/relations.jsonl`` (:mod:`kg.facts.patterns`). Each pattern is
bound once to its frame (:mod:`kg.facts.frames`), its trigger regex and the
shared :class:`~kg.facts.context.Context`; the candidates of every sentence
are then checked against the ontology's domain and range, deduplicated,
and a comparison that one pattern reads as a win is not also a tie."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg.errors import KGError
from kg.facts.context import Context, HeadOf
from kg.facts.families import family_objects
from kg.facts.frames import registered
from kg.facts.patterns import Pattern, read_pattern
from kg.facts.sentences import Passage, Sentence
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


class BoundPattern:
    """A pattern with its frame, trigger regex and context, made once."""

    def __init__(self, pattern: Pattern, ctx: Context, frames):
        self.pattern = pattern
        self.ctx = ctx
        self.rx = alternation(pattern.triggers)
        info = frames[pattern.frame]
        self.fn = info.fn
        # the sentence gate: frames that act only at a trigger word
        self.gate = self.rx if not info.triggerless else None

    def __call__(self, sent: Sentence) -> Iterator[Candidate]:
        if self.gate is not None and not self.gate.search(sent.text, sent.start, sent.end):
            return                      # no trigger word in this sentence
        yield from self.run(sent)

    def run(self, sent: Sentence) -> Iterator[Candidate]:
        """The frame's candidates, the trigger gate already passed."""
        p = self.pattern
        for cand in self.fn(self.ctx, p, self.rx, sent):
            yield Candidate(*cand[:3], p.id, p.confidence * cand[3], (sent.start, sent.end),
                            cand[4] if len(cand) > 4 else "")


class RelationExtractor:
    def __init__(self, lexicon: Lexicon, schema: Schema, head_of: HeadOf | None = None):
        self.schema = schema
        self.ctx = Context.build(lexicon, schema, head_of)
        frames = registered()
        relations = frozenset(schema.relations)
        self.patterns: list[BoundPattern] = []
        seen: dict[str, int] = {}
        for line, row in lexicon.patterns:
            pattern = read_pattern(row, lexicon.patterns_file, line, frames, relations)
            if pattern.id in seen:
                raise KGError(f"{lexicon.patterns_file}, line {line}: the pattern id {pattern.id!r} "
                              f"is already used on line {seen[pattern.id]}; ids must be unique")
            seen[pattern.id] = line
            self.patterns.append(BoundPattern(pattern, self.ctx, frames))
        self.gates = _TriggerGates(self.patterns)

    def extract(self, passage: Passage) -> list[Candidate]:
        out: list[Candidate] = []
        for sent in passage.sentences:
            if sent.mentions and not sent.is_question:
                found = [c for bound in self.gates.open(sent) for c in bound.run(sent)]
                if passage.agents is not None:  # the agents a later clause without one may take
                    for c in found:
                        passage.agents.note(sent.start, c.subject, self.ctx.orgs)
                out.extend(found)
        return _dedupe(family_objects(self.ctx, passage.mentions, out), self.schema)


class _TriggerGates:
    """Which patterns a sentence opens, in pattern order: one Aho-Corasick
    pass over the sentence finds every trigger word in it (the same test as
    each pattern's own ``gate.search``, once instead of once per pattern)."""

    def __init__(self, patterns: list[BoundPattern]):
        import ahocorasick

        self.patterns = patterns
        self._auto = ahocorasick.Automaton()
        opened: dict[str, set[int]] = {}
        for i, bound in enumerate(patterns):
            if bound.gate is not None:
                for word in bound.pattern.triggers:
                    if word:
                        opened.setdefault(word, set()).add(i)
        for word, ids in opened.items():
            self._auto.add_word(word, frozenset(ids))
        self._always = frozenset(i for i, b in enumerate(patterns) if b.gate is None)
        if opened:
            self._auto.make_automaton()
        else:
            self._auto = None

    def open(self, sent: Sentence) -> list[BoundPattern]:
        ids = set(self._always)
        if self._auto is not None:
            for _, hit in self._auto.iter(sent.text, sent.start, sent.end):
                ids |= hit
        return [self.patterns[i] for i in sorted(ids)]


def _dedupe(cands: list[Candidate], schema: Schema) -> list[Candidate]:
    """One candidate per (subject, predicate, object, sentence); no self
    loops; class check against the ontology; outperforms beats comparedTo."""
    best: dict[tuple, Candidate] = {}
    for c in cands:
        if c.subject.start == c.object.start and c.subject.end == c.object.end:
            continue
        if c.subject.text == c.object.text:
            continue
        if not schema.accepts_mentions(c.predicate, c.subject, c.object):
            continue
        key = (c.subject.start, c.subject.end, c.predicate, c.object.start, c.sentence)
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    out = list(best.values())
    stronger = {(c.subject.start, c.object.start, c.sentence) for c in out if c.predicate == "outperforms"}
    out = [c for c in out if not (c.predicate == "comparedTo" and (
        (c.subject.start, c.object.start, c.sentence) in stronger
        or (c.object.start, c.subject.start, c.sentence) in stronger))]
    return sorted(out, key=lambda c: (c.sentence, c.subject.start, c.predicate, c.object.start))
