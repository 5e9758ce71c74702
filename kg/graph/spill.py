"""Entity resolution with bounded memory, for graphs bigger than one
process holds: what :meth:`kg.graph.resolve.Resolver.resolve` does, with
the mentions of every document spilled to an SQLite file, keyed by their
nodes (folded names), and resolved node group by node group.

Documents are added in document-id order (the order ``resolve`` sees
them), one at a time; the rules that need the other names of a document
run on that document alone, as in memory. Only the links those rules make
(which node joins which) stay in memory; class votes, surface forms and
the documents of each node are rows, added in the same order as in memory
(so sums of confidences are the same floats), and an entity is made from
its rows by the same :meth:`Resolver._entity`."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from typing import Callable, Iterable

from kg.graph.resolve import _GROUP, Entity, Resolver, identity
from kg.model import Alias, Mention

__all__ = ["SpilledResolution"]

_TABLES = """
CREATE TABLE node (node TEXT PRIMARY KEY, root TEXT);            -- rowid: first seen
CREATE TABLE vote (node TEXT, cls TEXT, w REAL, PRIMARY KEY (node, cls)) WITHOUT ROWID;
CREATE TABLE surface (node TEXT, text TEXT, PRIMARY KEY (node, text)) WITHOUT ROWID;
CREATE TABLE seen (node TEXT, doc TEXT, PRIMARY KEY (node, doc)) WITHOUT ROWID;
CREATE TABLE comp (root TEXT PRIMARY KEY, slug TEXT) WITHOUT ROWID;
CREATE TABLE entity (slug TEXT PRIMARY KEY, cls TEXT, label TEXT, alts TEXT) WITHOUT ROWID;
"""
_BATCH = 500            # SQL parameters per IN (...) list


class _Links:
    """The union-find of the resolver, holding only nodes a rule joined;
    ``order`` lists the nodes of the current document as first seen."""

    def __init__(self):
        self.parent: dict[str, str] = {}
        self.order: list[str] = []
        self.seen: set[str] = set()

    def _see(self, x: str) -> None:
        if x not in self.seen:
            self.seen.add(x)
            self.order.append(x)

    def root(self, x: str) -> str:
        parent = self.parent
        if x not in parent:
            return x
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def find(self, x: str) -> str:
        self._see(x)
        return self.root(x)

    def union(self, a: str, b: str) -> None:
        self._see(a)
        self._see(b)
        ra, rb = self.root(a), self.root(b)
        self.parent.setdefault(ra, ra)
        self.parent.setdefault(rb, rb)
        if ra != rb:
            # ids of the gazetteer stay roots, then the smaller name (as in memory)
            if (not rb.startswith("id:"), rb) < (not ra.startswith("id:"), ra):
                ra, rb = rb, ra
            self.parent[rb] = ra


class SpilledResolution:
    """Add every document's mentions and aliases (:meth:`add`, in document-id
    order), then :meth:`finish`; then ask for nodes' slugs and classes."""

    def __init__(self, resolver: Resolver, db: sqlite3.Connection):
        self.resolver = resolver
        self.db = db
        db.executescript(_TABLES)
        self.links = _Links()
        self.finished = False

    def add(self, doc_id: str, mentions: Iterable[Mention], aliases: Iterable[Alias]) -> None:
        """One document, as the loop body of ``Resolver.resolve``."""
        links, known_of = self.links, self.resolver._known
        links.order, links.seen = [], set()
        aliases = list(aliases)
        mentions = list(mentions)
        for a in aliases:
            mentions += [a.a, a.b]
        added: list[tuple[str, str, float]] = []
        surfaces: set[tuple[str, str]] = set()
        for m in mentions:
            node = identity(doc_id, m)
            links.find(node)
            added.append((node, m.cls, m.confidence))
            surfaces.add((node, m.text))
            if m.surface:
                surfaces.add((node, m.surface))
            known = None if m.key else known_of(m.text, m.cls)
            if known:
                links.union(known, node)
        for a in aliases:        # not two listed things (as in memory)
            if _GROUP.get(a.a.cls) == _GROUP.get(a.b.cls) and not (a.a.key and a.b.key):
                links.union(identity(doc_id, a.a), identity(doc_id, a.b))
        self.resolver._document_rules(links, doc_id, mentions)
        db = self.db
        db.executemany("INSERT OR IGNORE INTO node (node, root) VALUES (?, ?)",
                       ((n, n) for n in links.order))
        nodes = sorted({n for n, _, _ in added})
        votes = {(n, c): w for n, c, w in self._rows("SELECT node, cls, w FROM vote WHERE node IN", nodes)}
        for node, cls, w in added:          # in mention order, as Counter += does
            votes[(node, cls)] = votes.get((node, cls), 0) + w
        db.executemany("INSERT OR REPLACE INTO vote VALUES (?, ?, ?)",
                       ((n, c, w) for (n, c), w in votes.items()))
        db.executemany("INSERT OR IGNORE INTO surface VALUES (?, ?)", sorted(surfaces))
        db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?)", ((n, doc_id) for n in nodes))

    def _rows(self, sql: str, keys: list, extra: str = "") -> list[tuple]:
        out: list[tuple] = []
        for i in range(0, len(keys), _BATCH):
            part = keys[i:i + _BATCH]
            out += self.db.execute(f"{sql} ({','.join('?' * len(part))}){extra}", part).fetchall()
        return out

    def finish(self, mentioned: Callable[[str, tuple[str, ...]], None]) -> None:
        """Join the nodes, make one entity per group and record it;
        ``mentioned(slug, docs)`` hears the documents of every group."""
        db, links = self.db, self.links
        db.executemany("UPDATE node SET root = ? WHERE node = ?",
                       ((links.root(n), n) for n in links.parent if links.root(n) != n))
        self.links = _Links()
        db.execute("CREATE INDEX node_root ON node (root)")
        groups = db.execute("SELECT root, node FROM node ORDER BY root, rowid")
        root, nodes = None, []
        for r, n in groups:
            if r != root and nodes:
                self._group(root, nodes, mentioned)
                nodes = []
            root = r
            nodes.append(n)
        if nodes:
            self._group(root, nodes, mentioned)
        self.finished = True

    def _group(self, root: str, nodes: list[str], mentioned) -> None:
        classes: dict[str, Counter] = defaultdict(Counter)
        surfaces: dict[str, set] = defaultdict(set)
        docs: dict[str, set] = defaultdict(set)
        order = {n: i for i, n in enumerate(nodes)}
        for n, c, w in sorted(self._rows("SELECT node, cls, w FROM vote WHERE node IN", nodes),
                              key=lambda r: order[r[0]]):
            classes[n][c] = w
        for n, t in self._rows("SELECT node, text FROM surface WHERE node IN", nodes):
            surfaces[n].add(t)
        for n, d in self._rows("SELECT node, doc FROM seen WHERE node IN", nodes):
            docs[n].add(d)
        ent = self.resolver._entity(root, nodes, classes, surfaces, docs)
        if ent is None:
            return
        db = self.db
        old = db.execute("SELECT cls, label, alts FROM entity WHERE slug = ?", (ent.slug,)).fetchone()
        if old is not None:     # the same bare name in two documents: one node
            cls, label, alts = old[0], old[1], tuple(json.loads(old[2]))
            ent = Entity(ent.slug, cls, label, tuple(sorted(set(alts + ent.alt_labels) - {label})),
                         ent.docs)
        db.execute("INSERT OR REPLACE INTO entity VALUES (?, ?, ?, ?)",
                   (ent.slug, ent.cls, ent.label, json.dumps(ent.alt_labels, ensure_ascii=False)))
        db.execute("INSERT INTO comp VALUES (?, ?)", (root, ent.slug))
        mentioned(ent.slug, ent.docs)

    def slugs(self, nodes: Iterable[str]) -> dict[str, tuple[str, str]]:
        """node → (slug, class) for those of ``nodes`` that became an entity."""
        keys = sorted(set(nodes))
        rows = self._rows("SELECT n.node, c.slug, e.cls FROM node n JOIN comp c ON c.root = n.root "
                          "JOIN entity e ON e.slug = c.slug WHERE n.node IN", keys)
        return {n: (s, c) for n, s, c in rows}

    def classes(self, slugs: Iterable[str]) -> dict[str, str]:
        """slug → class."""
        return dict(self._rows("SELECT slug, cls FROM entity WHERE slug IN", sorted(set(slugs))))

    def entities(self) -> Iterable[tuple[str, str, str, tuple[str, ...]]]:
        """(slug, class, label, alternative labels) of every entity."""
        for slug, cls, label, alts in self.db.execute("SELECT slug, cls, label, alts FROM entity ORDER BY slug"):
            yield slug, cls, label, tuple(json.loads(alts))
