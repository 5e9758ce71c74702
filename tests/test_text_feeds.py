"""JSON Lines feeds: one article per line with its metadata; bad lines are
skipped one by one; the publication date dates what the text leaves open;
documents carry their title, date, outlet and URL into the graph."""

from __future__ import annotations

import gzip
import json

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from kg.errors import InputError
from kg.text.feeds import iso_date, read_jsonl
from kg.text.files import iter_input_files

ARTICLES = [
    {"id": "a1", "title": "星河科技发布Zeta-7B", "date": "2025-03-10T08:00:00+08:00", "outlet": "北辰日报",
     "url": "https://example.com/a1", "lang": "zh-CN", "text": "3月5日，星河科技发布了Zeta-7B模型。"},
    {"id": "a2", "published": "2025/03/11", "source": "远山网", "content": "北辰公司去年5月推出了Nova-3模型。"},
]


def _write(path, rows, raw_lines=()):
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(raw_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_line_is_an_article_with_its_metadata(tmp_path):
    docs = list(read_jsonl(_write(tmp_path / "feed.jsonl", ARTICLES)))
    assert [d.files for d in docs] == [("feed.jsonl#a1",), ("feed.jsonl#a2",)]
    assert docs[0].title == "星河科技发布Zeta-7B" and docs[0].original == ARTICLES[0]["text"]
    assert (docs[0].issued, docs[0].publisher, docs[0].url) == ("2025-03-10", "北辰日报", "https://example.com/a1")
    assert (docs[0].language, docs[1].language) == ("zh-CN", "")
    assert (docs[1].issued, docs[1].publisher, docs[1].title) == ("2025-03-11", "远山网", "北辰公司去年5月推出了Nova-3模型。")


@pytest.mark.parametrize("line, reason", [
    ("{not json", "not valid JSON"),
    ('["a list"]', "no article text"),
    ('{"title": "no text"}', "no article text"),
    ('{"text": "   "}', "no article text"),
])
def test_a_bad_line_is_skipped_with_its_number(tmp_path, line, reason):
    items = list(read_jsonl(_write(tmp_path / "feed.jsonl", ARTICLES[:1], [line]) ))
    assert len(items) == 2 and items[0].files == ("feed.jsonl#a1",)
    assert isinstance(items[1], InputError)
    assert str(items[1]).startswith(f"{tmp_path / 'feed.jsonl'}, line 2: {reason}")


def test_gzip_and_folders(tmp_path):
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in ARTICLES).encode("utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "feed.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "notes.json").write_text("x", encoding="utf-8")
    assert [p.name for p in iter_input_files([tmp_path])] == ["feed.jsonl.gz"]
    assert len(list(read_jsonl(tmp_path / "sub" / "feed.jsonl.gz"))) == 2


@pytest.mark.parametrize("value, iso", [
    ("2025-03-10", "2025-03-10"), ("2025-03-10T08:00:00Z", "2025-03-10"), ("2025/3/9", "2025-03-09"),
    ("2025年3月9日", "2025-03-09"), ("March 9, 2025", ""), ("", ""), (None, ""), ("2025-13-01", ""),
])
def test_iso_date(value, iso):
    assert iso_date(value) == iso


def test_the_publication_date_dates_the_text(tmp_path):
    """3月5日 in an article of 2025-03-10 is 2025-03-05; 去年 is 2024."""
    from kg.run.build import build
    from kg.graph.store import load_graph
    from kg.ontology.vocab import KG

    feed = _write(tmp_path / "feed.jsonl", ARTICLES)
    result = build([feed], tmp_path / "out", html=False, cache=False)
    assert result.documents == 2 and not result.skipped
    g = load_graph(tmp_path / "out" / "graph.ttl", "memory")
    dates = {str(g.value(s, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))): str(o)
             for s, o in g.subject_objects(KG.releaseDate)}
    assert dates == {"Zeta-7B": "2025-03-05", "Nova-3": "2024-05"}
    issued = sorted(str(o) for o in g.objects(None, DCTERMS.issued))
    assert issued == ["2025-03-10", "2025-03-11"]
    assert Literal("北辰日报", lang="zh") in set(g.objects(None, DCTERMS.publisher))
    assert (None, URIRef("https://schema.org/url"), Literal("https://example.com/a1", datatype=XSD.anyURI)) in g
    assert sorted(g.objects(None, DCTERMS.language)) == [Literal("zh-CN")]
