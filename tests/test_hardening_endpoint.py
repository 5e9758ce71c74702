"""Issue 17, item 12: `kg query --endpoint` against servers that misbehave. A
local listener (tests/conftest.py) plays the server: one that trickles
bytes, one that never answers, malformed answers, a too-big answer. Each is
one line, within --timeout for the whole request."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli.main import cli
from kg.graph.endpoint import EndpointError, query

SELECT = "SELECT ?s WHERE { ?s ?p ?o }"


def ok(body: bytes, content_type: str = "application/sparql-results+json") -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n").encode() + body


def trickle(request, conn, stopped):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                 b"Content-Length: 100000\r\n\r\n")
    while not stopped.wait(0.05):       # one byte every 50 ms, for ever
        conn.sendall(b" ")


def silent(request, conn, stopped):
    stopped.wait(60)                    # an upper bound: the test ends it


def run(url, *extra):
    return CliRunner().invoke(cli, ["query", "models_by_company", "--endpoint", url, *extra])


@pytest.mark.parametrize("reply", [trickle, silent], ids=["trickle", "silent"])
def test_a_slow_server_is_stopped_at_the_timeout_for_the_whole_request(make_listener, reply):
    server = make_listener(reply)
    result = run(server.url + "/query", "--timeout", "0.5")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"Error: {server.url}/query did not answer the query within 0.5 s; check the server, "
        "or raise --timeout"]


BAD = {
    "array": b"[1, 2, 3]",
    "unknown-term-type": json.dumps({"head": {"vars": ["company"]}, "results": {"bindings": [
        {"company": {"type": "weird", "value": "x"}}]}}).encode(),
    "bindings-not-a-list": json.dumps({"head": {"vars": ["company"]}, "results": {"bindings": 5}}).encode(),
    "not-json": b"<html>hello</html>",
    "string": b'"just a string"',
}


@pytest.mark.parametrize("body", BAD.values(), ids=BAD.keys())
def test_a_malformed_answer_is_one_line(make_listener, body):
    server = make_listener(ok(body))
    result = run(server.url + "/query")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"Error: {server.url}/query did not answer with SPARQL JSON results (Content-Type "
        "application/sparql-results+json); is it the query URL?"]


def test_an_answer_over_the_size_limit_is_refused(make_listener):
    body = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": [
        {"s": {"type": "literal", "value": "x" * 100}}] * 50}}).encode()
    server = make_listener(ok(body))
    with pytest.raises(EndpointError) as info:
        query(server.url + "/query", SELECT, max_bytes=1000)
    assert str(info.value) == (f"{server.url}/query answered with more than 0.001 MB; add a LIMIT "
                               "to the query")
    assert len(query(server.url + "/query", SELECT, max_bytes=len(body)).bindings) == 50
