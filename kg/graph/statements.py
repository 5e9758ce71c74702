"""The parts of the graph one document, one entity or one fact makes:
the triples of :func:`kg.graph.triples.graph_triples` and of the streaming
merge (:mod:`kg.graph.spill`), written once for both."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO, SKOS

from kg.graph.labels import entity_labels
from kg.graph.resolve import identity
from kg.ontology.vocab import DOC, ENTITY, KG, STATEMENT

__all__ = ["Terms", "attribute_triples", "candidate_facts", "document_triples", "entity_triples", "fact_triples",
           "text_literal"]

_HAN = re.compile(r"[\u3400-\u9fff]")
_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")


def text_literal(value: str) -> Literal:
    """Chinese text is tagged @zh; Latin-script names carry no tag."""
    return Literal(value, lang="zh") if _HAN.search(value) else Literal(value)


def _statement_iri(*parts) -> URIRef:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]
    return STATEMENT[h]


def document_triples(add, info) -> None:
    """The document node of a :class:`~kg.model.DocumentInfo`."""
    doc = DOC[info.doc_id]
    add((doc, RDF.type, KG.Document))
    add((doc, DCTERMS.title, text_literal(info.title)))
    add((doc, KG.sha256, Literal(info.sha256)))
    if info.issued:
        add((doc, DCTERMS.issued, Literal(info.issued, datatype=XSD.date)))
    if info.publisher:
        add((doc, DCTERMS.publisher, text_literal(info.publisher)))
    if info.url:
        add((doc, SDO.url, Literal(info.url, datatype=XSD.anyURI)))
    if _DATETIME.fullmatch(info.fetched):
        add((doc, KG.fetched, Literal(info.fetched, datatype=XSD.dateTime)))
    if info.language:
        add((doc, DCTERMS.language, Literal(info.language)))
    for name in info.files:
        add((doc, KG.fileName, Literal(name)))


def entity_triples(add, slug: str, cls: str, label: str, alt_labels, docs, entry) -> None:
    """An entity node: its class, labels and the documents that mention it."""
    iri = ENTITY[slug]
    add((iri, RDF.type, KG[cls]))
    for lit in entity_labels(label, alt_labels, entry):
        add((iri, RDFS.label, lit))
    for alt in alt_labels:
        add((iri, SKOS.altLabel, text_literal(alt)))
    for d in docs:
        add((iri, KG.mentionedIn, DOC[d]))


def candidate_facts(d: str, facts, node, cls_of, schema, min_confidence: float):
    """The facts of document ``d`` as (subject slug, predicate, object slug,
    fact), between two entities of classes the relation takes, at or above
    the threshold; ``node`` maps a mention's identity to its slug."""
    for f in facts:
        s = node.get(identity(d, f.subject))
        o = node.get(identity(d, f.object))
        if s is None or o is None or s == o or f.evidence.confidence < min_confidence:
            continue
        if schema.accepts_mentions(f.predicate, f.subject, f.object, cls_of(s), cls_of(o)):
            yield s, f.predicate, o, f


def fact_triples(add, terms: "Terms", facts) -> None:
    """The statements of facts given as (subject slug, predicate, object slug,
    fact): one per place in a text, the most confident fact of it."""
    best: dict[tuple, tuple] = {}
    for s, p, o, f in facts:
        k = (s, p, o, f.evidence.doc_id, f.evidence.start, f.evidence.end)
        if k not in best or f.evidence.confidence > best[k][3].evidence.confidence:
            best[k] = (s, p, o, f)
    for s, p, o, f in best.values():
        terms.statement(add, terms.entity(s), terms.prop(p), terms.entity(o), f.evidence,
                        f.role if p == "affiliatedWith" else "")


def attribute_triples(add, terms: "Terms", ex, node, cls_of, schema, min_confidence: float) -> None:
    """The statements of a document's attributes; ``node`` maps a mention's
    identity to its entity slug, ``cls_of`` a slug to its class."""
    d = ex.document.doc_id
    for a in ex.attributes:
        s = node.get(identity(d, a.subject))
        if s is None or a.evidence.confidence < min_confidence \
                or not schema.holds(a.prop, cls_of(s)):
            continue        # below the threshold, or outside the attribute's domain
        value = Literal(a.value, datatype=XSD[a.datatype])
        st = terms.statement(add, terms.entity(s), KG[a.prop], value, a.evidence, "")
        if a.anchor:    # the year or day came from the publication date
            add((st, KG.anchoredTo, Literal(a.anchor, datatype=XSD.date)))


class Terms:
    """Reified statements; the terms many statements share are made once
    (a big build makes hundreds of thousands of them)."""

    def __init__(self):
        self.memo: dict[tuple, Literal] = {}
        self.p = {name: term for name, term in (
            ("type", RDF.type), ("Statement", RDF.Statement), ("subject", RDF.subject),
            ("predicate", RDF.predicate), ("object", RDF.object), ("from", PROV.wasDerivedFrom),
            ("evidence", KG.evidence), ("start", KG.charStart), ("end", KG.charEnd),
            ("by", KG.extractedBy), ("confidence", KG.confidence), ("role", KG.role))}

    def lit(self, kind: str, value) -> Literal:
        key = (kind, value)
        lit = self.memo.get(key)
        if lit is None:
            if kind == "decimal":
                lit = Literal(_decimal(value), datatype=XSD.decimal)
            elif kind == "text":
                lit = text_literal(value)
            else:
                lit = Literal(value)
            self.memo[key] = lit
        return lit

    def entity(self, slug: str) -> URIRef:
        key = ("entity", slug)
        iri = self.memo.get(key)
        if iri is None:
            iri = self.memo[key] = ENTITY[slug]
        return iri

    def prop(self, name: str) -> URIRef:
        key = ("prop", name)
        iri = self.memo.get(key)
        if iri is None:
            iri = self.memo[key] = KG[name]
        return iri

    def doc(self, doc_id: str) -> URIRef:
        key = ("doc", doc_id)
        iri = self.memo.get(key)
        if iri is None:
            iri = self.memo[key] = DOC[doc_id]
        return iri

    def statement(self, add, s, p, o, ev, role: str) -> URIRef:
        t = self.p
        lit = self.lit
        add((s, p, o))
        st = _statement_iri(s, p, o, ev.doc_id, ev.start, ev.end)
        add((st, t["type"], t["Statement"]))
        add((st, t["subject"], s))
        add((st, t["predicate"], p))
        add((st, t["object"], o))
        add((st, t["from"], self.doc(ev.doc_id)))
        add((st, t["evidence"], lit("str", ev.sentence)))
        add((st, t["start"], lit("int", ev.start)))
        add((st, t["end"], lit("int", ev.end)))
        add((st, t["by"], lit("str", ev.extracted_by)))
        add((st, t["confidence"], lit("decimal", ev.confidence)))
        if role:
            add((st, t["role"], lit("text", role)))
        return st


def _decimal(value: float) -> str:
    """Three decimals in canonical form (0.75, 1, 0.505), as Oxigraph and
    other stores give it back, so every store prints the same."""
    return format(Decimal(f"{value:.3f}").normalize(), "f")
