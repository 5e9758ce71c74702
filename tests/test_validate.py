"""kg validate: the shipped SHACL shapes are the ones the ontology makes; pySHACL
and the fast check of kg build find the same violations, each planted kind."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.errors import KGError
from kg.graph.shapecheck import check_triples
from kg.graph.validate import load_shapes, summary, validate_graph
from kg.ontology.shapes import ontology_shapes, shapes_turtle
from kg.resources import DATA_DIR
from rdflib.compare import isomorphic

PREFIXES = """\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix kgr: <https://w3id.org/kgnews/id/> .
@prefix kgd: <https://w3id.org/kgnews/doc/> .
@prefix kgs: <https://w3id.org/kgnews/st/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
SHA = "ab" * 32
CLEAN = PREFIXES + f"""
kgd:d1 a kg:Document ; kg:fileName "a.txt" ; kg:sha256 "{SHA}" .
kgr:acme a kg:Company ; rdfs:label "Acme"@en , "Acme"@zh ; kg:mentionedIn kgd:d1 ;
    kg:released kgr:m1 .
kgr:m1 a kg:AIModel ; rdfs:label "M1" ; kg:mentionedIn kgd:d1 ;
    kg:parameterCount 7000000000 .
kgs:s1 a rdf:Statement ; rdf:subject kgr:acme ; rdf:predicate kg:released ; rdf:object kgr:m1 ;
    prov:wasDerivedFrom kgd:d1 ; kg:evidence "Acme released M1." ; kg:charStart 0 ;
    kg:charEnd 17 ; kg:extractedBy "released/trigger" ; kg:confidence 0.9 .
kgs:s2 a rdf:Statement ; rdf:subject kgr:m1 ; rdf:predicate kg:parameterCount ;
    rdf:object 7000000000 ; prov:wasDerivedFrom kgd:d1 ; kg:evidence "M1 has 7B." ;
    kg:charStart 18 ; kg:charEnd 28 ; kg:extractedBy "attr/params" ; kg:confidence 0.8 .
"""

# (what is planted, the Turtle added to CLEAN, the line kg validate prints for it)
PLANTED = [
    ("domain", "kgr:m1 kg:released kgr:m1 .",
     "kgr:m1 rdf:type kg:AIModel: the subject of kg:released is a kg:Organization "
     "(kgsh:released-subject-class)"),
    ("range", "kgr:acme kg:released kgr:acme .",
     "kgr:acme kg:released kgr:acme: the object of kg:released is a kg:AIModel or kg:Hardware "
     "or kg:Product (kgsh:released-object)"),
    ("evidence", "kgr:acme kg:integrated kgr:m1 .",
     "kgr:acme kg:integrated kgr:m1: a kg:integrated triple has no rdf:Statement with "
     "kg:evidence about it (kgsh:integrated-evidence)"),
    ("datatype", 'kgr:m1 kg:releaseDate "soon" .',
     'kgr:m1 kg:releaseDate "soon": a kg:releaseDate value is a xsd:date or xsd:gYearMonth '
     "(kgsh:releaseDate-datatype)"),
    ("two labels of one language", 'kgr:acme rdfs:label "Acme Inc."@en .',
     "kgr:acme rdfs:label: an entity has an rdfs:label, at most one per language "
     "(kgsh:Entity-label)"),
    ("two plain labels", 'kgr:m1 rdfs:label "Model One" .',
     "kgr:m1 rdfs:label: an entity has at most one rdfs:label without a language tag "
     "(kgsh:Entity-plainLabel)"),
    ("no label", "kgr:x a kg:Person ; kg:mentionedIn kgd:d1 .",
     "kgr:x rdfs:label: an entity has an rdfs:label, at most one per language (kgsh:Entity-label)"),
    ("two classes", "kgr:acme a kg:Product .",
     "kgr:acme rdf:type: an entity has exactly one class, an entity class of the ontology "
     "(kgsh:Entity-type)"),
    ("confidence above 1", "kgs:s1 kg:confidence 2.0 .",
     "kgs:s1 kg:confidence 2.0: kg:confidence is between 0 and 1 (kgsh:Statement-confidence-range)"),
    ("offsets reversed", "kgs:s3 a rdf:Statement ; rdf:subject kgr:acme ; rdf:predicate kg:released ;"
     " rdf:object kgr:m1 ; prov:wasDerivedFrom kgd:d1 ; kg:evidence \"x\" ; kg:charStart 9 ;"
     " kg:charEnd 3 ; kg:extractedBy \"x\" ; kg:confidence 0.5 .",
     "kgs:s3 kg:charStart 9: kg:charStart is at least 0 and less than kg:charEnd "
     "(kgsh:Statement-charStart-order)"),
    ("bad digest", 'kgd:d2 a kg:Document ; kg:fileName "b.txt" ; kg:sha256 "XYZ" .',
     'kgd:d2 kg:sha256 "XYZ": kg:sha256 is 64 lower-case hexadecimal digits '
     "(kgsh:Document-sha256-hex)"),
]


def graph_of(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def test_the_shipped_shapes_are_the_ones_the_ontology_makes():
    shipped = (DATA_DIR / "shapes.ttl").read_bytes()
    assert shipped == shapes_turtle(), ("kg/data/shapes.ttl is out of date; run "
                                       "`kg validate --print-shapes > kg/data/shapes.ttl`")
    assert isomorphic(load_shapes(), ontology_shapes())


def test_a_clean_graph_conforms_in_both_engines():
    graph = graph_of(CLEAN)
    assert validate_graph(graph) == [] == check_triples(graph)
    assert summary([]) == "the graph conforms to the ontology's shapes"


@pytest.mark.parametrize("what, planted, line", PLANTED, ids=[p[0] for p in PLANTED])
def test_a_planted_violation_is_found_alike_by_both_engines(what, planted, line):
    graph = graph_of(CLEAN + planted)
    found = validate_graph(graph)
    assert line in [v.line() for v in found]
    assert check_triples(graph) == found


def test_all_planted_violations_at_once_agree():
    graph = graph_of(CLEAN + "\n".join(p[1] for p in PLANTED))
    found = validate_graph(graph)
    assert check_triples(graph) == found
    assert {p[2] for p in PLANTED} <= {v.line() for v in found}


def test_the_fast_check_refuses_a_constraint_it_does_not_know():
    shapes = graph_of(PREFIXES + """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kgsh: <https://w3id.org/kgnews/shapes#> .
kgsh:S a sh:NodeShape ; sh:targetClass kg:Company ; sh:property kgsh:P .
kgsh:P a sh:PropertyShape ; sh:path rdfs:label ; sh:maxLength 3 .
""")
    with pytest.raises(KGError, match=r"^kgsh:P: the fast check does not know sh:maxLength; "
                                      r"run `kg validate` without --fast \(pySHACL\)$"):
        check_triples(graph_of(CLEAN), shapes)


def kg(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="kg")


def test_cli_passes_a_clean_graph(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(CLEAN, encoding="utf-8")
    for extra in ((), ("--fast",)):
        result = kg("validate", path, *extra)
        assert result.exit_code == 0, result.output
        assert result.stdout == f"{path}: the graph conforms to the ontology's shapes\n"


@pytest.mark.parametrize("fast", [False, True])
def test_cli_fails_with_one_line_per_violation(tmp_path, fast):
    path = tmp_path / "g.ttl"
    planted = {what: (turtle, line) for what, turtle, line in PLANTED}
    (label, label_line), (digest, digest_line) = planted["two labels of one language"], planted["bad digest"]
    path.write_text(CLEAN + label + "\n" + digest, encoding="utf-8")
    result = kg("validate", path, *(["--fast"] if fast else []))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [digest_line, label_line]
    assert result.stderr == (f"Error: {path}: 2 violations of the ontology's shapes "
                             "(kgsh:Document-sha256-hex 1, kgsh:Entity-label 1)\n")


def test_cli_prints_the_shapes():
    result = kg("validate", "--print-shapes")
    assert result.exit_code == 0
    assert result.stdout_bytes == (DATA_DIR / "shapes.ttl").read_bytes()


def test_cli_names_a_missing_graph(tmp_path):
    result = kg("validate", tmp_path / "none.ttl")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: graph file {tmp_path / 'none.ttl'} not found; run "
                             "`kg build` first or pass --graph FILE\n")
