"""Entity recognition, one table per mechanism: gazetteer hits and their
spelling variants, Traditional input, name boundaries, model and hardware
shapes, people by title / speech verb / transliteration / English gloss,
organisations by suffix, words that are no entity, and the spaCy Doc the
pipeline leaves behind.

Every sentence here was written for these tests (news style, real names
from kg/data/gazetteer.tsv, invented names where a mechanism must find an
unknown one)."""

from __future__ import annotations


import pytest

from kg.text.document import Document
from kg.run.extract import Extractor
from kg.mentions.pipeline import MENTIONS_KEY
from kg.text.normalize import normalize


def document(text: str, name: str = "news.txt") -> Document:
    return Document.from_text(text, name)


def mentions(extractor: Extractor, text: str) -> dict:
    """Typed mentions of one text, by their (normalised) text."""
    return {m.text: m for m in extractor.extract(document(text)).mentions}


# -- gazetteer: spelling variants fold to one entry ---------------------------------
@pytest.mark.parametrize("text, surface, key, cls", [
    ("OpenAI发布了GPT4o，多模态能力明显增强。", "GPT4o", "gpt-4o", "AIModel"),
    ("OpenAI发布了GPT-4o，多模态能力明显增强。", "GPT-4o", "gpt-4o", "AIModel"),
    ("OpenAI发布了gpt 4o，多模态能力明显增强。", "gpt 4o", "gpt-4o", "AIModel"),
    ("OpenAI发布了Gpt-4O，多模态能力明显增强。", "Gpt-4O", "gpt-4o", "AIModel"),
    ("deepseek-r1的下载量在春节期间激增。", "deepseek-r1", "deepseek-r1", "AIModel"),
    ("Deep Seek R1的下载量在春节期间激增。", "Deep Seek R1", "deepseek-r1", "AIModel"),
    ("DEEPSEEK再次登上应用商店榜首。", "DEEPSEEK", "deepseek", "Company"),
    ("山姆・奥特曼表示，新模型即将上线。", "山姆・奥特曼", "sam-altman", "Person"),
    ("山姆·奥特曼表示，新模型即将上线。", "山姆·奥特曼", "sam-altman", "Person"),
    ("深度求索今天在杭州举行了开发者活动。", "深度求索", "deepseek", "Company"),
])
def test_gazetteer_variants_find_one_entry(extractor, text, surface, key, cls):
    found = mentions(extractor, text)
    assert surface in found, sorted(found)
    assert (found[surface].key, found[surface].cls) == (key, cls)
    assert found[surface].source == "gazetteer"


def test_spelling_variants_share_one_key(extractor):
    keys = {mentions(extractor, f"OpenAI发布了{v}。")[v].key for v in ("GPT4o", "GPT-4o", "gpt 4o")}
    assert keys == {"gpt-4o"}


# -- Traditional text is normalised before matching -----------------------------------
def test_normalize_turns_traditional_name_into_simplified():
    text = "輝達執行長黃仁勳在台北表示，這是一個重要的里程碑。"
    norm = normalize(text)
    assert "黄仁勋" in norm.text
    start = norm.text.index("黄仁勋")
    assert text[slice(*norm.to_original(start, start + 3))] == "黃仁勳"


@pytest.mark.parametrize("text, simplified, original, key", [
    ("輝達執行長黃仁勳在台北表示，這是一個重要的里程碑。", "黄仁勋", "黃仁勳", "jensen-huang"),
    ("輝達執行長黃仁勳在台北表示，這是一個重要的里程碑。", "辉达", "輝達", "nvidia"),
    ("微軟與騰訊均已宣佈接入該模型，業界反應熱烈。", "微软", "微軟", "microsoft"),
    ("微軟與騰訊均已宣佈接入該模型，業界反應熱烈。", "腾讯", "騰訊", "tencent"),
])
def test_traditional_text_reaches_simplified_gazetteer_ids(extractor, text, simplified, original, key):
    ex = extractor.extract(document(text))
    assert ex.is_traditional
    found = {m.text: m for m in ex.mentions}
    assert found[simplified].key == key
    assert found[simplified].surface == original


# -- boundaries: the longest name, and only the name ---------------------------------
@pytest.mark.parametrize("text, expected", [
    ("OpenAI推出了o3和o3-mini两款推理模型。", ["OpenAI", "o3", "o3-mini"]),
    ("OpenAI推出了o3-mini和o3两款推理模型。", ["OpenAI", "o3-mini", "o3"]),
    ("Anthropic先后发布了Claude 3和Claude 3.7 Sonnet。", ["Anthropic", "Claude 3", "Claude 3.7 Sonnet"]),
    ("OpenAI同时上线了GPT-4o mini和GPT-4o。", ["OpenAI", "GPT-4o mini", "GPT-4o"]),
    ("如英伟达等芯片厂商都在密切关注。", ["英伟达"]),
    ("前谷歌工程师张伟加入了字节跳动。", ["谷歌", "张伟", "字节跳动"]),
    ("DeepSeek-R1在多个榜单上名列前茅。", ["DeepSeek-R1"]),
    ("百度即将开源文心一言4.5，阿里则推出了Qwen3-235B-A22B。",
     ["百度", "文心一言4.5", "阿里", "Qwen3-235B-A22B"]),
])
def test_mention_boundaries(extractor, text, expected):
    ex = extractor.extract(document(text))
    assert [m.text for m in ex.mentions] == expected


@pytest.mark.parametrize("text, surface, key", [
    ("OpenAI推出了o3和o3-mini两款推理模型。", "o3", "o3"),
    ("OpenAI推出了o3和o3-mini两款推理模型。", "o3-mini", "o3-mini"),
    ("Anthropic先后发布了Claude 3和Claude 3.7 Sonnet。", "Claude 3", "claude-3"),
    ("Anthropic先后发布了Claude 3和Claude 3.7 Sonnet。", "Claude 3.7 Sonnet", "claude-3.7-sonnet"),
])
def test_versions_are_different_entries(extractor, text, surface, key):
    assert mentions(extractor, text)[surface].key == key


# -- shapes of names no list knows ----------------------------------------------------
@pytest.mark.parametrize("text, surface, cls", [
    ("星河科技发布了Zeta-7B模型，性能接近同级开源模型。", "Zeta-7B", "AIModel"),
    ("谷歌推出了Nova 2.5 Pro，主打长上下文。", "Nova 2.5 Pro", "AIModel"),
    ("月之暗面发布了Kimi k9.5，推理能力大幅提升。", "Kimi k9.5", "AIModel"),
    ("阶跃星辰发布了Step-9o模型。", "Step-9o", "AIModel"),
    ("谷歌推出了Gemini 3 Ultra和Gemini 3 Ultra Vision。", "Gemini 3 Ultra Vision", "AIModel"),
    ("该芯片直接对标H900和MI455X。", "H900", "Hardware"),
    ("该芯片直接对标H900和MI455X。", "MI455X", "Hardware"),
    ("部分客户仍在使用Gaudi 4训练模型。", "Gaudi 4", "Hardware"),
])
def test_unknown_names_typed_by_shape(extractor, text, surface, cls):
    found = mentions(extractor, text)
    assert surface in found, sorted(found)
    assert found[surface].cls == cls
    assert found[surface].key == ""
    assert found[surface].source.startswith("shape")


@pytest.mark.parametrize("text, surface, key", [
    ("英伟达H800和AMD MI300X芯片都在出口管制名单中。", "英伟达H800", "nvidia-h800"),
    ("英伟达H800和AMD MI300X芯片都在出口管制名单中。", "AMD MI300X", "amd-mi300x"),
    ("也有不少用户选择RTX 4090和910B搭建推理集群。", "RTX 4090", "nvidia-rtx-4090"),
    ("也有不少用户选择RTX 4090和910B搭建推理集群。", "910B", "ascend-910b"),
])
def test_known_hardware(extractor, text, surface, key):
    found = mentions(extractor, text)
    assert (found[surface].cls, found[surface].key) == ("Hardware", key)


# -- people ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, name, source, role", [
    ("某公司CEO王小明表示，模型的进展令人印象深刻。", "王小明", "names/title", "CEO"),
    ("前谷歌工程师张伟加入了字节跳动。", "张伟", "names/title", "工程师"),
    ("北辰大学教授李雪峰认为，国产芯片仍有差距。", "李雪峰", "names/title", "教授"),
    ("王小明表示，这家公司正在加速布局。", "王小明", "names/speech", ""),
    ("李雪峰指出，国产芯片与国际先进水平仍有差距。", "李雪峰", "names/speech", ""),
    ("OpenAI研究员杰森·沃尔夫在博客中写道，推理能力仍需提升。", "杰森·沃尔夫", "names/translit", ""),
    ("据卡尔森（Mark Carlson）介绍，该模型表现良好。", "卡尔森", "names/gloss", ""),
    ("“这个模型很出色，”李明说。", "李明", "names/speech", ""),         # 李|明说
    ("陈立群称，国产芯片仍有差距。", "陈立群", "names/speech", ""),     # 陈立|群称
])
def test_people_by_name_grammar(extractor, text, name, source, role):
    found = mentions(extractor, text)
    assert name in found, sorted(found)
    m = found[name]
    assert (m.cls, m.key, m.source, m.role) == ("Person", "", source, role)


def test_title_before_latin_name(extractor):
    found = mentions(extractor, "OpenAI CEO Sam Altman表示，新模型将于今年发布。")
    assert found["Sam Altman"].cls == "Person"


def test_english_gloss_is_the_same_person(extractor):
    ex = extractor.extract(document("据卡尔森（Mark Carlson）介绍，该模型表现良好。"))
    found = {m.text: m for m in ex.mentions}
    assert found["Mark Carlson"].cls == "Person"
    assert [(a.a.text, a.b.text) for a in ex.aliases] == [("卡尔森", "Mark Carlson")]


def test_title_and_english_gloss_together(extractor):
    ex = extractor.extract(document("斯坦福大学教授费德里科（Federico Marini）认为，开源是大势所趋。"))
    found = {m.text: m for m in ex.mentions}
    assert found["斯坦福大学"].key == "stanford"
    assert found["费德里科"].cls == found["Federico Marini"].cls == "Person"
    assert found["费德里科"].role == "教授"


@pytest.mark.parametrize("text, name", [
    ("艾琳娜·罗斯托娃在演讲中提到了推理模型。", "艾琳娜·罗斯托娃"),
    ("据伊万·彼得罗夫称，这款模型表现不错。", "伊万·彼得罗夫"),
    ("马克·扎克伯格表示，Llama 4 Scout已经上线。", "马克·扎克伯格"),
    ("微软CEO萨提亚·纳德拉和OpenAI首席执行官奥特曼同台亮相。", "萨提亚·纳德拉"),
])
def test_transliterated_names_whole(extractor, text, name):
    found = mentions(extractor, text)
    assert name in found and found[name].cls == "Person", sorted(found)


# -- organisations by suffix ------------------------------------------------------------
@pytest.mark.parametrize("text, name, cls", [
    ("星河智算科技有限公司今天宣布完成新一轮融资。", "星河智算科技有限公司", "Company"),
    ("星河智算有限公司今天宣布完成新一轮融资。", "星河智算有限公司", "Company"),
    ("据悉，星河智算公司发布了新模型。", "星河智算公司", "Company"),
    ("北辰大学的研究团队发布了一项新成果。", "北辰大学", "Organization"),
    ("北辰大学教授李雪峰认为，国产芯片仍有差距。", "北辰大学", "Organization"),
    ("北辰研究院与南山实验室联合发布了评测报告。", "北辰研究院", "Organization"),
    ("北辰研究院与南山实验室联合发布了评测报告。", "南山实验室", "Organization"),
])
def test_organisations_by_suffix(extractor, text, name, cls):
    found = mentions(extractor, text)
    assert name in found, sorted(found)
    assert (found[name].cls, found[name].key) == (cls, "")


# -- not entities -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "这家公司是一家科技公司，主要研发AI和GPU相关技术。",
    "据悉，该公司CEO和CTO都出席了发布会。",
    "大模型和LLM的竞争进入MoE时代，开源成为主流。",
    "这家初创公司的CTO透露，GPU供应依然紧张。",
    "业内人士认为，AI Agent将成为明年的竞争焦点。",
])
def test_generic_words_are_no_entities(extractor, text):
    assert mentions(extractor, text) == {}


@pytest.mark.parametrize("text, word", [
    ("OpenAI的CEO表示，AI将改变一切。", "AI"),
    ("OpenAI的CEO表示，AI将改变一切。", "CEO"),
    ("英伟达的GPU供不应求。", "GPU"),
    ("这家公司表示，英伟达仍是最大的供应商。", "这家公司"),
    ("作为一家科技公司，百度正在加大投入。", "科技公司"),
])
def test_word_is_no_mention(extractor, text, word):
    found = mentions(extractor, text)
    assert word not in found, sorted(found)


# -- the spaCy Doc -------------------------------------------------------------------------
ALIGNMENT_TEXTS = [
    "如英伟达和前谷歌员工都在谈论DeepSeek-R1模型。",
    "OpenAI CEO Sam Altman表示，GPT-5将于今年发布。",
    "某公司CEO王小明表示，模型的进展令人印象深刻。",
    "斯坦福大学教授费德里科（Federico Marini）认为，开源是大势所趋。",
    "北辰大学与星河智算公司联合发布了Zeta-7B模型。",
    "百度即将开源文心一言4.5，阿里则推出了Qwen3-235B-A22B。",
    "英伟达H800和AMD MI300X芯片都在名单中。",
    "微软CEO萨提亚·纳德拉和OpenAI首席执行官奥特曼同台亮相。",
    "字节跳动旗下豆包App的日活超过一亿。",
    "Anthropic的Claude 3.7 Sonnet与o3-mini不分伯仲。",
    "输入  带有多个   空格的 DeepSeek 句子\n以及换行的  Kimi K2。",
    ("据伊万·彼得罗夫称，这款模型表现不错。"),
]


@pytest.mark.parametrize("text", ALIGNMENT_TEXTS)
def test_doc_alignment(extractor, text):
    doc = extractor.nlp(text)
    assert doc.text == text
    found = doc.user_data[MENTIONS_KEY]
    spans = doc.spans[MENTIONS_KEY]
    # every mention is one whole-token span
    assert [(m.start, m.end) for m in found] == [(s.start_char, s.end_char) for s in spans]
    for m, span in zip(found, spans):
        assert span.text == m.text
        assert span.label_ == (m.cls or "UNTYPED")
        assert doc[span.start].idx == m.start
        assert doc[span.end - 1].idx + len(doc[span.end - 1].text) == m.end
    for group in (list(spans), list(doc.ents)):
        ordered = sorted(group, key=lambda s: s.start)
        assert all(a.end <= b.start for a, b in zip(ordered, ordered[1:]))
    assert {(e.start_char, e.end_char) for e in doc.ents} <= {(s.start_char, s.end_char) for s in spans}
    assert all(e.label_ != "UNTYPED" for e in doc.ents)


# -- words that look like names but are not ---------------------------------------
@pytest.mark.parametrize("text, not_a_name", [
    ("据悉，北辰智算曾与另一家中国公司洽谈合作。", "另一家中国公司"),
    ("据悉，北辰智算曾与数间中国公司洽谈合作。", "数间中国公司"),
    ("这是另一家美国公司的产品。", "这是另一家美国公司"),
    ("他没有往中型公司走，也没有往大公司这个方向走。", "往大公司"),
    ("李雪峰曾公开表示，推理模型的竞争已经结束。", "曾公开"),
    ("压低训练成本据说是关键。", "成本据"),
    ("大家都说，这款芯片很快。", "大家都"),
])
def test_quantified_and_function_words_make_no_name(extractor, text, not_a_name):
    found = mentions(extractor, text)
    assert not_a_name not in found, sorted(found)


@pytest.mark.parametrize("text, name, cls", [
    ("曾国藩表示，读书要有恒心。", "曾国藩", "Person"),
    ("于正表示，新剧将在明年播出。", "于正", "Person"),
    ("北辰智算公司今天发布了新模型。", "北辰智算公司", "Company"),
])
def test_those_rules_keep_real_names(extractor, text, name, cls):
    found = mentions(extractor, text)
    assert name in found and found[name].cls == cls, sorted(found)


# -- short model shapes need a model context ------------------------------------------
@pytest.mark.parametrize("text, short, kept", [
    ("腾讯发布T9，推理能力很强。", "T9", True),               # right after a company and 发布
    ("OpenAI的o7表现不错。", "o7", True),
    ("新发布的X2模型很强。", "X2", True),                     # a model cue after it
    ("这大大减少了L2缓存的使用。", "L2", False),              # jargon
    ("量产车型星河银河M9上市3个月销量近4万。", "M9", False),   # a car, glued to its line's name
    ("会议室在B3层。", "B3", False),
])
def test_short_shapes_are_models_only_in_a_model_context(extractor, text, short, kept):
    found = mentions(extractor, text)
    assert (short in found and found[short].cls == "AIModel") == kept, sorted(found)


def test_a_short_name_the_document_writes_after_a_model_name_is_that_model(extractor):
    found = mentions(extractor, "腾讯发布了Aurora-Z9大模型。两周后，Z9的下载量大增。")
    assert "Z9" in found and found["Z9"].cls == "AIModel", sorted(found)


def test_the_part_of_speech_table_is_jiebas_own():
    import jieba.posseg

    from kg.mentions.names import pos_table

    assert pos_table() == jieba.posseg.dt.word_tag_tab


# a weak ending (科技, 智能, 互动, 资本, 创投) makes a company only where a
# company stands: before a company verb or a corporate title, after a
# company noun, in a list beside a known company, in a market clause
@pytest.mark.parametrize("text, present, absent", [
    ("北辰科技发布了Zeta-7B模型。", {"北辰科技"}, set()),
    ("星河智能已正式推出新产品。", {"星河智能"}, set()),
    ("北辰科技创始人陈立群表示欢迎。", {"北辰科技"}, set()),
    ("投资方包括北辰资本、星海创投和红杉中国。", {"北辰资本", "星海创投"}, set()),
    ("在北交所挂牌的星河科技以30cm涨停，北辰互动继续一字涨停。", {"北交所", "星河科技", "北辰互动"}, set()),
    ("他曾在前公司星河智能任职。", {"星河智能"}, set()),
    # the ending alone, ordinary phrases, or no company position: nothing
    ("北辰科技的展台前人头攒动。", set(), {"北辰科技"}),
    ("人工智能发布会在北京召开。", set(), {"人工智能"}),
    ("社会资本涌入，数字科技推出新政。", set(), {"社会资本", "数字科技"}),
    ("这家科技公司发布了新模型。", set(), {"这家科技"}),
])
def test_weak_endings_in_company_positions(extractor, text, present, absent):
    found = {t for t, m in mentions(extractor, text).items() if m.cls == "Company"}
    assert present <= found and not (absent & found)


def test_weak_ending_does_not_take_a_person(extractor):
    found = mentions(extractor, "北辰科技CEO陈立群发布了公开信。")
    assert found["陈立群"].cls == "Person" and found["北辰科技"].cls == "Company"
