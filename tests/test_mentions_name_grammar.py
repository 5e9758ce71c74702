"""Name grammar at the edges of names: speech-verb names that are common
words (许多人称赞), organisation suffixes after descriptive words
(一家生技公司), transliterations the segmenter cut (普利|托利亚大学,
经理|西达斯), place names inside a transliterated person name or an
English phrase, and unknown Latin names typed by a naming verb
(公司叫做X, 名叫X的工程师) or a share price (X的股价). Sentences and names
invented for these tests."""

from __future__ import annotations

import pytest

from kg.text.document import Document


def typed(extractor, text: str) -> dict[str, str]:
    return {m.text: m.cls for m in extractor.extract(Document.from_text(text, "t.txt")).mentions if m.cls}


@pytest.mark.parametrize("text, name, cls", [
    ("陈立群说，这个方案可行。", "陈立群", "Person"),
    ("曾国藩说，这是旧事。", "曾国藩", "Person"),
    ("北辰网络安全公司发布了新品。", "北辰网络安全公司", "Company"),
    ("星河生物科技有限公司宣布融资。", "星河生物科技有限公司", "Company"),
    ("他毕业于普利托利亚大学。", "普利托利亚大学", "Organization"),
    ("欧洲智库布鲁盖尔研究所发布报告。", "布鲁盖尔研究所", "Organization"),
    ("法官里查德-莫林说，此案证据不足。", "里查德-莫林", "Person"),
    ("远山科技经理西达斯·莫林（Sidas Molin）说，产品已上线。", "西达斯·莫林", "Person"),
    ("这个公司叫做Zyphora，业务很简单。", "Zyphora", "Company"),
    ("一位名叫Lars Veldhuis的荷兰工程师提出了一个主意。", "Lars Veldhuis", "Person"),
    ("有一款名为Quillet的应用很受欢迎。", "Quillet", "Product"),
    ("一家名叫Korvana的荷兰初创公司创始人说，产品已上线。", "Korvana", "Company"),
    ("周一，Vextra和Nordquil的股价分别下跌约10%。", "Nordquil", "Company"),
    ("周一，Vextra和Nordquil的股价分别下跌约10%。", "Vextra", "Company"),
    ("北辰推出了一款名为“Nova Code Helper for Z”的AI工具。", "Nova Code Helper for Z", "Product"),
    ("这家公司推出了名为「星河 Pro」的手机。", "星河 Pro", "Product"),
])
def test_names_found(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name", [
    ("演出广受好评，许多人称赞她的歌声。", "许多人"),
    ("可以用极低的成本来预测实验的结果。", "成本来"),
    ("去年，陈立群曾发帖表示，正在收购一家球队。", "曾发帖"),
    ("星河公司在其文章中表示，交易已完成。", "文章中"),
    ("他之前在一家生技公司工作。", "生技公司"),
    ("受此影响，多家网络安全公司股价暴跌。", "网络安全公司"),
    ("传统SaaS公司开始感到压力。", "传统SaaS公司"),
    ("几家其他科技公司也在研发眼镜。", "其他科技"),
    ("美国四大实验室的研究员都来了。", "美国四大实验室"),
    ("连非科技公司也在名单上。", "连非科技"),
    ("北辰在近日辟谣，称该公司不会出售数据。", "称该公司"),
    ("他毕业于普利托利亚大学。", "托利亚大学"),
    ("欧洲智库布鲁盖尔研究所发布报告。", "库布鲁盖尔研究所"),
    ("远山科技经理西达斯·莫林（Sidas Molin）说，产品已上线。", "理西达斯·莫林"),
    ("法官里查德-莫林说，此案证据不足。", "查德"),
    ("模型拒绝超出护栏（refusing to go outside of guardrails）。", "to go"),
    ("他叫Lars，是个好人。", "Lars"),
    ("一只名叫Bolt的狗跑了。", "Bolt"),
    ("他写了一篇名为“我们为什么要离开”的文章。", "我们为什么要离开"),
    ("他们发起了名为“Stop the Bots Now”的运动。", "Stop the Bots Now"),
    ("他们把这个基金称为「修正错误基金」的公司内部玩笑。", "修正错误基金"),
    ("一位被称为“全球供应链最顶尖专家之一”的分析师说。", "全球供应链最顶尖专家之一"),
])
def test_no_name(extractor, text, name):
    assert name not in typed(extractor, text)


def test_listed_country_still_found(extractor):
    assert typed(extractor, "多哥和乍得签署了协议。") == {"多哥": "Country", "乍得": "Country"}


@pytest.mark.parametrize("text, name, cls", [
    ("哈弗 Q77 的越野性能很好。", "哈弗 Q77", "Product"),
    ("雷克萨斯 LX770、哈弗 Q77等车型都有。", "雷克萨斯 LX770", "Product"),
    ("蔚来 Z9 模型开源了。", "Z9", "AIModel"),          # its own words say model
    ("小米 Z9 芯片性能很强。", "Z9", "Hardware"),        # … or chip
])
def test_code_after_a_makers_han_name(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name", [
    ("蔚来 Z9 模型开源了。", "蔚来 Z9"),
    ("星河 Q77 的越野性能很好。", "星河 Q77"),          # no listed maker: nothing to join
])
def test_code_not_joined(extractor, text, name):
    assert name not in typed(extractor, text)


@pytest.mark.parametrize("text, name, cls", [
    ("由广州市政府指导的基金已落地。", "广州市政府", "GovernmentBody"),
    ("中国政府正在推动国产芯片。", "中国政府", "GovernmentBody"),
    ("很多中国公司也在做。", "中国公司", None),              # a place and a generic noun
    ("很多美国大学也在做。", "美国大学", None),
])
def test_place_government(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name, cls", [
    ("同时，蔚来法务部也表示，消息不实。", "蔚来法务部", None),   # a company's department
    ("同时，蔚来法务部也表示，消息不实。", "蔚来", "Company"),
    ("在北交所挂牌的北辰科技以30cm涨停。", "北辰科技", "Company"),
    ("商务部表示，将加强监管。", "商务部", "GovernmentBody"),
    ("特斯拉的智能驾驶技术与 OpenAI 存在冲突。", "驾驶技术", None),  # a verb inside a phrase
    ("北辰互动发布了财报。", "北辰互动", "Company"),
    ("这只有科技公司负担得起。", "只有科技", None),               # an adverb core
])
def test_departments_and_phrases(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name", [
    ("星河资本合伙人曾写过两篇文章，质疑这件事。", "曾写"),            # adverb + verb + aspect mark
    ("用于研究的比例可能不输大公司。", "不输大公司"),                  # a negated comparison
    ("北辰国宇航员 Lars Veldhuis 和俄罗斯宇航员 Ivan Morov 出发了。", "Lars Veldhuis"),  # no place class by list
    ("建设 Web3，现在最需要 Web2 的用户。", "Web2"),
])
def test_no_name_either(extractor, text, name):
    assert name not in typed(extractor, text)


def test_person_after_partner_title(extractor):
    assert typed(extractor, "星河资本合伙人陈立群表示，市场很好。").get("陈立群") == "Person"


@pytest.mark.parametrize("text, name, found", [
    ("北辰汽车首席生态官陈立群表示：去年很好。", "陈立群", True),     # glued to 官 by the segmenter
    ("北辰汽车首席生态官陈立群表示：去年很好。", "官陈立群", False),
    ("根据星河科技官微发布的消息，新品已上线。", "官微", False),
    ("当北辰公司向他递出橄榄枝时，一切水到渠成。", "向他", False),     # a pronoun is no given name
    ("一个财务顾问向客户承诺投资回报率。", "向客户", False),           # a preposition and a noun
    ("向华强表示，这是好事。", "向华强", True),
])
def test_names_at_titles_and_prepositions(extractor, text, name, found):
    assert (typed(extractor, text).get(name) == "Person") is found


@pytest.mark.parametrize("text, name, cls", [
    ("据北京日报报道，新品已上线。", "北京日报", "Company"),          # an outlet named after a place
    ("据北京日报报道，新品已上线。", "北京", None),                  # … is not the place
    ("湖南卫视播出了节目。", "湖南卫视", "Company"),
    ("据星河日报报道，新品已上线。", "星河日报", None),              # a weak outlet head alone names nothing
    ("北京时间 3 月 1 日消息，新品上线。", "北京", None),             # a time zone
    ("3 月 1 日，北京的天气很好。", "北京", "City"),
])
def test_outlets_and_time_zones(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


@pytest.mark.parametrize("text, name, cls", [
    ("星河人聲稱各大實驗室已經掌握了技術。", "人声称各大实验室", None),   # a speech verb begins no name
    ("北辰编辑部", "北辰编辑部", None),                                  # an editorial office, no government body
    ("北辰公司的游戏主管菲尔・斯宾塞在会议上表示。", "菲尔・斯宾塞", "Person"),
    ("传感器（CIS、MEMS 等）等小芯片。", "MEMS", None),                   # a technology category
])
def test_more_edges(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls


def test_two_listed_things_stay_two(extractor):
    """美国证监会（SEC）: the gloss pairs a listed name of China's regulator
    (证监会) with America's (SEC); the two listed things are not merged."""
    from kg.graph.resolve import Resolver, identity
    from kg.lexicon import load_lexicon
    from kg.ontology.schema import load_schema

    ex = extractor.extract(Document.from_text("北辰交易所面临来自美国证监会（SEC）的审查。", "t.txt"))
    resolved = Resolver(load_lexicon(), load_schema()).resolve([ex])
    nodes = {m.text: resolved.node_of[identity(ex.document.doc_id, m)] for m in ex.mentions if m.key}
    assert "SEC" in nodes and len(set(nodes.values())) == len(nodes)


@pytest.mark.parametrize("text, name, cls", [
    ("饿了么收购的百度外卖更名而来。", "百度外卖", "Product"),     # a company's name + a service noun
    ("饿了么收购的百度外卖更名而来。", "百度", None),
    ("百度发布了新模型。", "百度", "Company"),
])
def test_service_of_a_company(extractor, text, name, cls):
    assert typed(extractor, text).get(name) == cls
