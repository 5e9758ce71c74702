"""A person named before an appositive that gives an organisation and a
title: the name line (陈立群 星河科技创始人、CEO), the bracketed note and the
appositive between commas (陈立群，星河科技联合创始人兼CEO，…), and a listed
product named with its chief executive's title (the company there). Every
name here is invented (known makers from kg/data/gazetteer.tsv where one
is needed)."""

from __future__ import annotations

import pytest

from kg.text.document import Document

F = set
PREDICATES = ("affiliatedWith", "founded")


def facts(extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts if f.predicate in PREDICATES}


def people(extractor, text: str) -> set[str]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {m.text for m in ex.mentions if m.cls == "Person"}


@pytest.mark.parametrize("text, expected", [
    ("陈立群 星河科技创始人、CEO", F({("陈立群", "affiliatedWith", "星河科技"), ("陈立群", "founded", "星河科技")})),
    ("陈立群（星河科技创始人）表示，产品已上线。",
     F({("陈立群", "affiliatedWith", "星河科技"), ("陈立群", "founded", "星河科技")})),
    ("陈立群，星河科技联合创始人兼CEO，他表示产品已上线。",
     F({("陈立群", "affiliatedWith", "星河科技"), ("陈立群", "founded", "星河科技")})),
    ("他说，陈立群，星河科技CEO，已经离职。", F({("陈立群", "affiliatedWith", "星河科技")})),
    # a title that does not close the appositive is someone else's
    ("陈立群，星河科技创始人王明的妻子，也来了。",
     F({("王明", "affiliatedWith", "星河科技"), ("王明", "founded", "星河科技")})),
    # no title: nothing
    ("陈立群，星河科技的投资人说，很好。", F()),
    ("星河科技发布了新品，北辰公司CEO，王明表示。", F()),
])
def test_appositive_roles(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, name, found", [
    ("陈立群 星河科技创始人、CEO", "陈立群", True),
    ("陈立群（星河科技创始人）表示，产品已上线。", "陈立群", True),
    ("公司 星河科技创始人，产品已上线。", "公司", False),        # a common word is no name
    ("北辰 星河科技的产品已上线。", "北辰", False),             # no title: no appositive
])
def test_appositive_person(extractor, text, name, found):
    assert (name in people(extractor, text)) is found


def test_product_with_an_executive_title_is_the_company(extractor):
    ex = extractor.extract(Document.from_text("推特首席执行官陈立群表示，将开放源代码。", "news.txt"))
    assert {(f.subject.text, f.predicate, f.object.text) for f in ex.facts} >= {("陈立群", "affiliatedWith", "推特")}
    assert {m.text: m.cls for m in ex.mentions}["推特"] == "Company"
