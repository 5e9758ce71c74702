from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.text.normalize as N
from kg.text.normalize import (
    Normalized, collapse_spaces, fold_width, is_traditional, normalize, strip_invisible,
    strip_markdown_images, strip_pinyin, strip_price_quotes, strip_tickers, strip_urls,
    to_simplified)
from kg.text.sentences import MAX_SENTENCE, split_sentences

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
IMG = "![](http://n.sinaimg.cn/spider20250129/316/w660h456/20250129/def4-e389.jpg)"

STEP_CASES = [
    # (step, input, expected)
    (strip_pinyin, "DeepSeek會(huì)在全球AI競(jìng)爭(zhēng)中", "DeepSeek會在全球AI競爭中"),
    (strip_pinyin, "發（fā）布", "發布"),
    (strip_pinyin, "DeepSeek(dé) 与 (huì)", "DeepSeek(dé) 与 (huì)"),   # no Han char before
    (strip_pinyin, "模型(LLM)和(Eric Schmidt)", "模型(LLM)和(Eric Schmidt)"),
    (strip_price_quotes, "阿尔特(12.120, -0.09, -0.74%)曼", "阿尔特曼"),
    (strip_price_quotes, "聊天机器人(19.460, -0.36, -1.82%),已经", "聊天机器人,已经"),
    (strip_price_quotes, "阿尔特（12.120，-0.09，-0.74%）曼", "阿尔特曼"),
    (strip_price_quotes, "持股(占总股本的55.90%)", "持股(占总股本的55.90%)"),
    (strip_tickers, "中国高科(sh600730)技", "中国高科技"),
    (strip_tickers, "天源迪科(SZ300024)发布", "天源迪科发布"),
    (strip_tickers, "腾讯控股(00700.HK)股价", "腾讯控股股价"),
    (strip_tickers, "腾讯(00700)和小米(HK:01810)", "腾讯和小米"),
    (strip_tickers, "阿里巴巴09988.HK今日", "阿里巴巴今日"),
    (strip_tickers, "英伟达(NASDAQ:NVDA)与英伟达（NVDA.US）", "英伟达与英伟达"),
    (strip_tickers, "英伟达(NVDA.O)、阿里(NYSE: BABA)", "英伟达、阿里"),
    (strip_tickers, "中国高科(600730.SH)、公司(股票代码:300024)", "中国高科、公司"),
    (strip_tickers, "OpenAI(GPT-4o)与(o3-mini)", "OpenAI(GPT-4o)与(o3-mini)"),
    (strip_tickers, "(LLM)(Eric Schmidt)(1 月 29 日)(2024)(sinafinance)",
     "(LLM)(Eric Schmidt)(1 月 29 日)(2024)(sinafinance)"),
    (strip_tickers, "版本1.0023.hk", "版本1.0023.hk"),
    (strip_markdown_images, f"凑热度了。\n{IMG}\n而 1 月", "凑热度了。\n而 1 月"),
    (strip_markdown_images, "文字![▲极速推出的的山寨应用](http://x.cn/a.jpg)之后", "文字之后"),
    (strip_markdown_images, f"结尾\n{IMG}", "结尾\n"),
    (strip_markdown_images, '图<img src="a.png">片', "图片"),
    (strip_urls, "访问https://chat.deepseek.com/a?b=1&c=2。", "访问。"),
    (strip_urls, "官网 www.deepseek.com, 以及 http://x.cn/p(1)", "官网 , 以及 "),
    (strip_urls, "见[官网](https://www.deepseek.com)。", "见官网。"),
    (strip_urls, "链接<https://a.cn/x>在", "链接在"),
    (strip_urls, "Data.ai 和 o3-mini 与 user@www.x.com", "Data.ai 和 o3-mini 与 user@www.x.com"),
    (fold_width, "，（）：Ａ１！？；", ",():A1!?;"),
    (fold_width, "。、「」《》“”—", "。、「」《》“”—"),
    (fold_width, "马斯克・黄・仁·勋……‥", "马斯克・黄・仁·勋……‥"),
    (fold_width, "ＧＰＴ－４ｏ\u3000发布", "GPT-4o 发布"),
    (fold_width, "™①", "TM1"),
    (strip_invisible, "深度\u200b求索\ufeff\u00ad公司\x07", "深度求索公司"),
    (collapse_spaces, "a  \t b\n\n  c", "a b\n\n c"),
    (collapse_spaces, "a\tb\r\nc\rd", "a b\nc\nd"),
    (to_simplified, "黃仁勳說輝達", "黄仁勋说辉达"),
]


@pytest.mark.parametrize("step, text, expected", STEP_CASES)
def test_step(step, text, expected):
    assert step(Normalized.of(text)).text == expected


# A markdown link keeps its label: a slice cutting through "[label](url)" is not a link.
NOT_LOCAL = {"见[官网](https://www.deepseek.com)。"}


@pytest.mark.parametrize("step, text, expected",
                         [c for c in STEP_CASES if c[1] != c[2] and c[1] not in NOT_LOCAL])
def test_step_offsets_round_trip(step, text, expected):
    """Every normalised span maps to an original slice that the same step
    turns back into the span (1→n expansions excepted: ™ → TM). Cases where
    nothing changes are left out: there, a slice can lose the left context
    that kept it (the 'x' in 'xwww.a.com')."""
    out = step(Normalized.of(text))
    _check_offsets(out, text)
    expanding = any(len(N._nfkc(c)) > 1 for c in text) and step is fold_width
    for i in range(len(out.text)):
        for j in range(i + 1, len(out.text) + 1):
            a, b = out.to_original(i, j)
            again = step(Normalized.of(text[a:b])).text
            assert out.text[i:j] in again if expanding else again == out.text[i:j], (i, j)


def test_expansion_repeats_source_offset():
    out = fold_width(Normalized.of("a™b"))
    assert out.text == "aTMb" and out.offsets == (0, 1, 1, 2, 3)
    assert out.to_original(1, 2) == out.to_original(2, 3) == out.to_original(1, 3) == (1, 2)


def test_deletion_drops_offsets():
    text = "阿尔特(12.120, -0.09, -0.74%)曼说"
    out = normalize(text)
    assert out.text == "阿尔特曼说"
    assert out.to_original(0, 3) == (0, 3)
    assert text[slice(*out.to_original(3, 4))] == "曼"
    assert out.to_original(2, 2) == (2, 2)
    with pytest.raises(IndexError):
        out.to_original(3, 99)


@pytest.mark.parametrize("text, expected", [
    ("华为昇腾芯片和昇思框架,黄仁勋表示", "华为昇腾芯片和昇思框架,黄仁勋表示"),
    ("輝達執行長黃仁勳表示,華為芯片發展很快。", "辉达执行长黄仁勋表示,华为芯片发展很快。"),
    ("DeepSeek會(huì)在全球AI競(jìng)爭(zhēng)中沉淪嗎", "DeepSeek会在全球AI竞争中沉沦吗"),
    ("中国高科(sh600730)技与阿尔特(12.120, -0.09, -0.74%)曼", "中国高科技与阿尔特曼"),
])
def test_normalize(text, expected):
    assert normalize(text).text == expected


@pytest.mark.parametrize("text, expected", [
    ("华为昇腾芯片", False), ("昇腾昇腾昇腾", False), ("黃仁勳說", True), ("黃仁", False),
    ("DeepSeek R1", False), ("", False),
    ("我第一次知道DeepSeek是在林亦做的大模型野榜看到了深度求索", False),
    ("人們又開始期待R2在架構上的繼續升級", True),
])
def test_is_traditional(text, expected):
    assert is_traditional(text) is expected


def test_is_traditional_on_seeds():
    found = {p.name[:3]: is_traditional(p.read_text("utf-8")) for p in SEEDS}
    assert found == {"000": False, "001": False, "002": True, "003": True, "004": False}


def test_traditional_flag_overrides_detection():
    assert normalize("黃仁勳", traditional=False).text == "黃仁勳"
    assert normalize("华为昇腾", traditional=True).text == "华为升腾"


def test_pipeline_is_fixed_and_complete():
    assert N.PIPELINE[0] is fold_width and N.PIPELINE[-1] is collapse_spaces
    assert to_simplified in N.PIPELINE


def test_to_simplified_realigns_when_length_changes(monkeypatch):
    class Fake:   # a phrase table that shortens 甲乙 to 丙
        @staticmethod
        def convert(s):
            return s.replace("甲乙", "丙")
    monkeypatch.setattr(N, "t2s_converter", lambda: Fake)
    text = "前甲乙后,甲乙"
    out = to_simplified(Normalized.of(text))
    assert out.text == "前丙后,丙"
    _check_offsets(out, text)
    assert [text[slice(*out.to_original(i, i + 1))] for i in range(5)] == list("前甲后,甲")
    assert text[slice(*out.to_original(0, 3))] == "前甲乙后"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_sentences_map_back(seed):
    """Each sentence's original slice normalises to the sentence itself."""
    original = seed.read_text("utf-8")
    trad = is_traditional(original)
    norm = normalize(original)
    _check_offsets(norm, original)
    for s, e in split_sentences(norm.text):
        a, b = norm.to_original(s, e)
        assert normalize(original[a:b], traditional=trad).text == norm.text[s:e]
    assert "http" not in norm.text and "(huì)" not in norm.text and "(sh600" not in norm.text


@pytest.mark.parametrize("seed", [p for p in SEEDS if not is_traditional(p.read_text("utf-8"))],
                         ids=lambda p: p.name[:3])
def test_normalize_is_idempotent_on_simplified_seeds(seed):
    once = normalize(seed.read_text("utf-8")).text
    assert normalize(once).text == once


@pytest.mark.parametrize("text, expected", [
    ("他说:“你好。”然后走了。", ["他说:“你好。”", "然后走了。"]),
    ("价格3.5美元。Data.ai称o3-mini很好. 对", ["价格3.5美元。", "Data.ai称o3-mini很好. 对"]),
    ("等等……真的吗?是的!", ["等等……", "真的吗?", "是的!"]),
    ("科技界却并不平静...距离 OpenAI", ["科技界却并不平静...", "距离 OpenAI"]),
    ("问题?!答案", ["问题?!", "答案"]),
    ("甲；乙;丙", ["甲；", "乙;", "丙"]),
    ("(见下文。)接着「好。」", ["(见下文。)", "接着「好。」"]),
    ("《标题》。【注:完。】后", ["《标题》。", "【注:完。】", "后"]),
    ("第一行\n\n  第二行  \n", ["第一行", "第二行"]),
    ("01.用起来怎么样?", ["01.用起来怎么样?"]),
    ("", []), ("  \n \n", []),
])
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


@pytest.mark.parametrize("text", [
    "字" * 300 + "，" + "字" * 300 + "。",
    "字" * 250 + "," + "字" * 250 + ",共1,000,000元" + "字" * 100,
    "字" * 1000,
    "word " * 200,
])
def test_long_sentences_are_cut(text):
    spans = split_sentences(text)
    assert all(0 < e - s <= MAX_SENTENCE for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    assert not any(text[e - 2:e + 1] == "1,0" for s, e in spans)   # never inside 1,000,000
    if "，" in text:
        assert text[spans[0][1] - 1] == "，"


# ── properties ───────────────────────────────────────────────────────────────
SNIPPETS = ["會(huì)", "(12.120, -0.09, -0.74%)", "(sh600730)", "(00700.HK)", "09988.HK",
            "(NASDAQ:NVDA)", "(GPT-4o)", IMG, "https://x.cn/a?b=1", "www.a.com", "[链接](http://a.b)",
            "  ", "\t", "\n", "\r\n", "\u3000", "\u200b", "™", "…", "。", "，", "3.5", "Data.ai"]
ALPHABET = st.sampled_from(list("深度求索黃仁勳會發昇腾华为英伟达AaZz09 .,;:!?()（）[]!%-+/：，。"
                                "「」“”《》\n\tＡ１・·"))
TEXT = st.lists(st.one_of(ALPHABET, st.sampled_from(SNIPPETS)), max_size=60).map("".join)
ANY_TEXT = st.one_of(TEXT, st.text(max_size=80))
FAST = settings(max_examples=200, deadline=None)


def _check_offsets(norm: Normalized, original: str) -> None:
    offs = norm.offsets
    assert len(offs) == len(norm.text) + 1 and offs[-1] == len(original)
    assert all(0 <= a <= b for a, b in zip(offs, offs[1:]))
    assert all(o < len(original) for o in offs[:-1])


@FAST
@given(ANY_TEXT, st.sampled_from([None, True, False]))
def test_normalize_never_raises_and_offsets_are_valid(text, traditional):
    _check_offsets(normalize(text, traditional=traditional), text)


@FAST
@given(ANY_TEXT)
def test_every_char_comes_from_its_source(text):
    norm = normalize(text, traditional=False)
    for i, ch in enumerate(norm.text):
        a, b = norm.to_original(i, i + 1)
        assert b == a + 1
        assert ch in normalize(text[a:b], traditional=False).text


@FAST
@given(ANY_TEXT, st.data())
def test_spans_without_deletions_are_local(text, data):
    """A span whose source holds no deleted material is the per-character
    folding of its original slice; equal when no 1→n expansion is cut."""
    norm = normalize(text, traditional=False)
    if not norm.text:
        return
    start = data.draw(st.integers(0, len(norm.text) - 1))
    end = data.draw(st.integers(start + 1, len(norm.text)))
    offs = norm.offsets
    if any(offs[k + 1] - offs[k] > 1 for k in range(start, end - 1)):
        return
    a, b = norm.to_original(start, end)
    local = collapse_spaces(fold_width(Normalized.of(text[a:b]))).text
    span = norm.text[start:end]
    assert span in local
    if all(len(N._nfkc(c)) == 1 for c in text[a:b]):
        assert local == span


@FAST
@given(ANY_TEXT)
def test_sentences_cover_all_visible_text(text):
    spans = split_sentences(text)
    assert all(0 <= s < e <= len(text) and e - s <= MAX_SENTENCE for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
