"""An analyst of a company the sentence goes on about covers it and is no
member of it (星河分析师P表示，星河将…); other titles, and analysts whose
organisation the sentence does not name again, keep their affiliation.
Invented sentences (known company names from the gazetteer)."""

from __future__ import annotations

import pytest

from kg.text.document import Document


def facts(extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "t.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts}


@pytest.mark.parametrize("text, fact, present", [
    ("小米分析师陈立群表示，小米将推出新品。", ("陈立群", "affiliatedWith", "小米"), False),
    ("小米资深分析师陈立群称，小米今年出货量将下滑。", ("陈立群", "affiliatedWith", "小米"), False),
    ("高盛分析师陈立群表示，小米将推出新品。", ("陈立群", "affiliatedWith", "高盛"), True),
    ("小米首席执行官陈立群表示，小米将推出新品。", ("陈立群", "affiliatedWith", "小米"), True),
])
def test_analyst_covers_the_company(extractor, text, fact, present):
    assert (fact in facts(extractor, text)) is present
