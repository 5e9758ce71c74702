"""Issue 17, item 9: the work per sentence depends on the sentence's
neighbourhood, not on the document. No frame walks every mention of the
document once per sentence (that made one 9.4 M-character article take 9
minutes): the number of walks over ``sent.everything`` is the same for a
document twice as long. (The time per character, flat from 100 kB to
10 MB, is a benchmark row, not a test: tests do not time.)"""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.facts.sentences
from kg.text.document import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class Walks(list):
    """A list that counts how often it is walked from start to end."""
    count = 0

    def __iter__(self):
        Walks.count += 1
        return super().__iter__()


@pytest.fixture
def counted(monkeypatch):
    real = kg.facts.sentences.Passage.of.__func__

    def of(cls, text, spans, mentions):
        passage = real(cls, text, spans, mentions)
        walks = Walks(passage.sentences[0].everything) if passage.sentences else None
        for sent in passage.sentences:
            object.__setattr__(sent, "everything", walks)
            if getattr(sent, "index", None) is not None:
                sent.index.mentions = walks
        return passage
    monkeypatch.setattr(kg.facts.sentences.Passage, "of", classmethod(of))
    return Walks


def walks_for(extractor, counted, copies: int) -> int:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    counted.count = 0
    extraction = extractor.extract(Document.from_text(text * copies))
    assert extraction.facts
    return counted.count


def test_no_walk_over_the_whole_document_per_sentence(extractor, counted):
    one, two = walks_for(extractor, counted, 1), walks_for(extractor, counted, 2)
    assert two == one, f"{one} walks over the document's mentions for one copy, {two} for two"
