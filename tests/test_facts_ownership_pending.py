"""An announced acquisition whose completion the sentence puts in the
future (交易会在…之前完成, 预计明年完成交割, 尚待监管批准) is no done
acquisition; one said done stays. Every name here is invented."""

from __future__ import annotations

import pytest

from kg.text.document import Document

F = set


def owned(extractor, text: str) -> set[tuple[str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.object.text) for f in ex.facts if f.predicate == "subsidiaryOf"}


@pytest.mark.parametrize("text, expected", [
    ("北辰公司收购了Zeta公司，交易已于去年完成。", F({("Zeta公司", "北辰公司")})),
    ("北辰公司以 20 亿元收购Zeta公司。", F({("Zeta公司", "北辰公司")})),
    ("北辰公司宣布收购Zeta公司，交易会在明年 3 月之前完成。", F()),
    ("北辰公司收购Zeta公司，预计明年完成交割。", F()),
    ("北辰公司收购Zeta公司一事尚待监管批准。", F()),
])
def test_pending_acquisitions(extractor, text, expected):
    assert owned(extractor, text) == expected
