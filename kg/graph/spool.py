"""A Turtle file too big for memory: triples are spooled to sorted chunks
on disk as they are made and merged (``heapq.merge``) into the bytes
:func:`kg.graph.triples.serialize` writes for the same set of triples —
subjects in IRI order, ``a`` first, then predicates and objects sorted,
each triple once."""

from __future__ import annotations

import heapq
import itertools
import marshal
from collections import Counter
from pathlib import Path
from typing import BinaryIO, Iterator


from kg.graph.triples import TurtleTerms, pair_order, subject_lines, turtle_prefixes

__all__ = ["TurtleSpool"]

_CHUNK = 200_000         # triples held before a sorted chunk goes to disk
_MEMO = 100_000          # written terms remembered (then forgotten: memory stays bounded)


class TurtleSpool:
    """``add`` triples in any order, any number of times; ``write`` the
    Turtle once. Chunks go to files in ``folder`` (a temporary folder the
    caller removes)."""

    def __init__(self, folder: Path, chunk: int = _CHUNK):
        self.folder = Path(folder)
        self.chunk = chunk
        self.prefixes = turtle_prefixes()
        self.terms = TurtleTerms(self.prefixes)
        self.buffer: list[tuple] = []
        self.files: list[Path] = []
        self.predicates: Counter = Counter()      # predicate IRI → distinct triples (after write)

    def add(self, triple) -> None:
        s, p, o = triple
        terms = self.terms
        if len(terms.iris) > _MEMO:
            terms.iris.clear()
        self.buffer.append((str(s), type(s).__name__, *pair_order(p, o), terms.term(o)))
        if len(self.buffer) >= self.chunk:
            self._flush()

    def add_all(self, triples) -> None:
        for t in triples:
            self.add(t)

    def _flush(self) -> None:
        if not self.buffer:
            return
        self.buffer.sort()
        path = self.folder / f"chunk-{len(self.files):05d}.marshal"
        with open(path, "wb") as fh:
            previous = None
            for record in self.buffer:
                if record != previous:
                    marshal.dump(record, fh)
                previous = record
        self.files.append(path)
        self.buffer = []

    def write(self, out: BinaryIO) -> None:
        """The Turtle of every triple added, to the binary stream ``out``."""
        self._flush()
        out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()).encode("utf-8"))
        merged = heapq.merge(*(_records(path) for path in self.files))
        unique = (r for r, _ in itertools.groupby(merged))
        terms = self.terms
        predicate_text: dict[str, str] = {}
        for (s, kind), records in itertools.groupby(unique, key=lambda r: (r[0], r[1])):
            if len(terms.iris) > _MEMO:
                terms.iris.clear()
            pairs = []
            for r in records:
                p = r[3]
                text = predicate_text.get(p)
                if text is None:
                    text = predicate_text[p] = "a" if not r[2] else terms.iri(p)
                self.predicates[p] += 1
                pairs.append((text, r[8]))
            subject = terms.iri(s) if kind == "URIRef" else f"_:{s}"
            out.write("".join(subject_lines(subject, pairs)).encode("utf-8"))


def _records(path: Path) -> Iterator[tuple]:
    with open(path, "rb") as fh:
        while True:
            try:
                yield marshal.load(fh)
            except EOFError:
                return
