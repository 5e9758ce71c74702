"""kg export: graphml and gexf open in networkx, the CSV files have the headers
neo4j-admin database import reads, JSON-LD and N-Triples hold every triple;
every export is deterministic."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph
from rdflib.compare import isomorphic

from kg.cli.export import _TO
from kg.cli.main import cli
from kg.errors import KGError
from kg.graph.export import EXPORTS, export, network
from kg.graph.store import load_graph
from kg.ontology.vocab import ENTITY, ENTITY_CLASSES, KG, RELATIONS

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
# neo4j-admin database import: the property types a header may name (with [] for arrays)
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
               "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_graph(FIXTURE, "memory")


def entities(graph) -> set[str]:
    return {str(s) for c in ENTITY_CLASSES for s in graph.subjects(RDF.type, KG[c])}


def relations(graph) -> set[tuple[str, str, str]]:
    found = set()
    for name in RELATIONS:
        found |= {(str(s), str(o), name) for s, o in graph.subject_objects(KG[name])}
    return found


def kg(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="kg")


def test_the_cli_offers_every_export():
    assert tuple(_TO) == EXPORTS


@pytest.mark.parametrize("to, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_open_in_networkx(graph, tmp_path, to, read):
    out = tmp_path / f"g.{to}"
    result = kg("export", FIXTURE, "--to", to, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out} ({out.stat().st_size:,} bytes)\n"
    g = read(out)
    assert set(g.nodes) == entities(graph)
    assert {(s, o, d["relation"]) for s, o, d in g.edges(data=True)} == relations(graph)
    deepseek = g.nodes[str(ENTITY.deepseek)]
    assert deepseek["label"] == "DeepSeek" and deepseek["class"] == "Company"
    edge = next(d for s, o, d in g.edges(data=True)
                if s == str(ENTITY.deepseek) and o == str(ENTITY["deepseek-r1"]))
    assert edge["relation"] == "released" and edge["statements"] >= 1
    assert "DeepSeek" in edge["evidence"]


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_csv_has_the_headers_neo4j_admin_import_reads(graph, tmp_path):
    result = kg("export", FIXTURE, "--to", "csv", "--out", tmp_path / "neo4j")
    assert result.exit_code == 0, result.output
    nodes = read_csv(tmp_path / "neo4j" / "nodes.csv")
    rels = read_csv(tmp_path / "neo4j" / "relationships.csv")
    node_header, rel_header = list(nodes[0]), list(rels[0])
    assert [h for h in node_header if h.endswith(":ID")] == ["iri:ID"]
    assert ":LABEL" in node_header
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    for header in node_header + rel_header:
        name, _, kind = header.partition(":")
        assert kind in {"ID", "LABEL", "START_ID", "END_ID", "TYPE", ""} or (
            name and kind.removesuffix("[]") in NEO4J_TYPES), header
    ids = [n["iri:ID"] for n in nodes]
    assert len(ids) == len(set(ids)) and set(ids) == entities(graph)
    assert {(r[":START_ID"], r[":END_ID"], r[":TYPE"]) for r in rels} == relations(graph)
    deepseek = next(n for n in nodes if n["iri:ID"] == str(ENTITY.deepseek))
    assert deepseek[":LABEL"] == "Company;Organization" and deepseek["name"] == "DeepSeek"
    assert deepseek["foundedYear:int"] == "2023"
    v3 = next(n for n in nodes if n["iri:ID"] == str(ENTITY["deepseek-v3"]))
    assert v3["parameterCount:long"] == "671000000000"
    assert all(0 <= float(r["confidence:float"]) <= 1 for r in rels)


@pytest.mark.parametrize("to, fmt", [("jsonld", "json-ld"), ("ntriples", "nt")])
def test_jsonld_and_ntriples_hold_every_triple(graph, to, fmt):
    (data,) = export(graph, to).values()
    assert isomorphic(Graph().parse(data=data.decode("utf-8"), format=fmt), graph)


@pytest.mark.parametrize("to", EXPORTS)
def test_exports_are_deterministic(to):
    first = export(load_graph(FIXTURE, "memory"), to)
    again = export(load_graph(FIXTURE, "oxigraph"), to)
    assert first == again


def test_gexf_has_no_date_in_it(graph):
    (data,) = export(graph, "gexf").values()
    assert b"lastmodifieddate" not in data


def test_default_output_is_beside_the_graph(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_bytes(FIXTURE.read_bytes())
    assert kg("export", path, "--to", "graphml").exit_code == 0
    assert (tmp_path / "graph.graphml").is_file()
    assert kg("export", path, "--to", "csv").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "graph-neo4j").iterdir()) == [
        "nodes.csv", "relationships.csv"]


def test_unknown_export_and_missing_graph(tmp_path):
    with pytest.raises(KGError, match="unknown export 'dot'; use one of graphml, gexf, csv, jsonld, ntriples"):
        export(Graph(), "dot")
    result = kg("export", tmp_path / "none.ttl", "--to", "gexf")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: graph file {tmp_path / 'none.ttl'} not found; run "
                             "`kg build` first or pass --graph FILE\n")


def test_the_network_leaves_out_relations_to_non_entities(graph):
    net = network(graph)
    assert all(s in net.nodes and o in net.nodes for s, o, _, _ in net.edges)
