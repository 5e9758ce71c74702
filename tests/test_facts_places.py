"""locatedIn from descriptors: a nationality or place before a name or a
list (美国车企X, 德国媒体X, 英国《报纸》, 监管机构「X」, 美国的A、B、C), a list
with a class noun and a place after it (A、B等中国企业), 中国的AI实验室，特别是X,
这是一家在丹麦的公司 about the name before, X总部位于Y, X是一家Y的公司;
and where it must not fire: a person's nationality, a likeness in quotes,
a factory or office, a name that merely begins with a place (only a
registered company name's place prefix is its seat), an outsourcer's place.

Every sentence here was written for these tests (invented names)."""

from __future__ import annotations

import pytest

from kg.text.document import Document
from kg.run.extract import Extractor


def extract(extractor: Extractor, text: str):
    return extractor.extract(Document.from_text(text, "news.txt"))


def facts(extractor: Extractor, text: str, *predicates: str) -> set[tuple[str, str, str]]:
    return {(f.subject.text, f.predicate, f.object.text) for f in extract(extractor, text).facts
            if not predicates or f.predicate in predicates}


F = set
L = "locatedIn"

PLACES = [
    # a nationality descriptor before a Latin name types it and places it
    ("美国车企 Voltara 第一个把电动车摆上台面。", F({("Voltara", L, "美国")})),
    ("据德国媒体 Tagesblick 报道，北辰公司将裁员。", F({("Tagesblick", L, "德国")})),
    ("韩国出版商 Moonleaf Books 出版了这本书。", F({("Moonleaf Books", L, "韩国")})),
    ("随后与欧洲汽车租赁公司 RENTO 签下了订单。", F({("RENTO", L, "欧洲")})),
    ("美国品牌咨询公司 Brandwise 公布了榜单。", F({("Brandwise", L, "美国")})),
    ("韩国搜索门户 Searcha 推出了新服务。", F({("Searcha", L, "韩国")})),
    # a bracket after the descriptor: 英国《报纸》, 监管机构「X」
    ("英国《卫报》前科技编辑陈立群表示反对。", F({("卫报", L, "英国")})),
    ("英国反垄断监管机构「竞争与市场管理局」（CMA）表示将调查。", F({("竞争与市场管理局", L, "英国")})),
    # 的 only before a list
    # …a listed product among them is the company
    ("其他的大厂包括美国的 Zeta公司、Facebook、Nova公司 都没有发出来。", F({
        ("Zeta公司", L, "美国"), ("Facebook", L, "美国"), ("Nova公司", L, "美国")})),
    ("美国的 Facebook、Instagram 都很流行。", F()),
    ("北辰公司想成为美国的Google。", F()),
    # a list, then 等 / 两家 and the place with its class noun
    ("星海公司、Zeta公司和Nova公司等中国企业纷纷跟进。", F({
        ("星海公司", L, "中国"), ("Zeta公司", L, "中国"), ("Nova公司", L, "中国")})),
    ("Zeta公司和Nova公司两家美国公司表示反对。", F({("Zeta公司", L, "美国"), ("Nova公司", L, "美国")})),
    ("Zeta公司等公司在中国市场受挫。", F()),
    # a class phrase with a place, then 特别是 / 例如 and its members
    ("中国的AI实验室，特别是 Zeta公司，一直在发布开源模型。", F({("Zeta公司", L, "中国")})),
    # 这是一家在丹麦的公司: the name last before the sentence
    ("北辰公司正在与 LumEyes 密切合作。这是一家在丹麦的公司。", F({("LumEyes", L, "丹麦")})),
    ("北辰公司是一家美国公司。", F({("北辰公司", L, "美国")})),
    ("北辰公司是一家成立于2015年的美国公司。", F({("北辰公司", L, "美国")})),
    ("星海科技有限公司成立不久，这是目前为止欧洲最知名的AI初创企业之一。", F({("星海科技有限公司", L, "欧洲")})),
    # …but an untyped plain word before is no name to refer to
    ("北辰公司正在与 Lumeyes 密切合作。这是一家在丹麦的公司。", F()),
    ("星海科技有限公司总部位于新加坡。", F({("星海科技有限公司", L, "新加坡")})),
    # the outsourcers are American, not the names before
    ("星海公司、Zeta公司等透过外包公司——大多也是美国企业——来雇用他们。", F()),
    # a person's nationality is no place of the university after it
    ("Aleksandra Berg 拉脱维亚 普林斯顿大学助理教授，研究隐私保护。", F()),
    # a likeness in quotes
    ("王立群要做「中国 OpenAI」。", F()),
    ("王立群组局入场，要「打造中国 OpenAI」。", F()),
    # a factory or office is where a site is
    ("北辰公司工厂项目位于北京亦庄经济开发区。", F()),
    ("北辰公司在英国牛津工厂生产汽车。", F()),
    ("北辰集团位于沈阳的动力电池中心将与星海公司合作。", F()),
    ("墨西哥外交部长陈立群出席了活动。", F()),
    ("北辰公司位于德国柏林东南部的超级工厂因断电停产。", F()),
    ("陈立群曾主导上海迪士尼乐园开园。", F()),
    # a place that ends another name (星海公司中国 的账号), a known name seated elsewhere
    ("3 月 16 日，北辰公司中国 B 站官方账号发文。", F()),
    ("墨西哥证监会表示将加强审查。", F()),
    ("英国剑桥大学的研究表明。", F({("剑桥大学", L, "英国")})),
    # a table of people: name (gloss), nationality, post
    ("Yutaka Mori（森丰） 日本 东京大学教授，研究深度学习。", F()),
    ("星海科技有限公司总部设在东京。", F({("星海科技有限公司", L, "东京")})),
    ("北辰公司是一家总部位于新加坡的公司。", F({("北辰公司", L, "新加坡")})),
    # a name that begins with a place: only a registered company name says so
    ("北京星海华章科技股份有限公司在港交所敲钟。", F({("北京星海华章科技股份有限公司", L, "北京")})),
    ("北京大学发布了新模型。", F()),
    # a branch or outlet named after a place is no place and has no place for a parent
    ("北辰集团广东分公司发布了新产品。", F()),
    ("据上海在线报道，北辰公司完成融资。", F()),
    # the place is part of another name, or of something else the organisation has
    ("硅谷银行的母公司 Zetabank Group 盘前暴跌。", F()),
    ("北辰公司将暂停其位于华盛顿特区附近第二总部的建设。", F()),
    ("Zetaflow 是一家 12 年历史、主要市场在中国的公司。", F()),
    ("到马里兰大学 College Park 校区的头一两周。", F()),
    ("硅谷银行宣布关闭。", F()),
]


@pytest.mark.parametrize("text, expected", PLACES)
def test_places(extractor, text, expected):
    assert facts(extractor, text, L) == expected


TYPED = [
    ("英国监管机构 Ofwatch 表示将调查。", "Ofwatch", "GovernmentBody"),
    ("美国车企 Voltara 发布了新车。", "Voltara", "Company"),
    ("韩国出版商 Moonleaf Books 出版了这本书。", "Moonleaf Books", "Company"),
]


@pytest.mark.parametrize("text, name, cls", TYPED)
def test_descriptor_types_the_name(extractor, text, name, cls):
    assert {(m.text, m.cls) for m in extract(extractor, text).mentions} >= {(name, cls)}
