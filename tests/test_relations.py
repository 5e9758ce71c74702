"""Relation frames, one table per relation: the sentence and the exact set
of (subject, predicate, object) mention texts it must yield. Then
coordination, reference words, the ontology's domain and range, and a
hedge / negation table that must yield nothing.

Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from kg.text.document import Document
from kg.run.extract import Extractor
from kg.ontology.schema import load_schema


def document(text: str, name: str = "news.txt") -> Document:
    return Document.from_text(text, name)


def facts(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(document(text))
    return {(f.subject.text, f.predicate, f.object.text) for f in ex.facts}


def xfail(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


F = set  # readability: F(...) is an expected fact set

RELEASED = [
    ("阿里巴巴发布了Qwen3，开源社区反响热烈。", F({("阿里巴巴", "released", "Qwen3")})),
    ("阿里巴巴发布了Qwen3和Qwen3-Coder。",
     F({("阿里巴巴", "released", "Qwen3"), ("阿里巴巴", "released", "Qwen3-Coder")})),
    ("星河智算公司推出了Zeta-7B模型。", F({("星河智算公司", "released", "Zeta-7B")})),
    ("谷歌推出了Nova 2.5 Pro，主打长上下文。", F({("谷歌", "released", "Nova 2.5 Pro")})),
    # passive: 由 / 被
    ("Qwen3由阿里巴巴发布。", F({("阿里巴巴", "released", "Qwen3")})),
    ("Kimi K2由月之暗面开发。", F({("月之暗面", "released", "Kimi K2")})),
    ("Qwen3被阿里巴巴推出。", F({("阿里巴巴", "released", "Qwen3")})),
    # 发布的 X
    ("月之暗面推出的Kimi K2在编程任务上表现突出。", F({("月之暗面", "released", "Kimi K2")})),
    ("智谱发布的GLM-4.5引发关注。", F({("智谱", "released", "GLM-4.5")})),
    # 将 X 开源
    ("智谱将GLM-4.5开源。", F({("智谱", "released", "GLM-4.5")})),
    ("智谱宣布将GLM-4.6开源。", F({("智谱", "released", "GLM-4.6")})),
    # no agent: the brand the model name starts with
    ("DeepSeek-R1正式开源。", F({("DeepSeek", "released", "DeepSeek-R1")})),
]

INTEGRATED = [
    ("腾讯元宝、百度搜索和微信等接入Kimi K2。", F({
        ("腾讯元宝", "integrated", "Kimi K2"), ("百度搜索", "integrated", "Kimi K2"),
        ("微信", "integrated", "Kimi K2")})),
    ("阿里巴巴、腾讯和百度都接入了DeepSeek-R1。", F({
        ("阿里巴巴", "integrated", "DeepSeek-R1"), ("腾讯", "integrated", "DeepSeek-R1"),
        ("百度", "integrated", "DeepSeek-R1")})),
    # a company standing for its model
    ("腾讯元宝、百度搜索和微信等接入了DeepSeek。", F({
        ("腾讯元宝", "integrated", "DeepSeek"), ("百度搜索", "integrated", "DeepSeek"),
        ("微信", "integrated", "DeepSeek")})),
    ("由GPT-4o驱动的ChatGPT广受欢迎。", F({("ChatGPT", "integrated", "GPT-4o")})),
    ("字节跳动旗下的豆包接入了DeepSeek-R1。", F({("豆包", "integrated", "DeepSeek-R1")})),   # 旗下 alone: held, not launched (launch_forms)
]

BANNED = [
    ("意大利禁止了DeepSeek。", F({("意大利", "banned", "DeepSeek")})),
    ("DeepSeek被意大利禁用。", F({("意大利", "banned", "DeepSeek")})),
    ("意大利数据保护局禁止了DeepSeek。", F({("意大利数据保护局", "banned", "DeepSeek"), ("意大利", "banned", "DeepSeek")})),   # the state behind its regulator
    ("韩国多个政府部门禁用了DeepSeek。", F({("韩国", "banned", "DeepSeek")})),
]

PRAISED_CRITICIZED = [
    ("黄仁勋公开称赞DeepSeek-R1。", F({("黄仁勋", "praised", "DeepSeek-R1")})),
    ("黄仁勋赞扬DeepSeek-R1。", F({("黄仁勋", "praised", "DeepSeek-R1")})),
    ("黄仁勋称赞DeepSeek-R1。", F({("黄仁勋", "praised", "DeepSeek-R1")})),
    ("黄仁勋对DeepSeek-R1给予高度评价。", F({("黄仁勋", "praised", "DeepSeek-R1")})),
    # 称其为: the reference word points back
    ("DeepSeek-R1上线后广受关注，黄仁勋称其为一项了不起的成就。", F({("黄仁勋", "praised", "DeepSeek-R1")})),
    ("DeepSeek-R1上线后广受关注。黄仁勋称其为一项了不起的成就。",
                 F({("黄仁勋", "praised", "DeepSeek-R1")})),
    # attributed judgements
    ("奥特曼表示，DeepSeek-R1令人印象深刻。", F({("奥特曼", "praised", "DeepSeek-R1")})),
    ("黄仁勋称DeepSeek-R1是一项伟大的成就。", F({("黄仁勋", "praised", "DeepSeek-R1")})),
    ("马斯克表示，Grok 3是地球上最聪明的AI。", F({("马斯克", "praised", "Grok 3")})),
    ("马斯克批评OpenAI。", F({("马斯克", "criticized", "OpenAI")})),
    ("马斯克在X上痛批OpenAI。", F({("马斯克", "criticized", "OpenAI")})),
    ("黄仁勋对DeepSeek提出批评。", F({("黄仁勋", "criticized", "DeepSeek")})),
    ("特朗普指责DeepSeek窃取技术。", F({("特朗普", "criticized", "DeepSeek")})),
    ("马斯克认为，OpenAI的做法不公平。", F({("马斯克", "criticized", "OpenAI")})),
    # a negated verdict is no verdict
    ("马斯克表示，Grok 3不会对OpenAI构成威胁。", F()),
]

FOUNDED_AFFILIATED = [
    ("DeepSeek创始人梁文锋很少接受采访。", F({
        ("梁文锋", "founded", "DeepSeek"), ("梁文锋", "affiliatedWith", "DeepSeek")})),
    ("OpenAI联合创始人伊利亚·苏茨克维离职后创办了新公司。", F({
        ("伊利亚·苏茨克维", "founded", "OpenAI"), ("伊利亚·苏茨克维", "affiliatedWith", "OpenAI")})),
    ("梁文锋创立了DeepSeek。", F({("梁文锋", "founded", "DeepSeek")})),
    ("2023年，梁文锋创办了DeepSeek。", F({("梁文锋", "founded", "DeepSeek")})),
    ("马斯克有份创立OpenAI的往事再被提起。", F({("马斯克", "founded", "OpenAI")})),
    ("OpenAI的CEO奥特曼回应了质疑。", F({("奥特曼", "affiliatedWith", "OpenAI")})),
    ("Meta首席科学家杨立昆发表演讲。", F({("杨立昆", "affiliatedWith", "Meta")})),
    ("美国总统特朗普签署了行政令。", F({("特朗普", "affiliatedWith", "美国")})),
    ("OpenAI首席执行官奥特曼与微软CEO萨提亚·纳德拉会面。", F({
        ("奥特曼", "affiliatedWith", "OpenAI"), ("萨提亚·纳德拉", "affiliatedWith", "微软")})),
    ("前谷歌工程师张伟加入了字节跳动。", F({
        ("张伟", "affiliatedWith", "谷歌"), ("张伟", "affiliatedWith", "字节跳动")})),
    # an unnamed company: nothing to affiliate with
    ("某公司CEO王小明表示，模型的进展令人印象深刻。", F()),
]

COMPARED = [
    ("DeepSeek-R1超越了GPT-4o和Claude 3.5 Sonnet。", F({
        ("DeepSeek-R1", "outperforms", "GPT-4o"), ("DeepSeek-R1", "outperforms", "Claude 3.5 Sonnet")})),
    ("DeepSeek-R1超越了o1-mini和Claude 3.5 Sonnet。", F({
        ("DeepSeek-R1", "outperforms", "o1-mini"), ("DeepSeek-R1", "outperforms", "Claude 3.5 Sonnet")})),
    ("Qwen3击败了Llama 4。", F({("Qwen3", "outperforms", "Llama 4")})),
    ("Qwen3的得分仅次于GPT-5。", F({("GPT-5", "outperforms", "Qwen3")})),
    ("Qwen3与DeepSeek-R1不分伯仲。", F({("Qwen3", "comparedTo", "DeepSeek-R1")})),
    ("DeepSeek-V3在多项测试中与GPT-4o旗鼓相当。", F({("DeepSeek-V3", "comparedTo", "GPT-4o")})),
    ("Kimi K2对标GPT-4.1。", F({("Kimi K2", "comparedTo", "GPT-4.1")})),
    ("与GPT-4o相比，Qwen3在数学上展现出优势。", F({("Qwen3", "outperforms", "GPT-4o")})),
    ("与Llama 4相比，Kimi K2展现出明显优势。", F({("Kimi K2", "outperforms", "Llama 4")})),
    ("与GPT-4o相比，Qwen3在数学上表现接近。", F({("Qwen3", "comparedTo", "GPT-4o")})),
]

LOCATED_SUBSIDIARY_HARDWARE = [
    ("来自杭州的DeepSeek引发关注。", F({("DeepSeek", "locatedIn", "杭州")})),
    ("来自北京的智谱发布了新模型。", F({("智谱", "locatedIn", "北京")})),
    ("日本软银宣布投资。", F({("软银", "locatedIn", "日本")})),
    ("日本软银和美国OpenAI成立了合资公司。", F({
        ("软银", "locatedIn", "日本"), ("OpenAI", "locatedIn", "美国")})),
    ("中国AI初创公司深度求索发布了新模型。", F({("深度求索", "locatedIn", "中国")})),
    ("Mistral AI总部位于巴黎。", F({("Mistral AI", "locatedIn", "巴黎")})),
    ("Perplexity是一家美国的人工智能搜索初创企业。", F({("Perplexity", "locatedIn", "美国")})),
    ("阿里巴巴旗下的阿里云发布了新模型。", F({("阿里云", "subsidiaryOf", "阿里巴巴")})),
    ("谷歌旗下的DeepMind发布了新模型。", F({("DeepMind", "subsidiaryOf", "谷歌")})),
    ("谷歌的母公司Alphabet公布了财报。", F({("谷歌", "subsidiaryOf", "Alphabet")})),
    ("字节跳动收购了星河智算公司。", F({("星河智算公司", "subsidiaryOf", "字节跳动")})),
    ("DeepSeek使用2048块H800训练了V3。", F({("DeepSeek", "usesHardware", "H800")})),
    ("月之暗面使用了1024块H100训练模型。", F({("月之暗面", "usesHardware", "H100")})),
    ("Kimi K2部署在昇腾910B上。", F({("Kimi K2", "usesHardware", "昇腾910B")})),
]

REFERENCE = [
    ("智谱今天召开发布会。它发布了GLM-4.6。", F({("智谱", "released", "GLM-4.6")})),
    ("智谱在北京成立。该公司随后推出了GLM-4.5。", F({("智谱", "released", "GLM-4.5")})),
    ("DeepSeek在杭州成立。其随后发布了R1。", F({("DeepSeek", "released", "R1")})),
    ("月之暗面是一家来自北京的公司。该公司推出了Kimi K2。", F({
        ("月之暗面", "locatedIn", "北京"), ("月之暗面", "released", "Kimi K2")})),
    ("DeepSeek成立于2023年。其发布的R1模型引发轰动。", F({("DeepSeek", "released", "R1")})),
]

COORDINATION = [
    ("英伟达发布了H200和B200。", F({("英伟达", "released", "H200"), ("英伟达", "released", "B200")})),
    ("小米、OPPO和vivo都接入了DeepSeek-R1。", F({
        ("小米", "integrated", "DeepSeek-R1"), ("OPPO", "integrated", "DeepSeek-R1"),
        ("vivo", "integrated", "DeepSeek-R1")})),
    ("腾讯元宝和微信都接入了DeepSeek-R1和Kimi K2。", F({
        ("腾讯元宝", "integrated", "DeepSeek-R1"), ("腾讯元宝", "integrated", "Kimi K2"),
        ("微信", "integrated", "DeepSeek-R1"), ("微信", "integrated", "Kimi K2")})),
    ("DeepSeek在一月和三月分别发布了R1和V3-0324。", F({
        ("DeepSeek", "released", "R1"), ("DeepSeek", "released", "V3-0324")})),
    ("阿里巴巴和腾讯先后发布了Qwen3和混元。", F({
        ("阿里巴巴", "released", "Qwen3"), ("腾讯", "released", "混元")})),
]

DOMAIN_RANGE = [
    "黄仁勋发布了H200。",                 # a Person never released anything
    "梁文锋推出了DeepSeek-R1。",
    "美国发布了GPT-5。",                  # a Country releases nothing
    "OpenAI发布了美国。",                 # a Country is never released
    "美国禁止了日本。",                   # a Country is not banned
    "梁文锋加入了杭州。",                 # affiliatedWith a City: no
    "北京超越了上海。",                   # outperforms is for models
    "OpenAI收购了Windsurf。",             # a Product is no subsidiary
]

HEDGED = [
    "DeepSeek计划在四月底发布R2。",
    "据传OpenAI将于下月推出GPT-6。",
    "百度即将开源文心一言4.5。",
    "Meta推迟了Llama 4的发布。",
    "OpenAI否认将收购Windsurf。",
    "OpenAI否认将收购Anthropic。",
    "OpenAI并未收购Anthropic。",
    "腾讯元宝并没有接入Kimi K2。",
    "DeepSeek尚未发布R2。",
    "DeepSeek没有推出R2。",
    "OpenAI可能会在夏季推出GPT-6。",
    "有消息称，苹果有望接入文心一言。",
    "意大利考虑禁止DeepSeek。",
    "谷歌拒绝发布Gemini 3 Ultra。",
    "DeepSeek会在五月发布R2吗？",
    "阿里巴巴是否会发布Qwen4？",
    "OpenAI是否会在年底前发布GPT-5？",
]

ALL_TABLES = {
    "released": RELEASED, "integrated": INTEGRATED, "banned": BANNED,
    "praised_criticized": PRAISED_CRITICIZED, "founded_affiliated": FOUNDED_AFFILIATED,
    "compared": COMPARED, "located_subsidiary_hardware": LOCATED_SUBSIDIARY_HARDWARE,
    "reference": REFERENCE, "coordination": COORDINATION,
}


@pytest.mark.parametrize("text, expected", RELEASED)
def test_released(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", INTEGRATED)
def test_integrated(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", BANNED)
def test_banned(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", PRAISED_CRITICIZED)
def test_praised_and_criticized(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", FOUNDED_AFFILIATED)
def test_founded_and_affiliated(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", COMPARED)
def test_compared_and_outperforms(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", LOCATED_SUBSIDIARY_HARDWARE)
def test_located_subsidiary_hardware(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", REFERENCE)
def test_reference_words(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", COORDINATION)
def test_coordination(extractor, text, expected):
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text, person, org, role", [
    ("OpenAI的CEO奥特曼回应了质疑。", "奥特曼", "OpenAI", "CEO"),
    ("Meta首席科学家杨立昆发表演讲。", "杨立昆", "Meta", "首席科学家"),
    ("美国总统特朗普签署了行政令。", "特朗普", "美国", "总统"),
    ("OpenAI首席执行官奥特曼与微软CEO萨提亚·纳德拉会面。", "萨提亚·纳德拉", "微软", "CEO"),
])
def test_affiliation_keeps_the_role(extractor, text, person, org, role):
    ex = extractor.extract(document(text))
    roles = {(f.subject.text, f.object.text): f.role for f in ex.facts if f.predicate == "affiliatedWith"}
    assert roles[person, org] == role


def test_ba_integrated(extractor):
    """苹果将ChatGPT集成到Siri中: Apple integrated ChatGPT (into Siri)."""
    found = facts(extractor, "苹果将ChatGPT集成到Siri中。")
    assert ("苹果", "integrated", "ChatGPT") in found


def test_integrated_into_target_is_not_the_object(extractor):
    assert ("苹果", "integrated", "Siri") not in facts(extractor, "苹果将ChatGPT集成到Siri中。")


@pytest.mark.parametrize("text", DOMAIN_RANGE)
def test_domain_and_range_refuse(extractor, text):
    assert facts(extractor, text) == set()


@pytest.mark.parametrize("text", HEDGED)
def test_hedged_and_negated_yield_nothing(extractor, text):
    assert facts(extractor, text) == set()


def _plain_rows():
    for name, table in ALL_TABLES.items():
        for row in table:
            values = row.values if hasattr(row, "values") else row
            yield pytest.param(values[0], id=f"{name}-{values[0][:12]}")
    for text in DOMAIN_RANGE + HEDGED:
        yield pytest.param(text, id=f"refused-{text[:12]}")


@pytest.mark.parametrize("text", list(_plain_rows()))
def test_every_fact_fits_the_ontology(extractor, text):
    """Whatever a sentence yields: a Person never released anything, a
    Country is never released, and every fact fits domain and range
    (a company standing for its model is the one allowed exception)."""
    schema = load_schema()
    for f in extractor.extract(document(text)).facts:
        s, o = f.subject.cls, f.object.cls
        assert not (f.predicate == "released" and s == "Person"), f
        assert not (f.predicate == "released" and o in ("Country", "City", "Place")), f
        metonym = f.object.metonym and o == "Company"
        assert schema.accepts(f.predicate, s, o) or (
            metonym and schema.accepts(f.predicate, s, "Product")), f


def test_evidence_is_the_sentence(extractor):
    text = "智谱今天召开发布会。它发布了GLM-4.6。"
    (fact,) = extractor.extract(document(text)).facts
    assert fact.evidence.sentence == "它发布了GLM-4.6。"
    assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.sentence
