"""Issue 17, the query side: a local query makes no network request (SERVICE,
FROM) unless --allow-service is given, --bind values are RDF terms that
cannot change the query, and queries that are too deep, too slow or
interrupted end in one line. A local listener (tests/conftest.py) sees
whether any request was made."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kg.cli.main import cli
from kg.errors import QueryError
from kg.graph.query import check_query, parse_binding, run_query
from kg.graph.store import load_graph, sparql_term

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
STORES = ["oxigraph", "memory"]


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def query_file(tmp_path, text: str) -> Path:
    path = tmp_path / "q.rq"
    path.write_text(text, encoding="utf-8")
    return path


# --- 1. SERVICE and remote loading ------------------------------------------------------

REMOTE = [
    "SELECT * WHERE { SERVICE <URL/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <URL/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z OPTIONAL { SERVICE <URL/sparql> { ?s ?p ?o } } }",
    "ASK { FILTER EXISTS { SERVICE <URL/sparql> { ?s ?p ?o } } }",
    "SELECT * FROM <URL/graph.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <URL/graph.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
]


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("text", REMOTE, ids=["service", "silent", "nested", "exists", "from",
                                              "from-named"])
def test_a_local_query_makes_no_request_without_allow_service(tmp_path, monkeypatch, listener, store,
                                                              text):
    monkeypatch.chdir(tmp_path)
    path = query_file(tmp_path, text.replace("URL", listener.url))
    result = invoke("query", str(path), "--graph", str(FIXTURE), "--store", store)
    feature = "FROM" if "FROM" in text else "SERVICE"
    if feature == "FROM" and store == "oxigraph":     # Oxigraph reads FROM as graphs of the file
        assert result.exit_code == 0, result.output
        assert listener.requests == []
        return
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"Error: q.rq: {feature} would make this query fetch data from another host "
        f"({listener.url}/{'graph.ttl' if feature == 'FROM' else 'sparql'}); "
        "pass --allow-service to let it"]
    assert listener.requests == []


@pytest.mark.parametrize("store", STORES)
def test_allow_service_lets_a_query_reach_the_service(tmp_path, listener, store):
    path = query_file(tmp_path, f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}")
    result = invoke("query", str(path), "--graph", str(FIXTURE), "--store", store, "--allow-service")
    assert listener.arrived.wait(30), result.output    # an upper bound: it arrived before the exit
    assert b"/sparql" in listener.requests[0]


def test_allow_service_is_off_in_the_library_too(listener):
    graph = load_graph(FIXTURE, "memory")
    with pytest.raises(QueryError, match="pass --allow-service"):
        run_query(graph, f"SELECT * WHERE {{ SERVICE <{listener.url}/s> {{ ?s ?p ?o }} }}")
    assert listener.requests == []


# --- 2. --bind values are terms, not query text -------------------------------------------

EVIDENCE = "evidence"


@pytest.mark.parametrize("store", STORES)
def test_a_bound_iri_cannot_add_a_service(listener, store):
    value = f"subject=<urn:x>) }} SERVICE <{listener.url}/injected> {{ }} #>"
    result = invoke("query", EVIDENCE, "--graph", str(FIXTURE), "--store", store, "--bind", value)
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        "Error: --bind subject: <urn:x>) } SERVICE <" + listener.url + "/injected> { } #> is not an IRI "
        "(it holds '>', which an IRI cannot); write an IRI as <https://…> without spaces, "
        "quotes, <>{}|^` or \\, or give a name"]
    assert listener.requests == []


@pytest.mark.parametrize("store", STORES)
def test_a_bound_iri_cannot_add_rows_for_another_subject(store):
    value = "subject=<urn:none>) (<https://w3id.org/kgnews/id/openai>) } #>"
    result = invoke("query", EVIDENCE, "--graph", str(FIXTURE), "--store", store, "--bind", value,
                    "--format", "csv")
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: --bind subject: <urn:none>) (<https")


@pytest.mark.parametrize("value", [
    "<urn:a b>", "<urn:a>b>", '<urn:"x">', "<urn:{x}>", "<urn:a|b>", "<urn:a^b>", "<urn:a`b>",
    "<urn:a\\b>", "<urn:a\x01b>", "<urn:a\nb>", "<no-scheme>", "kgr:a>b", "kgr:a b", "kg:x}"])
def test_parse_binding_refuses_what_is_no_iri(value):
    with pytest.raises(QueryError, match="is not an IRI"):
        parse_binding(value)


def test_prefixed_names_come_from_the_query_or_kg():
    text = "PREFIX ex: <https://example.org/ns#>\nSELECT ?x WHERE { ?x ?p ?o }"
    assert check_query(text, {"x": "ex:thing"}) == {
        __import__("rdflib").Variable("x"): URIRef("https://example.org/ns#thing")}
    assert check_query(text, {"x": "kgr:openai"})[__import__("rdflib").Variable("x")] == \
        URIRef("https://w3id.org/kgnews/id/openai")
    assert check_query(text, {"x": "zz:thing"})[__import__("rdflib").Variable("x")] == Literal("zz:thing")


@pytest.mark.parametrize("term", [URIRef("urn:x> } SERVICE <http://h/"), URIRef("urn:a b"),
                                  Literal("x", datatype=URIRef("urn:d> } #"))])
def test_sparql_term_refuses_terms_that_would_change_the_query(term):
    with pytest.raises(Exception, match="not an IRI"):
        sparql_term(term)


@pytest.mark.parametrize("store", STORES)
def test_a_bound_string_with_quotes_stays_one_string(store):
    graph = load_graph(FIXTURE, store)
    text = "SELECT ?v WHERE { BIND(?x AS ?v) }"
    value = 'a" ) } SERVICE <http://127.0.0.1:9/> { } #\\\n\r'
    rows = list(run_query(graph, text, {"x": value}))
    assert [str(r[0]) for r in rows] == [value]


# --- 11. queries that take too long ----------------------------------------------------------

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# seconds on Oxigraph (4.8 M rows), not hours: the stopped query runs on in the background there
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { VALUES ?x { " + " ".join(map(str, range(20))) +
        " } ?a ?b ?c . ?d ?e ?f }")


@pytest.mark.parametrize("store", STORES)
def test_a_query_over_its_timeout_is_one_line(tmp_path, monkeypatch, store):
    monkeypatch.chdir(tmp_path)
    path = query_file(tmp_path, SLOW)
    result = invoke("query", str(path), "--graph", str(FIXTURE), "--store", store, "--timeout", "0.2")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        "Error: q.rq: the query did not finish within 0.2 s; make it more selective "
        "(fewer unconstrained patterns), or raise --timeout"]


def test_the_timeout_stops_rdflibs_engine_too():
    import threading

    from kg.graph.bounded import bounded

    graph = load_graph(FIXTURE, "memory")
    before = set(threading.enumerate())
    with pytest.raises(QueryError, match="did not finish within 0.1 s"):
        run_query(graph, CROSS, timeout=0.1)
    workers = [t for t in set(threading.enumerate()) - before if t.name == "kg-query"]
    for worker in workers:
        worker.join(30)                    # an upper bound: it stops at its next instruction
        assert not worker.is_alive()
    assert bounded(lambda: 42, 1) == 42


CHILD_QUERY = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)   # also when started with SIGINT ignored
import kg.graph.bounded
real = kg.graph.bounded.bounded

def announced(work, timeout, **kwargs):
    print("querying", file=sys.stderr, flush=True)
    return real(work, timeout, **kwargs)
kg.graph.bounded.bounded = announced
from kg.cli.main import cli
cli.main(sys.argv[1:], prog_name="kg")
"""


def test_ctrl_c_stops_a_query_on_the_default_store(tmp_path):
    import signal
    import subprocess
    import sys

    path = query_file(tmp_path, CROSS)
    child = subprocess.Popen([sys.executable, "-c", CHILD_QUERY, "query", str(path), "--graph",
                              str(FIXTURE), "--store", "oxigraph", "--timeout", "0"],
                             stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stderr.readline() == "querying\n"
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)     # the query alone runs for hours
    finally:
        child.kill()
    assert child.returncode == 1
    assert err.strip().splitlines() == ["Aborted!"]


# --- 13. deep nesting ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000,
    "SELECT * WHERE { FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }",
], ids=["groups", "brackets"])
def test_a_query_nested_3000_deep_is_one_line(tmp_path, monkeypatch, text):
    monkeypatch.chdir(tmp_path)
    path = query_file(tmp_path, text)
    result = invoke("query", str(path), "--graph", str(FIXTURE))
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        "Error: q.rq: the query nests too deeply to be read; write it with fewer nested groups "
        "or brackets"]
