"""Frames: where a pattern's subject and objects stand around its trigger.

A frame is a function ``frame(ctx, pattern, trigger_re, sentence)`` that
yields ``(subject, predicate, object, confidence_factor[, role])``; the
relation extractor does the ontology check and the bookkeeping. Frames
register themselves under the name ``kg/data/relations.jsonl`` uses::

    @frame("svo")
    def svo(ctx, pattern, rx, sent): ...

``triggerless=True`` marks a frame that finds its anchor itself (a title
between two names, a place before an organisation); every other frame acts
only at a trigger word, so a sentence without one is skipped before it is
called. The frame modules are imported by :func:`registered`, not when this
package is imported."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

FrameFn = Callable[..., Iterator[tuple]]

# the modules that hold frames, in the order they register
_MODULES = ("basic", "people", "careers", "founders", "places", "ownership", "compare", "judge",
            "launch", "launch_forms", "launch_also", "equip", "connect", "bans", "hosting", "verdict",
            "scores", "turns")


@dataclass(frozen=True)
class Frame:
    name: str
    fn: FrameFn
    triggerless: bool = False


_REGISTRY: dict[str, Frame] = {}


def frame(name: str, *, triggerless: bool = False) -> Callable[[FrameFn], FrameFn]:
    """Register the decorated function as the frame ``name``."""

    def register(fn: FrameFn) -> FrameFn:
        if name in _REGISTRY and _REGISTRY[name].fn is not fn:
            raise ValueError(f"two frames are named {name!r}: {_REGISTRY[name].fn.__qualname__} "
                             f"and {fn.__qualname__}; rename one")
        _REGISTRY[name] = Frame(name, fn, triggerless)
        return fn

    return register


def registered() -> Mapping[str, Frame]:
    """Every frame by name (imports the frame modules on the first call)."""
    for module in _MODULES:
        importlib.import_module(f"{__name__}.{module}")
    return MappingProxyType(_REGISTRY)
