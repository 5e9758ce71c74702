"""A query's answer in the formats people and tools read.

* ``table`` (aligned columns, fit to a width), ``csv`` and ``tsv`` (a
  header row; ``bom`` puts a UTF-8 byte-order mark first for spreadsheets)
  show values as people read them: an IRI as its ``rdfs:label`` (a document
  as its file name, a kg: class or property as its local name), a literal
  as its text without the inline pinyin glosses some sites print (國(guó)家
  → 國家; the graph keeps the original). ``iris`` keeps IRIs instead (the
  table shortens them to ``kgr:x``). An unbound value is an empty cell.
* ``json`` is SPARQL 1.1 Query Results JSON (the terms as they are).
* ``turtle`` and ``ntriples`` are for the graph a CONSTRUCT or DESCRIBE
  query gives; a table format for a graph (or a graph format for a table)
  is a :class:`QueryError` saying which formats fit.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import unicodedata
from dataclasses import dataclass

import rdflib
from rdflib import RDFS, XSD, BNode, Literal, URIRef
from rdflib.query import Result

from kg.errors import KGError, QueryError
from kg.graph.labels import pick_label
from kg.ontology.schema import load_schema
from kg.ontology.vocab import KG, PREFIXES
from kg.resources import data_path
from kg.text.normalize import without_pinyin

__all__ = ["FORMATS", "GRAPH_FORMATS", "LANGS", "TABLE_FORMATS", "Style", "column_names", "format_result",
           "sparql_json"]

TABLE_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("turtle", "ntriples")
FORMATS = TABLE_FORMATS + GRAPH_FORMATS
MAX_CELL = 100      # display columns of a table cell
MIN_CELL = 4        # … when the table is narrowed to fit a width
_GAP = 2


LANGS = ("en", "zh")
COLUMNS = "columns.tsv"


@dataclass(frozen=True)
class Style:
    """How values are shown: ``iris`` keeps IRIs; ``lang`` ("en", "zh")
    chooses the labels of entities, classes and relations and the column
    headers (``kg/data/columns.tsv``); ``width`` fits a table to that many
    columns (None: cells cut at MAX_CELL only); ``bom`` starts csv/tsv with
    a byte-order mark."""
    iris: bool = False
    lang: str | None = None
    width: int | None = None
    bom: bool = False


def format_result(result: Result, graph: rdflib.Graph, fmt: str | None = None,
                  style: Style = Style()) -> str:
    """``result`` in ``fmt`` (None: table for SELECT and ASK, turtle for
    CONSTRUCT and DESCRIBE); ``graph`` gives the labels."""
    if fmt is not None and fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if style.bom and fmt not in ("csv", "tsv"):
        raise QueryError("--bom goes with --format csv or tsv")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if fmt in TABLE_FORMATS:
            raise QueryError("a CONSTRUCT or DESCRIBE query gives a graph, not a table; "
                             "use --format turtle or --format ntriples")
        return _graph_text(result, fmt or "turtle")
    if fmt in GRAPH_FORMATS:
        raise QueryError(f"a {result.type} query gives a {'yes or no' if result.type == 'ASK' else 'table'}"
                         f", not a graph; use --format {', '.join(TABLE_FORMATS)}")
    fmt = fmt or "table"
    if fmt == "json":
        return json.dumps(sparql_json(result), ensure_ascii=False, indent=2)
    if result.type == "ASK":
        return str(bool(result.askAnswer)).lower()
    if style.lang is not None and style.lang not in LANGS:
        raise QueryError(f"unknown language {style.lang!r}; use one of {', '.join(LANGS)}")
    header = [str(v) for v in result.vars]
    shown = _Shown(graph, style.iris, short=fmt == "table", lang=style.lang)
    rows = [[shown(row[i]) for i in range(len(header))] for row in result]
    if style.lang:
        names = column_names()
        header = [names.get((h, style.lang), h) for h in header]
    if fmt == "table":
        return _table(header, rows, style.width)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" if style.bom else "") + buf.getvalue().rstrip("\n")


# --- SPARQL 1.1 Query Results JSON ------------------------------------------------

def sparql_json(result: Result) -> dict:
    """The answer as https://www.w3.org/TR/sparql11-results-json/ (unbound
    variables left out of their binding, as the format says)."""
    if result.type == "ASK":
        return {"head": {}, "boolean": bool(result.askAnswer)}
    names = [str(v) for v in result.vars]
    bindings = []
    for row in result:
        bindings.append({name: _json_term(row[i]) for i, name in enumerate(names)
                         if row[i] is not None})
    return {"head": {"vars": names}, "results": {"bindings": bindings}}


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


# --- graphs -----------------------------------------------------------------------

def _graph_text(result: Result, fmt: str) -> str:
    from kg.graph.export import plain_strings
    from kg.graph.triples import serialize

    triples = list(plain_strings(result.graph))
    if fmt == "turtle":
        return serialize(triples).decode("utf-8").rstrip("\n")
    out = rdflib.Graph()
    for triple in triples:
        out.add(triple)
    return "\n".join(sorted(out.serialize(format="nt").splitlines())).strip("\n")


# --- values as people read them ------------------------------------------------------

@functools.lru_cache(maxsize=1)
def column_names() -> dict[tuple[str, str], str]:
    """(variable, language) → column header, from ``kg/data/columns.tsv``."""
    path = data_path(COLUMNS)
    names: dict[tuple[str, str], str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 1 + len(LANGS) or not all(f.strip() for f in fields) \
                or (fields[0], LANGS[0]) in names:
            raise KGError(f"{path}, line {n}: expected a new 'variable<TAB>English<TAB>Chinese', "
                          f"got {line!r}")
        for lang, name in zip(LANGS, fields[1:]):
            names[fields[0], lang] = name
    return names


class _Shown:
    """Terms → cell text, memoised."""

    def __init__(self, graph: rdflib.Graph, iris: bool, short: bool, lang: str | None = None):
        self.graph, self.iris, self.short, self.lang = graph, iris, short, lang
        self.cache: dict = {}

    def __call__(self, term) -> str:
        if term is None:
            return ""
        if isinstance(term, Literal):
            return without_pinyin(str(term))
        if term not in self.cache:
            self.cache[term] = self.make(term)
        return self.cache[term]

    def make(self, term) -> str:
        if not isinstance(term, URIRef):
            return f"_:{term}"
        if self.iris:
            return shorten(term) if self.short else str(term)
        label = pick_label(self.graph.objects(term, RDFS.label), self.lang)
        if label is None:
            label = min(self.graph.objects(term, KG.fileName), default=None)
        if label is not None:
            return without_pinyin(str(label))
        if term.startswith(str(KG._NS)):
            local = term[len(str(KG._NS)):]
            if self.lang:
                try:
                    return load_schema().label(local, self.lang)
                except KGError:
                    return local
            return local
        return shorten(term)


def shorten(iri: URIRef) -> str:
    """``kgr:x`` for an IRI in a known namespace, else ``<IRI>``."""
    for prefix, base in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(base):
            return f"{prefix}:{iri[len(base):]}"
    return f"<{iri}>"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` display columns, cut with …."""
    if _width(text) <= limit:
        return text
    out, used = [], 1
    for ch in text:
        used += _width(ch)
        if used > limit:
            break
        out.append(ch)
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _fit(natural: list[int], width: int | None) -> list[int]:
    """Column widths: each at most MAX_CELL, and together (with the gaps)
    at most ``width``, the widest columns narrowed first (to MIN_CELL)."""
    widths = [min(w, MAX_CELL) for w in natural]
    if width is None:
        return widths
    room = width - _GAP * (len(widths) - 1)
    cap = max(widths, default=0)
    while cap > MIN_CELL and sum(min(w, cap) for w in widths) > room:
        cap -= 1
    return [min(w, cap) for w in widths]


def _table(header: list[str], rows: list[list[str]], width: int | None = None) -> str:
    flat = [[" ".join(c.split()) for c in row] for row in rows]
    natural = [max([_width(h)] + [_width(r[i]) for r in flat]) for i, h in enumerate(header)]
    widths = _fit(natural, width)
    cells = [[_cut(c, w) for c, w in zip(row, widths)] for row in flat]
    heads = [_cut(h, w) for h, w in zip(header, widths)]
    cut = any(c != r for row, raw in zip(cells, flat) for c, r in zip(row, raw))
    lines = ["  ".join(_pad(h, w) for h, w in zip(heads, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() for row in cells]
    footer = f"({len(rows)} row{'' if len(rows) == 1 else 's'}"
    if cut:
        where = f"to fit {width} columns" if width is not None and widths != _fit(natural, None) \
            else f"at {MAX_CELL} columns"
        footer += f"; cells cut {where}, --format tsv shows them whole"
    return "\n".join(lines + [footer + ")"])
