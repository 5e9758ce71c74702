"""Any SPARQL server: push a graph file with the SPARQL 1.1 Graph Store HTTP
Protocol and run queries with the SPARQL 1.1 Protocol, using only the
standard library (``urllib``).

Which URL is which, for some servers (host and port as configured):

=================  ===================================  ==============================
server             graph store (``kg push``)            query (``kg query``)
=================  ===================================  ==============================
Oxigraph           ``http://HOST:7878/store``           ``http://HOST:7878/query``
Apache Jena Fuseki ``http://HOST:3030/DATASET/data``    ``http://HOST:3030/DATASET/query``
Virtuoso           ``http://HOST:8890/sparql-graph-crud``  ``http://HOST:8890/sparql``
=================  ===================================  ==============================

Virtuoso returns at most 10,000 rows per query by default
(``ResultSetMaxRows`` in ``virtuoso.ini``) without saying so, and stalled on
a 1 M-triple HTTP PUT in our tests: load big graphs with its bulk loader."""

from __future__ import annotations

import http.client
import io
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.query import Result

from kg.errors import GraphNotFound, KGError
from kg.graph.store import GRAPH_FORMATS, graph_format, with_values
from kg.ontology.vocab import PREFIXES

__all__ = ["EndpointError", "PushResult", "label_graph", "push", "query", "run_query"]

TIMEOUT = 600.0              # seconds for a whole request, answer included (kg query --timeout)
MAX_RESPONSE = 100_000_000   # bytes of an answer; a bigger one is refused, not read on
_RESULTS_JSON = "application/sparql-results+json"
_GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9"
_LABEL_CHUNK = 200


class EndpointError(KGError):
    """A SPARQL endpoint cannot be reached, or refused or failed a request."""


@dataclass
class PushResult:
    url: str          # the request URL (with ?graph= or ?default)
    method: str
    status: int
    bytes: int


def push(path: Path | str, endpoint: str, graph: str | None = None, *, append: bool = False,
         timeout: float = TIMEOUT) -> PushResult:
    """Load a graph file into the store at ``endpoint`` (its Graph Store
    Protocol URL): ``graph`` names the target graph (default: the default
    graph). PUT replaces that graph; ``append`` POSTs, adding to it. A .nq or
    .trig file carries its own graph names and goes to the store as a whole."""
    path = Path(path)
    if not path.is_file():
        raise GraphNotFound(f"graph file {path} not found; run `kg build` first or give the file")
    fmt = graph_format(path)
    if fmt is None:
        raise EndpointError(f"{path}: cannot tell its format; push a "
                            f"{', '.join(list(GRAPH_FORMATS)[:-1])} or {list(GRAPH_FORMATS)[-1]} file")
    _check_url(endpoint)
    if fmt.quads:
        if graph:
            raise EndpointError(f"{path} names its own graphs; push it without --graph")
        url = endpoint
    else:
        param = urllib.parse.urlencode({"graph": graph}) if graph else "default"
        url = endpoint + ("&" if urllib.parse.urlsplit(endpoint).query else "?") + param
    method = "POST" if append else "PUT"
    size = path.stat().st_size
    with path.open("rb") as body:
        request = urllib.request.Request(url, data=body, method=method, headers={
            "Content-Type": fmt.content_type + "; charset=utf-8",
            "Content-Length": str(size)})
        status, _, _ = _send(request, timeout, what=f"{method} {path.name}")
    return PushResult(url, method, status, size)


def query(endpoint: str, text: str, bindings: dict | None = None, *,
          default_graph: str | None = None, timeout: float | None = TIMEOUT,
          max_bytes: int = MAX_RESPONSE) -> Result:
    """Run a read query at ``endpoint`` (SPARQL 1.1 Protocol, POST
    ``application/sparql-query``); ``bindings`` (variable → RDF term) are
    sent as a VALUES block opening the WHERE group. SELECT and ASK answers
    come back as SPARQL JSON results, CONSTRUCT and DESCRIBE as N-Triples or
    Turtle; all as an rdflib :class:`~rdflib.query.Result`. ``timeout`` bounds
    the whole request, answer included (None: no limit); an answer over
    ``max_bytes`` or not in the promised format is one EndpointError."""
    from rdflib.plugins.sparql.parser import parseQuery

    _check_url(endpoint)
    kind = parseQuery(text)[1].name          # SelectQuery, AskQuery, ConstructQuery, DescribeQuery
    graph_result = kind in ("ConstructQuery", "DescribeQuery")
    url = endpoint
    if default_graph:
        url += ("&" if urllib.parse.urlsplit(endpoint).query else "?") + \
            urllib.parse.urlencode({"default-graph-uri": default_graph})
    request = urllib.request.Request(url, data=with_values(text, bindings or {}).encode("utf-8"),
                                     method="POST", headers={
                                         "Content-Type": "application/sparql-query; charset=utf-8",
                                         "Accept": _GRAPH_TYPES if graph_result else _RESULTS_JSON})
    _, content_type, body = _send(request, timeout, what="query", max_bytes=max_bytes)
    if graph_result:
        result = Result("CONSTRUCT")
        result.graph = _parse_graph(body, content_type, endpoint)
        return result
    try:
        result = Result.parse(io.BytesIO(body), format="json")
        if result.type == "SELECT":
            result.bindings     # noqa: B018 - every row read (and checked) now, not while printing
        return result
    except Exception as exc:  # rdflib's JSON reader raises many unrelated types on odd input
        raise EndpointError(f"{endpoint} did not answer with SPARQL JSON results "
                            f"(Content-Type {content_type or 'missing'}); is it the query URL?") from exc


def label_graph(endpoint: str, result: Result, *, default_graph: str | None = None,
                timeout: float | None = TIMEOUT) -> rdflib.Graph:
    """The ``rdfs:label`` and ``kg:fileName`` triples of every IRI in a SELECT
    result, fetched from the endpoint, so that answers print with names."""
    graph = rdflib.Graph()
    if result.type != "SELECT":
        return graph
    iris = sorted({term for row in result for term in row if isinstance(term, rdflib.URIRef)})
    for start in range(0, len(iris), _LABEL_CHUNK):
        values = " ".join(f"<{iri}>" for iri in iris[start:start + _LABEL_CHUNK])
        text = (f"PREFIX rdfs: <{PREFIXES['rdfs']}>\nPREFIX kg: <{PREFIXES['kg']}>\n"
                "CONSTRUCT { ?s rdfs:label ?l . ?s kg:fileName ?f } WHERE { VALUES ?s { "
                f"{values} }} {{ ?s rdfs:label ?l }} UNION {{ ?s kg:fileName ?f }} }}")
        graph += query(endpoint, text, default_graph=default_graph, timeout=timeout).graph
    return graph


def run_query(endpoint: str, text: str, bindings: dict | None = None, *,
              default_graph: str | None = None,
              timeout: float | None = TIMEOUT) -> tuple[Result, rdflib.Graph]:
    """The answer and the labels to print it with (see :func:`kg.graph.query.format_result`)."""
    result = query(endpoint, text, bindings, default_graph=default_graph, timeout=timeout)
    return result, label_graph(endpoint, result, default_graph=default_graph, timeout=timeout)


# --- HTTP ----------------------------------------------------------------------------

def _check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointError(f"endpoint {url!r} is not an http:// or https:// URL")


def _send(request: urllib.request.Request, timeout: float | None, *, what: str,
          max_bytes: int | None = None) -> tuple[int, str, bytes]:
    """Send a request and read the whole answer within ``timeout`` seconds in
    all (a server that trickles bytes is stopped too; Ctrl-C at any time),
    refusing an answer over ``max_bytes``."""
    from kg.graph.bounded import bounded

    url = request.full_url

    def late(seconds: float) -> EndpointError:
        return EndpointError(f"{url} did not answer the {what} within {seconds:g} s; check the "
                             "server, or raise --timeout")
    return bounded(lambda: _exchange(request, timeout, what, max_bytes), timeout, late=late)


def _exchange(request, timeout, what, max_bytes) -> tuple[int, str, bytes]:
    url = request.full_url
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), \
                _read_body(response, url, max_bytes)
    except urllib.error.HTTPError as exc:
        detail = _first_line(exc.read(64 * 1024))
        raise EndpointError(f"{url} refused the {what}: HTTP {exc.code} {exc.reason}"
                            + (f": {detail}" if detail else "")) from exc
    except urllib.error.URLError as exc:
        raise EndpointError(f"cannot reach {url} ({_short(exc.reason)}); check the URL and that "
                            "the server is running") from exc
    except (socket.timeout, TimeoutError) as exc:
        raise EndpointError(f"{url} did not answer the {what} within {timeout:g} s; check the "
                            "server, or raise --timeout") from exc
    except (ConnectionError, OSError, http.client.HTTPException) as exc:
        raise EndpointError(f"connection to {url} failed during the {what} ({_short(exc)}); "
                            "check that the server is running") from exc


def _read_body(response, url: str, max_bytes: int | None) -> bytes:
    chunks, size = [], 0
    while True:
        chunk = response.read(1 << 20)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if max_bytes is not None and size > max_bytes:
            raise EndpointError(f"{url} answered with more than {max_bytes / 1e6:g} MB; add a "
                                "LIMIT to the query")
        chunks.append(chunk)


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    try:   # some servers answer errors as JSON
        data = json.loads(text)
        text = str(data.get("message") or data.get("error") or text) if isinstance(data, dict) else text
    except ValueError:
        pass
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line[:300]


def _short(reason) -> str:
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(text.split())


def _parse_graph(body: bytes, content_type: str, endpoint: str) -> rdflib.Graph:
    mime = content_type.split(";")[0].strip().lower()
    fmt = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
           "application/x-turtle": "turtle", "application/rdf+xml": "xml"}.get(mime, "turtle")
    graph = rdflib.Graph()
    try:
        graph.parse(data=body.decode("utf-8"), format=fmt)
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise EndpointError(f"{endpoint} answered a graph query with unreadable {mime or 'data'}; "
                            "is it the query URL?") from exc
    return graph
