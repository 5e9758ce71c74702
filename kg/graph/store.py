"""Where a loaded graph lives, behind the rdflib API.

``oxigraph`` (the default when ``oxrdflib`` is installed) keeps the triples
in an in-memory Oxigraph store: a 1 M-triple graph parses in seconds instead
of most of a minute, takes a third of the memory, and SPARQL runs in
Oxigraph. ``memory`` is rdflib's own store. Both give the same answers to
``queries/*.rq``; code that uses the graph keeps the rdflib API
(``graph.objects(…)``, ``graph.query(…)``), but should not call ``len(g)``
on an Oxigraph graph: it counts by scanning every triple."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import NamedTuple

import rdflib
from rdflib.query import Result

from kg.errors import GraphNotFound, InputError, QueryError

log = logging.getLogger(__name__)

__all__ = ["GRAPH_FORMATS", "STORES", "GraphFormat", "default_store", "graph_format", "is_oxigraph",
           "load_graph", "query_graph", "sparql_term", "with_values"]

STORES = ("oxigraph", "memory")


class GraphFormat(NamedTuple):
    """How a graph file is read and sent, by its suffix."""
    rdflib: str          # rdflib's parser name
    oxigraph: str        # oxrdflib's parser name
    content_type: str    # the media type, for HTTP (``kg push``)
    quads: bool          # holds named graphs (read as their union)


#: The one suffix → format table: ``kg query``, ``kg view``, ``kg eval`` and ``kg push``.
GRAPH_FORMATS = {
    ".ttl": GraphFormat("turtle", "ox-turtle", "text/turtle", False),
    ".nt": GraphFormat("nt", "ox-ntriples", "application/n-triples", False),
    ".nq": GraphFormat("nquads", "ox-nquads", "application/n-quads", True),
    ".trig": GraphFormat("trig", "ox-trig", "application/trig", True),
}


def graph_format(path: Path | str) -> GraphFormat | None:
    """The format of a graph file from its suffix (any case), or None."""
    return GRAPH_FORMATS.get(Path(path).suffix.lower())


@functools.lru_cache(maxsize=1)
def _has_oxrdflib() -> bool:
    try:
        import oxrdflib  # noqa: F401
    except ImportError:
        return False
    return True


def default_store() -> str:
    """``oxigraph`` when oxrdflib is installed, else ``memory``."""
    return "oxigraph" if _has_oxrdflib() else "memory"


def load_graph(path: Path | str, store: str | None = None) -> rdflib.Graph:
    """Parse a graph file (format from its suffix: .ttl .nt .nq .trig) into
    ``store`` (default: :func:`default_store`). N-Quads and TriG files are
    queried as the union of their named graphs."""
    path = Path(path)
    store = store or default_store()
    if store not in STORES:
        raise InputError(f"unknown store {store!r}; use one of {', '.join(STORES)}")
    if store == "oxigraph" and not _has_oxrdflib():
        raise InputError("the oxigraph store needs oxrdflib: pip install oxrdflib")
    if not path.is_file():
        raise GraphNotFound(f"graph file {path} not found; run `kg build` first or pass --graph FILE")
    fmt = graph_format(path) or GRAPH_FORMATS[".ttl"]     # any other suffix: read as Turtle
    kwargs = {"store": "Oxigraph"} if store == "oxigraph" else {}
    graph = rdflib.Dataset(default_union=True, **kwargs) if fmt.quads else rdflib.Graph(**kwargs)
    try:
        if store == "oxigraph":
            graph.parse(path, format=fmt.oxigraph, transactional=False)
        else:
            graph.parse(path, format=fmt.rdflib)
    except Exception as exc:  # rdflib's and Oxigraph's parsers raise many unrelated types
        message = " ".join(str(exc).split())
        raise InputError(f"graph file {path} cannot be parsed as {fmt.rdflib} ({message}); "
                         "rebuild it with `kg build`") from exc
    return graph


def is_oxigraph(graph: rdflib.Graph) -> bool:
    return type(graph.store).__name__ == "OxigraphStore"


def query_graph(graph: rdflib.Graph, text: str, init: dict | None = None) -> Result:
    """Run a SPARQL read query with initial bindings: in Oxigraph for an
    Oxigraph graph (it takes the query text), else with rdflib's engine."""
    from rdflib.plugins.sparql import prepareQuery

    if is_oxigraph(graph):   # Oxigraph substitutes only projected variables: use VALUES
        try:
            return graph.query(with_values(text, init) if init else text)
        except Exception as exc:
            prepareQuery(text)   # rdflib's message when it also refuses the query
            raise QueryError(" ".join(str(exc).split())) from exc

    return graph.query(prepareQuery(text), initBindings=init or {})


# --- initial bindings as a VALUES block ------------------------------------------------

_IRI = re.compile(r"""<[^<>"{}|^`\\\x00-\x20]*>""")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


_LANGUAGE = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*")


def sparql_term(term) -> str:
    """An RDF term written in SPARQL syntax; an IRI that could end the
    ``<…>`` early (or a bad language tag) is a QueryError, never pasted."""
    from kg.graph.guard import check_iri

    if isinstance(term, rdflib.URIRef):
        return f"<{check_iri(str(term))}>"
    if isinstance(term, rdflib.Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            if not _LANGUAGE.fullmatch(term.language):
                raise QueryError(f"{term.language!r} is not a language tag; use one such as zh or en")
            return f"{text}@{term.language}"
        if term.datatype:
            return f"{text}^^<{check_iri(str(term.datatype))}>"
        return text
    raise InputError(f"cannot bind a blank node ({term}) in a query sent as text")


def with_values(text: str, bindings: dict) -> str:
    """The query with ``VALUES (?a …) { (…) }`` opening its WHERE group, which
    binds the variables for the whole group as rdflib's ``initBindings`` do
    (for engines that take only query text: Oxigraph, SPARQL endpoints)."""
    if not bindings:
        return text
    names = " ".join(f"?{str(v).lstrip('?$')}" for v in bindings)
    values = " ".join(sparql_term(t) for t in bindings.values())
    at = _where_group(text)
    return f"{text[:at]} VALUES ({names}) {{ ({values}) }}{text[at:]}"


def _where_group(text: str) -> int:
    """Index just after the ``{`` that opens the query's WHERE group: the
    first top-level ``{`` after the keyword WHERE, else the first top-level
    ``{`` (``SELECT * { … }``). Strings, IRIs and comments are skipped."""
    i, n, depth = 0, len(text), 0
    first = None
    after_where = False
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c in "'\"":
            quote = text[i:i + 3] if text[i:i + 3] in ("'''", '"""') else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<":
            m = _IRI.match(text, i)
            if m:
                i = m.end()
                continue
        if c.isalpha() and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "?$:_-")):
            m = _WORD.match(text, i)
            word = m.group() if m else c
            if depth == 0 and word.upper() == "WHERE":
                after_where = True
            i += len(word)
            continue
        if c == "{":
            if depth == 0:
                if after_where:
                    return i + 1
                if first is None:
                    first = i + 1
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    if first is None:
        raise InputError("cannot bind variables: the query has no WHERE group")
    return first
