"""The per-document carrier of the fact stage: the normalised text cut into
sentences, each with the mentions inside it, built once per document
(:meth:`Passage.of`) and read by the relation frames and the attributes."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from kg.facts.agents import Agents
from kg.model import Mention

_CLAUSE = re.compile(r"[，,；;：:]")


class MentionIndex:
    """The document's mentions (by start) looked up by position and by text,
    built once per passage, so that the work per sentence depends on the
    sentence's neighbourhood, not on the length of the document."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.by_text: dict[str, list[Mention]] = {}
        self.companies: dict[str, list[int]] = {}     # lower-cased text → positions in mentions
        for i, m in enumerate(mentions):
            self.by_text.setdefault(m.text, []).append(m)
            if m.cls == "Company":
                self.companies.setdefault(m.text.lower(), []).append(i)

    def starting(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start at ``lo`` or after and before ``hi``, in order."""
        return self.mentions[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def companies_starting(self, low: str, width: int) -> list[Mention]:
        """Of each company whose lower-cased name starts ``low`` (and is shorter
        than ``width``), its first mention; in document order. Looked up by each
        prefix of ``low``, not by a scan of the document."""
        found = []
        for k in range(1, len(low)):
            first = next((i for i in self.companies.get(low[:k], ())
                          if len(self.mentions[i].text) < width), None)
            if first is not None:
                found.append(first)
        return [self.mentions[i] for i in sorted(found)]


@dataclass(frozen=True)
class Sentence:
    text: str                      # the whole normalised document
    start: int
    end: int
    mentions: list[Mention]        # inside this sentence, in order
    previous: tuple                # typed mentions of up to three earlier sentences, most recent last
    everything: list[Mention]      # the whole document's mentions
    agents: Agents | None = None   # the passage's agents of paragraphs (kg.facts.agents)
    index: MentionIndex | None = field(default=None, repr=False, compare=False)

    def starting(self, lo: int, hi: int) -> list[Mention]:
        """The document's mentions starting in ``[lo, hi)``, in order (no scan of the document)."""
        if self.index is None:
            return [m for m in self.everything if lo <= m.start < hi]
        return self.index.starting(lo, hi)

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
        index = MentionIndex(ms)
        history: list[tuple[Mention, ...]] = []
        k = 0
        for s_start, s_end in spans:
            inside = []
            while k < len(ms) and ms[k].start < s_end:
                if ms[k].start >= s_start and ms[k].end <= s_end:
                    inside.append(ms[k])
                k += 1
            sentences.append(Sentence(text, s_start, s_end, inside, tuple(history[-3:]), ms, agents,
                                      index))
            history.append(tuple(m for m in inside if m.cls))
        return cls(text, tuple(spans), tuple(ms), tuple(sentences), agents)

    def with_mentions(self, mentions) -> Passage:
        """The same sentences holding other mentions (after typing by the relations)."""
        return Passage.of(self.text, self.spans, mentions)
