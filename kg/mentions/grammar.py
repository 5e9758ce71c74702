"""The words the organisation name grammar stops at, shared by
:mod:`kg.mentions.suffixes` and :mod:`kg.mentions.weak_orgs`: built from
the lexicon's word lists (``kg/data/words/names.tsv``) when a recogniser
is built."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import KGError
from kg.lexicon import Lexicon

__all__ = ["OrgWords", "char_class"]


def char_class(lex: Lexicon, kind: str) -> str:
    """A regex character class of the word list ``kind``, whose words must
    be single characters."""
    chars = lex.words(kind)
    bad = [w for w in chars if len(w) != 1]
    if bad:
        raise KGError(f"word list {kind!r} must hold single characters; got {bad!r}")
    return "[" + "".join(map(re.escape, chars)) + "]"


@dataclass(frozen=True)
class OrgWords:
    stop_left: frozenset[str]        # never walked over leftwards: a name starts after them
    generic: frozenset[str]          # generic words, no part of a name
    demonstratives: frozenset[str]   # a word starting with one is no name
    prepositions: frozenset[str]     # begin no name the dictionary does not know
    quantified: re.Pattern[str]      # 这家, 另一家, 数间

    @classmethod
    def of(cls, lex: Lexicon) -> OrgWords:
        return cls(
            stop_left=frozenset(lex.words("orgs.stop_left")),
            generic=frozenset(lex.words("orgs.generic")),
            demonstratives=frozenset(lex.words("orgs.demonstratives")),
            prepositions=frozenset(lex.words("orgs.prepositions")),
            quantified=re.compile(char_class(lex, "orgs.quantifiers") + char_class(lex, "orgs.quantities")
                                  + "?" + char_class(lex, "orgs.measures")))

    def not_in_names(self, word: str, tags: dict) -> bool:
        """Words no organisation name holds: quantified (另一家, 数间, 这家) or
        demonstrative (这是), and words the dictionary does not know that
        begin with a preposition, conjunction or particle (往大 in 往大公司)
        or end with a demonstrative (称该 in 称该公司)."""
        if self.quantified.match(word) or word[0] in self.demonstratives:
            return True
        if word not in tags and len(word) > 1 and word[-1] in self.demonstratives:
            return True             # 称该|公司, 对该|公司: a verb glued to a demonstrative
        return word not in tags and len(word) > 1 and (
            word[0] in self.prepositions or tags.get(word[0], "")[:1] in ("p", "c", "u"))
