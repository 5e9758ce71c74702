"""Entity labels for both audiences: the resolver's label as before, an @en one
where the gazetteer or the texts give an English name; the label shown by --lang."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import Literal

from kg.cli.main import cli
from kg.graph.labels import english_name, entity_labels, pick_label
from kg.lexicon import Entry

GOOGLE = Entry("google", "Company", "谷歌", ("Google", "谷歌公司"))
ALTMAN = Entry("sam-altman", "Person", "萨姆·奥尔特曼", ("Sam Altman", "奥特曼"))


def test_a_chinese_label_gets_the_english_name_of_its_gazetteer_entry():
    assert entity_labels("谷歌", (), GOOGLE) == [Literal("谷歌", lang="zh"), Literal("Google", lang="en")]
    assert entity_labels("萨姆·奥尔特曼", ("奥特曼",), ALTMAN)[1] == Literal("Sam Altman", lang="en")


def test_else_a_latin_name_the_texts_gave_it():
    assert entity_labels("幻方量化", ("幻方", "High-Flyer"), None) == [
        Literal("幻方量化", lang="zh"), Literal("High-Flyer", lang="en")]


def test_no_english_name_known_gives_one_chinese_label():
    assert entity_labels("梁文锋", ("梁总",), None) == [Literal("梁文锋", lang="zh")]
    assert english_name("梁文锋", ("X", "3"), None) is None     # a letter or a digit is no name


def test_a_latin_label_stays_one_label_without_a_language():
    assert entity_labels("OpenAI", ("开放人工智能",), None) == [Literal("OpenAI")]


def test_pick_label_prefers_the_language_then_untagged():
    labels = [Literal("深度求索", lang="zh"), Literal("DeepSeek", lang="en")]
    assert pick_label(labels, "en") == Literal("DeepSeek", lang="en")
    assert pick_label(labels, "zh") == pick_label(labels) == Literal("深度求索", lang="zh")
    assert pick_label([Literal("OpenAI")], "en") == Literal("OpenAI")
    assert pick_label([Literal("梁文锋", lang="zh")], "en") == Literal("梁文锋", lang="zh")
    assert pick_label([]) is None


def test_view_lang_labels_nodes_in_that_language(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("""\
@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix kgr: <https://w3id.org/kgnews/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kgr:google a kg:Company ; rdfs:label "谷歌"@zh , "Google"@en ; kg:released kgr:gemini .
kgr:gemini a kg:AIModel ; rdfs:label "Gemini" .
""", encoding="utf-8")
    from kg.graph.store import load_graph
    from kg.view.page import collect

    for lang, name in (("en", "Google"), ("zh", "谷歌"), (None, "谷歌")):
        labels = {node["label"] for node in collect(load_graph(graph), lang).nodes}
        assert labels == {name, "Gemini"}
        out = tmp_path / f"{lang}.html"
        result = CliRunner().invoke(cli, ["view", "--graph", str(graph), "--out", str(out),
                                          *(["--lang", lang] if lang else [])])
        assert result.exit_code == 0, result.output
        assert out.is_file()


def test_the_seeds_graph_has_english_labels_and_keeps_one_label_per_language(tmp_path, extractor):
    from kg.graph.shapecheck import check_triples
    from rdflib import RDFS, Graph

    result = CliRunner().invoke(cli, ["build", str(Path(__file__).parents[1] / "seeds"), "--out",
                                      str(tmp_path), "--no-html"], obj={"extractor": extractor})
    assert result.exit_code == 0, result.output
    g = Graph().parse(tmp_path / "graph.ttl")
    english = {str(o) for o in g.objects(None, RDFS.label) if o.language == "en"}
    assert {"Alibaba", "NVIDIA"} <= english
    assert not [v for v in check_triples(g) if v.shape.startswith("kgsh:Entity")]
