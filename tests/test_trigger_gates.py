"""The trigger gates (kg.facts.extractor): one Aho-Corasick pass per
sentence opens exactly the patterns whose own trigger regex finds a word
in that sentence (and every pattern without a gate), in pattern order —
on every sentence of the seed articles, and at sentence edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.facts.sentences import Passage
from kg.text.normalize import normalize
from kg.text.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _each_pattern_alone(patterns, sent):
    return [b for b in patterns
            if b.gate is None or b.gate.search(sent.text, sent.start, sent.end)]


def _passage(text):
    return Passage.of(text, split_sentences(text), [])


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:12])
def test_gates_open_what_each_pattern_would(extractor, path):
    rel = extractor.relations
    passage = _passage(normalize(path.read_text(encoding="utf-8")).text)
    opened = 0
    for sent in passage.sentences:
        want = _each_pattern_alone(rel.patterns, sent)
        assert rel.gates.open(sent) == want
        opened += len(want)
    assert opened > len(passage.sentences)       # the seeds do open gated patterns


def test_a_trigger_across_a_sentence_edge_opens_nothing(extractor):
    rel = extractor.relations
    gated = [b for b in rel.patterns if b.gate is not None]
    word = next(w for b in gated for w in b.pattern.triggers if len(w) >= 2)
    text = f"甲{word[:1]}。{word[1:]}乙。"
    passage = _passage(text)
    for sent in passage.sentences:
        assert rel.gates.open(sent) == _each_pattern_alone(rel.patterns, sent)
    whole = _passage(f"甲{word}乙。").sentences[0]
    assert any(b in rel.gates.open(whole) for b in gated)
