"""A name with a version or a size is typed by its document, not by its
shape (kg.mentions.kinds): model cues make a model, device, vehicle and
system nouns a product, chip nouns hardware, standards nothing; the class
is one per thing, voted over all its mentions. Also the fragments that are
never names (a name glued to a year, a percentage or a count; bare variant
words). Every sentence is invented for these tests."""

from __future__ import annotations

import pytest

from kg.text.document import Document


def typed(extractor, text: str) -> dict[str, str]:
    """Mention text → class, for the typed mentions of one text."""
    return {m.text: m.cls for m in extractor.extract(Document.from_text(text, "t.txt")).mentions if m.cls}


# -- typing by context -------------------------------------------------------------------
@pytest.mark.parametrize("text, name, cls", [
    # model evidence: a model noun, a parameter size, a known model family, a comparison
    ("星河科技发布了Zeta-7B。", "Zeta-7B", "AIModel"),
    ("北辰公司发布Orion 5.2模型，参数规模达到千亿。", "Orion 5.2", "AIModel"),
    ("北辰公司开源了大模型 Orion-3，训练成本很低。", "Orion-3", "AIModel"),
    ("OpenAI推出GPT-9，能力全面提升。", "GPT-9", "AIModel"),
    ("Zeta-7B在评测中超过了Orion-5。", "Orion-5", "AIModel"),
    # a product by its nouns: phones, cars, headsets, systems
    ("星河科技发布了 Orion X7 手机，售价 3999 元。", "Orion X7", "Product"),
    ("北辰汽车的新车型 Vega 9 将于下月交付。", "Vega 9", "Product"),
    ("北辰推出 Lumen VR2 头显。", "Lumen VR2", "Product"),
    ("苹果推送了 iPhone 19 Pro 的更新。", "iPhone 19 Pro", "Product"),
    ("用户可以升级到 NebulaOS 5 系统。", "NebulaOS 5", "Product"),
    # hardware by its nouns or its shape
    ("这款手机搭载了 Kepler X9 芯片。", "Kepler X9", "Hardware"),
    ("主摄采用 QMX990 传感器，画质出色。", "QMX990", "Hardware"),
    ("星河科技的 Astra 7 显卡性能强劲。", "Astra 7", "Hardware"),
    # a list shares the noun after it
    ("Vega 7、Vega 9 等车型销量上升。", "Vega 7", "Product"),
])
def test_a_versioned_name_takes_the_class_of_its_context(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name", [
    # no evidence at all: a version alone makes no model
    ("用户可以在 Orion X7 上体验这一功能。", "Orion X7"),
    # standards, events and counters are none of our classes
    ("这款路由器支持 Wi-Fi 7 和 5G 网络。", "Wi-Fi 7"),
    ("星河科技在 Nebula 2026 大会上亮相。", "Nebula 2026"),
    ("北辰公司通过了 QX 9001 标准认证。", "QX 9001"),
    ("榜单中 Top 10 的公司都在美国。", "Top 10"),
])
def test_a_versioned_name_without_evidence_is_no_entity(extractor, text, name):
    assert name not in typed(extractor, text)


@pytest.mark.parametrize("text, name, not_cls", [
    ("星河科技发布了 Orion X7 手机，售价 3999 元。", "Orion X7", "AIModel"),
    ("这款手机搭载了 Kepler X9 芯片。", "Kepler X9", "AIModel"),
    ("苹果推送了 iPhone 19 Pro 的更新。", "iPhone 19 Pro", "AIModel"),
])
def test_a_product_or_chip_is_not_a_model(extractor, text, name, not_cls):
    assert typed(extractor, text).get(name) != not_cls


def test_one_class_per_thing_across_the_document(extractor):
    text = ("星河科技发布了 Orion X7 手机，售价 3999 元。Orion X7 的屏幕更大。"
            "评测中，Orion X7 表现稳定。")
    ms = [m for m in extractor.extract(Document.from_text(text, "t.txt")).mentions if m.text == "Orion X7"]
    assert len(ms) == 3 and {m.cls for m in ms} == {"Product"}


# -- fragments that are never names ---------------------------------------------------------
@pytest.mark.parametrize("text, name, fragment", [
    ("Anthropic 80% 的营收来自企业客户。", "Anthropic", "Anthropic 80"),
    ("OpenAI 7500 万美元买下了域名。", "OpenAI", "OpenAI 7500"),
    ("本文整理自 Microsoft 2026 年的开发者大会。", "Microsoft", "Microsoft 2026"),
    ("GPT 2026 年将迎来新版本。", "GPT", "GPT 2026"),
])
def test_a_name_glued_to_a_year_or_a_count_is_the_name_alone(extractor, text, name, fragment):
    found = typed(extractor, text)
    assert fragment not in found and name in found


@pytest.mark.parametrize("text, word", [
    ("新款有 Pro 和 Max 两个版本。", "Pro"),
    ("新款有 Pro 和 Max 两个版本。", "Max"),
    ("用户可以选择 Ultra 套餐。", "Ultra"),
    ("这次没有推出 Pro Max 版本。", "Pro Max"),
])
def test_a_bare_variant_word_is_no_entity(extractor, text, word):
    assert word not in typed(extractor, text)


@pytest.mark.parametrize("text, name, cls", [
    ("Orion 9 Pro+ 手机正式开售。", "Orion 9 Pro+", "Product"),
    ("星河科技发布了 Zeta-7B 模型，北辰公司推出 Orion 9 Pro 手机。", "Orion 9 Pro", "Product"),
])
def test_a_plus_suffix_stays_in_the_name(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name, cls", [
    ("DeepSeek发布了V9，推理能力很强。", "V9", "AIModel"),        # after a model maker
    ("北辰公司发布了Orion-K7模型。两周后，K7的下载量大增。", "K7", "AIModel"),   # inside its family
    ("星河汽车推出了 E7 车型。", "E7", "Product"),
])
def test_a_short_shape_takes_the_class_of_its_maker_or_family(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name", [
    ("屏幕采用三星 E7 基材，亮度更高。", "E7"),                     # a maker of no model
    ("官方表示，v57 版本将修复这一问题。", "v57"),                  # a bare version
])
def test_a_short_shape_without_model_evidence_is_no_model(extractor, text, name):
    assert typed(extractor, text).get(name) != "AIModel"


@pytest.mark.parametrize("text, name, cls", [
    ("他创办了 ZELO 平台，学生在上面训练模型。", "ZELO", "Product"),   # sentence words do not overrule 平台
])
def test_a_name_its_cue_typed_keeps_that_class_against_sentence_words(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls
