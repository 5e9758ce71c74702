"""The graph obeys its ontology: no asserted triple outside a relation's
domain and range, judged by the classes of the resolved nodes.

The fact stage lets a name act in another class where the text says so (a
product named as its company, AI新创X, X创始人; a company named where its
model or product is meant, 接入X). Across the document set a node has one
class, so here each node whose facts do not all fit its class may take the
other of Company and Product when that fits more of its facts (a start-up
named after its product: Manus 创办人, Shopify 是 Graphite 的客户) — a
gazetteer company stays a company — and every fact that still does not fit
is left out."""

from __future__ import annotations

from collections import defaultdict

_OTHER = {"Product": "Company", "Company": "Product"}


def conform(facts: list, classes: dict[str, str], keyed, schema) -> tuple[list, dict[str, str]]:
    """``facts`` as (subject, predicate, object, fact) over node slugs,
    ``classes`` slug → class, ``keyed(slug)`` whether the gazetteer fixed
    the node's class. Returns the facts that fit and the classes changed."""
    cls = dict(classes)
    by_node = defaultdict(list)
    for f in facts:
        if not schema.accepts(f[1], cls[f[0]], cls[f[2]]):
            by_node[f[0]].append(f)
            by_node[f[2]].append(f)
    if not by_node:
        return facts, {}
    involved = defaultdict(list)
    for f in facts:
        for n in (f[0], f[2]):
            if n in by_node:
                involved[n].append(f)
    changed: dict[str, str] = {}
    for n in sorted(by_node):
        other = _OTHER.get(cls[n])
        if other is None or (cls[n] == "Company" and keyed(n)):
            continue
        now = sum(schema.accepts(f[1], cls[f[0]], cls[f[2]]) for f in involved[n])
        alt = {**cls, n: other}
        then = sum(schema.accepts(f[1], alt[f[0]], alt[f[2]]) for f in involved[n])
        if then > now:
            cls[n] = changed[n] = other
    return [f for f in facts if schema.accepts(f[1], cls[f[0]], cls[f[2]])], changed
