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
    # 在 X 上线 O / O 已在 X 上线: a model put on a product; a device on a shop is a retail listing
    ("Zeta-7B 已在钉钉和飞书上线。", {("钉钉", "integrated", "Zeta-7B"), ("飞书", "integrated", "Zeta-7B")}, set()),
    ("北辰公司在钉钉上线了Zeta-7B模型。", {("钉钉", "integrated", "Zeta-7B")}, set()),
    ("Zeta-7B 将在钉钉上线。", set(), {("钉钉", "integrated", "Zeta-7B")}),
    ("iPad Pro 已在京东和天猫上线开售。", set(), {("天猫", "integrated", "iPad Pro")}),
    ("iPad Pro 可搭配 Apple Pencil 使用。", set(), {("iPad Pro", "integrated", "Apple Pencil")}),
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
    # a state that orders companies to delist bans; a body asking another body does not
    ("德国要求苹果和谷歌从应用商店下架 Zeta-7B。", {("德国", "banned", "Zeta-7B")},
     {("苹果", "banned", "Zeta-7B"), ("谷歌", "banned", "Zeta-7B")}),
    ("北辰协会要求美国商务部禁止使用 Zeta-7B。", set(),
     {("北辰协会", "banned", "Zeta-7B"), ("美国商务部", "banned", "Zeta-7B")}),
    ("北辰政客呼吁苹果下架 Zeta-7B。", set(), {("苹果", "banned", "Zeta-7B")}),
    # a ban issued as a noun after 对/针对 and an issuing verb
    ("美国政府对 Zeta-7B 发出禁令。", {("美国政府", "banned", "Zeta-7B"), ("美国", "banned", "Zeta-7B")}, set()),
    ("北辰公司针对 Zeta-7B 颁布了禁令。", {("北辰公司", "banned", "Zeta-7B")}, set()),
    # a chip a device integrates is hardware it uses, not an integration
    ("北辰X9手机集成了骁龙8 Gen 3芯片。", {("X9", "usesHardware", "骁龙8 Gen 3")}, {("X9", "integrated", "骁龙8 Gen 3")}),
    ("即将发布的北辰X9将搭载骁龙8 Gen 3处理器。", set(), {("X9", "usesHardware", "骁龙8 Gen 3")}),
    # a person who reports a body's ban is not the one banning; a person who announces one is
    ("北辰大学副校长陈立群在内部邮件中指出，禁止在所有课堂中使用 Zeta-7B。", set(), {("陈立群", "banned", "Zeta-7B")}),
    ("陈立群宣布禁止员工使用 Zeta-7B。", {("陈立群", "banned", "Zeta-7B")}, set()),
    # an adjective (集成式) is no verb of carrying
    ("北辰公司宣布推出集成式 5G 处理器 QCS6490。", set(), {("北辰公司", "usesHardware", "QCS6490")}),
    # a brand whose device name goes on unrecognised is not the carrier; a named device is
    ("此外，小米 12 Lite 5G NE 搭载高通骁龙 7 处理器。", set(), {("小米", "usesHardware", "高通骁龙 7")}),
    ("北辰公司 2023 年使用了 2048 块 H800 芯片。", {("北辰公司", "usesHardware", "H800")}, set()),
    ("OPPO Pad 系列 11 英寸版本采用骁龙 870 芯片。", {("OPPO Pad", "usesHardware", "骁龙 870")}, set()),
    ("核心配置上，ROG 冰刃 7 双屏首发锐龙 9 处理器，显卡部分则首次在笔记本中搭配 RTX 4090 显卡。", set(),
     {("ROG", "usesHardware", "RTX 4090"), ("ROG", "usesHardware", "锐龙 9")}),
    ("OPPO Pad 采用骁龙 870 芯片。", {("OPPO Pad", "usesHardware", "骁龙 870")}, set()),
    ("DeepSeek AI 在使用 H800 时的总成本。", {("DeepSeek", "usesHardware", "H800")}, set()),
    ("苹果 iPad Pro 2022 款发布：搭载 M2 芯片", {("苹果 iPad Pro", "usesHardware", "M2 芯片")}, set()),
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
