"""kg.graph.results and `kg query`'s formats: SPARQL 1.1 Query Results JSON,
--iris, -e and stdin, graphs as Turtle or N-Triples (and table formats refused
for them), --bom, pinyin glosses left out of what is shown, tables fit $COLUMNS."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.query import Result

from kg.cli.main import cli
from kg.errors import QueryError
from kg.graph.query import run_query
from kg.graph.results import Style, format_result, sparql_json
from kg.graph.store import load_graph
from kg.ontology.vocab import ENTITY, KG

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
PREFIX = "PREFIX kg: <https://w3id.org/kgnews/ontology#>\n"
RELEASED = PREFIX + "SELECT ?org ?model WHERE { ?org kg:released ?model } ORDER BY ?org ?model LIMIT 2"
CONSTRUCT = PREFIX + "CONSTRUCT { ?x kg:banned ?y } WHERE { ?x kg:banned ?y }"
GLOSSED = """\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
<https://w3id.org/kgnews/st/1> kg:evidence "DeepSeek會(huì)在全球AI競(jìng)爭(zhēng)中沉淪嗎" .
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_graph(FIXTURE)


def invoke(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="kg", **kwargs)


def query(*args, **kwargs):
    return invoke("query", "--graph", FIXTURE, *args, **kwargs)


# --- SPARQL 1.1 Query Results JSON ------------------------------------------------

def check_results_json(data: dict) -> None:
    """The shape https://www.w3.org/TR/sparql11-results-json/ prescribes."""
    assert set(data) == {"head", "results"}
    names = data["head"]["vars"]
    assert all(isinstance(n, str) and not n.startswith("?") for n in names)
    for binding in data["results"]["bindings"]:
        assert set(binding) <= set(names)
        for term in binding.values():
            assert term["type"] in ("uri", "literal", "bnode") and isinstance(term["value"], str)
            assert set(term) <= {"type", "value", "xml:lang", "datatype"}
            assert not ("xml:lang" in term and "datatype" in term)
            assert term["type"] == "literal" or set(term) == {"type", "value"}


@pytest.mark.parametrize("name", ["models_by_company", "model_specs", "evidence", "founders"])
def test_json_is_sparql_results_json_that_rdflib_reads_back(graph, name):
    out = query(name, "--format", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    check_results_json(data)
    back = Result.parse(io.StringIO(out.stdout), format="json")
    from kg.graph.query import read_query, resolve_query

    direct = run_query(graph, read_query(resolve_query(name)))
    assert [tuple(map(plain, row)) for row in back] == [tuple(map(plain, row)) for row in direct]


def plain(term):
    """xsd:string literals as plain ones (the same in RDF 1.1; Oxigraph writes the datatype)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def test_json_keeps_iris_language_tags_and_datatypes(graph):
    text = PREFIX + ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                     "SELECT ?e ?alias ?year WHERE { ?e kg:foundedYear ?year ; "
                     "<http://www.w3.org/2004/02/skos/core#altLabel> ?alias FILTER(lang(?alias) = 'zh') }")
    data = sparql_json(run_query(graph, text))
    assert data["results"]["bindings"] == [{
        "e": {"type": "uri", "value": str(ENTITY.deepseek)},
        "alias": {"type": "literal", "value": "深度求索", "xml:lang": "zh"},
        "year": {"type": "literal", "value": "2023", "datatype": "http://www.w3.org/2001/XMLSchema#gYear"},
    }]


def test_json_of_ask():
    out = query("-e", PREFIX + "ASK { ?x kg:banned ?y }", "--format", "json")
    assert json.loads(out.stdout) == {"head": {}, "boolean": True}


# --- IRIs, -e, stdin ----------------------------------------------------------------

def test_iris_keeps_iris(graph):
    assert query("-e", RELEASED).stdout.splitlines()[2:4] == ["DeepSeek  DeepSeek-R1",
                                                             "DeepSeek  DeepSeek-V3"]
    assert query("-e", RELEASED, "--iris").stdout.splitlines()[2:4] == [
        "kgr:deepseek  kgr:deepseek-r1", "kgr:deepseek  kgr:deepseek-v3"]
    assert query("-e", RELEASED, "--iris", "--format", "csv").stdout.splitlines()[1] == (
        f"{ENTITY.deepseek},{ENTITY['deepseek-r1']}")


def test_query_from_stdin_and_from_the_command_line_give_the_file_answer(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text(RELEASED, encoding="utf-8")
    from_file = query(path, "--format", "csv")
    assert from_file.exit_code == 0 and from_file.stdout.startswith("org,model\n")
    assert query("-", "--format", "csv", input=RELEASED).stdout == from_file.stdout
    assert query("-e", RELEASED, "--format", "csv").stdout == from_file.stdout


def test_errors_name_stdin_and_e():
    result = query("-", input="SELECT ?x WHERE {\n  ?x ?y\n}\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: stdin: syntax error at line 2, column 3")
    result = query("-e", "SELECT ?x WHERE { ?x foo:bar ?y }")
    assert result.stderr == "Error: -e: Unknown namespace prefix : foo\n"
    result = query("founders", "-e", RELEASED)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: give a query file or NAME, or -e QUERY, not both"


# --- graphs ---------------------------------------------------------------------------

def expected_bans() -> Graph:
    g = Graph()
    g.add((ENTITY["governmentbody-意大利隐私监管机构"], KG.banned, ENTITY["deepseek"]))
    return g


def test_construct_writes_turtle_or_ntriples():
    turtle = query("-e", CONSTRUCT)
    assert turtle.exit_code == 0
    assert isomorphic(Graph().parse(data=turtle.stdout, format="turtle"), expected_bans())
    nt = query("-e", CONSTRUCT, "--format", "ntriples")
    assert isomorphic(Graph().parse(data=nt.stdout, format="nt"), expected_bans())
    assert nt.stdout.startswith("<https://w3id.org/kgnews/id/")


@pytest.mark.parametrize("text", [CONSTRUCT, "DESCRIBE <https://w3id.org/kgnews/id/deepseek>"],
                         ids=["construct", "describe"])
@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_construct_refuses_table_formats_in_one_line(fmt, text):
    result = query("-e", text, "--format", fmt)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("Error: a CONSTRUCT or DESCRIBE query gives a graph, not a table; "
                             "use --format turtle or --format ntriples\n")


def test_select_refuses_graph_formats():
    result = query("-e", RELEASED, "--format", "turtle")
    assert result.exit_code == 1
    assert result.stderr == ("Error: a SELECT query gives a table, not a graph; "
                             "use --format table, csv, tsv, json\n")


# --- csv for spreadsheets, pinyin, widths ---------------------------------------------

def test_bom_for_spreadsheets():
    result = query("-e", RELEASED, "--format", "csv", "--bom")
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbforg,model\n")
    assert not query("-e", RELEASED, "--format", "csv").stdout_bytes.startswith(b"\xef\xbb\xbf")
    refused = query("-e", RELEASED, "--bom")
    assert refused.exit_code == 1
    assert refused.stderr == "Error: --bom goes with --format csv or tsv\n"


def test_pinyin_glosses_are_left_out_of_what_is_shown_not_out_of_the_graph():
    g = Graph().parse(data=GLOSSED, format="turtle")
    text = PREFIX + "SELECT ?e WHERE { ?s kg:evidence ?e }"
    assert format_result(run_query(g, text), g, "csv") == "e\nDeepSeek會在全球AI競爭中沉淪嗎"
    raw = sparql_json(run_query(g, text))["results"]["bindings"][0]["e"]["value"]
    assert raw == "DeepSeek會(huì)在全球AI競(jìng)爭(zhēng)中沉淪嗎"
    assert Literal(raw) in set(g.objects())


def test_a_bracket_that_is_not_a_gloss_stays():
    g = Graph()
    g.add((URIRef("https://w3id.org/kgnews/st/1"), KG.evidence, Literal("深度求索(DeepSeek)发布")))
    text = PREFIX + "SELECT ?e WHERE { ?s kg:evidence ?e }"
    assert format_result(run_query(g, text), g, "csv") == "e\n深度求索(DeepSeek)发布"


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_tables_fit_columns(columns):
    result = query("evidence", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    from kg.graph.results import _width

    assert max(_width(line) for line in lines[:-1]) <= columns
    assert lines[-1].endswith(f"; cells cut to fit {columns} columns, --format tsv shows them whole)")


def test_without_a_width_cells_are_cut_at_100_columns(graph):
    text = 'SELECT ?s WHERE { VALUES ?s { "%s" } }' % ("长" * 60)
    out = format_result(run_query(graph, text), graph, "table", Style(width=None))
    assert out.splitlines()[-1] == "(1 row; cells cut at 100 columns, --format tsv shows them whole)"


def test_a_narrow_table_that_fits_says_nothing():
    result = query("-e", RELEASED, env={"COLUMNS": "200"})
    assert result.stdout.splitlines()[-1] == "(2 rows)"


def test_unbound_is_an_empty_cell_in_every_text_format(graph):
    text = 'SELECT ?a ?b WHERE { VALUES (?a ?b) { ("x" UNDEF) } }'
    result = run_query(graph, text)
    assert format_result(result, graph, "csv") == "a,b\nx,"
    assert format_result(run_query(graph, text), graph, "tsv") == "a\tb\nx\t"
    assert sparql_json(run_query(graph, text))["results"]["bindings"] == [
        {"a": {"type": "literal", "value": "x"}}]


def test_unknown_format_is_a_query_error(graph):
    with pytest.raises(QueryError, match="unknown format 'xml'"):
        format_result(run_query(graph, RELEASED), graph, "xml")


# --- languages ----------------------------------------------------------------------

BILINGUAL = """\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix kgr: <https://w3id.org/kgnews/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kgr:deepseek a kg:Company ; rdfs:label "深度求索"@zh , "DeepSeek"@en ; kg:released kgr:r1 .
kgr:r1 a kg:AIModel ; rdfs:label "DeepSeek-R1" .
"""


def test_lang_chooses_the_label_of_an_entity():
    g = Graph().parse(data=BILINGUAL, format="turtle")
    text = PREFIX + "SELECT ?org ?model ?class WHERE { ?org kg:released ?model . ?model a ?class }"
    result = lambda lang: format_result(run_query(g, text), g, "csv", Style(lang=lang))
    assert result("en") == "org,model,class\nDeepSeek,DeepSeek-R1,AI model"
    assert result("zh") == "org,模型,类别\n深度求索,DeepSeek-R1,AI模型"   # ?org: not a shipped column
    # by default the graph's own (Chinese) label, the class by its name
    assert format_result(run_query(g, text), g, "csv") == "org,model,class\n深度求索,DeepSeek-R1,AIModel"


def test_lang_zh_gives_chinese_headers_and_relation_names():
    result = query("models_by_company", "--lang", "zh", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "公司,模型,发布日期"
    relations = query("comparisons", "--lang", "zh", "--format", "csv").stdout.splitlines()
    assert relations[0] == "模型,关系,其他,证据"
    assert {row.split(",")[1] for row in relations[1:]} <= {"比较", "优于"}
    english = query("comparisons", "--lang", "en", "--format", "csv").stdout.splitlines()
    assert {row.split(",")[1] for row in english[1:]} <= {"compared to", "outperforms"}


def test_lang_en_shows_english_labels_where_the_graph_has_them(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(BILINGUAL, encoding="utf-8")
    result = invoke("query", "models_by_company", "--graph", path, "--lang", "en", "--format", "csv")
    assert result.stdout == "company,model,released\nDeepSeek,DeepSeek-R1,\n"
    result = invoke("query", "models_by_company", "--graph", path, "--lang", "zh", "--format", "csv")
    assert result.stdout == "公司,模型,发布日期\n深度求索,DeepSeek-R1,\n"


def test_every_column_of_the_shipped_queries_has_its_headers(graph):
    from kg.graph.query import read_query
    from kg.graph.results import LANGS, column_names
    from kg.resources import QUERIES_DIR

    names = column_names()
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        for var in run_query(graph, read_query(path)).vars:
            assert all((str(var), lang) in names for lang in LANGS), (path.name, str(var))


def test_a_bad_columns_line_names_the_file_and_line(tmp_path, monkeypatch):
    import kg.graph.results as results

    bad = tmp_path / "columns.tsv"
    bad.write_text("# header\nmodel\tmodel\n", encoding="utf-8")
    monkeypatch.setattr(results, "data_path", lambda name: bad)
    results.column_names.cache_clear()
    try:
        with pytest.raises(Exception, match=r"columns.tsv, line 2: expected a new "
                                            r"'variable<TAB>English<TAB>Chinese', got 'model\\tmodel'"):
            results.column_names()
    finally:
        results.column_names.cache_clear()


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_a_graph_gives_the_same_bytes_from_both_stores(fmt):
    # (DESCRIBE is left to each engine by SPARQL: rdflib's says more than Oxigraph's)
    text = "CONSTRUCT { <https://w3id.org/kgnews/id/deepseek> ?p ?o } WHERE { <https://w3id.org/kgnews/id/deepseek> ?p ?o }"
    out = {store: query("-e", text, "--format", fmt, "--store", store) for store in ("oxigraph", "memory")}
    assert out["oxigraph"].exit_code == 0, out["oxigraph"].output
    assert out["oxigraph"].stdout == out["memory"].stdout
    assert "XMLSchema#string" not in out["memory"].stdout


def test_queries_from_the_command_line_know_kgs_prefixes(tmp_path):
    text = "SELECT ?org WHERE { ?org kg:released kgr:deepseek-r1 }"
    assert query("-e", text, "--format", "csv").stdout == "org\nDeepSeek\n"
    assert query("-", "--format", "csv", input=text).stdout == "org\nDeepSeek\n"
    declared = query("-e", "PREFIX kg: <https://w3id.org/kgnews/ontology#>\n" + text, "--format", "csv")
    assert declared.stdout == "org\nDeepSeek\n"
    result = query("-e", "SELECT ?x WHERE {\n  ?x kg:released\n}")     # lines count as typed
    assert result.stderr.startswith("Error: -e: syntax error at line 2, column 3")
    path = tmp_path / "q.rq"          # a query file declares its own
    path.write_text(text, encoding="utf-8")
    assert query(path).stderr == f"Error: {path}: Unknown namespace prefix : kg\n"
