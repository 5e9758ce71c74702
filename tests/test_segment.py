"""The segmenter loader (kg.text.segment): rjieba when it imports, jieba
when it does not, the same words on ordinary text, and a fix-it message
for a segmenter that is asked for by name and missing."""

from __future__ import annotations

import sys

import pytest

from kg.errors import KGError
from kg.text.segment import load_segmenter, segmenter_version

TEXT = "北辰科技今天开了发布会，推出了Zeta-7B模型。"


def test_auto_is_rjieba_when_installed():
    seg = load_segmenter()
    assert seg.name == "rjieba"
    assert "".join(seg.lcut(TEXT)) == TEXT
    assert segmenter_version().startswith("rjieba ")


def test_auto_falls_back_to_jieba(monkeypatch):
    monkeypatch.setitem(sys.modules, "rjieba", None)     # import rjieba raises ImportError
    seg = load_segmenter()
    assert seg.name == "jieba"
    assert "".join(seg.lcut(TEXT)) == TEXT


def test_both_cut_han_text_alike():
    text = "北辰科技今天开了发布会，推出了新的大模型。"
    assert load_segmenter("rjieba").lcut(text) == load_segmenter("jieba").lcut(text)


def test_rjieba_keeps_a_hyphenated_latin_name_whole():
    # jieba cuts Zeta | - | 7B; the pipeline finds Latin names before segmenting either way
    assert "Zeta-7B" in load_segmenter("rjieba").lcut(TEXT)


def test_a_missing_segmenter_asked_for_by_name(monkeypatch):
    monkeypatch.setitem(sys.modules, "rjieba", None)
    with pytest.raises(KGError) as err:
        load_segmenter("rjieba")
    assert str(err.value) == ("the rjieba segmenter is not installed: pip install rjieba "
                              "(or use the jieba segmenter)")


def test_an_unknown_segmenter():
    with pytest.raises(KGError) as err:
        load_segmenter("thulac")
    assert str(err.value) == "unknown segmenter 'thulac': use one of auto, rjieba, jieba"
