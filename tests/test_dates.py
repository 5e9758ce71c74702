"""The publication date anchors what the text leaves open: month/day dates
get its year, 去年/今年 count from it, 昨天/上周/本月/3天前 from its day;
an anchored date says so on its statement (kg:anchoredTo)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import XSD

from kg.errors import KGError
from kg.facts.relative_dates import load_rules, parse_rules, relative_dates
from kg.ontology.vocab import KG


@pytest.mark.parametrize("text, issued, value", [
    ("昨天", "2025-03-10", ("2025-03-09", "date")),
    ("前天", "2025-03-01", ("2025-02-27", "date")),
    ("今天", "2025-03-10", ("2025-03-10", "date")),
    ("3天前", "2025-01-02", ("2024-12-30", "date")),
    ("本月", "2025-03-10", ("2025-03", "gYearMonth")),
    ("上个月", "2025-01-10", ("2024-12", "gYearMonth")),
    ("上月", "2025-03-10", ("2025-02", "gYearMonth")),
    ("2个月前", "2025-03-10", ("2025-01", "gYearMonth")),
    ("上周", "2025-03-19", ("2025-03", "gYearMonth")),     # 10 to 16 March
    ("上周", "2025-03-05", None),                          # 24 February to 2 March: no month
    ("本周", "2025-03-12", ("2025-03", "gYearMonth")),
])
def test_relative_dates(text, issued, value):
    found = relative_dates(text, 0, len(text), issued)
    assert [f[2:] for f in found] == ([value] if value else [])
    if value:
        assert found[0][:2] == (0, len(text))


def test_no_publication_date_no_relative_date():
    assert relative_dates("昨天", 0, 2, "") == []


def test_the_shipped_rules_parse_and_bad_ones_are_refused():
    assert {r.unit for r in load_rules()} == {"day", "week", "month"}
    for bad in ("昨天\tday", "昨天\thour\t-1", "N天前\tday\t-1", "昨天\tday\t-N", "昨天\tday\tx"):
        with pytest.raises(KGError, match="line 2: expected PHRASE"):
            parse_rules("# header\n" + bad)


ARTICLES = [
    {"id": "a", "date": "2025-03-10", "text": "3月5日，星河科技发布了Zeta-7B模型。北辰公司去年5月推出了Nova-3模型。"},
    {"id": "b", "date": "2025-03-19", "text": "昨天，远山智能发布了Orion-2模型。上周，北辰公司推出了Vega-5模型。"},
    {"id": "c", "date": "2025-03-19", "text": "2024年1月，远山智能推出了Lyra-1模型。"},
]


def test_release_dates_anchored_to_the_publication_date(tmp_path, extractor):
    from kg.graph.store import load_graph
    from kg.run.build import build

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    result = build([feed], tmp_path / "out", html=False, cache=False, extractor=extractor)
    assert result.documents == 3 and not result.skipped
    g = load_graph(tmp_path / "out" / "graph.ttl", "memory")
    dates = {str(g.value(s, RDFS.label)): str(o) for s, o in g.subject_objects(KG.releaseDate)}
    assert dates == {"Zeta-7B": "2025-03-05", "Nova-3": "2024-05", "Orion-2": "2025-03-18",
                     "Vega-5": "2025-03", "Lyra-1": "2024-01"}
    anchors = {}
    for st in g.subjects(RDF.predicate, KG.releaseDate):
        anchors[str(g.value(g.value(st, RDF.subject), RDFS.label))] = g.value(st, KG.anchoredTo)
    assert anchors == {"Zeta-7B": Literal("2025-03-10", datatype=XSD.date),
                       "Nova-3": Literal("2025-03-10", datatype=XSD.date),
                       "Orion-2": Literal("2025-03-19", datatype=XSD.date),
                       "Vega-5": Literal("2025-03-19", datatype=XSD.date),
                       "Lyra-1": None}       # a full date: nothing taken from the publication date


def test_the_cache_keeps_apart_one_text_under_two_dates(tmp_path, extractor):
    from kg.graph.store import load_graph
    from kg.run.build import build

    feed = tmp_path / "feed.jsonl"
    for date, expected in (("2025-03-10", "2025-03-05"), ("2026-03-10", "2026-03-05")):
        row = {"id": "a", "date": date, "text": ARTICLES[0]["text"]}
        feed.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
        build([feed], tmp_path / "out", html=False, extractor=extractor)
        g = load_graph(tmp_path / "out" / "graph.ttl", "memory")
        dates = {str(g.value(s, RDFS.label)): str(o) for s, o in g.subject_objects(KG.releaseDate)}
        assert dates["Zeta-7B"] == expected


def test_news_by_date_filters_by_publication_date_and_outlet(tmp_path, extractor):
    from kg.graph.query import format_result, parse_binding, resolve_query, run_query
    from kg.graph.store import load_graph
    from kg.run.build import build

    rows = [dict(a, outlet="北辰日报" if a["id"] == "a" else "远山网") for a in ARTICLES]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in rows), encoding="utf-8")
    build([feed], tmp_path / "out", html=False, cache=False, extractor=extractor)
    g = load_graph(tmp_path / "out" / "graph.ttl")
    text = resolve_query("news_by_date").read_text(encoding="utf-8")

    def answer(**binds):
        out = format_result(run_query(g, text, {k: parse_binding(v) for k, v in binds.items()},
                                      source="news_by_date"), g, "csv")
        return {(r[0], r[1]) for r in list(csv.reader(io.StringIO(out)))[1:]}

    assert answer() == {("2025-03-10", "北辰日报"), ("2025-03-19", "远山网")}
    assert answer(since="2025-03-11") == {("2025-03-19", "远山网")}
    assert answer(until="2025-03-11") == {("2025-03-10", "北辰日报")}
    assert answer(publisher="北辰日报") == {("2025-03-10", "北辰日报")}


@pytest.mark.parametrize("text", [
    "星河科技于2025年1月发布了Orion-2的技术报告。",
    "1月12日，星河科技发布了关于Orion-2的论文。",
    "据泄露的文件，星河科技将于3月发布Orion-3模型。",
])
def test_a_paper_report_or_leak_date_is_no_release_date(text, extractor):
    from kg.text.document import Document

    found = extractor.extract(Document.from_text(text, "x.txt", issued="2025-05-20"))
    assert [a for a in found.attributes if a.prop == "releaseDate"] == []
