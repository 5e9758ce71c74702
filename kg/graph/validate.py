"""Check a graph against the ontology's SHACL shapes (``kg/data/shapes.ttl``,
made by :mod:`kg.ontology.shapes`).

Two engines read the same shapes file and find the same violations (a test
plants each kind and compares them):

* :func:`validate_graph` runs **pySHACL**, the full SHACL engine
  (``kg validate``); on the 466-article corpus graph it takes seconds;
* :func:`kg.graph.shapecheck.check_triples` interprets the constraint
  components the shapes use directly on a set of triples, in a fraction of
  a second: the check ``kg build`` runs on what it writes. A shape it does
  not know is an error, so a new kind of shape cannot be skipped silently.

A :class:`Violation` prints as one line: focus node, path, value, message.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.errors import KGError
from kg.ontology.vocab import PREFIXES, SHAPES
from kg.resources import data_path

__all__ = ["Violation", "load_shapes", "short", "summary", "validate_graph"]

SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True, order=True)
class Violation:
    focus: str          # the node, as kgr:x or <IRI>
    path: str           # the property, as kg:x
    value: str          # the offending value ("" when the count is wrong)
    shape: str          # the shape, as kgsh:x
    message: str

    def line(self) -> str:
        where = " ".join(part for part in (self.focus, self.path, self.value) if part)
        return f"{where}: {self.message} ({self.shape})"


def summary(violations: list[Violation]) -> str:
    """One line: how many violations of which shapes."""
    if not violations:
        return "the graph conforms to the ontology's shapes"
    shapes = Counter(v.shape for v in violations)
    kinds = ", ".join(f"{s} {n}" for s, n in sorted(shapes.items(), key=lambda kv: (-kv[1], kv[0])))
    n = len(violations)
    return f"{n} violation{'' if n == 1 else 's'} of the ontology's shapes ({kinds})"


def short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, base in sorted({**PREFIXES, "kgsh": str(SHAPES), "sh": str(SH)}.items(), key=lambda kv: -len(kv[1])):
            if term.startswith(base) and re.fullmatch(r"[\w.-]*", term[len(base):]):
                return f"{prefix}:{term[len(base):]}"
        return f"<{term}>"
    if isinstance(term, Literal):
        plain = term.n3()
        if term.datatype in _BARE and not plain.startswith('"'):
            return plain
        if term.datatype in _BARE:      # 2.0^^xsd:decimal is written "2.0"^^<…>
            return str(term)
        if term.datatype == XSD.string:     # as rdflib's own store gives it
            return Literal(str(term)).n3()
        return term.n3(_names())
    return f"_:{term}"


_BARE = {XSD.integer, XSD.decimal, XSD.boolean}


@functools.lru_cache(maxsize=1)
def _names():
    graph = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    return graph.namespace_manager


def load_shapes(path: Path | None = None) -> Graph:
    """The shapes graph: ``path``, or the one kg ships."""
    return _load_shapes(Path(path) if path else data_path(SHAPES_FILE))


@functools.lru_cache(maxsize=4)
def _load_shapes(path: Path) -> Graph:
    if not path.is_file():
        raise KGError(f"shapes file {path} not found; give a SHACL Turtle file")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise KGError(f"cannot parse the shapes {path} as Turtle ({exc}); fix its syntax") from exc


# --- pySHACL ----------------------------------------------------------------------

def validate_graph(graph: Graph, shapes: Graph | None = None) -> list[Violation]:
    """Every violation pySHACL finds, sorted."""
    import pyshacl

    shapes = load_shapes() if shapes is None else shapes
    try:
        _, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none",
                                        advanced=False, allow_warnings=True)
    except Exception as exc:  # pySHACL reports bad shapes with its own exception types
        raise KGError(f"pySHACL cannot use the shapes ({type(exc).__name__}: {exc}); "
                      "check the shapes file, e.g. with `kg validate --print-shapes`") from exc
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if (None, SH.detail, result) in report:
            continue                         # the nested reason of an sh:node result
        found.append(Violation(short(report.value(result, SH.focusNode)),
                               short(report.value(result, SH.resultPath)),
                               short(report.value(result, SH.value)),
                               short(report.value(result, SH.sourceShape)),
                               str(report.value(result, SH.resultMessage) or "")))
    return sorted(found)
