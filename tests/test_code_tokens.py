"""Issue 17, item 15: JavaScript in an article (document.body.appendChild,
console.log()) is program code, not a name: no mention, so no AIModel or
Product with released or praised edges. Dotted names (Data.ai, Node.js,
Character.AI, x.AI) stay names."""

from __future__ import annotations

import pytest

from kg.mentions.shapes import code_like
from kg.text.document import Document

ARTICLE = ("OpenAI发布了document.body.appendChild(node)，用户称赞document.body.appendChild表现出色。\n"
           "开发者调用了React.createElement和jQuery.fn.init()，也用了window.location.href。\n"
           "OpenAI发布了GPT-4o。\n")


@pytest.mark.parametrize("text", ["document.body.appendChild", "node.appendChild", "window.location.href",
                                  "Foo.bar(1)", "Math.random()", "React.createElement", "jQuery.fn.init"])
def test_code_is_code(text):
    assert code_like(text, 0, len(text))


@pytest.mark.parametrize("text", ["Data.ai", "Character.AI", "Node.js", "Vue.js", "U.S.A", "x.AI",
                                  "GPT-4.5", "Qwen2.5-Max", "Kimi k1.5", "Claude 3.7 Sonnet", "iPhone"])
def test_names_are_names(text):
    assert not code_like(text, 0, len(text))


def test_javascript_in_an_article_names_nothing(extractor):
    extraction = extractor.extract(Document.from_text(ARTICLE))
    names = {m.text for m in extraction.mentions}
    assert not {n for n in names if "." in n and n[0].islower() or "createElement" in n or "jQuery" in n}, names
    assert {(f.subject.text, f.predicate, f.object.text) for f in extraction.facts} == {
        ("OpenAI", "released", "GPT-4o")}
