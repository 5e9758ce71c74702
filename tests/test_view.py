"""kg.view.page: the HTML page is offline, escaped, deterministic and usable at
hundreds of nodes; `kg view` writes it. (tests/test_browser.py opens it.)"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from kg.cli.main import cli
from kg.errors import InputError
from kg.graph.store import load_graph
from kg.ontology.vocab import ENTITY, ENTITY_CLASSES, KG, RELATIONS
from kg.view import page as view
from kg.view.page import collect, load_styles, render_html, render_page
from kg.view.html import script_json

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
REMOTE = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//",
                    re.I)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_graph(FIXTURE)


@pytest.fixture(scope="module")
def page(graph) -> str:
    return render_html(graph)


def payload(page_html: str) -> dict:
    """The page's own data block (tooltips, classes, search text)."""
    match = re.search(r"^var KG = (\{.*\});$", page_html, re.M)
    assert match, "data block missing"
    return json.loads(match.group(1))


def synthetic_graph(n: int, edges: int, seed: int = 0) -> Graph:
    rng = random.Random(seed)
    g = Graph()
    ids = [ENTITY[f"node-{i}"] for i in range(n)]
    for i, node in enumerate(ids):
        g.add((node, RDF.type, KG[ENTITY_CLASSES[i % len(ENTITY_CLASSES)]]))
        g.add((node, RDFS.label, Literal(f"实体{i}", lang="zh")))
        g.add((node, SKOS.altLabel, Literal(f"Entity {i}")))
    for _ in range(edges):
        a, b = rng.sample(ids, 2)
        g.add((a, KG[rng.choice(RELATIONS)], b))
    return g


# --- offline and complete -----------------------------------------------------

def test_page_loads_nothing_from_the_network(page):
    assert not REMOTE.findall(page)
    assert "cdn.jsdelivr.net" not in page and "cdnjs.cloudflare.com" not in page
    assert page.count("<script") >= 3  # vis-network inline, pyvis's drawing, ours


def test_page_is_a_standards_mode_utf8_document(page):
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"zh\">")
    assert '<meta charset="utf-8">' in page
    assert "<title>知识图谱 Knowledge graph · kg view</title>" in page


def test_page_has_legend_filters_and_search(page):
    assert 'id="kg-legend"' in page and 'id="kg-search"' in page
    for (kind, key), style in load_styles().items():
        if kind in ("class", "relation"):
            assert f'data-{kind}="{key}"' in page
            assert f"<span>{style.zh} {style.en}</span>" in page


def test_every_node_and_edge_is_drawn_with_its_style(graph, page):
    data = collect(graph)
    assert len(data.nodes) == 22 and len(data.edges) == 28
    assert set(data.relations) == set(RELATIONS)
    assert set(data.classes) == set(ENTITY_CLASSES)
    for node in data.nodes:
        assert script_json(node["label"])[1:-1] in page  # in our data block, escaped
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page).group(1))
    by_id = {n["id"]: n for n in nodes}
    assert by_id[str(ENTITY["deepseek"])]["label"] == "DeepSeek"
    assert by_id[str(ENTITY["deepseek"])]["shape"] == "dot"
    assert by_id[str(ENTITY["deepseek-r1"])]["shape"] == "star"
    assert {e["label"] for e in edges} >= {"发布 released", "称赞 praised", "任职于 affiliated with"}
    assert all("title" not in item for item in nodes + edges), "pyvis must never see a title"


def test_tooltips_show_aliases_evidence_files_and_confidence(page):
    data = payload(page)
    deepseek = data["nodes"][str(ENTITY["deepseek"])]
    assert deepseek["c"] == "Company"
    assert deepseek["t"].splitlines() == ["DeepSeek", "公司 Company", "别名 aliases: Deepseek、深度求索",
                                          "文档 documents: 2", "成立年份 founded year: 2023"]
    assert "深度求索" in deepseek["s"] and "deepseek" in deepseek["s"]
    released = [e["t"] for e in data["edges"].values()
                if e["r"] == "released" and e["to"] == str(ENTITY["deepseek-r1"])]
    assert released == ["DeepSeek → 发布 released → DeepSeek-R1\n\n“2025年1月20日，DeepSeek发布R1模型。”\n"
                        "  — 002_ebd123fbead4c496.txt · 置信度 confidence 0.9"]
    role = [e["t"] for e in data["edges"].values() if e["r"] == "affiliatedWith"
            and e["f"] == str(ENTITY["person-sam-altman"])]
    assert role[0].endswith("001_7529e36f4c289f61.txt, 001_big5.txt · 置信度 confidence 0.9 · 职务 role 首席执行官")


# --- untrusted text -------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    '<a href="javascript:alert(3)">',
])
def test_injection_strings_appear_only_escaped(page, raw):
    assert raw not in page


def test_only_the_pages_own_script_elements_close(page):
    # utils.js and vis-network inline, pyvis's drawing script, the kg data and controls
    assert page.lower().count("</script") == 4
    assert "<!--" not in page and "<img" not in page.lower()


def test_injection_strings_are_still_shown_as_text(page):
    data = payload(page)
    titles = [n["t"] for n in data["nodes"].values()] + [e["t"] for e in data["edges"].values()]
    assert any("恶意应用<img src=x onerror=alert(1)>" in t for t in titles)
    assert any("</script><script>alert(2)</script> 据href报道" in t for t in titles)
    assert any('<a href="javascript:alert(3)">点我</a>' in t for t in titles)
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(2)" in page


def test_href_in_a_title_does_not_switch_tooltips_to_html(page):
    assert "popup.innerHTML" not in page  # pyvis's HTML-tooltip template stays off
    assert "div.popup" not in page


@pytest.mark.parametrize("value", ["</script>", "a<b>&c", "\u2028\u2029", "<!--", "'\"", "中文"])
def test_script_json_is_safe_and_round_trips(value):
    text = script_json({"k": value})
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == {"k": value}


# --- deterministic, big graphs, file writing --------------------------------------

def test_render_is_byte_identical(graph, page):
    assert render_html(graph) == page
    assert render_html(load_graph(FIXTURE)) == page


def test_the_page_reads_nothing_that_unread_leaves_out(graph, page):
    from kg.view.page import unread

    lean = Graph()
    for t in graph:
        if not unread(t[1]):
            lean.add(t)
    assert len(lean) < len(graph)
    assert render_html(lean) == page


def test_600_nodes_are_laid_out_without_physics():
    page = render_html(synthetic_graph(600, 900))
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page).group(1))
    assert len(nodes) == 600 and all("x" in n and "y" in n for n in nodes)
    assert '"physics": {"enabled": false}' in page
    assert payload(page)["stabilise"] is False
    assert "loadingBar" not in page.split("<body>")[1]


def test_entities_without_relations_go_to_a_grid_beside_the_rest(graph):
    g = Graph()
    for triple in graph:
        g.add(triple)
    for i in range(5):
        g.add((ENTITY[f"loose-{i}"], RDF.type, KG.Person))
        g.add((ENTITY[f"loose-{i}"], RDFS.label, Literal(f"人{i}", lang="zh")))
    data = collect(g)
    pos = view.layout(data)
    assert set(pos) == {n["id"] for n in data.nodes}
    loose = {str(ENTITY[f"loose-{i}"]) for i in range(5)}
    right_edge = max(x for k, (x, _) in pos.items() if k not in loose)
    assert all(pos[k][0] > right_edge for k in loose)
    assert len({pos[k][0] for k in loose}) == 1  # one column: they fit beside the linked part


def test_very_big_graphs_stabilise_then_stop(monkeypatch):
    monkeypatch.setattr(view, "LAYOUT_MAX_NODES", 50)
    page = render_html(synthetic_graph(60, 80))
    assert '"stabilization": {"enabled": true, "iterations": 200, "fit": true}' in page
    assert payload(page)["stabilise"] is True
    assert 'network.setOptions({physics: {enabled: false}})' in page


def test_render_page_gives_the_utf8_bytes_and_the_counts(graph, page):
    rendered = render_page(graph)
    assert (rendered.nodes, rendered.edges) == (22, 28)
    assert rendered.html == page.encode("utf-8")


def test_empty_graph_renders(tmp_path):
    page = render_html(Graph())
    assert 'data-class="Company"' in page and payload(page)["nodes"] == {}


def test_styles_cover_every_class_and_relation():
    styles = load_styles()
    for cls in ENTITY_CLASSES:
        assert ("class", cls) in styles
    for rel in RELATIONS:
        assert ("relation", rel) in styles


def test_bad_styles_file_names_the_row(tmp_path):
    bad = tmp_path / "styles.tsv"
    bad.write_text("kind\tkey\tcolour\tshape\tzh\ten\nclass\tCompany\tred\tdot\t公司\tCompany\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match=r"bad style row 2"):
        load_styles(bad)


# --- the command ----------------------------------------------------------------

def test_cli_view_writes_the_page(tmp_path, page):
    out = tmp_path / "view.html"
    result = CliRunner().invoke(cli, ["view", "--graph", str(FIXTURE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out} (22 nodes, 28 edges)\n"
    assert out.read_text(encoding="utf-8") == page


def test_cli_view_defaults_to_beside_the_graph(tmp_path):
    graph_file = tmp_path / "graph.ttl"
    graph_file.write_bytes(FIXTURE.read_bytes())
    result = CliRunner().invoke(cli, ["view", "--graph", str(graph_file)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.html").is_file()


def test_cli_view_writes_atomically_with_normal_permissions(tmp_path, page):
    out = tmp_path / "sub" / "graph.html"
    umask = os.umask(0o022)
    try:
        result = CliRunner().invoke(cli, ["view", "--graph", str(FIXTURE), "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_bytes() == page.encode("utf-8")
        assert [p.name for p in out.parent.iterdir()] == ["graph.html"]    # no temporary file
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o600)                                                   # a changed mode is kept
        assert CliRunner().invoke(cli, ["view", "--graph", str(FIXTURE), "--out", str(out)]).exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


def test_cli_view_out_under_a_file_is_one_line(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    out = tmp_path / "file.txt" / "graph.html"
    result = CliRunner().invoke(cli, ["view", "--graph", str(FIXTURE), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path / 'file.txt'}: cannot write the page there "
                             "(Not a directory); choose another --out file\n")


def test_cli_view_missing_graph(tmp_path):
    missing = tmp_path / "graph.ttl"
    result = CliRunner().invoke(cli, ["view", "--graph", str(missing)])
    assert result.exit_code == 1
    assert result.output == (f"Error: graph file {missing} not found; "
                             "run `kg build` first or pass --graph FILE\n")
