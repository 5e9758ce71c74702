"""The per-document carrier of the fact stage: the normalised text cut into
sentences, each with the mentions inside it, built once per document
(:meth:`Passage.of`) and read by the relation frames and the attributes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.facts.agents import Agents
from kg.model import Mention

_CLAUSE = re.compile(r"[，,；;：:]")


@dataclass(frozen=True)
class Sentence:
    text: str                      # the whole normalised document
    start: int
    end: int
    mentions: list[Mention]        # inside this sentence, in order
    previous: tuple                # typed mentions of up to three earlier sentences, most recent last
    everything: list[Mention]      # the whole document's mentions
    agents: Agents | None = None   # the passage's agents of paragraphs (kg.facts.agents)

    @property
    def is_question(self) -> bool:
        return self.text[self.start:self.end].rstrip().endswith(("?", "？", "吗"))


def clause_start(sent: Sentence, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last ，；： before it)."""
    cut = sent.start
    for m in _CLAUSE.finditer(sent.text, sent.start, pos):
        cut = m.end()
    return cut


@dataclass(frozen=True)
class Passage:
    """One document's normalised text, its sentence spans, its mentions (in
    order of their start) and the sentences with the mentions that lie
    wholly inside each."""

    text: str
    spans: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]
    sentences: tuple[Sentence, ...]
    agents: Agents | None = None

    @classmethod
    def of(cls, text: str, spans, mentions) -> Passage:
        ms = sorted(mentions, key=lambda m: m.start)
        sentences = []
        agents = Agents(text, tuple(ms))
        history: list[tuple[Mention, ...]] = []
        k = 0
        for s_start, s_end in spans:
            inside = []
            while k < len(ms) and ms[k].start < s_end:
                if ms[k].start >= s_start and ms[k].end <= s_end:
                    inside.append(ms[k])
                k += 1
            sentences.append(Sentence(text, s_start, s_end, inside, tuple(history[-3:]), ms, agents))
            history.append(tuple(m for m in inside if m.cls))
        return cls(text, tuple(spans), tuple(ms), tuple(sentences), agents)

    def with_mentions(self, mentions) -> Passage:
        """The same sentences holding other mentions (after typing by the relations)."""
        return Passage.of(self.text, self.spans, mentions)
