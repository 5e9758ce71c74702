"""Integrations and bans: coordinated verbs, lists, what is no integration
(a continuous-integration system, an ecosystem joined, a developer's or the
staff's tool, a product built on a cloud's technology, a plan) and bans by
organisations and the state behind a ministry, with a reference word after
the use verb."""

import pytest

from kg.text.document import Document

CASES = [
    # 或 joining two verbs is no modal; a class noun before them keeps the list
    ("北辰公司、南山公司等五大云厂商都上架或集成了Zeta-7B。",
     {("北辰公司", "integrated", "Zeta-7B"), ("南山公司", "integrated", "Zeta-7B")}, set()),
    ("北辰公司、南山公司都上架或集成了Zeta-7B。",
     {("北辰公司", "integrated", "Zeta-7B"), ("南山公司", "integrated", "Zeta-7B")}, set()),
    ("北辰公司正式接入Zeta-7B。", {("北辰公司", "integrated", "Zeta-7B")}, set()),
    ("北辰公司使用 Zeta-7B 模型来写代码。", {("北辰公司", "integrated", "Zeta-7B")}, set()),
    # 或 right after the subject is "may"
    ("北辰公司或集成Zeta-7B。", set(), {("北辰公司", "integrated", "Zeta-7B")}),
    # hedges: a plan, a statement of intent, a possibility discussed
    ("北辰公司表示将接入Zeta-7B。", set(), {("北辰公司", "integrated", "Zeta-7B")}),
    ("北辰公司计划接入Zeta-7B。", set(), {("北辰公司", "integrated", "Zeta-7B")}),
    ("北辰公司正在探讨接入Zeta-7B的可能性。", set(), {("北辰公司", "integrated", "Zeta-7B")}),
    # no integration: joining an ecosystem, a developer's or the staff's tool
    ("北辰公司正式接入Zeta-7B生态。", set(), {("北辰公司", "integrated", "Zeta-7B")}),
    ("北辰公司內部大量使用 Zeta-7B 模型来写代码。", set(), {("北辰公司", "integrated", "Zeta-7B")}),
    ("北辰公司的员工使用 Zeta-7B 模型来写代码。", set(), {("北辰公司", "integrated", "Zeta-7B")}),
    # 在 X、Y 中 V O: the products named inside integrated O (a list of examples too)
    ("北辰公司已在钉钉和飞书中集成Zeta-7B。",
     {("钉钉", "integrated", "Zeta-7B"), ("飞书", "integrated", "Zeta-7B"), ("北辰公司", "integrated", "Zeta-7B")}, set()),
    ("北辰公司在办公应用（如钉钉、飞书）中接入了Zeta-7B。",
     {("钉钉", "integrated", "Zeta-7B"), ("飞书", "integrated", "Zeta-7B")}, set()),
    ("用户可以在钉钉中接入Zeta-7B。", set(), {("钉钉", "integrated", "Zeta-7B")}),
    ("北辰公司计划在钉钉中接入Zeta-7B。", set(), {("钉钉", "integrated", "Zeta-7B")}),
    ("北辰公司在钉钉的发布会上介绍了Zeta-7B。", set(), {("钉钉", "integrated", "Zeta-7B")}),
    # bans by organisations; a ministry's ban is its state's too
    ("南山大学禁止学生使用Zeta-7B。", {("南山大学", "banned", "Zeta-7B")}, set()),
    ("北辰公司禁止或限制员工使用Zeta-7B。", {("北辰公司", "banned", "Zeta-7B")}, set()),
    ("韩国产业通商资源部禁止员工使用Zeta-7B。",
     {("韩国产业通商资源部", "banned", "Zeta-7B"), ("韩国", "banned", "Zeta-7B")}, set()),
    ("北辰公司禁止员工使用Zeta-7B。", {("北辰公司", "banned", "Zeta-7B")}, {("韩国", "banned", "Zeta-7B")}),
    ("北辰公司要求员工从设备中删除Zeta-7B。", {("北辰公司", "banned", "Zeta-7B")}, set()),
    # a reference word after the use verb stands for the thing named before
    ("Zeta-7B近日走红。南山大学禁止学生使用该模型。", {("南山大学", "banned", "Zeta-7B")}, set()),
    ("Zeta-7B近日走红。北辰公司禁止员工在办公电脑上下载该应用。", {("北辰公司", "banned", "Zeta-7B")}, set()),
    # no ban: a call for one, a removal without an order
    ("北辰公司呼吁禁止使用Zeta-7B。", set(), {("北辰公司", "banned", "Zeta-7B")}),
    ("北辰公司删除了Zeta-7B的帖子。", set(), {("北辰公司", "banned", "Zeta-7B")}),
]


def _facts(extractor, text):
    e = extractor.extract(Document.from_text(text))
    return {(f.subject.text, f.predicate, f.object.text) for f in e.facts}


@pytest.mark.parametrize("text, want, absent", CASES, ids=[c[0][:18] for c in CASES])
def test_connect_and_ban_constructions(extractor, text, want, absent):
    got = _facts(extractor, text)
    assert want <= got, got
    assert not (absent & got), got


@pytest.mark.parametrize("text, thing", [
    ("就在演讲前一天，北辰公司的持续集成（CI）系统出了故障。", "CI"),
    ("就在演講前一天，北辰公司的持續整合（CI）系統出了故障。", "CI"),
])
def test_continuous_integration_is_no_integration(extractor, text, thing):
    assert not any(p == "integrated" for _, p, _ in _facts(extractor, text))
