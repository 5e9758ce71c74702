"""One document → an :class:`~kg.model.Extraction`: normalise, run the spaCy
pipeline, find relations and attributes, and point every piece of evidence
at the sentence in the original text."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import replace

from kg.facts.attributes import document_year, extract_attributes
from kg.mentions.chunks import mentions_by_chunk
from kg.text.document import Document
from kg.lexicon import load_lexicon
from kg.model import Alias, Attribute, Evidence, Extraction, Fact, Mention
from kg.mentions.pipeline import DEFAULT_MODEL, MENTIONS_KEY, load_pipeline
from kg.text.normalize import Normalized, normalize
from kg.text.sentences import split_sentences
from kg.ontology.schema import load_schema
from kg.facts.extractor import RelationExtractor
from kg.facts.sentences import Passage

log = logging.getLogger(__name__)

_OPEN, _CLOSE = "(（", ")）"


class Extractor:
    """Loads the pipeline and data once; :meth:`extract` is then pure."""

    def __init__(self, model: str = DEFAULT_MODEL):
        self.model = model
        self.nlp = load_pipeline(model)
        self.recogniser = self.nlp.get_pipe("kg_mentions").recogniser
        self.lexicon = load_lexicon()
        self.relations = RelationExtractor(self.lexicon, load_schema(), self.recogniser.head_of)

    def extract(self, document: Document) -> Extraction:
        norm = normalize(document.original)
        sentences = split_sentences(norm.text)
        mentions = mentions_by_chunk(lambda t: self.nlp(t).user_data[MENTIONS_KEY], norm.text,
                                     sentences)
        passage = Passage.of(norm.text, sentences, mentions)
        cands = self.relations.extract(passage)
        # a relation may type a mention it took part in; one it named otherwise (the model
        # family a company stands for: 接入深度求索 → DeepSeek) stays a fact's, not the text's
        typed = {(m.start, m.end): m for c in cands for m in (c.subject, c.object)
                 if norm.text[m.start:m.end] == m.text}
        mentions = [typed.get((m.start, m.end), m) for m in mentions]
        aliases = bracket_aliases(norm.text, mentions)
        kept = [m for m in mentions if m.cls]
        doc_year = int(document.issued[:4]) if document.issued else document_year(self.relations.ctx, norm.text)
        released = [(c.object, c.sentence) for c in cands if c.predicate == "released"]
        found = extract_attributes(self.relations.ctx, passage.with_mentions(kept), released, doc_year,
                                   document.issued)

        def evidence(span, by, conf):
            start, end = norm.to_original(*span)
            return Evidence(document.doc_id, document.original[start:end].strip(), start, end, by,
                            round(conf, 3))

        facts = tuple(
            Fact(self._surface(c.subject, norm, document), c.predicate,
                 self._surface(c.object, norm, document),
                 evidence(c.sentence, c.pattern, c.confidence), c.role)
            for c in cands)
        attrs = tuple(
            Attribute(self._surface(f.subject, norm, document), f.prop, f.value, f.datatype,
                      evidence(f.sentence, f"attribute/{f.prop}", 0.8), f.anchor)
            for f in found)
        info = document.info()
        return Extraction(info, tuple(self._surface(m, norm, document) for m in kept),
                          tuple(aliases), facts, attrs, norm.text != document.original)

    @staticmethod
    def _surface(m: Mention, norm: Normalized, document: Document) -> Mention:
        """Keep the original characters (Traditional form) beside the normalised ones."""
        start, end = norm.to_original(m.start, m.end)
        surface = unicodedata.normalize("NFKC", document.original[start:end])
        if surface != m.text and len(surface) == len(m.text):
            return replace(m, surface=surface)
        return m


def bracket_aliases(text: str, mentions: list[Mention]) -> list[Alias]:
    """深度求索（DeepSeek）, 阿尔特曼（Sam Altman）: a name and the name in the
    bracket right after it are one thing."""
    out = []
    for a, b in zip(mentions, mentions[1:]):
        if a.end < len(text) and text[a.end:a.end + 1] in _OPEN and b.start == a.end + 1 \
                and text[b.end:b.end + 1] in _CLOSE and (a.cls or b.cls):
            cls = a.cls or b.cls
            if b.cls and a.cls and _group(a.cls) != _group(b.cls):
                continue
            if re.fullmatch(r"[\d.,\s%+-]+", b.text):
                continue
            out.append(Alias(replace(a, cls=cls), replace(b, cls=b.cls or cls)))
    return out


def _group(cls: str) -> str:
    return {"Company": "Org", "Organization": "Org", "GovernmentBody": "Org",
            "Country": "Place", "City": "Place", "Place": "Place"}.get(cls, cls)


def extract_document(document: Document, model: str = DEFAULT_MODEL) -> Extraction:
    return _extractor(model).extract(document)


_EXTRACTORS: dict[str, Extractor] = {}


def _extractor(model: str) -> Extractor:
    if model not in _EXTRACTORS:
        _EXTRACTORS[model] = Extractor(model)
    return _EXTRACTORS[model]
