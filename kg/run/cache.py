"""A per-document cache of extractions, so that a rebuild extracts only
the documents it has not seen.

The cache lives in the output folder (``<out>/.kg-cache/<version>/``), so
two output folders never share one. An entry is the JSON form of one
:class:`~kg.model.Extraction`, named by the SHA-256 of the document's text;
``version`` is a hash of everything an extraction depends on besides the
text: the kg version and its Python sources, the data files
(``load_lexicon().version`` and ``kg/data``), the ontology, the spaCy
pipeline name (and its package version when it is an installed package)
and the versions of spaCy and jieba. Entries of other versions are removed
when the cache is opened. Entries are written atomically; an unreadable
entry is treated as missing.

An entry is checked when it is read (:mod:`kg.run.entries`: format,
version, checksum, the type of every field): a damaged, edited or foreign
entry — or a folder, link or device where an entry should be — is a miss,
logged in one line, and the document is extracted again; it is never used
and never stops the build. A write that fails (a full disk, a folder in the
way) keeps the build going with one warning. The entry format is also what
``kg extract`` writes beside each document's N-Quads."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
import stat
from dataclasses import replace
from pathlib import Path

from kg import __version__
from kg.text.document import Document
from kg.errors import InputError, KGError
from kg.model import Extraction
from kg.run.entries import (FORMAT, EntryError, decode_extraction, encode_extraction, entry_bytes,
                            read_entry, seal)
from kg.run.files import write_atomically

log = logging.getLogger(__name__)

__all__ = ["CACHE_DIR", "FORMAT", "ExtractionCache", "decode_extraction",
           "encode_extraction", "pipeline_version"]

CACHE_DIR = ".kg-cache"
MAX_ENTRY = 1 << 30      # bytes; a bigger file at an entry's path is not an entry
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


# --- version -----------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def pipeline_version(model: str) -> str:
    """A short hash that changes whenever an extraction of the same text could."""
    from importlib import metadata

    import jieba
    import spacy

    from kg.lexicon import load_lexicon
    from kg.resources import ONTOLOGY_FILE
    from kg.text.segment import segmenter_version

    h = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
            h.update(b"\x1f")

    add("kg", __version__)
    add("format", str(FORMAT), "model", model, "spacy", spacy.__version__,
        "jieba", str(getattr(jieba, "__version__", "")), "segmenter", segmenter_version())
    if Path(model).is_dir():                 # a pipeline saved to a folder
        for name in ("meta.json", "config.cfg"):
            if (Path(model) / name).is_file():
                add(name, (Path(model) / name).read_bytes())
    elif not model.startswith("blank:"):     # an installed pipeline package
        try:
            add("model-version", metadata.version(model))
        except (metadata.PackageNotFoundError, ValueError):
            pass
    add("lexicon", load_lexicon().version)
    for path in sorted(p for p in _PACKAGE_DIR.rglob("*") if p.is_file()     # kg/*.py, kg/data
                       and p.suffix in {".py", ".tsv", ".txt", ".jsonl", ".json"}
                       and "__pycache__" not in p.parts):
        add(path.relative_to(_PACKAGE_DIR).as_posix(), path.read_bytes())
    if ONTOLOGY_FILE.is_file():
        add("ontology", ONTOLOGY_FILE.read_bytes())
    return h.hexdigest()[:16]


# --- the cache ---------------------------------------------------------------------

class ExtractionCache:
    """``get``/``put`` extractions of documents under ``<out_dir>/.kg-cache``.

    A cache that cannot be used (``.kg-cache`` is a file, the folder cannot
    be written) is no error: it is switched off, and :attr:`problem` says
    in one line why, for the caller to show as a warning."""

    def __init__(self, out_dir: Path | str, model: str, version: str | None = None):
        self.model = model
        self.version = version or pipeline_version(model)
        self.root = Path(out_dir) / CACHE_DIR
        self.folder = self.root / self.version
        self.problem: str | None = None
        self._pruned = False
        self._checked = False

    def _path(self, sha256: str) -> Path:
        return self.folder / f"{sha256}.json"

    def _usable(self) -> bool:
        if not self._checked:
            self._checked = True
            if (self.root.exists() or self.root.is_symlink()) and not self.root.is_dir():
                self._switch_off(f"{self.root} is not a folder, so this build keeps no cache; "
                                 "remove it to keep one, or use --no-cache")
        return self.problem is None

    def _switch_off(self, problem: str) -> None:
        self.problem = problem
        log.debug("cache switched off: %s", problem)

    def get(self, document: Document) -> Extraction | None:
        """The cached extraction of ``document`` (with its current file names),
        or None: no entry, or one that does not check out (logged in one line)."""
        if not self._usable():
            return None
        path = self._path(document.sha256)
        try:
            extraction = self._read(path)
            if extraction.document.sha256 != document.sha256:
                raise EntryError("it is the entry of another text")
        except FileNotFoundError:
            return None
        except (OSError, EntryError) as exc:
            log.warning("cache entry %s not used, the document is extracted again: %s", path,
                        getattr(exc, "strerror", None) or exc)
            return None
        if extraction.document.issued != document.issued:
            return None     # the publication date dates the text: another date, another extraction
        return replace(extraction, document=document.info())

    def _read(self, path: Path) -> Extraction:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise EntryError("not a regular file")
            if info.st_size > MAX_ENTRY:
                raise EntryError(f"{info.st_size:,} bytes, too big for an entry")
            raw = fh.read()
        return read_entry(raw, version=self.version)[1]

    def put(self, document: Document, extraction: Extraction) -> None:
        """Store an extraction (written atomically); a failure switches the cache off."""
        if not self._usable():
            return
        self._prune()
        data = entry_bytes(seal(extraction, self.version, self.model))
        try:
            write_atomically(self.folder, {self._path(document.sha256).name: data},
                             what="the cache", durable=False)
        except KGError as exc:
            reason = getattr(exc.__cause__, "strerror", None) or "permission denied"
            self._switch_off(f"cannot write the cache in {self.root} ({reason}), so this build "
                             "keeps no more of it; make room or fix its permissions, "
                             "or use --no-cache")

    def _prune(self) -> None:
        """Remove the entries of other pipeline versions (once per cache object)."""
        if self._pruned:
            return
        self._pruned = True
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child.name != self.version and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)


# --- a `kg extract` file -----------------------------------------------------------

def read_extraction(path: Path) -> tuple[Extraction, str]:
    """One ``kg extract`` file, checked as a cache entry is (format, checksum,
    types) and made by this kg's pipeline for its model; InputError saying why not."""
    try:
        data, extraction = read_entry(path.read_bytes())
        model = data.get("model")
        if not isinstance(model, str):
            raise EntryError("it names no model")
        if data["version"] != pipeline_version(model):
            raise EntryError(f"made by another version of the pipeline or its data "
                             f"({data['version']}; this kg makes {pipeline_version(model)} "
                             f"with --model {model})")
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the file and "
                         "its permissions") from exc
    except EntryError as exc:
        raise InputError(f"{path}: not an extraction `kg merge` can use: {exc}; run `kg extract` "
                         "again on its documents (with --force), or remove it") from exc
    return extraction, data["version"]
