"""The same articles given as a JSON Lines feed, as web pages and as
Markdown with front matter give the same documents' metadata and the same
facts (five real articles of the shared corpus, committed as a fixture)."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from rdflib import RDFS
from rdflib.namespace import DCTERMS

from kg.ontology.vocab import ATTRIBUTES, KG, RELATIONS

SAMPLE = Path(__file__).parent / "data" / "corpus_sample.jsonl"
ROWS = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def as_html(row) -> str:
    first, *rest = _lines(row["text"])
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in rest)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8">'
            f'<title>{html.escape(row["title"])}</title>'
            f'<meta property="article:published_time" content="{row["date"]}">'
            f'<meta property="og:site_name" content="{html.escape(row["outlet"])}">'
            '<script>var related = ["OpenAI", "GPT-5"];</script></head><body>'
            '<nav><a href="/">home</a> <a href="/ai">AI</a></nav>'
            f'<article><h1>{html.escape(first)}</h1>{paras}</article>'
            '<footer>copyright</footer></body></html>')


def as_markdown(row) -> str:
    first, *rest = _lines(row["text"])
    head = "\n".join([f"title: {json.dumps(row['title'], ensure_ascii=False)}", f"date: {row['date']}",
                      f"source_name: {json.dumps(row['outlet'], ensure_ascii=False)}"])
    return f"---\n{head}\n---\n# {first}\n\n" + "\n\n".join(rest) + "\n"


def facts(out: Path):
    from kg.graph.store import load_graph

    g = load_graph(out / "graph.ttl", "memory")
    label = {s: str(o) for s, o in g.subject_objects(RDFS.label)}
    found = set()
    for p in (*RELATIONS, *ATTRIBUTES):
        for s, o in g.subject_objects(KG[p]):
            found.add((label[s], p, label.get(o, str(o))))
    meta = sorted((str(g.value(d, DCTERMS.title)), str(g.value(d, DCTERMS.issued)),
                   str(g.value(d, DCTERMS.publisher))) for d in g.subjects(None, KG.Document))
    return found, meta


@pytest.fixture(scope="module")
def jsonl_facts(tmp_path_factory, extractor):
    from kg.run.build import build

    out = tmp_path_factory.mktemp("jsonl")
    result = build([SAMPLE], out / "out", html=False, cache=False, extractor=extractor)
    assert result.documents == len(ROWS) == 5 and not result.skipped
    return facts(out / "out")


@pytest.mark.parametrize("suffix, writer", [(".html", as_html), (".md", as_markdown)])
def test_pages_and_markdown_give_the_facts_of_the_feed(tmp_path, extractor, jsonl_facts, suffix, writer):
    from kg.run.build import build

    (tmp_path / "in").mkdir()
    for row in ROWS:
        (tmp_path / "in" / f"{row['id']}{suffix}").write_text(writer(row), encoding="utf-8")
    result = build([tmp_path / "in"], tmp_path / "out", html=False, cache=False, extractor=extractor)
    assert result.documents == 5 and not result.skipped
    found, meta = facts(tmp_path / "out")
    expected, expected_meta = jsonl_facts
    assert len(expected) >= 15
    assert meta == expected_meta
    assert found == expected
