"""Organisations by their suffix (…有限公司, …大学, …研究所, …部) and the
unknown name right before a corporate title a person follows (秘塔首席运营官…):
the name grammar walks left over name-like words from the suffix."""

from __future__ import annotations

import re

from kg.lexicon import Lexicon, alternation
from kg.model import Mention
from kg.mentions.names import BAD_TAGS, GENERIC, HAN, STOP_LEFT, overlaps, pos_table

_STRONG_HEADS = ("公司", "集团", "大学", "学院", "研究院", "研究所", "研究中心", "实验室", "委员会", "银行",
                 "基金会", "协会", "联盟", "交易所", "政府", "科学院", "工程院", "智库", "Inc", "Corp",
                 "Ltd", "LLC", "University", "Institute", "Foundation", "Labs", "Laboratory",
                 "Group", "Holdings", "Capital", "Partners", "Ventures", "部", "局", "署")
_HEAD_START = alternation(_STRONG_HEADS)
_GOV_CHARS = "部局署厅"
_INDUSTRY = frozenset("科技 人工智能 智能 信息 网络 技术 数据 软件 电子 基础 研究 计算 投资 金融 咨询 创新".split())
_DESCRIPTORS = ("智库", "初创公司", "初创企业", "新创", "知名", "著名", "老牌", "头部", "顶尖")
_ABBREV = re.compile(r"\s*[(（][A-Z][A-Za-z0-9&\-]{1,9}[)）]")
_QUANTIFIED = re.compile(r"[这那另每各某数几多两一二三四五六七八九十首此该][一二三两几数多]?[家间个所座名位]")


_PREPOSITIONS = frozenset("往朝向对从在于为把被让给跟与和同及")


def not_in_names(word: str, tags: dict) -> bool:
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
    if not word or not HAN.match(word):
        return bool(word)
    tag = tags.get(word)
    return tag is None or tag.startswith(("nz", "nt", "nr", "ns", "j", "eng"))


class SuffixOrgs:
    def __init__(self, lex: Lexicon, title_re: re.Pattern | None):
        self.lex = lex
        self.title_re = title_re        # the NameFinder's: every title of the lexicon

    def organisations(self, text, words, taken):
        """Name + organisation suffix (…有限公司, …大学, …研究所, …部). The
        name runs left over name-like words, never over verbs, adverbs,
        particles or generic words; weak suffixes (科技, 智能 …) do not count
        alone, a legal form (有限公司) may follow a long name."""
        out = []
        tags = pos_table()
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
            if suffix is None and len(w) >= 3 and w[-1] in _GOV_CHARS and HAN.match(w) \
                    and tags.get(w, "n").startswith(("n", "x")) and w not in GENERIC:
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
                if pe != start or not (HAN.match(pw) or re.match(r"^[A-Za-z][\w.&\- ]*$", pw)):
                    break
                if pw in STOP_LEFT or pw in self.lex.titles or (pw in GENERIC and not (legal and pw in _INDUSTRY)):
                    break
                if pw in self.lex.org_suffixes and (not legal or _strong(pw)):
                    break           # …科技有限公司 walks over 科技, not over 大学
                if HAN.match(pw) and ((tags.get(pw, "n")[:1] in BAD_TAGS and not abbreviated)
                                       or not_in_names(pw, tags)):
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
            if overlaps(start, e, people):
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
        if not self.title_re:
            return []
        out, tags = [], pos_table()
        ends = {e: i for i, (_, e) in enumerate(words)}
        people = {m.start for m in taken if m.cls == "Person"}
        for t in self.title_re.finditer(text):
            if self.lex.titles.get(t.group()) != "corporate" or t.end() not in people:
                continue
            i = ends.get(t.start())
            if i is None or overlaps(words[i][0], t.start(), taken):
                continue
            j, start = i, words[i][0]
            while j >= 0 and i - j < 2:
                w = text[words[j][0]:words[j][1]]
                if not HAN.match(w) or w in STOP_LEFT or w in GENERIC or w in self.lex.titles \
                        or tags.get(w, "nz")[:1] in BAD_TAGS or tags.get(w, "nz") in ("n", "vn", "s", "f", "t"):
                    break
                start = words[j][0]
                j -= 1
            if j == i or not 2 <= t.start() - start <= 6:
                continue
            if overlaps(start, t.start(), taken):
                continue
            out.append(Mention(start, t.start(), text[start:t.start()], "Company", "", "names/before-title", 0.6))
        return out
