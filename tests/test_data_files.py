"""Format checks for the curated data files in ``kg/data`` (gazetteer, country
aliases and the word lists in ``kg/data/lexicon``).

Only the standard library and pycountry are used, so a broken data file is
reported here with its offending rows rather than deep inside the recogniser.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
LEX = DATA / "lexicon"

GAZ_HEADER = "# id\tclass\tlabel\taliases"
COUNTRY_HEADER = "# iso_alpha2\taliases"
GAZ_CLASSES = {"Company", "Organization", "GovernmentBody", "Person", "City", "Place",
               "AIModel", "Product", "Hardware"}
ID_RE = re.compile(r"^[a-z0-9]+(?:[.\-][a-z0-9]+)*$")
HAN = re.compile(r"[\u3400-\u9fff]")

# A surface form may name entities of two different classes only when it is
# listed here (folded form, see ``fold``), e.g. a company and the product that
# bears its name. Keep this list small: one real-world thing is one entry.
SHARED_ACROSS_CLASSES: frozenset[str] = frozenset()

# Territories that pycountry lists as countries but the gazetteer keeps as a
# Place (台湾) or City (香港, 澳门); their names may appear in both.
TERRITORIES_IN_GAZETTEER = frozenset({"TW", "HK", "MO"})

# the matcher's folding: ASCII lower case, separators between letters/digits removed
_WORD = r"0-9A-Za-z\u3400-\u9fff"
_SEP = re.compile(rf"(?<=[{_WORD}])[ \-_·・‧•](?=[{_WORD}])")
_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(name: str) -> str:
    return _SEP.sub("", name.translate(_UPPER))


def data_lines(path: Path) -> list[str]:
    """Non-empty lines that are not ``#`` comments."""
    return [ln for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def tsv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(data_lines(path), delimiter="\t", quoting=csv.QUOTE_NONE))


def show(rows, limit: int = 40) -> str:
    rows = list(rows)
    more = f"\n... and {len(rows) - limit} more" if len(rows) > limit else ""
    return "\n".join(map(str, rows[:limit])) + more


# ---------------------------------------------------------------- gazetteer

def _gazetteer() -> list[tuple[str, str, str, list[str]]]:
    out = []
    for row in tsv_rows(DATA / "gazetteer.tsv"):
        assert len(row) in (3, 4), f"gazetteer row must have 3 or 4 tab-separated columns: {row!r}"
        aliases = row[3].split("|") if len(row) == 4 and row[3] else []
        out.append((row[0], row[1], row[2], aliases))
    return out


@pytest.fixture(scope="module")
def gazetteer():
    return _gazetteer()


@pytest.fixture(scope="module")
def not_entities() -> set[str]:
    return {fold(w.strip()) for w in data_lines(LEX / "not_entities.txt")}


def test_gazetteer_header():
    first = (DATA / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert first == GAZ_HEADER


def test_gazetteer_ids_classes_labels(gazetteer):
    bad_id = [e for e in gazetteer if not ID_RE.match(e[0])]
    assert not bad_id, "ids must be lowercase ASCII slugs:\n" + show(bad_id)
    counts: dict[str, int] = defaultdict(int)
    for e in gazetteer:
        counts[e[0]] += 1
    dup = [i for i, n in counts.items() if n > 1]
    assert not dup, "ids used more than once:\n" + show(dup)
    bad_cls = [e for e in gazetteer if e[1] not in GAZ_CLASSES]
    assert not bad_cls, f"class must be one of {sorted(GAZ_CLASSES)}:\n" + show(bad_cls)
    no_label = [e for e in gazetteer if not e[2].strip()]
    assert not no_label, "empty labels:\n" + show(no_label)


def test_gazetteer_names_well_formed(gazetteer, not_entities):
    problems = []
    for id_, cls, label, aliases in gazetteer:
        names = [label, *aliases]
        for n in names:
            if n != n.strip() or not n:
                problems.append((id_, repr(n), "empty or padded name"))
            elif len(fold(n)) < 2:
                problems.append((id_, n, "single character"))
            elif fold(n).isdigit():
                problems.append((id_, n, "digits only"))
            elif fold(n) in not_entities:
                problems.append((id_, n, "listed in not_entities.txt"))
        seen: dict[str, str] = {}
        for n in names:
            k = fold(n)
            if k in seen:
                problems.append((id_, n, f"same as {seen[k]!r} up to case/separators"))
            seen.setdefault(k, n)
    assert not problems, "bad names in gazetteer.tsv:\n" + show(problems)


def test_gazetteer_no_shared_names(gazetteer):
    owners: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for id_, cls, label, aliases in gazetteer:
        for k in {fold(n) for n in [label, *aliases]}:
            owners[k].append((id_, cls, label))
    same_class, cross_class = [], []
    for k, ents in owners.items():
        if len(ents) < 2:
            continue
        classes = [c for _, c, _ in ents]
        if len(set(classes)) < len(classes):
            same_class.append((k, ents))
        elif k not in SHARED_ACROSS_CLASSES:
            cross_class.append((k, ents))
    assert not same_class, "surface form shared by entities of the same class:\n" + show(same_class)
    assert not cross_class, ("surface form shared by entities of different classes "
                             "(add to SHARED_ACROSS_CLASSES only if intended):\n" + show(cross_class))


def test_gazetteer_class_coverage(gazetteer):
    minimum = {"Company": 350, "Organization": 60, "GovernmentBody": 80, "Person": 200,
               "AIModel": 250, "Product": 150, "Hardware": 70, "City": 120, "Place": 40}
    counts: dict[str, int] = defaultdict(int)
    for e in gazetteer:
        counts[e[1]] += 1
    short = {c: (counts[c], n) for c, n in minimum.items() if counts[c] < n}
    assert not short, f"classes below their coverage target (have, want): {short}"
    assert len(gazetteer) >= 1200


# ---------------------------------------------------------- country aliases

def _country_rows() -> list[list[str]]:
    return tsv_rows(DATA / "country_aliases.tsv")


def test_country_aliases_format():
    first = (DATA / "country_aliases.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert first == COUNTRY_HEADER
    rows = _country_rows()
    assert rows
    problems = []
    seen_codes: set[str] = set()
    owner: dict[str, str] = {}
    for row in rows:
        if len(row) != 2:
            problems.append((row, "needs 2 columns"))
            continue
        code, aliases = row[0], row[1].split("|")
        if not re.fullmatch(r"[A-Z]{2}", code) or pycountry.countries.get(alpha_2=code) is None:
            problems.append((code, "not an ISO 3166-1 alpha-2 code"))
        if code in TERRITORIES_IN_GAZETTEER:
            problems.append((code, "kept in the gazetteer, not a country row"))
        if code in seen_codes:
            problems.append((code, "code used twice"))
        seen_codes.add(code)
        if not HAN.search(aliases[0]):
            problems.append((code, aliases[0], "first alias (the label) must be a Chinese name"))
        keys = [fold(a) for a in aliases]
        if len(set(keys)) != len(keys):
            problems.append((code, "duplicate alias in row"))
        for a, k in zip(aliases, keys):
            if not a.strip() or len(k) < 2:
                problems.append((code, a, "empty or single-character alias"))
            elif k.isdigit():
                problems.append((code, a, "digits only"))
            elif k in owner and owner[k] != code:
                problems.append((code, a, f"also an alias of {owner[k]}"))
            owner.setdefault(k, code)
    assert not problems, "bad rows in country_aliases.tsv:\n" + show(problems)


def _country_names() -> dict[str, str]:
    """Folded country name -> alpha-2, as the loader builds them."""
    import gettext

    names: dict[str, str] = {}
    for code, aliases in ((r[0], r[1].split("|")) for r in _country_rows()):
        for a in aliases:
            names[fold(a)] = code
    for lang in ("zh_CN", "zh_TW", "zh_HK"):
        try:
            t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        for c in pycountry.countries:
            for attr in ("name", "common_name"):
                v = getattr(c, attr, None)
                if v:
                    names.setdefault(fold(t.gettext(v)), c.alpha_2)
    for c in pycountry.countries:
        names.setdefault(fold(getattr(c, "common_name", None) or c.name), c.alpha_2)
    return names


def test_gazetteer_does_not_repeat_countries(gazetteer, not_entities):
    countries = _country_names()
    clash = []
    for id_, cls, label, aliases in gazetteer:
        for n in [label, *aliases]:
            code = countries.get(fold(n))
            if code and code not in TERRITORIES_IN_GAZETTEER:
                clash.append((id_, n, code))
    assert not clash, "gazetteer names that are country names:\n" + show(clash)
    bad = [(k, c) for k, c in countries.items() if k in not_entities]
    assert not bad, "country names listed in not_entities.txt:\n" + show(bad)


# ------------------------------------------------------------- word lists

WORD_LISTS = ["surnames.txt", "translit_chars.txt", "titles.tsv", "org_suffixes.tsv",
              "speech_verbs.txt", "not_entities.txt"]


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_list_present_commented_unique(name):
    path = LEX / name
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name} must start with a header comment"
    lines = [ln.strip() for ln in data_lines(path)]
    assert lines, f"{name} is empty"
    keys = [ln.split("\t")[0] for ln in lines]
    if name == "not_entities.txt":
        keys = [fold(k) for k in keys]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    assert not dup, f"duplicates in {name}:\n" + show(dup)


def test_surnames():
    bad = [s for s in data_lines(LEX / "surnames.txt")
           if not (1 <= len(s) <= 2 and all(HAN.match(ch) for ch in s))]
    assert not bad, "surnames must be one or two Chinese characters:\n" + show(bad)
    names = set(data_lines(LEX / "surnames.txt"))
    assert {"王", "陈", "陳", "欧阳", "歐陽", "诸葛"} <= names


def test_translit_chars():
    bad = [c for c in data_lines(LEX / "translit_chars.txt") if len(c) != 1 or not HAN.match(c)]
    assert not bad, "one Chinese character per line:\n" + show(bad)


def test_titles():
    rows = tsv_rows(LEX / "titles.tsv")
    bad = [r for r in rows if len(r) != 2 or r[1] not in {"corporate", "government", "generic"}
           or not r[0].strip()]
    assert not bad, "titles.tsv rows must be title<TAB>corporate|government|generic:\n" + show(bad)
    kinds = {r[1] for r in rows}
    assert kinds == {"corporate", "government", "generic"}


def test_org_suffixes():
    rows = tsv_rows(LEX / "org_suffixes.tsv")
    bad = [r for r in rows if len(r) != 2 or r[1] not in {"Company", "Organization", "GovernmentBody"}
           or not r[0].strip()]
    assert not bad, "org_suffixes.tsv rows must be suffix<TAB>class:\n" + show(bad)


def test_speech_verbs_and_not_entities_are_single_items():
    for name in ("speech_verbs.txt", "not_entities.txt"):
        bad = [ln for ln in data_lines(LEX / name) if "\t" in ln or ln != ln.strip()]
        assert not bad, f"{name}: one item per line, no tabs or padding:\n" + show(bad)
