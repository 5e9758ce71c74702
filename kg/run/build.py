"""``kg build``: files → documents → extractions → entities → graph files.

Rule for bad input (documented in the README): a file or path that cannot
be read is skipped with a one-line warning and the build goes on; the build
then reports the skipped files and the CLI exits non-zero. ``strict=True``
stops at the first bad file. When no file at all can be read nothing is
written. Outputs are written atomically: a failed or interrupted build
leaves the previous files as they were."""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from kg.text.document import Document
from kg.text.files import MAX_FILE_SIZE, format_of, iter_input_files, real_path
from kg.text.files import read_documents as read_documents_of
from kg.errors import InputError
from kg.lexicon import load_lexicon
from kg.model import Extraction
from kg.mentions.pipeline import DEFAULT_MODEL
from kg.ontology.schema import load_schema
from kg.graph.triples import add_all, graph_triples, new_graph, serialize
from kg.graph.resolve import Resolver
from kg.graph.shapecheck import check_triples
from kg.run.files import check_out_dir, output_lock, write_atomically

if TYPE_CHECKING:
    from kg.run.parallel import ExtractorLike

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    out_dir: Path
    documents: int = 0
    skipped: list[str] = field(default_factory=list)       # one line per bad file
    warnings: list[str] = field(default_factory=list)      # one line per problem that cost nothing
    entities: Counter = field(default_factory=Counter)     # class → count
    relations: Counter = field(default_factory=Counter)    # predicate → count
    attributes: int = 0
    seconds: float = 0.0
    model: str = DEFAULT_MODEL
    files: list[Path] = field(default_factory=list)
    extracted: int = 0                                     # documents run through the pipeline
    cached: int = 0                                        # documents taken from the cache
    violations: list = field(default_factory=list)        # of the ontology's shapes (kg.graph.shapecheck)
    changes: str = ""                                      # against the previous graph in out_dir
    streamed: bool = False                                 # kg.run.merge: shapes and changes not checked
    feed: "FeedReport" = field(default_factory=lambda: FeedReport())


@dataclass
class FeedReport:
    """What reading the inputs did: files and articles per format, and the
    articles whose text another one already had (same text under another
    name, URL or line)."""

    files: Counter = field(default_factory=Counter)        # format → files read
    articles: Counter = field(default_factory=Counter)     # format → articles read
    duplicates: int = 0

    def parts(self, skipped: list[str]) -> list[str]:
        """What the ``documents:`` line adds: the articles per format (when
        any is not a text file, or there are duplicates), the duplicates,
        the skipped items by reason; nothing for a plain folder of texts."""
        n = sum(self.articles.values())
        out = []
        if set(self.articles) - {"txt"} or self.duplicates:
            kinds = ", ".join(f"{k} {self.articles[k]}" for k in sorted(self.articles))
            out.append(f"{n} article{'s' * (n != 1)} read ({kinds})")
        if self.duplicates:
            out.append(f"{self.duplicates} duplicate{'s' * (self.duplicates != 1)}")
        if skipped:
            reasons = Counter(skip_reason(line) for line in skipped)
            out.append(f"{len(skipped)} skipped: " + ", ".join(
                f"{r} {c}" for r, c in sorted(reasons.items(), key=lambda x: (-x[1], x[0]))))
        return out


def skip_reason(line: str) -> str:
    """The reason of a skipped line, without its place or fix: ``f.jsonl,
    line 3: not valid JSON (…); line skipped`` → ``not valid JSON``."""
    reason = line.split(": ", 1)[1] if ": " in line else line
    return reason.split(";")[0].split(" (")[0].split(", ")[0].strip()


def read_documents(paths: Iterable[Path], strict: bool, skipped: list[str],
                   max_bytes: int = MAX_FILE_SIZE, report: FeedReport | None = None) -> list[Document]:
    """Read every file; the same text twice is one document with two names.

    A path or file that cannot be read adds one line to ``skipped`` (the
    file and the reason) and the others are read; with ``strict`` the first
    one raises its :class:`InputError`. Paths that hold no news file at all
    are an InputError: there is nothing to build."""
    paths = list(paths)
    files: dict[Path, Path] = {}
    for path in paths:
        try:
            for file in iter_input_files([path]):
                files.setdefault(real_path(file), file)
        except InputError as exc:
            skip_file(exc, strict, skipped)
    docs: dict[str, Document] = {}
    report = FeedReport() if report is None else report
    for path in sorted(files.values(), key=lambda p: p.as_posix()):
        kind = format_of(path)
        try:
            for doc in read_documents_of(path, max_bytes):
                if isinstance(doc, InputError):
                    skip_file(doc, strict, skipped)
                    continue
                report.articles[kind] += 1
                if doc.doc_id in docs:
                    report.duplicates += 1
                    seen = docs[doc.doc_id]
                    docs[doc.doc_id] = replace(seen, files=tuple(sorted(set(seen.files + doc.files))))
                else:
                    docs[doc.doc_id] = doc
            report.files[kind] += 1
        except InputError as exc:
            skip_file(exc, strict, skipped)
            continue
        except Exception as exc:  # a decoder bug must not cost the other files
            log.debug("reading %s failed", path, exc_info=True)
            skip_file(InputError(f"{path}: cannot read it ({type(exc).__name__}: {exc}); "
                             "save it as UTF-8 text, and please report this"), strict, skipped)
            continue
    if not files and not skipped:
        where = ", ".join(str(p) for p in paths) or "the paths given"
        raise InputError(f"{where}: no news files found (.txt, .jsonl, .html, .md, .warc); "
                         "give such files or folders that hold them")
    return [docs[k] for k in sorted(docs)]


def skip_file(exc: InputError, strict: bool, skipped: list[str]) -> None:
    if strict:
        raise exc
    log.info("skipped %s", exc)   # the CLI prints the skipped lines
    skipped.append(str(exc))


def build(paths: Iterable[Path], out_dir: Path, model: str = DEFAULT_MODEL, *,
          min_confidence: float = 0.0, strict: bool = False, html: bool = True,
          progress: Callable[[int, int], None] | None = None, jobs: int = 1,
          cache: bool = True, extractor: ExtractorLike | None = None,
          factory: Callable[[str], ExtractorLike] | None = None,
          max_file_size: int = MAX_FILE_SIZE) -> BuildResult:
    """``jobs`` > 1 extracts in that many worker processes (same graph);
    ``cache`` keeps each document's extraction in ``out_dir/.kg-cache``.
    ``extractor`` (an object with ``.extract(document)``, for ``jobs`` = 1)
    or ``factory`` (a module-level function of the model name, also for
    worker processes) replace :class:`kg.run.extract.Extractor`; see
    :func:`kg.run.parallel.iter_extractions`. A file over ``max_file_size``
    bytes is skipped unread."""
    started = time.perf_counter()
    result = BuildResult(Path(out_dir), model=model)
    documents = read_documents(paths, strict, result.skipped, max_file_size, result.feed)
    if not documents:       # every file skipped: keep the previous graph, write nothing
        result.seconds = time.perf_counter() - started
        return result
    check_out_dir(result.out_dir)   # before the long part, not after it
    with output_lock(result.out_dir):   # one build at a time in one folder
        _extract_and_write(documents, result, model, min_confidence=min_confidence, strict=strict,
                           html=html, progress=progress, jobs=jobs, cache=cache,
                           extractor=extractor, factory=factory)
    result.seconds = time.perf_counter() - started
    return result


def _extract_and_write(documents: list[Document], result: BuildResult, model: str, *,
                       min_confidence: float, strict: bool, html: bool,
                       progress: Callable[[int, int], None] | None, jobs: int, cache: bool,
                       extractor: ExtractorLike | None,
                       factory: Callable[[str], ExtractorLike] | None) -> None:
    from kg.run.cache import ExtractionCache
    from kg.run.parallel import extract_documents

    store = ExtractionCache(result.out_dir, model) if cache else None
    run = extract_documents(documents, model, jobs=jobs, progress=progress, cache=store,
                            extractor=extractor, factory=factory)
    result.extracted, result.cached = run.extracted, run.cached
    if store is not None and store.problem:
        result.warnings.append(store.problem)
    for exc in run.failed:
        skip_file(exc, strict, result.skipped)
    if not run.extractions:    # nothing extracted: keep the previous graph, write nothing
        return
    write_graph(run.extractions, result, min_confidence=min_confidence, html=html, jobs=jobs)
    result.documents = len(documents)


def write_graph(extractions: list[Extraction], result: BuildResult, *, min_confidence: float = 0.0,
                html: bool = True, jobs: int = 1) -> None:
    """Resolve entities across ``extractions``, write ``graph.ttl`` (and
    ``graph.html``) into ``result.out_dir`` and count what was written.
    With ``jobs`` > 1 the Turtle is written in a second process while this
    one draws the HTML."""
    from kg.run.parallel import beside
    from kg.ontology.vocab import KG, RELATIONS

    with _gc_paused():  # a big graph is many small objects and no garbage cycles
        with _timed("resolved entities"):
            resolved = Resolver(load_lexicon(), load_schema()).resolve(extractions)
        with _timed("made the triples"):
            triples = graph_triples(extractions, resolved, load_schema(), min_confidence)
        turtle = beside(serialize, triples) if jobs > 1 and html else None
        outputs = {}
        if turtle is None:
            with _timed("wrote the Turtle"):
                outputs["graph.ttl"] = serialize(triples)
        if html:
            from kg.view.page import render_html, unread

            with _timed("drew the HTML"):
                graph = new_graph()     # what the page shows: a fifth fewer triples to store
                add_all(graph, (t for t in triples if not unread(t[1])))
                page = render_html(graph).encode("utf-8")
            del graph
        relations = Counter(p for _, p, _ in triples)
        with _timed("checked the shapes"):
            result.violations = check_triples(triples)
        result.changes = changes_since(result.out_dir / "graph.ttl", triples)
        del triples
        if turtle is not None:
            with _timed("waited for the Turtle"):
                outputs["graph.ttl"] = turtle()
        if html:
            outputs["graph.html"] = page
    write_atomically(result.out_dir, outputs)
    result.entities = Counter(e.cls for e in resolved.entities.values())
    for p in RELATIONS:
        result.relations[p] = relations[KG[p]]


def changes_since(previous: Path, triples) -> str:
    """The one-line summary of what ``triples`` change against the graph
    file ``previous`` (:mod:`kg.graph.diff`); "" when there is none, or it
    cannot be read (then the build only says so in the log)."""
    if not previous.is_file():
        return ""
    from kg.errors import KGError
    from kg.graph.diff import GraphIndex, diff_graphs, load_index

    with _timed("compared with the previous graph"):
        try:
            old = load_index(previous)
        except KGError as exc:
            log.info("not compared with the previous graph: %s", exc)
            return ""
        return diff_graphs(old, GraphIndex.of(triples)).summary()


@contextlib.contextmanager
def _timed(what: str):
    started = time.perf_counter()
    yield
    log.info("%s in %.2f s", what, time.perf_counter() - started)


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
