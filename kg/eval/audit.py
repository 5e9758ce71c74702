"""Precision without gold (``kg audit``): a judging sheet of facts and
entity nodes sampled from a graph, and the tally of a judged sheet.

The sheet is TSV with a header row. Each row is one asserted fact (one
distinct ``subject predicate object``, shown with one of its evidence
sentences) or one entity node, sampled per relation and per class with a
seeded random generator, so the same graph and seed give the same sheet.
A judge fills ``verdict`` (``correct``, ``wrong`` or ``debatable``) and,
for a wrong row, optionally ``error`` (a short class such as ``type``,
``subject``, ``object``, ``not-stated``, ``hedged``, ``boundary``).

The tally gives precision per relation, per class and overall: correct /
(correct + wrong) with debatable rows left out, and the strict figure that
counts them as wrong, each with a 95 % Wilson interval."""

from __future__ import annotations

import csv
import io
import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV, SKOS

from kg.graph.labels import pick_label
from kg.errors import InputError
from kg.ontology.vocab import ENTITY_CLASSES, KG, RELATIONS

COLUMNS = ("id", "kind", "stratum", "subject", "predicate", "object", "evidence", "before",
           "file", "start", "end", "verdict", "error", "note")
VERDICTS = ("correct", "wrong", "debatable")


@dataclass(frozen=True)
class Row:
    id: str
    kind: str           # "fact" or "entity"
    stratum: str        # the relation or the class
    subject: str
    predicate: str
    object: str
    evidence: str
    before: str         # the sentence before the evidence, when the text is at hand
    file: str
    start: str
    end: str
    verdict: str = ""
    error: str = ""
    note: str = ""


def _label(g: Graph, node) -> str:
    label = pick_label(g.objects(node, RDFS.label))     # the canonical one, not @en
    return str(label) if label is not None else str(node)


def _local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _files(g: Graph) -> dict:
    return {doc: sorted(str(f) for f in g.objects(doc, KG.fileName)) for doc in g.subjects(RDF.type, KG.Document)}


def sample(graph: Graph, per_relation: int = 10, per_class: int = 5, seed: int = 0,
           texts: dict[str, str] | None = None) -> list[Row]:
    """Up to ``per_relation`` distinct facts of every relation and
    ``per_class`` entity nodes of every class. ``texts`` (file name → the
    original text) fills the sentence before each evidence."""
    rng = random.Random(seed)
    files = _files(graph)
    evidence: dict[tuple, list[tuple]] = defaultdict(list)
    for st in graph.subjects(RDF.type, RDF.Statement):
        p = graph.value(st, RDF.predicate)
        if not isinstance(p, URIRef) or _local(p) not in RELATIONS or not str(p).startswith(str(KG._NS)):
            continue
        s, o = graph.value(st, RDF.subject), graph.value(st, RDF.object)
        doc = graph.value(st, PROV.wasDerivedFrom)
        start, end = graph.value(st, KG.charStart), graph.value(st, KG.charEnd)
        name = (files.get(doc) or [""])[0]
        evidence[(s, p, o)].append((name, int(start or 0), int(end or 0),
                                    str(graph.value(st, KG.evidence) or "")))
    by_relation: dict[str, list[tuple]] = defaultdict(list)
    for key in evidence:
        by_relation[_local(key[1])].append(key)
    rows: list[Row] = []
    for relation in RELATIONS:
        keys = sorted(by_relation.get(relation, ()), key=lambda k: tuple(map(str, k)))
        for s, p, o in rng.sample(keys, min(per_relation, len(keys))):
            name, start, end, sentence = sorted(evidence[(s, p, o)])[0]
            rows.append(Row(f"F{len(rows) + 1:04d}", "fact", relation, _label(graph, s), relation,
                            _label(graph, o), sentence, _before(texts, name, start), name,
                            str(start), str(end)))
    for cls in ENTITY_CLASSES:
        nodes = sorted(str(n) for n in graph.subjects(RDF.type, KG[cls]))
        for iri in rng.sample(nodes, min(per_class, len(nodes))):
            node = URIRef(iri)
            docs = sorted(graph.objects(node, KG.mentionedIn))
            name = (files.get(docs[0]) or [""])[0] if docs else ""
            aliases = sorted(str(a) for a in graph.objects(node, SKOS.altLabel))
            rows.append(Row(f"E{len(rows) + 1:04d}", "entity", cls, _label(graph, node), "a", cls,
                            " | ".join(aliases), "", name, "", ""))
    return rows


def _before(texts: dict[str, str] | None, name: str, start: int) -> str:
    """The sentence that ends before ``start`` in the original text, if known."""
    text = (texts or {}).get(name)
    if not text or start <= 0:
        return ""
    head = text[:start].rstrip()
    cut = max(head.rfind(c, 0, len(head) - 1) for c in "。！？!?\n")
    return head[cut + 1:].strip()[-200:]


def write_sheet(rows: list[Row], stream) -> None:
    writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([_clean(getattr(r, c)) for c in COLUMNS])


def _clean(value: str) -> str:
    return " ".join(str(value).split())


def read_sheet(path: Path) -> list[Row]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the judging sheet ({exc})") from exc
    reader = csv.reader(io.StringIO(text), delimiter="\t")
    header = next(reader, None)
    if header is None or tuple(header[:len(COLUMNS)]) != COLUMNS:
        raise InputError(f"{path}: not a judging sheet of `kg audit` (its first line must be "
                         f"the header {' '.join(COLUMNS)})")
    rows = []
    for n, cells in enumerate(reader, 2):
        if not any(c.strip() for c in cells):
            continue
        cells = (cells + [""] * len(COLUMNS))[:len(COLUMNS)]
        row = Row(*[c.strip() for c in cells])
        if row.verdict and row.verdict not in VERDICTS:
            raise InputError(f"{path}, line {n}: verdict {row.verdict!r} is none of "
                             f"{', '.join(VERDICTS)}; fix it or leave it empty")
        rows.append(row)
    return rows


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of k successes in n trials."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class Tally:
    counts: dict[tuple[str, str], Counter] = field(default_factory=dict)   # (kind, stratum) → verdicts
    errors: Counter = field(default_factory=Counter)
    unjudged: int = 0

    def add(self, row: Row) -> None:
        if not row.verdict:
            self.unjudged += 1
            return
        self.counts.setdefault((row.kind, row.stratum), Counter())[row.verdict] += 1
        if row.verdict == "wrong":
            self.errors[row.error or "unclassified"] += 1


def tally(rows: list[Row]) -> Tally:
    t = Tally()
    for r in rows:
        t.add(r)
    return t


def _line(name: str, c: Counter) -> str:
    ok, bad, deb = c["correct"], c["wrong"], c["debatable"]
    n = ok + bad
    lo, hi = wilson(ok, n)
    strict_lo, strict_hi = wilson(ok, n + deb)
    p = f"{ok / n:.2f}" if n else "   -"
    strict = f"{ok / (n + deb):.2f}" if n + deb else "   -"
    return (f"  {name:<16} {ok:3d}/{n:<3d} P {p} [{lo:.2f}, {hi:.2f}]   debatable {deb:2d}   "
            f"strict {strict} [{strict_lo:.2f}, {strict_hi:.2f}]")


def format_tally(t: Tally) -> str:
    """The tally as text: facts per relation, entities per class, totals, error classes."""
    out = []
    for kind, title in (("fact", "facts by relation"), ("entity", "entity nodes by class")):
        strata = sorted((s for k, s in t.counts if k == kind),
                        key=lambda s: (RELATIONS + ENTITY_CLASSES).index(s)
                        if s in RELATIONS + ENTITY_CLASSES else 99)
        if not strata:
            continue
        out.append(f"{title} (correct/judged, precision [95% Wilson], debatable, strict):")
        total = Counter()
        for s in strata:
            out.append(_line(s, t.counts[(kind, s)]))
            total.update(t.counts[(kind, s)])
        out.append(_line("all", total))
    if t.errors:
        out.append("errors: " + ", ".join(f"{e} {n}" for e, n in t.errors.most_common()))
    if t.unjudged:
        out.append(f"unjudged rows: {t.unjudged}")
    return "\n".join(out)
