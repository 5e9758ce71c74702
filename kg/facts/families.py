"""A company named where its model is meant (接入DeepSeek, 集成了深度求索):
the fact's object becomes the company's model family the document names.
Where the document names models called after the company (DeepSeek-R1,
DeepSeek V3 after DeepSeek), that is the family of that name (the
``DeepSeek`` models, which of them the text does not say); else the model
the document says the company released, the one named most often (the
first named on a tie). With neither, the company stays; the graph keeps
the fact only where the ontology allows it (:mod:`kg.graph.conform`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from kg.mentions.gazetteer import fold_name


def _maker(ctx, m) -> str:
    return m.key or fold_name(m.text)


def _named_after(ctx, mentions) -> dict[str, str]:
    """Maker → the family name its models carry in this document (DeepSeek)."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.cls == "AIModel":
            head = ctx.head_of(m.text)
            if head is not None and head.cls in ctx.orgs:
                out.setdefault(_maker(ctx, head), head.text)
    return out


def _released(ctx, cands) -> dict[str, list]:
    """Maker → the models the document says it released."""
    out: dict[str, list] = {}
    for c in cands:
        if c.predicate == "released" and c.object.cls == "AIModel" and c.subject.cls in ctx.orgs:
            out.setdefault(_maker(ctx, c.subject), []).append(c.object)
    return out


def _most_named(models):
    counts = Counter(m.key or fold_name(m.text) for m in models)
    best = max(counts.values())
    return next(m for m in sorted(models, key=lambda m: m.start) if counts[m.key or fold_name(m.text)] == best)


def family_objects(ctx, mentions, cands: list) -> list:
    """``cands`` with each company standing for its model (``metonym``)
    replaced by the family model the document names, when it names one."""
    if not any(c.object.metonym and c.object.cls in ctx.orgs for c in cands):
        return cands
    named, released = _named_after(ctx, mentions), _released(ctx, cands)
    out = []
    for c in cands:
        o = c.object
        if o.metonym and o.cls in ctx.orgs:
            maker = _maker(ctx, o)
            if maker in named:
                c = replace(c, object=replace(o, text=named[maker], cls="AIModel", key="", source="family",
                                              metonym=False, typed_by=""))
            elif released.get(maker):
                c = replace(c, object=replace(_most_named(released[maker]), metonym=False))
        out.append(c)
    return out
