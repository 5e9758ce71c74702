"""kg.eval.score scores hand-made graphs against hand-made gold folders, where the
right numbers are known by hand; and ``kg eval`` on the command line."""

from __future__ import annotations

import csv
import itertools
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef, namespace
from rdflib.namespace import PROV, SKOS

from kg.cli.main import cli
from kg.errors import GoldFormatError
from kg.eval.score import evaluate, format_report, load_gold, normalize_name
from kg.ontology.vocab import DOC, ENTITY, KG, STATEMENT

HEADERS = {
    "entities.tsv": "# id\tclass(es)\tlabel\taliases (|)\tstatus\tdocs",
    "triples.tsv": "# doc\tsubject(s)\tpredicate\tobject(s)\tstatus\tevidence",
    "attributes.tsv": "# doc\tentity\tproperty\tvalue\tstatus\tevidence",
}
# The gold of the seeds ships with the tests (tests/data/seeds-gold, a copy of
# ../shared/gold); the other hand-made sets live beside the repository, in
# ../shared (KG_SHARED names another place), and are checked when they are there.
REPO = Path(__file__).resolve().parents[1]
SEEDS_GOLD = REPO / "tests" / "data" / "seeds-gold"
SHARED = Path(os.environ.get("KG_SHARED") or REPO.parent / "shared")
REAL_GOLD = [SEEDS_GOLD] + [SHARED / name for name in ("dev2/gold", "dev3/gold", "dev4/gold")
                            if (SHARED / name).is_dir()]


def write_gold(folder: Path, entities: str, triples: str = "", attributes: str = "") -> Path:
    """A gold folder; rows are given with spaces-as-columns replaced: `;` → tab."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("entities.tsv", entities), ("triples.tsv", triples),
                       ("attributes.tsv", attributes)):
        lines = [HEADERS[name]] + [line.strip().replace(";", "\t")
                                   for line in rows.strip().splitlines() if line.strip()]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


class GraphMaker:
    """Builds graphs in the shape of ontology/README.md."""

    def __init__(self):
        self.g = Graph()
        self._ids = itertools.count()

    def doc(self, key: str, *file_names: str):
        node = DOC[key]
        self.g.add((node, RDF.type, KG.Document))
        for name in file_names:
            self.g.add((node, KG.fileName, Literal(name)))
        return node

    def ent(self, key: str, cls: str, label: str, *alt: str, docs=()):
        node = ENTITY[key]
        self.g.add((node, RDF.type, getattr(KG, cls)))
        self.g.add((node, RDFS.label, Literal(label)))
        for name in alt:
            self.g.add((node, SKOS.altLabel, Literal(name)))
        for doc in docs:
            self.g.add((node, KG.mentionedIn, doc))
        return node

    def fact(self, s, pred: str, o, *docs, sentence: str = ""):
        """The plain triple and, for each doc, a statement node derived from it."""
        self.g.add((s, getattr(KG, pred), o))
        for doc in docs:
            st = STATEMENT[f"st{next(self._ids)}"]
            for p, v in ((RDF.type, RDF.Statement), (RDF.subject, s),
                         (RDF.predicate, getattr(KG, pred)), (RDF.object, o),
                         (PROV.wasDerivedFrom, doc), (KG.evidence, Literal(sentence))):
                self.g.add((st, p, v))


# --- normalisation -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("GPT-4o", "gpt4o"),
    ("ＧＰＴ－４ｏ", "gpt4o"),             # full width, NFKC
    ("英偉達", "英伟达"),                   # Traditional → Simplified
    ("山姆・奥特曼", "山姆奥特曼"),
    ("山姆·奥特曼", "山姆奥特曼"),
    ("DeepSeek R1", "deepseekr1"),
    ("“豆包”", "豆包"),
    ("《黑神話》", "黑神话"),
    ("（阿里）", "阿里"),
    ("o3_mini.", "o3mini"),
])
def test_normalize_name(text, expected):
    assert normalize_name(text) == expected


# --- entities --------------------------------------------------------------------

ENTITY_GOLD = """
deepseek;Company;DeepSeek;深度求索;req;000
gpt4o;AIModel;GPT-4o;GPT4o模型;req;000
liang;Person;梁文锋;;req;000
openai;Company;OpenAI;;req;000
altman;Person;Sam Altman;奥特曼;req;000
ticker;Organization;港股通;;opt;000
"""


def entity_graph() -> Graph:
    m = GraphMaker()
    m.ent("deepseek", "Company", "DeepSeek")
    m.ent("company-深度求索", "Company", "深度求索")      # the same entity again: a duplicate
    m.ent("aimodel-gpt4o", "AIModel", "gpt4o")           # case and hyphen variant
    m.ent("organization-梁文鋒", "Organization", "梁文鋒")  # Traditional form, wrong class
    m.ent("organization-open-ai", "Organization", "Open AI")  # superclass of Company: typed
    m.ent("organization-港股通", "Organization", "港股通")    # the opt entity
    m.ent("product-某某", "Product", "某某")                  # spurious
    return m.g


def test_entity_scores(tmp_path):
    report = evaluate(load_gold(write_gold(tmp_path, ENTITY_GOLD)), entity_graph())
    ent = report.entities
    assert (ent.req, ent.found, ent.found_typed) == (5, 4, 3)
    assert ent.recall == pytest.approx(4 / 5) and ent.recall_typed == pytest.approx(3 / 5)
    assert (ent.out, ent.correct) == (7, 6)
    assert ent.precision == pytest.approx(6 / 7)
    assert ent.duplicates == 1
    assert [r.label for r in report.duplicate_entities] == ["DeepSeek"]
    assert len(report.duplicate_entities[0].matches) == 2
    assert [r.label for r in report.missed_entities] == ["Sam Altman"]
    assert [r.label for r in report.wrong_type_entities] == ["梁文锋"]
    assert [r.label for r in report.false_positive_entities] == ["某某"]
    assert report.over_merged_nodes == []
    assert report.docs == ["000"]     # a graph without documents: every gold doc


def test_over_merged_node(tmp_path):
    gold = load_gold(write_gold(tmp_path, """
        openai;Company;OpenAI;;req;000
        gpt4o;AIModel;GPT-4o;;req;000
    """))
    m = GraphMaker()
    m.ent("openai", "Company", "OpenAI")
    m.ent("gpt-4o", "AIModel", "GPT-4o", "OpenAI")       # one node for two gold entities
    report = evaluate(gold, m.g)
    assert [r.label for r in report.over_merged_nodes] == ["GPT-4o"]
    assert report.over_merged_nodes[0].matches == ("GPT-4o", "OpenAI")
    assert [r.label for r in report.duplicate_entities] == ["OpenAI"]
    assert report.entities.found == 2


# --- relations -------------------------------------------------------------------

REL_ENTITIES = """
deepseek;Company;DeepSeek;;req;000
r1;AIModel;DeepSeek-R1;R1;req;000
v3;AIModel;DeepSeek-V3;V3;req;000
gpt4o;AIModel;GPT-4o;;req;000
openai;Company;OpenAI;;req;000
o1;AIModel;o1;OpenAI o1;req;000
baidu;Company;百度;;req;000
wenxin;AIModel|Product;文心一言;;req;000
wenxin45;AIModel;文心一言4.5;;req;000
"""
REL_TRIPLES = """
000;deepseek;released;r1|v3;req;DeepSeek发布V3
000;openai;released;gpt4o;req;OpenAI发布GPT-4o
000;v3;comparedTo;gpt4o;req;V3追平GPT-4o
000;r1;comparedTo;o1;req;R1对标o1
000;wenxin|baidu;integrated;deepseek|r1;req;百度文心一言接入DeepSeek
000;baidu;released;wenxin45;neg;即将开源文心一言4.5
000;openai;released;o1;opt;OpenAI o1
000;deepseek;criticized;openai;req;DeepSeek批评OpenAI
000;r1;outperforms;v3;req;R1超越V3
"""


def relation_graph() -> Graph:
    m = GraphMaker()
    d0 = m.doc("d0", "000_abc.txt")
    ds, v3, r1 = (m.ent("deepseek", "Company", "DeepSeek"),
                  m.ent("deepseek-v3", "AIModel", "DeepSeek V3"),
                  m.ent("deepseek-r1", "AIModel", "DeepSeek-R1"))
    gpt4o, openai, o1 = (m.ent("gpt-4o", "AIModel", "GPT-4o"), m.ent("openai", "Company", "OpenAI"),
                         m.ent("o1", "AIModel", "o1"))
    baidu, wenxin45 = m.ent("baidu", "Company", "百度"), m.ent("aimodel-文心一言45", "AIModel", "文心一言4.5")
    m.fact(ds, "released", v3, d0, sentence="DeepSeek发布V3")   # matches the alternative v3
    m.fact(openai, "released", gpt4o, d0)
    m.fact(openai, "released", o1, d0)                         # an opt row: correct, not recall
    m.fact(baidu, "released", wenxin45, d0, sentence="百度即将开源文心一言4.5")  # neg
    m.fact(gpt4o, "comparedTo", v3, d0)                        # comparedTo is symmetric
    m.fact(r1, "comparedTo", v3, d0, sentence="R1与V3相比")    # does not satisfy outperforms
    m.fact(r1, "outperforms", o1, d0)                          # satisfies comparedTo r1 o1
    m.fact(baidu, "integrated", ds, d0)
    m.fact(ds, "praised", openai, d0, sentence="DeepSeek称赞OpenAI")  # not in the gold
    return m.g


@pytest.fixture
def rel_gold(tmp_path):
    return load_gold(write_gold(tmp_path / "gold", REL_ENTITIES, REL_TRIPLES))


def test_relation_scores(rel_gold):
    report = evaluate(rel_gold, relation_graph())
    rel = report.relations
    assert (rel.out, rel.correct, rel.req, rel.found) == (9, 6, 7, 5)
    assert rel.precision == pytest.approx(6 / 9)
    assert rel.recall == pytest.approx(5 / 7)
    assert rel.f1 == pytest.approx(20 / 29)
    assert [(r.subject, r.predicate, r.object) for r in report.neg_asserted] == [
        ("百度", "released", "文心一言4.5")]
    assert report.neg_asserted[0].gold.sentence == "即将开源文心一言4.5"
    fps = {(r.subject, r.predicate, r.object): r for r in report.false_positive_triples}
    assert set(fps) == {("DeepSeek-R1", "comparedTo", "DeepSeek V3"),
                        ("DeepSeek", "praised", "OpenAI")}
    assert [(e.doc, e.sentence) for e in fps["DeepSeek", "praised", "OpenAI"].evidence] == [
        ("000_abc.txt", "DeepSeek称赞OpenAI")]
    missed = {(r.subject, r.predicate, r.object) for r in report.missed_triples}
    assert missed == {("DeepSeek", "criticized", "OpenAI"),
                      ("DeepSeek-R1", "outperforms", "DeepSeek-V3")}


@pytest.mark.parametrize("pred, out, correct, req, found", [
    ("released", 4, 3, 2, 2),
    ("comparedTo", 2, 1, 2, 2),
    ("outperforms", 1, 1, 1, 0),
    ("integrated", 1, 1, 1, 1),
    ("praised", 1, 0, 0, 0),
    ("criticized", 0, 0, 1, 0),
    ("banned", 0, 0, 0, 0),
])
def test_relation_scores_per_predicate(rel_gold, pred, out, correct, req, found):
    score = evaluate(rel_gold, relation_graph()).per_predicate[pred]
    assert (score.out, score.correct, score.req, score.found) == (out, correct, req, found)


def test_missed_triple_lists_alternatives_and_gold_evidence(tmp_path):
    gold = load_gold(write_gold(tmp_path, REL_ENTITIES, REL_TRIPLES))
    report = evaluate(gold, Graph())
    row = next(r for r in report.missed_triples if r.predicate == "integrated")
    assert (row.subject, row.object) == ("文心一言|百度", "DeepSeek|DeepSeek-R1")
    assert (row.gold.doc, row.gold.sentence) == ("000", "百度文心一言接入DeepSeek")


# --- documents -------------------------------------------------------------------

DOC_ENTITIES = """
deepseek;Company;DeepSeek;;req;000,002
r1;AIModel;DeepSeek-R1;;req;000
v3;AIModel;DeepSeek-V3;;req;000,002
"""
DOC_TRIPLES = """
000;deepseek;released;r1;req;发布R1
000;deepseek;released;v3;req;发布V3
002;deepseek;released;v3;req;發布V3
"""


def doc_graph() -> Graph:
    m = GraphMaker()
    d0, d2 = m.doc("d0", "000_abc.txt"), m.doc("d2", "002_def.txt")
    ds = m.ent("deepseek", "Company", "DeepSeek", docs=(d0, d2))
    r1 = m.ent("r1", "AIModel", "DeepSeek-R1", docs=(d0,))
    v3 = m.ent("v3", "AIModel", "DeepSeek-V3", docs=(d2,))
    m.fact(ds, "released", r1, d0)
    m.fact(ds, "released", v3, d2)        # stated only in 002
    return m.g


@pytest.mark.parametrize("docs, subset, ents, rels", [
    # (docs, report.docs, (out, correct, req, found) for entities, … for relations)
    (None, ["000", "002"], (3, 3, 3, 3), (2, 2, 3, 3)),
    (["000"], ["000"], (2, 2, 3, 2), (1, 1, 2, 1)),   # the V3 release is only in 002
    (["002"], ["002"], (2, 2, 2, 2), (1, 1, 1, 1)),
])
def test_docs_subset(tmp_path, docs, subset, ents, rels):
    gold = load_gold(write_gold(tmp_path, DOC_ENTITIES, DOC_TRIPLES))
    report = evaluate(gold, doc_graph(), docs)
    assert report.docs == subset
    e, r = report.entities, report.relations
    assert (e.out, e.correct, e.req, e.found) == ents
    assert (r.out, r.correct, r.req, r.found) == rels


@pytest.mark.parametrize("file_name, matched", [
    ("000_adfd8ffb6ff1ee7f.txt", ["000"]),
    ("000.txt", ["000"]),
    ("D01.txt", ["D01"]),
    ("D01.gbk.txt", ["D01"]),
    ("0001_x.txt", []),
    ("x000_a.txt", []),
    ("D010.txt", []),
])
def test_document_ids(tmp_path, file_name, matched):
    gold = load_gold(write_gold(tmp_path, "a;Company;A;;req;000\nb;Company;B;;req;D01"))
    m = GraphMaker()
    m.doc("d", file_name)
    assert evaluate(gold, m.g).docs == matched


# --- attributes ------------------------------------------------------------------

ATTR_ENTITIES = """
deepseek;Company;DeepSeek;;req;000
r1;AIModel;DeepSeek-R1;;req;000
v3;AIModel;DeepSeek-V3;;req;000
gemini;AIModel;Gemini 2.5 Pro;;req;000
"""
ATTR_ROWS = """
000;r1;releaseDate;2025-01-21;req;1月21日发布R1
000;gemini;releaseDate;2025-06;req;2025年6月发布
000;r1;parameterCount;600000000000;req;600B参数
000;deepseek;foundedYear;2022;req;2022年创办
000;v3;trainingCostUSD;4000000;opt;400万美元
000;v3;releaseDate;2024-12-25;req;2024年12月25日
"""


def test_attribute_scores(tmp_path):
    gold = load_gold(write_gold(tmp_path, ATTR_ENTITIES, "", ATTR_ROWS))
    m = GraphMaker()
    ds, r1 = m.ent("deepseek", "Company", "DeepSeek"), m.ent("r1", "AIModel", "DeepSeek R1")
    v3, gemini = m.ent("v3", "AIModel", "DeepSeek-V3"), m.ent("g", "AIModel", "Gemini 2.5 Pro")
    XSD = namespace.XSD   # not at module level: pytest's collection trips over it
    for s, p, o in ((r1, KG.releaseDate, Literal("2025-01-21", datatype=XSD.date)),
                    (gemini, KG.releaseDate, Literal("2025-06", datatype=XSD.gYearMonth)),
                    (r1, KG.parameterCount, Literal(600000000000)),
                    (ds, KG.foundedYear, Literal("2022", datatype=XSD.gYear)),
                    (v3, KG.trainingCostUSD, Literal("4000000.0", datatype=XSD.decimal)),
                    (v3, KG.releaseDate, Literal("2024-12", datatype=XSD.gYearMonth))):
        m.g.add((s, p, o))
    report = evaluate(gold, m.g)
    att = report.attributes
    assert (att.req, att.found) == (5, 4)
    assert (att.out, att.correct) == (6, 5)
    assert att.recall == pytest.approx(0.8) and att.precision == pytest.approx(5 / 6)
    [missed] = report.missed_attributes
    assert (missed.entity, missed.property, missed.value) == ("DeepSeek-V3", "releaseDate", "2024-12-25")
    assert missed.graph_values == ("2024-12",)


# --- the gold format --------------------------------------------------------------

GOOD_ENTITY = "a;Company;A;;req;000"


@pytest.mark.parametrize("entities, triples, attributes, message", [
    ("a;Company;A;req;000", "", "", "entities.tsv:2: 5 tab-separated columns; expected 6"),
    ("a;Compnay;A;;req;000", "", "", "entities.tsv:2: class 'Compnay'; expected classes of"),
    (GOOD_ENTITY + "\na;Company;B;;req;000", "", "", "entities.tsv:3: id 'a'; expected a new"),
    ("a;Company;A;;maybe;000", "", "", "entities.tsv:2: status 'maybe'; expected req or opt"),
    (GOOD_ENTITY, "000;a;released;nosuch;req;x", "", "triples.tsv:2: object 'nosuch'; expected entity ids"),
    (GOOD_ENTITY, "000;a;release;a;req;x", "", "triples.tsv:2: predicate 'release'; expected one of"),
    (GOOD_ENTITY, "", "000;a;parameterCount;7B;req;x", "attributes.tsv:2: value '7B'; expected a plain integer"),
    (GOOD_ENTITY, "", "000;a;releaseDate;1月;req;x", "attributes.tsv:2: value '1月'"),
    (GOOD_ENTITY, "", "000;a;colour;red;req;x", "attributes.tsv:2: property 'colour'"),
])
def test_gold_format_errors(tmp_path, entities, triples, attributes, message):
    folder = write_gold(tmp_path, entities, triples, attributes)
    with pytest.raises(GoldFormatError, match=message.replace("|", r"\|")):
        load_gold(folder)


def test_gold_missing_file(tmp_path):
    folder = write_gold(tmp_path, GOOD_ENTITY)
    (folder / "attributes.tsv").unlink()
    with pytest.raises(GoldFormatError, match="attributes.tsv"):
        load_gold(folder)


def req_rows(path: Path, status_column: int) -> int:
    with path.open(encoding="utf-8") as f:
        return sum(1 for row in csv.reader(f, delimiter="\t")
                   if row and not row[0].startswith("#") and row[status_column] == "req")


@pytest.mark.parametrize("folder", REAL_GOLD, ids=lambda f: f.parent.name if f.name == "gold" else f.name)
def test_real_gold_against_an_empty_graph(folder):
    report = evaluate(load_gold(folder), Graph())
    assert report.entities.req == req_rows(folder / "entities.tsv", 4)
    assert report.relations.req == req_rows(folder / "triples.tsv", 4)
    assert report.attributes.req == req_rows(folder / "attributes.tsv", 4)
    assert report.relations.req > 0 and report.entities.req > 0
    for score in (report.relations, report.entities, report.attributes):
        assert (score.recall, score.found, score.out) == (0.0, 0, 0)
    assert len(report.missed_triples) == report.relations.req
    assert format_report(report, 0).splitlines()[0].startswith("relations   P 0.000  R 0.000")


# --- the text report ---------------------------------------------------------------

def test_format_report(rel_gold):
    text = format_report(evaluate(rel_gold, relation_graph()), show=1)
    lines = text.splitlines()
    assert lines[0] == ("relations   P 0.667  R 0.714  F1 0.690  "
                        "(6/9 correct, 5/7 req found, neg asserted 1)")
    assert lines[1] == ("entities    recall 0.89 (any type)  0.89 (typed)  precision 1.00  "
                        "duplicates 0  (8/9 req, 8/8 nodes)")       # no 文心一言 node
    assert lines[2] == "attributes  recall 0.00 (0/0)  precision 0.00 (0/0)"
    assert lines[3] == "docs        000"
    assert lines[4] == "per predicate (P / R / F1, out, req):"
    assert lines[5].split() == ["released", "0.75", "1.00", "0.86", "4", "2"]
    assert "false-positive relations (2)" in lines
    assert any(line.startswith("  … 1 more") for line in lines)
    assert "      [000_abc.txt] R1与V3相比" in lines or "      [000_abc.txt] DeepSeek称赞OpenAI" in lines


def test_format_report_show_zero(rel_gold):
    text = format_report(evaluate(rel_gold, relation_graph()), show=0)
    assert "missed relations" not in text
    table = text.splitlines()[5:]
    assert [line.split()[0] for line in table] == [
        "released", "praised", "criticized", "integrated", "comparedTo", "outperforms"]


# --- the command line --------------------------------------------------------------

@pytest.fixture
def cli_files(tmp_path):
    gold = write_gold(tmp_path / "gold", REL_ENTITIES, REL_TRIPLES)
    graph = tmp_path / "graph.ttl"
    relation_graph().serialize(graph, format="turtle")
    return gold, graph


@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".nt", "nt"), (".nq", "nquads"),
                                         (".trig", "trig")])
def test_cli_eval(cli_files, tmp_path, suffix, fmt):
    gold, _ = cli_files
    graph, triples = tmp_path / f"g{suffix}", relation_graph()
    if fmt in ("nquads", "trig"):   # quads need a dataset: the triples in a named graph
        dataset = Dataset()
        named = dataset.graph(URIRef("urn:x-test:g"))
        for triple in triples:
            named.add(triple)
        triples = dataset
    triples.serialize(graph, format=fmt, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "relations   P 0.667  R 0.714  F1 0.690  (6/9 correct, 5/7 req found, neg asserted 1)")
    assert "missed relations (2)" in result.output


def test_cli_eval_docs_and_show(cli_files):
    gold, graph = cli_files
    result = CliRunner().invoke(cli, ["eval", str(gold), "--graph", str(graph),
                                      "--docs", "002", "--show", "0"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "relations   P 0.000  R 0.000  F1 0.000  (0/0 correct, 0/0 req found, neg asserted 0)"
    assert lines[3] == "docs        002"


def test_cli_eval_json(cli_files):
    gold, graph = cli_files
    result = CliRunner().invoke(cli, ["eval", str(gold), "--graph", str(graph), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["relations"]["correct"] == 6 and data["relations"]["precision"] == pytest.approx(6 / 9)
    assert data["per_predicate"]["released"]["out"] == 4
    assert data["neg_asserted"][0]["subject"] == "百度"
    assert data["docs"] == ["000"]


def test_cli_eval_missing_graph(cli_files, tmp_path, monkeypatch):
    gold, _ = cli_files
    monkeypatch.chdir(tmp_path)           # no output/graph.ttl here
    result = CliRunner().invoke(cli, ["eval", str(gold)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Error: graph file output/graph.ttl not found; run `kg build` first or pass --graph FILE")


def test_cli_eval_unparsable_graph(cli_files, tmp_path):
    gold, _ = cli_files
    graph = tmp_path / "broken.ttl"
    graph.write_text("this is not turtle", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold), "--graph", str(graph)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: graph file {graph} cannot be parsed as turtle")


def test_cli_eval_bad_gold(tmp_path, cli_files):
    _, graph = cli_files
    gold = write_gold(tmp_path / "bad", "a;Compnay;A;;req;000")
    result = CliRunner().invoke(cli, ["eval", str(gold), "--graph", str(graph)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "entities.tsv:2: class 'Compnay'" in result.output


def test_cli_eval_missing_gold_dir(tmp_path):
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_cli_eval_help():
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0
    assert "Score a graph against gold annotations" in result.output


def test_the_seeds_build_scores_against_their_gold(tmp_path, extractor):
    """End to end on the seeds that ship with the repository: a floor under
    the relation and entity scores (README gives the current figures), so a
    change that breaks extraction fails here and not only in a dev score."""
    seeds = sorted((REPO / "seeds").glob("00[024]_*.txt"))
    assert len(seeds) == 3
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", *map(str, seeds), "--out", str(out), "--no-cache", "--no-html"],
                                obj={"extractor": extractor})
    assert result.exit_code == 0, result.output
    graph = Graph()
    graph.parse(out / "graph.ttl")
    report = evaluate(load_gold(SEEDS_GOLD), graph)
    assert report.relations.f1 >= 0.90, format_report(report, 10)
    assert report.entities.recall >= 0.90 and report.entities.precision >= 0.90, format_report(report, 10)
