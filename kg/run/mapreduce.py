"""``kg extract`` and ``kg merge``: the build split into a map step that any
scheduler can spread over many machines, and one reduce step.

``kg extract PATHS --out DIR`` writes, for every document, ``DIR/<doc_id>.nq``
(N-Quads; one named graph, the document's IRI, holding the document node,
the entities its mentions name — resolved within that document only — and
its facts with their evidence) and ``DIR/<doc_id>.json`` (the exact
:class:`~kg.model.Extraction`, the input of the reduce step). Documents
whose files are already there from the same pipeline version are skipped.

``kg merge DIR... --out OUT`` reads every ``*.json`` under the folders,
resolves entities across all documents and writes ``graph.ttl`` (and
``graph.html``) exactly as ``kg build`` of the same files would.

A shell loop, GNU parallel, Spark or Ray can run ``kg extract`` on slices of
the corpus (``kg extract part-017/ --out extracted/``) and one ``kg merge
extracted/`` afterwards."""

from __future__ import annotations

import functools
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from kg.run.build import BuildResult, read_documents, skip_file, write_graph
from kg.run.cache import pipeline_version, read_extraction
from kg.run.entries import EntryError, entry_bytes, read_entry, seal
from kg.run.files import check_out_dir, output_lock, write_atomically
from kg.errors import InputError
from kg.text.files import MAX_FILE_SIZE
from kg.model import Extraction
from kg.mentions.pipeline import DEFAULT_MODEL

if TYPE_CHECKING:
    from kg.run.parallel import ExtractorLike

log = logging.getLogger(__name__)

__all__ = ["ExtractResult", "extract_to_folder", "merge_folders", "read_extractions"]


@dataclass
class ExtractResult:
    out_dir: Path
    documents: int = 0
    extracted: int = 0                                   # written now
    unchanged: int = 0                                   # already there, same pipeline version
    skipped: list[str] = field(default_factory=list)     # one line per bad file
    seconds: float = 0.0


def extract_to_folder(paths: Iterable[Path], out_dir: Path, model: str = DEFAULT_MODEL, *,
                      jobs: int = 1, strict: bool = False, force: bool = False,
                      progress: Callable[[int, int], None] | None = None,
                      extractor: ExtractorLike | None = None,
                      factory: Callable[[str], ExtractorLike] | None = None,
                      max_file_size: int = MAX_FILE_SIZE) -> ExtractResult:
    """The map step: one ``.nq`` and one ``.json`` per document in ``out_dir``.
    ``extractor`` and ``factory``: as for :func:`kg.run.parallel.iter_extractions`."""
    from kg.run.parallel import iter_extractions

    started = time.perf_counter()
    out_dir = Path(out_dir)
    result = ExtractResult(out_dir)
    documents = read_documents(paths, strict, result.skipped, max_file_size)
    result.documents = len(documents)
    version = pipeline_version(model)
    check_out_dir(out_dir, what="the extractions")   # before the long part, not after it
    todo = [d for d in documents if force or not _current(out_dir / f"{d.doc_id}.json", d, version)]
    result.unchanged = len(documents) - len(todo)
    made_all = iter_extractions(todo, model, jobs=jobs, then=_with_nquads, extractor=extractor,
                                factory=factory)
    for i, made in enumerate(made_all, 1):
        if progress:
            progress(i, len(todo))
        if isinstance(made, InputError):
            skip_file(made, strict, result.skipped)
            continue
        extraction, nquads = made
        write_extraction(out_dir, extraction, version, nquads, model=model)
        result.extracted += 1
    result.seconds = time.perf_counter() - started
    return result


def _current(path: Path, document, version: str) -> bool:
    """Is ``path`` this document's extraction by this pipeline version, with its file names?"""
    try:
        _, extraction = read_entry(path.read_bytes(), version=version)
    except (OSError, EntryError):
        return False
    doc = extraction.document
    return (doc.sha256 == document.sha256 and doc.files == document.files
            and path.with_suffix(".nq").is_file())


def _with_nquads(extraction: Extraction) -> tuple[Extraction, bytes]:
    return extraction, document_nquads(extraction)


def write_extraction(out_dir: Path, extraction: Extraction, version: str,
                     nquads: bytes | None = None, *, model: str = DEFAULT_MODEL) -> None:
    """``<doc_id>.nq`` and ``<doc_id>.json`` as one atomic write: both are
    written in full before either is renamed into place, the ``.nq`` first,
    so a ``.json`` (what ``kg merge`` reads and what marks the document
    done) never stands beside a missing or unfinished ``.nq``."""
    doc_id = extraction.document.doc_id
    write_atomically(out_dir, {
        f"{doc_id}.nq": document_nquads(extraction) if nquads is None else nquads,
        f"{doc_id}.json": entry_bytes(seal(extraction, version, model), indent=1),
    }, what="the extractions")


def document_nquads(extraction: Extraction) -> bytes:
    """The document's own graph as sorted N-Quads in the named graph of its IRI."""
    from rdflib import Dataset

    from kg.ontology.schema import load_schema
    from kg.graph.triples import add_all, graph_triples
    from kg.ontology.vocab import DOC

    resolved = _resolver().resolve([extraction])
    dataset = Dataset()
    add_all(dataset.graph(DOC[extraction.document.doc_id]),
            graph_triples([extraction], resolved, load_schema()))
    text = dataset.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


@functools.lru_cache(maxsize=1)
def _resolver():
    from kg.lexicon import load_lexicon
    from kg.ontology.schema import load_schema
    from kg.graph.resolve import Resolver

    return Resolver(load_lexicon(), load_schema())


# --- reduce ----------------------------------------------------------------------------

def read_extractions(folders: Iterable[Path]) -> list[Extraction]:
    """Every ``*.json`` extraction under the folders, one per document (the
    same text extracted twice under other names counts once, with all
    names), in document-id order as ``kg build`` has them."""
    by_id: dict[str, Extraction] = {}
    versions: dict[str, Path] = {}
    searched = []
    for folder in map(Path, folders):
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder; give the --out folder of `kg extract`")
        searched.append(str(folder))
        for path in sorted(folder.rglob("*.json")):
            if any(part.startswith(".") for part in path.relative_to(folder).parts):
                continue
            extraction, version = read_extraction(path)
            versions.setdefault(version, path)
            doc = extraction.document
            seen = by_id.get(doc.doc_id)
            if seen is not None:
                files = tuple(sorted(set(seen.document.files) | set(doc.files)))
                extraction = replace(seen, document=replace(seen.document, files=files))
            by_id[doc.doc_id] = extraction
    if len(versions) > 1:
        first, second = sorted(versions.items())[:2]
        raise InputError(f"{first[1]} and {second[1]} come from different versions of the "
                         "pipeline or its data; run `kg extract` again on all documents")
    if not by_id:
        raise InputError(f"no extractions (*.json) in {', '.join(searched)}; run `kg extract` first")
    return [by_id[k] for k in sorted(by_id)]


def merge_folders(folders: Iterable[Path], out_dir: Path, *, min_confidence: float = 0.0,
                  html: bool = True, stream: bool | None = None) -> BuildResult:
    """The reduce step: resolve entities across all documents and write the
    graph files as ``kg build`` does. ``stream``: with bounded memory
    (:mod:`kg.run.merge`; the same files); None: when there are at least
    :data:`kg.run.merge.STREAM_FROM` extraction files."""
    from kg.run.merge import STREAM_FROM, extraction_files, merge_streaming

    folders = [Path(f) for f in folders]
    if stream is None:
        stream = sum(1 for _ in zip(extraction_files(folders), range(STREAM_FROM))) >= STREAM_FROM
    if stream:
        return merge_streaming(folders, out_dir, min_confidence=min_confidence, html=html)
    started = time.perf_counter()
    result = BuildResult(Path(out_dir))
    extractions = read_extractions(folders)
    check_out_dir(result.out_dir)
    with output_lock(result.out_dir):
        write_graph(extractions, result, min_confidence=min_confidence, html=html)
    result.documents = len(extractions)
    result.seconds = time.perf_counter() - started
    return result
