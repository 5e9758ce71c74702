"""SHACL shapes made from the ontology (``ontology/kg.ttl``), the constraints
``kg validate`` checks a graph against.

The shapes ship as ``kg/data/shapes.ttl``; :func:`ontology_shapes` makes them
again from the ontology (``kg validate --print-shapes``) and a test keeps
the shipped file equal to what it makes. What the shapes say:

* every entity (a node of an entity class) has exactly one ``rdf:type``,
  one of the entity classes; at least one ``rdfs:label``, at most one per
  language and at most one without a language; at least one
  ``kg:mentionedIn`` document;
* the subject of each relation and attribute has a class of its
  ``rdfs:domain`` (one result per subject), the object of each relation a
  class of its ``rdfs:range`` (one result per triple) (subclasses included: the shapes list them, so a data
  graph needs no ``rdfs:subClassOf`` triples and no inference);
* each attribute value has a datatype of its ``rdfs:range``;
* every asserted relation or attribute triple has an ``rdf:Statement``
  about it with ``kg:evidence`` (a SHACL-SPARQL constraint);
* statements and documents carry the provenance properties whose
  ``rdfs:domain`` they are, once each (``kg:role`` and ``kg:fileName``
  excepted), of the datatype of their ``rdfs:range``.

Shape IRIs are ``kgsh:NAME`` so the Turtle is the same every time.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, SH

from kg.errors import KGError
from kg.ontology.vocab import ATTRIBUTES, ENTITY_CLASSES, KG, RELATIONS, SHAPES
from kg.resources import ONTOLOGY_FILE

__all__ = ["evidence_query", "ontology_shapes", "shapes_turtle"]

_NS = str(KG._NS)
_OPTIONAL = frozenset({"role", "anchoredTo", "fetched"})   # statement and document properties that may be absent
_MANY = frozenset({"fileName"})          # … that may have several values
_BOUNDS = {                              # … and their bounds: (name, facets, message)
    "confidence": ("range", {"minInclusive": Literal(0), "maxInclusive": Literal(1)},
                   "kg:confidence is between 0 and 1"),
    "charStart": ("order", {"minInclusive": Literal(0), "lessThan": KG.charEnd},
                  "kg:charStart is at least 0 and less than kg:charEnd"),
    "sha256": ("hex", {"pattern": Literal("^[0-9a-f]{64}$")},
               "kg:sha256 is 64 lower-case hexadecimal digits"),
}


def shapes_turtle(ontology: Path = ONTOLOGY_FILE) -> bytes:
    """The shapes of :func:`ontology_shapes` as Turtle (the text of ``kg/data/shapes.ttl``)."""
    header = ("# SHACL shapes of the kg ontology, made from ontology/kg.ttl by\n"
              "# `kg validate --print-shapes` (do not edit: a test compares the two).\n")
    return header.encode("utf-8") + ontology_shapes(ontology).serialize(format="turtle",
                                                                        encoding="utf-8")


def ontology_shapes(ontology: Path = ONTOLOGY_FILE) -> Graph:
    """The shapes graph for the ontology at ``ontology``."""
    onto = _parse(Path(ontology))
    out = Graph()
    for prefix, ns in (("sh", SH), ("kgsh", SHAPES), ("kg", KG._NS), ("rdf", RDF),
                       ("rdfs", RDFS), ("xsd", XSD), ("prov", PROV)):
        out.bind(prefix, ns)
    _Builder(onto, out).build()
    return out


def evidence_query(prop: URIRef) -> str:
    """The SHACL-SPARQL select of the evidence constraint on ``prop`` (the
    path of its property shape): the values of ``$this`` that no statement
    with evidence is about."""
    return (f"SELECT $this ?value WHERE {{\n    $this $PATH ?value .\n"
            f"    FILTER NOT EXISTS {{\n        ?st {RDF.object.n3()} ?value ;\n"
            f"            {RDF.subject.n3()} $this ;\n            {RDF.predicate.n3()} {prop.n3()} ;\n"
            f"            {KG.evidence.n3()} ?evidence .\n    }}\n}}")


def _parse(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise KGError(f"cannot parse the ontology {path} as Turtle ({exc}); fix its syntax") from exc
    return graph


class _Builder:
    def __init__(self, onto: Graph, out: Graph):
        self.onto, self.out = onto, out

    # --- reading the ontology -------------------------------------------------
    def members(self, node) -> list:
        union = self.onto.value(node, OWL.unionOf)
        return [node] if union is None else list(Collection(self.onto, union))

    def axis(self, prop: str, axis: URIRef) -> list:
        """The classes or datatypes of a property's domain or range (empty: any)."""
        found = []
        for value in self.onto.objects(KG[prop], axis):
            found += self.members(value)
        return sorted(set(found))

    def below(self, classes: list) -> list[URIRef]:
        """Entity classes that are one of ``classes`` or below one of them."""
        wanted = set(classes)
        return [KG[c] for c in ENTITY_CLASSES
                if any(k in wanted for k in self.onto.transitive_objects(KG[c], RDFS.subClassOf))]

    def words(self, classes: list) -> str:
        return " or ".join(c.n3(self.out.namespace_manager) for c in classes)

    # --- writing shapes ---------------------------------------------------------
    def add(self, s, p, o):
        self.out.add((s, p, o))

    def listed(self, items) -> BNode:
        head = BNode()
        Collection(self.out, head, list(items))
        return head

    def node_shape(self, name: str, target: URIRef, focus) -> URIRef:
        shape = SHAPES[name]
        self.add(shape, RDF.type, SH.NodeShape)
        self.add(shape, target, focus)
        return shape

    def prop(self, shape: URIRef, name: str, path: URIRef, message: str, **facets) -> None:
        ps = SHAPES[name]
        self.add(shape, SH.property, ps)
        self.add(ps, RDF.type, SH.PropertyShape)
        self.add(ps, SH.path, path)
        self.add(ps, SH.message, Literal(message, lang="en"))
        for facet, value in sorted(facets.items()):
            if facet == "in_":
                self.add(ps, SH["in"], self.listed(value))
            elif facet == "datatypes":
                if len(value) == 1:
                    self.add(ps, SH.datatype, value[0])
                else:
                    options = []
                    for dt in value:
                        option = BNode()
                        self.add(option, SH.datatype, dt)
                        options.append(option)
                    self.add(ps, SH["or"], self.listed(options))
            elif isinstance(value, URIRef | Literal | BNode):
                self.add(ps, SH[facet], value)
            else:
                self.add(ps, SH[facet], Literal(value))

    def build(self) -> None:
        self.entities()
        for name in RELATIONS + ATTRIBUTES:
            self.asserted(name, is_relation=name in RELATIONS)
        self.provenance(RDF.Statement, "Statement", {"subject": RDF.subject,
                                                       "predicate": RDF.predicate,
                                                       "object": RDF.object,
                                                       "wasDerivedFrom": PROV.wasDerivedFrom})
        self.provenance(KG.Document, "Document", {})

    def entities(self) -> None:
        shape = SHAPES.Entity
        self.add(shape, RDF.type, SH.NodeShape)
        for cls in ENTITY_CLASSES:
            self.add(shape, SH.targetClass, KG[cls])
        self.prop(shape, "Entity-type", RDF.type, "an entity has exactly one class, an entity "
                  "class of the ontology", minCount=1, maxCount=1, in_=[KG[c] for c in ENTITY_CLASSES])
        self.prop(shape, "Entity-label", RDFS.label, "an entity has an rdfs:label, at most one "
                  "per language", minCount=1, uniqueLang=True, nodeKind=SH.Literal)
        plain = BNode()
        self.add(plain, SH.datatype, XSD.string)
        self.prop(shape, "Entity-plainLabel", RDFS.label, "an entity has at most one rdfs:label "
                  "without a language tag", qualifiedValueShape=plain, qualifiedMaxCount=1)
        self.prop(shape, "Entity-mentionedIn", KG.mentionedIn, "an entity is mentioned in at least "
                  "one kg:Document", minCount=1, **{"class": KG.Document})

    def asserted(self, name: str, *, is_relation: bool) -> None:
        """``kgsh:NAME`` on the subjects of the property (domain, datatype,
        evidence) and ``kgsh:NAME-object`` on the objects of a relation (range)."""
        shape = self.node_shape(name, SH.targetSubjectsOf, KG[name])
        domain = self.axis(name, RDFS.domain)
        if domain:
            self.prop(shape, f"{name}-subject-class", RDF.type,
                      f"the subject of kg:{name} is a {self.words(domain)}", in_=self.below(domain))
        values = self.axis(name, RDFS.range)
        if is_relation and values:     # on the values, so each triple is one result
            kinds = SHAPES[f"{name}-range"]
            self.add(kinds, RDF.type, SH.NodeShape)
            message = f"the object of kg:{name} is a {self.words(values)}"
            self.prop(kinds, f"{name}-range-class", RDF.type, message, in_=self.below(values))
            self.prop(shape, f"{name}-object", KG[name], message, node=kinds)
        elif values:
            self.prop(shape, f"{name}-datatype", KG[name],
                      f"a kg:{name} value is a {self.words(values)}", datatypes=values)
        self.evidence(shape, name)

    def evidence(self, shape: URIRef, name: str) -> None:
        message = f"a kg:{name} triple has no rdf:Statement with kg:evidence about it"
        self.prop(shape, f"{name}-evidence", KG[name], message, sparql=SHAPES[f"{name}-evidence-sparql"])
        check = SHAPES[f"{name}-evidence-sparql"]
        self.add(check, RDF.type, SH.SPARQLConstraint)
        self.add(check, SH.message, Literal(message, lang="en"))
        self.add(check, SH.select, Literal(evidence_query(KG[name])))

    def provenance(self, cls: URIRef, name: str, fixed: dict[str, URIRef]) -> None:
        shape = self.node_shape(name, SH.targetClass, cls)
        for local, path in fixed.items():
            facets = {"minCount": 1, "maxCount": 1}
            if local == "predicate":
                facets["in_"] = [KG[p] for p in RELATIONS + ATTRIBUTES]
            elif local == "wasDerivedFrom":
                facets["class"] = KG.Document
            elif local == "subject":
                facets["nodeKind"] = SH.IRI
            self.prop(shape, f"{name}-{local}", path, f"a {name.lower()} has exactly one "
                      f"{path.n3(self.out.namespace_manager)}", **facets)
        props = sorted(p[len(_NS):] for p in self.onto.subjects(RDFS.domain, cls)
                       if isinstance(p, URIRef) and p.startswith(_NS))
        for local in props:
            facets = {}
            if local not in _OPTIONAL:
                facets["minCount"] = 1
            if local not in _MANY:
                facets["maxCount"] = 1
            values = self.axis(local, RDFS.range)
            if values == [RDFS.Literal]:
                facets["nodeKind"] = SH.Literal
            elif values:
                facets["datatypes"] = values
            count = ("at most one" if local in _OPTIONAL else
                     "at least one" if local in _MANY else "exactly one")
            kind = f" ({self.words(values)})" if values else ""
            self.prop(shape, f"{name}-{local}", KG[local],
                      f"a {name.lower()} has {count} kg:{local}{kind}", **facets)
            if local in _BOUNDS:
                suffix, bounds, message = _BOUNDS[local]
                self.prop(shape, f"{name}-{local}-{suffix}", KG[local], message, **bounds)
