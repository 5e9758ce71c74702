"""Names nobody listed, from Chinese name grammar over segmented words:
people beside titles and speech verbs, transliterated names joined by
·/・, names glossed in English, and organisations by their suffix."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from kg.lexicon import Lexicon
from kg.model import Mention

_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_DOTS = "·・‧•"
_GLOSS = re.compile(r"[(（]([A-Z][a-zA-Z'\-]+(?: [A-Z][a-zA-Z'\-.]+){1,3})[)）]")
_STOP_LEFT = frozenset("""
的 了 在 和 与 及 是 为 被 由 对 从 向 将 把 等 这 那 该 其 也 都 又 还 并 而 但 就 已 曾 已经
一家 这家 那家 该家 一个 各 多家 新 旗下 成立 宣布 发布 推出 收购 投资 表示 认为 称 包括 如 比如 例如
""".split())


_STRONG_HEADS = ("公司", "集团", "大学", "学院", "研究院", "研究所", "研究中心", "实验室", "委员会", "银行",
                 "基金会", "协会", "联盟", "交易所", "政府", "科学院", "工程院", "智库", "Inc", "Corp",
                 "Ltd", "LLC", "University", "Institute", "Foundation", "Labs", "Laboratory",
                 "Group", "Holdings", "Capital", "Partners", "Ventures", "部", "局", "署")
_HEAD_START = re.compile("|".join(map(re.escape, sorted(_STRONG_HEADS, key=len, reverse=True))))
_GOV_CHARS = "部局署厅"
_GENERIC = frozenset("""
科技 互联网 行业 全球 国内 国外 海外 知名 大型 头部 初创 领先 一家 这家 该 新 老 母 子 上市 大 小 中小
外部 内部 全部 局部 东部 西部 南部 北部 中部 总部 干部 本部 俱乐部 各部 多部 一部 该部
董事局 董事会 智库 顶尖 知名 著名 一流 重点 国家 国家级 顶级 第一 世界 全国 当地 本地 地方
AI 人工智能 科技型 创业 创新 投资 金融 咨询 合资 独资 国有 民营 外资 私营 跨国
""".split())
_BAD_TAGS = frozenset("vdpcurmqafyezo")
_INDUSTRY = frozenset("科技 人工智能 智能 信息 网络 技术 数据 软件 电子 基础 研究 计算 投资 金融 咨询 创新".split())
_MEASURE_BEFORE = frozenset("这那一两每各该此几某")
_DESCRIPTORS = ("智库", "初创公司", "初创企业", "新创", "知名", "著名", "老牌", "头部", "顶尖")
_ABBREV = re.compile(r"\s*[(（][A-Z][A-Za-z0-9&\-]{1,9}[)）]")
_FUNCTION_CHARS = frozenset("的了在和与及是为于被由对从向将把等也都又还并而但就已说称表指和跟同之其这那该")


_QUANTIFIED = re.compile(r"[这那另每各某数几多两一二三四五六七八九十首此该][一二三两几数多]?[家间个所座名位]")


_PREPOSITIONS = frozenset("往朝向对从在于为把被让给跟与和同及")


def _not_in_names(word: str, tags: dict) -> bool:
    """Words no organisation name holds: quantified (另一家, 数间, 这家) or
    demonstrative (这是), and words the dictionary does not know that
    begin with a preposition, conjunction or particle (往大 in 往大公司)."""
    if _QUANTIFIED.match(word) or word[0] in "这那另此该":
        return True
    return word not in tags and len(word) > 1 and (
        word[0] in _PREPOSITIONS or tags.get(word[0], "")[:1] in ("p", "c", "u"))


def _strong(suffix: str) -> bool:
    return any(h in suffix for h in _STRONG_HEADS) and suffix not in ("部", "局", "署") or len(suffix) == 1


def _proper(word: str, tags: dict) -> bool:
    """A word that can end a name: unknown to the dictionary, Latin, or a
    proper noun there (nz, nt, nr, ns, j)."""
    if not word or not _HAN.match(word):
        return bool(word)
    tag = tags.get(word)
    return tag is None or tag.startswith(("nz", "nt", "nr", "ns", "j", "eng"))


_DICT_LINE = re.compile(r"^(\S+) \d+ (\S+)\s*$", re.M)


@functools.lru_cache(maxsize=1)
def _pos_table() -> dict:
    """jieba's dictionary part-of-speech tags (word → n, v, ns …): the
    table ``jieba.posseg`` builds, read from the same file in a third of
    the time and without posseg's tagging models."""
    import jieba

    with jieba.get_dict_file() as f:
        return dict(_DICT_LINE.findall(f.read().decode("utf-8")))


class NameFinder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.titles = sorted(lex.titles, key=len, reverse=True)
        self.speech = tuple(sorted(lex.speech_verbs, key=len, reverse=True))
        self.suffixes = sorted(lex.org_suffixes, key=len, reverse=True)
        self._compound = frozenset(s for s in lex.surnames if len(s) == 2)
        tl = "".join(sorted(lex.translit)) or "阿"
        self._title_re = _alternation(lex.titles)
        self._speech_re = _alternation(lex.speech_verbs)
        self._post_re = _alternation(lex.cues.get("after:Person", ()))
        self._translit_re = re.compile(
            rf"[{re.escape(tl)}]{{1,6}}(?:[{_DOTS}\-][{re.escape(tl)}]{{1,8}})+")

    # -- people ----------------------------------------------------------
    def people(self, text, words, taken):
        out = []
        for m in self._translit_re.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                out.append(Mention(m.start(), m.end(), m.group(), "Person", "", "names/translit", 0.8))
        starts = [s for s, _ in words]
        ends = {e: i for i, (_, e) in enumerate(words)}
        by_start = {s: i for i, s in enumerate(starts)}
        latin = {m.start: m for m in taken if m.cls == "" and m.source == "shape/latin"}
        for t in self._title_re.finditer(text) if self._title_re else ():
            pos = t.end()
            if text.startswith(("的", " "), pos):
                pos += 1
            if pos in latin:        # OpenAI CEO Sam Altman
                run = latin[pos]
                out.append(Mention(run.start, run.end, run.text, "Person", "", "names/title", 0.75,
                                   role=t.group()))
                continue
            j = by_start.get(pos)
            name = self._name_at(text, words, j) if j is not None else None
            if name and not _overlaps(*name, taken):
                out.append(Mention(name[0], name[1], text[name[0]:name[1]], "Person", "",
                                   "names/title", 0.8, role=t.group()))
        for v in self._speech_re.finditer(text) if self._speech_re else ():
            i = ends.get(v.start())
            name = self._name_ending(text, words, i) if i is not None else None
            if name and not _overlaps(*name, taken):
                out.append(Mention(name[0], name[1], text[name[0]:name[1]], "Person", "",
                                   "names/speech", 0.7))
        for t in self._post_re.finditer(text) if self._post_re else ():
            i = ends.get(t.start())      # 陈立群院士, 李明教授: a name before a title that follows names
            name = self._name_ending(text, words, i) if i is not None else None
            if name and not _overlaps(*name, taken):
                out.append(Mention(name[0], name[1], text[name[0]:name[1]], "Person", "",
                                   "names/post-title", 0.7))
        for m in _GLOSS.finditer(text):
            # 行政总裁阿里(Ari Emanuel): a title before and a person's name in
            # brackets after make a known name a person here
            known = next((c for c in taken if c.end == m.start() and c.cls not in ("Person", "")), None)
            if known is not None and self._title_re and \
                    self._title_re.search(text, max(0, known.start - 8), known.start) and \
                    self._title_re.search(text, max(0, known.start - 8), known.start).end() == known.start:
                out.append(Mention(known.start, known.end, known.text, "Person", "", "names/override", 0.85))
                continue
            k = bisect_left(starts, m.start())
            name = self._name_ending(text, words, k - 1, min_translit=2) if k > 0 else None
            if name and name[1] == m.start() and not _overlaps(*name, taken):
                out.append(Mention(name[0], name[1], text[name[0]:name[1]], "Person", "",
                                   "names/gloss", 0.8))
        return out

    def _is_chinese_name(self, w: str) -> bool:
        """Surname + one or two given characters, and not a word the
        dictionary knows as anything but a name (关键, 成功, 文件 …)."""
        if not _HAN.match(w) or not 2 <= len(w) <= 4:
            return False
        tag = _pos_table().get(w)
        if tag is not None and not tag.startswith("nr"):
            return False
        if any(c in _FUNCTION_CHARS for c in w[1:]):
            return False
        if w[:2] in self._compound:
            return len(w) in (3, 4)
        if w[0] not in self.lex.surnames or len(w) > 3:
            return False
        # 曾|公开 (once, publicly): a surname that is also an adverb or a
        # preposition, before a word the dictionary knows as a verb or adverb
        tags = _pos_table()
        return len(w) == 2 or not (tags.get(w[0], "nr")[:1] in "dpc"
                                   and tags.get(w[1:], "nr")[:1] in _BAD_TAGS)

    def _is_translit(self, w: str) -> bool:
        core = w.translate({ord(c): None for c in _DOTS + "-"})
        return len(core) >= 2 and all(c in self.lex.translit for c in core)

    def _name_at(self, text, words, j):
        """A person name starting at word j: one word, or surname + given name."""
        if j >= len(words):
            return None
        s, e = words[j]
        w = text[s:e]
        if self._is_chinese_name(w) and len(w) == 2 and j + 1 < len(words):
            s2, e2 = words[j + 1]
            nxt = text[s2:e2]
            if e == s2 and len(nxt) == 1 and _HAN.match(nxt) and nxt not in _FUNCTION_CHARS:
                return s, e2            # 张宇|韬 → 张宇韬
        if self._is_chinese_name(w) or self._is_translit(w):
            return s, e
        if len(w) >= 3 and w[-1] in _FUNCTION_CHARS and self._is_chinese_name(w[:-1]):
            return s, e - 1             # 李明于|2019年: a particle glued to the name
        if j + 1 < len(words):
            s2, e2 = words[j + 1]
            both = text[s:e2]
            if e == s2 and self._is_chinese_name(both) and w in self.lex.surnames:
                return s, e2
            if e == s2 and self._is_translit(both) and len(both) <= 6:
                return s, e2
        return None

    def _name_ending(self, text, words, i, min_translit=3):
        """A person name ending with word i (before a speech verb)."""
        if i < 0:
            return None
        if text[max(0, words[i][0] - 1):words[i][0]] in _MEASURE_BEFORE:
            return None             # 这张表, 一位…
        s, e = words[i]
        w = text[s:e]
        if self._is_chinese_name(w) and w not in self.lex.not_entities:
            return s, e
        if i > 0:
            s0, _ = words[i - 1]
            both = text[s0:e]
            if text[s0:words[i - 1][1]] in self.lex.surnames and self._is_chinese_name(both):
                return s0, e
        if self._is_translit(w) and len(w) >= min_translit:
            return s, e
        return None

    # -- organisations -----------------------------------------------------
    def organisations(self, text, words, taken):
        """Name + organisation suffix (…有限公司, …大学, …研究所, …部). The
        name runs left over name-like words, never over verbs, adverbs,
        particles or generic words; weak suffixes (科技, 智能 …) do not count
        alone, a legal form (有限公司) may follow a long name."""
        out = []
        tags = _pos_table()
        people = [m for m in taken if m.cls == "Person"]
        for i, (s, e) in enumerate(words):
            w = text[s:e]
            suffix = w if w in self.lex.org_suffixes else None
            if suffix is None and len(w) > 2 and _HEAD_START.match(w):
                # 北辰|大学教授: a suffix glued to the title after it
                lead = next((x for x in _STRONG_HEADS if w.startswith(x) and len(w) > len(x)
                             and w[len(x):] in self.lex.titles), None)
            else:
                lead = None
            if lead:
                suffix, e, w = lead, s + len(lead), lead
            if suffix is None and len(w) >= 3 and w[-1] in _GOV_CHARS and _HAN.match(w) \
                    and tags.get(w, "n").startswith(("n", "x")) and w not in _GENERIC:
                suffix = w[-1]
            if suffix is None or not _strong(suffix) or (suffix == w and len(w) == 1):
                continue
            legal = "有限" in suffix or "股份" in suffix
            max_tokens = 8 if legal else 3
            j, start = i, s
            abbreviated = bool(_ABBREV.match(text, e))   # 知识工程实验室（KEG）: named by its initials
            if suffix != w:
                start = s        # the token holds the name: 商务部, 俱乐部
            while j > 0 and i - j < max_tokens:
                ps, pe = words[j - 1]
                pw = text[ps:pe]
                if pe != start or not (_HAN.match(pw) or re.match(r"^[A-Za-z][\w.&\- ]*$", pw)):
                    break
                if pw in _STOP_LEFT or pw in self.lex.titles or (pw in _GENERIC and not (legal and pw in _INDUSTRY)):
                    break
                if pw in self.lex.org_suffixes and (not legal or _strong(pw)):
                    break           # …科技有限公司 walks over 科技, not over 大学
                if _HAN.match(pw) and ((tags.get(pw, "n")[:1] in _BAD_TAGS and not abbreviated)
                                       or _not_in_names(pw, tags)):
                    break
                j, start = j - 1, ps
            while True:     # 欧洲智库布鲁盖尔研究所: a descriptor is not part of the name
                lead = next((g for g in _DESCRIPTORS if text.startswith(g, start) and start + len(g) < e), None)
                if lead is None:
                    break
                start += len(lead)
            name = text[start:e]
            core = name[:len(name) - len(suffix)] if name.endswith(suffix) else name
            if len(core) < 2 or len(name) > 30 or (not legal and len(core) > 8):
                continue
            if _overlaps(start, e, people):
                continue
            if any(m.start == start and m.end == start + len(core) and m.cls in ("Country", "City", "Place")
                   for m in taken) and not legal:
                continue            # 中国公司, 美国大学: a place and a generic noun
            if not legal and not abbreviated and not _proper(text[words[i - 1][0]:words[i - 1][1]] if start < s else w[:-len(suffix)], tags):
                continue
            cls = self.lex.org_suffixes.get(suffix, "GovernmentBody")
            out.append(Mention(start, e, name, cls, "", "names/suffix", 0.7))
        return out

    def before_titles(self, text, words, taken):
        """秘塔首席运营官王益为, 九合创投创始人王啸: the unknown name right
        before a corporate title that a person name follows is an
        organisation."""
        if not self._title_re:
            return []
        out, tags = [], _pos_table()
        ends = {e: i for i, (_, e) in enumerate(words)}
        people = {m.start for m in taken if m.cls == "Person"}
        for t in self._title_re.finditer(text):
            if self.lex.titles.get(t.group()) != "corporate" or t.end() not in people:
                continue
            i = ends.get(t.start())
            if i is None or _overlaps(words[i][0], t.start(), taken):
                continue
            j, start = i, words[i][0]
            while j >= 0 and i - j < 2:
                w = text[words[j][0]:words[j][1]]
                if not _HAN.match(w) or w in _STOP_LEFT or w in _GENERIC or w in self.lex.titles \
                        or tags.get(w, "nz")[:1] in _BAD_TAGS or tags.get(w, "nz") in ("n", "vn", "s", "f", "t"):
                    break
                start = words[j][0]
                j -= 1
            if j == i or not 2 <= t.start() - start <= 6:
                continue
            if _overlaps(start, t.start(), taken):
                continue
            out.append(Mention(start, t.start(), text[start:t.start()], "Company", "", "names/before-title", 0.6))
        return out

    # -- products ------------------------------------------------------------
    def products(self, text, words, taken):
        out = []
        for m in taken:
            if m.cls in {"Company", ""} and m.end < len(text):
                tail = re.match(r" ?(?:App|APP|app|应用|手机应用)(?![A-Za-z])", text[m.end:m.end + 6])
                if tail:
                    end = m.end + tail.end()
                    out.append(Mention(m.start, end, text[m.start:end], "Product", "",
                                       "names/product", 0.75))
        return out

    # -- one name, every occurrence --------------------------------------------
    def propagate(self, text, mentions):
        """A name recognised once as a person or organisation in a document
        is that thing wherever else the same characters stand."""
        known = {m.text: m for m in mentions if m.source.startswith("names/") and m.cls
                 and len(m.text) >= 2}
        if not known:
            return mentions
        extra = []
        pattern = re.compile("|".join(re.escape(t) for t in sorted(known, key=len, reverse=True)))
        for m in pattern.finditer(text):
            if not _overlaps(m.start(), m.end(), mentions + extra):
                src = known[m.group()]
                extra.append(Mention(m.start(), m.end(), m.group(), src.cls, "",
                                     "names/propagated", src.confidence - 0.1))
        return sorted(mentions + extra, key=lambda m: (m.start, m.end))


def _overlaps(start, end, mentions) -> bool:
    return any(start < m.end and m.start < end for m in mentions)


def _alternation(words):
    words = sorted((w for w in words if w), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)) if words else None
