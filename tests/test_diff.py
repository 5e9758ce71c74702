"""``kg diff OLD NEW``: what a new day of news changed, as readable lines,
JSON or Turtle, each change with the documents that bring it; and the
one-line summary ``kg build`` prints against the previous build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli

PREFIXES = """@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix kgr: <https://w3id.org/kgnews/id/> .
@prefix kgd: <https://w3id.org/kgnews/doc/> .
@prefix kgs: <https://w3id.org/kgnews/st/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
DOC1 = """kgd:d1 a kg:Document ; dcterms:title "Day one" ; kg:fileName "one.txt" .
kgr:acme a kg:Company ; rdfs:label "Acme" ; kg:mentionedIn kgd:d1 .
kgr:zeta a kg:AIModel ; rdfs:label "Zeta" ; kg:mentionedIn kgd:d1 ; kg:releaseDate "2025-03"^^xsd:gYearMonth .
kgr:acme kg:released kgr:zeta .
kgs:s1 a rdf:Statement ; rdf:subject kgr:acme ; rdf:predicate kg:released ; rdf:object kgr:zeta ;
    prov:wasDerivedFrom kgd:d1 ; kg:evidence "Acme released Zeta." .
kgs:s2 a rdf:Statement ; rdf:subject kgr:zeta ; rdf:predicate kg:releaseDate ;
    rdf:object "2025-03"^^xsd:gYearMonth ; prov:wasDerivedFrom kgd:d1 ; kg:evidence "In March." .
"""
DOC2 = """kgd:d2 a kg:Document ; dcterms:title "Day two" ; kg:fileName "two.txt" ;
    dcterms:issued "2025-03-11"^^xsd:date ; dcterms:publisher "Daily" .
kgr:acme kg:mentionedIn kgd:d2 ; skos:altLabel "ACME Corp" .
kgr:nova a kg:AIModel ; rdfs:label "Nova" ; kg:mentionedIn kgd:d2 .
kgr:acme kg:released kgr:nova .
kgs:s3 a rdf:Statement ; rdf:subject kgr:acme ; rdf:predicate kg:released ; rdf:object kgr:nova ;
    prov:wasDerivedFrom kgd:d2 ; kg:evidence "ACME Corp released Nova yesterday." .
"""


@pytest.fixture
def graphs(tmp_path):
    old = tmp_path / "old.ttl"
    new = tmp_path / "new"
    new.mkdir()
    old.write_text(PREFIXES + DOC1, encoding="utf-8")
    # day two: a new document, entity, alias and fact; the release date is gone
    (new / "graph.ttl").write_text(PREFIXES + DOC1.replace(
        'kg:releaseDate "2025-03"^^xsd:gYearMonth .', ".").split("kgs:s2")[0] + DOC2, encoding="utf-8")
    return old, new


def test_the_table_lists_each_change_with_its_documents(graphs):
    old, new = graphs
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "+ document   Day two  [two.txt · 2025-03-11 · Daily]",
        "+ entity     Nova (AIModel)  <- Day two",
        "+ alias      Acme = ACME Corp  <- Day two",
        "+ fact       Acme released Nova  <- Day two",
        "      \u201cACME Corp released Nova yesterday.\u201d",
        "- attribute  Zeta releaseDate 2025-03  <- Day one",
        "      \u201cIn March.\u201d",
        "5 change(s): +1 document, +1 entity, +1 alias, +1 fact, -1 attribute",
    ]


def test_json_and_turtle(graphs):
    old, new = graphs
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", "json"])
    data = json.loads(result.output)
    assert data["counts"] == {"alias+": 1, "attribute-": 1, "document+": 1, "entity+": 1, "fact+": 1}
    fact = [c for c in data["changes"] if c["kind"] == "fact"][0]
    assert (fact["change"], fact["subject"]["label"], fact["predicate"], fact["object"]["label"]) == \
        ("added", "Acme", "released", "Nova")
    assert fact["documents"][0]["title"] == "Day two" and fact["evidence"] == ["ACME Corp released Nova yesterday."]
    turtle = CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", "turtle"]).output
    g = Graph().parse(data=turtle, format="turtle")
    rows = set(g.query("""PREFIX kg: <https://w3id.org/kgnews/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?kind ?p WHERE { ?c a ?kind ; rdf:predicate ?p }"""))
    kg = "https://w3id.org/kgnews/ontology#"
    assert {(str(k)[len(kg):], str(p).split("#")[-1]) for k, p in rows} == {
        ("Addition", "type"), ("Addition", "altLabel"), ("Addition", "released"), ("Removal", "releaseDate")}


def test_the_same_graphs_give_the_same_bytes_and_no_change(graphs):
    old, new = graphs
    runs = [CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", f]).output
            for f in ("table", "json", "turtle", "table", "json", "turtle")]
    assert runs[:3] == runs[3:]
    same = CliRunner().invoke(cli, ["diff", str(old), str(old)])
    assert same.output == "0 change(s): no changes\n"


def test_a_missing_graph_is_one_error_line(tmp_path):
    result = CliRunner().invoke(cli, ["diff", str(tmp_path / "nope"), str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path / 'nope'}: no such graph; give a graph file or a "
                             "folder `kg build --out` wrote\n")


SAMPLE = Path(__file__).parent / "data" / "corpus_sample.jsonl"


def test_adding_articles_lists_exactly_what_they_brought(tmp_path, extractor):
    """Build three articles, then all five into the same folder: the build
    says what changed, and the diff lists exactly the facts and attributes
    of the two new articles that the old graph did not have."""
    from kg.graph.diff import diff_graphs, load_index
    from kg.run.build import build

    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    (tmp_path / "day1.jsonl").write_text("\n".join(lines[:3]), encoding="utf-8")
    (tmp_path / "day2.jsonl").write_text("\n".join(lines[3:]), encoding="utf-8")
    first = build([tmp_path / "day1.jsonl"], tmp_path / "out", html=False, extractor=extractor)
    assert first.changes == ""          # nothing to compare with
    (tmp_path / "old.ttl").write_bytes((tmp_path / "out" / "graph.ttl").read_bytes())
    second = build([tmp_path / "day1.jsonl", tmp_path / "day2.jsonl"], tmp_path / "out", html=False,
                   extractor=extractor)
    old, new = load_index(tmp_path / "old.ttl"), load_index(tmp_path / "out")
    diff = diff_graphs(old, new)
    assert second.changes == diff.summary() and second.changes.startswith("+2 documents, +")
    new_docs = set(new.documents) - set(old.documents)
    assert len(new_docs) == 2
    brought = {claim for claim, support in new.support.items() if {d for d, _ in support} & new_docs}
    listed = {(c.subject, c.predicate, c.object) for c in diff.changes if c.kind in ("fact", "attribute")}
    assert len(listed) >= 5
    assert listed == brought - old.claims
    assert all(c.sign == "+" and set(c.sources) <= new_docs for c in diff.changes)


@pytest.mark.parametrize("new_dates, lines", [
    # one value gave way to another: one "changed" line with the new value's documents
    (['"2025-04"^^xsd:gYearMonth'], ["~ attribute  Zeta releaseDate 2025-03 \u2192 2025-04",
                                    "1 change(s): ~1 attribute"]),
    # two values where there was one: an addition, not a change
    (['"2025-03"^^xsd:gYearMonth', '"2025-04"^^xsd:gYearMonth'],
     ["+ attribute  Zeta releaseDate 2025-04", "1 change(s): +1 attribute"]),
])
def test_a_corrected_value_is_one_change(tmp_path, new_dates, lines):
    old = tmp_path / "old.ttl"
    new = tmp_path / "new.ttl"
    old.write_text(PREFIXES + DOC1.split("kgs:s2")[0], encoding="utf-8")
    body = DOC1.split("kgs:s2")[0].replace('kg:releaseDate "2025-03"^^xsd:gYearMonth',
                                           "kg:releaseDate " + ", ".join(new_dates))
    new.write_text(PREFIXES + body, encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == lines


def test_a_retyped_entity_is_one_change_in_every_format(tmp_path):
    old = tmp_path / "old.ttl"
    new = tmp_path / "new.ttl"
    old.write_text(PREFIXES + DOC1, encoding="utf-8")
    new.write_text(PREFIXES + DOC1.replace("kgr:acme a kg:Company", "kgr:acme a kg:Product"), encoding="utf-8")
    table = CliRunner().invoke(cli, ["diff", str(old), str(new)]).output.splitlines()
    assert table == ["~ entity     Acme (Company \u2192 Product)  <- Day one", "1 change(s): ~1 entity"]
    data = json.loads(CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", "json"]).output)
    change = data["changes"][0]
    assert (change["change"], change["previous"]["label"], change["object"]["label"]) == \
        ("changed", "Company", "Product")
    turtle = CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", "turtle"]).output
    g = Graph().parse(data=turtle, format="turtle")
    rows = set(g.query("""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?kind ?o WHERE { ?c a ?kind ; rdf:object ?o }"""))
    assert {(str(k).split("#")[-1], str(o).split("#")[-1]) for k, o in rows} == {
        ("Removal", "Company"), ("Addition", "Product")}
