"""A graph for the tools analysts use: ``graphml`` and ``gexf`` (Gephi,
Cytoscape, yEd; written with networkx), ``csv`` (the node and relationship
files ``neo4j-admin database import`` reads), ``jsonld`` and ``ntriples``
(every triple, for RDF and JSON-LD consumers).

The network formats hold the entities (id = IRI; label, class, aliases,
attributes, number of documents) and one edge per asserted relation (the
relation, how many statements back it, their best confidence, one evidence
sentence, the documents). Every output is deterministic: the same graph
gives the same bytes."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

import rdflib
from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.errors import KGError
from kg.graph.labels import pick_label
from kg.ontology.schema import load_schema
from kg.ontology.vocab import ATTRIBUTES, ENTITY_CLASSES, KG, PREFIXES, RELATIONS

__all__ = ["EXPORTS", "Network", "export", "network", "plain_strings"]

EXPORTS = ("graphml", "gexf", "csv", "jsonld", "ntriples")
SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "jsonld": ".jsonld", "ntriples": ".nt"}
NODES_CSV, RELATIONSHIPS_CSV = "nodes.csv", "relationships.csv"
# neo4j-admin property types of the attributes; a month (2025-05) is no Neo4j date, so dates are strings
_NEO4J_TYPES = {"parameterCount": "long", "activeParameterCount": "long",
                "trainingCostUSD": "long", "foundedYear": "int", "releaseDate": "string"}


@dataclass
class Network:
    """Entities and the relations between them, sorted."""
    nodes: dict[str, dict] = field(default_factory=dict)         # IRI → properties
    edges: list[tuple[str, str, str, dict]] = field(default_factory=list)   # (s, o, relation, props)


def network(graph: rdflib.Graph) -> Network:
    """The entities of ``graph`` and its asserted relations, with their evidence."""
    classes = {KG[c]: c for c in ENTITY_CLASSES}
    net = Network()
    for s, c in sorted(graph.subject_objects(RDF.type)):
        if c in classes and isinstance(s, URIRef) and str(s) not in net.nodes:
            labels = list(graph.objects(s, RDFS.label))
            english = pick_label(labels, "en")
            props = {"label": str(pick_label(labels) or s),
                     "label_en": str(english) if english is not None else "", "class": classes[c],
                     "aliases": "; ".join(sorted({str(v) for v in graph.objects(s, SKOS.altLabel)})),
                     "documents": len(set(graph.objects(s, KG.mentionedIn)))}
            for name in ATTRIBUTES:
                values = sorted(graph.objects(s, KG[name]))
                if values:
                    value = values[0].toPython() if isinstance(values[0], Literal) else None
                    props[name] = value if isinstance(value, int) and not isinstance(value, bool) \
                        else str(values[0])
            net.nodes[str(s)] = props
    evidence: dict[tuple, list] = {}
    for st in graph.subjects(RDF.type, RDF.Statement):
        key = (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        evidence.setdefault(key, []).append(st)
    for name in RELATIONS:
        for s, o in sorted(graph.subject_objects(KG[name])):
            if str(s) not in net.nodes or str(o) not in net.nodes:
                continue
            statements = evidence.get((s, KG[name], o), [])
            sentences = sorted(str(v) for st in statements for v in graph.objects(st, KG.evidence))
            confidences = [float(v) for st in statements for v in graph.objects(st, KG.confidence)
                           if isinstance(v, Literal)]
            docs = sorted({str(v) for st in statements for v in graph.objects(st, PROV.wasDerivedFrom)})
            net.edges.append((str(s), str(o), name, {
                "relation": name, "label": load_schema().label(name, "en"),
                "statements": len(statements),
                "confidence": round(max(confidences), 3) if confidences else 0.0,
                "evidence": sentences[0] if sentences else "", "documents": "; ".join(docs)}))
    return net


def export(graph: rdflib.Graph, to: str) -> dict[str, bytes]:
    """File name → bytes of ``graph`` exported ``to`` one of :data:`EXPORTS`
    (names are ``graph.SUFFIX``, or the two CSV files)."""
    if to not in EXPORTS:
        raise KGError(f"unknown export {to!r}; use one of {', '.join(EXPORTS)}")
    if to == "ntriples":
        return {"graph.nt": _ntriples(graph)}
    if to == "jsonld":
        return {"graph.jsonld": _jsonld(graph)}
    net = network(graph)
    if to == "csv":
        return _neo4j(net)
    return {f"graph{SUFFIXES[to]}": _networkx_file(net, to)}


def plain_strings(graph):
    """The triples, an ``xsd:string`` literal written plain (the same in RDF 1.1;
    Oxigraph gives the datatype, rdflib does not), so both stores export alike."""
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        yield s, p, o


def _ntriples(graph: rdflib.Graph) -> bytes:
    out = rdflib.Graph()
    for t in plain_strings(graph):
        out.add(t)
    lines = sorted(set(out.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()))
    return ("\n".join(line for line in lines if line.strip()) + "\n").encode("utf-8")


def _jsonld(graph: rdflib.Graph) -> bytes:
    """Every subject as a node object, sorted, with the prefixes as its @context."""
    out = rdflib.Graph(store="Memory")
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    for t in sorted(plain_strings(graph), key=lambda t: tuple(x.n3() for x in t)):
        out.add(t)
    data = json.loads(out.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    doc = {"@context": dict(sorted(PREFIXES.items())), "@graph": sorted(nodes, key=lambda n: n["@id"])}
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _networkx_file(net: Network, to: str) -> bytes:
    import networkx as nx

    g = nx.MultiDiGraph()
    for iri, props in net.nodes.items():
        g.add_node(iri, **props)
    for s, o, name, props in net.edges:
        g.add_edge(s, o, key=name, **props)
    if to == "graphml":
        return ("\n".join(nx.generate_graphml(g)) + "\n").encode("utf-8")
    text = "\n".join(nx.generate_gexf(g)) + "\n"
    return re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1).encode("utf-8")   # not today's date


def _neo4j(net: Network) -> dict[str, bytes]:
    """``nodes.csv`` and ``relationships.csv`` with the headers of
    ``neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv``:
    ``iri:ID``, ``:LABEL`` (the class and its superclasses, ``;``-separated),
    typed properties; ``:START_ID``, ``:END_ID``, ``:TYPE`` (the relation)."""
    schema = load_schema()
    present = [a for a in ATTRIBUTES if any(a in p for p in net.nodes.values())]
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["iri:ID", "name", "name_en", "aliases:string[]", "documents:int", ":LABEL"]
               + [f"{a}:{_NEO4J_TYPES[a]}" for a in present])
    for iri, p in net.nodes.items():
        labels = ";".join(sorted(schema.superclasses(p["class"])))
        w.writerow([iri, p["label"], p["label_en"], p["aliases"].replace("; ", ";"), p["documents"], labels]
                   + [p.get(a, "") for a in present])
    rels = io.StringIO()
    w = csv.writer(rels, lineterminator="\n")
    w.writerow([":START_ID", ":END_ID", ":TYPE", "statements:int", "confidence:float",
                "evidence", "documents:string[]"])
    for s, o, name, p in net.edges:
        w.writerow([s, o, name, p["statements"], p["confidence"], p["evidence"],
                    p["documents"].replace("; ", ";")])
    return {NODES_CSV: nodes.getvalue().encode("utf-8"),
            RELATIONSHIPS_CSV: rels.getvalue().encode("utf-8")}
