"""Documents → extractions, in this process or in a pool of worker
processes, with the per-document cache in front.

Each worker loads the pipeline once (pool initializer), runs the whole
per-document step and sends back only the plain :class:`~kg.model.Extraction`
— never a spaCy ``Doc``, whose pickling made spaCy's own ``n_process``
slower than one process. Results come back in the order of the documents
(``imap``), so the graph does not depend on which worker finished first,
and the pool holds at most a few chunks of documents at a time."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Protocol, Sequence

from kg.run.cache import ExtractionCache
from kg.text.document import Document
from kg.errors import InputError
from kg.model import Extraction

log = logging.getLogger(__name__)

__all__ = ["ExtractionRun", "ExtractorLike", "available_cpus", "beside", "extract_documents",
           "iter_extractions"]


class ExtractorLike(Protocol):
    """What extracts a document: :class:`kg.run.extract.Extractor`, or any
    object with the same method (a test's, a program's own)."""

    def extract(self, document: Document) -> Extraction: ...


@dataclass
class ExtractionRun:
    extractions: list[Extraction] = field(default_factory=list)
    extracted: int = 0            # documents run through the pipeline
    cached: int = 0               # documents taken from the cache
    failed: list[InputError] = field(default_factory=list)  # documents the extractor broke on


def available_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_documents(documents: Sequence[Document], model: str, *, jobs: int = 1,
                      cache: ExtractionCache | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      extractor: ExtractorLike | None = None,
                      factory: Callable[[str], ExtractorLike] | None = None) -> ExtractionRun:
    """One extraction per document, in the order given. Documents the cache
    knows are not extracted again; new extractions are added to it.
    ``extractor`` and ``factory``: as for :func:`iter_extractions`."""
    run = ExtractionRun()
    results: list[Extraction | None] = [None] * len(documents)
    todo: list[int] = []
    done = 0
    for i, doc in enumerate(documents):
        hit = cache.get(doc) if cache is not None else None
        if hit is None:
            todo.append(i)
            continue
        results[i] = hit
        run.cached += 1
        done += 1
        if progress:
            progress(done, len(documents))
    fresh = iter_extractions([documents[i] for i in todo], model, jobs=jobs, extractor=extractor,
                             factory=factory)
    for k, extraction in enumerate(fresh):
        i = todo[k]
        done += 1
        if progress:
            progress(done, len(documents))
        if isinstance(extraction, InputError):
            run.failed.append(extraction)
            continue
        results[i] = extraction
        run.extracted += 1
        if cache is not None:
            cache.put(documents[i], extraction)
    run.extractions = [r for r in results if r is not None]
    log.info("extracted %d document(s), %d from the cache", run.extracted, run.cached)
    return run


def iter_extractions(documents: Sequence[Document], model: str, *, jobs: int = 1,
                     then: Callable[[Extraction], Any] | None = None,
                     extractor: ExtractorLike | None = None,
                     factory: Callable[[str], ExtractorLike] | None = None) -> Iterator[Any]:
    """Extract every document, yielding in the order given. ``jobs`` > 1
    runs that many worker processes (never more than there are documents).
    ``then`` (a module-level function) is applied to each extraction where
    it is made, in the worker, and its result is yielded instead. A
    document the extractor breaks on yields an :class:`InputError`.

    What extracts: ``extractor`` (any object with ``.extract(document) ->
    Extraction``) in this process, for ``jobs`` = 1 only; else
    ``factory(model)`` — a module-level function, so that worker processes
    can be given it — or, by default, :class:`kg.run.extract.Extractor`."""
    if extractor is not None and jobs > 1:
        raise ValueError("extractor= extracts in this process only (jobs=1); for jobs > 1 give "
                         "factory=, a module-level function of the model name")
    if not documents:
        return
    jobs = max(1, min(jobs, len(documents)))
    def make(name: str) -> ExtractorLike:     # kg.run.extract (spaCy) is imported only if used
        return (factory or _default_factory())(name)

    context = _context() if jobs > 1 else None
    if context is None or context.get_start_method() != "fork":
        preloaded = None
    else:
        # Load the pipeline here and extract the first document (which also
        # loads what the pipeline loads lazily); forked workers inherit all
        # of it instead of loading it once each.
        preloaded = make(model)
        yield _extract_one(preloaded, documents[0], then)
        documents = documents[1:]
        if not documents:
            return
    if jobs == 1:
        here = extractor if extractor is not None else make(model)
        for doc in documents:
            yield _extract_one(here, doc, then)
        return
    # small chunks: a worker left with a long last chunk would keep the other one idle
    chunksize = max(1, min(4, len(documents) // (jobs * 16)))
    _WORKER.clear()
    if preloaded is not None:
        _WORKER["extractor"] = preloaded
        gc.freeze()   # the inherited objects stay shared: no collector writes to their pages
    try:
        pool = context.Pool(jobs, initializer=_init_worker, initargs=(model, then, factory))
    finally:
        _WORKER.clear()
        gc.unfreeze()
    try:
        yield from pool.imap(_extract_in_worker, documents, chunksize)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _default_factory() -> Callable[[str], ExtractorLike]:
    from kg.run.extract import Extractor    # looked up when used: spaCy is imported only then

    return Extractor


def _context():
    """fork where it is safe (no threads yet: workers start with the
    parent's pipeline), else spawn (each worker loads its own)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


# --- inside a worker ---------------------------------------------------------------

_WORKER: dict = {}


def _init_worker(model: str, then, factory) -> None:
    # An exception here would make the pool start new workers forever: keep
    # it and raise it with the first task instead.
    _WORKER["then"] = then
    if "extractor" in _WORKER:        # forked with the parent's pipeline
        return
    try:
        _WORKER["extractor"] = (factory or _default_factory())(model)
    except BaseException as exc:  # noqa: BLE001 - re-raised in _extract_in_worker
        _WORKER["error"] = exc


def _extract_in_worker(document: Document):
    if "error" in _WORKER:
        raise _WORKER["error"]
    return _extract_one(_WORKER["extractor"], document, _WORKER["then"])


def _extract_one(extractor, document: Document, then):
    """The extraction (or ``then`` of it); a bug that breaks one document
    comes back as an :class:`InputError` naming its files, not raised, so
    the other documents still make their graph."""
    try:
        extraction = extractor.extract(document)
        return then(extraction) if then else extraction
    except Exception as exc:  # noqa: BLE001 - reported per document by the caller
        log.debug("extracting %s failed", document.doc_id, exc_info=True)
        where = ", ".join(document.files) or document.doc_id
        return InputError(f"{where}: extraction failed ({type(exc).__name__}: {exc}); "
                          "the other files are in the graph; please report this")


# --- one more process beside this one ----------------------------------------------

def beside(fn: Callable[..., Any], *args) -> Callable[[], Any]:
    """Start ``fn(*args)`` in a forked process and return a function that
    waits for its result. The child inherits ``args`` (nothing is pickled
    but the result); without fork, ``fn`` runs in this process when the
    result is asked for."""
    context = _context()
    if context.get_start_method() != "fork":
        return lambda: fn(*args)
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run_beside, args=(send, fn, args), daemon=True)
    child.start()
    send.close()

    def result():
        try:
            ok, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"the process running {fn.__name__} ended without a result "
                               f"(exit code {child.exitcode}); run with --jobs 1") from None
        finally:
            receive.close()
            child.join()
        if not ok:
            raise value
        return value

    return result


def _run_beside(send, fn, args) -> None:
    try:
        value = (True, fn(*args))
    except BaseException as exc:  # noqa: BLE001 - raised again in the parent
        value = (False, exc)
    send.send(value)
    send.close()
