"""Mentions across documents → one entity per real-world thing.

Names join when the gazetteer says so, when a bracket glosses one with the
other, or by rules that hold for names of their kind: a company name
before a model name (OpenAI o1 → o1), a bare version (R1 → the DeepSeek-R1
of the same document), a generic tail (英伟达公司 → 英伟达), a short form of
a name the same document spelled out (阶跃 → 阶跃星辰), a family name of a
transliterated full name (奥特曼 → 山姆·奥特曼). A person never joins an
organisation, and different versions (o3, o3-mini) never join.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.mentions.gazetteer import fold_name
from kg.lexicon import Lexicon
from kg.model import Extraction, Mention
from kg.ontology.schema import Schema
from kg.mentions.shapes import SHORT_MODEL_RE

_CHAT_MODEL = re.compile(r"ChatGPT[\s\-]?(\d[\w.]*(?:[\s\-](?:mini|pro|turbo))?)$", re.I)
_GROUP = {"Company": "org", "Organization": "org", "GovernmentBody": "org", "Country": "place",
          "City": "place", "Place": "place", "Person": "person", "AIModel": "thing",
          "Product": "thing", "Hardware": "hw"}
_SPECIFIC = ["Company", "GovernmentBody", "Country", "City", "AIModel", "Product", "Hardware",
             "Person", "Organization", "Place"]


@dataclass(frozen=True)
class Entity:
    slug: str
    cls: str
    label: str
    alt_labels: tuple[str, ...]
    docs: tuple[str, ...]


@dataclass(frozen=True)
class Resolved:
    entities: dict[str, Entity]
    node_of: dict                     # (doc_id, mention identity) → slug


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # ids of the gazetteer stay roots, then the smaller name
            if (not rb.startswith("id:"), rb) < (not ra.startswith("id:"), ra):
                ra, rb = rb, ra
            self.parent[rb] = ra


def identity(doc_id: str, m: Mention) -> str:
    """A mention's node before merging; short versions are per document."""
    if m.key:
        return f"id:{m.key}"
    group = _GROUP.get(m.cls, "thing")
    name = fold_name(m.text)
    if SHORT_MODEL_RE.match(m.text) and m.cls in ("AIModel", "Product"):
        return f"doc:{doc_id}:{group}:{name}"
    return f"name:{group}:{name}"


class Resolver:
    def __init__(self, lexicon: Lexicon, schema: Schema):
        self.lex = lexicon
        self.schema = schema
        self._generic_tail = _ending(lexicon, "resolve.generic_tail")    # 英伟达公司 → 英伟达
        self._legal_form = _ending(lexicon, "resolve.legal_form")        # …股份有限公司
        self._industry = _ending(lexicon, "resolve.industry")            # …科技
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.by_tokens: dict[frozenset, set[str]] = defaultdict(set)
        for e in lexicon.entries.values():
            for n in e.names:
                self.by_name[fold_name(n)].append(e.id)
                toks = _tokens(n)
                if e.cls == "AIModel" and len(toks) >= 2:
                    self.by_tokens[frozenset(toks)].add(e.id)
                    self.by_tokens[frozenset(toks[1:])].add(e.id)   # without the family name

    def _known(self, text: str, cls: str) -> str | None:
        ids = [i for i in self.by_name.get(fold_name(text), ())
               if _GROUP.get(self.lex.entries[i].cls) == _GROUP.get(cls)]
        return f"id:{ids[0]}" if ids else None

    def resolve(self, extractions: list[Extraction]) -> Resolved:
        uf = _UnionFind()
        classes: dict[str, Counter] = defaultdict(Counter)
        surfaces: dict[str, Counter] = defaultdict(Counter)
        docs: dict[str, set] = defaultdict(set)
        for ex in extractions:
            doc_id = ex.document.doc_id
            mentions = list(ex.mentions)
            for a in ex.aliases:
                mentions += [a.a, a.b]
            for m in mentions:
                node = identity(doc_id, m)
                uf.find(node)
                classes[node][m.cls] += m.confidence
                surfaces[node][m.text] += 1
                if m.surface:
                    surfaces[node][m.surface] += 1
                docs[node].add(doc_id)
                known = None if m.key else self._known(m.text, m.cls)
                if known:
                    uf.union(known, node)
            for a in ex.aliases:        # not two listed things (证监会（SEC）: China's and America's)
                if _GROUP.get(a.a.cls) == _GROUP.get(a.b.cls) and not (a.a.key and a.b.key):
                    uf.union(identity(doc_id, a.a), identity(doc_id, a.b))
            self._document_rules(uf, doc_id, mentions)
        roots: dict[str, list[str]] = defaultdict(list)
        for node in list(uf.parent):
            roots[uf.find(node)].append(node)
        entities, node_slug = {}, {}
        for root, nodes in sorted(roots.items()):
            ent = self._entity(root, nodes, classes, surfaces, docs)
            if ent is None:
                continue
            if ent.slug in entities:        # the same bare name in two documents: one node
                old = entities[ent.slug]
                ent = Entity(ent.slug, old.cls, old.label,
                             tuple(sorted(set(old.alt_labels + ent.alt_labels) - {old.label})),
                             tuple(sorted(set(old.docs + ent.docs))))
            entities[ent.slug] = ent
            for n in nodes:
                node_slug[n] = ent.slug
        return Resolved(entities, node_slug)

    def _document_rules(self, uf, doc_id, mentions):
        """The rules that need the other names of the same document; run
        once per distinct name (mentions of one name share a node)."""
        by_group: dict[str, dict[tuple, Mention]] = defaultdict(dict)
        for m in mentions:
            by_group[_GROUP.get(m.cls, "thing")].setdefault((m.text, m.cls, m.key), m)
        for group, uniq in by_group.items():
            ms = list(uniq.values())
            names = {fold_name(m.text): m for m in ms}
            texts = sorted({m.text for m in ms})
            by_text = {m.text: m for m in ms}
            last_part: dict[str, set[str]] = defaultdict(set)
            for t in texts:
                bits = [b for b in re.split(r"[·・.\- ]+", t) if b]
                last_part[bits[-1] if bits else t].add(t)     # Truell … Michael Truell
            for m in ms:
                node = identity(doc_id, m)
                # 英伟达公司 → 英伟达; DeepSeek-V3模型 → DeepSeek-V3
                tail = self._generic_tail.search(m.text)
                if tail and tail.start() >= 2:
                    base = m.text[:tail.start()].strip()
                    target = names.get(fold_name(base)) or None
                    known = self._known(base, m.cls)
                    if target is not None:
                        uf.union(identity(doc_id, target), node)
                    elif known:
                        uf.union(known, node)
                if m.key:
                    continue
                if group == "org":
                    known = self._legal_name_of(m.text)
                    if known:
                        uf.union(known, node)
                        continue
                if group == "thing" and m.cls == "AIModel":
                    self._model_rules(uf, doc_id, m, ms, node)
                elif group == "thing" and m.cls == "Product" and self._model_rules(uf, doc_id, m, ms, node):
                    pass                       # ChatGPT-4o → GPT-4o, S23 → the document's Galaxy S23
                elif group in ("org", "thing") and len(m.text) >= 2 and not self._known(m.text, m.cls):
                    lo, hi = bisect_left(texts, m.text), bisect_left(texts, m.text + "\uffff")
                    longer = [t for t in texts[lo:hi] if t != m.text
                              and not self._generic_tail.fullmatch(t[len(m.text):])]
                    if len(longer) == 1 and re.match(r"[\u4e00-\u9fff]", m.text):
                        uf.union(identity(doc_id, by_text[longer[0]]), node)
                elif group == "person" and not re.search(r"[·・.\- ]", m.text):
                    full = last_part.get(m.text, set()) - {m.text}
                    if len(full) == 1:
                        uf.union(identity(doc_id, by_text[next(iter(full))]), node)

    def _legal_name_of(self, text: str) -> str | None:
        """北京智谱华章科技股份有限公司 → 智谱华章: a legal name around a known
        company's name (place first, industry words and legal form last)."""
        core = self._legal_form.sub("", text)
        if core == text:
            return None
        for _ in range(2):
            core = self._industry.sub("", core)
        for cut in range(0, min(4, len(core) - 1)):
            rest = core[cut:]
            for end in range(len(rest), 1, -1):
                known = self._known(rest[:end], "Company")
                if known and end >= 2:
                    return known
        return None

    def _model_rules(self, uf, doc_id, m, ms, node) -> bool:
        """Join a model (or a product named like one) to what it names."""
        text = m.text
        # OpenAI o1, ChatGPT o1, Meta Llama → the model after the brand
        parts = re.split(r"[\s\-]", text, maxsplit=1)
        if len(parts) == 2:
            head, rest = parts
            head_known = self._known(head, "Company") or self._known(head, "Product")
            rest_known = self._known(rest, "AIModel")
            if head_known and rest_known:
                uf.union(rest_known, node)
                return True
            same = [o for o in ms if o is not m and o.cls == m.cls and fold_name(o.text) == fold_name(rest)]
            if head_known and same:                 # 三星 Galaxy S23 … Galaxy S23: one phone
                return uf.union(identity(doc_id, same[0]), node) or True
        chat = _CHAT_MODEL.match(text)         # ChatGPT-4o → GPT-4o (the chatbot named by its model)
        if chat:
            bare = "GPT-" + chat.group(1)
            target = self._known(bare, "AIModel") or next(
                (identity(doc_id, o) for o in ms if o.cls == "AIModel" and fold_name(o.text) == fold_name(bare)), None)
            if target:
                uf.union(target, node)
                return True
        toks = _tokens(text)
        ids = self.by_tokens.get(frozenset(toks), set()) if len(toks) >= 2 and m.cls == "AIModel" else set()
        if len(ids) == 1:                      # Sonnet 3.7 → Claude 3.7 Sonnet
            uf.union(f"id:{next(iter(ids))}", node)
            return True
        if SHORT_MODEL_RE.match(text):
            token = fold_name(text)
            fulls = sorted({o.text for o in ms if o is not m and o.cls == m.cls
                            and fold_name(o.text) != token and fold_name(o.text).endswith(token)
                            and not SHORT_MODEL_RE.match(o.text)}, key=len)
            if fulls:
                target = next(o for o in ms if o.text == fulls[0])
                uf.union(identity(doc_id, target), node)
                return True
        return False

    def _entity(self, root, nodes, classes, surfaces, docs) -> Entity | None:
        votes: Counter = Counter()
        for n in nodes:
            votes.update(classes[n])
        key = root[3:] if root.startswith("id:") else None
        entry = self.lex.entries.get(key) if key else None
        if entry is not None:
            cls, label = entry.cls, entry.label
        else:
            votes.pop("", None)
            if not votes:
                return None
            best = max(votes.values())
            cls = next(c for c in _SPECIFIC if votes.get(c, 0) >= best * 0.75)
            names: set[str] = set()
            for n in nodes:
                names.update(surfaces[n])
            label = canonical_label(names, cls, self._generic_tail)
        alts: set[str] = set()
        for n in nodes:
            alts.update(surfaces[n])
        alts.discard(label)
        slug = key or f"{cls.lower()}-{_slug(label)}"
        all_docs = sorted(set().union(*(docs[n] for n in nodes)))
        return Entity(slug, cls, label, tuple(sorted(alts)), tuple(all_docs))


def canonical_label(names, cls: str, generic_tail: re.Pattern[str]) -> str:
    """A label that does not depend on how often each form was seen, so the
    IRI built from it stays put when more documents come: a Chinese form for
    people and organisations when there is one, the longest full form (not
    one with a generic tail such as 公司 or 模型), then the first in order."""
    pool = [n for n in names if not generic_tail.search(n)] or list(names)
    if cls in ("Person", "Company", "Organization", "GovernmentBody"):
        han = [n for n in pool if re.search(r"[\u4e00-\u9fff]", n)]
        pool = han or pool
    return sorted(pool, key=lambda n: (-len(n), n))[0]


def _ending(lexicon: Lexicon, kind: str) -> re.Pattern[str]:
    """A regex for any word of the list ``kind`` at the end of a name (in
    file order)."""
    return re.compile("(?:" + "|".join(map(re.escape, lexicon.words(kind))) + ")$")


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-_]+", name.lower()) if t]


def _slug(label: str) -> str:
    s = fold_name(label)
    s = re.sub(r"[^0-9a-z\u3400-\u9fff.+]+", "-", s).strip("-")
    return s or "x"
