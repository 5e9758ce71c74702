"""A :class:`~kg.graph.diff.Diff` as readable lines (``table``), as JSON, or
as Turtle: one ``kg:Addition`` / ``kg:Removal`` statement node per change
(``rdf:subject``, ``rdf:predicate``, ``rdf:object``, the documents as
``prov:wasDerivedFrom``, the evidence as ``kg:evidence``, the labels of
the nodes it names). Every output is the same for the same two graphs."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.graph.diff import Change, Diff
from kg.graph.triples import serialize, text_literal
from kg.ontology.vocab import KG, STATEMENT

__all__ = ["DIFF_FORMATS", "render"]

DIFF_FORMATS = ("table", "json", "turtle")
_SHOWN_SOURCES = 3
_EVIDENCE_WIDTH = 90
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_PREDICATES = {RDF.type: "a", SKOS.altLabel: "alias"}
_CHANGE = {"+": "added", "-": "removed", "~": "changed"}


def render(diff: Diff, fmt: str) -> bytes:
    if fmt == "json":
        return (json.dumps(_json(diff), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "turtle":
        return serialize(_triples(diff))
    return ("\n".join(_lines(diff)) + "\n").encode("utf-8")


def _one_line(text: str, width: int | None = None) -> str:
    text = " ".join(_CONTROL.sub(" ", str(text)).split())
    return text if width is None or len(text) <= width else text[:width - 1] + "…"


def _predicate(p: URIRef) -> str:
    return _PREDICATES.get(p) or p.split("#")[-1]


def _object(diff: Diff, c: Change) -> str:
    if c.kind == "entity":
        return c.object.split("#")[-1]
    return diff.label(c, c.object)


def _document(diff: Diff, c: Change, doc) -> dict:
    graph = diff.old if c.sign == "-" else diff.new
    meta = graph.documents.get(doc, {})
    out = {"iri": str(doc), "title": str(meta.get(DCTERMS.title, ""))}
    for key, p in (("issued", DCTERMS.issued), ("publisher", DCTERMS.publisher)):
        if p in meta:
            out[key] = str(meta[p])
    out["files"] = sorted(meta.get(KG.fileName, ()))
    return out


def _lines(diff: Diff) -> list[str]:
    out = []
    for c in diff.changes:
        subject = _one_line(diff.label(c, c.subject))
        if c.kind == "document":
            doc = _document(diff, c, c.subject)
            about = " · ".join(x for x in (", ".join(doc["files"]), doc.get("issued", ""),
                                           _one_line(doc.get("publisher", ""))) if x)
            out.append(f"{c.sign} document   {subject}" + (f"  [{about}]" if about else ""))
            continue
        if c.kind == "entity" and c.previous is not None:
            what = f"{subject} ({c.previous.split('#')[-1]} → {_object(diff, c)})"
        elif c.kind == "entity":
            what = f"{subject} ({_object(diff, c)})"
        elif c.kind == "alias":
            what = f"{subject} = {_one_line(_object(diff, c))}"
        elif c.previous is not None:
            what = (f"{subject} {_predicate(c.predicate)} {_one_line(diff.label(c, c.previous))} "
                    f"→ {_one_line(_object(diff, c))}")
        else:
            what = f"{subject} {_predicate(c.predicate)} {_one_line(_object(diff, c))}"
        titles = [_one_line(diff.label(c, d)) for d in c.sources[:_SHOWN_SOURCES]]
        more = len(c.sources) - len(titles)
        line = f"{c.sign} {c.kind:<10} {what}"
        if titles:
            line += "  <- " + "; ".join(titles) + (f" (+{more} more)" if more > 0 else "")
        out.append(line)
        if c.evidence:
            out.append(f"      \u201c{_one_line(c.evidence[0], _EVIDENCE_WIDTH)}\u201d")
    out.append(f"{len(diff.changes)} change(s): {diff.summary()}")
    return out


def _json(diff: Diff) -> dict:
    changes = []
    for c in diff.changes:
        item = {"change": _CHANGE[c.sign], "kind": c.kind,
                "subject": {"iri": str(c.subject), "label": diff.label(c, c.subject)},
                "predicate": _predicate(c.predicate)}
        item["object"] = _value(diff, c, c.object)
        if c.previous is not None:
            item["previous"] = _value(diff, c, c.previous)
        item["documents"] = [_document(diff, c, d) for d in c.sources]
        item["evidence"] = list(c.evidence)
        changes.append(item)
    counts = {f"{kind}{sign}": n for (kind, sign), n in sorted(diff.counts().items())}
    return {"summary": diff.summary(), "counts": counts, "changes": changes}


def _value(diff: Diff, c: Change, node) -> dict:
    if isinstance(node, Literal):
        out = {"value": str(node)}
        if node.datatype:
            out["datatype"] = str(node.datatype)
        return out
    label = node.split("#")[-1] if c.kind == "entity" else diff.label(c, node)
    return {"iri": str(node), "label": label}


def _halves(changes):
    """A ``~`` change is written in Turtle as the removal of its old value
    and the addition of its new one."""
    for c in changes:
        if c.sign == "~":
            yield replace(c, sign="-", object=c.previous, previous=None)
            yield replace(c, sign="+", previous=None)
        else:
            yield c


def _triples(diff: Diff) -> set[tuple]:
    out: set[tuple] = set()
    add = out.add
    for c in _halves(diff.changes):
        key = "\x1f".join((c.sign, str(c.subject), str(c.predicate), str(c.object),
                           getattr(c.object, "datatype", None) or "", getattr(c.object, "language", None) or ""))
        st = STATEMENT["change-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]]
        add((st, RDF.type, KG.Addition if c.sign == "+" else KG.Removal))
        add((st, RDF.subject, c.subject))
        add((st, RDF.predicate, c.predicate))
        add((st, RDF.object, c.object))
        for node in (c.subject, c.object):
            if isinstance(node, URIRef) and c.kind != "entity" or node == c.subject:
                label = diff.label(c, node)
                if label:
                    add((node, DCTERMS.title if c.kind == "document" else RDFS.label,
                         text_literal(label)))
        for doc in c.sources:
            add((st, PROV.wasDerivedFrom, doc))
        for sentence in c.evidence:
            add((st, KG.evidence, Literal(sentence)))
    return out
