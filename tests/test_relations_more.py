"""More relation mechanisms, one table each: the sentence and the exact set
of (subject, predicate, object) mention texts it must yield, with cases
that must yield nothing (hedges, negation, plural or missing references).

Every sentence here was written for these tests; the companies, people
and models in them are invented."""

from __future__ import annotations

import pytest

from kg.text.document import Document
from kg.run.extract import Extractor


def facts(extractor: Extractor, text: str, *predicates: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts
            if not predicates or f.predicate in predicates}


F = set  # readability: F(...) is an expected fact set


# 他/她 before a speech verb: the person named just before
PRONOUN_SPEAKER = [
    ("星海智能首席科学家陈立群院士受邀座谈。但他也指出一个根本问题：Zeta-7B仍然会一本正经地胡说八道。",
     F({("陈立群", "criticized", "Zeta-7B")})),
    ("首席科学家陈立群对此评价很高。他认为，Zeta-7B令人印象深刻。",
     F({("陈立群", "praised", "Zeta-7B")})),
    # plural, negated or hedged: nothing
    ("首席科学家陈立群对此评价很高。他们认为，Zeta-7B令人印象深刻。", F()),
    ("首席科学家陈立群对此评价很高。他并不认为Zeta-7B令人印象深刻。", F()),
    ("首席科学家陈立群对此评价很高。他认为，Zeta-7B不会构成威胁。", F()),
    # no person before: nothing
    ("Zeta-7B上线了。他认为，Zeta-7B令人印象深刻。", F()),
]


@pytest.mark.parametrize("text, expected", PRONOUN_SPEAKER)
def test_pronoun_speaker(extractor, text, expected):
    assert facts(extractor, text, "praised", "criticized") == expected


# X由[description TITLE] P[院士]创立; 这个实验室由…: the nearest name ending in the noun
FOUNDED_BY = [
    ("星河智算公司由李明教授创办。", F({("李明", "founded", "星河智算公司")})),
    ("星河智算公司由前谷歌工程师李明于2019年创办。", F({("李明", "founded", "星河智算公司")})),
    ("北辰大学有一个上海人工智能实验室。这个实验室由人工智能奠基人陈立群院士创立。",
     F({("陈立群", "founded", "上海人工智能实验室")})),
    # planned, denied, only a manager, or a clause about the founding: nothing
    ("星河智算公司计划由李明教授创办。", F()),
    ("星河智算公司由李明教授创办的说法并不属实。", F()),
    ("星河智算公司由李明教授负责运营。", F()),
    ("星河智算公司并非由李明教授创办。", F()),
]


@pytest.mark.parametrize("text, expected", FOUNDED_BY)
def test_founded_by(extractor, text, expected):
    assert facts(extractor, text, "founded") == expected


def mentions(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(m.text, m.cls) for m in ex.mentions}


# names: a person before a title that follows names (院士, 教授); a particle
# glued to a name by the segmenter; an organisation named by its initials
NAMES = [
    ("这一观点得到了陈立群院士的支持。", ("陈立群", "Person"), True),
    ("会上，李明教授发表了演讲。", ("李明", "Person"), True),
    ("前谷歌工程师李明于2019年离职。", ("李明", "Person"), True),
    ("前谷歌工程师李明于2019年离职。", ("李明于", "Person"), False),
    ("他曾在星海大学的知识工程实验室（KEG）工作。", ("知识工程实验室", "Organization"), True),
    ("他曾在星海大学的知识工程实验室工作。", ("知识工程实验室", "Organization"), False),
]


@pytest.mark.parametrize("text, mention, present", NAMES)
def test_names(extractor, text, mention, present):
    assert (mention in mentions(extractor, text)) is present


# comparisons: more verdict words, the topic of a sentence standing behind
# 其/这是 in a later clause, an earlier clause's object is not the subject
COMPARED_MORE = [
    ("Zeta-7B的性能与Orion-5互有胜负。", F({("Zeta-7B", "comparedTo", "Orion-5")})),
    ("Zeta-7B与Orion-5难分高下。", F({("Zeta-7B", "comparedTo", "Orion-5")})),
    ("星海公司将Zeta-7B开源。评估报告显示，这是唯一进入评测的国产模型，性能与Orion-5互有胜负。",
     F({("Zeta-7B", "comparedTo", "Orion-5")})),
    ("Zeta-7B在测试中斩获第一。在另一个榜单上，其准确率达到96.11%，几乎与Orion-5（96.29%）不分伯仲。",
     F({("Zeta-7B", "comparedTo", "Orion-5")})),
    ("Zeta-7B在测试中斩获第一，甚至超过了Nova-3，表现仅次于Orion-5。",
     F({("Zeta-7B", "outperforms", "Nova-3"), ("Orion-5", "outperforms", "Zeta-7B")})),
    # no model before: nothing
    ("评估报告显示，这是唯一进入评测的国产模型，性能与Orion-5互有胜负。", F()),
]


@pytest.mark.parametrize("text, expected", COMPARED_MORE)
def test_compared_more(extractor, text, expected):
    assert facts(extractor, text, "comparedTo", "outperforms") == expected


# 这两款模型 / 这三家公司: the last names before, as many as the numeral says
NUMBERED_REFERENCE = [
    ("星海公司发布了Zeta-7B，北辰公司也推出了Nova-3新模型，这两款推理模型均全面对标Orion-5。",
     F({("Zeta-7B", "comparedTo", "Orion-5"), ("Nova-3", "comparedTo", "Orion-5")})),
    ("星海公司发布了Zeta-7B。北辰公司也推出了Nova-3，这两款模型，均对标Orion-5。",
     F({("Zeta-7B", "comparedTo", "Orion-5"), ("Nova-3", "comparedTo", "Orion-5")})),
    # only one model named before, or a 前者 that picks one: nothing from the numeral
    ("星海公司发布了Zeta-7B，这两款模型均对标Orion-5。", F()),
    ("星海公司发布了Zeta-7B，北辰公司也推出了Nova-3，这两款模型，前者对标Orion-5。", F()),
]


@pytest.mark.parametrize("text, expected", NUMBERED_REFERENCE)
def test_numbered_reference(extractor, text, expected):
    assert facts(extractor, text, "comparedTo") == expected


# A携手/联手/联合B …: the partners share the subject's role
PARTNERS = [
    ("星海公司携手小米、OPPO推出了Zeta-7B。", F({
        ("星海公司", "released", "Zeta-7B"), ("小米", "released", "Zeta-7B"), ("OPPO", "released", "Zeta-7B")})),
    ("星海公司联合小米发布了Zeta-7B。", F({("星海公司", "released", "Zeta-7B"), ("小米", "released", "Zeta-7B")})),
    ("星海公司计划携手小米发布Zeta-7B。", F()),
    ("星海公司携手小米计划发布Zeta-7B。", F()),
    ("星海公司携手小米并未发布Zeta-7B。", F()),
]


@pytest.mark.parametrize("text, expected", PARTNERS)
def test_partners(extractor, text, expected):
    assert facts(extractor, text, "released") == expected


# X落地/应用于/部署到 Y: Y integrated X
APPLIED_TO = [
    ("星海公司发布了Zeta-7B。其技术已落地OPPO、荣耀等旗舰机型。",
     F({("OPPO", "integrated", "Zeta-7B"), ("荣耀", "integrated", "Zeta-7B")})),
    ("Zeta-7B已应用于小米和OPPO的手机。", F({("小米", "integrated", "Zeta-7B"), ("OPPO", "integrated", "Zeta-7B")})),
    ("Zeta-7B尚未落地小米手机。", F()),
    ("Zeta-7B有望落地小米手机。", F()),
    ("Zeta-7B计划在年底部署到小米的云平台。", F()),
    ("Zeta-7B落地的场景很多。", F()),
]


@pytest.mark.parametrize("text, expected", APPLIED_TO)
def test_applied_to(extractor, text, expected):
    assert facts(extractor, text, "integrated") == expected


# a corporate title with no organisation before it: the one organisation
# the sentence names before the title
BARE_TITLE = [
    ("王海峰正式加入星海公司担任董事长，与CEO陈立群、首席科学家李明形成了核心班底。", F({
        ("王海峰", "affiliatedWith", "星海公司"), ("陈立群", "affiliatedWith", "星海公司"),
        ("李明", "affiliatedWith", "星海公司")})),
    # two organisations: which one is unclear; a name owns the title right before it
    ("星海公司和北辰公司都很强，CEO陈立群表示。", F()),
    ("就在星海公司宣布收购的前一天，Zeta助手创始人陈立群接受了采访。", F()),
    ("CEO陈立群表示，星海公司的模型很强。", F()),
]


@pytest.mark.parametrize("text, expected", BARE_TITLE)
def test_bare_title(extractor, text, expected):
    assert facts(extractor, text, "affiliatedWith") == expected


# ORG TITLE PERSON: a hedge or a preposition between the organisation and
# the title leaves them apart; a person belongs to a country only through
# a political office, never through a field or a profession
ORG_TITLE_PERSON = [
    ("星海公司CEO陈立群表示欢迎。", F({("陈立群", "affiliatedWith", "星海公司")})),
    ("北辰大学法律和AI系监管教授陈立群表示欢迎。", F({("陈立群", "affiliatedWith", "北辰大学")})),
    ("星海公司可能会与CEO陈立群续约。", F()),
    ("星海公司或将聘请前CEO陈立群。", F()),
    ("星海公司起诉前CEO陈立群。", F()),
    ("中国人工智能奠基人陈立群院士出席了会议。", F()),
    ("瑞典经济学家陈立群指出，欧盟监管过严。", F()),
    ("瑞典首相陈立群出席了会议。", F({("陈立群", "affiliatedWith", "瑞典")})),
]


@pytest.mark.parametrize("text, expected", ORG_TITLE_PERSON)
def test_org_title_person_limits(extractor, text, expected):
    assert facts(extractor, text, "affiliatedWith") == expected


# a listed product the text names as a company (a company noun right before
# it, a founder title right after it) is the company in that mention; an
# acquisition reaches the name after a description of it (收购新加坡AI新创X)
PRODUCT_AS_COMPANY = [
    ("北辰公司宣布以20亿美元收购新加坡AI新创Genspark。", F({
        ("Genspark", "subsidiaryOf", "北辰公司"), ("Genspark", "locatedIn", "新加坡")})),
    ("Genspark创办人陈立群接受了采访。", F({
        ("陈立群", "founded", "Genspark"), ("陈立群", "affiliatedWith", "Genspark")})),
    # hedged: nothing but the description's place
    ("北辰公司拟收购新加坡AI新创Genspark。", F({("Genspark", "locatedIn", "新加坡")})),
    # no company noun, no founder title: the product stays a product
    ("北辰公司收购了Genspark的用户数据。", F()),
    ("陈立群使用Genspark写报告。", F()),
    # another organisation inside the description: not the thing bought
    ("北辰公司收购星海公司旗下的初创公司Genspark。", F({
        ("星海公司", "subsidiaryOf", "北辰公司"), ("Genspark", "subsidiaryOf", "星海公司")})),
]


@pytest.mark.parametrize("text, expected", PRODUCT_AS_COMPANY)
def test_product_as_company(extractor, text, expected):
    assert facts(extractor, text, "subsidiaryOf", "locatedIn", "founded", "affiliatedWith") == expected


def test_product_named_as_company_passes_the_graph_check():
    """The node keeps the product class; the fact of that mention still fits."""
    from kg.model import Mention
    from kg.ontology.schema import load_schema
    schema = load_schema()
    person = Mention(0, 3, "陈立群", "Person", "", "names/title", 0.8)
    named = Mention(4, 12, "Genspark", "Company", "genspark", "gazetteer", 0.95, as_company=True)
    plain = Mention(4, 12, "Genspark", "Product", "genspark", "gazetteer", 0.95)
    assert schema.accepts_mentions("founded", person, named, "Person", "Product")
    assert not schema.accepts_mentions("founded", person, plain, "Person", "Product")


# “…，”X说: the quotation closing just before the speaker (a title between
# them allowed); the segmenter gluing the name to the speech verb (李|明说)
QUOTE_BEFORE_SPEAKER = [
    ("“Zeta-7B非常出色，也很便宜，”星海智能首席科学家陈立群评价。",
     F({("陈立群", "praised", "Zeta-7B")})),
    ("「Zeta-7B非常聰明，研究積累非常深，」陳立群評價。", F({("陈立群", "praised", "Zeta-7B")})),
    ("“Zeta-7B非常出色，”李明说。", F({("李明", "praised", "Zeta-7B")})),
    ("陈立群称，Zeta-7B抄袭了北辰公司的代码。", F({("陈立群", "criticized", "Zeta-7B")})),
    # negated, hedged, asked, or no single speaker: nothing
    ("“Zeta-7B不算出色，”陈立群说。", F()),
    ("“Zeta-7B可能很出色，”陈立群说。", F()),
    ("“Zeta-7B會威脅行業嗎？”陳立群說。", F()),
    ("陈立群表示，Zeta-7B真的抄袭了吗？", F()),
    ("大家都说，Zeta-7B非常出色。", F()),
    ("“Zeta-7B非常出色，”他们说。", F()),
    ("“Zeta-7B非常出色。”这一点，陈立群在发布会上并没有提到，他说的是价格。", F()),
]


@pytest.mark.parametrize("text, expected", QUOTE_BEFORE_SPEAKER)
def test_quote_before_speaker(extractor, text, expected):
    assert facts(extractor, text, "praised", "criticized") == expected


# broad verdict cues (kg/data/cues.tsv): predicative uses fire, hedged,
# negated or asked ones do not
VERDICT_CUES = [
    ("陈立群表示，Zeta-7B在推理能力上遥遥领先。", F({("陈立群", "praised", "Zeta-7B")})),
    ("“Zeta-7B的表现令人失望，”陈立群说。", F({("陈立群", "criticized", "Zeta-7B")})),
    ("陈立群认为，Zeta-7B的宣传言过其实。", F({("陈立群", "criticized", "Zeta-7B")})),
    ("陈立群认为，Zeta-7B并不是遥遥领先。", F()),
    ("陈立群表示，Zeta-7B是否言过其实还有待观察。", F()),
    ("陈立群表示，北辰公司希望Zeta-7B能够遥遥领先。", F()),
    ("陈立群表示，Zeta-7B未来有望做到遥遥领先。", F()),
]


@pytest.mark.parametrize("text, expected", VERDICT_CUES)
def test_verdict_cues(extractor, text, expected):
    assert facts(extractor, text, "praised", "criticized") == expected


# SPEAKER 对 X (的) 评价很高 / 赞不绝口 / 颇有微词
DUI_VERDICT = [
    ("首席科学家陈立群对Zeta-7B评价很高。", F({("陈立群", "praised", "Zeta-7B")})),
    ("首席科学家陈立群对Zeta-7B的评价非常高。", F({("陈立群", "praised", "Zeta-7B")})),
    ("首席科學家陳立群對Zeta-7B讚不絕口。", F({("陈立群", "praised", "Zeta-7B")})),
    ("首席科学家陈立群一直对Zeta-7B给予高度评价。", F({("陈立群", "praised", "Zeta-7B")})),
    ("北辰公司对Zeta-7B颇有微词。", F({("北辰公司", "criticized", "Zeta-7B")})),
    # negated, hedged, someone else's view, or X only part of the object: nothing
    ("首席科学家陈立群并未对Zeta-7B评价很高。", F()),
    ("首席科学家陈立群对Zeta-7B的评价并不高。", F()),
    ("首席科学家陈立群可能会对Zeta-7B赞不绝口。", F()),
    ("首席科学家陈立群认为用户对Zeta-7B评价很高。", F()),
    ("首席科学家陈立群对Zeta-7B和北辰公司的合作评价很高。", F()),
    ("外界对Zeta-7B评价很高。", F()),
]


@pytest.mark.parametrize("text, expected", DUI_VERDICT)
def test_dui_verdict(extractor, text, expected):
    assert facts(extractor, text, "praised", "criticized") == expected


# a reference word as the judged thing: a typed one (这款模型) finds its
# class; 它 only when the sentences before name one thing; 值得肯定 and the
# adverb 肯定 are no active praise
JUDGED_REFERENCE = [
    ("北辰公司发布了Zeta-7B。首席科学家陈立群认为，这款模型令人印象深刻。",
     F({("陈立群", "praised", "Zeta-7B")})),
    ("Zeta-7B上周上线。首席科学家陈立群认为，它对行业发展的促进价值是值得肯定的。",
     F({("陈立群", "praised", "Zeta-7B")})),
    ("北辰公司发布了Zeta-7B。首席科学家陈立群认为，它对行业发展的促进价值是值得肯定的。", F()),
    ("北辰公司肯定是走在前面的。", F()),
    ("首席科学家陈立群肯定了Zeta-7B的表现。", F({("陈立群", "praised", "Zeta-7B")})),
]


@pytest.mark.parametrize("text, expected", JUDGED_REFERENCE)
def test_judged_reference(extractor, text, expected):
    assert facts(extractor, text, "praised", "criticized") == expected


# a verdict X suffered (被抄袭, 遭到了抄袭, 会被滥用) is no criticism of X;
# X's own worry (北辰公司担忧…) is no criticism of X; 被夸大了 still is one
SUFFERED_VERDICT = [
    ("首席科学家陈立群表示，Zeta-7B遭到了抄袭。", F()),
    ("“我们担心Zeta-7B会被滥用，”首席科学家陈立群说。", F()),
    ("首席科学家陈立群表示，北辰公司担忧Zeta-7B的安全。", F()),
    ("首席科学家陈立群表示，Zeta-7B令人印象深刻，但被夸大了。",
     F({("陈立群", "praised", "Zeta-7B"), ("陈立群", "criticized", "Zeta-7B")})),
]


@pytest.mark.parametrize("text, expected", SUFFERED_VERDICT)
def test_suffered_verdict(extractor, text, expected):
    assert facts(extractor, text, "praised", "criticized") == expected


# someone else's view inside the speech (有人指责…) and a verdict about a
# claim (但这是错误的) judge nothing named; an earlier clause may still name it
OTHERS_VIEW = [
    ("首席科学家陈立群表示，有人指责Zeta-7B抄袭，但这是错误的。", F()),
    ("首席科学家陈立群表示，外界质疑Zeta-7B抄袭。", F()),
    ("首席科学家陈立群表示，Zeta-7B很便宜，也非常出色。", F({("陈立群", "praised", "Zeta-7B")})),
]


@pytest.mark.parametrize("text, expected", OTHERS_VIEW)
def test_others_view(extractor, text, expected):
    assert facts(extractor, text, "praised", "criticized") == expected
