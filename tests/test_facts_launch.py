"""Launches (``released``) and the hedges that cancel a fact in every
relation, one table per construction: the sentence and the exact set of
(subject, predicate, object) mention texts it must yield, with sentences
where the mechanism must not fire.

Every sentence here was written for these tests; the companies and models
in them are invented."""

from __future__ import annotations

import pytest

from kg.run.extract import Extractor
from kg.text.document import Document


def facts(extractor: Extractor, text: str, *predicates: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts
            if not predicates or f.predicate in predicates}


F = set
R = "released"

# colloquial launch verbs; the object must be a name in the trigger's clause
COLLOQUIAL = [
    ("北辰公司发了Zeta-7B。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司昨晚甩出Zeta-7B，性能大涨。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司官宣Zeta-7B，主打长上下文。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司正式推出Zeta-7B。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司开源了Zeta-7B。", F({("北辰公司", R, "Zeta-7B")})),
    # a document, not a product
    ("北辰公司发了一篇论文介绍Zeta-7B。", F()),
    ("北辰公司发了微博宣布Zeta-7B的消息。", F()),
    ("北辰公司发了Zeta-7B的测评报告。", F()),
]


@pytest.mark.parametrize("text, expected", COLLOQUIAL)
def test_colloquial_verbs(extractor, text, expected):
    assert facts(extractor, text, R) == expected


# the object is what was launched, not a modifier of it or a place to post
OBJECT_GUARDS = [
    ("北辰公司发布搭载Zeta-7B的平板电脑。", F()),
    ("北辰公司推出类似Zeta-7B的聊天机器人。", F()),
    ("北辰公司推出类似Zeta-7B的聊天机器人Zeta-Chat。", F({("北辰公司", R, "Zeta-Chat")})),
    ("北辰公司发布Zeta-7B竞品。", F()),
    ("北辰公司在Zeta-7B上发布了公告。", F()),
    # a modifier closed by 的 before the name: the name is the head
    ("北辰公司发布由Zeta-7B驱动的Zeta-Chat。", F({("北辰公司", R, "Zeta-Chat")})),
    # a launch named in a relative clause stands whatever follows it
    ("它接近于北辰公司开发的Zeta-7B的性能。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司发布了Zeta-7B和Zeta-9B。", F({("北辰公司", R, "Zeta-7B"), ("北辰公司", R, "Zeta-9B")})),
    ("北辰公司和南山公司接连发布了Zeta-7B和Zeta-9B。",
     F({("北辰公司", R, "Zeta-7B"), ("南山公司", R, "Zeta-9B")})),
    # an edition of something else, a list item of another noun, another thing's part
    ("北辰公司更新了Zeta-X1芯片版平板。", F()),
    ("北辰公司开源模型、南山公司自己的Zeta-7B模型都很强。", F()),
    ("北辰公司在每次发布模型的Zeta-Card中都写明了风险。", F()),
    ("北辰公司发布了Zeta-7B版本。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司发布了中国版 Zeta-Chat 产品。", F()),
    ("北辰公司发布了新版 Zeta-Chat。", F({("北辰公司", R, "Zeta-Chat")})),
    # a name inside the description of the named thing: the thing
    ("北辰公司发布首款双Zeta-X1屏笔记本电脑Zeta-Book。", F({("北辰公司", R, "Zeta-Book")})),
    # a place of origin is no agent
    ("来自南山大学的团队发布了Zeta-7B。", F()),
    # X推出在线工具: X is the agent of an unnamed thing, not launched itself
    ("Zeta-Chat推出在线修图工具。", F()),
    ("Zeta-Chat正式上线。", F()),
]


@pytest.mark.parametrize("text, expected", OBJECT_GUARDS)
def test_object_guards(extractor, text, expected):
    assert facts(extractor, text, R) == expected


# 推出了一款名为Y的应用: the name is typed by the class noun after it
NAMED = [
    ("北辰公司上线了一款名为 Zorro 的视频剪辑应用。", F({("北辰公司", R, "Zorro")})),
    ("北辰公司发布了一款名为 Zorro 的新芯片。", F({("北辰公司", R, "Zorro")})),
    # a document or a person named so: nothing
    ("北辰公司发布了一篇名为 Zorro 的文章。", F()),
    ("北辰公司计划推出一款名为 Zorro 的应用。", F()),
]


@pytest.mark.parametrize("text, expected", NAMED)
def test_named(extractor, text, expected):
    assert facts(extractor, text, R) == expected


# a colon list after the trigger, items after a short description
LISTS = [
    ("北辰公司发布了三款模型：旗舰即时模型 Zeta-7B、混合线性架构的思考模型 Zeta-9B，以及全模态大模型 Zeta-Omni。",
     F({("北辰公司", R, "Zeta-7B"), ("北辰公司", R, "Zeta-9B"), ("北辰公司", R, "Zeta-Omni")})),
    ("北辰公司推出两款芯片：Zeta-X1和Zeta-X2。",
     F({("北辰公司", R, "Zeta-X1"), ("北辰公司", R, "Zeta-X2")})),
    # a hedged list launches nothing
    ("北辰公司计划发布三款模型：Zeta-7B、Zeta-9B和Zeta-Omni。", F()),
    # a colon after a document noun: no list of launches
    ("北辰公司发了一篇论文：Zeta-7B、Zeta-9B都有提升。", F()),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_lists(extractor, text, expected):
    assert facts(extractor, text, R) == expected


# ORG的新模型Y, ORG旗下的Y, ORG自研的Y
OWNED = [
    ("北辰公司的新模型Zeta-7B正式上线。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司自研的推理芯片Zeta-X1性能出色。", F({("北辰公司", R, "Zeta-X1")})),
    # 旗下 alone holds as much as it makes (a company bought): no launch without a class noun of a thing made
    ("北辰公司旗下的Zeta-Chat用户破亿。", F()),
    ("北辰公司旗下聊天机器人Zeta-Chat用户破亿。", F({("北辰公司", R, "Zeta-Chat")})),
    # planned, or a plain possessive without a new-thing phrase: nothing
    ("北辰公司的新模型Zeta-7B将于下月发布。", F()),
    ("北辰公司的新模型Zeta-7B预计明年上线。", F()),
    ("北辰公司的Zeta-7B表现一般。", F()),
    ("根据此前的爆料，Zeta-Phone还会搭载北辰公司自研的Zeta-X1芯片。", F()),
]


@pytest.mark.parametrize("text, expected", OWNED)
def test_owned(extractor, text, expected):
    assert facts(extractor, text, R) == expected


# a clause without an agent takes the agent of its paragraph
ZERO_ANAPHORA = [
    ("北辰公司今天开了发布会。现场还把Zeta-7B掏了出来。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司今天开了发布会。还发布了Zeta-9B。", F({("北辰公司", R, "Zeta-9B")})),
    ("北辰公司发布了Zeta-7B。随后又推出了Zeta-9B。",
     F({("北辰公司", R, "Zeta-7B"), ("北辰公司", R, "Zeta-9B")})),
    # the headline's one organisation is the agent of the body
    ("北辰公司新品汇总\n今天，发布了Zeta-9B。", F({("北辰公司", R, "Zeta-9B")})),
    # another agent in the clause, a person, another paragraph or a hedge: not the paragraph's agent
    ("北辰公司今天开了发布会。南山公司发布了Zeta-9B。", F({("南山公司", R, "Zeta-9B")})),
    ("北辰公司今天开了发布会。用户发布了Zeta-9B的测评。", F()),
    ("新品速递\n北辰公司今天开了发布会。\n还发布了Zeta-9B。", F()),
    ("北辰公司今天开了发布会。还将发布Zeta-9B。", F()),
    # a digest headline names several stories: no agent
    ("北辰公司裁员；南山大学获奖｜早报\n今天，发布了Zeta-9B。", F()),
]


@pytest.mark.parametrize("text, expected", ZERO_ANAPHORA)
def test_zero_anaphora(extractor, text, expected):
    assert facts(extractor, text, R) == expected


# progressive, future, modal and rumoured events are no facts, in any relation
HEDGES = [
    ("北辰公司正在开发Zeta-7B。", F()),
    ("北辰公司明年将推出Zeta-7B。", F()),
    ("北辰公司会推出Zeta-7B。", F()),
    ("消息称北辰公司正开发Zeta-7B。", F()),
    ("传特斯拉叫停Zeta-7B。", F()),
    ("根据此前的爆料，北辰公司发布了Zeta-7B。", F()),
    ("北辰公司将接入Zeta-7B。", F()),
    ("北辰公司或 2025 年推出Zeta-7B。", F()),
    ("传北辰公司正在研发两款新笔记本，搭载 Zeta-X1 芯片。", F()),
    ("未来，北辰公司主流业务将与Zeta-7B整合。", F()),
    ("北辰公司宣布今年秋季晚些时候将Zeta-7B接入Zeta-Chat。", F()),
    ("假设北辰公司采用Zeta-X1芯片，成本将下降。", F()),
    ("北辰公司正在测试采用 Zeta-X1 接口的 Zeta-Phone。", F()),
    ("报告没有指出时间，但推测下次大会将是北辰公司发布搭载Zeta-X1芯片的Zeta-Book的时机。", F()),
    ("要求监管机构禁止北辰公司发布Zeta-7B。", F()),
    ("2023年3月1日，分析师称北辰公司在 2024 年推出的Zeta-7B会很强。", F()),
    ("2023年3月1日，北辰公司在 2022 年推出的Zeta-7B很强。", F({("北辰公司", R, "Zeta-7B")})),
    # not hedges: the disposal 将, a noun ending in 会, a word starting with 传
    ("北辰公司将Zeta-7B开源。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司在大会上发布了Zeta-7B。", F({("北辰公司", R, "Zeta-7B")})),
    ("传感器方面，北辰公司发布了Zeta-7B。", F({("北辰公司", R, "Zeta-7B")})),
    ("北辰公司禁止使用Zeta-7B。", F({("北辰公司", "banned", "Zeta-7B")})),
]


@pytest.mark.parametrize("text, expected", HEDGES)
def test_hedges(extractor, text, expected):
    assert facts(extractor, text) == expected
