"""What every frame reads besides its sentence: the ontology's classes,
domains and ranges, the cue words of ``kg/data/cues.tsv`` compiled once,
and the gazetteer's lookup of a known name a longer name starts with.
Built once per extractor and handed to each pattern when it is made."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from kg.lexicon import Lexicon, alternation
from kg.model import Mention
from kg.ontology.schema import Schema

_PLACEHOLDER = re.compile(r"\{\{([\w.:-]+)\}\}")
HeadOf = Callable[[str], "Mention | None"]


def _no_head(name: str) -> Mention | None:
    return None


@dataclass(frozen=True, eq=False)
class Context:
    schema: Schema
    titles: Mapping[str, str]                  # title → kind (corporate, government …)
    hedge: re.Pattern | None
    negation: re.Pattern | None
    neg_exception: re.Pattern | None
    coordination: re.Pattern                   # what joins list items (A、B和C)
    partner: re.Pattern | None                 # A携手B: partners acting together
    barrier: re.Pattern | None                 # what a filler before an object may not hold
    pronouns: tuple[tuple[re.Pattern | None, frozenset[str]], ...]
    corporate_title: re.Pattern | None
    role_ending: re.Pattern | None
    sentiment: Mapping[str, re.Pattern]        # polarity → verdict words
    head_of: HeadOf = _no_head                 # the known name a longer name starts with
    orgs: frozenset[str] = frozenset()         # Organization and its subclasses
    places: frozenset[str] = frozenset()       # Place and its subclasses
    lexicon: Lexicon | None = None
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, lexicon: Lexicon, schema: Schema, head_of: HeadOf | None = None) -> Context:
        words = lexicon.words
        partner = alternation(words("partner"))
        corporate = alternation(t for t, kind in lexicon.titles.items() if kind == "corporate")
        ends = sorted(words("role_ending"), key=len, reverse=True)
        pronouns = []
        for kind in sorted(lexicon.cues):
            if kind.startswith("pronoun:"):
                target = kind.split(":", 1)[1]
                pronouns.append((alternation(words(kind)),
                                 frozenset() if target == "any" else frozenset({target})))
        return cls(
            schema=schema,
            titles=MappingProxyType(dict(lexicon.titles)),
            hedge=alternation(words("hedge")),
            negation=alternation(words("negation")),
            neg_exception=alternation(words("negation_exception")),
            # A、B / A和视觉多模态模型B: a separator, maybe a short class phrase
            coordination=re.compile(
                r"^\s*(?:" + "|".join(re.escape(w) for w in words("coordination"))
                + r")\s*(?:[\u4e00-\u9fff]{0,8}(?:" + "|".join(map(re.escape, words("list_class_noun")))
                + r"))?\s*$"),
            partner=re.compile(r"\s*(?:" + partner.pattern + r")\s*") if partner else None,
            barrier=alternation(words("object_barrier")),
            pronouns=tuple(pronouns),
            corporate_title=re.compile("(?:" + corporate.pattern + r")\s*$") if corporate else None,
            role_ending=re.compile("(?:" + "|".join(map(re.escape, ends)) + ")$") if ends else None,
            sentiment=MappingProxyType({k: alternation(words(k)) for k in ("positive", "negative")}),
            head_of=head_of or _no_head,
            orgs=schema.subclasses("Organization"),
            places=schema.subclasses("Place"),
            lexicon=lexicon,
        )

    # -- word lists --------------------------------------------------------
    def grammar(self, template: str) -> re.Pattern:
        """The regex of ``template``, each ``{{kind}}`` in it standing for
        the words of that word list as one group (in file order, so the
        construction reads exactly as written). Compiled once per context:
        the construction stays in code, its words in ``kg/data``."""
        rx = self._memo.get(template)
        if rx is None:
            rx = self._memo[template] = re.compile(_PLACEHOLDER.sub(self._group, template))
        return rx

    def words(self, kind: str) -> tuple[str, ...]:
        return self.lexicon.words(kind)

    def word_set(self, kind: str) -> frozenset[str]:
        key = ("set", kind)
        words = self._memo.get(key)
        if words is None:
            words = self._memo[key] = frozenset(self.lexicon.words(kind))
        return words

    def _group(self, m: re.Match) -> str:
        return "(?:" + "|".join(map(re.escape, self.lexicon.words(m.group(1)))) + ")"

    # -- classes -----------------------------------------------------------
    def fits(self, cls: str, allowed: frozenset[str]) -> bool:
        """A class fits when it or one of its superclasses is allowed (any
        class when nothing is listed); an untyped name never fits."""
        if not allowed:
            return bool(cls)
        return bool(cls) and any(c in allowed for c in self.schema.superclasses(cls))

    def domain(self, pattern) -> frozenset[str]:
        return frozenset(pattern.subject_classes) or self.schema.domain(pattern.predicate)

    def range(self, pattern) -> frozenset[str]:
        return frozenset(pattern.object_classes) or self.schema.range(pattern.predicate)

    # -- cues ----------------------------------------------------------------
    def hedged(self, text: str) -> bool:
        return bool(self.hedge and self.hedge.search(text))

    def clause_negated(self, text: str, start: int, pos: int) -> bool:
        """A negation anywhere in text[start:pos] (不会对…构成威胁)."""
        seg = text[start:pos]
        if self.neg_exception:
            seg = self.neg_exception.sub("", seg)
        return bool(self.negation and self.negation.search(seg)) or self.hedged(seg)

    def negated(self, text: str, trigger_start: int) -> bool:
        window = text[max(0, trigger_start - 3):trigger_start]
        if not self.negation or not self.negation.search(window):
            return False
        around = text[max(0, trigger_start - 3):trigger_start + 3]
        return not (self.neg_exception and self.neg_exception.search(around))
