"""The curated data the recognisers use, loaded once per process.

Everything here comes from files in ``kg/data`` (and country names from
pycountry's Chinese translations); nothing about a particular article is
written in code.
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.resources import DATA_DIR

log = logging.getLogger(__name__)

ENTITY_CLASSES = frozenset({
    "Organization", "Company", "GovernmentBody", "Person", "Place",
    "Country", "City", "AIModel", "Product", "Hardware",
})


@dataclass(frozen=True)
class Entry:
    """A gazetteer entity: stable id, class, canonical label, other names."""

    id: str
    cls: str
    label: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass
class Lexicon:
    """Gazetteer entries plus the word lists of the mechanisms."""

    entries: dict[str, Entry] = field(default_factory=dict)
    surnames: frozenset[str] = frozenset()
    translit: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)          # title → kind
    org_suffixes: dict[str, str] = field(default_factory=dict)    # suffix → class
    speech_verbs: tuple[str, ...] = ()
    not_entities: frozenset[str] = frozenset()
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word-list kind → words
    patterns: tuple[tuple[int, dict], ...] = ()                    # (line, relation pattern)
    patterns_file: Path = DATA_DIR / "relations.jsonl"
    version: str = ""

    def words(self, kind: str) -> tuple[str, ...]:
        """The words of one word list (``cues.tsv`` or ``words/*.tsv``), in
        file order. An unknown kind is an error: a mechanism whose words are
        missing must not run silently without them."""
        try:
            return self.cues[kind]
        except KeyError:
            raise KGError(f"no word list {kind!r} in {DATA_DIR}/cues.tsv or {DATA_DIR}/words/*.tsv; "
                          "add a line 'KIND<TAB>word|word' for it") from None


def alternation(words) -> re.Pattern | None:
    """One regex matching any of ``words``, the longest first at a position
    (None when there are none): how word lists become matchers."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def _lines(path: Path) -> list[str]:
    """The non-empty, non-comment lines of a data file; a missing file is an
    error (a broken installation), never a silently disabled mechanism."""
    return [line for _, line in _numbered_lines(path)]


def _numbered_lines(path: Path) -> list[tuple[int, str]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KGError(f"data file {path} is missing; reinstall kg (`pip install "
                      "--force-reinstall kg`) or restore it from the repository") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"data file {path} cannot be read ({exc}); restore it from the "
                      "repository") from exc
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((n, line))
    return out


def _rows(path: Path) -> list[list[str]]:
    return [[c.strip() for c in line.split("\t")] for line in _lines(path)]


def read_gazetteer(path: Path) -> list[Entry]:
    entries = []
    for n, row in enumerate(_rows(path), 1):
        if len(row) < 3 or row[1] not in ENTITY_CLASSES:
            raise KGError(
                f"{path}: row {n} must be 'id<TAB>class<TAB>label<TAB>aliases' "
                f"with a class from {sorted(ENTITY_CLASSES)}; got {row!r}")
        aliases = tuple(a.strip() for a in row[3].split("|") if a.strip()) if len(row) > 3 else ()
        entries.append(Entry(row[0], row[1], row[2], aliases))
    return entries


# ISO 3166 lists these as countries; the gazetteer has them as places/cities
_NOT_SOVEREIGN = frozenset({"TW", "HK", "MO"})


def country_entries(aliases_file: Path) -> list[Entry]:
    """Countries from pycountry (Chinese names from its zh_CN and zh_TW
    translations) plus the extra surface forms of ``country_aliases.tsv``."""
    import pycountry

    extra = {row[0].upper(): [a for a in row[1].split("|") if a] for row in _rows(aliases_file)
             if len(row) > 1}
    zh = {}
    for lang in ("zh_CN", "zh_TW", "zh_HK"):
        try:
            zh[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
    out = []
    for c in pycountry.countries:
        if c.alpha_2 in _NOT_SOVEREIGN:
            continue
        names: list[str] = []
        for t in zh.values():
            for attr in ("name", "common_name"):
                value = getattr(c, attr, None)
                if value:
                    names.append(t.gettext(value))
        names += extra.get(c.alpha_2, [])
        names += [getattr(c, "common_name", None) or c.name]
        names = [n for n in dict.fromkeys(names) if n and len(n) > 1]
        han = [n for n in names if re.search(r"[\u4e00-\u9fff]", n)]
        if not han:
            continue
        label = (extra.get(c.alpha_2) or han)[0]
        out.append(Entry(f"country-{c.alpha_2.lower()}", "Country", label,
                         tuple(n for n in names if n != label)))
    return out


def read_word_lists(paths: list[Path]) -> dict[str, tuple[str, ...]]:
    """``KIND<TAB>word|word|…`` lines from each file. A kind is defined once
    in one file (it may span several lines there); a kind defined in two
    files, or a line without words, is an error naming the file and line."""
    lists: dict[str, list[str]] = {}
    where: dict[str, Path] = {}
    for path in paths:
        for n, line in _numbered_lines(path):
            kind, sep, words = line.partition("\t")
            kind, words = kind.strip(), words.strip()
            if not sep or not kind or not words:
                raise KGError(f"{path}, line {n}: expected 'KIND<TAB>word|word|…', got {line!r}")
            if where.setdefault(kind, path) != path:
                raise KGError(f"{path}, line {n}: the word list {kind!r} is already defined in "
                              f"{where[kind]}; keep each list in one file")
            lists.setdefault(kind, []).extend(w for w in (x.strip() for x in words.split("|")) if w)
    return {k: tuple(v) for k, v in lists.items()}


def _version(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        if p.exists():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=4)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read every data file once; later calls return the same object."""
    lex_dir = data_dir / "lexicon"
    gaz = data_dir / "gazetteer.tsv"
    entries: dict[str, Entry] = {}
    for e in country_entries(data_dir / "country_aliases.tsv") + read_gazetteer(gaz):
        if e.id in entries:
            raise KGError(f"{gaz}: id {e.id!r} is used twice; ids must be unique")
        entries[e.id] = e
    cues = read_word_lists([data_dir / "cues.tsv", *sorted((data_dir / "words").glob("*.tsv"))])
    patterns_file = data_dir / "relations.jsonl"
    patterns = []
    for n, line in _numbered_lines(patterns_file):
        try:
            patterns.append((n, json.loads(line)))
        except ValueError as exc:
            raise KGError(f"{patterns_file}, line {n}: not valid JSON ({exc}); "
                          "each line is one pattern object") from exc
    files = [p for p in data_dir.rglob("*") if p.suffix in {".tsv", ".txt", ".jsonl"}]
    return Lexicon(
        entries=entries,
        surnames=frozenset(_lines(lex_dir / "surnames.txt")),
        translit=frozenset("".join(_lines(lex_dir / "translit_chars.txt"))),
        titles={r[0]: (r[1] if len(r) > 1 else "generic") for r in _rows(lex_dir / "titles.tsv")},
        org_suffixes={r[0]: r[1] for r in _rows(lex_dir / "org_suffixes.tsv") if len(r) > 1},
        speech_verbs=tuple(_lines(lex_dir / "speech_verbs.txt")),
        not_entities=frozenset(w.lower() for w in _lines(lex_dir / "not_entities.txt")),
        cues=cues,
        patterns=tuple(patterns),
        patterns_file=patterns_file,
        version=_version(files),
    )
