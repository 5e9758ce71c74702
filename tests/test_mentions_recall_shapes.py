"""Shapes of names that continue past a known name (kg/mentions/continued):
a product named for the program it runs in (X in Excel, X for Word) and a
version series after a family name (Foo 1.0、2.0和3.0). Invented names;
gazetteer names only where a known head is needed."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kg.mentions import continued
from kg.model import Mention
from kg.text.document import Document


def _m(text, name, cls):
    s = text.index(name)
    return Mention(s, s + len(name), name, cls, "", "gazetteer", 0.95)


def _no_place(word):
    return word in {"Veloria", "North Astra"}


@pytest.mark.parametrize("text, head, cls, expected", [
    ("星河科技推出 Zeta in Sheets 功能", "Zeta", "AIModel", "Zeta in Sheets"),
    ("北辰公司上线 Nova for Word。", "Nova", "Product", "Nova for Word"),
    ("Nova for Google Docs 已开放", "Nova", "Product", "Nova for Google Docs"),
    # must not fire
    ("Zeta in the browser 很慢", "Zeta", "AIModel", None),        # lower-case word
    ("「Nova for X」这个说法到处都是", "Nova", "Product", None),     # a placeholder letter
    ("Zeta in 2025 表现很好", "Zeta", "AIModel", None),             # a number
    ("Zeta in Veloria 不可用", "Zeta", "AIModel", None),            # a place
    ("星河 in Europe 受罚", "星河", "Company", None),                # a company, not a thing
    ("Nova for Wordsmith-like 工具", "Nova", "Product", None),       # the word goes on (- )
])
def test_hosted_products(text, head, cls, expected):
    found = continued.hosted(text, [_m(text, head, cls)], ("in", "for"), _no_place)
    assert [m.text for m in found] == ([expected] if expected else [])
    assert all(m.cls == "Product" for m in found)


def test_hosted_needs_connectors():
    text = "Zeta in Sheets"
    assert continued.hosted(text, [_m(text, "Zeta", "AIModel")], (), _no_place) == []


@pytest.mark.parametrize("text, expected", [
    ("星河发布了天枢 1.0、2.0和3.0。", ["天枢 1.0", "天枢 2.0", "天枢 3.0"]),
    ("天枢2.5与3.0都已开源", ["天枢2.5", "天枢3.0"]),
    ("新一代天枢 4.0 即将到来", ["天枢 4.0"]),
    # must not fire
    ("天枢一号 1.0 倍", []),                   # no version right after the family name
    ("天枢 1.0%", []),                        # a percentage, no version
    ("增长 1.5、2.0和3.0倍", []),              # no family name before the numbers
    ("天枢 12 个版本", []),                    # a bare integer is no version
])
def test_version_series(text, expected):
    found = continued.series(text, {"天枢": "AIModel"}, [])
    assert [m.text for m in found] == expected
    assert all(m.cls == "AIModel" for m in found)


def test_series_skips_a_head_inside_a_longer_name():
    text = "北天枢 2.0 发布"
    taken = [Mention(0, 3, "北天枢", "Company", "x", "gazetteer", 0.95)]
    assert continued.series(text, {"天枢": "AIModel"}, taken) == []


def test_family_heads_need_two_versions():
    e = lambda cls, *names: SimpleNamespace(cls=cls, names=names)
    entries = [e("AIModel", "天枢2.0", "Tianshu 2"), e("AIModel", "天枢 3.0"),
               e("AIModel", "玄武5.0"),                     # one version only
               e("Company", "北辰1.0", "北辰2.0"),           # not a thing
               e("Product", "星图1号", "星图2号")]            # no version shape
    assert continued.family_heads(entries) == {"天枢": "AIModel"}


@pytest.mark.parametrize("text, name, cls", [
    ("Anthropic 推出了 Claude in Sheets 插件。", "Claude in Sheets", "Product"),
    ("百度发布了文心 7.0、8.0和9.0。", "文心 8.0", "AIModel"),
    ("问界 M3EV 今天上市。", "问界 M3EV", "Product"),          # a model code with a letter tail
])
def test_in_the_pipeline(extractor, text, name, cls):
    got = {m.text: m.cls for m in extractor.extract(Document.from_text(text, "t.txt")).mentions}
    assert got.get(name) == cls


@pytest.mark.parametrize("text, name", [
    ("Claude in China 不可用。", "Claude in China"),
    ("文心一言是百度的产品。", "文心一言 1.0"),
    ("问界 M3EVXL 今天上市。", "问界 M3EVXL"),                 # a tail of four letters is no code
    ("问界 M3EVXL 今天上市。", "问界 M3"),
])
def test_not_in_the_pipeline(extractor, text, name):
    got = {m.text for m in extractor.extract(Document.from_text(text, "t.txt")).mentions}
    assert name not in got


@pytest.mark.parametrize("text, word", [
    ("多家车企表示将跟进降价。", "车企"),
    ("不少房企认为市场已经见底。", "房企"),
    ("一些药企透露已启动研发。", "药企"),
])
def test_a_class_noun_is_no_person(extractor, text, word):
    got = {m.text: m.cls for m in extractor.extract(Document.from_text(text, "t.txt")).mentions}
    assert got.get(word) != "Person"


def test_a_name_with_the_same_surname_stays_a_person(extractor):
    got = {m.text: m.cls for m in extractor.extract(Document.from_text("车立群表示同意。", "t.txt")).mentions}
    assert got.get("车立群") == "Person"
