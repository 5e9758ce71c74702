"""旗下 before members joined by 、 or 和 binds every member (星河集团旗下的
北辰和Zeta: both are its units, the common reading of news); a member
joined by 与 before a joint act is a partner, not a child. Invented sentences."""

from __future__ import annotations

import pytest

from kg.text.document import Document


def owned(extractor, text: str) -> set[str]:
    ex = extractor.extract(Document.from_text(text, "t.txt"))
    return {f.subject.text for f in ex.facts if f.predicate == "subsidiaryOf"}


@pytest.mark.parametrize("text, children", [
    ("北辰集团旗下的星河科技和Zeta公司均发布了新品。", {"星河科技", "Zeta公司"}),
    ("北辰集团旗下的星河科技、Zeta公司和远山科技均发布了新品。", {"星河科技", "Zeta公司", "远山科技"}),
])
def test_qixia_members(extractor, text, children):
    assert owned(extractor, text) == children
