"""Person-name boundaries: transliterated names joined by ·/・/．(full
width), Latin names with initials, diacritics, hyphens and apostrophes
after a title, a given name ending in a function character (王某为),
the longer form of a name the document writes elsewhere, the family or
given name alone after the full name, and the unknown Latin name before a
corporate title. Every name here is invented."""

from __future__ import annotations

import pytest

from kg.graph.resolve import Resolver, identity
from kg.lexicon import load_lexicon
from kg.ontology.schema import load_schema
from kg.text.document import Document


def people(extractor, text: str) -> set[str]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {m.text for m in ex.mentions if m.cls == "Person"}


def typed(extractor, text: str) -> dict[str, str]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {m.text: m.cls for m in ex.mentions}


BOUNDARIES = [
    # a full-width dot inside a transliteration (folded to "." by normalisation)
    ("北辰公司共同创办人卡洛斯．维拉诺瓦表示，很好。", {"卡洛斯.维拉诺瓦"}, set()),
    ("北辰公司执行长卡洛斯·维拉诺瓦表示，很好。", {"卡洛斯·维拉诺瓦"}, set()),
    # a dot with spaces around it
    ("卡洛斯 · 维拉诺瓦于 1997 年与他人共同创办了北辰公司。", {"卡洛斯 · 维拉诺瓦"}, {"卡洛斯"}),
    # a transliteration the segmenter cut before its last character, a speech verb after
    ("北辰公司副助理部长维拉诺曼表示，很好。", {"维拉诺曼"}, {"维拉诺"}),
    # … but not over characters that start the next words
    ("北辰公司总裁伊万诺夫特别强调，很好。", {"伊万诺夫"}, {"伊万诺夫特"}),
    # 来说 is a word: no given name glued to the speech verb
    ("对于北辰公司的创始人&CEO 陈立来说，梦想很大。", {"陈立"}, {"陈立来"}),
    # initials, diacritics, hyphens and apostrophes after a title
    ("北辰公司首席财务官Adam K. Whitlow在财报会上表示：很好。", {"Adam K. Whitlow"}, {"Adam K"}),
    ("北辰公司主席 Jörg Müllerstein 表示，很好。", {"Jörg Müllerstein"}, set()),
    ("北辰公司CEO Jean-Marc Ravel 说，很好。", {"Jean-Marc Ravel"}, set()),
    ("北辰公司主持人 Declan O'Rourke 說，很好。", {"Declan O'Rourke"}, set()),
    # the title's Latin name stops before lower-case words and Han text
    ("北辰公司CEO Mira Jansen and team 表示，很好。", {"Mira Jansen"}, {"Mira Jansen and team"}),
    # a given name ending in 为 before a preposition or a speech verb
    ("星河科技首席运营官王益为对记者表示，很好。", {"王益为"}, {"王益"}),
    ("”王益为说。", {"王益为"}, set()),
    # … but 为 before anything else is the verb
    ("星河科技总裁王明为公司带来增长。", {"王明"}, {"王明为"}),
    # the longer form of a name, written elsewhere in the document, wins over a cut one
    ("北辰公司主委邱垂正在记者会上表示，很好。邱垂正提到两岸。", {"邱垂正"}, {"邱垂"}),
    # a longer run of transliteration characters after a listed name is no longer name
    ("参议员乔什·霍利提出法案。", {"乔什·霍利"}, {"乔什·霍利提"}),
]


@pytest.mark.parametrize("text, present, absent", BOUNDARIES)
def test_name_boundaries(extractor, text, present, absent):
    found = people(extractor, text)
    assert present <= found
    assert not absent & found


def test_unknown_latin_name_before_a_corporate_title_is_a_company(extractor):
    got = typed(extractor, "Quillstone 创办人 Mira Jansen 说，很好。")
    assert got.get("Quillstone") == "Company" and got.get("Mira Jansen") == "Person"


def test_a_name_before_a_title_of_state_is_not_made_a_company(extractor):
    got = typed(extractor, "Vandoria 总统 Mira Jansen 说，很好。")
    assert got.get("Vandoria") != "Company" and got.get("Mira Jansen") == "Person"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load_lexicon(), load_schema())


def nodes(extractor, resolver, text: str) -> dict[str, str]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    resolved = resolver.resolve([ex])
    return {m.text: resolved.node_of[identity(ex.document.doc_id, m)] for m in ex.mentions}


SAME_PERSON = [
    ("北辰公司创始人 Mira Jansen 在访谈中透露，很好。Jansen 表示，产品已经上线。", "Mira Jansen", "Jansen"),
    ("北辰公司执行长卡洛斯·维拉诺瓦表示，很好。维拉诺瓦说，市场很大。", "卡洛斯·维拉诺瓦", "维拉诺瓦"),
]


@pytest.mark.parametrize("text, full, short", SAME_PERSON)
def test_short_name_after_the_full_name_is_that_person(extractor, resolver, text, full, short):
    got = nodes(extractor, resolver, text)
    assert short in got and got[short] == got[full]


def test_a_given_name_alone_is_not_made_the_person(extractor, resolver):
    # a given name is too often someone else's, in this document or another
    got = nodes(extractor, resolver, "北辰公司CEO Mira Jansen 说，很好。在 Mira 加入北辰公司之前，市场很小。")
    assert got.get("Mira") != got["Mira Jansen"]


def test_a_family_name_two_people_share_stays_apart(extractor, resolver):
    text = ("北辰公司CEO Mira Jansen 说，很好。星河科技CTO Pieter Jansen 表示，市场很大。"
            "Jansen 表示，产品已经上线。")
    got = nodes(extractor, resolver, text)
    assert got["Mira Jansen"] != got["Pieter Jansen"]
    assert got.get("Jansen") not in (got["Mira Jansen"], got["Pieter Jansen"])
