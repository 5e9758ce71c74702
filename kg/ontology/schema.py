"""The ontology (``ontology/kg.ttl``) as a small, typed, read-only schema.

``load_schema()`` parses the Turtle file once per path and answers the
questions the extractor asks: which classes exist, what a class's
superclasses are, and whether a relation accepts a subject and object
class. Classes and properties are named by their local names in the ``kg:``
namespace ("Company", "released").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from rdflib import OWL, RDF, RDFS, Graph
from rdflib.collection import Collection
from rdflib.term import Literal, Node, URIRef

from kg.errors import KGError
from kg.model import Mention
from kg.resources import ONTOLOGY_FILE
from kg.ontology.vocab import ENTITY_CLASSES, KG, RECORD_CLASSES, RELATIONS

_NS = str(KG._NS)
# kg: classes that are not entity classes, and object properties that are not relations
_NON_ENTITY_CLASSES = frozenset(RECORD_CLASSES)     # documents, conflicts, diff changes
_NON_RELATIONS = frozenset({"mentionedIn"})


@dataclass(frozen=True, eq=False)  # eq=False: hashable by identity despite its mappings
class Schema:
    """Classes, relations and labels of the kg ontology, by local name.

    An empty domain or range means the relation accepts any class. The
    underscored mappings are filled by ``load_schema``; read them through
    the methods. All mappings are read-only views: the schema is cached and
    shared.
    """

    classes: tuple[str, ...]
    symmetric: frozenset[str]
    subproperty_of: Mapping[str, str]
    _superclasses: Mapping[str, tuple[str, ...]]
    _domains: Mapping[str, frozenset[str]]
    _ranges: Mapping[str, frozenset[str]]
    _labels: Mapping[tuple[str, str], str]

    def superclasses(self, cls: str) -> tuple[str, ...]:
        """``cls`` first, then its kg: superclasses, nearest first."""
        try:
            return self._superclasses[cls]
        except KeyError:
            raise KGError(f"unknown class {cls!r}; the ontology declares: "
                          f"{', '.join(self.classes)}") from None

    def subclasses(self, cls: str) -> frozenset[str]:
        """``cls`` and every class below it (the class group of Organization,
        Place …): the one place the ontology's class groups come from."""
        self.superclasses(cls)
        return frozenset(c for c in self.classes if cls in self._superclasses[c])

    def domain(self, prop: str) -> frozenset[str]:
        """Classes the subject of a relation or attribute may have (empty: any)."""
        return self._relation(self._domains, prop)

    def range(self, prop: str) -> frozenset[str]:
        """Classes a relation's object may have (empty: any)."""
        return self._relation(self._ranges, prop)

    def accepts(self, prop: str, subject_cls: str, object_cls: str) -> bool:
        """Whether ``subject_cls prop object_cls`` fits the relation's domain
        and range, a class fitting when it or a superclass is listed."""
        return (_fits(self.superclasses(subject_cls), self.domain(prop))
                and _fits(self.superclasses(object_cls), self.range(prop)))

    def holds(self, prop: str, subject_cls: str) -> bool:
        """Whether a thing of ``subject_cls`` may have the relation or
        attribute ``prop`` (kg:releaseDate of a Product, not of a Company)."""
        return _fits(self.superclasses(subject_cls), self.domain(prop))

    @property
    def relations(self) -> tuple[str, ...]:
        return tuple(sorted(self._ranges))

    def accepts_mentions(self, prop: str, subject: Mention, obj: Mention,
                         subject_cls: str | None = None, object_cls: str | None = None) -> bool:
        """:meth:`accepts` for a fact between two mentions, of the mentions'
        classes or of the classes their nodes were given (``subject_cls``,
        ``object_cls``). A product the text names as its company
        (``as_company``: AI新创X, X创始人) acts as a company in the facts of
        that mention; a company named where its model or product is meant
        (``metonym``: 接入X) passes where a product is expected."""
        s_cls = _as_named(subject, subject_cls or subject.cls)
        o_cls = _as_named(obj, object_cls or obj.cls)
        if self.accepts(prop, s_cls, o_cls):
            return True
        return obj.metonym and o_cls == "Company" and self.accepts(prop, s_cls, "Product")

    def label(self, term: str, lang: str) -> str:
        """The ``rdfs:label`` of a class or property in ``lang`` ("en", "zh")."""
        try:
            return self._labels[term, lang]
        except KeyError:
            raise KGError(f"no @{lang} label for kg:{term} in the ontology; "
                          f"add rdfs:label \"…\"@{lang} to it in ontology/kg.ttl") from None

    def _relation(self, table: Mapping[str, frozenset[str]], prop: str) -> frozenset[str]:
        try:
            return table[prop]
        except KeyError:
            raise KGError(f"unknown relation {prop!r}; the ontology declares: "
                          f"{', '.join(sorted(table))}") from None


def _as_named(m: Mention, cls: str) -> str:
    return "Company" if cls == "Product" and m.as_company else cls


def _fits(classes: tuple[str, ...], allowed: frozenset[str]) -> bool:
    return not allowed or any(c in allowed for c in classes)


def load_schema(path: Path | str = ONTOLOGY_FILE) -> Schema:
    """Parse the ontology at ``path`` (cached per path).

    Raises ``KGError`` when the file is missing, is not Turtle, or lacks an
    entity class or relation that ``kg.ontology.vocab`` names.
    """
    return _load(Path(path))


@lru_cache(maxsize=8)
def _load(path: Path) -> Schema:
    if not path.is_file():
        raise KGError(f"ontology file {path} not found; restore ontology/kg.ttl "
                      "from the repository or pass the path of a kg ontology")
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise KGError(f"cannot parse the ontology {path} as Turtle ({exc}); "
                      "fix the syntax, e.g. with `python -m rdflib.tools.rdfpipe "
                      f"{path}`") from exc

    classes = sorted(_local_terms(graph, OWL.Class) - _NON_ENTITY_CLASSES)
    relations = sorted(_local_terms(graph, OWL.ObjectProperty) - _NON_RELATIONS)
    for kind, declared, expected in (("class", classes, ENTITY_CLASSES),
                                     ("relation", relations, RELATIONS)):
        if missing := sorted(set(expected) - set(declared)):
            raise KGError(f"the ontology {path} does not declare the {kind} "
                          f"{', '.join('kg:' + m for m in missing)}; add it, as "
                          "ONTOLOGY.md describes")

    return Schema(
        classes=tuple(classes),
        symmetric=frozenset(p for p in relations
                            if (_iri(p), RDF.type, OWL.SymmetricProperty) in graph),
        subproperty_of=MappingProxyType({
            p: _local(parent) for p in relations
            for parent in graph.objects(_iri(p), RDFS.subPropertyOf) if _local(parent)}),
        _superclasses=MappingProxyType({c: _ancestors(graph, c) for c in classes}),
        _domains=MappingProxyType({p: _classes(graph, _iri(p), RDFS.domain)
                                   for p in relations + sorted(_local_terms(graph, OWL.DatatypeProperty))}),
        _ranges=MappingProxyType({p: _classes(graph, _iri(p), RDFS.range) for p in relations}),
        _labels=MappingProxyType({
            (_local(s), o.language): str(o)
            for s, o in graph.subject_objects(RDFS.label)
            if _local(s) and isinstance(o, Literal) and o.language}),
    )


def _iri(name: str) -> URIRef:
    return URIRef(_NS + name)


def _local(node: Node) -> str:
    """Local name of a kg: IRI, or "" for anything else."""
    if isinstance(node, URIRef) and node.startswith(_NS):
        return node[len(_NS):]
    return ""


def _local_terms(graph: Graph, kind: URIRef) -> set[str]:
    return {name for s in graph.subjects(RDF.type, kind) if (name := _local(s))}


def _ancestors(graph: Graph, cls: str) -> tuple[str, ...]:
    """``cls`` and its transitive kg: superclasses, breadth first."""
    order, queue = [cls], [cls]
    while queue:
        parents = sorted(_local(o) for o in graph.objects(_iri(queue.pop(0)), RDFS.subClassOf))
        for parent in parents:
            if parent and parent not in order:
                order.append(parent)
                queue.append(parent)
    return tuple(order)


def _classes(graph: Graph, prop: URIRef, axis: URIRef) -> frozenset[str]:
    """kg: classes named by ``prop``'s domain or range (a class or an
    ``owl:unionOf`` list); empty when there is none."""
    return frozenset(name for value in graph.objects(prop, axis)
                     for member in _union_members(graph, value) if (name := _local(member)))


def _union_members(graph: Graph, node: Node) -> Iterator[Node]:
    union = graph.value(node, OWL.unionOf)
    if union is None:
        yield node
    else:
        yield from Collection(graph, union)
