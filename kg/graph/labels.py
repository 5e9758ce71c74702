"""The labels of an entity node, for readers of both languages.

The resolver's label is written as today (``@zh`` when it holds Han
characters, no tag when it is a Latin-script name, which reads the same in
both). An entity whose label is Chinese also gets an ``@en`` label when an
English name is known: the first Latin-script name of its gazetteer entry
(谷歌 → Google, 萨姆·奥尔特曼 → Sam Altman), else the first Latin-script
name the texts gave it (a bracket gloss, a Latin name beside the Chinese
one). So a node has at most one label per language and at most one without
a language (the shapes of ``kg validate`` check it)."""

from __future__ import annotations

import re

from rdflib import Literal

from kg.lexicon import Entry

__all__ = ["english_name", "entity_labels", "pick_label"]

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]{2}")


def _english(name: str) -> bool:
    return not _HAN.search(name) and bool(_LATIN.search(name))


def english_name(label: str, alt_labels, entry: Entry | None) -> str | None:
    """An English name for an entity labelled ``label`` (None when none is known)."""
    for name in (*(entry.names if entry else ()), *sorted(alt_labels)):
        if _english(name):
            return name
    return None


def entity_labels(label: str, alt_labels, entry: Entry | None) -> list[Literal]:
    """The ``rdfs:label`` values of an entity node."""
    if not _HAN.search(label):
        return [Literal(label)]
    english = english_name(label, alt_labels, entry)
    return [Literal(label, lang="zh")] + ([Literal(english, lang="en")] if english else [])


def pick_label(labels, lang: str | None = None):
    """The label to show from an entity's ``rdfs:label`` values: the one in
    ``lang`` (default zh, the graph's own language), else the one without a
    language, else the first other one; None when there is none."""
    wanted = lang or "zh"

    def rank(label):
        tag = (getattr(label, "language", None) or "").split("-")[0]
        return (0 if tag == wanted else 1 if not tag else 2, str(label))

    return min(labels, key=rank, default=None)
