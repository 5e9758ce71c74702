"""The graph as one self-contained HTML page (``kg view``, ``kg build``).

Entity nodes and the twelve relations are drawn with pyvis (vis-network),
coloured and shaped by class from ``kg/data/styles.tsv``. Tooltips are plain
text: a node's class, aliases, documents and attributes; an edge's relation
and the evidence sentences with their files and confidences. Up to
``LAYOUT_MAX_NODES`` entities, positions are computed here with networkx
(seed 0) and the page opens with physics off; bigger graphs are laid out by
vis.js, which stops its simulation once stable. The same graph always gives
byte-identical HTML. The page itself (offline scripts, legend, filters,
search, escaping) is :mod:`kg.view.html`.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.errors import InputError
from kg.graph.labels import pick_label
from kg.resources import data_path
from kg.ontology.vocab import ATTRIBUTES, ENTITY_CLASSES, KG, RELATIONS
from kg.view.labels import load_labels

__all__ = ["Page", "Style", "ViewData", "collect", "layout", "load_styles", "render_html",
           "render_page", "unread"]

SHAPES = ("dot", "square", "diamond", "star", "triangle", "triangleDown", "hexagon")
LINES = ("solid", "dashed")
FALLBACK_CLASS = "Entity"
MAX_EVIDENCE = 5          # evidence sentences shown per edge tooltip
LAYOUT_MAX_NODES = 1000   # above this, vis.js stabilises the layout in the browser, then stops
GRID_X, GRID_Y = 160, 60  # spacing of the grid of entities without relations
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Style:
    kind: str      # class | relation | attribute
    key: str       # kg: local name
    colour: str
    shape: str     # a vis.js node shape, solid/dashed for relations, "-" for attributes
    zh: str
    en: str

    @property
    def label(self) -> str:
        return f"{self.zh} {self.en}"


@dataclass
class ViewData:
    """What the page shows; lists sorted, so rendering is deterministic."""
    nodes: list[dict] = field(default_factory=list)   # id label cls aliases docs attrs degree
    edges: list[dict] = field(default_factory=list)   # id source target relation evidence
    classes: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """The page as the bytes to write (UTF-8) and what it shows."""
    html: bytes
    nodes: int
    edges: int


@functools.lru_cache(maxsize=None)
def load_styles(path: Path | None = None) -> dict[tuple[str, str], Style]:
    """(kind, key) → Style from ``styles.tsv``; every class and relation must have one."""
    path = path or data_path("styles.tsv")
    styles: dict[tuple[str, str], Style] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [line for line in fh if line.strip() and not line.startswith("#")]
    for lineno, row in enumerate(csv.DictReader(rows, delimiter="\t"), start=2):
        style = Style(row["kind"], row["key"], row["colour"], row["shape"], row["zh"], row["en"])
        allowed = {"class": SHAPES, "relation": LINES, "attribute": ("-",), "mark": ("-",)}.get(style.kind)
        if allowed is None or style.shape not in allowed or not (
                _COLOUR.fullmatch(style.colour) or style.kind == "attribute"):
            raise InputError(f"{path}: bad style row {lineno} {row}; kind is class, relation or "
                             f"attribute, colour #rrggbb, shape one of {', '.join(allowed or SHAPES)}")
        styles[(style.kind, style.key)] = style
    wanted = ([("class", c) for c in (*ENTITY_CLASSES, FALLBACK_CLASS)]
              + [("relation", r) for r in RELATIONS] + [("attribute", a) for a in ATTRIBUTES]
              + [("mark", "Conflict")])
    missing = [f"{k} {v}" for k, v in wanted if (k, v) not in styles]
    if missing:
        raise InputError(f"{path}: no style for {', '.join(missing)}; add a row for each")
    return styles


def _local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _first(values, default: str = "") -> str:
    return min((str(v) for v in values), default=default)


def _evidence(graph: rdflib.Graph) -> dict[tuple, list[dict]]:
    """(s, p, o) → its evidence: sentence, files, confidence, role (sorted)."""
    wanted = (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom, KG.evidence,
              KG.confidence, KG.role)
    props: dict = defaultdict(lambda: defaultdict(list))
    for p in wanted:                     # one pass per property, not one lookup per statement
        for st, o in graph.subject_objects(p):
            props[st][p].append(o)
    files_of: dict = {}
    found: dict[tuple, list[dict]] = defaultdict(list)
    for st in graph.subjects(RDF.type, RDF.Statement):
        got = props.get(st, {})
        key = (_one(got, RDF.subject), _one(got, RDF.predicate), _one(got, RDF.object))
        files = []
        for doc in got.get(PROV.wasDerivedFrom, ()):
            if doc not in files_of:
                files_of[doc] = [str(f) for f in graph.objects(doc, KG.fileName)]
            files += files_of[doc]
        conf = _one(got, KG.confidence)
        found[key].append({"sentence": _first(got.get(KG.evidence, ())), "files": sorted(files),
                           "confidence": conf.toPython() if conf is not None else None,
                           "role": _first(got.get(KG.role, ()))})
    for items in found.values():
        items.sort(key=lambda e: (-(e["confidence"] or 0), e["files"], e["sentence"]))
    return found


def _one(props: dict, p):
    """A value of ``p`` as ``Graph.value`` gives it (any one; None if none)."""
    values = props.get(p)
    return values[0] if values else None


def collect(graph: rdflib.Graph, lang: str | None = None) -> ViewData:
    """Entity nodes (typed, or linked by a relation) and relation edges of ``graph``."""
    classes = {KG[c]: c for c in ENTITY_CLASSES}
    node_class: dict[URIRef, str] = {}
    for iri, cls in classes.items():
        for s in graph.subjects(RDF.type, iri):
            if isinstance(s, URIRef):
                node_class[s] = min(node_class.get(s, cls), cls)
    triples = sorted((s, r, o) for r in RELATIONS for s, o in graph.subject_objects(KG[r])
                     if isinstance(s, URIRef) and isinstance(o, URIRef))
    for s, _, o in triples:
        node_class.setdefault(s, FALLBACK_CLASS)
        node_class.setdefault(o, FALLBACK_CLASS)
    evidence = _evidence(graph)
    disputed: dict = defaultdict(set)       # entity → the properties its documents disagree on
    for c in graph.subjects(RDF.type, KG.Conflict):
        for about in graph.objects(c, KG.conflictAbout):
            disputed[about].update(_local(p) for p in graph.objects(c, KG.conflictProperty))
    data = ViewData()
    degree: dict[URIRef, int] = defaultdict(int)
    for i, (s, rel, o) in enumerate(triples, start=1):
        degree[s] += 1
        degree[o] += 1
        data.edges.append({"id": f"e{i}", "source": str(s), "target": str(o), "relation": rel,
                           "evidence": evidence.get((s, KG[rel], o), [])})
        data.relations[rel] = data.relations.get(rel, 0) + 1
    for iri in sorted(node_class):
        cls = node_class[iri]
        attrs = [(a, str(v)) for a in ATTRIBUTES for v in sorted(graph.objects(iri, KG[a]), key=str)]
        data.nodes.append({
            "id": str(iri), "label": str(pick_label(graph.objects(iri, RDFS.label), lang)
                                         or _local(iri).rsplit("/", 1)[-1]),
            "cls": cls, "aliases": sorted({str(a) for a in graph.objects(iri, SKOS.altLabel)}),
            "docs": len(set(graph.objects(iri, KG.mentionedIn))), "attrs": attrs,
            "degree": degree[iri], "conflicts": sorted(disputed.get(iri, ()))})
        data.classes[cls] = data.classes.get(cls, 0) + 1
    return data


def layout(data: ViewData) -> dict[str, tuple[int, int]] | None:
    """Integer screen positions, or None for very big graphs (vis.js lays those out).

    Linked entities get a networkx force layout (seed 0); entities without
    any relation are set out in a grid to its right, grouped by class, so
    they do not crowd the linked part into the middle of the screen.
    """
    import networkx as nx

    if not data.nodes or len(data.nodes) > LAYOUT_MAX_NODES:
        return None
    linked = sorted({e["source"] for e in data.edges} | {e["target"] for e in data.edges})
    pos: dict[str, tuple[int, int]] = {}
    if linked:
        g = nx.Graph()
        g.add_nodes_from(linked)
        g.add_edges_from((e["source"], e["target"]) for e in data.edges)
        n = len(linked)
        if n < 500:  # networkx switches to a scipy-only sparse solver at 500 nodes
            raw = nx.spring_layout(g, seed=0, k=2 / math.sqrt(n))
        else:
            raw = nx.forceatlas2_layout(g, seed=0, max_iter=100)  # ~6 s at 1000 nodes
        span = max((max(abs(float(x)), abs(float(y))) for x, y in raw.values()), default=1.0) or 1.0
        scale = 200 + 60 * math.sqrt(n)
        pos = {k: (round(float(x) / span * scale), round(float(y) / span * scale))
               for k, (x, y) in raw.items()}
    loose = sorted((node for node in data.nodes if node["id"] not in pos),
                   key=lambda node: (node["cls"], node["label"], node["id"]))
    if loose:
        top = min((y for _, y in pos.values()), default=0)
        height = max((y for _, y in pos.values()), default=0) - top
        left = max((x for x, _ in pos.values()), default=-GRID_X) + GRID_X
        rows = max(height // GRID_Y + 1, math.ceil(math.sqrt(len(loose) / 3)))
        for i, node in enumerate(loose):
            pos[node["id"]] = (left + (i // rows) * GRID_X, top + (i % rows) * GRID_Y)
    return pos


def _node_title(node: dict, styles) -> str:
    label = load_labels()
    lines = [node["label"], styles[("class", node["cls"])].label]
    if node["aliases"]:
        lines.append(label["aliases"] + ": " + "、".join(node["aliases"]))
    lines.append(f"{label['documents']}: {node['docs']}")
    lines += [f"{styles[('attribute', a)].label}: {v}" for a, v in node["attrs"]]
    if node.get("conflicts"):
        named = [styles.get(("attribute", p)) or styles[("relation", p)] for p in node["conflicts"]]
        lines.append(f"⚠ {styles[('mark', 'Conflict')].label}: " + ", ".join(s.label for s in named))
    return "\n".join(lines)


def _edge_title(edge: dict, labels: dict[str, str], styles) -> str:
    rel, label = styles[("relation", edge["relation"])], load_labels()
    lines = [f"{labels[edge['source']]} → {rel.label} → {labels[edge['target']]}"]
    for ev in edge["evidence"][:MAX_EVIDENCE]:
        meta = ", ".join(ev["files"]) or "?"
        if ev["confidence"] is not None:
            meta += f" · {label['confidence']} {ev['confidence']:g}"
        if ev["role"]:
            meta += f" · {label['role']} {ev['role']}"
        lines += ["", f"“{ev['sentence']}”", f"  — {meta}"]
    if len(edge["evidence"]) > MAX_EVIDENCE:
        lines += ["", "… " + label.format("more_evidence", n=len(edge["evidence"]) - MAX_EVIDENCE)]
    if not edge["evidence"]:
        lines += ["", label["no_evidence"]]
    return "\n".join(lines)


def _render(graph: rdflib.Graph, lang: str | None = None) -> tuple[str, ViewData]:
    from kg.view.html import page

    styles = load_styles()
    data = collect(graph, lang)
    labels = {node["id"]: node["label"] for node in data.nodes}
    for node in data.nodes:
        node["title"] = _node_title(node, styles)
    for edge in data.edges:
        edge["title"] = _edge_title(edge, labels, styles)
    return page(data, styles, layout(data)), data


def render_html(graph: rdflib.Graph, lang: str | None = None) -> str:
    """The whole page as a string (deterministic for a given graph); nodes
    labelled in ``lang`` (en, zh; default zh) where the graph has it."""
    return _render(graph, lang)[0]


def unread(predicate) -> bool:
    """Properties the page never shows (offsets, extractor names, hashes,
    titles): a caller holding the triples may leave them out of the graph
    it passes to :func:`render_html` and get the same page."""
    return predicate in _UNREAD


_UNREAD = frozenset({KG.charStart, KG.charEnd, KG.extractedBy, KG.sha256, DCTERMS.title})


def render_page(graph: rdflib.Graph, lang: str | None = None) -> Page:
    """The page as UTF-8 bytes with its node and edge counts; the caller
    writes it (``kg view`` and ``kg build`` with :mod:`kg.run.files`)."""
    text, data = _render(graph, lang)
    return Page(text.encode("utf-8"), len(data.nodes), len(data.edges))
