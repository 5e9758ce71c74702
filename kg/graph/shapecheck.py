"""The check ``kg build`` runs on the triples it writes: the constraint
components of the ontology's shapes (:mod:`kg.graph.validate`) interpreted
directly on a set of triples, a second for the corpus graph where pySHACL
takes ten or more. It finds what pySHACL finds (a test plants each kind of
violation and compares); a constraint it does not know is an error naming
the shape, never skipped."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from kg.errors import KGError
from kg.graph.validate import Violation, load_shapes, short
from kg.ontology.shapes import evidence_query
from kg.ontology.vocab import KG

__all__ = ["check_triples"]

_KNOWN = {SH.path, SH.message, SH.minCount, SH.maxCount, SH["in"], SH.datatype, SH["or"],
          SH.nodeKind, SH["class"], SH.uniqueLang, SH.qualifiedValueShape, SH.qualifiedMaxCount,
          SH.node, SH.minInclusive, SH.maxInclusive, SH.lessThan, SH.pattern, SH.sparql, RDF.type}


def check_triples(triples, shapes: Graph | None = None) -> list[Violation]:
    """The violations of ``triples`` (an iterable of (s, p, o)), sorted."""
    shapes = load_shapes() if shapes is None else shapes
    out: dict = {}
    subjects: dict = {}
    objects: dict = {}
    for s, p, o in triples:
        out.setdefault(s, {}).setdefault(p, []).append(o)
        subjects.setdefault(p, set()).add(s)
        objects.setdefault(p, set()).add(o)
        if p == RDF.type:
            subjects.setdefault(("a", o), set()).add(s)
    checker = _Checker(shapes, out)
    found = []
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        focus = set()
        for cls in shapes.objects(shape, SH.targetClass):
            focus |= subjects.get(("a", cls), set())
        for p in shapes.objects(shape, SH.targetSubjectsOf):
            focus |= subjects.get(p, set())
        for p in shapes.objects(shape, SH.targetObjectsOf):
            focus |= objects.get(p, set())
        for node in focus:
            found += checker.node(shape, node)
    return sorted(set(found))


class _Checker:
    def __init__(self, shapes: Graph, out: dict):
        self.shapes, self.out = shapes, out
        self.memo: dict = {}

    def cached(self, key, make):
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    def node(self, shape, node) -> list[Violation]:
        found = []
        for ps in self.cached((shape, SH.property), lambda: list(self.shapes.objects(shape, SH.property))):
            found += self.property(ps, node)
        return found

    def has_evidence(self, s, p, o) -> bool:
        """Whether a statement with kg:evidence is about (s, p, o)."""
        return (s, p, o) in self.cached("statements", self.statements)

    def statements(self) -> set[tuple]:
        about = (RDF.subject, RDF.predicate, RDF.object)
        return {(s, p, o) for props in self.out.values() if KG.evidence in props
                and all(k in props for k in about)
                for s in props[RDF.subject] for p in props[RDF.predicate] for o in props[RDF.object]}

    def property(self, ps, node) -> list[Violation]:
        f = self.cached(ps, lambda: _compile(self.shapes, ps))
        values = self.out.get(node, {}).get(f.path, [])
        if not values and f.min is None:
            return []
        bad: list = []
        if f.min is not None and len(values) < f.min:
            bad.append(None)
        if f.max is not None and len(values) > f.max:
            bad.append(None)
        if f.qualified is not None and sum(_datatype(v) == f.qualified for v in values) > f.qualified_max:
            bad.append(None)
        if f.unique_lang:
            langs = Counter(v.language for v in values if isinstance(v, Literal) and v.language)
            bad += [None for n in langs.values() if n > 1]
        bad += [v for v in values if not self.fits(f, v)]
        if f.evidence:
            bad += [v for v in values if not self.has_evidence(node, f.path, v)]
        if f.less_than is not None:
            others = self.out.get(node, {}).get(f.less_than, [])
            bad += [v for v in values for w in others if not _compare(v, w, lambda x, y: x < y)]
        return [Violation(short(node), short(f.path), short(v), short(ps), f.message) for v in bad]

    def fits(self, f: _Facets, v) -> bool:
        if f.in_ is not None and v not in f.in_:
            return False
        if f.datatypes is not None and _datatype(v) not in f.datatypes:
            return False
        if f.node_kind is not None and f.node_kind != isinstance(v, Literal):
            return False
        if f.cls is not None and f.cls not in self.out.get(v, {}).get(RDF.type, ()):
            return False
        if f.node is not None and self.node(f.node, v):
            return False
        if f.pattern is not None and not f.pattern.search(str(v)):
            return False
        if f.low is not None and not _compare(v, f.low, lambda x, y: x >= y):
            return False
        if f.high is not None and not _compare(v, f.high, lambda x, y: x <= y):
            return False
        return True


@dataclass
class _Facets:
    """A property shape's constraints, read once."""
    path: URIRef
    message: str
    min: int | None = None
    max: int | None = None
    in_: frozenset | None = None
    datatypes: frozenset | None = None
    node_kind: bool | None = None          # True: a literal, False: an IRI
    cls: URIRef | None = None
    node: URIRef | None = None
    pattern: re.Pattern | None = None
    low: Literal | None = None
    high: Literal | None = None
    less_than: URIRef | None = None
    unique_lang: bool = False
    qualified: URIRef | None = None
    qualified_max: int = 0
    evidence: bool = False                 # the evidence constraint of kg.ontology.shapes


def _compile(g: Graph, ps) -> _Facets:
    facets = dict(g.predicate_objects(ps))
    if unknown := set(facets) - _KNOWN:
        raise KGError(f"{short(ps)}: the fast check does not know "
                      f"{', '.join(sorted(short(u) for u in unknown))}; run `kg validate` "
                      "without --fast (pySHACL)")
    get = facets.get
    number = (lambda key: None if get(key) is None else int(get(key)))
    f = _Facets(path=facets[SH.path], message=str(get(SH.message) or ""),
                min=number(SH.minCount), max=number(SH.maxCount), cls=get(SH["class"]),
                node=get(SH.node), low=get(SH.minInclusive), high=get(SH.maxInclusive),
                less_than=get(SH.lessThan), unique_lang=get(SH.uniqueLang) == Literal(True))
    if SH["in"] in facets:
        f.in_ = frozenset(Collection(g, facets[SH["in"]]))
    if SH.datatype in facets:
        f.datatypes = frozenset([facets[SH.datatype]])
    if SH["or"] in facets:
        f.datatypes = frozenset(g.value(o, SH.datatype) for o in Collection(g, facets[SH["or"]]))
    if SH.nodeKind in facets:
        f.node_kind = {SH.Literal: True, SH.IRI: False}[facets[SH.nodeKind]]
    if SH.pattern in facets:
        f.pattern = re.compile(str(facets[SH.pattern]))
    if SH.sparql in facets:
        check = facets[SH.sparql]
        if str(g.value(check, SH.select)) != evidence_query(f.path):
            raise KGError(f"{short(check)}: the fast check knows only the evidence constraint "
                          "of kg.ontology.shapes; run `kg validate` without --fast (pySHACL)")
        f.evidence = True
    if SH.qualifiedValueShape in facets:
        f.qualified = g.value(facets[SH.qualifiedValueShape], SH.datatype)
        f.qualified_max = number(SH.qualifiedMaxCount)
    return f


def _datatype(v):
    """The datatype SHACL sees (None for an IRI or an ill-typed literal)."""
    if not isinstance(v, Literal) or getattr(v, "ill_typed", False):
        return None
    if v.language:
        return RDF.langString
    return v.datatype or XSD.string


def _compare(a, b, ok) -> bool:
    if not (isinstance(a, Literal) and isinstance(b, Literal)):
        return False
    try:
        return bool(ok(a.toPython(), b.toPython()))
    except TypeError:
        return False

