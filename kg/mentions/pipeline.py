"""The spaCy pipeline: one loading path for the offline default (spaCy's
Chinese class, jieba on the gaps between known names) and for an installed
statistical pipeline such as ``zh_core_web_sm`` (its tagger, parser and NER
run on the same words; its entities become one more signal)."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.mentions.recogniser import Recogniser
from kg.errors import ModelNotFound
from kg.lexicon import load_lexicon
from kg.model import Mention
from kg.text.segment import load_segmenter

log = logging.getLogger(__name__)

DEFAULT_MODEL = "blank:zh"
MENTIONS_KEY = "kg_mentions"
# spaCy NER labels (OntoNotes, as zh_core_web_sm uses) → ontology classes
_NER_CLASSES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
                "FAC": "Place", "PRODUCT": "Product", "NORP": ""}


class KGTokenizer:
    """Segment at gazetteer and shape hits first (each hit one token), then
    jieba (kg.text.segment: rjieba when installed) on the gaps, so no known
    name is cut or glued to a neighbour."""

    def __init__(self, vocab, recogniser: Recogniser):
        self.vocab = vocab
        self.recogniser = recogniser
        self._cut = load_segmenter()
        recogniser.segmenter = self._cut       # the gazetteer's word-boundary check cuts as we do

    def __call__(self, text: str) -> Doc:
        cands = self.recogniser.candidates(text)
        words: list[str] = []
        pos = 0
        for m in cands:
            if m.start > pos:
                words.extend(self._cut.lcut(text[pos:m.start]))
            words.append(text[m.start:m.end])
            pos = m.end
        if pos < len(text):
            words.extend(self._cut.lcut(text[pos:]))
        words, spaces, offsets = _words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["kg_candidates"] = cands
        doc.user_data["kg_words"] = offsets
        doc.user_data["kg_text"] = text         # == doc.text, which spaCy rebuilds token by token
        return doc

    # spaCy calls these when saving a pipeline; ours is rebuilt from data
    def to_disk(self, path, **kwargs):
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, **kwargs):
        return self

    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self


def _words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool], list | None]:
    """Words and trailing spaces for a Doc with ``doc.text == text``, as
    spaCy's ``get_words_and_spaces`` aligns them (a single space after a
    word is its trailing space, other whitespace a token of its own), and
    the (start, end) of every word that is not whitespace. Our words tile
    the text, so this is one pass; anything else goes to spaCy's aligner."""
    if "".join(words) != text:
        from spacy.util import get_words_and_spaces

        return (*get_words_and_spaces([w for w in words if w], text), None)
    out: list[str] = []
    spaces: list[bool] = []
    offsets: list[tuple[int, int]] = []
    pos = last = 0                      # last: end of the previous word that is not whitespace
    for w in words:
        start, pos = pos, pos + len(w)
        if not w or w.isspace():
            continue
        _gap(text, last, start, out, spaces)
        out.append(w)
        spaces.append(False)
        offsets.append((start, pos))
        last = pos
    _gap(text, last, len(text), out, spaces)
    return out, spaces, offsets


def _gap(text: str, start: int, end: int, out: list[str], spaces: list[bool]) -> None:
    """Whitespace between two words: a first " " trails the word before it."""
    if start >= end:
        return
    if out and text[start] == " ":
        spaces[-1] = True
        start += 1
    if start < end:
        out.append(text[start:end])
        spaces.append(False)


@Language.factory(
    "kg_mentions",
    requires=["token.text"],
    assigns=["doc.spans", "doc.ents"],
    default_config={"spans_key": MENTIONS_KEY, "use_ner": True},
)
def make_mentions(nlp: Language, name: str, spans_key: str, use_ner: bool):
    return MentionComponent(spans_key, use_ner)


class MentionComponent:
    """Typed mentions from the candidates, name grammar and (when the
    pipeline has one) the statistical NER; sets ``doc.spans[spans_key]``,
    ``doc.ents`` and ``doc.user_data[spans_key]`` (kg.model.Mention)."""

    def __init__(self, spans_key: str, use_ner: bool):
        self.spans_key = spans_key
        self.use_ner = use_ner
        self.recogniser: Recogniser | None = None

    def __call__(self, doc: Doc) -> Doc:
        rec = self.recogniser or _recogniser()
        text = doc.user_data.get("kg_text")
        if text is None:                        # a tokenizer other than ours
            text = doc.text
        words = doc.user_data.get("kg_words")
        if words is None:                       # a tokenizer other than ours
            words = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
        statistical = [_from_ner(ent) for ent in doc.ents] if self.use_ner else []
        cands = doc.user_data.get("kg_candidates")
        if cands is None:                       # a tokenizer other than ours
            cands = rec.candidates(text)
        mentions = rec.recognise(text, words, cands, [m for m in statistical if m])
        doc.user_data[self.spans_key] = tuple(mentions)
        spans = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=m.cls or "UNTYPED", kb_id=m.key,
                                 alignment_mode="strict")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc.ents = [s for s in spacy.util.filter_spans(spans) if s.label_ != "UNTYPED"]
        return doc


def _from_ner(ent) -> Mention | None:
    cls = _NER_CLASSES.get(ent.label_, "")
    if not cls or len(ent.text.strip()) < 2:
        return None
    return Mention(ent.start_char, ent.end_char, ent.text, cls, "", "statistical", 0.6)


@functools.lru_cache(maxsize=1)
def _recogniser() -> Recogniser:
    return Recogniser(load_lexicon())


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The pipeline kg extracts with. ``blank:zh`` is spaCy's Chinese class
    (no statistical components); any other name or path is loaded with
    ``spacy.load`` and keeps its components."""
    if model == DEFAULT_MODEL:
        nlp = spacy.blank("zh")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ModelNotFound(
                f"spaCy pipeline {model!r} is not installed; install it (for zh_core_web_sm: "
                f"`python -m spacy download zh_core_web_sm`) or build without --model") from exc
    rec = _recogniser()
    nlp.tokenizer = KGTokenizer(nlp.vocab, rec)
    if "kg_mentions" in nlp.pipe_names:
        nlp.remove_pipe("kg_mentions")
    component = nlp.add_pipe("kg_mentions", last=True)
    component.recogniser = rec
    log.info("spaCy pipeline %s: %s", model, ", ".join(nlp.pipe_names))
    return nlp
