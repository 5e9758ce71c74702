"""``kg merge`` with bounded memory: the reduce step for corpora whose
extractions do not fit in one process.

Every ``*.json`` of ``kg extract`` is read twice, never held: the first
pass checks it and spills what resolution needs (mentions, aliases and
facts) to an SQLite file in a temporary folder; entities are resolved
from there node group by node group (:mod:`kg.graph.spill`), the facts
checked against the classes of their nodes (:mod:`kg.graph.conform`);
the second pass makes each document's triples and spools them to sorted
chunks on disk, merged into ``graph.ttl`` as it is written
(:mod:`kg.graph.spool`). The file is byte for byte the one the in-memory
merge (and ``kg build``) writes. ``graph.html`` still needs the graph in
memory: leave it out (``--no-html``) for bounded memory. The shapes
check and the comparison with the previous graph, which need the whole
graph, are not run; ``kg validate --fast`` checks the shapes afterwards."""

from __future__ import annotations

import json
import logging
import pickle
import sqlite3
import tempfile
import time
from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import RDF, Literal
from rdflib.namespace import PROV

from kg.errors import InputError
from kg.graph.conflicts import _FUNCTIONAL, conflict_triples
from kg.graph.conform import conform
from kg.graph.resolve import Resolver, identity
from kg.graph.spill import SpilledResolution
from kg.graph.spool import TurtleSpool
from kg.graph.statements import (Terms, attribute_triples, candidate_facts, document_triples,
                                 entity_triples, fact_triples)
from kg.lexicon import load_lexicon
from kg.ontology.schema import load_schema
from kg.ontology.vocab import DOC, ENTITY, KG, RELATIONS
from kg.run.build import BuildResult
from kg.run.cache import read_extraction
from kg.run.files import check_out_dir, output_lock, write_atomically

log = logging.getLogger(__name__)

__all__ = ["STREAM_FROM", "extraction_files", "merge_streaming"]

#: from this many extraction files on, ``kg merge`` streams (unless told)
STREAM_FROM = 5000
_PARTS = (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom)


def extraction_files(folders: Iterable[Path]) -> Iterator[Path]:
    """The ``*.json`` files under the folders, in the order ``kg merge`` reads them."""
    searched = []
    for folder in map(Path, folders):
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder; give the --out folder of `kg extract`")
        searched.append(str(folder))
        for path in sorted(folder.rglob("*.json")):
            if not any(part.startswith(".") for part in path.relative_to(folder).parts):
                yield path


def merge_streaming(folders: Iterable[Path], out_dir: Path, *, min_confidence: float = 0.0,
                    html: bool = True) -> BuildResult:
    """The reduce step with bounded memory (but for ``html``); the same
    ``graph.ttl`` as :func:`kg.run.mapreduce.merge_folders`."""
    started = time.perf_counter()
    folders = [Path(f) for f in folders]
    result = BuildResult(Path(out_dir), streamed=True)
    with tempfile.TemporaryDirectory(prefix="kg-merge-") as tmp:
        db = sqlite3.connect(Path(tmp) / "merge.sqlite")
        try:
            for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE",
                           "cache_size = -65536"):
                db.execute(f"PRAGMA {pragma}")
            result.documents = _index(folders, db)
            check_out_dir(result.out_dir)
            with output_lock(result.out_dir):
                _Merge(db, Path(tmp), min_confidence, html).run(result)
        finally:
            db.close()
    result.seconds = time.perf_counter() - started
    return result


def _index(folders: list[Path], db: sqlite3.Connection) -> int:
    """Pass one: check every file, one row per document (the first file of
    a text, with the names of all), its mentions, aliases and facts."""

    db.execute("CREATE TABLE doc (doc_id TEXT PRIMARY KEY, path TEXT, files TEXT, blob BLOB) "
               "WITHOUT ROWID")
    versions: dict[str, Path] = {}
    for path in extraction_files(folders):
        extraction, version = read_extraction(path)
        versions.setdefault(version, path)
        doc = extraction.document
        seen = db.execute("SELECT files FROM doc WHERE doc_id = ?", (doc.doc_id,)).fetchone()
        if seen is not None:
            files = sorted(set(json.loads(seen[0])) | set(doc.files))
            db.execute("UPDATE doc SET files = ? WHERE doc_id = ?", (json.dumps(files), doc.doc_id))
            continue
        blob = pickle.dumps((extraction.mentions, extraction.aliases, extraction.facts),
                            protocol=pickle.HIGHEST_PROTOCOL)
        db.execute("INSERT INTO doc VALUES (?, ?, ?, ?)",
                   (doc.doc_id, str(path), json.dumps(list(doc.files)), blob))
    if len(versions) > 1:
        first, second = sorted(versions.items())[:2]
        raise InputError(f"{first[1]} and {second[1]} come from different versions of the "
                         "pipeline or its data; run `kg extract` again on all documents")
    count = db.execute("SELECT count(*) FROM doc").fetchone()[0]
    if not count:
        where = ", ".join(map(str, folders))
        raise InputError(f"no extractions (*.json) in {where}; run `kg extract` first")
    return count


class _Merge:
    def __init__(self, db: sqlite3.Connection, tmp: Path, min_confidence: float, html: bool):
        self.db, self.min_confidence = db, min_confidence
        self.schema = load_schema()
        self.spill = SpilledResolution(Resolver(load_lexicon(), self.schema), db)
        self.spool = TurtleSpool(tmp)
        self.retyped: dict[str, str] = {}
        self.page = None
        if html:
            from kg.graph.triples import new_graph

            self.page = new_graph()     # what the page shows

    def sink(self, triples) -> None:
        self.spool.add_all(triples)
        if self.page is not None:
            from kg.view.page import unread

            store_add = self.page.store.add
            for t in triples:
                if not unread(t[1]):
                    store_add(t, self.page, False)

    def blobs(self) -> Iterator[tuple[str, tuple]]:
        for doc_id, blob in self.db.execute("SELECT doc_id, blob FROM doc ORDER BY doc_id"):
            yield doc_id, pickle.loads(blob)

    def run(self, result: BuildResult) -> None:
        for doc_id, (mentions, aliases, _) in self.blobs():
            self.spill.add(doc_id, mentions, aliases)
        log.info("spilled the mentions of %d documents", result.documents)
        self.spill.finish(lambda slug, docs: self.sink(
            [(ENTITY[slug], KG.mentionedIn, DOC[d]) for d in docs]))
        log.info("resolved the entities")
        self.retyped = self.conformed()
        self.documents()
        entries = load_lexicon().entries
        for slug, cls, label, alts in self.spill.entities():
            result.entities[cls] += 1
            out: list = []
            entity_triples(out.append, slug, self.retyped.get(slug, cls), label, alts, (),
                           entries.get(slug))
            self.sink(out)
        self.conflicts()
        outputs = {"graph.ttl": self.spool.write}
        if self.page is not None:
            from kg.view.page import render_html

            outputs["graph.html"] = render_html(self.page).encode("utf-8")
        write_atomically(result.out_dir, outputs)
        for p in RELATIONS:
            result.relations[p] = self.spool.predicates[str(KG[p])]

    def nodes_of(self, doc_id: str, mentions) -> dict[str, tuple[str, str]]:
        return self.spill.slugs(identity(doc_id, m) for m in mentions)

    def conformed(self) -> dict[str, str]:
        """The classes :func:`conform` changes, from every fact that fits its mentions."""
        db = self.db
        db.execute("CREATE TABLE fact (s TEXT, p TEXT, o TEXT)")
        odd: set[str] = set()
        for doc_id, (_, _, facts) in self.blobs():
            nodes = self.nodes_of(doc_id, [m for f in facts for m in (f.subject, f.object)])
            slug = {n: s for n, (s, _) in nodes.items()}
            cls = dict(nodes.values())
            rows = [(s, p, o) for s, p, o, _ in candidate_facts(
                doc_id, facts, slug, cls.__getitem__, self.schema, self.min_confidence)]
            db.executemany("INSERT INTO fact VALUES (?, ?, ?)", rows)
            odd.update(n for s, p, o in rows if not self.schema.accepts(p, cls[s], cls[o]) for n in (s, o))
        if not odd:
            return {}
        db.execute("CREATE TEMP TABLE odd (slug TEXT PRIMARY KEY)")
        db.executemany("INSERT INTO odd VALUES (?)", ((n,) for n in odd))
        involved = [(s, p, o, None) for s, p, o in db.execute(
            "SELECT s, p, o FROM fact WHERE s IN (SELECT slug FROM odd) OR o IN (SELECT slug FROM odd)")]
        classes = self.spill.classes(n for s, _, o, _ in involved for n in (s, o))
        _, changed = conform(involved, classes,
                             lambda n: not n.startswith(classes[n].lower() + "-"), self.schema)
        return changed

    def documents(self) -> None:
        """Pass two: each document's triples, from its file."""
    
        db, schema, retyped = self.db, self.schema, self.retyped
        db.execute("CREATE TABLE claim (thing TEXT, prop TEXT, value TEXT, parts BLOB)")
        db.execute("CREATE TABLE parent (s TEXT, o TEXT)")
        for doc_id, path, files in db.execute("SELECT doc_id, path, files FROM doc ORDER BY doc_id"):
            ex, _ = read_extraction(Path(path))
            files = tuple(json.loads(files))
            if files != ex.document.files:
                ex = replace(ex, document=replace(ex.document, files=files))
            mentions = [m for f in ex.facts for m in (f.subject, f.object)]
            nodes = self.nodes_of(doc_id, mentions + [a.subject for a in ex.attributes])
            slug = {n: s for n, (s, _) in nodes.items()}
            cls = {s: retyped.get(s, c) for s, c in nodes.values()}
            out: set[tuple] = set()
            document_triples(out.add, ex.document)
            facts = [f for f in candidate_facts(doc_id, ex.facts, slug, dict(nodes.values()).__getitem__,
                                                schema, self.min_confidence)
                     if schema.accepts(f[1], cls[f[0]], cls[f[2]])]
            terms = Terms()
            fact_triples(out.add, terms, facts)
            attribute_triples(out.add, terms, ex, slug, cls.__getitem__, schema, self.min_confidence)
            self.claims(out)
            self.sink(out)

    def claims(self, triples: set[tuple]) -> None:
        """Keep what :func:`conflict_triples` needs of one document's triples."""
        statements: dict = {}
        parents = []
        for s, p, o in triples:
            if p in _PARTS:
                statements.setdefault(s, {})[p] = o
            elif p == KG.subsidiaryOf:
                parents.append((str(s), str(o)))
        rows = []
        for st, parts in statements.items():
            p, s, o = parts.get(RDF.predicate), parts.get(RDF.subject), parts.get(RDF.object)
            if p in _FUNCTIONAL and isinstance(o, Literal):
                thing, value = s, o
            elif p == KG.released:
                thing, value = o, s
            else:
                continue
            blob = pickle.dumps([(st, k, v) for k, v in parts.items()], protocol=pickle.HIGHEST_PROTOCOL)
            kind = f"{value.datatype or ''}@{value.language or ''}" if isinstance(value, Literal) else ""
            rows.append((str(thing), str(p), f"{value}\x1f{kind}", blob))
        self.db.executemany("INSERT INTO claim VALUES (?, ?, ?, ?)", rows)
        self.db.executemany("INSERT INTO parent VALUES (?, ?)", parents)

    def conflicts(self) -> None:
        """The conflict nodes, one (thing, property) at a time."""
        db = self.db
        db.execute("CREATE INDEX parent_s ON parent (s)")
        query = ("SELECT thing, prop, parts FROM claim WHERE (thing, prop) IN (SELECT thing, prop "
                 "FROM claim GROUP BY thing, prop HAVING count(DISTINCT value) > 1) ORDER BY thing, prop")
        for (thing, prop), rows in groupby(db.execute(query), key=lambda r: r[:2]):
            triples = [t for _, _, blob in rows for t in pickle.loads(blob)]
            if prop == str(KG.released):
                slug = thing[len(str(ENTITY)):]
                cls = self.retyped.get(slug) or self.spill.classes([slug]).get(slug)
                if cls == "AIModel":
                    triples.append((ENTITY[slug], RDF.type, KG.AIModel))
                makers = sorted({str(o) for _, p, o in triples if p == RDF.subject})
                marks = ",".join("?" * len(makers))
                for s, o in db.execute(f"SELECT s, o FROM parent WHERE s IN ({marks}) AND o IN ({marks})",
                                       makers + makers):
                    triples.append((ENTITY[s[len(str(ENTITY)):]], KG.subsidiaryOf, ENTITY[o[len(str(ENTITY)):]]))
            self.sink(conflict_triples(triples))
