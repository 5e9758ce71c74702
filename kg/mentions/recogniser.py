"""Names in text → typed mentions.

Two passes. :func:`Recogniser.candidates` runs before segmentation
(gazetteer hits and Latin/version shapes; these become single tokens), and
:func:`Recogniser.recognise` runs over the segmented words (people, the
organisation suffix grammar, context typing, statistical NER when a model
provides it). Overlaps go to the longer, then the more trusted mention.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.mentions import shapes
from kg.mentions.gazetteer import Gazetteer, fold_name, straddles
from kg.mentions.kinds import ThingTyper
from kg.mentions.appositives import Appositives
from kg.mentions.called import CalledNames
from kg.mentions import continued
from kg.mentions.coded import brand_stems, coded_products
from kg.mentions.quoted import QuotedProducts
from kg.lexicon import Lexicon, alternation
from kg.model import Mention
from kg.text.segment import load_segmenter
from kg.mentions.names import NameFinder
from kg.mentions.weak_orgs import WeakOrgs
from kg.mentions.suffixes import SuffixOrgs
from kg.mentions.trims import apps_stay_products, office_verb_trim, sequence_labels

# a version or model code after a known Han name: 4.5, v2, M9, and a code with a letter tail (M5EV, L7P)
_VERSION_AFTER = re.compile(
    r"\s?(?:[vV]?\d+(?:\.\d+)*[A-Za-z]{0,2}\b|[A-Za-z]{1,2}\d+[A-Za-z]{1,2}(?![A-Za-z0-9])|[A-Za-z]\d+(?:\.\d+)*)")
_BARE_VERSION = re.compile(r"v\d+(?:\.\d+)*$")
_ORG_CLASSES = frozenset({"GovernmentBody", "Company", "Organization"})
# classes a cue types across a space (美国车企 Rivian, 爬虫 ZetaBot); not chips (芯片 MEMC is a feature)
_SPACED_CUE_CLASSES = _ORG_CLASSES | {"Product"}
_SOURCE_RANK = {"names/override": -1, "gazetteer": 0, "gazetteer+version": 1, "shape": 2, "names": 3, "context": 4,
                "statistical": 5}


class Recogniser:
    """Holds the gazetteer automaton and word lists for one process."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.gazetteer = Gazetteer(lexicon.entries.values(), lexicon.not_entities)
        self.names = NameFinder(lexicon)
        self.appositives = Appositives(self.names)
        self.weak_orgs = WeakOrgs(lexicon)
        self.suffix_orgs = SuffixOrgs(lexicon, self.names.title_re)
        self.office_chars = frozenset(lexicon.words("names.office_chars"))
        self.sequence_words = frozenset(lexicon.words("names.sequence_words"))
        self.app_tails = tuple(sorted(lexicon.words("names.product_tail"), key=len, reverse=True))
        self.kinds = ThingTyper(lexicon)
        self.quoted = QuotedProducts(lexicon)
        self.called = CalledNames(lexicon)
        self.segmenter = None                   # kg.text.segment's, set by the pipeline or on first use
        self._units = alternation(lexicon.words("kinds.units"))
        self._time_words = tuple(lexicon.words("names.time_after_place"))
        self._variants = frozenset(w.lower() for w in lexicon.words("kinds.variants"))
        self._cue = {k: tuple(v) for k, v in lexicon.cues.items()}
        seps = sorted(lexicon.cues.get("coordination", ("、",)), key=len, reverse=True)
        self._hosts = tuple(lexicon.words("names.product_host"))
        self._families = continued.family_heads(lexicon.entries.values())
        self._brands = brand_stems(lexicon.entries.values(), tuple(lexicon.words("names.brand_tails")))
        self._coordination = re.compile(r"^\s*(?:" + "|".join(map(re.escape, seps)) + r")\s*$")

    # -- pass 1: before segmentation ------------------------------------
    def candidates(self, text: str) -> list[Mention]:
        out = []
        for hit in self.gazetteer.find(text):
            if straddles(text, hit.start, hit.end, self.segment):
                continue                        # 义乌 in 资本主义|乌托邦, 华为 in 中华|为什么
            e = hit.entries[0]
            if e.cls in _PLACES and text.startswith(self._time_words, hit.end):
                continue                        # 北京时间: a time zone, no mention of the place
            out.append(Mention(hit.start, hit.end, text[hit.start:hit.end], e.cls, e.id,
                               "gazetteer", 0.95))
            ext = self._versioned(text, hit.end, e.cls)
            if ext:
                out.append(Mention(hit.start, ext, text[hit.start:ext], e.cls, "",
                                   "gazetteer+version", 0.85))
        for s, e in shapes.latin_runs(text, self.lex.not_entities, self._units):
            m = self._classify_run(text, s, e)
            if m is not None:
                out.append(m)
        out += self.called.quoted(text)         # 名为“Foo for Z”的工具: the quotes bound the name
        taken = select(out)
        taken = select(taken + continued.hosted(text, taken, self._hosts, self._is_place)
                       + continued.series(text, self._families, taken)
                       + coded_products(text, self._brands, self._units, self.lex.not_entities, taken,
                                        self.segment))
        return select(taken + [q for q in self.quoted.find(text)
                               if not any(q.start < t.end and t.start < q.end for t in taken)])

    def _is_place(self, word: str) -> bool:
        return any(h.start == 0 and h.end == len(word) and h.entries[0].cls in _PLACES | {"Country"}
                   for h in self.gazetteer.find(word))

    def segment(self, text: str) -> list[str]:
        """jieba's words of ``text`` (the pipeline's own segmenter when it
        set one, else one loaded on first use)."""
        if self.segmenter is None:
            self.segmenter = load_segmenter()
        return self.segmenter.lcut(text)

    def _versioned(self, text: str, end: int, cls: str) -> int | None:
        """文心一言4.5, 昇腾910B: a known Han name followed by a version."""
        if cls not in {"AIModel", "Product", "Hardware"} or not re.match(r"[\u4e00-\u9fff]", text[end - 1]):
            return None
        m = _VERSION_AFTER.match(text, end)
        if m and not re.match(r"[0-9A-Za-z.]", text[m.end():m.end() + 1] or " "):
            tail = m.group().strip()
            if not re.fullmatch(r"\d{4}", tail) and not re.fullmatch(r"\d+", tail) or cls == "Hardware":
                return m.end()
        return None

    def _classify_run(self, text: str, s: int, e: int) -> Mention | None:
        run = text[s:e]
        parts = shapes.split_tokens(run)
        if run.lower() in self.lex.not_entities or all(p.lower() in self.lex.not_entities for p in parts):
            return None
        if all(p.lower() in self._variants for p in parts):
            return None                         # Pro, Pro Max: a variant word names nothing alone
        head = self._known_head(run)
        if head is not None and len(head[0]) < len(run):
            name, entry = head
            tail = run[len(name):].strip(" -")
            if entry.cls == "Product" and tail.lower() in shapes.PRODUCT_WORDS:
                return Mention(s, e, run, "Product", "", "shape", 0.8)
            if entry.cls in {"Company", "AIModel", "Product"} and (
                    shapes.is_version(tail.split(" ")[0].split("-")[0]) or shapes.looks_like_model(run)):
                return Mention(s, e, run, "AIModel", "", "shape", 0.85)
        if shapes.looks_like_hardware(run):
            return Mention(s, e, run, "Hardware", "", "shape", 0.7)
        if shapes.SHORT_MODEL_RE.match(run):
            return Mention(s, e, run, "AIModel", "", "shape/short", 0.5)
        if shapes.looks_like_model(run):
            return Mention(s, e, run, "AIModel", "", "shape", 0.7)
        if fold_name(run) in self.lex.not_entities or len(run) < 2:
            return None
        last = parts[-1]
        if len(parts) > 1 and self.lex.org_suffixes.get(last) in ("Company", "Organization"):
            s = shapes.extend_left(text, s)             # Apollo Global Management Inc
            return Mention(s, e, text[s:e], self.lex.org_suffixes[last], "", "shape/org", 0.75)   # Vy Capital
        return Mention(s, e, run, "", "", "shape/latin", 0.5)

    def head_of(self, name: str) -> Mention | None:
        """The longest known name ``name`` starts with (杭州 in 杭州深度求索…,
        DeepSeek in DeepSeek-V3), as a mention at offset 0."""
        best = None
        for hit in self.gazetteer.find(name):
            if hit.start == 0 and hit.end < len(name) and (best is None or hit.end > best.end):
                e = hit.entries[0]
                best = Mention(0, hit.end, name[:hit.end], e.cls, e.id, "gazetteer", 0.9)
        return best

    def _known_head(self, run: str):
        """The longest gazetteer name the run starts with (DeepSeek in
        DeepSeek-R1-0528, Claude in Claude 3.7 Sonnet)."""
        best = None
        for hit in self.gazetteer.find(run):
            if hit.start == 0 and hit.end < len(run) and (best is None or hit.end > len(best[0])):
                best = (run[:hit.end], hit.entries[0])
        return best

    # -- pass 2: over the segmented words --------------------------------
    def recognise(self, text: str, words: list[tuple[int, int]], candidates: list[Mention],
                  statistical: list[Mention] = ()) -> list[Mention]:
        found = list(candidates)
        found += self.names.people(text, words, candidates)
        found += self.appositives.people(text, words, select(found))
        found += self.suffix_orgs.organisations(text, words, candidates)
        found += self.names.products(text, words, candidates)
        found += self.weak_orgs.find(text, words, lambda: select(found))
        people = select(found)
        found += self.suffix_orgs.before_titles(text, words, people)
        found += [m for m in statistical]
        found = [self._type_from_context(text, m) if not m.cls else m for m in found]
        mentions = self.kinds.decide(text, select(found))
        mentions = _type_lists(text, _type_glosses(text, mentions), self._coordination)
        mentions = self.names.propagate(text, self._short_shapes_in_context(text, mentions))
        mentions = office_verb_trim(text, mentions, self.office_chars, self.names.title_re)
        mentions = apps_stay_products(sequence_labels(mentions, self.sequence_words), self.app_tails)
        return self._products_as_companies(text, mentions)

    def _products_as_companies(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """新加坡AI新创Manus, Manus创办人肖弘, Facebook母公司Meta: a listed
        product the text names as a company (a company noun right before, a
        founder title or its parent company right after) is the company in
        that mention. Its node stays the listed
        one (the key is kept), so no two nodes arise and nothing merges."""
        before = self._cue.get("company_noun_before", ())
        after = self._cue.get("founder_after", ()) + self._cue.get("parent_after", ())
        out = []
        for m in mentions:
            if m.cls == "Product" and m.key and _cued(text, m, before, after, before_width=8, rstrip=True):
                m = replace(m, cls="Company", as_company=True)
            out.append(m)
        return out

    def _short_shapes_in_context(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A short shape no list knows (R1, K2, but also L2缓存, 银河M9) is a
        model only beside a model cue (R1模型), just after a model or
        company name (OpenAI的o5, 月之暗面发布K3), or when the document
        also writes it after a longer model name (DeepSeek-R1 … R1)."""
        tails = {m.text.rsplit(sep, 1)[-1] for m in mentions if m.cls in ("AIModel", "Product", "Hardware")
                 for sep in "- " if sep in m.text}
        pre = self._cue.get("before:AIModel", ())
        post = self._cue.get("after:AIModel", ())
        gaps = {"", *self._cue.get("short_model_gap", ())}
        out, last = [], None
        for m in mentions:
            if m.source == "shape/short" and m.text not in tails and _BARE_VERSION.match(m.text):
                continue                        # v49版本: a bare version is a model only inside its family
            if m.source == "shape/short" and m.cls == "AIModel" and not (
                    m.text in tails or _cued(text, m, pre, post)
                    or (last is not None and last.cls in ("AIModel", "Company", "Product")
                        and text[last.end:m.start].strip() in gaps)):
                continue
            out.append(m)
            last = m
        return out

    def _type_from_context(self, text: str, m: Mention) -> Mention:
        cls = self.called.cls_of(text, m)       # 这家公司叫做X, 名叫X的工程师: named, so every later X too
        if cls:
            return replace(m, cls=cls, source="names/called", confidence=0.7)
        for cls in ("GovernmentBody", "Company", "AIModel", "Product", "Hardware", "Organization", "Person"):
            if _cued(text, m, self._cue.get(f"before:{cls}", ()), self._cue.get(f"after:{cls}", ()),
                     rstrip=cls in _SPACED_CUE_CLASSES):
                return replace(m, cls=cls, source="context", confidence=0.7)
        return m


def _cued(text: str, m: Mention, before: tuple[str, ...], after: tuple[str, ...], *,
          before_width: int = 6, rstrip: bool = False) -> bool:
    """Does a ``before`` cue end right before ``m`` (within ``before_width``
    characters; spaces skipped with ``rstrip``) or an ``after`` cue start
    right after it (spaces skipped)? Never across a line break: a heading
    (…入侵系统) does not type the paragraph's first word."""
    left = text[max(0, m.start - before_width):m.start]
    return (left.rstrip(" \t\u3000") if rstrip else left).endswith(before) \
        or text[m.end:m.end + 6].lstrip(" \t\u3000").startswith(after)


_PLACES = frozenset({"Country", "City", "Place"})


def _type_lists(text: str, mentions: list[Mention], sep: re.Pattern) -> list[Mention]:
    """A、B和C: an untyped Latin name listed among names of one class
    takes that class (投资者包括X、Y Capital和Z); not a place's class (宇航员
    P和俄罗斯宇航员Q: the place there modifies the next member)."""
    out = list(mentions)
    for _ in range(2):
        for i, m in enumerate(out):
            if m.cls or not m.source.startswith("shape/latin"):
                continue
            near = [out[j] for j in (i - 1, i + 1) if 0 <= j < len(out)]
            classes = {n.cls for n in near if n.cls and n.cls not in _PLACES and sep.match(
                text[min(n.end, m.end):max(n.start, m.start)])}
            if len(classes) == 1:
                out[i] = replace(m, cls=classes.pop(), typed_by="list", confidence=0.6)
    return out


def _type_glosses(text: str, mentions: list[Mention]) -> list[Mention]:
    """巴伦(Ron Baron): an untyped name in brackets right after a typed one
    is the same thing and takes its class."""
    out = list(mentions)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.cls and not b.cls and b.start == a.end + 1 and text[a.end] in "(（" \
                and text[b.end:b.end + 1] in ")）":
            out[i] = replace(b, cls=a.cls, typed_by="gloss")
    return out


def select(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: longer first, then the more trusted source.
    Untyped mentions survive here (relations may type them later)."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), m.cls == "",
                                             _SOURCE_RANK.get(m.source, _SOURCE_RANK.get(m.source.split("/")[0], 9)),
                                             -m.confidence, m.start))
    taken: list[Mention] = []
    occupied = bytearray(max((m.end for m in mentions), default=0))
    for m in ranked:
        if any(occupied[m.start:m.end]):
            continue
        taken.append(m)
        occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
    return sorted(taken, key=lambda m: (m.start, m.end))
