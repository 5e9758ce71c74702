"""Who judges whom (praised, criticized) and which model beats which
(comparedTo, outperforms), read strictly: one table per construction, each
with sentences where it must not fire. Every sentence was written for these
tests; the companies, people and models in them are invented."""

from __future__ import annotations

import pytest

from kg.run.extract import Extractor
from kg.text.document import Document

F = set  # F(...) is an expected fact set
JUDGE = ("praised", "criticized")
COMPARE = ("comparedTo", "outperforms")


def facts(extractor: Extractor, text: str, predicates) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Document.from_text(text, "news.txt"))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts if f.predicate in predicates}


# the speaker of a verdict verb is its agent, in its own clause
VERDICT_VERB = [
    ("星河科技CEO陈立群称赞北辰公司。", F({("陈立群", "praised", "北辰公司")})),
    ("星河科技CEO陈立群再次批评Zeta-7B。", F({("陈立群", "criticized", "Zeta-7B")})),
    ("北辰公司首席科学家李明在社交媒体上痛批Zeta-7B。", F({("李明", "criticized", "Zeta-7B")})),
    ("星河科技CEO陈立群对北辰公司提出批评。", F({("陈立群", "criticized", "北辰公司")})),
    ("2019 年，南岭集团指控北辰公司窃取商业机密。", F({("南岭集团", "criticized", "北辰公司")})),
    ("南岭集团一边批评北辰公司，一边继续采购它的芯片。", F({("南岭集团", "criticized", "北辰公司")})),
    ("南岭集团发表声明，指控北辰公司窃取商业机密。", F({("南岭集团", "criticized", "北辰公司")})),
    ("星河科技CEO陈立群特别肯定北辰公司的开源策略。", F({("陈立群", "praised", "北辰公司")})),
    ("星河科技副总裁陈立群（Chen Liqun）对北辰公司的反竞争行为大加指责。", F({("陈立群", "criticized", "北辰公司")})),
    # 肯定 as "certainly", 质疑/批评 as nouns, passives and modals: nothing
    ("星河科技CEO陈立群：肯定，北辰公司所有的产品都在加班加点。", F()),
    ("星河科技CEO陈立群表示资金投入是肯定的，北辰公司也一样。", F()),
    ("北辰公司肯定在全力帮助星河科技。", F()),
    ("星河科技对该质疑做出回应，北辰公司没有评论。", F()),
    ("星河科技上线新模型后遇到了一些批评的声音，北辰公司则保持沉默。", F()),
    ("星河科技把球丢回给批评者：北辰公司的说法站不住脚。", F()),
    ("北辰公司面临质疑，星河科技未作回应。", F()),
    ("北辰公司的Zeta-7B获得了用户的认可。", F()),
    ("这是北辰公司最受认可的产品之一。", F()),
    ("星河科技的用户可以批评北辰公司。", F()),
    ("北辰公司股东起诉星河科技。", F()),
    # the verb's own clause has a subject that is no mention: nothing from the clause before
    ("星河科技的报道揭露北辰公司的问题后，多个州对北辰公司提起诉讼。", F()),
    ("他提到星河科技的Zeta-7B，称赞它非常激励人心。", F()),
    # objects after 对 are no speakers
    ("几家新闻机构对星河科技、北辰公司提起诉讼。", F()),
]


@pytest.mark.parametrize("text, expected", VERDICT_VERB)
def test_verdict_verb(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


# passive, 受/获 and naming: the praiser is the agent after the marker, or nobody
PASSIVE_AND_NAMING = [
    ("Zeta-7B受到星河科技CEO陈立群的称赞。", F({("陈立群", "praised", "Zeta-7B")})),
    ("Zeta-7B获星河科技CEO陈立群称赞：为北辰公司创造了机会。", F({("陈立群", "praised", "Zeta-7B")})),
    ("北辰公司被誉为「非洲手机之王」，星河科技排名第二。", F()),
    ("星河科技推出了Zeta-7B，并称其为「一个实验」。", F()),
    ("星河科技官方称之为 Zeta Training Tile，北辰公司没有评论。", F()),
    ("Zeta-7B上线后，星河科技CEO陈立群称其为「国运级的创新」。", F({("陈立群", "praised", "Zeta-7B")})),
    ("首席科学家陈立群对此发表看法。他承认 北辰公司 的广告拍得确实好，很有笑点。", F({("陈立群", "praised", "北辰公司")})),
    ("「Zeta-7B非常聰明，研究積累非常深，」陈立群評價，「我覺得他應該能成。」", F({("陈立群", "praised", "Zeta-7B")})),
    ("「我们下周发布新版本，」陈立群評價，「Zeta-7B应该能成。」", F()),
]


@pytest.mark.parametrize("text, expected", PASSIVE_AND_NAMING)
def test_passive_and_naming(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


# judgements without a judgement verb: the speaker of 表示/称/指出, the verdict's own clause
SPEAKER_AND_VERDICT = [
    ("星河科技CEO陈立群表示，Zeta-7B令人印象深刻。", F({("陈立群", "praised", "Zeta-7B")})),
    ("星河科技CEO陈立群表示，北辰基金会的做法不公平。", F({("陈立群", "criticized", "北辰基金会")})),
    ("星河科技CEO陈立群说，Zeta-7B的开源是一件好事。", F({("陈立群", "praised", "Zeta-7B")})),
    ("星河科技CEO陈立群在北辰公司的节目中直言，Zeta-7B令人失望。", F({("陈立群", "criticized", "Zeta-7B")})),
    ("北辰公司在提交给星河科技的一份投诉中称，Zeta-7B存在欺骗性。", F({("北辰公司", "criticized", "Zeta-7B")})),
    ("星河科技CEO陈立群表示，自己试用了Zeta-7B，与它对话的体验非常好。", F({("陈立群", "praised", "Zeta-7B")})),
    ("星河科技CEO陈立群表示，Zeta-7B令人印象深刻，但被夸大了。",
     F({("陈立群", "praised", "Zeta-7B"), ("陈立群", "criticized", "Zeta-7B")})),
    ("星河科技CEO陈立群在北辰公司的节目中说，Zeta-7B令人印象深刻。", F({("陈立群", "praised", "Zeta-7B")})),
    # a report, not a speaker; a verdict in another clause; a verdict undone
    ("北辰公司此前有消息称，Zeta-7B将运行于设备端，优势在于更出色的隐私保护。", F()),
    ("星河科技CEO陈立群表示，北辰公司将发布Zeta-7B，这对行业是一种威胁。", F()),
    ("星河科技表示，Zeta-7B错误答案更少。", F()),
    ("星河科技CEO陈立群表示，如有必要，将通过法律程序证明北辰基金会的做法不公平。", F()),
    ("星河科技回应Zeta-7B拍月亮「造假」：未进行任何图像叠加处理。", F()),
]


@pytest.mark.parametrize("text, expected", SPEAKER_AND_VERDICT)
def test_speaker_and_verdict(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


# interview turns: a paragraph opening with a person and a colon is their answer
INTERVIEW = [
    ("主持人对星河科技CEO陈立群进行了专访。\n陈立群：其实北辰公司的技术基础是非常好的。",
     F({("陈立群", "praised", "北辰公司")})),
    ("主持人对星河科技CEO陈立群进行了专访。\n陈立群：去年Zeta-7B发布，我们去试了一下，确实有惊艳的感觉。",
     F({("陈立群", "praised", "Zeta-7B")})),
    # the host's question, a turn without a verdict: nothing
    ("主持人对星河科技CEO陈立群进行了专访。\n陈立群：资金投入会越来越大，北辰公司也在加班。", F()),
    ("主持人对星河科技CEO陈立群进行了专访。\n陈立群：对Zeta-7B达到的水准比较满意。", F({("陈立群", "praised", "Zeta-7B")})),
    ("主持人对星河科技CEO陈立群进行了专访。\n陈立群：对Zeta-7B达到的水准并不满意。", F()),
    ("主持人对星河科技CEO陈立群进行了专访。\n北辰公司：Zeta-7B令人印象深刻吗？", F()),
]


@pytest.mark.parametrize("text, expected", INTERVIEW)
def test_interview_turn(extractor, text, expected):
    assert facts(extractor, text, JUDGE) == expected


# comparisons in benchmark prose
BENCHMARKS = [
    ("Zeta-7B比Nova-3高了5分。", F({("Zeta-7B", "outperforms", "Nova-3")})),
    ("在测试中，Zeta-7B拿了72.7%，比Nova-3的66.3%高了不少。", F({("Zeta-7B", "outperforms", "Nova-3")})),
    ("Zeta-7B拿了1606的Elo分，比Nova-3高了144分，比自己的前代Orion-2高了190分。",
     F({("Zeta-7B", "outperforms", "Nova-3"), ("Zeta-7B", "outperforms", "Orion-2")})),
    ("在长文本测试里，Zeta-7B直接拿了76%，而Nova-3只有18.5%。", F({("Zeta-7B", "outperforms", "Nova-3")})),
    ("Zeta-7B得分65.4%，Nova-3得分77.3%。", F({("Nova-3", "outperforms", "Zeta-7B")})),
    ("除了世界知识，Zeta-7B还弱于Nova-3。", F({("Nova-3", "outperforms", "Zeta-7B")})),
    ("Zeta-7B在多项任务中表现出一定优势。不过，与领先的闭源模型，如 Nova-3、Orion-2 相比，仍存在一定差距。",
     F({("Nova-3", "outperforms", "Zeta-7B"), ("Orion-2", "outperforms", "Zeta-7B")})),
    ("与Nova-3相比，Zeta-7B还有不小的差距。", F({("Nova-3", "outperforms", "Zeta-7B")})),
    ("跟Nova-3相比的话，Zeta-7B的推理速度接近。", F({("Zeta-7B", "comparedTo", "Nova-3")})),
    ("Orion-2与Zeta-7B旗鼓相当。", F({("Orion-2", "comparedTo", "Zeta-7B")})),
    ("Orion-2的性能与Zeta-7B互有胜负。", F({("Orion-2", "comparedTo", "Zeta-7B")})),
    ("Zeta-7B与Nova-3不相上下。", F({("Zeta-7B", "comparedTo", "Nova-3")})),
    ("Zeta-7B全面对标Nova-3与Orion-2。", F({("Zeta-7B", "comparedTo", "Nova-3"), ("Zeta-7B", "comparedTo", "Orion-2")})),
    ("Zeta-7B的对比对象包括Nova-3、Orion-2。",
     F({("Zeta-7B", "comparedTo", "Nova-3"), ("Zeta-7B", "comparedTo", "Orion-2")})),
    ("Zeta-7B不及Nova-3。", F({("Nova-3", "outperforms", "Zeta-7B")})),
    ("Zeta-7B落后于Nova-3。", F({("Nova-3", "outperforms", "Zeta-7B")})),
    # only between models: a company is never beaten
    ("北辰公司的Zeta-7B超越了星河科技。", F()),
    # lower cost is better, no benchmark, no named rival, a count after the verb: nothing
    ("Zeta-7B的推理成本比Nova-3低很多。", F()),
    ("Zeta-7B的价格是2%，Nova-3是5%。", F()),
    ("Zeta-7B拿了76%的份额，而Nova-3只有18%。", F()),
    ("Zeta-7B远超其他模型。", F()),
    ("Zeta-7B超过 30 万家企业使用。", F()),
    ("比如Zeta-7B，Nova-3也更强。", F()),
    ("与Nova-3相比，Zeta-7B在推理能力上没有差距。", F({("Zeta-7B", "comparedTo", "Nova-3")})),
]


@pytest.mark.parametrize("text, expected", BENCHMARKS)
def test_benchmark_comparisons(extractor, text, expected):
    # the invented names are models by the document's own words (the mention stage types a
    # versioned name only with model evidence)
    intro = "Zeta-7B、Nova-3和Orion-2是三款大模型。\n"
    assert facts(extractor, intro + text, COMPARE) == expected
