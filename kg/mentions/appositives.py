"""A person named before an appositive that gives an organisation and a
corporate title: 陈立群 星河科技创始人、CEO (a name line), 陈立群（星河科技
创始人）, 陈立群，星河科技联合创始人兼CEO，… . The Chinese name right before
the separator is a person there; the title must close the appositive
(a bracket, a comma, 、, 兼 or the end of the line follows it)."""

from __future__ import annotations

from kg.mentions.names import NameFinder, overlaps
from kg.model import Mention

_OPEN = " （(，,"          # what separates the name from its appositive
_STOP = "。；;：:！？!?\n“”「」"   # no appositive runs over these
_CLOSE = "、）)，, \n"       # what may follow the title (or a word of names.title_joiners)
_WIDTH = 14                  # at most this many characters from the separator to the title


class Appositives:
    def __init__(self, names: NameFinder):
        self.names = names
        self.joiners = tuple(names.lex.words("names.title_joiners"))

    def people(self, text: str, words: list[tuple[int, int]], taken: list[Mention]) -> list[Mention]:
        rx = self.names.title_re
        if rx is None:
            return []
        ends = {e: i for i, (_, e) in enumerate(words)}
        out = []
        for t in rx.finditer(text):
            if self.names.lex.titles.get(t.group()) != "corporate":
                continue
            if t.end() < len(text) and text[t.end()] not in _CLOSE and not text.startswith(self.joiners, t.end()):
                continue
            lo = max(0, t.start() - _WIDTH)
            sep = max(text.rfind(c, lo, t.start()) for c in _OPEN)
            if sep < 1 or t.start() - sep < 3 or any(c in _STOP for c in text[sep:t.start()]):
                continue
            i = ends.get(sep)
            name = self.names._name_ending(text, words, i) if i is not None else None
            if name and not overlaps(*name, taken) and not overlaps(*name, out):
                out.append(Mention(name[0], name[1], text[name[0]:name[1]], "Person", "",
                                   "names/appositive", 0.7))
        return out
