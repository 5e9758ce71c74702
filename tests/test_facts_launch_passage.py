"""Launches (``released``) read across a passage: the organisation a
subjectless clause takes (a clause's bare subject, never a role's
organisation nor after a person takes the paragraph over), a launch
continued by 还有, lists opened by 包括, ORG的X with an agentless verb,
and the guards that keep precision (a respective pairing with a missing
object, a hedge opening the clause, a subscription to a product).

Every sentence here was written for these tests; the companies, people
and models in them are invented."""

from __future__ import annotations

import pytest

from kg.run.extract import Extractor
from kg.text.document import Document


def facts(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts if f.predicate == "released"}


F = set
R = "released"
B, Z7, Z9 = "北辰公司", "Zeta-7B", "Zeta-9B"

# a clause's bare subject becomes the agent of its paragraph
TOPIC = [
    ("在应用层，北辰公司也在加速探索。去年 11 月，发布了Zeta-7B。", F({(B, R, Z7)})),
    ("北辰公司今天开了发布会。随后还发布了Zeta-7B。", F({(B, R, Z7)})),
    # a speaker in between leaves the paragraph to the organisation
    ("北辰公司今天开了发布会。陈立群表示很激动。随后还发布了Zeta-7B。", F({(B, R, Z7)})),
    # a possessor is no bare subject
    ("北辰公司的股价大跌。去年 11 月，发布了Zeta-7B。", F()),
    # a role's organisation, a description after a colon: the clause is the person's
    ("陈立群：星河大学教授，北辰公司创始人。研发了Zeta-7B、Zeta-9B。", F()),
    # a new paragraph does not inherit it (the headline names two organisations)
    ("南山公司与东海公司达成合作\n在应用层，北辰公司也在加速探索。\n去年 11 月，发布了Zeta-7B。", F()),
    # a person opens the sentence: its later clauses are theirs
    ("陈立群离开了南山公司。他后来创办了北辰公司，推出Zeta-7B。", F()),
    # another agent in the clause
    ("北辰公司也在加速探索。去年，陈立群发布了Zeta-7B。", F()),
]


@pytest.mark.parametrize("text, expected", TOPIC)
def test_paragraph_topic(extractor, text, expected):
    assert facts(extractor, text) == expected


# 还有 continues the launch before it
ALSO = [
    ("北辰公司其实不止发了Zeta-7B，还有一个很好玩的东西，Zeta-Agent。",
     F({(B, R, Z7), (B, R, "Zeta-Agent")})),
    ("北辰公司发布了Zeta-7B。还有Zeta-7B-Pro。", F({(B, R, Z7), (B, R, "Zeta-7B-Pro")})),
    ("北辰公司发布了Zeta-7B，还有两款新模型：Zeta-9B和Zeta-13B。",
     F({(B, R, Z7), (B, R, Z9), (B, R, "Zeta-13B")})),
    # the listed thing is the subject of more
    ("北辰公司发布了Zeta-7B，还有Zeta-9B也很强。", F({(B, R, Z7)})),
    # another organisation's thing
    ("北辰公司发布了Zeta-7B，还有星河科技的Orion-9B。", F({(B, R, Z7)})),
    # a planned launch, no launch at all, a piece of a longer name
    ("北辰公司计划发布Zeta-7B，还有Zeta-9B。", F()),
    ("北辰公司很强，还有Zeta-9B。", F()),
    ("北辰公司其实不止发了Zeta-7B，还有一个很好玩的东西，Agent Teams。", F({(B, R, Z7)})),
]


@pytest.mark.parametrize("text, expected", ALSO)
def test_launch_continued(extractor, text, expected):
    assert facts(extractor, text) == expected


# lists after 包括, and 开放了
LISTS = [
    ("北辰公司推出了多款产品，包括Zeta-7B、Zeta-9B和Zeta-13B。",
     F({(B, R, Z7), (B, R, Z9), (B, R, "Zeta-13B")})),
    ("北辰公司同步开放了一系列关键组件，包括训练框架 Zeta-7B、推理引擎 Zeta-9B 以及环境系统 Zeta-Env。",
     F({(B, R, Z7), (B, R, Z9), (B, R, "Zeta-Env")})),
    ("北辰公司向开发者开放了Zeta-7B。", F({(B, R, Z7)})),
    # a document listed, a feature that supports names
    ("北辰公司发布了财报，包括Zeta-7B、Zeta-9B和Zeta-13B的收入。", F()),
    ("北辰公司推出了新功能，包括支持Zeta-7B、Zeta-9B。", F()),
    ("北辰公司开放了Zeta-7B的测试资格。", F()),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_lists(extractor, text, expected):
    assert facts(extractor, text) == expected


# ORG的X with an agentless launch verb
POSSESSED = [
    ("北辰公司的Zeta-7B正式亮相。", F({(B, R, Z7)})),
    ("北辰公司的Zeta-7B和Zeta-9B今天正式发布。", F({(B, R, Z7), (B, R, Z9)})),
    ("北辰公司的Zeta-7B将于明年发布。", F()),
    ("北辰公司的Zeta-7B发布时间推迟。", F()),
    ("据传北辰公司的Zeta-7B已经上线。", F()),
    # a class phrase instead of 的, and the place it was launched in
    ("今年 9 月 1 日，北辰公司跨境电商平台 Zeta-Mall 在北美市场上线。", F({(B, R, "Zeta-Mall")})),
    ("北辰公司旗舰手机 Zeta-X1 正式发布。", F({(B, R, "Zeta-X1")})),
    ("北辰公司旗舰手机 Zeta-X1 将于下月发布。", F()),
    # launched on another thing, or another relation than ownership before it
    ("北辰公司的Zeta-Chat在Zeta-Mall上线。", F()),
    ("北辰公司投资的Zeta-7B正式发布。", F()),
]


@pytest.mark.parametrize("text, expected", POSSESSED)
def test_possessed_agentless(extractor, text, expected):
    assert facts(extractor, text) == expected


# guards
GUARDS = [
    # respectively, but one of the two objects is no name: nobody's for sure
    ("北辰公司和南山公司接连发布了Zeta-7B和「星光项目」。", F()),
    ("北辰公司和南山公司分别发布了Zeta-7B和Zeta-9B。", F({(B, R, Z7), ("南山公司", R, Z9)})),
    # a hedge opening the clause before the subject
    ("郭明錤：预计北辰公司 2030 年推出Zeta-7B。", F()),
    ("据传北辰公司下周推出Zeta-7B。", F()),
    # a future opening the clause (the device that will carry it is not out)
    ("新款Zeta-Pad将搭载北辰公司自主研发的Zeta-X1芯片。", F()),
    ("北辰公司自主研发的Zeta-X1芯片性能很强。", F({(B, R, "Zeta-X1")})),
    # a show, a film: no product
    ("北辰公司和南山公司合作推出实境秀 Zeta-Games。", F()),
    # a subscription to a product is not the product
    ("北辰公司推出Zeta-7B订阅服务。", F()),
    ("北辰公司推出Zeta-7B。", F({(B, R, Z7)})),
]


@pytest.mark.parametrize("text, expected", GUARDS)
def test_guards(extractor, text, expected):
    assert facts(extractor, text) == expected


# what was shown, held or titled is not what was made
NOT_MADE = [
    # a name inside a longer book title is a document's
    ("北辰公司官方今日发布了《Zeta-7B 答网友问（第三集）》。", F()),
    ("北辰公司发布了《Zeta-7B》。", F({(B, R, Z7)})),
    # the show a product appeared at
    ("北辰公司携最新产品亮相国际消费电子展（Zeta-7B）。", F()),
    # ORG旗下的Y where the document runs Y as a company
    ("南山公司旗下的Zeta-Chat很受欢迎。Zeta-Chat CEO陈立群表示将扩张。", F()),
    # 旗下 alone holds as much as it makes: it needs a class noun of a thing made
    ("南山公司旗下的Zeta-Chat很受欢迎。", F()),
    ("南山公司旗下聊天机器人Zeta-Chat很受欢迎。", F({("南山公司", R, "Zeta-Chat")})),
    ("南山公司旗下聊天机器人Zeta-Chat很受欢迎。Zeta-Chat新任首席执行官陈立群表示将扩张。", F()),
    ("南山公司自研的Zeta-X1芯片性能很强。", F({("南山公司", R, "Zeta-X1")})),
    # a code name under development
    ("南山公司自制的芯片研发代号为 Zeta-X1。", F()),
]


@pytest.mark.parametrize("text, expected", NOT_MADE)
def test_not_made(extractor, text, expected):
    assert facts(extractor, text) == expected
