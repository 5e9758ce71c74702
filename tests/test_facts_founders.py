"""A bare founder title whose organisation an earlier sentence names
(zero anaphora): the one organisation of the nearest sentence before that
names any, when the title opens its clause and the sentence names no
organisation of its own. Every name here is invented."""

from __future__ import annotations

import pytest

from kg.text.document import Document

F = set


def facts(extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts
            if f.predicate in ("affiliatedWith", "founded")}


@pytest.mark.parametrize("text, expected", [
    ("这个公司叫做Zyphora，业务很简单。\nZyphora专注于销售模型素材。\n创始人Lars Veldhuis一直很满意。",
     F({("Lars Veldhuis", "affiliatedWith", "Zyphora"), ("Lars Veldhuis", "founded", "Zyphora")})),
    ("北辰公司的增长很快。据创始人陈立群透露，收入翻倍。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "founded", "北辰公司")})),
    # two organisations before: whose founder is unknown
    ("星河科技和北辰公司合作。创始人陈立群很满意。", F()),
    # the title is inside a longer phrase, not opening its clause
    ("北辰公司发布了新品。她是创始人陈立群的妻子。", F()),
    # the sentence names its own organisation: the in-sentence frames decide
    ("星河科技发布了新品。北辰公司创始人陈立群很满意。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "founded", "北辰公司")})),
])
def test_founder_of_the_earlier_organisation(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the earlier organisation is a partner inside its sentence, not its topic
    ("星河派的母公司主打硬件，跟北辰公司很早就有合作。\n创始人陈立群是个很有理想的人。", F()),
    # … or a source note
    ("新品已经上线。（来源：北辰公司）\n创始人陈立群被限制高消费。", F()),
    # a company reference word needs no topic
    ("新品已经上线，北辰公司表示满意。\n公司创始人陈立群表示：很好。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "founded", "北辰公司")})),
])
def test_founder_needs_the_topic_or_a_reference(extractor, text, expected):
    assert facts(extractor, text) == expected
