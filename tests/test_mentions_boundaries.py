"""Where names begin and end, and which mentions are one thing: a maker's
name before a product it names, a short Han name that straddles two words
of the segmentation, a legal name a stop word cut, spacing and hyphen
variants, a bare version inside its family. Sentences invented for these
tests (names from kg/data/gazetteer.tsv where a known maker is needed)."""

from __future__ import annotations

import pytest

from kg.graph.resolve import Resolver, identity
from kg.lexicon import load_lexicon
from kg.ontology.schema import load_schema
from kg.text.document import Document


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load_lexicon(), load_schema())


def typed(extractor, text: str) -> dict[str, str]:
    return {m.text: m.cls for m in extractor.extract(Document.from_text(text, "t.txt")).mentions if m.cls}


def nodes(extractor, resolver, text: str) -> dict[str, str]:
    ex = extractor.extract(Document.from_text(text, "t.txt"))
    resolved = resolver.resolve([ex])
    return {m.text: resolved.node_of[identity(ex.document.doc_id, m)] for m in ex.mentions}


@pytest.mark.parametrize("text, name, cls", [
    ("长城汽车旗下的哈弗 H7 车型销量上升。", "哈弗 H7", "Product"),
    ("三星发布了三星 Galaxy S99 手机。", "三星 Galaxy S99", "Product"),
    ("Apollo Global Management Inc. 宣布完成收购。", "Apollo Global Management Inc", "Company"),
    ("这份报告来自 Bank of America Corp 的分析师。", "Bank of America Corp", "Company"),
])
def test_a_name_takes_its_whole_extent(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name", [
    ("三星发布了三星 Galaxy S99 手机。", "Galaxy S99"),        # the maker belongs to the name
    ("Apollo Global Management Inc. 宣布完成收购。", "Management Inc"),
])
def test_a_name_is_not_cut_short(extractor, text, name):
    assert name not in typed(extractor, text)


@pytest.mark.parametrize("text, name, found", [
    ("资本主义乌托邦的想象正在瓦解。", "义乌", False),     # 资本主义|乌托邦
    ("中华为什么能延续至今？", "华为", False),             # 中华|为什么
    ("义乌的小商品卖到了全世界。", "义乌", True),
    ("来自杭州的北辰公司发布了新品。", "杭州", True),
    ("华为发布了新手机。", "华为", True),
])
def test_a_short_han_name_matches_only_on_word_boundaries(extractor, text, name, found):
    assert (name in typed(extractor, text)) == found


@pytest.mark.parametrize("text, a, b", [
    ("北辰公司发布了Orion 5.2模型。Orion-5.2的参数规模很大。", "Orion 5.2", "Orion-5.2"),
    ("三星发布了三星 Galaxy S99 手机。Galaxy S99 的屏幕更大。", "三星 Galaxy S99", "Galaxy S99"),
    ("三星发布了 Galaxy S99 手机。S99 的屏幕更大。", "Galaxy S99", "S99"),
])
def test_variants_of_one_name_are_one_node(extractor, resolver, text, a, b):
    found = nodes(extractor, resolver, text)
    assert found[a] == found[b]


@pytest.mark.parametrize("text, a, b", [
    ("北辰公司发布了Orion 5.2模型和Orion 5.2 Pro模型。", "Orion 5.2", "Orion 5.2 Pro"),
    ("三星发布了 Galaxy S99 和 Galaxy S99+ 两款手机。", "Galaxy S99", "Galaxy S99+"),
])
def test_different_versions_stay_apart(extractor, resolver, text, a, b):
    found = nodes(extractor, resolver, text)
    assert found[a] != found[b]


@pytest.mark.parametrize("text, name, cls", [
    ("去年 11 月，星河科技发布了“星图”AI 助手。", "星图", "Product"),
    ("北辰公司上线了应用「云帆」。", "云帆", "Product"),
    ("北辰公司推出“天枢”大模型。", "天枢", "AIModel"),
])
def test_a_quoted_name_beside_a_product_noun_is_a_product(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name", [
    ("他说“我们要赢”，全场鼓掌。", "我们要赢"),                 # a quotation, no product noun
    ("北辰公司提出“人体的数字孪生”模型。", "人体的数字孪生"),     # a phrase
    ("这本《星辰大海》很好看。", "星辰大海"),                    # a title
])
def test_a_quoted_phrase_without_a_product_noun_is_nothing(extractor, text, name):
    assert name not in typed(extractor, text)



@pytest.mark.parametrize("text, name, cls", [
    ("北辰公司的爬虫 ZetaBot 在抓取网页。", "ZetaBot", "Product"),
    ("星河科技上线了一款名为 Lumio 的播放器。", "Lumio", "Product"),
    ("该项目的内部代号为 Orbix，目前还在测试。", "Orbix", "Product"),
])
def test_an_unknown_latin_name_takes_the_class_of_the_noun_beside_it(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name", [
    ("北辰公司的 Lumio 很受欢迎。", "Lumio"),      # no noun beside it
])
def test_an_unknown_latin_name_without_a_noun_stays_untyped(extractor, text, name):
    assert name not in typed(extractor, text)
