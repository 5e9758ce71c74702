"""A model code after a maker's brand word (kg.mentions.coded): the brand
word of a listed maker (its short Han name, or its name without 汽车/品牌)
with a code glued on is one product name, typed by the document's cues.
Sentences and codes invented for these tests; the brand words are listed
makers of kg/data/gazetteer.tsv."""

from __future__ import annotations

import pytest

from kg.text.document import Document


def typed(extractor, text: str) -> dict[str, str]:
    return {m.text: m.cls for m in extractor.extract(Document.from_text(text, "t.txt")).mentions if m.cls}


@pytest.mark.parametrize("text, name", [
    ("北辰公司的坦克 550车型售价二十万元。", "坦克 550"),          # a bare number with a vehicle cue
    ("仰望 Q5和红旗 K7都是大型SUV。", "仰望 Q5"),               # a letter code after a brand word
    ("仰望 Q5和红旗 K7都是大型SUV。", "红旗 K7"),               # in a 和 list
    ("比亚迪仰望 Q5缓缓入场。", "仰望 Q5"),                      # right after the maker's own name
    ("奔驰 GXT车型的售价很高。", "奔驰 GXT"),                    # capitals after a listed short name, with a cue
    ("哈弗 H7、坦克 550、长城炮等车型都有这项功能。", "坦克 550"),  # a list member shares the list's cue
    ("奔驰 GXT-01车型的售价很高。", "奔驰 GXT-01"),              # a hyphenated code is not cut at its hyphen
])
def test_brand_code_is_a_product(extractor, text, name):
    assert typed(extractor, text).get(name) == "Product"


@pytest.mark.parametrize("text, name", [
    ("坦克 550辆开进了城市。", "坦克 550"),                      # a number with a unit
    ("坦克 550开进了城市。", "坦克 550"),                        # no vehicle or product cue anywhere
    ("我的理想 2000就够了。", "理想 2000"),                       # not a word start, and a year-like number
    ("比亚迪 CEO表示销量很好。", "比亚迪 CEO"),                   # a word that names nothing
    ("仰望 GXT车型很贵。", "仰望 GXT"),
    ("奔驰 GXT-01车型的售价很高。", "奔驰 GXT"),                   # a hyphenated code is not cut at its hyphen                           # capitals only after a brand word that is a name itself
])
def test_no_brand_code(extractor, text, name):
    assert name not in typed(extractor, text)
