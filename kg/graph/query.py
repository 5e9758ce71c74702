"""Run the SPARQL queries of ``queries/*.rq`` (or any read query) on a graph
and format the answer for people: IRIs become their ``rdfs:label``.

Only read queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are accepted. Values
given with ``--bind VAR=VALUE`` become RDF terms by one rule
(:func:`parse_binding`):

* ``<https://…>``            → that IRI
* ``kgr:x`` ``kg:x`` ``kgd:x`` ``kgs:x`` (a known prefix) → the expanded IRI
* ``42`` ``-7`` (an integer)  → an ``xsd:integer`` literal
* anything else              → a plain string literal (no language tag);
  queries compare names with ``LCASE(STR(?name))`` so ``DeepSeek`` also
  matches ``"深度求索"@zh``-style tagged labels by their text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import math
import unicodedata
from decimal import Decimal
from pathlib import Path

import rdflib
from pyparsing import ParseBaseException
from rdflib import RDFS, Literal, URIRef, Variable
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.query import Result

from kg.errors import QueryError
from kg.graph.guard import check_iri, refuse_remote
from kg.resources import QUERIES_DIR
from kg.graph.store import load_graph  # noqa: F401 - kg.graph.store's, imported from here by benchmarks/
from kg.ontology.vocab import KG, PREFIXES

__all__ = ["FORMATS", "check_query", "format_result", "list_queries", "parse_binding",
           "query_variables", "read_query", "resolve_query", "run_query"]

FORMATS = ("table", "csv", "tsv", "json")
MAX_CELL = 100  # display columns of a table cell
_INTEGER = re.compile(r"[+-]?\d+")
_PREFIXED = re.compile(r"([A-Za-z][\w-]*):(.*)", re.S)


def resolve_query(name_or_path: str | Path, queries_dir: Path = QUERIES_DIR) -> Path:
    """A path to an existing file as given, else ``queries/NAME.rq``."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    stem = path.name[:-3] if path.name.endswith(".rq") else path.name
    candidate = queries_dir / f"{stem}.rq"
    if path.parent == Path(".") and candidate.is_file():
        return candidate
    raise QueryError(f"no query file {name_or_path} and no query named {stem!r} in {queries_dir}; "
                     "`kg query --list` shows the names")


def read_query(path: Path) -> str:
    """The text of a query file (UTF-8)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path} ({exc}); save it as UTF-8 text") from exc


def query_question(text: str) -> str:
    """The question a query answers: its first header comment, without ``Question:``."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        comment = line.lstrip("#").strip()
        if comment:
            return re.sub(r"^Question:\s*", "", comment)
    return ""


def list_queries(queries_dir: Path | None = None) -> list[tuple[str, str]]:
    """(name, question) for every ``queries_dir/*.rq`` (default: the queries
    kg ships), sorted by name; none at all is a broken installation."""
    queries_dir = QUERIES_DIR if queries_dir is None else queries_dir
    found = sorted(queries_dir.glob("*.rq"))
    if not found:
        where = "is missing" if not queries_dir.is_dir() else "holds no .rq file"
        raise QueryError(f"the query folder {queries_dir} {where}; reinstall kg "
                         "(`pip install --force-reinstall kg`) or restore it from the repository")
    return [(p.stem, query_question(read_query(p))) for p in found]


def parse_binding(value: str, prefixes: dict[str, str] | None = None) -> rdflib.term.Identifier:
    """Turn a ``--bind`` value into an RDF term (the rule is in the module doc);
    ``prefixes`` (the query's own PREFIX lines) add to kg's. An IRI is checked
    (:func:`kg.graph.guard.check_iri`), so no value can add query text."""
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        return URIRef(check_iri(value[1:-1], value))
    match = _PREFIXED.fullmatch(value)
    known = {**PREFIXES, **(prefixes or {})}
    if match and match.group(1) in known:
        return URIRef(check_iri(known[match.group(1)] + match.group(2), value))
    if _INTEGER.fullmatch(value):
        return Literal(int(value))
    return Literal(value)


def _variables(node, found: set[str]) -> None:
    if isinstance(node, Variable):
        found.add(str(node))
    elif isinstance(node, dict):
        for value in node.values():
            _variables(value, found)
    elif isinstance(node, (list, tuple)) or hasattr(node, "asList"):
        for value in node:
            _variables(value, found)


def _parse(text: str, source: str):
    """The parse tree of a read query; QueryError for anything else."""
    try:
        return parseQuery(text)
    except RecursionError as exc:
        raise QueryError(f"{source}: the query nests too deeply to be read; write it with fewer "
                         "nested groups or brackets") from exc
    except ParseBaseException as exc:
        try:
            parseUpdate(text)
        except ParseBaseException:
            pass
        else:
            raise QueryError(f"{source}: only read queries (SELECT, ASK, CONSTRUCT, DESCRIBE) "
                             "are accepted, not updates (INSERT, DELETE, LOAD, CLEAR…)") from exc
        message = exc.msg if hasattr(exc, "msg") else str(exc)
        raise QueryError(f"{source}: syntax error at line {exc.lineno}, column {exc.col}: "
                         f"{message}, found {_found(exc)}") from exc


def _found(exc: ParseBaseException) -> str:
    line = exc.line or ""
    rest = line[exc.col - 1:].strip()
    return repr(rest.split()[0]) if rest else "end of line"


def query_variables(text: str, source: str = "query") -> list[str]:
    """Every variable named anywhere in the query, sorted, without ``?``."""
    found: set[str] = set()
    _variables(_parse(text, source), found)
    return sorted(found)


def check_query(text: str, bindings: dict[str, str] | None = None, *, source: str = "query",
                allow_service: bool = False,
                rdflib_store: bool = False) -> dict[Variable, rdflib.term.Identifier]:
    """Parse a read query and turn ``bindings`` into initial bindings; QueryError
    for a syntax error, an update, a bound variable the query does not have, or
    (unless ``allow_service``) a part that reaches another host (SERVICE; FROM
    too for ``rdflib_store``, which downloads it)."""
    tree = _parse(text, source)
    if not allow_service:
        refuse_remote(tree, source, rdflib_store=rdflib_store)
    found: set[str] = set()
    _variables(tree, found)
    known = sorted(found)
    prefixes = {str(d.get("prefix", "")): str(d["iri"]) for d in tree[0] if d.name == "PrefixDecl"}
    init = {}
    for name, value in (bindings or {}).items():
        name = name.lstrip("?$")
        if name not in known:
            names = ", ".join(f"?{v}" for v in known) or "none"
            raise QueryError(f"--bind {name}: {source} has no variable ?{name}; "
                             f"its variables are {names}")
        try:
            init[Variable(name)] = parse_binding(value, prefixes)
        except QueryError as exc:
            raise QueryError(f"--bind {name}: {exc}") from None
    return init


def run_query(graph: rdflib.Graph, text: str, bindings: dict[str, str] | None = None,
              *, source: str = "query", allow_service: bool = False,
              timeout: float | None = None) -> Result:
    """Run a read query with ``bindings`` (variable → ``--bind`` value), reading its whole
    answer; ``allow_service``: see :func:`check_query`; ``timeout``: :mod:`kg.graph.bounded`."""
    from kg.graph.bounded import bounded, materialize
    from kg.graph.store import is_oxigraph, query_graph  # Oxigraph runs the query text, rdflib a prepared query

    init = check_query(text, bindings, source=source, allow_service=allow_service,
                       rdflib_store=not is_oxigraph(graph))

    def work() -> Result:
        try:
            return materialize(query_graph(graph, text, init))
        except Exception as exc:  # rdflib's algebra and evaluation raise plain Exceptions
            raise QueryError(f"{source}: {' '.join(str(exc).split()) or type(exc).__name__}") from exc
    return bounded(work, timeout, source=source)


# --- formatting ---------------------------------------------------------------

def _shorten(iri: URIRef) -> str:
    for prefix, base in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(base):
            return f"{prefix}:{iri[len(base):]}"
    return f"<{iri}>"


def _display(term, graph: rdflib.Graph, cache: dict) -> str:
    """A term as people read it: IRI → rdfs:label (a document → its file name)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        if term not in cache:
            names = sorted(graph.objects(term, RDFS.label)) or sorted(graph.objects(term, KG.fileName))
            cache[term] = str(names[0]) if names else _shorten(term)
        return cache[term]
    return str(term)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str) -> str:
    """One line, at most MAX_CELL display columns (cut with …)."""
    text = " ".join(text.split())
    if _width(text) <= MAX_CELL:
        return text
    out, used = [], 1
    for ch in text:
        used += _width(ch)
        if used > MAX_CELL:
            break
        out.append(ch)
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _table(header: list[str], rows: list[list[str]]) -> str:
    cells = [[_cell(c) for c in row] for row in rows]
    cut = any(c != " ".join(r.split()) for row, raw in zip(cells, rows) for c, r in zip(row, raw))
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() for row in cells]
    footer = f"({len(rows)} row{'' if len(rows) == 1 else 's'}"
    lines.append(footer + (f"; cells cut at {MAX_CELL} columns, --format tsv shows them whole)"
                           if cut else ")"))
    return "\n".join(lines)


def _json_value(term, shown: str):
    """Numbers and booleans as JSON values, unbound as null, the rest as shown."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype is not None:
        value = term.toPython()
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float, Decimal)) and math.isfinite(value):
            return int(value) if isinstance(value, int) else float(value)
    return shown


def format_result(result: Result, graph: rdflib.Graph, fmt: str = "table") -> str:
    """Render a query result as table, csv, tsv or json (ASK → true/false,
    CONSTRUCT/DESCRIBE → Turtle whatever the format)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return json.dumps(answer) if fmt == "json" else str(answer).lower()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = rdflib.Graph()
        for prefix, base in PREFIXES.items():
            out.bind(prefix, base)
        for triple in result.graph:
            out.add(triple)
        return out.serialize(format="turtle").rstrip("\n")
    header = [str(v) for v in result.vars]
    cache: dict = {}
    rows = [[_display(row[i], graph, cache) for i in range(len(header))] for row in result]
    if fmt == "table":
        return _table(header, rows)
    if fmt == "json":
        raw = [[row[i] for i in range(len(header))] for row in result]
        data = [{h: _json_value(term, shown) for h, shown, term in zip(header, r, t)}
                for r, t in zip(rows, raw)]
        return json.dumps(data, ensure_ascii=False, indent=2)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().rstrip("\n")
