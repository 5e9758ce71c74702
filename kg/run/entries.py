"""The JSON form of an extraction, one schema for the entries of the cache
(:mod:`kg.run.cache`) and the ``.json`` files of ``kg extract``
(:mod:`kg.run.mapreduce`)::

    {"format": 2, "version": "<pipeline version>", "model": "blank:zh",
     "checksum": "<SHA-256 of the extraction's canonical JSON>",
     "extraction": {…the fields of kg.model.Extraction…}}

Reading one (:func:`open_entry`) checks everything before anything is used:
the format number, the pipeline version when the reader knows it, the
checksum (so a flipped bit anywhere in the extraction is caught, and the
rest of the entry is checked by the tests that follow), and every field's
JSON type against the dataclasses of :mod:`kg.model` (no unknown or missing
field, no ``null`` where a value belongs, no string where a number does).
Anything wrong is an :class:`EntryError` saying what."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import math
import types
import typing
from typing import Any, Callable

from kg.model import Extraction

__all__ = ["FORMAT", "EntryError", "checksum", "decode_extraction", "encode_extraction",
           "entry_bytes", "open_entry", "read_entry", "seal"]

FORMAT = 2


class EntryError(ValueError):
    """A cache entry or ``kg extract`` file that cannot be used; the message says why."""


def encode_extraction(extraction: Extraction) -> dict[str, Any]:
    """An extraction as plain JSON data (tuples become lists)."""
    return dataclasses.asdict(extraction)


def decode_extraction(data: Any) -> Extraction:
    """The inverse of :func:`encode_extraction` (equal to the original); an
    EntryError for data of any other shape."""
    return _decoder(Extraction)(data, "extraction")


def checksum(extraction_data: Any) -> str:
    """SHA-256 of the canonical JSON of the extraction data (sorted keys, no
    spaces), so it does not depend on how the file was laid out."""
    text = json.dumps(extraction_data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def seal(extraction: Extraction, version: str, model: str) -> dict[str, Any]:
    """The entry of an extraction: its data with format, version, model and checksum."""
    data = encode_extraction(extraction)
    return {"format": FORMAT, "version": version, "model": model, "checksum": checksum(data),
            "extraction": data}


def entry_bytes(entry: dict[str, Any], *, indent: int | None = None) -> bytes:
    """An entry as UTF-8 JSON (compact, or indented for people)."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(entry, ensure_ascii=False, indent=indent, separators=separators)
    return text.encode("utf-8") + (b"\n" if indent is not None else b"")


def read_entry(raw: bytes, *, version: str | None = None) -> tuple[dict[str, Any], Extraction]:
    """Bytes of an entry → (its JSON object, the extraction); EntryError if anything is wrong."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:   # bad UTF-8 or JSON
        raise EntryError(f"not JSON ({exc.__class__.__name__}: {str(exc)[:80]})") from None
    return data, open_entry(data, version=version)


def open_entry(data: Any, *, version: str | None = None) -> Extraction:
    """The extraction of an entry's JSON object, once format, ``version`` (when
    given), checksum and types all check out; EntryError otherwise."""
    if not isinstance(data, dict):
        raise EntryError(f"not a JSON object but {_kind(data)}")
    if data.get("format") != FORMAT:
        raise EntryError(f"format {data.get('format')!r}; this kg reads format {FORMAT}")
    if not isinstance(data.get("version"), str):
        raise EntryError("no pipeline version")
    if version is not None and data["version"] != version:
        raise EntryError(f"made by another version of the pipeline or its data "
                         f"({data['version']}, not {version})")
    if "extraction" not in data:
        raise EntryError("no extraction")
    if data.get("checksum") != checksum(data["extraction"]):
        raise EntryError("its checksum does not match its content (damaged or edited)")
    return decode_extraction(data["extraction"])


# --- typed decoding ----------------------------------------------------------------------

def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), "a value")


def _wrong(where: str, expected: str, value: Any) -> EntryError:
    return EntryError(f"{where} is {_kind(value)}, not {expected}")


@functools.lru_cache(maxsize=None)
def _decoder(tp) -> Callable[[Any, str], Any]:
    """A checking decoder for JSON data of type ``tp``; made once per type from
    its annotations, so decoding a big cache does no type inspection."""
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(tp)}
        required = {f.name for f in dataclasses.fields(tp)
                    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}

        def dataclass_(value, where):
            if not isinstance(value, dict):
                raise _wrong(where, "an object", value)
            unknown = set(value) - set(fields)
            missing = required - set(value)
            if unknown or missing:
                raise EntryError(f"{where} has " + (f"an unknown field {sorted(unknown)[0]!r}" if unknown
                                                    else f"no field {sorted(missing)[0]!r}"))
            return tp(**{name: fields[name](item, f"{where}.{name}") for name, item in value.items()})
        return dataclass_
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])

        def sequence(value, where):
            if not isinstance(value, (list, tuple)):
                raise _wrong(where, "an array", value)
            return tuple(item(v, f"{where}[{i}]") for i, v in enumerate(value))
        return sequence
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner = _decoder(options[0])
        return lambda value, where: None if value is None else inner(value, where)
    return _SCALARS[tp]


def _string(value, where):
    if not isinstance(value, str):
        raise _wrong(where, "a string", value)
    return value


def _integer(value, where):
    if not isinstance(value, int) or isinstance(value, bool):
        raise _wrong(where, "an integer", value)
    return value


def _number(value, where):
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise _wrong(where, "a finite number", value)
    return float(value)


def _boolean(value, where):
    if not isinstance(value, bool):
        raise _wrong(where, "true or false", value)
    return value


_SCALARS = {str: _string, int: _integer, float: _number, bool: _boolean}
