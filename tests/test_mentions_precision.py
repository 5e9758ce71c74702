"""Entity precision: a descriptive phrase before a company head names no
company (一家商业技术公司, 关联公司), a company's department is no government
body (星河销售部), and an office verb (任) glued to a two-character name
before a title is the verb (王芳任北辰科技总经理). Invented sentences."""

from __future__ import annotations

import pytest

from kg.text.document import Document


def typed(extractor, text: str) -> dict[str, str]:
    return {m.text: m.cls for m in extractor.extract(Document.from_text(text, "t.txt")).mentions if m.cls}


@pytest.mark.parametrize("text, absent", [
    ("星河是一家商业技术公司，总部在杭州。", "商业技术"),
    ("北辰 关联公司发布公告称，将增持股份。", "关联公司"),
    ("星河的合作公司宣布完成融资。", "合作公司"),
    ("北辰科技撤销星河销售部，相关团队并入新部门。", "星河销售部"),
    ("北辰科技研发部负责人表示，新品将于明年上市。", "北辰科技研发部"),
])
def test_descriptive_phrase_is_no_organisation(extractor, text, absent):
    assert absent not in typed(extractor, text)


@pytest.mark.parametrize("text, name, cls", [
    ("星耀科技宣布完成新一轮融资。", "星耀科技", "Company"),       # a weak ending in a company position
    ("国家审计署发布报告称，多家企业存在问题。", "国家审计署", "GovernmentBody"),
])
def test_names_with_heads_stay(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, person, absent", [
    ("北辰科技销售负责人王芳任星河事业中心负责人。", "王芳", "王芳任"),
    ("原星河科技副总裁陈立任北辰科技总经理，负责运营。", "陈立", "陈立任"),
])
def test_office_verb_is_not_the_name(extractor, text, person, absent):
    got = typed(extractor, text)
    assert got.get(person) == "Person" and absent not in got


@pytest.mark.parametrize("text, person", [
    ("总经理李任表示，公司将扩产。", "李任"),           # no title after 任 in the clause: the name keeps it
    ("北辰科技总裁张文任说，明年将上市。", "张文任"),
])
def test_name_ending_in_the_character_stays(extractor, text, person):
    assert typed(extractor, text).get(person) == "Person"


@pytest.mark.parametrize("text, label, kept", [
    ("北辰团队训练的网络通过了执照考试的 Step 1。", "Step 1", False),
    ("星河公布了 Phase 2 计划。", "Phase 2", False),
    ("星河发布了 Zeta 2 模型。", "Zeta 2", True),
])
def test_sequence_label_is_no_thing(extractor, text, label, kept):
    assert (label in typed(extractor, text)) is kept


@pytest.mark.parametrize("text, cls", [
    ("我下载了 Zeta app，想一探究竟。可见，Zeta 团队的执行力很高。", "Product"),
    ("可见，Zeta 团队的执行力很高。", "Company"),
])
def test_app_stays_a_product(extractor, text, cls):
    assert typed(extractor, text).get("Zeta") == cls


@pytest.mark.parametrize("text, name, cls", [
    ("近日，合成生物平台 Zeta Bioworks 宣布推出新的酶服务。", "Zeta Bioworks", "Company"),
    ("近日，电商平台 Zeta 上线了新功能。", "Zeta", "Product"),
])
def test_announcing_verb_types_a_company(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls
