"""Judgements and comparisons news states without a judgement verb: a
speaker's quotation of several sentences before 某人说：“…”, the head-less
paragraphs of an interview answer, SPEAKER 将X定性为威胁 / 视为礼物,
A领先B, A的对比对象包括B、C, and a model called the best of a benchmark
followed by a sentence of the others' scores. One table per construction,
each with sentences where it must not fire. Every name is invented."""

from __future__ import annotations

import pytest

from kg.run.extract import Extractor
from kg.text.document import Document

F = set
JUDGE = ("praised", "criticized")
COMPARE = ("comparedTo", "outperforms")


def facts(extractor: Extractor, text: str, predicates) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts if f.predicate in predicates}


QUOTE_BEFORE = [
    # the quotation runs over sentences and closes before 某人说：“…”
    ("“星河科技的Zeta-7B非常出色。我们会继续观察。”陈立群说：“北辰公司还需要时间。”",
     F({("陈立群", "praised", "Zeta-7B")})),
    ("“Zeta-7B肯定是走在前面的，我们一定会借鉴。但是两者不会越来越像。”陈立群说：“路线不同。”",
     F({("陈立群", "praised", "Zeta-7B")})),
    ("“我们会继续观察。”陈立群说：“Zeta-7B非常出色。”", F({("陈立群", "praised", "Zeta-7B")})),
    # the quotation is no one's when a report, not a person, follows it
    ("“Zeta-7B非常出色。我们会继续观察。”据北辰公司的报道，市场很好。", F()),
    # 这么多年 is no question
    ("陈立群表示，Zeta-7B非常出色，这么多年没见过。", F({("陈立群", "praised", "Zeta-7B")})),
    ("陈立群表示，Zeta-7B很强大么？", F()),
]


@pytest.mark.parametrize("text,expected", QUOTE_BEFORE)
def test_quote_before_speaker(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


INTRO = "张伟表示欢迎。陈立群表示感谢。\n\n张伟：您怎么看这件事？\n\n"
ANSWER = "陈立群：这件事情我们讨论了很久，团队在发布之前两个月里工作压力是蛮大的，大家日夜奋战，最后总算交付了。\n\n"

TURN_CONTINUED = [
    # a head-less paragraph of the answer, then the next turn
    (INTRO + ANSWER + "其实北辰公司的技术我觉得基础是非常好的，这么多年花的钱不少。\n\n张伟：为什么？",
     F({("陈立群", "praised", "北辰公司")})),
    (INTRO + ANSWER + "团队加班很多。\n\n那个时候我对Zeta-7B达到的水准还是比较满意的。\n\n张伟：为什么？",
     F({("陈立群", "praised", "Zeta-7B")})),
    # no turn after it: the interview may be over, the paragraph narration
    (INTRO + ANSWER + "其实北辰公司的技术我觉得基础是非常好的。", F()),
    # no first person: narration
    (INTRO + ANSWER + "北辰公司的技术基础是非常好的。\n\n张伟：为什么？", F()),
    # the head is a headline, not an answer
    ("张伟表示欢迎。陈立群表示感谢。\n\n陈立群：北辰公司很好\n\n其实北辰公司的技术我觉得基础是非常好的。\n\n张伟：为什么？", F()),
    # a heading between the answer and the paragraph ends the answer
    (INTRO + ANSWER + "行业的未来\n\n其实北辰公司的技术我觉得基础是非常好的。\n\n张伟：为什么？", F()),
    # the sentence tells someone else's view (某社区禁止…，因为…)
    (INTRO + ANSWER + "我记得南岭集团明确禁止使用Zeta-7B，因为Zeta-7B错误率太高了。\n\n张伟：为什么？", F()),
]


@pytest.mark.parametrize("text,expected", TURN_CONTINUED)
def test_interview_answer_continues(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


DEEM = [
    ("美国商务部将北辰公司定性为威胁。", F({("美国商务部", "criticized", "北辰公司")})),
    ("美国商务部把北辰公司的Zeta-7B视为国家安全威胁。", F({("美国商务部", "criticized", "Zeta-7B")})),
    ("英伟达将Zeta-7B称为送给行业的礼物。", F({("英伟达", "praised", "Zeta-7B")})),
    ("陈立群警告称，Zeta-7B存在严重的安全风险。", F({("陈立群", "criticized", "Zeta-7B")})),
    # negated, planned, no verdict word, or the verdict word in another clause
    ("美国商务部并未将北辰公司视为威胁。", F()),
    ("美国商务部计划将北辰公司定性为威胁。", F()),
    ("美国商务部将北辰公司列为重点合作伙伴。", F()),
    ("美国商务部将北辰公司列为重点合作伙伴，以应对威胁。", F()),
    ("北辰公司把质疑视为优势。", F()),
]


@pytest.mark.parametrize("text,expected", DEEM)
def test_deemed_a_threat_or_a_gift(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


BENCHMARK = [
    ("Claude-3.5-Sonnet在多项基准上领先GPT-4o。", F({("Claude-3.5-Sonnet", "outperforms", "GPT-4o")})),
    ("Claude-3.5-Sonnet在多项基准上全面领先 GPT-4o。", F({("Claude-3.5-Sonnet", "outperforms", "GPT-4o")})),
    ("Claude-3.5-Sonnet的对比对象包括GPT-4o、Llama-3.1-405B。",
     F({("Claude-3.5-Sonnet", "comparedTo", "GPT-4o"), ("Claude-3.5-Sonnet", "comparedTo", "Llama-3.1-405B")})),
    # 领先 as a noun or an adjective compares nothing
    ("Claude-3.5-Sonnet的领先优势来自GPT-4o。", F()),
    ("Claude-3.5-Sonnet领先的GPT-4o团队。", F()),
    # the best of a benchmark, then a sentence of the others' scores
    ("在编程评测中，Claude-3.5-Sonnet拿了65.4%，是所有模型里最高的。\nGPT-4o是64.7%，Llama-3.1-405B是56.2%。",
     F({("Claude-3.5-Sonnet", "outperforms", "GPT-4o"), ("Claude-3.5-Sonnet", "outperforms", "Llama-3.1-405B")})),
    ("Claude-3.5-Sonnet拿了84.0%，远超其他模型。\n第二名GPT-4o是77.9%，差了6个多点。",
     F({("Claude-3.5-Sonnet", "outperforms", "GPT-4o")})),
    # not called the best, a higher score after it, or a cost
    ("Claude-3.5-Sonnet拿了65.4%。\nGPT-4o是64.7%，Llama-3.1-405B是56.2%。", F()),
    ("Claude-3.5-Sonnet拿了65.4%，是所有模型里最高的。\nGPT-4o是74.7%。", F()),
    ("Claude-3.5-Sonnet拿了65.4%，是所有模型里最高的。\nGPT-4o的成本是64.7%。", F()),
]


@pytest.mark.parametrize("text,expected", BENCHMARK)
def test_benchmark_prose(extractor, text, expected):
    assert facts(extractor, text, COMPARE) == expected


REFERENCE_AND_SCOPE = [
    # 他 before the speech verb: the one person of the paragraph, or of the one before
    ("陈立群表示感谢。第三层则比较大度。他承认北辰公司的广告拍得确实好，很有笑点。",
     F({("陈立群", "praised", "北辰公司")})),
    ("陈立群表示感谢。\n\n第三层则比较大度。市场很大。他承认北辰公司的广告拍得确实好，很有笑点。",
     F({("陈立群", "praised", "北辰公司")})),
    # two people before: 他 is no one in particular
    ("陈立群表示感谢。张伟表示欢迎。\n\n第三层则比较大度。市场很大。他承认北辰公司的广告拍得确实好，很有笑点。", F()),
    # the name inside a modifier of what is judged (嘲讽X个性的那一段)
    ("陈立群表示感谢。他甚至说，广告里嘲讽Zeta-7B个性的那一段“很到位”。", F()),
    # complaint and mockery verbs; the noun after 的 is none
    ("星河科技CEO陈立群在社交媒体上吐槽Zeta-7B。", F({("陈立群", "criticized", "Zeta-7B")})),
    ("北辰公司遭到用户的吐槽。", F()),
]


@pytest.mark.parametrize("text,expected", REFERENCE_AND_SCOPE)
def test_reference_and_scope(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


THAN_IT = [
    ("當 Claude-3.5-Sonnet 剛推出時，它比 GPT-4o 強太多，讓人驚艷。",
     F({("Claude-3.5-Sonnet", "outperforms", "GPT-4o")})),
    ("當 Claude-3.5-Sonnet 剛推出時，它比 GPT-4o 的價格高太多。", F()),
    ("當 Claude-3.5-Sonnet 剛推出時，用户比 GPT-4o 的用户多。", F()),
]


@pytest.mark.parametrize("text,expected", THAN_IT)
def test_than_after_a_reference(extractor, text, expected):
    assert facts(extractor, text, COMPARE) == expected


VIEW_AND_POLARITY = [
    # 在X看来 / X觉得 / X形容: X the speaker
    ("陈立群表示感谢。在陈立群看来，Zeta-7B是一个里程碑。", F({("陈立群", "praised", "Zeta-7B")})),
    ("陈立群表示感谢。陈立群觉得Zeta-7B很厉害。", F({("陈立群", "praised", "Zeta-7B")})),
    ("陈立群表示感谢。陈立群形容Zeta-7B是行业的礼物。", F({("陈立群", "praised", "Zeta-7B")})),
    ("陈立群表示感谢。在用户眼中，Zeta-7B很厉害。", F()),
    ("陈立群表示感谢。在北辰公司看来，这是一个里程碑。", F()),
    # a verdict after one of the other polarity is no verdict of its own
    ("陈立群表示感谢。但他同时也指出北辰公司的结构性劣势——它有史上最伟大的商业模式。",
     F({("陈立群", "criticized", "北辰公司")})),
    ("陈立群表示感谢。陈立群表示，Zeta-7B令人印象深刻，但被夸大了。",
     F({("陈立群", "praised", "Zeta-7B"), ("陈立群", "criticized", "Zeta-7B")})),
    ("陈立群表示感谢。陈立群表示，Zeta-7B存在缺陷，这款模型非常出色。", F({("陈立群", "criticized", "Zeta-7B")})),
    ("星河科技创始人陈立群认为，Zeta-7B 是人工智能领域的 iPhone 时刻。", F({("陈立群", "praised", "Zeta-7B")})),
]


@pytest.mark.parametrize("text,expected", VIEW_AND_POLARITY)
def test_view_and_polarity(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


NEIGHBOUR_AND_OBJECT = [
    # another name between the candidate and the verdict is what the verdict is about
    ("张伟表示欢迎。「北辰公司在星河科技虚弱、中国强大的时候发动价格战，这特别具有破坏性，」张伟说。", F()),
    ("张伟表示欢迎。「北辰公司在市场虚弱的时候很强大，」张伟说。", F({("张伟", "praised", "北辰公司")})),
    # a fault caught or fixed is no verdict on the catcher
    ("陈立群表示感谢。陈立群说，Zeta-7B 的 code review 功能已经抓到了不少错误。", F()),
    ("陈立群表示感谢。陈立群说，Zeta-7B 存在不少错误。", F({("陈立群", "criticized", "Zeta-7B")})),
]


@pytest.mark.parametrize("text,expected", NEIGHBOUR_AND_OBJECT)
def test_neighbour_and_object(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


BEHIND = [
    ("Llama-3.1-405B在数学测试上落后GPT-4o约3分。", F({("GPT-4o", "outperforms", "Llama-3.1-405B")})),
    ("Llama-3.1-405B不敌GPT-4o。", F({("GPT-4o", "outperforms", "Llama-3.1-405B")})),
    ("Llama-3.1-405B略逊于GPT-4o。", F({("GPT-4o", "outperforms", "Llama-3.1-405B")})),
    ("Llama-3.1-405B并不落后GPT-4o。", F()),
    ("落后的Llama-3.1-405B和GPT-4o。", F()),
]


@pytest.mark.parametrize("text,expected", BEHIND)
def test_behind(extractor, text, expected):
    assert facts(extractor, text, COMPARE) == expected


NOBODY_BETTER = [
    ("星河科技CEO陈立群公开说过，没有人建数据中心比北辰公司更快。", F({("陈立群", "praised", "北辰公司")})),
    ("星河科技CEO陈立群表示，没有人比北辰公司的员工更努力。", F()),
    ("星河科技CEO陈立群表示，北辰公司比南岭集团更快。", F()),
]


@pytest.mark.parametrize("text,expected", NOBODY_BETTER)
def test_nobody_better(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected
