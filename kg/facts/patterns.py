"""Relation patterns: the rows of ``kg/data/relations.jsonl`` as checked,
typed records. A pattern names a predicate, its trigger words and the
*frame* (:mod:`kg.facts.frames`) that finds the subject and objects around
a trigger, plus a few frame options.

The schema of a row (every key but ``id``, ``predicate`` and ``frame`` is
optional; an unknown key, a value of the wrong type, an unknown frame or
predicate is a :class:`~kg.errors.KGError` naming the file and line):

================== ======== ====================================================
key                type     meaning
================== ======== ====================================================
id                 str      unique name, written as ``kg:extractedBy``
predicate          str      an ontology relation (``released`` …)
frame              str      a registered frame (``svo``, ``passive`` …)
confidence         number   the pattern's confidence (default 0.7)
triggers           [str]    trigger words
not_followed_by    [str]    a trigger directly followed by one of these is none
not_preceded_by    [str]    … or directly preceded by one of these
object_not_followed_by [str] an object followed by one of these is none (论文)
agent_markers      [str]    words that introduce the agent (被, 由, 与 …)
topic_triggers     [str]    triggers whose object may be the topic named before
subject_classes    [str]    narrower domain than the ontology's
object_classes     [str]    narrower range than the ontology's
object_limit       int      how far after the trigger the object may start
metonymy           bool     a company may stand for its model (接入DeepSeek)
dui_object         bool     the object may stand after 对 before the trigger
described_object   bool     the object may follow a description (AI新创X)
titled_agent       bool     the agent may follow a title after the marker
swap               bool     the frame's subject and object change places
polarity           str      ``positive`` or ``negative`` (judgement frames)
================== ======== ====================================================
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from kg.errors import KGError


@dataclass(frozen=True)
class Pattern:
    id: str
    predicate: str
    frame: str
    confidence: float = 0.7
    triggers: tuple[str, ...] = ()
    not_followed_by: tuple[str, ...] = ()
    not_preceded_by: tuple[str, ...] = ()
    object_not_followed_by: tuple[str, ...] = ()
    agent_markers: tuple[str, ...] = ()
    topic_triggers: tuple[str, ...] = ()
    subject_classes: tuple[str, ...] = ()
    object_classes: tuple[str, ...] = ()
    object_limit: int = 30
    metonymy: bool = False
    dui_object: bool = False
    described_object: bool = False
    titled_agent: bool = False
    swap: bool = False
    polarity: str = "positive"


_REQUIRED = ("id", "predicate", "frame")
_TYPES = {f.name: f.type for f in fields(Pattern)}
_CHECK = {"str": lambda v: isinstance(v, str) and v != "",
          "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v <= 1,
          "int": lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
          "bool": lambda v: isinstance(v, bool),
          "tuple[str, ...]": lambda v: isinstance(v, list) and all(isinstance(w, str) and w for w in v)}
_SHOWN = {"str": "a non-empty string", "float": "a number in (0, 1]", "int": "a positive integer",
          "bool": "true or false", "tuple[str, ...]": "a list of non-empty strings"}


def read_pattern(row: dict, path: Path, line: int, frames, relations) -> Pattern:
    """One checked pattern; ``frames`` and ``relations`` are the names that exist."""
    where = f"{path}, line {line}"
    if not isinstance(row, dict):
        raise KGError(f"{where}: a pattern is a JSON object, got {type(row).__name__}")
    for key in _REQUIRED:
        if key not in row:
            raise KGError(f"{where}: the pattern has no {key!r}; every pattern needs "
                          f"{', '.join(_REQUIRED)}")
    for key, value in row.items():
        kind = _TYPES.get(key)
        if kind is None:
            raise KGError(f"{where}: unknown key {key!r}; the keys are {', '.join(_TYPES)} "
                          "(see kg/facts/patterns.py)")
        if not _CHECK[kind](value):
            raise KGError(f"{where}: {key!r} must be {_SHOWN[kind]}, got {value!r}")
    if row["frame"] not in frames:
        raise KGError(f"{where}: unknown frame {row['frame']!r}; the frames are "
                      f"{', '.join(sorted(frames))}")
    if row["predicate"] not in relations:
        raise KGError(f"{where}: unknown predicate {row['predicate']!r}; the ontology's "
                      f"relations are {', '.join(sorted(relations))}")
    if row.get("polarity", "positive") not in ("positive", "negative"):
        raise KGError(f"{where}: 'polarity' must be 'positive' or 'negative'")
    return Pattern(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})
