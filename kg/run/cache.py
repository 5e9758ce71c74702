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

The JSON codec (:func:`encode_extraction`, :func:`decode_extraction`) is
also the format ``kg extract`` writes beside each document's N-Quads."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import shutil
import types
import typing
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from kg import __version__
from kg.text.document import Document
from kg.errors import KGError
from kg.model import Extraction
from kg.run.files import write_atomically

log = logging.getLogger(__name__)

__all__ = ["CACHE_DIR", "ExtractionCache", "decode_extraction",
           "encode_extraction", "pipeline_version"]

CACHE_DIR = ".kg-cache"
FORMAT = 1
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

    h = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
            h.update(b"\x1f")

    add("kg", __version__)
    add("format", str(FORMAT), "model", model, "spacy", spacy.__version__,
        "jieba", str(getattr(jieba, "__version__", "")))
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


# --- JSON codec --------------------------------------------------------------------

def encode_extraction(extraction: Extraction) -> dict[str, Any]:
    """An extraction as plain JSON data (tuples become lists)."""
    return dataclasses.asdict(extraction)


def decode_extraction(data: dict[str, Any]) -> Extraction:
    """The inverse of :func:`encode_extraction`: equal to the original."""
    return _decoder(Extraction)(data)


def _identity(value):
    return value


@functools.lru_cache(maxsize=None)
def _decoder(tp) -> Callable[[Any], Any]:
    """A function that decodes JSON data of type ``tp``; made once per type
    from its annotations, so decoding a big cache does no type inspection."""
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(tp)]

        def dataclass_(value):
            return tp(**{name: dec(value[name]) for name, dec in fields if name in value})
        return _optional(dataclass_)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return _optional(lambda value: tuple(map(item, value)))
    if origin is tuple:
        items = [_decoder(a) for a in args]
        return _optional(lambda value: tuple(dec(v) for dec, v in zip(items, value)))
    if origin is list:
        item = _decoder(args[0])
        return _optional(lambda value: list(map(item, value)))
    if origin is dict:
        item = _decoder(args[1])
        return _optional(lambda value: {k: item(v) for k, v in value.items()})
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _identity
    if tp is float:
        return _optional(lambda value: float(value) if isinstance(value, int) else value)
    return _identity


def _optional(decode: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else decode(value)


# --- the cache ---------------------------------------------------------------------

class ExtractionCache:
    """``get``/``put`` extractions of documents under ``<out_dir>/.kg-cache``.

    A cache that cannot be used (``.kg-cache`` is a file, the folder cannot
    be written) is no error: it is switched off, and :attr:`problem` says
    in one line why, for the caller to show as a warning."""

    def __init__(self, out_dir: Path | str, model: str, version: str | None = None):
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
        """The cached extraction of ``document`` (with its current file names), or None."""
        if not self._usable():
            return None
        path = self._path(document.sha256)
        try:
            data = json.loads(path.read_bytes())
            extraction = decode_extraction(data["extraction"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.debug("ignoring unreadable cache entry %s (%s)", path, exc)
            return None
        if extraction.document.sha256 != document.sha256 or extraction.document.issued != document.issued:
            return None     # the publication date dates the text: another date, another extraction
        return replace(extraction, document=document.info())

    def put(self, document: Document, extraction: Extraction) -> None:
        """Store an extraction (written atomically); a failure switches the cache off."""
        if not self._usable():
            return
        self._prune()
        data = json.dumps({"format": FORMAT, "version": self.version,
                           "extraction": encode_extraction(extraction)},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8")
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
