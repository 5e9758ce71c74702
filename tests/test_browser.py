"""The page in a real browser: headless Chromium opens it from disk with no
network, draws the network and the legend, logs nothing to the console, and
runs none of the scripts hidden in article text.

Needs Debian's chromium (and fonts-wqy-microhei for the screenshot). Without
it these tests FAIL, naming the install command; set KG_SKIP_BROWSER=1 to
skip them instead.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import PROV, SKOS

from kg.graph.store import load_graph
from kg.view.page import Page, collect, render_page
from kg.ontology.vocab import DOC, ENTITY, KG, STATEMENT

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
INSTALL = "apt-get install -y chromium fonts-wqy-microhei"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
         # network off: every request goes to a closed local port, no name resolves
         "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]
# each payload, if it ever ran, would add a <kg-pwned-…> element to the page
MARK = "document.body.appendChild(document.createElement('kg-'+'pwned-{}'))"


def _require(path: Path, what: str) -> None:
    if path.exists():
        return
    reason = f"{what} not installed ({path} missing): run `{INSTALL}`"
    if os.environ.get("KG_SKIP_BROWSER") == "1":
        pytest.skip(f"{reason}; skipped because KG_SKIP_BROWSER=1")
    pytest.fail(f"{reason}, or set KG_SKIP_BROWSER=1 to skip the browser tests")


@pytest.fixture(scope="module")
def chromium() -> Path:
    _require(CHROMIUM, "Chromium")
    return CHROMIUM


def open_page(chromium: Path, page: Path, tmp_path: Path, *action: str) -> tuple[str, list[str]]:
    """Run Chromium on ``page``; the dumped DOM (if asked) and the console lines."""
    profile = tmp_path / f"profile-{page.stem}-{len(action)}"
    cmd = [str(chromium), *FLAGS, f"--user-data-dir={profile}", *action, page.resolve().as_uri()]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired:
        pytest.fail(f"Chromium did not finish within 180 s: {' '.join(cmd)}")
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if re.search(r":CONSOLE[:(]", line)]
    return done.stdout, console


def write_page(graph: Graph, path: Path) -> Page:
    """The page of ``graph`` written to ``path`` (as `kg view` writes it)."""
    page = render_page(graph)
    path.write_bytes(page.html)
    return page


def injection_graph() -> Graph:
    """The fixture plus an entity and a fact whose text would mark the DOM if run."""
    g = load_graph(FIXTURE)
    bad, st = ENTITY["product-pwned"], STATEMENT["00000000000000ff"]
    g.add((bad, RDF.type, KG.Product))
    g.add((bad, RDFS.label, Literal(f'<img src=x onerror="{MARK.format("label")}">')))
    g.add((bad, SKOS.altLabel, Literal(f'<a href="#" onmouseover="{MARK.format("alias")}">x</a>')))
    g.add((bad, KG.integrated, ENTITY["deepseek-r1"]))
    for p, o in ((RDF.type, RDF.Statement), (RDF.subject, bad), (RDF.predicate, KG.integrated),
                 (RDF.object, ENTITY["deepseek-r1"]), (PROV.wasDerivedFrom, DOC["5e6f708192a3b4c5"]),
                 (KG.evidence, Literal(f"</script><script>{MARK.format('evidence')}</script>"
                                       f"<!-- href --><svg onload=\"{MARK.format('svg')}\">")),
                 (KG.confidence, Literal(0.5))):
        g.add((st, p, o))
    return g


def test_fixture_page_draws_offline_without_errors(chromium, tmp_path):
    page = tmp_path / "graph.html"
    summary = write_page(injection_graph(), page)
    dom, console = open_page(chromium, page, tmp_path, "--dump-dom")
    assert not console, "console output:\n" + "\n".join(console)
    assert "<canvas" in dom, "vis-network drew no canvas"
    assert 'id="kg-legend"' in dom and "类别 Classes" in dom and "关系 Relations" in dom
    # the page's own script ran to its end after pyvis drew every node
    assert f'data-kg-drawn="{summary.nodes}"' in dom and summary.nodes == 23


def test_injected_scripts_do_not_run(chromium, tmp_path):
    page = tmp_path / "graph.html"
    write_page(injection_graph(), page)
    dom, console = open_page(chromium, page, tmp_path, "--dump-dom")
    assert "<kg-pwned" not in dom, "a script from article text ran"
    assert not console, "console output:\n" + "\n".join(console)


def probe(chromium: Path, graph: Graph, js: str, tmp_path: Path) -> tuple[str, list[str]]:
    """Open the page with ``js`` appended (run once the page has drawn); it
    reports by setting ``data-probe`` on <body>. Returns the DOM and console."""
    page = tmp_path / "probe.html"
    write_page(graph, page)
    text = page.read_text(encoding="utf-8")
    end = text.rindex("</body>")
    page.write_text(f"{text[:end]}<script>setTimeout(function () {{\n{js}\n}}, 300);</script>\n"
                    f"{text[end:]}", encoding="utf-8")
    return open_page(chromium, page, tmp_path, "--dump-dom", "--window-size=1400,900")


HOVER = """
function hover(x, y) {
  var canvas = document.querySelector("#mynetwork canvas"), box = canvas.getBoundingClientRect();
  var at = network.canvasToDOM({x: x, y: y});
  canvas.dispatchEvent(new MouseEvent("mousemove", {clientX: box.left + at.x, clientY: box.top + at.y,
                                                    bubbles: true}));
}
"""


@pytest.mark.parametrize("target, shown", [
    ("node", ['<img src=x onerror="document.body.appendChild', "产品 Product",
              '别名 aliases: <a href="#" onmouseover=']),
    ("edge", ["</script><script>document.body.appendChild", '<svg onload="',
              "— 001_7529e36f4c289f61.txt, 001_big5.txt · 置信度 confidence 0.5"]),
])
def test_tooltips_show_article_text_as_text(chromium, tmp_path, target, shown):
    a, b = str(ENTITY["product-pwned"]), str(ENTITY["deepseek-r1"])
    js = HOVER + (f'var p = network.getPositions(["{a}", "{b}"]);\n' + (
        f'hover(p["{a}"].x, p["{a}"].y);' if target == "node" else
        f'hover((p["{a}"].x + p["{b}"].x) / 2, (p["{a}"].y + p["{b}"].y) / 2);'))
    js += '\nsetTimeout(function () { document.body.setAttribute("data-probe", "hovered"); }, 1000);'
    dom, console = probe(chromium, injection_graph(), js, tmp_path)
    assert not console, "console output:\n" + "\n".join(console)
    assert 'data-probe="hovered"' in dom
    tip = re.search(r'<div class="vis-tooltip"[^>]*visibility: visible[^>]*>(.*?)</div>', dom, re.S)
    assert tip, "no tooltip shown"
    text = tip.group(1).replace("<br>", "\n")
    assert "<" not in text, "tooltip contains markup: " + text
    for expected in shown:
        assert html.escape(expected, quote=False) in text
    assert "<kg-pwned" not in dom


def test_search_and_filters_work(chromium, tmp_path):
    graph = load_graph(FIXTURE)
    data = collect(graph)
    companies = {n["id"] for n in data.nodes if n["cls"] == "Company"}
    hidden_edges = sum(1 for e in data.edges if e["source"] in companies or e["target"] in companies
                       or e["relation"] == "locatedIn")
    js = """
var box = document.getElementById("kg-search"), status = document.getElementById("kg-status");
box.value = "深度求索";
box.dispatchEvent(new Event("input"));
var found = [status.textContent, network.getSelectedNodes().join(" ")];
function untick(selector) {
  var cb = document.querySelector(selector);
  cb.checked = false;
  cb.dispatchEvent(new Event("change", {bubbles: true}));
}
untick('input[data-class="Company"]');
untick('input[data-relation="locatedIn"]');
found.push(status.textContent);
found.push(nodes.get({filter: function (n) { return n.hidden; }}).length);
found.push(edges.get({filter: function (e) { return e.hidden; }}).length);
document.body.setAttribute("data-probe", found.join("|"));
"""
    dom, console = probe(chromium, graph, js, tmp_path)
    assert not console, "console output:\n" + "\n".join(console)
    state = re.search(r'data-probe="([^"]*)"', dom).group(1).split("|")
    assert state == ["1 个匹配 match", str(ENTITY["deepseek"]), "0 个匹配 matches",
                     str(len(companies)), str(hidden_edges)]


def test_600_node_page_draws(chromium, tmp_path):
    import random

    rng = random.Random(0)
    g = Graph()
    nodes = [ENTITY[f"n{i}"] for i in range(600)]
    for i, node in enumerate(nodes):
        g.add((node, RDF.type, KG[("Company", "Person", "AIModel", "Product")[i % 4]]))
        g.add((node, RDFS.label, Literal(f"实体{i}", lang="zh")))
    for _ in range(900):
        a, b = rng.sample(nodes, 2)
        g.add((a, KG.released, b))
    page = tmp_path / "big.html"
    write_page(g, page)
    dom, console = open_page(chromium, page, tmp_path, "--dump-dom")
    assert not console, "console output:\n" + "\n".join(console)
    assert "<canvas" in dom and 'data-kg-drawn="600"' in dom


def test_screenshot_shows_the_graph(chromium, tmp_path):
    _require(CJK_FONT, "The CJK font")
    page = tmp_path / "graph.html"
    write_page(load_graph(FIXTURE), page)
    shot = tmp_path / "view.png"
    _, console = open_page(chromium, page, tmp_path, f"--screenshot={shot}", "--window-size=1400,900")
    assert not console, "console output:\n" + "\n".join(console)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 30_000  # a blank page is a few kB
