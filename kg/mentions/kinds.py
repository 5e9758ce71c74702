"""One class per named thing, decided over the whole document.

A name no list knows whose shape only says *a name with a version or a
size* (Zeta-7B, Foo 5.2, X90, Galaxy S23, Wi-Fi 7) is not a model because
of its shape: phones, cars, headsets, consoles, operating systems, chips
and standards are written the same way. Every mention of the name votes
with the words right beside it (模型/参数 for a model, 手机/车型/头显/系统
for a product, 芯片/显卡/传感器 for hardware, 标准/协议/大会 for none of
them), more weakly with such words elsewhere in its sentence, with what
it is made of (a known family at its head, a parameter size such as 7B),
with the names it is listed with (A、B等车型) and with the known names a
sentence compares it to; the thing takes the class with the most votes in
the document, and without a vote it is no entity (a short shape kept for
its model context stays a model).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from kg.lexicon import Lexicon, alternation
from kg.mentions.families import THING_CLASSES, Families
from kg.mentions.gazetteer import fold_name
from kg.mentions.shapes import looks_like_hardware
from kg.model import Mention

# the shapes this pass decides (the gazetteer's own names keep their class)
DECIDED = frozenset({"shape", "shape/short", "gazetteer+version", "shape/brand"})
NONE = "none"
_SIZE = re.compile(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?[BMT](?![A-Za-z])|\d+x\d+B|A\d+(?:\.\d+)?B\b")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_IMMEDIATE, _CONTEXT, _FAMILY, _SHAPE, _PEER = 2.0, 0.5, 1.5, 2.0, 1.0

Votes = dict[str, float]


class ThingTyper:
    """The cue lists and the gazetteer's families, built once."""

    def __init__(self, lexicon: Lexicon):
        cues = {"AIModel": lexicon.words("kinds.aimodel"), "Product": lexicon.words("kinds.product"),
                "Hardware": lexicon.words("kinds.hardware"), NONE: lexicon.words("kinds.none")}
        self._cues = {cls: alternation(words) for cls, words in cues.items()}
        self._after = {cls: re.compile(rx.pattern, re.I) for cls, rx in self._cues.items()}
        self._before = {cls: re.compile(f"(?:{rx.pattern})$", re.I) for cls, rx in self._cues.items()}
        self._context = alternation(lexicon.words("kinds.aimodel_context"))
        self._peers = alternation(lexicon.words("kinds.peers"))
        self._model_words = frozenset(w.lower() for w in lexicon.words("kinds.model_words"))
        fillers = alternation(lexicon.words("kinds.fillers"))
        self._filler = re.compile(rf"(?:{fillers.pattern})?\s?")
        seps = sorted(lexicon.cues.get("coordination", ("、",)), key=len, reverse=True)
        self._sep = re.compile(r"^\s*(?:" + "|".join(map(re.escape, seps)) + r")\s*$")
        self.families = Families(lexicon)
        self._known = {fold_name(n) for e in lexicon.entries.values() for n in e.names}

    # -- the document ------------------------------------------------------
    def decide(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions, each decided shape typed by the votes of all of its
        thing's mentions (NONE: untyped, no entity); an untyped coined Latin
        name takes Product or Hardware only from a cue beside it or its list."""
        near = [i for i, m in enumerate(mentions) if _decided(m) or _open(m)]
        own = {i: self.votes(text, mentions[i]) for i in near}
        for i in near:                  # OpenAI的o5, 月之暗面kimi发布k1.8: a short shape after a model maker
            prev = mentions[i - 1] if i else None
            if mentions[i].source == "shape/short" and prev is not None and mentions[i].start - prev.end <= 4 \
                    and (prev.cls == "AIModel" or "AIModel" in self.families.of(prev.text)):
                own[i][1]["AIModel"] += _FAMILY
        for i in near:                  # 哈弗 H9, 星河 X7: a code right after a Han maker's name
            prev = mentions[i - 1] if i else None
            if (_branded_code(text, prev, mentions[i]) or _LETTER_CODE.search(mentions[i].text)
                    and mentions[i].source == "shape/brand") and not (own[i][2].get("AIModel") or own[i][2].get("Hardware")):
                own[i][1]["Product"] += _FAMILY + _SHAPE      # over a chip-like shape (L60) with no chip word
        shared = self._lists(text, mentions, own)
        peers = self._peer_votes(text, mentions, own)
        total: dict[str, Votes] = defaultdict(lambda: defaultdict(float))
        close: dict[str, Votes] = defaultdict(lambda: defaultdict(float))
        strong: dict[str, Votes] = defaultdict(lambda: defaultdict(float))    # all but sentence words
        for i in near:
            key = fold_name(mentions[i].text)
            imm, made, ctx = own[i]
            for part, level in ((imm, 2), (shared.get(i, {}), 2), (made, 1), (ctx, 0), (peers.get(i, {}), 1)):
                for cls, w in part.items():
                    total[key][cls] += w
                    if level >= 1:
                        strong[key][cls] += w
                    if level == 2:
                        close[key][cls] += w
        self._borrow(mentions, near, total)
        out = []
        for m in mentions:
            key = fold_name(m.text)
            if _decided(m):
                # a name a cue word typed (X版本, 模型X) keeps its class without a vote
                cls = _winner(strong[key] if m.source == "context" else total[key], _default(m))
                if cls != m.cls:
                    m = replace(m, cls="" if cls == NONE else cls,
                                source=m.source if cls != NONE else "kinds/none", typed_by="kinds")
            elif _open(m) and _coined(m.text) and max(close[key].values(), default=0) >= _IMMEDIATE:
                cls = _winner(close[key])
                if cls not in (NONE, "AIModel"):
                    m = replace(m, cls=cls, typed_by="kinds", confidence=0.6)
            out.append(m)
        return _with_brand(text, out)

    def _borrow(self, mentions, near, total) -> None:
        """S23 after Galaxy S23 takes its class; Galaxy S23+ with no vote of
        its own takes the class of the other Galaxy names of the document."""
        tails = {fold_name(_tokens(m.text)[-1]): m for m in mentions
                 if m.cls in THING_CLASSES and len(_tokens(m.text)) >= 2 and not _open(m)}
        shorts = {fold_name(m.text) for m in mentions if m.source == "shape/short"}
        for key, votes in list(total.items()):
            long = tails.get(key) if key in shorts else None
            if long is not None and fold_name(long.text) != key:
                cls = _winner(total[fold_name(long.text)], _default(long)) if _decided(long) else long.cls
                if cls != NONE:
                    votes[cls] += 3 * _IMMEDIATE
        heads: dict[str, Votes] = defaultdict(lambda: defaultdict(float))
        for i in near:
            m = mentions[i]
            if _decided(m) and len(_tokens(m.text)) >= 2:
                cls = _winner(total[fold_name(m.text)])
                if cls != NONE:
                    heads[_tokens(m.text)[0]][cls] += 1
        for i in near:
            m = mentions[i]
            key = fold_name(m.text)
            if _decided(m) and len(_tokens(m.text)) >= 2 and max(total[key].values(), default=0) <= 0:
                for cls, n in heads.get(_tokens(m.text)[0], {}).items():
                    total[key][cls] += _CONTEXT * n

    def _lists(self, text, mentions, own) -> dict[int, Votes]:
        """A、B和C等车型: the members of a list share the cues beside any of
        them, their shapes and families, and the classes of the known names
        among them."""
        out: dict[int, Votes] = {}
        chain: list[int] = []
        for i in range(len(mentions) + 1):
            if i < len(mentions) and chain and self._sep.match(text[mentions[chain[-1]].end:mentions[i].start]):
                chain.append(i)
                continue
            if len(chain) > 1:
                pool: Votes = defaultdict(float)
                for j in chain:
                    if j in own:
                        for part in own[j][:2]:
                            for cls, w in part.items():
                                pool[cls] += w
                    elif mentions[j].key and mentions[j].cls in THING_CLASSES:
                        pool[mentions[j].cls] += _FAMILY
                for j in chain:
                    out[j] = dict(pool)
            chain = [i] if i < len(mentions) else []
        return out

    def _peer_votes(self, text, mentions, own) -> dict[int, Votes]:
        """Zeta-7B超过了Orion-5: a sentence that compares names compares
        things of one kind, so a name takes the sure classes of the others."""
        out: dict[int, Votes] = {}
        if self._peers is None:
            return out
        sure = {}
        for i, m in enumerate(mentions):
            if m.key and m.cls in THING_CLASSES:
                sure[i] = m.cls
            elif i in own and own[i][1]:
                sure[i] = _winner(own[i][1])
        for i in own:
            a, b = _sentence(text, mentions[i])
            if not self._peers.search(text, a, b):
                continue
            votes: Votes = defaultdict(float)
            lo = _sentence(text, Mention(a - 1, a - 1, "", "", "", ""))[0] if a else a   # 其 of the sentence before
            for j, cls in sure.items():
                if j != i and lo <= mentions[j].start < b and cls in THING_CLASSES:
                    votes[cls] += _PEER
            out[i] = votes
        return out

    # -- one mention -------------------------------------------------------
    def votes(self, text: str, m: Mention) -> tuple[Votes, Votes, Votes]:
        """What one mention says about its thing's class: the cues right
        beside it; what the name is made of (family, size, chip shape); the
        cue words elsewhere in its sentence."""
        imm: Votes = defaultdict(float)
        made: Votes = defaultdict(float)
        ctx: Votes = defaultdict(float)
        after = text[m.end:m.end + 10].lstrip(" \u3000」”》)）")
        after = after[self._filler.match(after).end():]
        before = text[max(0, m.start - 8):m.start].rstrip(" \u3000「“《(（—：:")
        a, b = _sentence(text, m)
        for cls, rx in self._cues.items():
            if self._after[cls].match(after):
                imm[cls] += _IMMEDIATE
            if self._before[cls].search(before):
                imm[cls] += _IMMEDIATE
            # products hold chips and chips sit in products: their nouns elsewhere weigh less
            ctx[cls] += _CONTEXT * min(_count(rx, text, a, b, m), 2) * (0.5 if cls in ("Product", "Hardware") else 1)
        if self._context is not None:
            # words about models (参数, 训练) are rarer elsewhere than the nouns (模型, 系统): they weigh more
            ctx["AIModel"] = min(ctx["AIModel"] + 2 * _CONTEXT * _count(self._context, text, a, b, m), 4 * _CONTEXT)
        for cls in self.families.of(m.text):
            made[cls] += _FAMILY
        rest = re.split(r"[\s\-]", m.text, maxsplit=1)
        if len(rest) == 2 and fold_name(rest[0]) in self._known:
            # 三星 Galaxy S23, ChatGPT o3-mini: after a known name, the later part is more specific
            for cls in self.families.of(rest[1]):
                made[cls] += _FAMILY + 0.5
        if _SIZE.search(m.text) or any(t in self._model_words for t in _tokens(m.text)):
            made["AIModel"] += _SHAPE
        if looks_like_hardware(m.text):
            made["Hardware"] += _SHAPE
        return imm, made, ctx


def _with_brand(text: str, mentions: list[Mention]) -> list[Mention]:
    """三星 Galaxy S23, 哈弗 H9: a maker's name right before a product it
    names no list knows is part of that product's name."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and m.cls == "Product" and m.source in DECIDED and not m.key
                and prev.cls == "Company" and prev.key and text[prev.end:m.start] in ("", " ")
                and re.match(r"[A-Za-z0-9]", m.text)):
            out[-1] = replace(m, start=prev.start, text=text[prev.start:m.end], source="shape")
            continue
        out.append(m)
    return out


_CODE = re.compile(r"[A-Z]{1,3}\d{1,4}[A-Z]{0,2}")
_LETTER_CODE = re.compile(r"[A-Z]\d+[A-Z]{0,2}$")     # 仰望 U8, 红旗 L9: a brand word's letter code


def _branded_code(text: str, prev: Mention | None, m: Mention) -> bool:
    """A model code (H9, LX570, U8) right after a listed company's Han
    name (with or without a space): the maker's product, unless its own
    words say model or chip."""
    return (prev is not None and prev.cls == "Company" and bool(prev.key) and bool(_HAN_END.search(prev.text))
            and text[prev.end:m.start] in ("", " ") and bool(_CODE.fullmatch(m.text)))


_HAN_END = re.compile(r"[\u4e00-\u9fff]$")


def _count(rx: re.Pattern, text: str, a: int, b: int, m: Mention) -> int:
    """Matches of ``rx`` in text[a:b] outside the mention."""
    return sum(1 for x in rx.finditer(text, a, b) if x.end() <= m.start or x.start() >= m.end)


def _decided(m: Mention) -> bool:
    return m.source in DECIDED or (m.source == "context" and m.cls in THING_CLASSES)


def _default(m: Mention) -> str:
    return m.cls if m.source == "context" else NONE


def _open(m: Mention) -> bool:
    return not m.cls and m.source.startswith("shape/latin")


def _coined(name: str) -> bool:
    """Not a plain capitalised word (Leaderboard): a coined name has two
    capitals, a digit or a capital inside (EQE, GPTBot, iFixit)."""
    return sum(c.isupper() for c in name) >= 2 or any(c.isdigit() for c in name) or name[:1].islower()


def _winner(votes: Votes, default: str = NONE) -> str:
    """The class with the most votes; one weak vote (a cue word somewhere in
    a sentence) decides nothing."""
    best = max(votes.values(), default=0.0)
    if best < 2 * _CONTEXT:
        return default
    for cls in ("Hardware", "AIModel", "Product", NONE):     # a tie: the more specific evidence
        if votes.get(cls, 0.0) == best:
            return cls
    return NONE


def _sentence(text: str, m: Mention) -> tuple[int, int]:
    """The sentence around ``m``, at most 60 characters either side."""
    lo = max(0, m.start - 60)
    a = max((x.end() for x in _SENTENCE_END.finditer(text, lo, m.start)), default=lo)
    nxt = _SENTENCE_END.search(text, m.end, m.end + 60)
    return a, nxt.start() if nxt else min(len(text), m.end + 60)


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-_]+", name.lower()) if t]
