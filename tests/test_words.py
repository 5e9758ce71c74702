"""The word lists of ``kg/data/words/*.tsv``, the text stage's character
table and the view's labels: they parse, every list is used by some module
and every list a module asks for exists, and a broken or missing file is a
KGError that names the file (and the line)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg.resources
from kg.errors import KGError
from kg.lexicon import load_lexicon, read_word_lists
from kg.mentions.recogniser import Recogniser
from kg.text import tables
from kg.view import labels as view_labels

ROOT = Path(__file__).resolve().parent.parent
KG = ROOT / "kg"
DATA = KG / "data"
WORD_FILES = sorted((DATA / "words").glob("*.tsv"))
HAN = re.compile(r"[\u3400-\u9fff]")
# the calls that take a word-list kind: lexicon.words(kind) and the helpers around it
KIND_CALLS = {"words", "word_set", "alt", "char_class", "_ending"}
KIND = re.compile(r"[a-z_]+\.[a-z_]+")
# a regex template of the fact stage names its lists as {{kind}} (Context.grammar)
PLACEHOLDER = re.compile(r"\{\{([a-z_]+\.[a-z_]+)\}\}")


def sources() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(KG.rglob("*.py"))}


def kinds_asked_for() -> dict[str, Path]:
    """Kinds named in ``words(...)``-like calls anywhere in kg/."""
    asked = {}
    for path, text in sources().items():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for kind in PLACEHOLDER.findall(node.value):
                    asked[kind] = path
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name not in KIND_CALLS:
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and KIND.fullmatch(arg.value):
                    asked[arg.value] = path
    return asked


def test_there_are_word_files():
    assert {p.name for p in WORD_FILES} >= {"names.tsv", "resolve.tsv", "text.tsv"}


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda p: p.name)
def test_word_file_parses_and_documents_its_kinds(path):
    lists = read_word_lists([path])
    assert lists, f"{path} defines no word list"
    header = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#"))
    for kind, words in lists.items():
        assert words, f"{path}: {kind} has no words"
        dup = sorted({w for w in words if words.count(w) > 1})
        assert not dup, f"{path}: {kind} lists {dup} twice"
        assert kind in header, f"{path}: the header comment does not say what {kind} is"


def test_every_kind_of_the_word_files_is_used():
    code = "\n".join(sources().values())
    asked = kinds_asked_for()
    unused = [(p.name, kind) for p in WORD_FILES for kind in read_word_lists([p])
              if f'"{kind}"' not in code and kind not in asked]
    assert not unused, f"word lists no module of kg/ uses: {unused}"


def test_every_kind_a_module_asks_for_exists():
    lexicon = load_lexicon()
    missing = {k: str(p.relative_to(ROOT)) for k, p in kinds_asked_for().items() if k not in lexicon.cues}
    assert not missing, f"word lists asked for but defined nowhere: {missing}"


def test_no_kind_is_defined_in_two_files():
    read_word_lists([DATA / "cues.tsv", *WORD_FILES])       # raises naming the file and line


def test_text_word_lists():
    assert "纳斯达克" in tables.words("text.exchanges")
    with pytest.raises(KGError, match="no word list 'text.nothing'"):
        tables.words("text.nothing")


def test_frequent_characters_table():
    chars = tables.characters("text/frequent_chars.txt")
    assert len(chars) > 1500 and all(HAN.fullmatch(c) for c in chars)
    assert {"的", "這", "们", "們"} <= chars


def test_view_labels_parse_and_are_used():
    lines = [ln for ln in (DATA / "view" / "labels.tsv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    keys = [ln.split("\t", 1)[0] for ln in lines]
    labels = view_labels.load_labels()
    assert all(HAN.search(labels[k]) for k in keys)
    code = "\n".join(t for p, t in sources().items() if p.parent.name == "view")
    unused = [k for k in keys if f'"{k}"' not in code and f"'{k}'" not in code]
    assert not unused, f"labels kg/view does not use: {unused}"
    with pytest.raises(KGError, match="no label 'nothing'"):
        labels["nothing"]


def test_data_files_are_read_on_first_use_not_at_import():
    script = ("import kg.text.files, kg.text.normalize, kg.text.sentences, kg.mentions.recogniser, "
              "kg.graph.resolve, kg.view.html, kg.view.page\n"
              "from kg.text import tables\nfrom kg.view import labels\n"
              "print(tables.characters.cache_info().currsize, tables._word_lists.cache_info().currsize, "
              "labels.load_labels.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0"]


# -- broken data ---------------------------------------------------------------

@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A copy of kg/data to break."""
    return Path(shutil.copytree(DATA, tmp_path / "data"))


def test_a_kind_defined_in_two_files_names_both_files_and_the_line(data_dir):
    path = data_dir / "words" / "resolve.tsv"
    n = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as fh:
        fh.write("orgs.generic\t某某\n")
    with pytest.raises(KGError) as info:
        load_lexicon(data_dir)
    message = str(info.value)
    assert f"{path}, line {n}" in message
    assert "'orgs.generic'" in message and str(data_dir / "words" / "names.tsv") in message


def test_a_cue_kind_redefined_in_a_words_file_is_an_error(data_dir):
    path = data_dir / "words" / "names.tsv"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("hedge\t也许\n")
    with pytest.raises(KGError, match=re.escape(f"{path}, line ") + r"\d+: the word list 'hedge' is already"):
        load_lexicon(data_dir)


def test_a_malformed_line_names_the_file_and_line(data_dir):
    path = data_dir / "words" / "names.tsv"
    n = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as fh:
        fh.write("names.no_tab 某某\n")
    with pytest.raises(KGError, match=re.escape(f"{path}, line {n}: expected 'KIND<TAB>word|word|…'")):
        load_lexicon(data_dir)


def test_a_missing_words_file_stops_the_recogniser_naming_the_list(data_dir):
    (data_dir / "words" / "names.tsv").unlink()
    lexicon = load_lexicon(data_dir)
    with pytest.raises(KGError, match=r"no word list 'names\.[a-z_]+' in .*words/\*\.tsv"):
        Recogniser(lexicon)


@pytest.mark.parametrize("name", ["words/text.tsv", "text/frequent_chars.txt", "view/labels.tsv"])
def test_a_missing_text_or_view_file_names_the_file(data_dir, monkeypatch, name):
    (data_dir / name).unlink()
    monkeypatch.setattr(kg.resources, "DATA_DIR", data_dir)
    for cached in (tables.characters, tables._word_lists, view_labels.load_labels):
        cached.cache_clear()
    try:
        with pytest.raises(KGError, match=re.escape(f"data file {data_dir / name} is missing")):
            if name.startswith("words"):
                tables.words("text.exchanges")
            elif name.startswith("text"):
                tables.characters(name)
            else:
                view_labels.load_labels()
    finally:
        monkeypatch.undo()
        for cached in (tables.characters, tables._word_lists, view_labels.load_labels):
            cached.cache_clear()


def test_a_label_line_without_a_tab_names_the_file_and_line(data_dir, monkeypatch):
    path = data_dir / "view" / "labels.tsv"
    n = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as fh:
        fh.write("broken label\n")
    monkeypatch.setattr(kg.resources, "DATA_DIR", data_dir)
    view_labels.load_labels.cache_clear()
    try:
        with pytest.raises(KGError, match=re.escape(f"{path}, line {n}: expected 'key<TAB>label'")):
            view_labels.load_labels()
    finally:
        monkeypatch.undo()
        view_labels.load_labels.cache_clear()


def test_every_cue_kind_is_documented_in_the_header():
    """cues.tsv lists every kind it defines in its header comment (kind, user, meaning)."""
    path = DATA / "cues.tsv"
    comments = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    missing = [kind for kind in read_word_lists([path]) if f"# {kind} " not in comments]
    assert not missing, f"{path}: kinds its header does not list: {missing}"
