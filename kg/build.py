"""``kg build``: files → documents → extractions → entities → graph files.

Rule for bad input (documented in the README): a file that cannot be read
is skipped with a one-line warning and the build goes on; the build then
reports the skipped files and the CLI exits non-zero. ``strict=True`` stops
at the first bad file. Outputs are written atomically: a failed or
interrupted build leaves the previous files as they were."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from kg.corpus import Document, iter_input_files, read_document
from kg.errors import InputError
from kg.lexicon import load_lexicon
from kg.model import Extraction
from kg.nlp import DEFAULT_MODEL
from kg.ontology import load_schema
from kg.rdf import build_graph, serialize
from kg.resolve import Resolver

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    out_dir: Path
    documents: int = 0
    skipped: list[str] = field(default_factory=list)       # one line per bad file
    entities: Counter = field(default_factory=Counter)     # class → count
    relations: Counter = field(default_factory=Counter)    # predicate → count
    attributes: int = 0
    seconds: float = 0.0
    model: str = DEFAULT_MODEL
    files: list[Path] = field(default_factory=list)
    extracted: int = 0                                     # documents run through the pipeline
    cached: int = 0                                        # documents taken from the cache


def read_documents(paths: Iterable[Path], strict: bool, skipped: list[str]) -> list[Document]:
    """Read every file; the same text twice is one document with two names."""
    docs: dict[str, Document] = {}
    for path in iter_input_files(paths):
        try:
            doc = read_document(path)
        except InputError as exc:
            if strict:
                raise
            log.warning("skipped %s", exc)
            skipped.append(str(exc))
            continue
        if doc.doc_id in docs:
            seen = docs[doc.doc_id]
            docs[doc.doc_id] = replace(seen, files=tuple(sorted(set(seen.files + doc.files))))
        else:
            docs[doc.doc_id] = doc
    return [docs[k] for k in sorted(docs)]


def build(paths: Iterable[Path], out_dir: Path, model: str = DEFAULT_MODEL, *,
          min_confidence: float = 0.0, strict: bool = False, html: bool = True,
          progress: Callable[[int, int], None] | None = None, jobs: int = 1,
          cache: bool = True) -> BuildResult:
    """``jobs`` > 1 extracts in that many worker processes (same graph);
    ``cache`` keeps each document's extraction in ``out_dir/.kg-cache``."""
    started = time.perf_counter()
    result = BuildResult(Path(out_dir), model=model)
    documents = read_documents(paths, strict, result.skipped)
    from kg.cache import ExtractionCache
    from kg.parallel import extract_documents

    run = extract_documents(documents, model, jobs=jobs, progress=progress,
                            cache=ExtractionCache(result.out_dir, model) if cache else None)
    extractions: list[Extraction] = run.extractions
    result.extracted, result.cached = run.extracted, run.cached
    with _gc_paused():  # a big graph is many small objects and no garbage cycles
        resolved = Resolver(load_lexicon(), load_schema()).resolve(extractions)
        graph = build_graph(extractions, resolved, load_schema(), min_confidence)
        outputs = {"graph.ttl": serialize(graph)}
        if html:
            from kg.view import render_html

            outputs["graph.html"] = render_html(graph).encode("utf-8")
    write_atomically(result.out_dir, outputs)
    result.documents = len(documents)
    result.entities = Counter(e.cls for e in resolved.entities.values())
    from kg.vocab import KG, RELATIONS

    for p in RELATIONS:
        result.relations[p] = sum(1 for _ in graph.subject_objects(KG[p]))
    result.seconds = time.perf_counter() - started
    return result


@contextlib.contextmanager
def _gc_paused():
    """No cyclic garbage collection inside: it kept rescanning the growing graph."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_atomically(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write every file to a temporary name in ``out_dir`` first, then
    rename them all into place; on any error no temporary file is left."""
    out_dir.mkdir(parents=True, exist_ok=True)
    temps: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
            temps.append((name, Path(tmp)))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for name, tmp in temps:
            os.replace(tmp, out_dir / name)
    finally:
        for _, tmp in temps:
            if tmp.exists():
                tmp.unlink()
