"""The agent of a paragraph: who a clause without a subject is about.

Chinese prose leaves the subject out of a clause when it is the one the
passage is about (某公司今天开了发布会。…还把星河3掏了出来). While the
sentences of a passage are read in order, the extractor notes the
organisations that stood as the subject of a fact (:meth:`Agents.note`);
a frame that finds no agent in its clause may then ask for the last one
noted earlier in the same paragraph, or else for the one organisation the
headline (the first line) names (:meth:`Agents.at`). Any relation may use
it; a frame decides whether its clause may take it."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from kg.facts.attributes import document_year
from kg.model import Mention

_DIGEST = "；;|｜"


@dataclass(eq=False)
class Agents:
    text: str
    mentions: tuple[Mention, ...]          # the document's mentions, by start
    _noted: list[tuple[int, Mention]] = field(default_factory=list)
    _year: list = field(default_factory=list)
    _lines: list[int] = field(default_factory=list)         # where each \n is, found once
    _headlines: dict = field(default_factory=dict)          # orgs → headline(orgs), found once

    def note(self, position: int, subject: Mention, orgs: frozenset[str]) -> None:
        """``subject`` stood as the agent of a fact in the sentence at ``position``."""
        if subject.cls in orgs and not subject.metonym:
            self._noted.append((position, subject))

    def year(self, ctx) -> int | None:
        """The year the document is written in (:func:`kg.facts.attributes.document_year`), once."""
        if not self._year:
            self._year.append(document_year(ctx, self.text))
        return self._year[0]

    def headline(self, orgs: frozenset[str]) -> Mention | None:
        """The one organisation the first line names (by its key), if exactly
        one and the line is one story (a digest line joins several with ；|)."""
        if orgs not in self._headlines:
            self._headlines[orgs] = self._headline(orgs)
        return self._headlines[orgs]

    def _newlines(self) -> list[int]:
        if not self._lines:
            self._lines.extend(m.start() for m in re.finditer("\n", self.text))
            self._lines.append(len(self.text) + 1)     # a sentinel: never a real one
        return self._lines

    def _headline(self, orgs: frozenset[str]) -> Mention | None:
        end = self.text.find("\n")
        end = len(self.text) if end < 0 else end
        if any(c in self.text[:end] for c in _DIGEST):
            return None
        named = [m for m in self.mentions if m.end <= end and m.cls in orgs]
        return named[0] if len({m.key or m.text for m in named}) == 1 else None

    def at(self, position: int, orgs: frozenset[str]) -> Mention | None:
        """The agent for a clause at ``position``: the last organisation noted
        before it in its paragraph, else the headline's one organisation
        (never inside the headline itself)."""
        lines = self._newlines()
        before = bisect_left(lines, position)          # the newlines before position
        paragraph = lines[before - 1] + 1 if before else 0
        for at, m in reversed(self._noted):            # noted in text order: the latest first
            if paragraph <= at < position:
                return m
            if at < paragraph:
                break
        first = lines[0] if len(lines) > 1 else -1
        if first < 0 or position <= first:
            return None
        return self.headline(orgs)
