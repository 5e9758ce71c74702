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
