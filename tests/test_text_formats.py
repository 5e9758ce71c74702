"""Web pages, Markdown with front matter and web archives as documents:
the article body and its metadata, scripts and menus dropped, bad records
skipped one by one; folders searched for every format."""

from __future__ import annotations

import gzip
import io

import pytest

from kg.errors import InputError
from kg.text.files import format_of, iter_input_files, read_documents
from kg.text.html_pages import html_document, read_html
from kg.text.markdown_docs import markdown_document, markdown_text, read_markdown
from kg.text.warc_records import read_warc

BODY = ["3月5日，星河科技发布了Zeta-7B模型。", "北辰公司去年5月推出了Nova-3模型。"]


def page(title="星河科技发布Zeta-7B", body=BODY, date="2025-03-10T08:00:00+08:00", site="北辰日报",
         url="https://example.com/a1", script="深度求索发布了GPT-5模型。") -> str:
    meta = "".join([
        f'<meta property="article:published_time" content="{date}">' if date else "",
        f'<meta property="og:site_name" content="{site}">' if site else "",
        f'<link rel="canonical" href="{url}">' if url else ""])
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{title} | {site}</title>'
            f'{meta}<script>var teaser = "{script}";</script><style>p {{color: red}}</style></head>'
            f'<body><nav><ul><li><a href="/">首页</a></li><li><a href="/ai">{script}</a></li></ul></nav>'
            f'<article><h1>{title}</h1>{paras}</article>'
            f'<aside class="sidebar"><a href="/hot">热门：{script}</a></aside>'
            '<footer>版权所有 © 北辰日报</footer><script>track("深度求索");</script></body></html>')


def test_a_page_is_its_article_with_its_metadata(tmp_path):
    (tmp_path / "a1.html").write_text(page(), encoding="utf-8")
    doc = read_html(tmp_path / "a1.html")
    assert doc.original.splitlines() == ["星河科技发布Zeta-7B", *BODY]
    assert (doc.title, doc.issued, doc.publisher, doc.url) == (
        "星河科技发布Zeta-7B", "2025-03-10", "北辰日报", "https://example.com/a1")
    assert doc.files == ("a1.html",) and doc.language == "zh"


def test_scripts_menus_and_sidebars_are_not_read(tmp_path):
    doc = html_document(page().encode("utf-8"), "a1.html")
    for gone in ("GPT-5", "深度求索", "首页", "版权", "color", "track"):
        assert gone not in doc.original


def test_a_script_that_names_a_model_yields_no_fact(tmp_path, extractor):
    """The issue's case: a <script> string made 深度求索 release GPT-5."""
    from kg.run.build import build
    from kg.graph.store import load_graph
    from kg.ontology.vocab import KG

    (tmp_path / "a1.html").write_text(page(), encoding="utf-8")
    build([tmp_path / "a1.html"], tmp_path / "out", html=False, cache=False, extractor=extractor)
    g = load_graph(tmp_path / "out" / "graph.ttl", "memory")
    labels = {str(o) for o in g.objects(None, __import__("rdflib").RDFS.label)}
    assert "Zeta-7B" in labels and "GPT-5" not in labels and "深度求索" not in labels
    assert len(list(g.subject_objects(KG.released))) >= 1


def test_a_page_without_metadata_keeps_what_it_has(tmp_path):
    doc = html_document(page(date="", site="", url=""), "bare.htm", url="https://example.org/x")
    assert (doc.issued, doc.url) == ("", "https://example.org/x")
    assert doc.original.splitlines()[1:] == BODY


@pytest.mark.parametrize("data, reason", [
    (b"", "is empty"),
    ("<html><head><script>var a = 1;</script></head><body><nav>首页</nav></body></html>".encode(),
     "no article text found in the page"),
])
def test_a_page_without_an_article_is_an_input_error(data, reason):
    with pytest.raises(InputError, match=f"^p.html: {reason}"):
        html_document(data, "p.html")


MD = """---
title: 星河科技发布Zeta-7B
date: 2025-03-10
source_url: https://example.com/a1
source_name: 北辰日报
lang: zh_CN
tags: [AI, 模型]
---
# 星河科技发布**Zeta-7B**

3月5日，[星河科技](https://example.com/xh)发布了`Zeta-7B`模型。![配图](a.png)

> 北辰公司去年5月推出了*Nova-3*模型。

- 第一项
- 第二项

| 模型 | 参数 |
|---|---|
| Zeta-7B | 7B |
"""


def test_markdown_front_matter_is_metadata_and_marks_are_removed(tmp_path):
    (tmp_path / "a1.md").write_text(MD, encoding="utf-8")
    doc = read_markdown(tmp_path / "a1.md")
    assert (doc.title, doc.issued, doc.publisher, doc.url) == (
        "星河科技发布Zeta-7B", "2025-03-10", "北辰日报", "https://example.com/a1")
    assert doc.original.split("\n\n") == ["星河科技发布Zeta-7B", *BODY, "第一项", "第二项",
                                          "模型 参数", "Zeta-7B 7B"]
    assert "---" not in doc.original and "title:" not in doc.original
    assert doc.language == "zh-CN"


@pytest.mark.parametrize("text, plain", [
    ("no front matter, **bold** and _it_", "no front matter, bold and it"),
    ("## 标题 ##\n正文<br>续", "标题\n\n正文续"),
    ("```python\nprint(1)\n```", "print(1)"),
    ("1. 一\n2. 二", "一\n\n二"),
])
def test_markdown_text(text, plain):
    assert markdown_text(text) == plain


def test_markdown_without_front_matter_takes_its_title_from_the_text():
    doc = markdown_document("# 标题\n\n正文。", "x.md")
    assert (doc.title, doc.issued, doc.original) == ("标题", "", "标题\n\n正文。")


@pytest.mark.parametrize("text, reason", [
    ("---\ntitle: [unclosed\n---\n正文", "x.md, line 3: the front matter is not valid YAML"),
    ("---\n- a list\n---\n正文", "x.md: the front matter is not a YAML mapping"),
    ("---\ntitle: t\n---\n\n", "x.md: no article text after the front matter"),
])
def test_bad_front_matter_is_an_input_error(text, reason):
    with pytest.raises(InputError) as info:
        markdown_document(text, "x.md")
    assert str(info.value).startswith(reason)


def _warc(path, records):
    """A tiny WARC: (type, uri, content type, status, payload) records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for rec_type, uri, ctype, status, payload in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1") \
                if rec_type == "response" else None
            record = writer.create_warc_record(
                uri, rec_type, payload=io.BytesIO(payload), http_headers=http,
                warc_headers_dict={"WARC-Date": "2025-03-11T02:00:00Z"})
            writer.write_record(record)
    return path


RECORDS = [
    ("request", "https://example.com/a1", "", "", b"GET /a1 HTTP/1.1\r\n\r\n"),
    ("response", "https://example.com/a1", "text/html; charset=utf-8", "200 OK", page(url="").encode()),
    ("response", "https://example.com/logo.png", "image/png", "200 OK", b"\x89PNG...."),
    ("response", "https://example.com/gone", "text/html", "404 Not Found", b"<html>404</html>"),
    ("response", "https://example.com/empty", "text/html", "200 OK",
     b"<html><body><nav>menu</nav></body></html>"),
    ("response", "https://example.com/b2", "text/html", "200 OK",
     page(title="北辰公司推出Nova-3", body=BODY[1:], date="", url="").encode()),
]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_each_html_response_of_an_archive_is_an_article(tmp_path, name):
    items = list(read_warc(_warc(tmp_path / name, RECORDS)))
    docs = [d for d in items if not isinstance(d, InputError)]
    errors = [str(e) for e in items if isinstance(e, InputError)]
    assert [(d.files, d.url, d.fetched, d.issued) for d in docs] == [
        ((f"{name}#2",), "https://example.com/a1", "2025-03-11T02:00:00Z", "2025-03-10"),
        ((f"{name}#6",), "https://example.com/b2", "2025-03-11T02:00:00Z", "")]
    assert docs[0].original.splitlines() == ["星河科技发布Zeta-7B", *BODY]
    assert errors == [f"{tmp_path / name}, record 5 (https://example.com/empty): no article text "
                      "found in the page; give a page that holds an article (menus, scripts and "
                      "comments are not read)"]


def test_a_file_that_is_no_archive_is_an_input_error(tmp_path):
    (tmp_path / "x.warc.gz").write_bytes(gzip.compress(b"hello, not a warc"))
    with pytest.raises(InputError, match="x.warc.gz: not a WARC file"):
        list(read_warc(tmp_path / "x.warc.gz"))


def test_folders_are_searched_for_every_format(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ("a/one.txt", "a/two.html", "a/three.htm", "four.md", "five.jsonl", "six.jsonl.gz",
                 "seven.warc", "a/eight.warc.gz", "nine.png", "ten.json", ".hidden.md"):
        (tmp_path / name).write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert found == ["a/eight.warc.gz", "a/one.txt", "a/three.htm", "a/two.html", "five.jsonl",
                     "four.md", "seven.warc", "six.jsonl.gz"]
    assert [format_of(tmp_path / p) for p in found] == ["warc", "txt", "html", "html", "jsonl",
                                                         "md", "warc", "jsonl"]


def test_read_documents_dispatches_by_format(tmp_path):
    (tmp_path / "a1.md").write_text(MD, encoding="utf-8")
    (tmp_path / "a1.html").write_text(page(), encoding="utf-8")
    md, = read_documents(tmp_path / "a1.md")
    html, = read_documents(tmp_path / "a1.html")
    assert md.issued == html.issued == "2025-03-10"
    assert md.original.replace("\n\n", "\n").startswith(html.original)


def test_an_archived_page_carries_its_url_and_fetch_date_into_the_graph(tmp_path, extractor):
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, XSD

    from kg.graph.store import load_graph
    from kg.ontology.vocab import KG
    from kg.run.build import build

    archive = _warc(tmp_path / "crawl.warc.gz", RECORDS[:2])
    result = build([archive], tmp_path / "out", html=False, cache=False, extractor=extractor)
    assert result.documents == 1 and not result.skipped
    g = load_graph(tmp_path / "out" / "graph.ttl", "memory")
    doc, = g.subjects(None, KG.Document)
    assert g.value(doc, KG.fetched) == Literal("2025-03-11T02:00:00Z", datatype=XSD.dateTime)
    assert g.value(doc, URIRef("https://schema.org/url")) == Literal("https://example.com/a1",
                                                                     datatype=XSD.anyURI)
    assert g.value(doc, DCTERMS.issued) == Literal("2025-03-10", datatype=XSD.date)


@pytest.mark.parametrize("codec", ["gb18030", "big5"])
def test_a_page_in_a_legacy_chinese_encoding(codec):
    text = "星河科技發布了Zeta-7B模型。" if codec == "big5" else BODY[0]
    html = (f'<html><head><meta charset="{codec}"><title>T</title></head><body><article><p>{text}</p>'
            "</article></body></html>")
    assert html_document(html.encode(codec), "legacy.html").original == text
