"""Companies named with a weak ending (北辰科技, 星河智能, 每日互动, 北辰资本):
such a name is a company only where a company stands — before a corporate
title, 旗下 or a company verb (发布, 推出, 融资, 涨停 …), after a company
noun (初创公司, 新创), or in a list beside a known company. The ending
alone says nothing (人工智能, 信息技术, 社会资本 are ordinary words)."""

from __future__ import annotations

import re

from kg.lexicon import Lexicon
from kg.model import Mention
from kg.mentions.grammar import OrgWords
from kg.mentions.names import HAN, pos_table


class WeakOrgs:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.endings = tuple(sorted(lex.cues.get("weak_org_ending", ()), key=len, reverse=True))
        self.after = tuple(lex.cues.get("company_position_after", ())) + tuple(
            t for t, kind in lex.titles.items() if kind == "corporate")
        self.before = tuple(lex.cues.get("before:Company", ()))
        self.market = tuple(lex.cues.get("company_clause_after", ()))
        self.grammar = OrgWords.of(lex)
        # words that make ordinary phrases with a weak ending (数字科技, 前沿技术)
        self.common_cores = frozenset(lex.words("weak.common_cores"))
        self.trades = frozenset(lex.words("orgs.trades"))    # 商业|技术公司, 关联|公司: a descriptive core
        self.negating = tuple(lex.words("weak.negating_chars"))     # 连非|科技: non-tech, no name
        # 已经, 近日, 宣布 … between the name and what types it; tried in file order
        self._lead = re.compile("(?:" + "|".join(map(re.escape, lex.words("weak.lead"))) + ")*")
        self._separators = re.compile(
            r"\s*(?:" + "|".join(map(re.escape, lex.words("weak.separators"))) + r")\s*$")

    def find(self, text: str, words: list[tuple[int, int]], taken) -> list[Mention]:
        """Two rounds: a list of two unknown names (北辰资本、星海创投和…)
        types the first from the second. ``taken``: the mentions found so
        far, or a function that gives them (called only when needed)."""
        if not self.endings or not any(text.endswith(self.endings, s, e) for s, e in words):
            return []                   # the cheap guard: no word with such an ending
        taken = taken() if callable(taken) else taken
        out = self._find(text, words, taken)
        return out + self._find(text, words, taken + out) if out else out

    def _find(self, text, words, taken):
        out = []
        tags = pos_table()
        for i, (s, e) in enumerate(words):
            if not text.endswith(self.endings, s, e):
                continue
            w = text[s:e]
            ending = next(x for x in self.endings if w.endswith(x))
            start = s
            if w == ending:             # 每日|互动: the name is the word before
                if i == 0 or words[i - 1][1] != s:
                    continue
                start = words[i - 1][0]
            elif tags.get(w) is not None:
                continue                # 人工智能, 信息技术: a word the dictionary knows
            name, core = text[start:e], text[start:e - len(ending)]
            if not 2 <= len(core) <= 4 or not (HAN.match(core) or re.fullmatch(r"[A-Z][A-Za-z]{2,}", core)):
                continue
            if core in self.common_cores or core in self.trades or core.endswith(self.negating) or core in self.grammar.generic or core in self.grammar.stop_left \
                    or self.grammar.not_in_names(core, tags) \
                    or core in self.lex.titles or name in tags or name.lower() in self.lex.not_entities:
                continue
            if any(start < m.end and m.start < e for m in taken):
                continue
            if tags.get(core, "")[:1] in ("c", "d", "p"):
                continue                # 只有|科技公司: a conjunction or adverb, no name
            if tags.get(core, "")[:1] == "v" and any(pe == start and text[ps:pe] in self.common_cores
                                                     for ps, pe in words[max(0, i - 2):i]):
                continue                # 智能|驾驶|技术: a verb after a common core, no name
            if self._company_position(text, start, e, taken):
                out.append(Mention(start, e, name, "Company", "", "names/weak-suffix", 0.6))
        return out

    def _company_position(self, text, start, end, taken) -> bool:
        after = text[end:end + 12]
        lead = self._lead.match(after)
        rest = after[lead.end():] if lead else after
        if rest.startswith(self.after) or after.startswith(self.after):
            return True
        clause = re.split(r"[，,。；;：:、]", after[:10], maxsplit=1)[0]
        if any(w in clause for w in self.market):      # 并行科技以30cm涨停
            return True
        if text[max(0, start - 6):start].endswith(self.before):
            return True
        for m in taken:                 # 北辰科技、星海公司和Zeta: beside a known company
            if m.cls != "Company":
                continue
            if m.end <= start and self._separators.fullmatch(text, m.end, start):
                return True
            if m.start >= end and self._separators.fullmatch(text, end, m.start):
                return True
        return False
