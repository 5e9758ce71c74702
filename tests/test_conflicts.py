"""Conflicting claims: documents that disagree about a model's release date,
parameter count or maker give kg:Conflict nodes that `kg query conflicts`
lists, each value with its document; agreement is no conflict."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV, XSD

from kg.graph.conflicts import conflict_triples
from kg.ontology.vocab import KG

M, A, B = URIRef("urn:m"), URIRef("urn:a"), URIRef("urn:b")


def claims(*rows):
    """(statement, subject, property, value, document) → the graph's triples."""
    out = {(M, RDF.type, KG.AIModel)}
    for st, s, p, o, doc in rows:
        st = URIRef(f"urn:st{st}")
        out |= {(st, RDF.subject, s), (st, RDF.predicate, KG[p]), (st, RDF.object, o),
                (st, PROV.wasDerivedFrom, URIRef(f"urn:doc{doc}")), (s, KG[p], o)}
    return out


def date(v):
    return Literal(v, datatype=XSD.date if len(v) == 10 else XSD.gYearMonth)


def conflicts(triples):
    """(property, [claims]) of each conflict node."""
    found = conflict_triples(triples)
    nodes = {s for s, p, o in found if p == RDF.type and o == KG.Conflict}
    assert all((n, KG.conflictAbout, M) in found for n in nodes)
    return sorted((next(str(o).split("#")[-1] for s, p, o in found if s == n and p == KG.conflictProperty),
                   sorted(str(o) for s, p, o in found if s == n and p == KG.claim)) for n in nodes)


@pytest.mark.parametrize("rows, expected", [
    # two documents, two dates: a conflict with both claims
    ([(1, M, "releaseDate", date("2025-03-05"), 1), (2, M, "releaseDate", date("2025-04-01"), 2)],
     [("releaseDate", ["urn:st1", "urn:st2"])]),
    # a month and a day in it agree
    ([(1, M, "releaseDate", date("2025-03"), 1), (2, M, "releaseDate", date("2025-03-05"), 2)], []),
    # one document listing two sizes disagrees with nobody
    ([(1, M, "parameterCount", Literal(7), 1), (2, M, "parameterCount", Literal(70), 1)], []),
    # … nor with a document that gives one of them
    ([(1, M, "parameterCount", Literal(7), 1), (2, M, "parameterCount", Literal(70), 1),
      (3, M, "parameterCount", Literal(7), 2)], []),
    ([(1, M, "parameterCount", Literal(7), 1), (2, M, "parameterCount", Literal(70), 2)],
     [("parameterCount", ["urn:st1", "urn:st2"])]),
    # two makers of one model
    ([(1, A, "released", M, 1), (2, B, "released", M, 2)], [("released", ["urn:st1", "urn:st2"])]),
])
def test_disagreement(rows, expected):
    assert conflicts(claims(*rows)) == expected


def test_a_subsidiary_releasing_with_its_parent_is_no_conflict():
    triples = claims((1, A, "released", M, 1), (2, B, "released", M, 2)) | {(B, KG.subsidiaryOf, A)}
    assert conflicts(triples) == []


ARTICLES = [
    {"id": "a", "date": "2025-03-10", "outlet": "北辰日报",
     "text": "3月5日，星河科技发布了Zeta-7B模型。Zeta-7B拥有70亿参数。"},
    {"id": "b", "date": "2025-04-02", "outlet": "远山网",
     "text": "4月1日，星河科技发布了Zeta-7B模型。Zeta-7B拥有130亿参数。"},
    {"id": "c", "date": "2025-05-20", "outlet": "远山网",
     "text": "2025年1月，星河科技发表了Orion-2的论文。5月18日，星河科技正式发布了Orion-2模型。"},
]


def test_two_articles_two_release_dates_and_parameter_counts(tmp_path, extractor):
    from kg.graph.query import format_result, resolve_query, run_query
    from kg.graph.store import load_graph
    from kg.run.build import build

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    result = build([feed], tmp_path / "out", html=False, cache=False, extractor=extractor)
    assert result.documents == 3 and not result.skipped
    g = load_graph(tmp_path / "out" / "graph.ttl")
    text = resolve_query("conflicts").read_text(encoding="utf-8")
    out = format_result(run_query(g, text, {}, source="conflicts"), g, "csv")
    rows = [tuple(r) for r in csv.reader(io.StringIO(out))]
    assert rows == [
        ("about", "property", "value", "document", "issued", "evidence"),
        ("Zeta-7B", "parameterCount", "13000000000", "4月1日，星河科技发布了Zeta-7B模型。Zeta-7B拥有130亿参数。",
         "2025-04-02", "Zeta-7B拥有130亿参数。"),
        ("Zeta-7B", "parameterCount", "7000000000", "3月5日，星河科技发布了Zeta-7B模型。Zeta-7B拥有70亿参数。",
         "2025-03-10", "Zeta-7B拥有70亿参数。"),
        ("Zeta-7B", "releaseDate", "2025-03-05", "3月5日，星河科技发布了Zeta-7B模型。Zeta-7B拥有70亿参数。",
         "2025-03-10", "3月5日，星河科技发布了Zeta-7B模型。"),
        ("Zeta-7B", "releaseDate", "2025-04-01", "4月1日，星河科技发布了Zeta-7B模型。Zeta-7B拥有130亿参数。",
         "2025-04-02", "4月1日，星河科技发布了Zeta-7B模型。"),
    ]
    orion = [str(o) for s, o in g.subject_objects(KG.releaseDate) if "orion" in str(s).lower()]
    assert orion == ["2025-05-18"]      # the paper's date is not a release date: no conflict either


def test_the_view_marks_a_thing_its_documents_disagree_on(tmp_path, extractor):
    from kg.graph.store import load_graph
    from kg.run.build import build
    from kg.view.page import collect, load_styles, render_html, _node_title

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES[:2]), encoding="utf-8")
    build([feed], tmp_path / "out", html=False, cache=False, extractor=extractor)
    g = load_graph(tmp_path / "out" / "graph.ttl")
    nodes = {n["label"]: n for n in collect(g).nodes}
    assert nodes["Zeta-7B"]["conflicts"] == ["parameterCount", "releaseDate"]
    assert [n for n in nodes.values() if n["conflicts"]] == [nodes["Zeta-7B"]]
    title = _node_title(nodes["Zeta-7B"], load_styles())
    assert title.splitlines()[-1] == "⚠ 说法冲突 sources disagree: 参数量 parameter count, 发布日期 release date"
    page = render_html(g)
    assert page.count('"border": "#d62728"') == 1
