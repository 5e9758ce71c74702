"""Read a gold folder and score a graph against it (``kg eval``) by the gold README's rules.
Output nodes are identified against every gold entity; the document subset decides which gold
rows and output facts are scored. Data types and the text form: :mod:`kg.eval.report`."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

import rdflib
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import PROV, SKOS

from kg.graph.labels import pick_label
from kg.errors import GoldFormatError
from kg.eval.report import (AttributeRow, EntityScore, Evidence, Gold, GoldAttribute,
                            GoldEntity, GoldTriple, NodeRow, Report, Score, TripleRow,
                            format_report)
from kg.ontology.vocab import ATTRIBUTES, ENTITY_CLASSES, KG, RELATIONS
from kg.text.normalize import t2s_converter

__all__ = ["Gold", "GoldAttribute", "GoldEntity", "GoldTriple", "Report", "evaluate",
           "format_report", "load_gold", "normalize_name"]

# a node typed with a direct superclass of a gold class counts as typed
_SUPERCLASS = {"Company": "Organization", "GovernmentBody": "Organization",
               "Country": "Place", "City": "Place"}
_NUMERIC = ("parameterCount", "activeParameterCount", "trainingCostUSD")
_NUMBER = re.compile(r"[+-]?\d+(\.\d*)?([eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_PUNCT = str.maketrans("", "", "-_.·・'\"“”《》「」()（）")


_STEPS = (  # tiny pure steps, applied in order
    lambda text: unicodedata.normalize("NFKC", text),
    lambda text: t2s_converter().convert(text),     # the text stage's OpenCC t2s
    str.lower,
    lambda text: "".join(text.translate(_PUNCT).split()),
)


def normalize_name(text: str) -> str:
    """The form names are matched in: NFKC, Simplified, lower case, no
    white space, none of ``- _ . · ・ ' " “ ” 《 》 「 」 ( ) （ ）``."""
    for step in _STEPS:
        text = step(text)
    return text


def _value(prop: str, text: str) -> str:
    """A value's lexical form as compared: numbers as plain integers."""
    text = text.strip()
    if prop in _NUMERIC and _NUMBER.fullmatch(text) and Decimal(text) == int(Decimal(text)):
        return str(int(Decimal(text)))
    return text


# --- gold ------------------------------------------------------------------
def _split(text: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(sep) if part.strip())


def _within(text: str, allowed) -> bool:
    return bool(_split(text)) and all(part in allowed for part in _split(text))


# per file: (column, name, check(cells, known entity ids), what is expected)
_DOC = (0, "doc", lambda c, _: bool(c[0]), "a doc id")
_STATUS = (4, "status", lambda c, _: c[4] in ("req", "opt", "neg"), "req, opt or neg")
_CHECKS = {
    "entities.tsv": (
        (0, "id", lambda c, known: bool(c[0]) and c[0] not in known, "a new, non-empty id"),
        (1, "class", lambda c, _: _within(c[1], ENTITY_CLASSES),
         "classes of " + ", ".join(ENTITY_CLASSES) + ", alternatives joined by |"),
        (2, "label", lambda c, _: bool(c[2]), "the entity's name"),
        (4, "status", lambda c, _: c[4] in ("req", "opt"), "req or opt"),
        (5, "docs", lambda c, _: bool(_split(c[5], ",")), "doc ids joined by ,")),
    "triples.tsv": (
        _DOC,
        (1, "subject", lambda c, known: _within(c[1], known), "entity ids joined by |"),
        (2, "predicate", lambda c, _: c[2] in RELATIONS, "one of " + ", ".join(RELATIONS)),
        (3, "object", lambda c, known: _within(c[3], known), "entity ids joined by |"),
        _STATUS),
    "attributes.tsv": (
        _DOC,
        (1, "entity", lambda c, known: c[1] in known, "an id of entities.tsv"),
        (2, "property", lambda c, _: c[2] in ATTRIBUTES, "one of " + ", ".join(ATTRIBUTES)),
        (3, "value", lambda c, _: bool((c[3].isdigit() and c[2] in _NUMERIC)
                                       or (_DATE.fullmatch(c[3]) and c[2] not in _NUMERIC)),
         "a plain integer (7B → 7000000000) or an ISO date (2024-03-05, 2024-03 or 2024)"),
        _STATUS),
}


def _rows(folder: Path, name: str, known: dict) -> Iterator[list[str]]:
    """The checked rows of one gold file, as lists of six cells."""
    path = folder / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"cannot read {path} ({exc}); a gold folder holds UTF-8 "
                              "entities.tsv, triples.tsv and attributes.tsv") from exc
    for lineno, line in enumerate(lines, 1):
        cells = [cell.strip() for cell in line.split("\t")]
        if line.startswith("#") or not line.strip():
            continue
        if len(cells) != 6:
            raise GoldFormatError(f"{path}:{lineno}: {len(cells)} tab-separated columns; "
                                  "expected 6, as in the header line")
        for col, column, check, expected in _CHECKS[name]:
            if not check(cells, known):
                raise GoldFormatError(f"{path}:{lineno}: {column} {cells[col]!r}; "
                                      f"expected {expected}")
        yield cells


def load_gold(folder: Path) -> Gold:
    """Read ``entities.tsv``, ``triples.tsv`` and ``attributes.tsv``; a row
    that does not follow the format raises :class:`GoldFormatError`."""
    entities: dict[str, GoldEntity] = {}
    for c in _rows(Path(folder), "entities.tsv", entities):
        entities[c[0]] = GoldEntity(c[0], _split(c[1]), c[2], _split(c[3]), c[4], _split(c[5], ","))
    triples = tuple(GoldTriple(c[0], _split(c[1]), c[2], _split(c[3]), c[4], c[5])
                    for c in _rows(Path(folder), "triples.tsv", entities))
    attributes = tuple(GoldAttribute(c[0], c[1], c[2], _value(c[2], c[3]), c[4], c[5])
                       for c in _rows(Path(folder), "attributes.tsv", entities))
    docs = {d for e in entities.values() for d in e.docs} | {r.doc for r in triples + attributes}
    return Gold(entities, triples, attributes, tuple(sorted(docs)))


# --- scoring ---------------------------------------------------------------
def _doc_ids(file_name: str) -> set[str]:
    """The gold doc ids a file name answers to (``000_ab.txt`` → ``000``, …)."""
    return {file_name[:i] for i, ch in enumerate(file_name) if ch in "_." and i}


def _satisfies(pred: str, subj: set[str], obj: set[str], gold: GoldTriple) -> bool:
    """Whether an output triple, its ends mapped to gold ids, satisfies a gold row."""
    gs, go = set(gold.subjects), set(gold.objects)
    if gold.predicate == "comparedTo" and pred in ("comparedTo", "outperforms"):
        return bool((subj & gs and obj & go) or (subj & go and obj & gs))
    return pred == gold.predicate and bool(subj & gs and obj & go)


class _Scorer:
    """The graph read once; one method per part of the report."""

    def __init__(self, gold: Gold, graph: rdflib.Graph, docs: Iterable[str] | None):
        self.gold, self.graph = gold, graph
        self.files = {node: sorted(map(str, graph.objects(node, KG.fileName)))
                      for node in set(graph.subjects(KG.fileName))}
        ids = {node: set().union(*map(_doc_ids, names)) for node, names in self.files.items()}
        if docs is not None:
            self.subset = {d.strip() for d in docs if d.strip()}
        else:   # a graph without documents is scored on every gold doc
            self.subset = set(gold.docs) & set().union(*ids.values()) if ids else set(gold.docs)
        self.doc_nodes = {node for node, i in ids.items() if i & self.subset}
        self.classes: dict = {}
        for cls in ENTITY_CLASSES:
            for node in graph.subjects(RDF.type, getattr(KG, cls)):
                self.classes.setdefault(node, set()).add(cls)
        index: dict[str, set[str]] = {}
        for e in gold.entities.values():
            for name in (e.label, *e.aliases):
                index.setdefault(normalize_name(name), set()).add(e.id)
        self.gold_of = {n: set().union(*(index.get(normalize_name(name), set()) for name in (
            *graph.objects(n, RDFS.label), *graph.objects(n, SKOS.altLabel))))
            for n in self.classes}
        self.nodes = sorted(self.classes, key=self.label)
        self.statements: dict = {}
        for st in graph.subjects(RDF.type, RDF.Statement):
            s, p, o = (graph.value(st, term) for term in (RDF.subject, RDF.predicate, RDF.object))
            key = (s, p, _value(str(p).rpartition("#")[2], o) if isinstance(o, Literal) else o)
            sentence = str(graph.value(st, KG.evidence) or "")
            for doc in list(graph.objects(st, PROV.wasDerivedFrom)) or [None]:
                self.statements.setdefault(key, set()).add((doc, sentence))

    def label(self, node) -> str:
        label = pick_label(self.graph.objects(node, RDFS.label))     # the canonical one, not @en
        names = [label] if label is not None else [
            *self.graph.objects(node, SKOS.altLabel)] or [re.split(r"[/#]", node)[-1]]
        return min(map(str, names))

    def _kept(self, key) -> bool:
        """Whether an output fact is stated in the subset (or has no provenance)."""
        docs = {doc for doc, _ in self.statements.get(key, ()) if doc is not None}
        return not docs or bool(docs & self.doc_nodes)

    def _file(self, doc) -> str:  # a document's file name, a subset one first
        names = sorted(self.files.get(doc, ()), key=lambda n: (not _doc_ids(n) & self.subset, n))
        return names[0] if names else "" if doc is None else self.label(doc)

    def _triple_row(self, s, name: str, o, gold: GoldTriple | None) -> TripleRow:
        evidence = {Evidence(self._file(doc), sentence) for doc, sentence
                    in self.statements.get((s, getattr(KG, name), o), ())
                    if doc is None or doc in self.doc_nodes}
        return TripleRow(self.label(s), name, self.label(o), tuple(sorted(evidence)),
                         Evidence(gold.doc, gold.evidence) if gold else None)

    def _node_row(self, node) -> NodeRow:
        return NodeRow(self.label(node), tuple(sorted(self.classes[node])), str(node),
                       tuple(sorted(self.gold.entities[g].label for g in self.gold_of[node])),
                       tuple(sorted({self._file(d) for d in self.graph.objects(node, KG.mentionedIn)
                                     if d in self.doc_nodes})))

    def entities(self) -> dict:
        mentions = (None, KG.mentionedIn, None) in self.graph
        out = [n for n in self.nodes if not mentions
               or any(d in self.doc_nodes for d in self.graph.objects(n, KG.mentionedIn))]
        scored = [e for e in self.gold.entities.values() if set(e.docs) & self.subset]
        nodes_of = {e.id: [n for n in out if e.id in self.gold_of[n]] for e in scored}
        req = [e for e in scored if e.status == "req"]
        found = [e for e in req if nodes_of[e.id]]
        typed = [e for e in found if any(self.classes[n] & (set(e.classes) | {
            _SUPERCLASS.get(c) for c in e.classes}) for n in nodes_of[e.id])]
        dups = [e for e in scored if len(nodes_of[e.id]) > 1]

        def gold_row(e: GoldEntity) -> NodeRow:
            nodes = [f"{self.label(n)} ({'|'.join(sorted(self.classes[n]))})" for n in nodes_of[e.id]]
            return NodeRow(e.label, e.classes, "", tuple(nodes), e.docs)

        return dict(
            entities=EntityScore(len(out), sum(bool(self.gold_of[n]) for n in out), len(req),
                                 len(found), len(typed), len(dups)),
            missed_entities=[gold_row(e) for e in req if not nodes_of[e.id]],
            wrong_type_entities=[gold_row(e) for e in found if e not in typed],
            duplicate_entities=[gold_row(e) for e in dups],
            false_positive_entities=[self._node_row(n) for n in out if not self.gold_of[n]],
            over_merged_nodes=[self._node_row(n) for n in out if len(self.gold_of[n]) > 1])

    def relations(self) -> dict:
        out = [(s, name, o) for name in RELATIONS
               for s, o in self.graph.subject_objects(getattr(KG, name))
               if s in self.classes and o in self.classes and self._kept((s, getattr(KG, name), o))]
        out.sort(key=lambda t: (t[1], self.label(t[0]), self.label(t[2])))
        scored = [t for t in self.gold.triples if t.doc in self.subset]
        counts = {k: Counter() for k in ("out", "correct", "req", "found")}
        matched, rows = set(), {"neg": [], "fp": [], "missed": []}
        for s, name, o in out:
            hits = [i for i, t in enumerate(scored) if t.predicate in (name, "comparedTo")
                    and _satisfies(name, self.gold_of[s], self.gold_of[o], t)]
            good = [i for i in hits if scored[i].status != "neg"]
            matched.update(good)
            counts["out"][name] += 1
            counts["correct"][name] += bool(good)
            if not good:
                rows["neg" if hits else "fp"].append(
                    self._triple_row(s, name, o, scored[hits[0]] if hits else None))
        for i, t in enumerate(scored):
            if t.status == "req":
                counts["req"][t.predicate] += 1
                counts["found"][t.predicate] += i in matched
                if i not in matched:
                    subj, obj = ("|".join(self.gold.entities[e].label for e in ids)
                                 for ids in (t.subjects, t.objects))
                    rows["missed"].append(TripleRow(subj, t.predicate, obj, (),
                                                    Evidence(t.doc, t.evidence)))
        return dict(relations=Score(*(sum(counts[k].values()) for k in counts)),
                    per_predicate={r: Score(*(counts[k][r] for k in counts)) for r in RELATIONS},
                    neg_asserted=rows["neg"], false_positive_triples=rows["fp"],
                    missed_triples=rows["missed"])

    def attributes(self) -> dict:
        values: dict[tuple, set[str]] = {}
        for name in ATTRIBUTES:
            for s, lit in self.graph.subject_objects(getattr(KG, name)):
                value = _value(name, lit)
                if (s in self.classes and isinstance(lit, Literal)
                        and self._kept((s, getattr(KG, name), value))):
                    values.setdefault((s, name), set()).add(value)
        scored = [a for a in self.gold.attributes if a.doc in self.subset]
        good = {(a.entity, a.property, a.value) for a in scored if a.status != "neg"}
        correct = sum(any((g, name, v) in good for g in self.gold_of[s])
                      for (s, name), vs in values.items() for v in vs)
        req, missed = [a for a in scored if a.status == "req"], []
        for a in req:
            has = sorted({v for n in self.nodes if a.entity in self.gold_of[n]
                          for v in values.get((n, a.property), ())})
            if a.value not in has:
                missed.append(AttributeRow(self.gold.entities[a.entity].label, a.property,
                                           a.value, Evidence(a.doc, a.evidence), tuple(has)))
        return dict(attributes=Score(sum(map(len, values.values())), correct, len(req),
                                     len(req) - len(missed)), missed_attributes=missed)


def evaluate(gold: Gold, graph: rdflib.Graph, docs: Iterable[str] | None = None) -> Report:
    """Score ``graph`` on ``docs`` (default: the gold docs the graph contains;
    every gold doc when the graph has no document nodes)."""
    scorer = _Scorer(gold, graph, docs)
    return Report(docs=sorted(scorer.subset), **scorer.entities(), **scorer.relations(),
                  **scorer.attributes())
