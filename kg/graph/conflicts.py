"""Conflicting claims: where documents disagree about a thing's functional
attribute (release date, parameter count, active parameters, training
cost, founding year) or about who released a model, the graph gets one
``kg:Conflict`` node linking the thing (``kg:conflictAbout``), the
property (``kg:conflictProperty``) and the statement node of every value
(``kg:claim``; each names its document with ``prov:wasDerivedFrom``).

Documents disagree when one states a value and not the other's, and the
other the other value and not the first's: an article that lists a
model's 7B and 70B sizes disagrees with nobody, and two articles that
both list them agree. A month and a day inside it (2025-03, 2025-03-05)
agree. Two organisations where one is a subsidiary of the other both
releasing a model agree."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import combinations

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from kg.ontology.vocab import KG, STATEMENT

__all__ = ["FUNCTIONAL", "conflict_triples"]

#: the attributes a thing has one value of
FUNCTIONAL = ("releaseDate", "parameterCount", "activeParameterCount", "trainingCostUSD", "foundedYear")
_FUNCTIONAL = {KG[p] for p in FUNCTIONAL}
_PARTS = {RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom}


def conflict_triples(triples) -> set[tuple]:
    """The conflict nodes of a graph given as (s, p, o) triples."""
    statements: dict = defaultdict(dict)
    models, parents = set(), set()
    for s, p, o in triples:
        if p in _PARTS:
            statements[s][p] = o
        elif p == RDF.type and o == KG.AIModel:
            models.add(s)
        elif p == KG.subsidiaryOf:
            parents.add((s, o))
    # (thing, property) → value → {statement: document}
    claims: dict = defaultdict(lambda: defaultdict(dict))
    for st, parts in statements.items():
        p, s, o, doc = (parts.get(k) for k in (RDF.predicate, RDF.subject, RDF.object, PROV.wasDerivedFrom))
        if doc is None or s is None or o is None:
            continue
        if p in _FUNCTIONAL and isinstance(o, Literal):
            claims[(s, p)][o][st] = doc
        elif p == KG.released and o in models:
            claims[(o, p)][s][st] = doc
    out: set[tuple] = set()
    for (thing, prop), values in claims.items():
        if len(values) < 2 or not _disagree(prop, values, parents):
            continue
        node = STATEMENT["conflict-" + hashlib.sha256(f"{thing}\x1f{prop}".encode("utf-8")).hexdigest()[:20]]
        out.add((node, RDF.type, KG.Conflict))
        out.add((node, KG.conflictAbout, thing))
        out.add((node, KG.conflictProperty, prop))
        for sts in values.values():
            for st in sts:
                out.add((node, KG.claim, st))
    return out


def _disagree(prop: URIRef, values: dict, parents: set) -> bool:
    docs = {v: set(sts.values()) for v, sts in values.items()}
    for a, b in combinations(sorted(values, key=str), 2):
        if _agree(prop, a, b, parents):
            continue
        only_a = docs[a] - docs[b]
        only_b = docs[b] - docs[a]
        if only_a and only_b:
            return True
    return False


def _agree(prop: URIRef, a, b, parents: set) -> bool:
    if prop == KG.released:
        return (a, b) in parents or (b, a) in parents
    if prop == KG.releaseDate:      # a month and a day of it
        x, y = sorted((str(a), str(b)), key=len)
        return x == y or (len(x) < len(y) and y.startswith(x + "-"))
    return a == b
