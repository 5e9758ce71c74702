"""Any SPARQL server (kg.graph.endpoint): `kg push` loads a graph with the Graph
Store Protocol and `kg query --endpoint` answers the queries/ files there
exactly as on the local file. The server is a real Oxigraph server started
on 127.0.0.1 for these tests (`pip install oxigraph`; CI installs it with
the test extras). Also: the Oxigraph-backed local store (kg.graph.store) answers
every query as rdflib's own store does, and bindings sent as VALUES."""

from __future__ import annotations

import csv
import io
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef, Variable

from kg.cli.main import cli
from kg.graph.endpoint import EndpointError, push, query
from kg.graph.query import format_result, run_query
from kg.resources import QUERIES_DIR
from kg.graph.store import default_store, is_oxigraph, load_graph, with_values

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
QUERIES = sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))
HOST = "127.0.0.1"


def _oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"        # the venv's, when not activated
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the Oxigraph server is not installed: pip install oxigraph "
                    "(or pip install -e '.[test]')", pytrace=False)
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``http://127.0.0.1:PORT`` of a fresh Oxigraph server; stopped afterwards."""
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    log = (location.parent / "oxigraph.log").open("wb")
    process = subprocess.Popen([_oxigraph_binary(), "serve", "--location", str(location),
                                "--bind", f"{HOST}:{port}"], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(300):                              # at most ~30 s
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {process.returncode}; "
                            f"see {location.parent / 'oxigraph.log'}", pytrace=False)
            try:
                with socket.create_connection((HOST, port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not answer within 30 s", pytrace=False)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def pushed(server):
    result = CliRunner().invoke(cli, ["push", str(FIXTURE), "--endpoint", f"{server}/store"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"loaded {FIXTURE} (")
    assert "into the default graph" in result.output
    return server


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def local(name: str, *extra: str, store: str | None = None) -> str:
    return invoke("query", name, "--graph", str(FIXTURE), *(["--store", store] if store else []),
                  *extra)


def rows(text: str) -> list[list[str]]:
    return sorted(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("name, extra", [
    ("models_by_company", ()),
    ("models_by_company", ("--format", "json")),
    ("praise_and_criticism", ("--bind", "target=DeepSeek-R1", "--format", "csv")),
    ("praise_and_criticism", ("--bind", "target=kgr:deepseek")),
    ("evidence", ("--bind", "subject=DeepSeek", "--bind", "relation=released")),
    ("release_timeline", ("--format", "tsv")),
])
def test_query_at_the_endpoint_prints_what_the_file_gives(pushed, name, extra):
    remote = invoke("query", name, "--endpoint", f"{pushed}/query", *extra)
    assert remote == local(name, *extra)
    assert remote.strip()


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_gives_the_same_rows_at_the_endpoint(pushed, name):
    # rows compared as a multiset: some queries leave the order of ties open
    remote = invoke("query", name, "--endpoint", f"{pushed}/query", "--format", "csv")
    assert rows(remote) == rows(local(name, "--format", "csv"))


def test_push_into_a_named_graph_and_query_it(server):
    iri = "https://example.org/graphs/fixture"
    out = invoke("push", str(FIXTURE), "--endpoint", f"{server}/store", "--graph", iri)
    assert f"into graph <{iri}>" in out
    remote = invoke("query", "founders", "--endpoint", f"{server}/query", "--default-graph", iri)
    assert remote == local("founders")
    again = push(FIXTURE, f"{server}/store", iri, append=True)
    assert again.method == "POST" and again.status in (200, 201, 204)
    assert "graph=https%3A%2F%2Fexample.org%2Fgraphs%2Ffixture" in again.url


def test_construct_and_ask_at_the_endpoint(pushed):
    ask = query(f"{pushed}/query", "ASK { ?s a <https://w3id.org/kgnews/ontology#Company> }")
    assert ask.type == "ASK" and ask.askAnswer is True
    graph = query(f"{pushed}/query", "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 3").graph
    assert len(graph) == 3


@pytest.mark.parametrize("args, message", [
    (["query", "founders", "--endpoint", "ftp://example.org/sparql"],
     "Error: endpoint 'ftp://example.org/sparql' is not an http:// or https:// URL"),
    (["push", str(FIXTURE), "--endpoint", "localhost:7878/store"],
     "Error: endpoint 'localhost:7878/store' is not an http:// or https:// URL"),
    (["push", "no/such/graph.ttl", "--endpoint", "http://127.0.0.1:9/store"],
     "Error: graph file no/such/graph.ttl not found; run `kg build` first or give the file"),
    (["query", "founders", "--default-graph", "https://example.org/g"],
     "Error: --default-graph goes with --endpoint"),
])
def test_usage_errors(args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (1, 2)
    assert result.output.splitlines()[-1] == message


def test_a_server_that_is_not_there():
    port = _free_port()                                   # nothing listens on it
    result = CliRunner().invoke(cli, ["query", "founders", "--endpoint", f"http://{HOST}:{port}/query"])
    assert result.exit_code == 1
    assert result.output == (f"Error: cannot reach http://{HOST}:{port}/query (Connection refused); "
                             "check the URL and that the server is running\n")


def test_a_wrong_path_on_the_server(server, tmp_path):
    with pytest.raises(EndpointError, match=r"/nowhere refused the query: HTTP 404 Not Found"):
        query(f"{server}/nowhere", "ASK {}")
    quads = tmp_path / "g.nq"
    quads.write_text("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n", encoding="utf-8")
    with pytest.raises(EndpointError, match="names its own graphs; push it without --graph"):
        push(quads, f"{server}/store", "https://example.org/g")


def test_push_nquads_keeps_their_graphs(server, tmp_path):
    path = tmp_path / "doc.nq"
    path.write_text("<http://a/s> <http://a/p> \"x\" <http://a/g1> .\n", encoding="utf-8")
    push(path, f"{server}/store", append=True)
    answer = query(f"{server}/query", "ASK { GRAPH <http://a/g1> { <http://a/s> <http://a/p> \"x\" } }")
    assert answer.askAnswer is True


def test_the_server_is_only_on_the_loopback(server):
    assert server.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(f"{server}/query?query=ASK%7B%7D", timeout=10) as response:
        assert response.status == 200


# --- the local stores ----------------------------------------------------------------------

def test_the_oxigraph_store_is_the_default():
    assert default_store() == "oxigraph"
    assert is_oxigraph(load_graph(FIXTURE))
    assert not is_oxigraph(load_graph(FIXTURE, "memory"))


@pytest.mark.parametrize("name", QUERIES)
def test_both_stores_give_the_same_rows(name):
    assert rows(local(name, "--format", "csv", store="oxigraph")) == \
        rows(local(name, "--format", "csv", store="memory"))


def test_both_stores_take_bindings_alike():
    graphs = [load_graph(FIXTURE, store) for store in ("oxigraph", "memory")]
    text = (QUERIES_DIR / "praise_and_criticism.rq").read_text(encoding="utf-8")
    out = [format_result(run_query(g, text, {"target": "DeepSeek-R1"}), g, "csv") for g in graphs]
    assert out[0] == out[1]
    assert len(out[0].splitlines()) > 1


@pytest.mark.parametrize("query_text, expected", [
    ("SELECT * { ?s ?p ?o }", 'SELECT * { VALUES (?x) { ("a\\"b") } ?s ?p ?o }'),
    ("PREFIX a: <http://a/> # WHERE {\nSELECT ?s WHERE { ?s a:p \"WHERE {\" }",
     "PREFIX a: <http://a/> # WHERE {\nSELECT ?s WHERE { VALUES (?x) { (\"a\\\"b\") } ?s a:p \"WHERE {\" }"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?x < 3) }",
     "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?x) { (\"a\\\"b\") } ?s ?p ?o FILTER(?x < 3) }"),
    ("select ?where {?where ?p ?o}", 'select ?where { VALUES (?x) { ("a\\"b") }?where ?p ?o}'),
])
def test_bindings_open_the_where_group(query_text, expected):
    assert with_values(query_text, {Variable("x"): Literal('a"b')}) == expected


def test_binding_terms():
    text = with_values("ASK {}", {Variable("i"): URIRef("http://x/"), Variable("n"): Literal(7),
                                  Variable("l"): Literal("北京", lang="zh")})
    assert text == ('ASK { VALUES (?i ?n ?l) { (<http://x/> '
                    '"7"^^<http://www.w3.org/2001/XMLSchema#integer> "北京"@zh) }}')


def test_push_refuses_a_suffix_the_format_table_lacks(tmp_path):
    from kg.graph.store import GRAPH_FORMATS

    path = tmp_path / "graph.rdf"
    path.write_text("<rdf:RDF/>", encoding="utf-8")
    with pytest.raises(EndpointError) as info:
        push(path, "http://127.0.0.1:9/store")
    assert str(info.value) == f"{path}: cannot tell its format; push a .ttl, .nt, .nq or .trig file"
    assert list(GRAPH_FORMATS) == [".ttl", ".nt", ".nq", ".trig"]
