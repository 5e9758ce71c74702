"""Names nobody listed, from Chinese name grammar over segmented words:
people beside titles and speech verbs, transliterated names joined by
·/・/．, Latin names with initials and diacritics (James J. Kavanaugh,
Thomas Müller), names glossed in English; the unknown Latin name before a
corporate title a person follows (Graphite 创办人 P) as a company;
products named by their app. Organisations by their suffix are
:mod:`kg.mentions.suffixes`."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from kg.lexicon import Lexicon, alternation
from kg.mentions.segments import trimmed, word_cuts
from kg.model import Mention

HAN = re.compile(r"^[\u3400-\u9fff]+$")
_DOTS = "·・‧•."         # "." is the full-width ． after width folding (赖瑞．艾里森)
_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOW = "a-zß-öø-ÿā-ž"
# a Latin person name: capitalised words (O'Shaughnessy, Jean-Luc, Müller) and initials (J.)
_LATIN_NAME = re.compile(rf"[{_UP}][{_UP}{_LOW}]*(?:['’\-][{_UP}{_LOW}]+)*"
                         rf"(?:(?:\. |\.| )[{_UP}](?:[{_UP}{_LOW}]*(?:['’\-][{_UP}{_LOW}]+)*)){{1,3}}"
                         rf"(?![{_UP}{_LOW}0-9.\-])")
_GLOSS = re.compile(r"[(（]([A-Z][a-zA-Z'\-]+(?: [A-Z][a-zA-Z'\-.]+){1,3})[)）]")
BAD_TAGS = frozenset("vdpcurmqafyezo")


_DICT_LINE = re.compile(r"^(\S+) \d+ (\S+)\s*$", re.M)


@functools.lru_cache(maxsize=1)
def pos_table() -> dict:
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
        tl = re.escape("".join(sorted(lex.translit)))
        self.function_chars = frozenset(lex.words("names.function_chars"))
        self.measure_before = frozenset(lex.words("names.measure_before"))
        self.speech_lead = frozenset(lex.words("names.speech_lead"))
        self.given_function = frozenset(lex.words("names.given_function_chars"))
        self.org_title_heads = lex.words("names.org_title_heads")
        self.preposition_words = frozenset(lex.words("names.preposition_after"))
        self.aspect = frozenset(lex.words("names.aspect_after"))
        self.title_end = frozenset(lex.words("names.title_end_chars"))
        self._product_tail = re.compile(
            r" ?(?:" + "|".join(map(re.escape, lex.words("names.product_tail"))) + r")(?![A-Za-z])")
        self.title_re = alternation(lex.titles)
        self._speech_re = alternation(lex.speech_verbs)
        self._post_re = alternation(lex.cues.get("after:Person", ()))
        self._translit_re = re.compile(rf"[{tl}]{{1,6}}(?: ?[{_DOTS}\-] ?[{tl}]{{1,8}})+") if tl else None

    # -- people ----------------------------------------------------------
    def people(self, text, words, taken):
        out = []
        cut = word_cuts(words)
        for m in (trimmed(m, cut) for m in self._translit_re.finditer(text)) if self._translit_re else ():
            if m is None:
                continue
            # 赖瑞·艾里森: a listed surname inside a longer transliterated name is part of it
            # … and so is a place inside it, past its first character (查德 in 理查德-琼斯)
            if not any(m.start() < t.end and t.start < m.end() and not (
                    t.cls == "Person" and m.start() <= t.start and (
                        t.end == m.end() or text[t.end] in _DOTS)) and not (
                    t.cls in ("Country", "City") and m.start() < t.start and t.end <= m.end()
                    and all(c in self.lex.translit for c in text[m.start():t.start])) for t in taken):
                out.append(Mention(m.start(), m.end(), m.group(), "Person", "", "names/translit", 0.8))
        starts = [s for s, _ in words]
        ends = {e: i for i, (_, e) in enumerate(words)}
        by_start = {s: i for i, s in enumerate(starts)}
        latin = {m.start: m for m in taken if m.cls == "" and m.source == "shape/latin"}
        for t in self.title_re.finditer(text) if self.title_re else ():
            pos = t.end()
            if text.startswith(("的", " "), pos):
                pos += 1
            full = _LATIN_NAME.match(text, pos)
            if pos in latin or full and not overlaps(pos, full.end(), [m for m in taken if m.cls]):
                end = max(latin[pos].end if pos in latin else pos, full.end() if full else pos)
                # OpenAI CEO Sam Altman, CFO James J. Kavanaugh
                out.append(Mention(pos, end, text[pos:end], "Person", "", "names/title", 0.75,
                                   role=t.group()))
                org = self._latin_before(text, t, latin)
                if org is not None:
                    out.append(org)
                continue
            j = by_start.get(pos)
            name = self._name_at(text, words, j) if j is not None else None
            if name and self._is_translit(text[name[0]:name[1]]):
                name = name[0], self._translit_end(text, name[1])
            if name and not overlaps(*name, taken) and not self._adverb_verb(text, *name):
                out.append(Mention(name[0], name[1], text[name[0]:name[1]], "Person", "",
                                   "names/title", 0.8, role=t.group()))
        for v in self._speech_re.finditer(text) if self._speech_re else ():
            i = ends.get(v.start())
            name = self._name_ending(text, words, i) if i is not None else self._glued(text, words, v)
            name = self._after_title_char(text, name)
            if name and not overlaps(*name, taken):
                out.append(Mention(name[0], name[1], text[name[0]:name[1]], "Person", "",
                                   "names/speech", 0.7))
        for t in self._post_re.finditer(text) if self._post_re else ():
            i = ends.get(t.start())      # 陈立群院士, 李明教授: a name before a title that follows names
            name = self._name_ending(text, words, i) if i is not None else None
            if name and not overlaps(*name, taken):
                out.append(Mention(name[0], name[1], text[name[0]:name[1]], "Person", "",
                                   "names/post-title", 0.7))
        for m in _GLOSS.finditer(text):
            # 行政总裁阿里(Ari Emanuel): a title before and a person's name in
            # brackets after make a known name a person here
            known = next((c for c in taken if c.end == m.start() and c.cls not in ("Person", "")), None)
            title = self.title_re.search(text, max(0, known.start - 8), known.start) \
                if known is not None and self.title_re else None
            if title is not None and title.end() == known.start:
                out.append(Mention(known.start, known.end, known.text, "Person", "", "names/override", 0.85))
                continue
            k = bisect_left(starts, m.start())
            name = self._name_ending(text, words, k - 1, min_translit=2) if k > 0 else None
            if name and name[1] == m.start() and not overlaps(*name, taken):
                out.append(Mention(name[0], name[1], text[name[0]:name[1]], "Person", "",
                                   "names/gloss", 0.8))
        return out

    def _translit_end(self, text, end):
        """马蒂亚|斯·岑特格拉夫: a transliterated name runs on over its
        characters and over a dot to the next part (whose first character
        may be any)."""
        tl = self.lex.translit
        k = end
        while k < len(text) and text[k] in tl and k - end < 3:
            k += 1
        if k > end and k < len(text) and (text[k] in _DOTS or (
                self._speech_re and self._speech_re.match(text, k))):
            end = k                 # only a run that a dot or a speech verb ends (波尔|曼表示)
        while end + 1 < len(text) and text[end] in _DOTS and HAN.match(text[end + 1]):
            k = end + 2
            while k < len(text) and text[k] in tl and k - end < 8:
                k += 1
            end = k
        return end

    def _latin_before(self, text, t, latin):
        """Graphite 创办人 Merrill Lutsky: the untyped Latin name right
        before a corporate title a person follows is a company there."""
        if self.lex.titles.get(t.group()) != "corporate" or not any(h in t.group() for h in self.org_title_heads):
            return None             # Podcast 主持人 P, Vibe Coding 工程师 P: a show or a skill
        end = t.start() - (text[t.start() - 1:t.start()] == " ")
        run = next((m for m in latin.values() if m.end == end), None)
        if run is None or len(run.text) < 3 or text[run.start - 1:run.start] in ("、", "和", "与"):
            return None
        return Mention(run.start, run.end, run.text, "Company", "", "names/before-title", 0.6)

    def _is_chinese_name(self, w: str) -> bool:
        """Surname + one or two given characters, and not a word the
        dictionary knows as anything but a name (关键, 成功, 文件 …)."""
        if not HAN.match(w) or not 2 <= len(w) <= 4:
            return False
        tag = pos_table().get(w)
        if tag is not None and not tag.startswith("nr"):
            return False
        if any(c in self.function_chars for c in w[1:]):
            return False
        if w[:2] in self._compound:
            return len(w) in (3, 4)
        if w[0] not in self.lex.surnames or len(w) > 3:
            return False
        # 曾|公开 (once, publicly): a surname that is also an adverb or a
        # preposition, before a word the dictionary knows as a verb or adverb
        tags = pos_table()
        return len(w) == 2 or not (tags.get(w[0], "nr")[:1] in "dpc"      # 向|客户, 曾|公开
                                   and (tags.get(w[1:], "nr")[:1] in BAD_TAGS or tags.get(w[1:]) == "n"))

    def _after_title_char(self, text, name):
        """首席生态|官梁珊|表示: a name glued to a title's last character (官) starts after it."""
        if not name or text[name[0]] not in self.title_end or not HAN.match(text[name[0] - 1:name[0]] or "a"):
            return name
        return (name[0] + 1, name[1]) if self._is_chinese_name(text[name[0] + 1:name[1]]) else None

    def _adverb_verb(self, text: str, s: int, e: int) -> bool:
        """合伙人|曾写|过: an adverb surname and a verb with an aspect mark after it."""
        return e - s == 2 and text[e:e + 1] in self.aspect and pos_table().get(text[s], "nr")[:1] in "dpc"

    @staticmethod
    def _common_word(w: str) -> bool:
        """A word the dictionary knows as anything but a name (许多, 成本,
        文章): no surname and given name start with it."""
        tag = pos_table().get(w)
        return len(w) > 1 and tag is not None and not tag.startswith("nr")

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
            if e == s2 and len(nxt) == 1 and HAN.match(nxt) and nxt not in self.function_chars:
                return s, e2            # 张宇|韬 → 张宇韬
            after = text[words[j + 2][0]:words[j + 2][1]] if j + 2 < len(words) else ""
            if e == s2 and nxt in self.given_function and after in self.preposition_words:
                return s, e2            # 王益|为|对: 为 before a preposition ends the name
        if self._is_chinese_name(w) or self._is_translit(w):
            return s, e
        if len(w) >= 3 and w[-1] in self.function_chars and self._is_chinese_name(w[:-1]):
            return s, e - 1             # 李明于|2019年: a particle glued to the name
        if j + 1 < len(words):
            s2, e2 = words[j + 1]
            both = text[s:e2]
            if e == s2 and self._is_chinese_name(both) and w in self.lex.surnames:
                return s, e2
            if e == s2 and self._is_translit(both) and len(both) <= 6:
                return s, e2
        return None

    def _glued(self, text, words, v):
        """李|明说: the given name glued to the speech verb by the segmenter."""
        k = bisect_left([e for _, e in words], v.end())
        if not 0 < k < len(words) or words[k][1] != v.end() or words[k][0] >= v.start():
            return None
        s0 = words[k - 1][0]
        cand = text[s0:v.start()]
        glued, first = text[words[k][0]:v.start()], text[s0:words[k - 1][1]]
        tag = pos_table().get(first)
        if first not in self.lex.surnames and tag is not None and not tag.startswith("nr"):
            return None             # 成本|据说: a word before, not a name's start
        if len(glued) == 1 and glued not in self.function_chars and glued not in self.speech_lead \
                and 2 <= len(cand) <= 3 and cand[0] in self.lex.surnames and self._is_chinese_name(cand) \
                and cand not in self.lex.not_entities:
            return s0, v.start()
        return None

    def _name_ending(self, text, words, i, min_translit=3):
        """A person name ending with word i (before a speech verb)."""
        if i < 0:
            return None
        if text[max(0, words[i][0] - 1):words[i][0]] in self.measure_before:
            return None             # 这张表, 一位…
        s, e = words[i]
        w = text[s:e]
        if self._is_chinese_name(w) and w not in self.lex.not_entities:
            return s, e
        if w in self.given_function and i > 0 and words[i - 1][1] == s:
            s0, e0 = words[i - 1]       # 王益|为|说: 为 before a speech verb ends the name
            if e0 - s0 == 2 and self._is_chinese_name(text[s0:e0]) and text[s0:e0] not in self.lex.not_entities:
                return s0, e
        if i > 0:
            s0, _ = words[i - 1]
            both = text[s0:e]
            if text[s0:words[i - 1][1]] in self.lex.surnames and self._is_chinese_name(both) and not (
                    pos_table().get(text[s0:words[i - 1][1]], "nr")[:1] in "dpc" and self._common_word(w)):
                return s0, e        # 曾|国藩, not 曾|发帖 (once posted)
            if len(w) == 1 and len(both) == 3 and w not in self.function_chars and \
                    both[0] in self.lex.surnames and self._is_chinese_name(both) and \
                    both not in self.lex.not_entities and not self._common_word(text[s0:words[i - 1][1]]):
                return s0, e        # 陈立|群|说, not 许多|人|称赞 or 成本|来|预测
        if self._is_translit(w) and len(w) >= min_translit:
            return s, e
        return None

    # -- products ------------------------------------------------------------
    def products(self, text, words, taken):
        out = []
        for m in taken:
            if m.cls in {"Company", ""} and m.end < len(text):
                tail = self._product_tail.match(text[m.end:m.end + 6])
                if tail:
                    end = m.end + tail.end()
                    out.append(Mention(m.start, end, text[m.start:end], "Product", "",
                                       "names/product", 0.75))
        return out

    # -- one name, every occurrence --------------------------------------------
    def propagate(self, text, mentions):
        """:func:`kg.mentions.namesakes.propagate`."""
        from kg.mentions.namesakes import propagate

        return propagate(text, mentions)


def overlaps(start, end, mentions) -> bool:
    return any(start < m.end and m.start < end for m in mentions)
