"""Names introduced by a naming verb: 这家公司叫做Zeta, 一款名为Nova的应用,
一位名叫Lars Holm的工程师. The class noun before the verb (公司叫做X) or
after the name (名叫X的…工程师) types an unknown name; the verb alone
types nothing (他叫X: no class)."""

from __future__ import annotations

import re

from kg.lexicon import Lexicon, alternation
from kg.model import Mention

# classes a naming construction may give, tried in this order
_CLASSES = ("GovernmentBody", "Company", "AIModel", "Product", "Hardware", "Organization")
_CLAUSE_END = re.compile(r"[，,。；;：:、！!？?（(“「\n]")
# a quoted name after a naming verb: 名为“Foo Code Assistant for Z”的AI工具 (words, digits, spaces, - . + &)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_QUOTED_NAME = r"[“「\"]([A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff ·.+&'-]{1,46}[A-Za-z0-9\u4e00-\u9fff+])[”」\"]"


class CalledNames:
    def __init__(self, lex: Lexicon):
        self.verbs = tuple(sorted(lex.words("names.called_verbs"), key=len, reverse=True))
        self.persons = tuple(lex.words("names.called_persons")) + tuple(lex.titles)
        self.nouns = {cls: tuple(lex.cues.get(f"before:{cls}", ())) for cls in _CLASSES}
        verbs = alternation(lex.words("names.called_quoted_verbs"))
        self._quoted = re.compile(rf"(?:{verbs.pattern}){_QUOTED_NAME}") if verbs else None

    def quoted(self, text: str) -> list[Mention]:
        """Quoted names after a naming verb, typed by the class noun around
        them (一款名为“Foo for Z”的AI工具): the quotation marks bound a name
        the name grammar would cut at its spaces; without a class noun, nothing.
        Only verbs that give a name (names.called_quoted_verbs, not 称为: a
        nickname or a description), never a person, at most 8 Han characters."""
        out = []
        for hit in self._quoted.finditer(text) if self._quoted else ():
            quoted = Mention(hit.start(1) - 1, hit.end(1) + 1, "", "", "", "names/called", 0.7)
            cls = self.cls_of(text, quoted)     # the verb before the opening mark, 的+noun after the closing one
            if cls and cls != "Person" and len(_HAN.findall(hit.group(1))) <= 8:     # a quoted description is no name
                out.append(Mention(hit.start(1), hit.end(1), hit.group(1), cls, "", "names/called", 0.7))
        return out

    def cls_of(self, text: str, m: Mention) -> str:
        """The class a naming construction around ``m`` gives, or ""."""
        left = text[max(0, m.start - 16):m.start].rstrip()
        verb = next((v for v in self.verbs if left.endswith(v)), None)
        if verb is None:
            return ""
        tail = text[m.end:m.end + 14].lstrip()
        if tail.startswith("的"):           # 名叫X的荷兰工程师, 名为X的应用
            phrase = _CLAUSE_END.split(tail[1:], maxsplit=1)[0]
            for k in range(1, min(len(phrase), 8) + 1):     # the first noun after 的 (a few modifiers)
                if phrase[:k].endswith(self.persons):
                    return "Person"
                cls = self._noun_class(phrase[:k])
                if cls:
                    return cls
        return self._noun_class(left[:-len(verb)].rstrip())    # 这家公司叫做X

    def _noun_class(self, phrase: str) -> str:
        return next((cls for cls in _CLASSES if self.nouns[cls] and phrase.endswith(self.nouns[cls])), "")
