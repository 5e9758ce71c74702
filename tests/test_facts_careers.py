"""Roles said in a clause (P曾担任X的CEO, P此前任X的高级副总裁, P是X的创始人,
辞去X主席的职务), bracketed notes after a name, X是P的第三次创业, guest-list
lines, 在X做…TITLE and lists of employers, and the apposition ORG PLACE
TITLE P. Each table holds the sentence and the exact set of
(subject, predicate, object) it must yield for affiliatedWith and founded,
with sentences that must yield nothing. Every name here is invented."""

from __future__ import annotations

import pytest

from kg.text.document import Document

F = set
PREDICATES = ("affiliatedWith", "founded")


def facts(extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts if f.predicate in PREDICATES}


def roles(extractor, text: str) -> dict[tuple[str, str], str]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.object.text): f.role for f in ex.facts if f.predicate == "affiliatedWith"}


INTRO = "北辰公司CEO陈立群表示，市场很好。"          # makes 陈立群 a person of the document

HOLDS_ROLE = [
    # P (曾|此前|现)任 ORG (的) TITLE
    (INTRO + "陈立群此前任 Zeta Labs 的高级副总裁和负责人。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "affiliatedWith", "Zeta Labs")})),
    (INTRO + "陈立群曾担任北极光公司的首席执行官。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "affiliatedWith", "北极光公司")})),
    (INTRO + "陈立群曾是北极光公司的高管。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "affiliatedWith", "北极光公司")})),
    # a pronoun: the person of the sentence before
    (INTRO + "他曾担任初创公司 Orbitly 的 CTO，直到去年。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "affiliatedWith", "Orbitly")})),
    # resigning a role says it was held
    (INTRO + "她将辞去北极光基金会联席主席的职务。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "affiliatedWith", "北极光基金会")})),
    # P是X的创始人: founded (and the role)
    ("Kiran Vale 是 Zephyrine 投资公司创办人，曾任 Fidelity 科技基金经理人。",
     F({("Kiran Vale", "affiliatedWith", "Zephyrine"), ("Kiran Vale", "founded", "Zephyrine"),
        ("Kiran Vale", "affiliatedWith", "Fidelity")})),
    # a list of roles, a former one among them
    ("Kiran Vale 是 Zephyrine 投资公司的共同创办人、前北辰公司 AI 总监，很有名。",
     F({("Kiran Vale", "affiliatedWith", "Zephyrine"), ("Kiran Vale", "founded", "Zephyrine"),
        ("Kiran Vale", "affiliatedWith", "北辰公司")})),
    (INTRO + "陈立群此前任 Zeta Labs 的高级副总裁、Orbit Games 的工作室负责人。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "affiliatedWith", "Zeta Labs"),
        ("陈立群", "affiliatedWith", "Orbit Games")})),
    # must not fire: negated, hedged, not a role, no person before the verb
    (INTRO + "陈立群不是星河科技的创始人。", F({("陈立群", "affiliatedWith", "北辰公司")})),
    (INTRO + "陈立群拒绝担任星河科技的CEO。", F({("陈立群", "affiliatedWith", "北辰公司")})),
    (INTRO + "陈立群可能担任星河科技的CEO。", F({("陈立群", "affiliatedWith", "北辰公司")})),
    (INTRO + "陈立群是星河科技的客户。", F({("陈立群", "affiliatedWith", "北辰公司")})),
    ("这是星河科技的一次尝试。", F()),
    # the title is the apposition of the name after it, not the role of the person before
    (INTRO + "陈立群发布内部信称，现任 Zeta Labs 总裁王海涛将退休。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("王海涛", "affiliatedWith", "Zeta Labs")})),
    # the verb deep inside another clause (a hypothetical): not the sentence's person
    ("Kiran Vale 提出了一个定义：当一个系统可以比任何人更好地担任北辰公司的 CEO 时，那就是超级智能。", F()),
    # a CEO who is someone else's: 是 with no person right before it
    (INTRO + "市场认为这是星河科技的CEO做出的决定。", F({("陈立群", "affiliatedWith", "北辰公司")})),
]


@pytest.mark.parametrize("text, expected", HOLDS_ROLE)
def test_roles_in_a_clause(extractor, text, expected):
    assert facts(extractor, text) == expected


def test_the_role_is_kept(extractor):
    got = roles(extractor, INTRO + "陈立群此前任 Zeta Labs 的高级副总裁和负责人。")
    assert got["陈立群", "Zeta Labs"] == "高级副总裁和负责人"


NOTES = [
    # P（前A研究员）: the note's organisation is the person's …
    ("共同创办人陈立群（前星河科技研究员）表示，产品已经上线。",
     F({("陈立群", "affiliatedWith", "星河科技")})),
    # … and nobody else's
    ("共同创办人陈立群（前星河科技研究员）与创办人王海涛见面。",
     F({("陈立群", "affiliatedWith", "星河科技")})),
    ("北辰公司创始人王海涛（前星河科技研究员）说。",
     F({("王海涛", "affiliatedWith", "北辰公司"), ("王海涛", "founded", "北辰公司"),
        ("王海涛", "affiliatedWith", "星河科技")})),
    # a bracket that is no role
    ("首席科学家陈立群（星河科技提供图片）表示，很好。", F()),
]


@pytest.mark.parametrize("text, expected", NOTES)
def test_bracketed_notes(extractor, text, expected):
    assert facts(extractor, text) == expected


NAMED = "陈立群表示，很好。王海涛表示，很好。"      # makes both persons of the document

FOUNDERS = [
    (NAMED + "北辰公司两位联合创始人调整分工，陈立群任董事长，王海涛任 CEO。",
     F({("陈立群", "founded", "北辰公司"), ("王海涛", "founded", "北辰公司")})),
    # one person named: the count is not met
    (NAMED + "北辰公司两位联合创始人调整分工，陈立群任董事长。", F()),
    # no count: a title the person after takes (the org-title frame), not this frame
    ("星河科技首席执行官陈立群和王海涛表示，很好。", F({("陈立群", "affiliatedWith", "星河科技")})),
    # 共同创办人 is a title, not the verb 共同创办
    ("Kiran Vale 是 Zephyrine 投资公司的共同创办人、前北辰公司 AI 总监。",
     F({("Kiran Vale", "affiliatedWith", "Zephyrine"), ("Kiran Vale", "founded", "Zephyrine"),
        ("Kiran Vale", "affiliatedWith", "北辰公司")})),
]


@pytest.mark.parametrize("text, expected", FOUNDERS)
def test_founders_counted_and_named(extractor, text, expected):
    assert facts(extractor, text) == expected


FOUNDING_SVO = [
    ("陈立群表示，很好。陈立群创办了北极光公司。", F({("陈立群", "founded", "北极光公司")})),
    # a description before the name: the name
    ("陈立群表示，很好。陈立群创办的国防科技公司 Orbital Forge 估值很高。", F({("陈立群", "founded", "Orbital Forge")})),
    # 由…创办的X: the founder is the agent after 由, not the person before
    (INTRO + "陈立群所主导的北辰基金，投资了由星河科技首席工程师创办的北极光公司。",
     F({("陈立群", "affiliatedWith", "北辰公司")})),
    # an organisation a longer name starts: not that organisation
    ("陈立群表示，很好。陈立群创建了北辰公司 AI Lab。", F()),
    ("陈立群表示，很好。陈立群创建了 Zeta Labs 人工智能情感计算框架。", F()),
]


@pytest.mark.parametrize("text, expected", FOUNDING_SVO)
def test_founding_subject_verb_object(extractor, text, expected):
    assert facts(extractor, text) == expected


FOUNDING_CLAUSE = [
    ("公开资料显示，创立北极光公司之前，陈立群在星河科技CEO王海涛手下工作。",
     F({("王海涛", "affiliatedWith", "星河科技")})),
    (NAMED + "公开资料显示，创立北极光公司之前，陈立群先后在北辰公司负责搜索。",
     F({("陈立群", "founded", "北极光公司"), ("陈立群", "affiliatedWith", "北辰公司")})),
    # the founding is no time clause: nothing from this frame
    ("陈立群表示，他们创立北极光公司，很好。", F()),
]


@pytest.mark.parametrize("text, expected", FOUNDING_CLAUSE)
def test_founding_as_a_time_clause(extractor, text, expected):
    assert facts(extractor, text) == expected


VENTURES = [
    ("星河科技CTO王海涛表示，很好。北极光公司是王海涛的第三次创业。",
     F({("王海涛", "affiliatedWith", "星河科技"), ("王海涛", "founded", "北极光公司")})),
    ("北辰公司CEO王海涛表示，北辰公司是王海涛的创业项目。",
     F({("王海涛", "affiliatedWith", "北辰公司"), ("王海涛", "founded", "北辰公司")})),
    # not a venture of the person
    ("星河科技CTO王海涛表示，很好。北极光公司是王海涛的客户。", F({("王海涛", "affiliatedWith", "星河科技")})),
    ("星河科技CTO王海涛表示，很好。北极光公司不是王海涛的第三次创业。",
     F({("王海涛", "affiliatedWith", "星河科技")})),
]


@pytest.mark.parametrize("text, expected", VENTURES)
def test_ventures(extractor, text, expected):
    assert facts(extractor, text) == expected


LINES = [
    ("王海涛表示，嘉宾很多。陈立群表示，很好。\n王海涛 北极光公司创始人、CEO\n陈立群 北辰公司总裁\n",
     F({("王海涛", "founded", "北极光公司"), ("王海涛", "affiliatedWith", "北极光公司"),
        ("陈立群", "affiliatedWith", "北辰公司")})),
    # a line with more than the name, the organisation and titles: nothing from this frame
    ("王海涛表示，嘉宾很多。\n王海涛 北极光公司创始人的朋友来了\n", F()),
]


@pytest.mark.parametrize("text, expected", LINES)
def test_guest_list_lines(extractor, text, expected):
    assert facts(extractor, text) == expected


WORKS = [
    # each employer of a list
    (INTRO + "陈立群先后在星河科技、北极光公司等互联网公司负责搜索算法。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "affiliatedWith", "星河科技"),
        ("陈立群", "affiliatedWith", "北极光公司")})),
    # 在X做…TITLE
    (INTRO + "陈立群在北极光公司做系统架构师。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "affiliatedWith", "北极光公司")})),
    # 在X做 something that is no role: nothing
    (INTRO + "陈立群在北极光公司做的事情很多。", F({("陈立群", "affiliatedWith", "北辰公司")})),
    # 甲加入A、乙加入B: each joined their own
    ("北辰公司CEO陈立群和星河科技CTO王海涛见面。陈立群加入星海公司，王海涛加入北极光公司。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("王海涛", "affiliatedWith", "星河科技"),
        ("陈立群", "affiliatedWith", "星海公司"), ("王海涛", "affiliatedWith", "北极光公司")})),
]


@pytest.mark.parametrize("text, expected", WORKS)
def test_works_at(extractor, text, expected):
    assert facts(extractor, text) == expected


APPOSITION = [
    # ORG PLACE TITLE P: the organisation's office in that country
    ("北辰公司德国 CTO Mira Jansen 放出了风声。", F({("Mira Jansen", "affiliatedWith", "北辰公司")})),
    # a former role is still the person's
    ("由前北辰公司 AI 领导人 Mira Jansen 带队负责。", F({("Mira Jansen", "affiliatedWith", "北辰公司")})),
    # an unknown Latin name before a corporate title a person follows
    ("Quillstone 创办人 Mira Jansen 说，产品很好。",
     F({("Mira Jansen", "affiliatedWith", "Quillstone"), ("Mira Jansen", "founded", "Quillstone")})),
    # a shared organisation over chained titles …
    ("星河科技创始人陈立群、联合创始人兼CTO王海涛表示，很好。",
     F({("陈立群", "affiliatedWith", "星河科技"), ("陈立群", "founded", "星河科技"),
        ("王海涛", "affiliatedWith", "星河科技"), ("王海涛", "founded", "星河科技")})),
    # … but not when the second title has an organisation of its own, even an unknown one
    ("星河科技董事长陈立群、晨曦书屋创始人王海涛表示，很好。",
     F({("陈立群", "affiliatedWith", "星河科技")})),
    # a found name after a closing bracket may be the tail of a longer name: nothing
    ("陈立群表示，很好。陈立群成立了星辰（杭州）数字科技有限公司。", F()),
    # … a name found by its suffix after a preposition is whole
    ("据北辰公司创始人陈立群透露，营收增长一倍。",
     F({("陈立群", "affiliatedWith", "北辰公司"), ("陈立群", "founded", "北辰公司")})),
    # another organisation's CEO met: no apposition
    ("北辰公司与CEO王海涛会面。", F()),
    # … but the organisation's own team after 与 is its own
    ("北辰公司与CEO王海涛、CTO陈立群形成了核心班底。",
     F({("王海涛", "affiliatedWith", "北辰公司"), ("陈立群", "affiliatedWith", "北辰公司")})),
    # a student of a university suing someone: nothing for the university
    ("就读北辰大学的学生起诉星河科技。", F()),
]


@pytest.mark.parametrize("text, expected", APPOSITION)
def test_apposition(extractor, text, expected):
    assert facts(extractor, text) == expected
