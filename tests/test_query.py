"""kg.graph.query and `kg query`: every queries/*.rq parses and answers its
question on tests/data/fixture.ttl; formats, bindings and error messages."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.sparql import prepareQuery

from kg.cli.main import cli
from kg.errors import GraphNotFound, QueryError
from kg.graph.query import (check_query, format_result, list_queries, parse_binding, resolve_query,
                            run_query)
from kg.graph.store import load_graph
from kg.resources import QUERIES_DIR
from kg.ontology.vocab import ENTITY, KG

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
QUERY_FILES = sorted(QUERIES_DIR.glob("*.rq"))
KNOWN_PREFIXES = ("kg", "kgr", "kgd", "kgs", "rdf", "rdfs", "skos", "prov", "dcterms", "xsd", "owl")
XSS_LABEL = "恶意应用<img src=x onerror=alert(1)>"
DOC1, DOC2 = "002_ebd123fbead4c496.txt", "001_7529e36f4c289f61.txt"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_graph(FIXTURE)


def rows(graph, name, **binds) -> list[tuple[str, ...]]:
    """A query's answer as displayed (labels, lexical forms), header first."""
    text = resolve_query(name).read_text(encoding="utf-8")
    out = format_result(run_query(graph, text, binds, source=name), graph, "csv")
    return [tuple(r) for r in csv.reader(io.StringIO(out))]


# --- the query files ------------------------------------------------------------

def test_there_are_at_least_twelve_queries():
    assert len(QUERY_FILES) >= 12


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_file_is_self_contained(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Question: "), "header comment first: # Question: …"
    prepareQuery(text)  # parses and resolves
    body = "\n".join(re.sub(r"<[^>\s]*>|\"[^\"]*\"", "", line).split("#")[0]  # IRIs, strings, comments
                     for line in text.splitlines() if not line.lstrip().startswith("PREFIX"))
    declared = set(re.findall(r"^PREFIX\s+(\w+):", text, re.M))
    used = {p for p in KNOWN_PREFIXES if re.search(rf"(?<![\w?]){p}:", body)}
    assert used <= declared, f"PREFIX lines missing for {sorted(used - declared)}"
    for line in text.splitlines():
        if line.startswith("# Bind: "):
            assert re.match(r"# Bind: \?\w+ — ", line), line


def test_list_queries_gives_each_question():
    entries = dict(list_queries())
    assert set(entries) == {p.stem for p in QUERY_FILES}
    assert entries["founders"] == "Who founded which organisation, and in which year was it founded?"
    assert all(q.endswith("?") or "?" in q for q in entries.values())


EXPECTED = {
    "models_by_company": [
        ("company", "model", "released"),
        ("DeepSeek", "DeepSeek-V3", "2024-12"),
        ("DeepSeek", "DeepSeek-R1", "2025-01-20"),
        ("OpenAI", "GPT-4o", "2024-05"),
        ("OpenAI", "OpenAI o1", ""),
    ],
    "release_timeline": [
        ("date", "item", "class", "by"),
        ("2024-05", "GPT-4o", "AIModel", "OpenAI"),
        ("2024-12", "DeepSeek-V3", "AIModel", "DeepSeek"),
        ("2025-01-20", "DeepSeek-R1", "AIModel", "DeepSeek"),
    ],
    "praise_and_criticism": [
        ("stance", "who", "class", "roles", "about", "evidence"),
        ("criticized", "OpenAI", "Company", "", "DeepSeek", "OpenAI指控DeepSeek违规蒸馏其模型。"),
        ("praised", "Marc Andreessen", "Person", "联合创始人 @ a16z", "DeepSeek",
         "Marc Andreessen称DeepSeek是AI的斯普特尼克时刻。"),
    ],
    "integrations": [
        ("integrator", "class", "integrated", "integrated_class"),
        ("微信", "Product", "DeepSeek-R1", "AIModel"),
        (XSS_LABEL, "Product", "DeepSeek-R1", "AIModel"),
    ],
    "bans": [
        ("who", "class", "banned", "evidence", "document"),
        ("意大利隐私监管机构", "GovernmentBody", "DeepSeek",
         "意大利隐私监管机构下令禁止DeepSeek处理意大利用户数据。", DOC2),
    ],
    "people_and_roles": [
        ("person", "organisation", "class", "roles"),
        ("Marc Andreessen", "a16z", "Organization", "联合创始人"),
        ("Sam Altman", "OpenAI", "Company", "首席执行官"),
        ("梁文锋", "DeepSeek", "Company", "CEO"),
    ],
    "founders": [
        ("founder", "organisation", "founded"),
        ("梁文锋", "DeepSeek", "2023"),
        ("梁文锋", "幻方量化", ""),
    ],
    "comparisons": [
        ("model", "relation", "other", "evidence"),
        ("DeepSeek-R1", "outperforms", "OpenAI o1", "在数学测试中，R1超越了o1。"),
        ("DeepSeek-V3", "comparedTo", "GPT-4o", "DeepSeek-V3的性能可与GPT-4o媲美。"),
    ],
    "organisations_by_country": [
        ("country", "organisations", "names"),
        ("中国", "2", "DeepSeek, 幻方量化"),
        ("美国", "2", "OpenAI, 英伟达"),
        ("意大利", "1", "意大利隐私监管机构"),
    ],
    "evidence": [
        ("subject_name", "predicate", "object_value", "evidence", "document", "confidence",
         "extracted_by"),
        ("DeepSeek", "foundedYear", "2023", "幻方量化旗下的DeepSeek成立于2023年。", DOC1, "0.9",
         "foundedYear/pattern"),
        ("DeepSeek", "locatedIn", "中国", "DeepSeek是一家中国企业。", DOC1, "0.8", "locatedIn/frame"),
        ("DeepSeek", "locatedIn", "杭州", "来自杭州的DeepSeek一夜爆红。", DOC1, "0.9", "locatedIn/frame"),
        ("DeepSeek", "released", "DeepSeek-R1", "2025年1月20日，DeepSeek发布R1模型。", DOC1, "0.9",
         "released/trigger"),
        ("DeepSeek", "released", "DeepSeek-V3", "去年12月，深度求索推出了DeepSeek-V3。", DOC1, "0.9",
         "released/trigger"),
        ("DeepSeek", "subsidiaryOf", "幻方量化", "幻方量化旗下的DeepSeek成立于2023年。", DOC1, "0.85",
         "subsidiaryOf/trigger"),
    ],
    "most_connected": [
        ("entity", "class", "facts", "neighbours"),
        ("DeepSeek", "Company", "10", "9"), ("OpenAI", "Company", "7", "7"),
        ("DeepSeek-R1", "AIModel", "5", "5"), ("DeepSeek-V3", "AIModel", "3", "3"),
        ("幻方量化", "Company", "3", "3"), ("梁文锋", "Person", "3", "2"),
        ("GPT-4o", "AIModel", "2", "2"), ("H800", "Hardware", "2", "2"),
        ("Marc Andreessen", "Person", "2", "2"), ("OpenAI o1", "AIModel", "2", "2"),
        ("Sam Altman", "Person", "2", "2"), ("中国", "Country", "2", "2"),
        ("意大利隐私监管机构", "GovernmentBody", "2", "2"), ("美国", "Country", "2", "2"),
        ("英伟达", "Company", "2", "2"), ("ChatGPT", "Product", "1", "1"),
        ("a16z", "Organization", "1", "1"), ("微信", "Product", "1", "1"),
        (XSS_LABEL, "Product", "1", "1"), ("意大利", "Country", "1", "1"),
    ],
    "facts_per_document": [
        ("document", "title", "facts", "attributes", "entities"),
        (DOC1, "DeepSeek会在全球AI竞争中沉沦吗", "16", "6", "12"),
        (DOC2, "OpenAI指控DeepSeek，意大利下令禁用", "12", "1", "12"),
    ],
    "hardware": [
        ("user", "class", "hardware", "maker"),
        ("DeepSeek-V3", "AIModel", "H800", "英伟达"),
    ],
    "model_specs": [
        ("model", "by", "released", "parameters", "active_parameters", "training_cost_usd"),
        ("DeepSeek-R1", "DeepSeek", "2025-01-20", "", "", ""),
        ("DeepSeek-V3", "DeepSeek", "2024-12", "671000000000", "37000000000", "5576000"),
        ("GPT-4o", "OpenAI", "2024-05", "", "", ""),
        ("OpenAI o1", "OpenAI", "", "", "", ""),
    ],
    "aliases": [
        ("entity", "class", "chinese", "other"),
        ("DeepSeek-R1", "AIModel", "", "R1"), ("DeepSeek-V3", "AIModel", "", "V3"),
        ("OpenAI o1", "AIModel", "", "o1"), ("杭州", "City", "", "Hangzhou"),
        ("DeepSeek", "Company", "深度求索", "Deepseek"), ("OpenAI", "Company", "", "Open AI"),
        ("幻方量化", "Company", "", "High-Flyer"), ("英伟达", "Company", "輝達", "NVIDIA"),
        ("中国", "Country", "", "China"), ("意大利", "Country", "", "Italy"),
        ("美国", "Country", "", "USA"), ("意大利隐私监管机构", "GovernmentBody", "", "Garante"),
        ("H800", "Hardware", "英伟达H800", ""), ("a16z", "Organization", "", "Andreessen Horowitz"),
        ("Marc Andreessen", "Person", "马克・安德森", ""), ("Sam Altman", "Person", "奥特曼, 山姆・奥特曼", ""),
        ("梁文锋", "Person", "梁文鋒", ""), ("硅谷", "Place", "", "Silicon Valley"),
        ("微信", "Product", "", "WeChat"),
        (XSS_LABEL, "Product", "", '<a href="javascript:alert(3)">点我</a>'),
    ],
    "conflicts": [      # the fixture's documents agree (tests/test_conflicts.py has disagreeing ones)
        ("about", "property", "value", "document", "issued", "evidence"),
    ],
    "news_by_date": [   # the fixture's documents have no publication date (tests/test_dates.py has some)
        ("issued", "outlet", "subject", "predicate", "object", "evidence", "document"),
    ],
    "subsidiaries": [
        ("organisation", "parent", "evidence"),
        ("DeepSeek", "幻方量化", "幻方量化旗下的DeepSeek成立于2023年。"),
    ],
}


def test_every_query_file_has_expected_rows():
    assert set(EXPECTED) == {p.stem for p in QUERY_FILES}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_answers_on_fixture(graph, name):
    assert rows(graph, name) == EXPECTED[name]


@pytest.mark.parametrize("binds, expected", [
    ({"target": "DeepSeek-R1"},
     [("praised", "Sam Altman", "Person", "首席执行官 @ OpenAI", "DeepSeek-R1", "奥特曼称赞R1令人印象深刻。")]),
    ({"target": "深度求索"}, EXPECTED["praise_and_criticism"][1:]),          # an alias
    ({"target": "deepseek"}, EXPECTED["praise_and_criticism"][1:]),          # any case
    ({"target": "kgr:deepseek"}, EXPECTED["praise_and_criticism"][1:]),      # an IRI
    ({"target": "微信"}, []),
])
def test_praise_query_binds_its_target(graph, binds, expected):
    assert rows(graph, "praise_and_criticism", **binds)[1:] == expected


@pytest.mark.parametrize("binds, expected", [
    ({"subject": "DeepSeek", "relation": "released", "object": "DeepSeek-R1"},
     [("DeepSeek", "released", "DeepSeek-R1", "2025年1月20日，DeepSeek发布R1模型。", DOC1, "0.9",
       "released/trigger")]),
    ({"subject": "R1", "relation": "kg:outperforms"},
     [("DeepSeek-R1", "outperforms", "OpenAI o1", "在数学测试中，R1超越了o1。", DOC2, "0.8",
       "outperforms/cue")]),
    ({"subject": "kgr:deepseek-v3", "relation": "parameterCount", "object": "671000000000"},
     [("DeepSeek-V3", "parameterCount", "671000000000", "DeepSeek-V3总参数量为6710亿。", DOC1, "0.9",
       "parameterCount/pattern")]),
    ({"subject": "deepseek", "object": "2023"},
     [("DeepSeek", "foundedYear", "2023", "幻方量化旗下的DeepSeek成立于2023年。", DOC1, "0.9",
       "foundedYear/pattern")]),
    ({"subject": "Sam Altman", "relation": "affiliatedWith"},
     [("Sam Altman", "affiliatedWith", "OpenAI", "OpenAI首席执行官奥特曼在社交媒体上发文。", DOC2, "0.9",
       "affiliatedWith/title")]),
])
def test_evidence_query_binds_the_fact(graph, binds, expected):
    assert rows(graph, "evidence", **binds)[1:] == expected


# --- the library ----------------------------------------------------------------

@pytest.mark.parametrize("value, term", [
    ("<https://example.org/x>", URIRef("https://example.org/x")),
    ("kgr:deepseek", ENTITY["deepseek"]),
    ("kg:released", KG.released),
    ("42", Literal(42)),
    ("-7", Literal(-7)),
    ("DeepSeek", Literal("DeepSeek")),
    ("深度求索", Literal("深度求索")),
    ("foo:bar", Literal("foo:bar")),
    ("http://example.org/x", Literal("http://example.org/x")),
    ("2025-01-20", Literal("2025-01-20")),
])
def test_parse_binding(value, term):
    assert parse_binding(value) == term
    assert type(parse_binding(value)) is type(term)


def test_table_aligns_chinese_columns(graph):
    text = 'SELECT ?country ?n WHERE { VALUES (?country ?n) { ("中国" "x") ("USA" "y") } } ORDER BY ?n'
    assert format_result(run_query(graph, text), graph, "table") == (
        "country  n\n"
        "-------  -\n"
        "中国     x\n"
        "USA      y\n"
        "(2 rows)")


def test_table_cuts_long_cells_and_says_so(graph):
    text = 'SELECT ?s WHERE { VALUES ?s { "%s" } }' % ("长" * 60)
    lines = format_result(run_query(graph, text), graph, "table").splitlines()
    assert lines[2] == "长" * 49 + "…"  # 98 columns + the mark, within 100
    assert lines[-1] == "(1 row; cells cut at 100 columns, --format tsv shows them whole)"
    assert format_result(run_query(graph, text), graph, "tsv").splitlines()[1] == "长" * 60


def test_iris_are_shown_by_label_and_documents_by_file_name(graph):
    text = ("PREFIX kg: <https://w3id.org/kgnews/ontology#>\n"
            "SELECT ?e ?d WHERE { ?e kg:mentionedIn ?d } ORDER BY ?e ?d LIMIT 1")
    assert format_result(run_query(graph, text), graph, "csv") == f"e,d\na16z,{DOC1}"


def test_json_is_sparql_results_json_with_unbound_values_left_out(graph):
    out = json.loads(format_result(run_query(graph, resolve_query("model_specs").read_text()),
                                   graph, "json"))
    rows = out["results"]["bindings"]
    assert rows[1]["parameters"] == {"type": "literal", "value": "671000000000",
                                     "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert "parameters" not in rows[0]
    assert rows[0]["released"]["value"] == "2025-01-20"


def test_ask_and_construct(graph):
    ask = "PREFIX kg: <https://w3id.org/kgnews/ontology#> ASK { ?x kg:banned ?y }"
    assert format_result(run_query(graph, ask), graph, "table") == "true"
    assert json.loads(format_result(run_query(graph, ask), graph, "json")) == {"head": {}, "boolean": True}
    construct = ("PREFIX kg: <https://w3id.org/kgnews/ontology#>\n"
                 "CONSTRUCT { ?x kg:banned ?y } WHERE { ?x kg:banned ?y }")
    turtle = format_result(run_query(graph, construct), graph)
    expected = Graph()
    expected.add((ENTITY["governmentbody-意大利隐私监管机构"], KG.banned, ENTITY["deepseek"]))
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), expected)


def test_resolve_query_by_name_and_path(tmp_path):
    assert resolve_query("founders") == QUERIES_DIR / "founders.rq"
    assert resolve_query("founders.rq") == QUERIES_DIR / "founders.rq"
    own = tmp_path / "mine.rq"
    own.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(own)) == own
    with pytest.raises(QueryError, match=r"`kg query --list` shows the names"):
        resolve_query("no_such_query")


def test_load_graph_missing(tmp_path):
    with pytest.raises(GraphNotFound, match=r"run `kg build` first or pass --graph"):
        load_graph(tmp_path / "graph.ttl")


def test_check_query_names_the_query_variables():
    with pytest.raises(QueryError) as err:
        check_query("SELECT ?a WHERE { ?a ?b 1 }", {"c": "x"}, source="q.rq")
    assert str(err.value) == "--bind c: q.rq has no variable ?c; its variables are ?a, ?b"


# --- the command ----------------------------------------------------------------

def invoke(*args, cwd: Path | None = None, monkeypatch=None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    return CliRunner().invoke(cli, list(args))


def test_cli_list():
    result = invoke("query", "--list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == len(QUERY_FILES)
    assert re.match(r"founders +Who founded which organisation", next(l for l in lines if l.startswith("founders")))


@pytest.mark.parametrize("make, where", [(lambda d: None, "is missing"),
                                         (lambda d: d.mkdir(), "holds no .rq file")],
                         ids=["missing", "empty"])
def test_cli_list_without_queries_is_an_error_line(tmp_path, monkeypatch, make, where):
    import kg.graph.query

    folder = tmp_path / "queries"
    make(folder)
    monkeypatch.setattr(kg.graph.query, "QUERIES_DIR", folder)
    result = invoke("query", "--list")
    assert result.exit_code == 1
    assert result.output == (f"Error: the query folder {folder} {where}; reinstall kg "
                             "(`pip install --force-reinstall kg`) or restore it from the repository\n")


def test_cli_runs_a_named_query_as_a_table():
    result = invoke("query", "founders", "--graph", str(FIXTURE))
    assert result.exit_code == 0, result.output
    assert result.output == ("founder  organisation  founded\n"
                             "-------  ------------  -------\n"
                             "梁文锋   DeepSeek      2023\n"
                             "梁文锋   幻方量化\n"
                             "(2 rows)\n")


def test_cli_csv_json_and_bind():
    result = invoke("query", "hardware", "--graph", str(FIXTURE), "--format", "csv")
    assert result.output == "user,class,hardware,maker\nDeepSeek-V3,AIModel,H800,英伟达\n"
    result = invoke("query", "praise_and_criticism", "--graph", str(FIXTURE), "--format", "json",
                    "--bind", "target=DeepSeek-R1")
    assert result.exit_code == 0, result.output
    assert [row["who"]["value"] for row in json.loads(result.output)["results"]["bindings"]] == [
        str(ENTITY["person-sam-altman"])]     # JSON keeps the entity; the table shows its label
    result = invoke("query", "hardware", "--graph", str(FIXTURE), "--format", "tsv")
    assert result.output.splitlines()[1] == "DeepSeek-V3\tAIModel\tH800\t英伟达"


def test_cli_runs_a_query_file(tmp_path, monkeypatch):
    (tmp_path / "n.rq").write_text("PREFIX kg: <https://w3id.org/kgnews/ontology#>\n"
                                   "SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }\n")
    result = invoke("query", "n.rq", "--graph", str(FIXTURE), "--format", "csv",
                    cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.output == "n\n2\n"


@pytest.mark.parametrize("text, message", [
    ("SELECT ?x WHERE {\n  ?x ?y\n}\n",
     "Error: bad.rq: syntax error at line 2, column 3: Expected SelectQuery, found '?x'"),
    ("PREFIX kg: <https://w3id.org/kgnews/ontology#>\nSELEKT ?x WHERE { ?x ?y ?z }\n",
     "Error: bad.rq: syntax error at line 2, column 1: "
     "Expected {SelectQuery | ConstructQuery | DescribeQuery | AskQuery}, found 'SELEKT'"),
    ("PREFIX kg: <https://w3id.org/kgnews/ontology#>\nINSERT DATA { kg:a kg:b kg:c }\n",
     "Error: bad.rq: only read queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are accepted, "
     "not updates (INSERT, DELETE, LOAD, CLEAR…)"),
    ("DELETE WHERE { ?s ?p ?o }",
     "Error: bad.rq: only read queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are accepted, "
     "not updates (INSERT, DELETE, LOAD, CLEAR…)"),
    ("SELECT ?x WHERE { ?x foo:bar ?y }", "Error: bad.rq: Unknown namespace prefix : foo"),
])
def test_cli_rejects_bad_queries(tmp_path, monkeypatch, text, message):
    (tmp_path / "bad.rq").write_text(text, encoding="utf-8")
    result = invoke("query", "bad.rq", "--graph", str(FIXTURE), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == message
    assert "Traceback" not in result.output


def test_cli_query_file_not_utf8(tmp_path, monkeypatch):
    (tmp_path / "gbk.rq").write_bytes("# 问题\nSELECT * WHERE { ?s ?p ?o }".encode("gbk"))
    result = invoke("query", "gbk.rq", "--graph", str(FIXTURE), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot read query file gbk.rq (")
    assert result.output.endswith("); save it as UTF-8 text\n")


def test_cli_missing_graph(tmp_path):
    missing = tmp_path / "graph.ttl"
    result = invoke("query", "founders", "--graph", str(missing))
    assert result.exit_code == 1
    assert result.output == (f"Error: graph file {missing} not found; "
                             "run `kg build` first or pass --graph FILE\n")


def test_cli_unknown_bind_variable():
    result = invoke("query", "founders", "--graph", str(FIXTURE), "--bind", "company=DeepSeek")
    assert result.exit_code == 1
    assert result.output == ("Error: --bind company: queries/founders.rq has no variable ?company; "
                             "its variables are ?founded, ?founder, ?founder_name, ?o, ?organisation, "
                             "?organisation_name, ?p, ?year\n")


def test_cli_unknown_query_name():
    result = invoke("query", "nope", "--graph", str(FIXTURE))
    assert result.exit_code == 1
    assert result.output.startswith("Error: no query file nope and no query named 'nope'")
    assert result.output.rstrip().endswith("`kg query --list` shows the names")


@pytest.mark.parametrize("args, message", [
    (["query"], "Error: give a query file or NAME, - (stdin), -e QUERY, or --list to see the names"),
    (["query", "founders", "--bind", "x"], "Error: Invalid value for '--bind': expected VAR=VALUE, got 'x'"),
    (["query", "founders", "--format", "xml"], "Error: Invalid value for '--format': "
                                               "'xml' is not one of 'table', 'csv', 'tsv', 'json', "
                                               "'turtle', 'ntriples'."),
])
def test_cli_usage_errors(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == message


def test_cli_help_texts():
    for command in ("query", "view"):
        result = invoke(command, "--help")
        assert result.exit_code == 0
        assert len(result.output.split("Options:")[0].split()) > 20
