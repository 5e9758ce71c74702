"""subsidiaryOf: Y旗下(的 unit noun)X, X是Y的子公司, A、B隶属(于)Y, X属于Y,
X(的)母公司Y, Y是X的母公司, Y收购X (done), and where none of them may fire:
a reporting source, the clause topic, a possessive on another list member, a
partner after 与, a past state, alternatives, a deal named as a thing.

Every sentence here was written for these tests (invented names)."""

from __future__ import annotations

import pytest

from kg.text.document import Document
from kg.run.extract import Extractor


def facts(extractor: Extractor, text: str, *predicates: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts
            if not predicates or f.predicate in predicates}


F = set
S = "subsidiaryOf"

OWNERSHIP = [
    # 旗下 with a unit noun between: the child is the name, not the unit
    ("北辰公司旗下的物流部门星海科技有限公司已开始筹备上市。", F({("星海科技有限公司", S, "北辰公司")})),
    ("北辰公司旗下软件公司 Zetaflow 与星海公司成立合资公司。", F({("Zetaflow", S, "北辰公司")})),
    ("北辰公司旗下的Zeta公司、星海公司和Nova公司均已盈利。", F({
        ("Zeta公司", S, "北辰公司"), ("星海公司", S, "北辰公司"), ("Nova公司", S, "北辰公司")})),
    # a description that is no unit noun: the name after it is no child
    ("北辰公司旗下带有心电图（ECG）功能的手表侵犯了专利。", F()),
    # X是Y的子公司 / Y是X的母公司 / X的母公司为Y
    ("星海科技有限公司是北辰公司的子公司。", F({("星海科技有限公司", S, "北辰公司")})),
    ("北辰公司是星海科技有限公司的母公司。", F({("星海科技有限公司", S, "北辰公司")})),
    ("Zeta公司的母公司为北辰公司。", F({("Zeta公司", S, "北辰公司")})),
    ("Zeta公司母公司北辰公司公布了财报。", F({("Zeta公司", S, "北辰公司")})),
    # a reporting source before is never the child
    ("据《星海日报》报道，Zeta公司母公司北辰公司正准备裁员。", F({("Zeta公司", S, "北辰公司")})),
    # a listed product with a parent company is the company (only a company has one)
    ("据星海日报报道，Facebook 母公司北辰公司正准备裁员。", F({("Facebook", S, "北辰公司")})),
    ("Facebook 的新功能北辰公司也在用。", F()),
    # the clause topic is not the child: the noun needs its child right before it
    ("北辰公司正在与星海公司旗下子公司的母公司谈判。", F()),
    ("北辰公司正在与母公司 Zeta公司 谈判。", F()),
    # a possessive on one list member stays with that member
    ("星海公司、Nova公司和Zeta公司的母公司北辰公司都参加了会议。", F({("Zeta公司", S, "北辰公司")})),
    # 隶属 / 属于: every member of the list, a place before the parent
    ("Zeta公司、Nova公司、星海公司隶属北辰集团，Orion公司、Vega公司隶属意大利 Orbis Group。", F({
        ("Zeta公司", S, "北辰集团"), ("Nova公司", S, "北辰集团"), ("星海公司", S, "北辰集团"),
        ("Orion公司", S, "Orbis Group"), ("Vega公司", S, "Orbis Group")})),
    ("Zeta公司属于北辰集团。", F({("Zeta公司", S, "北辰集团")})),
    ("Zeta公司和Nova公司均隶属于北辰集团旗下。", F({("Zeta公司", S, "北辰集团"), ("Nova公司", S, "北辰集团")})),
    # not the parent: 属于Y的竞争对手, a verb between, a past state
    ("Zeta公司属于北辰集团的竞争对手。", F()),
    ("北辰集团宣布之前隶属于星海研究院的Zeta团队将并入新部门。", F()),
    ("Zeta公司曾隶属于北辰集团。", F()),
    # 收购: done → subsidiaryOf; alternatives, a deal as a thing, a hedge → none
    ("北辰公司收购了Zeta公司。", F({("Zeta公司", S, "北辰公司")})),
    ("北辰公司宣布以20亿美元收购Zeta公司。", F({("Zeta公司", S, "北辰公司")})),
    ("北辰公司手上有足够的现金，买下 Zeta公司 或 Nova公司 并不困难。", F()),
    ("北辰公司收购Zeta公司的交易因监管问题而失败。", F()),
    ("北辰公司拟收购Zeta公司。", F()),
    # a reference word in the same sentence names the target
    ("陈立群曾担任Zeta公司的CEO，直到北辰公司收购了该公司。", F({("Zeta公司", S, "北辰公司")})),
    ("Zeta公司发布了新模型。北辰公司完成了对其的全资收购。", F()),
    ("Orbis Inc. 旗下的Zeta公司公布了财报。", F({("Zeta公司", S, "Orbis Inc")})),
    ("此前北辰公司曾宣布将以200亿美元收购Zeta公司。", F()),
    ("有传言指出，北辰公司收购了Zeta公司。", F()),
    # the clause topic is no buyer when another organisation stands between
    ("星海委员会正式批准北辰公司从Nova公司手中收购Zeta公司。", F()),
    # a gloss in brackets between is no other organisation
    ("北辰公司（Orion公司）宣布收购Zeta公司。", F({("Zeta公司", S, "北辰公司")})),
    # the owner stands right before 旗下: not a list member before 、
    ("北辰公司关停了 Nova公司、旗下仓库机器人子公司 Zetabot。", F()),
    ("北辰公司旗下仓库机器人子公司 Zetabot 被关停。", F({("Zetabot", S, "北辰公司")})),
    # a name no list knows after 旗下包括…: a product line, no child
    ("北辰公司携旗下包括 ThinkBook、Yogo 等系列在内的新产品亮相。", F()),
    ("北辰公司旗下期刊 Scientia 刊发了新研究。", F()),
]


@pytest.mark.parametrize("text, expected", OWNERSHIP)
def test_ownership(extractor, text, expected):
    assert facts(extractor, text, S) == expected
