"""Chinese product names in quotation marks: 发布了“灵光”AI助手, 上线应用「星图」,
《北辰世界》游戏. A short quoted name right before a product noun, or right
after one, is a product; a quoted phrase with no product noun beside it
(a slogan, a title, a quotation) is nothing."""

from __future__ import annotations

import re

from kg.lexicon import Lexicon, alternation
from kg.mentions.gazetteer import fold_name
from kg.model import Mention

_QUOTED = re.compile(r"[“「《]([\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 ·]{0,8}[\u4e00-\u9fffA-Za-z0-9]?)[”」》]")


_HAN = re.compile(r"[\u4e00-\u9fff]")


class QuotedProducts:
    def __init__(self, lexicon: Lexicon):
        nouns = alternation(lexicon.words("quoted.product_nouns"))
        models = alternation(lexicon.words("quoted.model_nouns"))
        self._after = re.compile(rf"\s?(?:AI|ai)?\s?(?:{nouns.pattern})") if nouns else None
        self._before = re.compile(rf"(?:{nouns.pattern})\s?$") if nouns else None
        self._model = re.compile(rf"\s?(?:AI|ai)?\s?(?:{models.pattern})") if models else None
        self._stop = frozenset(lexicon.not_entities)
        self._function = frozenset("".join(lexicon.words("names.function_chars")))
        self._known = {fold_name(n) for e in lexicon.entries.values() for n in e.names}

    def find(self, text: str) -> list[Mention]:
        out = []
        if self._after is None:
            return out
        for m in _QUOTED.finditer(text):
            name = m.group(1)
            han = len(_HAN.findall(name))
            if name.lower() in self._stop or len(name) < 2 or han > 4 or fold_name(name) in self._known \
                    or any(c in self._function for c in name):
                continue                       # a phrase (人体的数字孪生), or a name the gazetteer has
            if self._model is not None and self._model.match(text, m.end()):
                out.append(Mention(m.start(1), m.end(1), name, "AIModel", "", "quoted", 0.7))
            elif (after := self._after.match(text, m.end())) and fold_name(name + after.group()) in self._known:
                continue                       # 「通义」App: the gazetteer's 通义App
            elif after or self._before.search(text, max(0, m.start() - 6), m.start()):
                out.append(Mention(m.start(1), m.end(1), name, "Product", "", "quoted", 0.7))
        return out
