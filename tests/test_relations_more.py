"""More relation mechanisms, one table each: the sentence and the exact set
of (subject, predicate, object) mention texts it must yield, with cases
that must yield nothing (hedges, negation, plural or missing references).

Every sentence here was written for these tests; the companies, people
and models in them are invented."""

from __future__ import annotations

import hashlib

import pytest

from kg.corpus import Document, title_of
from kg.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def facts(extractor: Extractor, text: str, *predicates: str) -> set[tuple[str, str, str]]:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    ex = extractor.extract(Document(sha[:16], sha, title_of(text), text, ("news.txt",)))
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
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    ex = extractor.extract(Document(sha[:16], sha, title_of(text), text, ("news.txt",)))
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
