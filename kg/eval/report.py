"""The data of ``kg eval``: the gold rows it reads, the :class:`Report` it
writes (with its JSON dict), and the report's plain-text form. Reading and
scoring are in :mod:`kg.eval.score`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kg.ontology.vocab import RELATIONS

_TRIM = 120


@dataclass(frozen=True)
class GoldEntity:
    id: str
    classes: tuple[str, ...]
    label: str
    aliases: tuple[str, ...]
    status: str                 # req | opt
    docs: tuple[str, ...]


@dataclass(frozen=True)
class GoldTriple:
    doc: str
    subjects: tuple[str, ...]   # gold entity ids, any one is right
    predicate: str
    objects: tuple[str, ...]
    status: str                 # req | opt | neg
    evidence: str


@dataclass(frozen=True)
class GoldAttribute:
    doc: str
    entity: str
    property: str
    value: str                  # ISO date or plain integer
    status: str
    evidence: str


@dataclass(frozen=True)
class Gold:
    entities: dict[str, GoldEntity]
    triples: tuple[GoldTriple, ...]
    attributes: tuple[GoldAttribute, ...]
    docs: tuple[str, ...]       # every doc id the gold mentions, sorted


@dataclass(frozen=True)
class Score:
    """``correct`` of ``out`` output items are right; ``found`` of ``req``
    required gold rows are found."""

    out: int = 0
    correct: int = 0
    req: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.out if self.out else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.req if self.req else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class EntityScore(Score):
    """Entities: ``found_typed`` req entities found with the right class;
    ``duplicates`` gold entities matched by several output nodes."""

    found_typed: int = 0
    duplicates: int = 0

    @property
    def recall_typed(self) -> float:
        return self.found_typed / self.req if self.req else 0.0

    def to_dict(self) -> dict:
        return {**super().to_dict(), "recall_typed": self.recall_typed}


@dataclass(frozen=True, order=True)
class Evidence:
    doc: str        # a file name (graph side) or a gold doc id (gold side)
    sentence: str


@dataclass(frozen=True)
class TripleRow:
    """One relation, readable: labels (``a|b`` for gold alternatives)."""

    subject: str
    predicate: str
    object: str
    evidence: tuple[Evidence, ...] = ()   # the graph's statement nodes
    gold: Evidence | None = None          # the gold row's doc and evidence


@dataclass(frozen=True)
class NodeRow:
    """An output entity node, or a gold entity, and what it was matched with."""

    label: str
    classes: tuple[str, ...]
    iri: str = ""                         # empty for a gold entity
    matches: tuple[str, ...] = ()         # labels on the other side
    docs: tuple[str, ...] = ()            # gold doc ids, or the node's file names


@dataclass(frozen=True)
class AttributeRow:
    entity: str
    property: str
    value: str
    gold: Evidence
    graph_values: tuple[str, ...] = ()    # what the graph has for entity and property


@dataclass
class Report:
    """All figures of one scoring run, and the rows behind them."""

    docs: list[str]
    relations: Score
    per_predicate: dict[str, Score]
    entities: EntityScore
    attributes: Score
    missed_triples: list[TripleRow] = field(default_factory=list)
    false_positive_triples: list[TripleRow] = field(default_factory=list)
    neg_asserted: list[TripleRow] = field(default_factory=list)
    missed_entities: list[NodeRow] = field(default_factory=list)
    wrong_type_entities: list[NodeRow] = field(default_factory=list)
    false_positive_entities: list[NodeRow] = field(default_factory=list)
    duplicate_entities: list[NodeRow] = field(default_factory=list)
    over_merged_nodes: list[NodeRow] = field(default_factory=list)
    missed_attributes: list[AttributeRow] = field(default_factory=list)

    def to_dict(self) -> dict:
        """A JSON-able dict: every figure (with P/R/F1) and every list."""
        out = asdict(self)
        for key in ("relations", "entities", "attributes"):
            out[key] = getattr(self, key).to_dict()
        out["per_predicate"] = {k: v.to_dict() for k, v in self.per_predicate.items()}
        return out


def format_report(report: Report, show: int = 20) -> str:
    """Plain text: an 8-line-friendly summary, the per-predicate table, then
    up to ``show`` rows of each list (``show=0``: summary and table only)."""
    rel, ent, att = report.relations, report.entities, report.attributes
    lines = [
        f"relations   P {rel.precision:.3f}  R {rel.recall:.3f}  F1 {rel.f1:.3f}  "
        f"({rel.correct}/{rel.out} correct, {rel.found}/{rel.req} req found, "
        f"neg asserted {len(report.neg_asserted)})",
        f"entities    recall {ent.recall:.2f} (any type)  {ent.recall_typed:.2f} (typed)  "
        f"precision {ent.precision:.2f}  duplicates {ent.duplicates}  "
        f"({ent.found}/{ent.req} req, {ent.correct}/{ent.out} nodes)",
        f"attributes  recall {att.recall:.2f} ({att.found}/{att.req})  "
        f"precision {att.precision:.2f} ({att.correct}/{att.out})",
        "docs        " + (", ".join(report.docs) or "(none: no graph document is a gold doc)"),
        "per predicate (P / R / F1, out, req):",
    ]
    for name in RELATIONS:
        s = report.per_predicate.get(name)
        if s and (s.out or s.req):
            lines.append(f"  {name:<15}{_ratio(s.precision, s.out)} {_ratio(s.recall, s.req)} "
                         f"{_ratio(s.f1, s.req)}  {s.out:>3} {s.req:>3}")
    if show <= 0:
        return "\n".join(lines)
    sections = [
        ("missed relations", report.missed_triples, _triple),
        ("false-positive relations", report.false_positive_triples, _triple),
        ("neg asserted", report.neg_asserted, _triple),
        ("missed entities", report.missed_entities, _node),
        ("wrong-typed entities", report.wrong_type_entities, _node),
        ("false-positive entities", report.false_positive_entities, _node),
        ("duplicates", report.duplicate_entities, _node),
        ("over-merged nodes", report.over_merged_nodes, _node),
        ("missed attributes", report.missed_attributes, _attribute),
    ]
    for title, rows, render in sections:
        lines += ["", f"{title} ({len(rows)})"]
        for row in rows[:show]:
            lines += render(row)
        if len(rows) > show:
            lines.append(f"  … {len(rows) - show} more (--show N or --json)")
    return "\n".join(lines)


def _ratio(value: float, denominator: int) -> str:
    return f"{value:.2f}" if denominator else "   -"


def _trim(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TRIM else text[:_TRIM - 1] + "…"


def _evidence(ev: Evidence, tag: str = "") -> str:
    return f"      {tag}[{ev.doc}] {_trim(ev.sentence)}"


def _triple(row: TripleRow) -> list[str]:
    lines = [f"  {row.subject} —{row.predicate}→ {row.object}"]
    lines += [_evidence(ev) for ev in row.evidence]
    if row.gold:
        lines.append(_evidence(row.gold, "gold "))
    return lines


def _node(row: NodeRow) -> list[str]:
    text = f"  {row.label} ({'|'.join(row.classes)})"
    if row.matches:
        text += "  ↔ " + ", ".join(row.matches)
    return [text + (f"  [{', '.join(row.docs)}]" if row.docs else "")]


def _attribute(row: AttributeRow) -> list[str]:
    has = ", ".join(row.graph_values) if row.graph_values else "nothing"
    return [f"  {row.entity} {row.property} = {row.value}  (graph has {has})",
            _evidence(row.gold, "gold ")]
