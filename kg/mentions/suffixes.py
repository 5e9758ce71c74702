"""Organisations by their suffix (…有限公司, …大学, …研究所, …部) and the
unknown name right before a corporate title a person follows (秘塔首席运营官…):
the name grammar walks left over name-like words from the suffix."""

from __future__ import annotations

import re

from kg.lexicon import Lexicon, alternation
from kg.model import Mention
from kg.mentions.grammar import OrgWords
from kg.mentions.names import BAD_TAGS, HAN, overlaps, pos_table

_PLACES = ("Country", "City", "Place")
_ABBREV = re.compile(r"\s*[(（][A-Z][A-Za-z0-9&\-]{1,9}[)）]")


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
        self.grammar = OrgWords.of(lex)
        self.heads = lex.words("orgs.strong_heads")     # in order: the first that matches wins
        self._head_start = alternation(self.heads)
        self.gov_chars = frozenset(lex.words("orgs.gov_chars"))
        self.departments = tuple(lex.words("orgs.departments"))
        self.legal_marks = lex.words("orgs.legal_marks")
        self.industry = frozenset(lex.words("orgs.industry"))
        self.descriptors = lex.words("orgs.descriptors")   # in order: the first that matches wins
        self.place_heads = frozenset(lex.words("orgs.place_heads"))
        self.negating = tuple(lex.words("weak.negating_chars"))
        self._describing = sorted(set(lex.words("orgs.trades")) | self.grammar.generic | self.industry,
                                  key=len, reverse=True)

    def _strong(self, suffix: str) -> bool:
        """A suffix that makes an organisation alone: one with a strong head,
        or a single character (…部, …局)."""
        return any(h in suffix for h in self.heads) or len(suffix) == 1

    def organisations(self, text, words, taken):
        """Name + organisation suffix (…有限公司, …大学, …研究所, …部). The
        name runs left over name-like words, never over verbs, adverbs,
        particles or generic words; weak suffixes (科技, 智能 …) do not count
        alone, a legal form (有限公司) may follow a long name."""
        out = []
        tags, grammar = pos_table(), self.grammar
        people = [m for m in taken if m.cls == "Person"]
        for i, (s, e) in enumerate(words):
            w = text[s:e]
            suffix = w if w in self.lex.org_suffixes else None
            if suffix is None and len(w) > 2 and self._head_start.match(w):
                # 北辰|大学教授: a suffix glued to the title after it
                lead = next((x for x in self.heads if w.startswith(x) and len(w) > len(x)
                             and w[len(x):] in self.lex.titles), None)
            else:
                lead = None
            if lead:
                suffix, e, w = lead, s + len(lead), lead
            if suffix is None and len(w) >= 3 and w[-1] in self.gov_chars and HAN.match(w) \
                    and tags.get(w, "n").startswith(("n", "x")) and w not in grammar.generic:
                suffix = w[-1]
            if suffix is None or not (self._strong(suffix) or suffix in self.place_heads) \
                    or (suffix == w and len(w) == 1):
                continue
            legal = any(mark in suffix for mark in self.legal_marks)
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
                if pw in grammar.stop_left or pw in self.lex.titles or (
                        pw in grammar.generic and not (legal and pw in self.industry)):
                    break
                if pw in self.lex.org_suffixes and (not legal or self._strong(pw)):
                    break           # …科技有限公司 walks over 科技, not over 大学
                if HAN.match(pw) and ((tags.get(pw, "n")[:1] in BAD_TAGS and not abbreviated)
                                       or grammar.not_in_names(pw, tags)):
                    break
                j, start = j - 1, ps
            if j > 0 and words[j - 1][1] == start:
                start = self._translit_start(text, words[j - 1][0], start, e - len(suffix))
            while True:     # 欧洲智库布鲁盖尔研究所: a descriptor is not part of the name
                lead = next((g for g in self.descriptors if text.startswith(g, start) and start + len(g) < e),
                            None)
                if lead is None:
                    break
                start += len(lead)
            name = text[start:e]
            core = name[:len(name) - len(suffix)] if name.endswith(suffix) else name
            if len(core) < 2 or len(name) > 30 or (not legal and len(core) > 8) or self.describes(core) \
                    or core.startswith(self.negating):
                continue                # 不输大公司: a negated comparison, no name
            if overlaps(start, e, people):
                continue
            if name.endswith(self.departments):
                continue            # 星河销售部, 北辰研发部: a company's department, no government body
            if not self._strong(suffix) and not any(m.start == start and m.cls in _PLACES for m in taken):
                continue            # 北京日报, 湖南卫视: an outlet head makes a name after a place only
            if suffix in self.gov_chars and any(m.start == start and m.cls == "Company" for m in taken):
                continue            # 星河科技法务部: a company's department, no government body
            if any(m.start == start and m.end <= start + len(core) and m.cls in ("Country", "City", "Place")
                   and self.describes(core[m.end - start:]) for m in taken) and not legal \
                    and suffix not in self.place_heads:
                continue            # 中国公司, 美国大学, 美国四大实验室: a place and a generic noun (not 广州市政府)
            if not legal and not abbreviated and not _proper(text[words[i - 1][0]:words[i - 1][1]] if start < s else w[:-len(suffix)], tags):
                continue
            cls = self.lex.org_suffixes.get(suffix, "GovernmentBody")
            out.append(Mention(start, e, name, cls, "", "names/suffix", 0.7))
        return out

    def _translit_start(self, text: str, before: int, start: int, core_end: int) -> int:
        """普利|托利亚大学: a transliterated core takes in the word before it
        (from ``before``) when that word is transliteration characters too,
        which the segmenter cut off."""
        tl = self.lex.translit
        if core_end - start < 2 or not all(c in tl for c in text[before:core_end]):
            return start
        return before if core_end - before <= 8 else start

    def describes(self, core: str) -> bool:
        """传统SaaS, 网络安全, 其他科技, 四大: a core made only of trade,
        generic and counting words describes organisations and names none
        (一家生技公司, 多家网络安全公司)."""
        rest = core.strip()
        while rest:
            lead = next((w for w in self._describing if rest.startswith(w)), None)
            if lead is None:
                return False
            rest = rest[len(lead):].strip()
        return True

    def before_titles(self, text, words, taken):
        """秘塔首席运营官王益为, 九合创投创始人王啸: the unknown name right
        before a corporate title that a person name follows is an
        organisation."""
        if not self.title_re:
            return []
        out, tags, grammar = [], pos_table(), self.grammar
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
                if not HAN.match(w) or w in grammar.stop_left or w in grammar.generic or w in self.lex.titles \
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
