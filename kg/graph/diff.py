"""What changed between two graphs (``kg diff OLD NEW``, and the one-line
summary of ``kg build`` against the previous build): documents, entities,
aliases, facts and attributes added and removed, each with the documents
that bring it; an attribute whose one value gave way to another, and an
entity whose class changed, are one ``~`` change (``changed``) carrying the
old value as ``previous`` (for an addition: in the new graph; for a removal: in the
old one) and their evidence sentences. A change is a triple of the graph's
plain layer — ``E a kg:Class``, ``E skos:altLabel "…"``, ``S kg:p O`` —
compared as RDF terms, so the order and layout of the files never matter."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

from kg.errors import GraphNotFound
from kg.ontology.vocab import ATTRIBUTES, ENTITY_CLASSES, KG, RELATIONS

__all__ = ["KINDS", "Change", "Diff", "GraphIndex", "diff_graphs", "graph_path", "load_index"]

#: the kinds of change, in the order they are listed
KINDS = ("document", "entity", "alias", "fact", "attribute")
_CLASSES = {KG[c]: c for c in ENTITY_CLASSES}
_FACTS = {KG[p]: p for p in RELATIONS}
_ATTRIBUTES = {KG[p]: p for p in ATTRIBUTES}


@dataclass(frozen=True)
class Change:
    kind: str                    # one of KINDS
    sign: str                    # "+" added, "-" removed, "~" changed (``previous`` → ``object``)
    subject: URIRef
    predicate: URIRef            # rdf:type, skos:altLabel, kg:released, kg:releaseDate …
    object: URIRef | Literal
    sources: tuple[URIRef, ...]  # the documents that bring it (new graph) or brought it (old)
    evidence: tuple[str, ...] = ()
    previous: URIRef | Literal | None = None     # the old value of a "~" change


@dataclass
class GraphIndex:
    """The parts of one graph a diff compares, read in one pass over its triples."""

    types: dict = field(default_factory=dict)          # entity → class IRI
    labels: dict = field(default_factory=dict)         # node → rdfs:label / dcterms:title
    aliases: set = field(default_factory=set)          # (entity, altLabel)
    mentioned: dict = field(default_factory=lambda: defaultdict(set))
    documents: dict = field(default_factory=dict)      # document → {property: value}
    claims: set = field(default_factory=set)           # (s, p, o) facts and attributes
    support: dict = field(default_factory=lambda: defaultdict(set))   # claim → {(doc, evidence)}

    @classmethod
    def of(cls, triples) -> "GraphIndex":
        index = cls()
        statements: dict = defaultdict(dict)
        for s, p, o in triples:
            if isinstance(o, Literal) and o.datatype == XSD.string:
                o = Literal(str(o))     # Oxigraph's "x"^^xsd:string is rdflib's plain "x"
            if p == RDF.type:
                if o in _CLASSES:
                    index.types[s] = o
                elif o == KG.Document:
                    index.documents.setdefault(s, {})
            elif p == RDFS.label:
                index.labels[s] = o
            elif p == SKOS.altLabel:
                index.aliases.add((s, o))
            elif p == KG.mentionedIn:
                index.mentioned[s].add(o)
            elif p in _FACTS or p in _ATTRIBUTES:
                index.claims.add((s, p, o))
            elif p in (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom, KG.evidence):
                statements[s][p] = o
            elif p in (DCTERMS.title, DCTERMS.issued, DCTERMS.publisher, KG.fileName):
                index.documents.setdefault(s, {})
                if p == KG.fileName:
                    index.documents[s].setdefault(p, set()).add(str(o))
                else:
                    index.documents[s][p] = o
        for st in statements.values():
            claim = (st.get(RDF.subject), st.get(RDF.predicate), st.get(RDF.object))
            if claim in index.claims:
                index.support[claim].add((st.get(PROV.wasDerivedFrom), str(st.get(KG.evidence, ""))))
        return index

    def label(self, node) -> str:
        if isinstance(node, Literal):
            return str(node)
        if node in self.documents:
            return str(self.documents[node].get(DCTERMS.title, "")) or _local(node)
        return str(self.labels.get(node, _local(node)))


def _local(iri) -> str:
    return re.split("[#/]", str(iri))[-1]


@dataclass
class Diff:
    old: GraphIndex
    new: GraphIndex
    changes: list[Change]

    def counts(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = defaultdict(int)
        for c in self.changes:
            out[(c.kind, c.sign)] += 1
        return out

    def summary(self) -> str:
        """``+5 documents, +12 entities, -1 fact …`` or ``no changes``."""
        counts = self.counts()
        parts = [f"{sign}{n} {kind}{'' if n == 1 else 's'}"
                 for kind in KINDS for sign in "+-~" if (n := counts.get((kind, sign), 0))]
        return ", ".join(parts).replace("entitys", "entities").replace("aliass", "aliases") \
            or "no changes"

    def label(self, change: Change, node) -> str:
        graph = self.old if change.sign == "-" else self.new
        return graph.label(node)


def diff_graphs(old: GraphIndex, new: GraphIndex) -> Diff:
    """Every change from ``old`` to ``new``, in a fixed order (kind, then
    subject label, predicate, object, sign)."""
    changes: list[Change] = []
    for sign, a, b in (("+", new, old), ("-", old, new)):
        for doc in sorted(set(a.documents) - set(b.documents)):
            changes.append(Change("document", sign, doc, RDF.type, KG.Document, (doc,)))
        for ent in sorted(set(a.types) - set(b.types)):
            changes.append(Change("entity", sign, ent, RDF.type, a.types[ent],
                                  tuple(sorted(a.mentioned.get(ent, ())))))
        for ent, alt in sorted(a.aliases - b.aliases):
            if ent in b.types:      # an alias of a new or removed entity comes with it
                fresh = a.mentioned.get(ent, set()) - b.mentioned.get(ent, set())
                changes.append(Change("alias", sign, ent, SKOS.altLabel, alt, tuple(sorted(fresh))))
        for claim in sorted(a.claims - b.claims):
            s, p, o = claim
            support = sorted(a.support.get(claim, ()), key=lambda x: (str(x[0]), x[1]))
            kind = "fact" if p in _FACTS else "attribute"
            changes.append(Change(kind, sign, s, p, o, tuple(dict.fromkeys(d for d, _ in support)),
                                  tuple(dict.fromkeys(e for _, e in support if e))))
    for ent in sorted(set(new.types) & set(old.types)):
        if new.types[ent] != old.types[ent]:
            changes.append(Change("entity", "~", ent, RDF.type, new.types[ent],
                                  tuple(sorted(new.mentioned.get(ent, ()))), previous=old.types[ent]))
    changes = _paired(changes)
    order = {k: i for i, k in enumerate(KINDS)}

    def key(c: Change):
        graph = old if c.sign == "-" else new
        return (order[c.kind], graph.label(c.subject), str(c.subject), str(c.predicate),
                graph.label(c.object), str(c.object), c.sign)

    return Diff(old, new, sorted(changes, key=key))


def _paired(changes: list[Change]) -> list[Change]:
    """One removed and one added value of the same attribute of the same
    thing (a release date corrected, a parameter count revised) become one
    ``~`` change; with more values on either side they stay separate."""
    sides: dict = defaultdict(lambda: {"+": [], "-": []})
    for c in changes:
        if c.kind == "attribute":
            sides[(c.subject, c.predicate)][c.sign].append(c)
    out = [c for c in changes if c.kind != "attribute"]
    for both in sides.values():
        if len(both["+"]) == 1 and len(both["-"]) == 1:
            new, old = both["+"][0], both["-"][0]
            out.append(Change("attribute", "~", new.subject, new.predicate, new.object,
                              new.sources, new.evidence, previous=old.object))
        else:
            out.extend(both["+"] + both["-"])
    return out


def graph_path(path: Path) -> Path:
    """A graph file, or the ``graph.ttl`` of a build folder."""
    path = Path(path)
    file = path / "graph.ttl" if path.is_dir() else path
    if not file.is_file():
        raise GraphNotFound(f"{file}: no such graph; give a graph file or a folder `kg build --out` "
                            "wrote")
    return file


def load_index(path: Path) -> GraphIndex:
    from kg.graph.store import load_graph

    return GraphIndex.of(load_graph(graph_path(path)))
