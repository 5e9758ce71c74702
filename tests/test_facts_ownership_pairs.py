"""旗下 before a pair joined by a conjunction binds only the first member
(北辰集团旗下的星河和Zeta: the second may be another example); a list
with 、 keeps every member. Invented sentences."""

from __future__ import annotations

import pytest

from kg.text.document import Document


def owned(extractor, text: str) -> set[str]:
    ex = extractor.extract(Document.from_text(text, "t.txt"))
    return {f.subject.text for f in ex.facts if f.predicate == "subsidiaryOf"}


@pytest.mark.parametrize("text, children", [
    ("微软授权给了几家公司，例如北辰集团旗下的雅虎和 DuckDuckGo。", {"雅虎"}),
    ("北辰集团旗下的雅虎、Zeta和小米均发布了新品。", {"雅虎", "Zeta", "小米"}),
])
def test_qixia_pair(extractor, text, children):
    assert owned(extractor, text) == children
