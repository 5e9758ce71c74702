"""Resolved entities, facts and attributes → an rdflib Graph in the shape
of ``ontology/README.md``; serialised deterministically."""

from __future__ import annotations

import re
from typing import Iterable

from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg.model import Extraction
from kg.ontology.schema import Schema
from kg.graph.conflicts import conflict_triples
from kg.graph.conform import conform
from kg.graph.resolve import Resolved
from kg.graph.statements import (Terms, attribute_triples, candidate_facts, document_triples,
                                 entity_triples, fact_triples, text_literal)
from kg.lexicon import load_lexicon
from kg.ontology.vocab import PREFIXES

__all__ = ["add_all", "build_graph", "graph_triples", "new_graph", "pair_order", "serialize",
           "subject_lines", "text_literal", "turtle_prefixes"]


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
    ents = resolved.entities
    facts = [f for ex in extractions for f in candidate_facts(
        ex.document.doc_id, ex.facts, node, lambda n: ents[n].cls, schema, min_confidence)]
    facts, retyped = conform(facts, {n: e.cls for n, e in ents.items()},
                             lambda n: not n.startswith(ents[n].cls.lower() + "-"), schema)
    for ex in extractions:
        document_triples(add, ex.document)
    entries = load_lexicon().entries       # the gazetteer's names: English labels
    for slug, ent in resolved.entities.items():
        entity_triples(add, slug, retyped.get(slug, ent.cls), ent.label, ent.alt_labels, ent.docs,
                       entries.get(slug))
    terms = Terms()
    fact_triples(add, terms, facts)
    for ex in extractions:
        attribute_triples(add, terms, ex, node, lambda n: retyped.get(n, ents[n].cls), schema,
                          min_confidence)
    triples |= conflict_triples(triples)
    return triples


_PREFIXES = tuple(sorted(PREFIXES))     # written in this order
# local names written as prefix:name; anything else (a '+', a final '.', …) as a full <IRI>
_LOCAL = re.compile(r"[A-Za-z0-9_\u3400-\u9fff](?:[A-Za-z0-9_.\-\u3400-\u9fff]*[A-Za-z0-9_\-\u3400-\u9fff])?")
_BARE = {str(XSD.integer): re.compile(r"[+-]?[0-9]+"),
         str(XSD.decimal): re.compile(r"[+-]?[0-9]*\.[0-9]+"),
         str(XSD.boolean): re.compile(r"true|false")}
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
            ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f",
            **{c: f"\\u{c:04X}" for c in (*range(0x00, 0x08), 0x0B, *range(0x0E, 0x20), 0x7F)}}


def turtle_prefixes(g: Graph | None = None) -> dict[str, str]:
    """The prefixes a graph file declares, in the order it declares them."""
    known = {p: str(ns) for p, ns in (g if g is not None else new_graph()).namespaces()}
    return {p: known[p] for p in _PREFIXES if p in known}


def pair_order(p, o) -> tuple:
    """Where (p, o) goes among a subject's pairs: ``a`` first, then by predicate and object."""
    if isinstance(o, Literal):
        return (p != RDF.type, str(p), 1, str(o), str(o.datatype or ""), o.language or "")
    return (p != RDF.type, str(p), 0, str(o), "", "")


def subject_lines(subject: str, pairs) -> list[str]:
    """One subject of the Turtle: ``subject`` and its sorted (predicate, object)
    pairs, both written already (``a`` for rdf:type)."""
    predicate = None
    out = ["\n", subject]
    for p, o in pairs:
        if predicate is None:
            out += [" ", p, " ", o]
        elif p != predicate:
            out += [" ;\n    ", p, " ", o]
        else:
            out += [",\n        ", o]
        predicate = p
    out.append(" .\n")
    return out


def serialize(g: Graph | Iterable[tuple]) -> bytes:
    """Turtle, byte-identical for the same graph: prefixes sorted; subjects
    in IRI order, each with ``a`` first and then its predicates and objects
    sorted; a blank line between subjects. (A plain writer: rdflib's Turtle
    serializer took most of the time of a large build.) ``g`` is a graph,
    or its triples (written with the prefixes of :func:`new_graph`)."""
    prefixes = turtle_prefixes(g if isinstance(g, Graph) else None)
    writer = TurtleTerms(prefixes)
    rdf_type = RDF.type
    by_subject: dict = {}
    for s, p, o in g:
        pairs = by_subject.get(s)
        if pairs is None:
            by_subject[s] = pairs = []
        pairs.append((p, o))

    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()]
    term = writer.term
    for s in sorted(by_subject, key=lambda s: (str(s), type(s).__name__)):
        pairs = sorted(by_subject[s], key=lambda pair: pair_order(*pair))
        out += subject_lines(term(s), [("a" if p == rdf_type else term(p), term(o)) for p, o in pairs])
    return "".join(out).encode("utf-8")


class TurtleTerms:
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
