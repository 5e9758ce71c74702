"""Resolved entities, facts and attributes → an rdflib Graph in the shape
of ``ontology/README.md``; serialised deterministically."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from typing import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO, SKOS

from kg.model import Extraction
from kg.ontology.schema import Schema
from kg.graph.conflicts import conflict_triples
from kg.graph.conform import conform
from kg.graph.labels import entity_labels
from kg.graph.resolve import Resolved, identity
from kg.lexicon import load_lexicon
from kg.ontology.vocab import DOC, ENTITY, KG, PREFIXES, STATEMENT

_HAN = re.compile(r"[\u3400-\u9fff]")
_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")


def text_literal(value: str) -> Literal:
    """Chinese text is tagged @zh; Latin-script names carry no tag."""
    return Literal(value, lang="zh") if _HAN.search(value) else Literal(value)


def _statement_iri(*parts) -> URIRef:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]
    return STATEMENT[h]


def new_graph() -> Graph:
    g = Graph(store="SimpleMemory")     # no contexts needed; adds twice as fast as "Memory"
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    return g


def build_graph(extractions: list[Extraction], resolved: Resolved, schema: Schema,
                min_confidence: float = 0.0) -> Graph:
    g = new_graph()
    add_all(g, graph_triples(extractions, resolved, schema, min_confidence))
    return g


def add_all(g: Graph, triples) -> None:
    """Add many triples at once: straight into the store, without the
    per-triple checks and events of ``Graph.add`` (most of a big build's
    graph time)."""
    store_add = g.store.add
    for t in triples:
        store_add(t, g, False)


def graph_triples(extractions: list[Extraction], resolved: Resolved, schema: Schema,
                  min_confidence: float = 0.0) -> set[tuple]:
    """The graph as a set of (s, p, o) rdflib terms."""
    triples: set[tuple] = set()
    add = triples.add
    node = resolved.node_of
    facts = []
    for ex in extractions:
        d = ex.document.doc_id
        for f in ex.facts:
            s = node.get(identity(d, f.subject))
            o = node.get(identity(d, f.object))
            if s is None or o is None or s == o or f.evidence.confidence < min_confidence:
                continue
            cs, co = resolved.entities[s].cls, resolved.entities[o].cls
            if not schema.accepts_mentions(f.predicate, f.subject, f.object, cs, co):
                continue
            facts.append((s, f.predicate, o, f))
    ents = resolved.entities
    facts, retyped = conform(facts, {n: e.cls for n, e in ents.items()},
                             lambda n: not n.startswith(ents[n].cls.lower() + "-"), schema)
    for ex in extractions:
        doc = DOC[ex.document.doc_id]
        add((doc, RDF.type, KG.Document))
        add((doc, DCTERMS.title, text_literal(ex.document.title)))
        add((doc, KG.sha256, Literal(ex.document.sha256)))
        info = ex.document
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
        for name in ex.document.files:
            add((doc, KG.fileName, Literal(name)))
    entries = load_lexicon().entries       # the gazetteer's names: English labels
    for slug, ent in resolved.entities.items():
        iri = ENTITY[slug]
        add((iri, RDF.type, KG[retyped.get(slug, ent.cls)]))
        for label in entity_labels(ent.label, ent.alt_labels, entries.get(slug)):
            add((iri, RDFS.label, label))
        for alt in ent.alt_labels:
            add((iri, SKOS.altLabel, text_literal(alt)))
        for d in ent.docs:
            add((iri, KG.mentionedIn, DOC[d]))
    best: dict[tuple, tuple] = {}
    for s, p, o, f in facts:
        k = (s, p, o, f.evidence.doc_id, f.evidence.start, f.evidence.end)
        if k not in best or f.evidence.confidence > best[k][3].evidence.confidence:
            best[k] = (s, p, o, f)
    terms = _Terms()
    iri = {slug: ENTITY[slug] for slug in resolved.entities}
    prop: dict[str, URIRef] = {}
    for s, p, o, f in best.values():
        if p not in prop:
            prop[p] = KG[p]
        terms.statement(add, iri[s], prop[p], iri[o], f.evidence,
                        f.role if p == "affiliatedWith" else "")
    for ex in extractions:
        d = ex.document.doc_id
        for a in ex.attributes:
            s = node.get(identity(d, a.subject))
            if s is None or a.evidence.confidence < min_confidence \
                    or not schema.holds(a.prop, retyped.get(s, ents[s].cls)):
                continue        # below the threshold, or outside the attribute's domain
            value = Literal(a.value, datatype=XSD[a.datatype])
            st = terms.statement(add, iri[s], KG[a.prop], value, a.evidence, "")
            if a.anchor:    # the year or day came from the publication date
                add((st, KG.anchoredTo, Literal(a.anchor, datatype=XSD.date)))
    triples |= conflict_triples(triples)
    return triples


class _Terms:
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


_PREFIXES = tuple(sorted(PREFIXES))     # written in this order
# local names written as prefix:name; anything else (a '+', a final '.', …) as a full <IRI>
_LOCAL = re.compile(r"[A-Za-z0-9_\u3400-\u9fff](?:[A-Za-z0-9_.\-\u3400-\u9fff]*[A-Za-z0-9_\-\u3400-\u9fff])?")
_BARE = {str(XSD.integer): re.compile(r"[+-]?[0-9]+"),
         str(XSD.decimal): re.compile(r"[+-]?[0-9]*\.[0-9]+"),
         str(XSD.boolean): re.compile(r"true|false")}
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
            ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f",
            **{c: f"\\u{c:04X}" for c in (*range(0x00, 0x08), 0x0B, *range(0x0E, 0x20), 0x7F)}}


def serialize(g: Graph | Iterable[tuple]) -> bytes:
    """Turtle, byte-identical for the same graph: prefixes sorted; subjects
    in IRI order, each with ``a`` first and then its predicates and objects
    sorted; a blank line between subjects. (A plain writer: rdflib's Turtle
    serializer took most of the time of a large build.) ``g`` is a graph,
    or its triples (written with the prefixes of :func:`new_graph`)."""
    namespaces = g.namespaces() if isinstance(g, Graph) else new_graph().namespaces()
    known = {p: str(ns) for p, ns in namespaces}
    prefixes = {p: known[p] for p in _PREFIXES if p in known}
    writer = _TurtleTerms(prefixes)
    rdf_type = RDF.type
    by_subject: dict = {}
    for s, p, o in g:
        pairs = by_subject.get(s)
        if pairs is None:
            by_subject[s] = pairs = []
        pairs.append((p, o))

    def order(pair):
        p, o = pair
        if isinstance(o, Literal):
            return (p != rdf_type, str(p), 1, str(o), str(o.datatype or ""), o.language or "")
        return (p != rdf_type, str(p), 0, str(o), "", "")

    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()]
    term = writer.term
    for s in sorted(by_subject, key=lambda s: (str(s), type(s).__name__)):
        predicate = None
        out += ["\n", term(s)]
        for p, o in sorted(by_subject[s], key=order):
            if predicate is None:
                out += [" ", "a" if p == rdf_type else term(p), " ", term(o)]
            elif p != predicate:
                out += [" ;\n    ", "a" if p == rdf_type else term(p), " ", term(o)]
            else:
                out += [",\n        ", term(o)]
            predicate = p
        out.append(" .\n")
    return "".join(out).encode("utf-8")


class _TurtleTerms:
    """rdflib terms → Turtle text; IRIs memoised."""

    def __init__(self, prefixes: dict[str, str]):
        self.by_ns = {ns: p for p, ns in prefixes.items()}
        self.iris: dict[str, str] = {}

    def term(self, t) -> str:
        if isinstance(t, Literal):
            return self.literal(t)
        if isinstance(t, URIRef):
            return self.iri(t)
        return f"_:{t}"

    def iri(self, iri: str) -> str:
        text = self.iris.get(iri)
        if text is None:
            text = None
            for sep in "#/":
                ns, found, local = iri.rpartition(sep)
                prefix = self.by_ns.get(ns + found) if found else None
                if prefix is not None and _LOCAL.fullmatch(local):
                    text = f"{prefix}:{local}"
                    break
            if text is None:
                text = "<" + "".join(c if c not in '<>"{}|^`\\ ' and ord(c) > 0x20
                                     else f"\\u{ord(c):04X}" for c in iri) + ">"
            self.iris[iri] = text
        return text

    def literal(self, lit: Literal) -> str:
        value = str(lit)
        datatype = lit.datatype
        if datatype is not None:
            bare = _BARE.get(str(datatype))
            if bare is not None and bare.fullmatch(value):
                return value
        text = '"' + value.translate(_ESCAPES) + '"'
        if lit.language:
            return f"{text}@{lit.language}"
        if datatype is not None:
            return f"{text}^^{self.iri(datatype)}"
        return text
