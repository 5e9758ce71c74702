"""Run the SPARQL queries of ``queries/*.rq`` (or any read query) on a graph;
:mod:`kg.graph.results` formats the answer (re-exported here).

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

import re
from pathlib import Path

import rdflib
from pyparsing import ParseBaseException
from rdflib import Literal, URIRef, Variable
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.query import Result

from kg.errors import QueryError
from kg.graph.guard import check_iri, refuse_remote
from kg.resources import QUERIES_DIR
from kg.graph.results import FORMATS, format_result  # noqa: F401 - the formats live in kg.graph.results
from kg.graph.store import load_graph  # noqa: F401 - kg.graph.store's, imported from here by benchmarks/
from kg.ontology.vocab import PREFIXES

__all__ = ["FORMATS", "check_query", "format_result", "list_queries", "parse_binding",
           "query_variables", "read_query", "resolve_query", "run_query"]

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

