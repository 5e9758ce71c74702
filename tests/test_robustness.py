"""Bad input never breaks a build or corrupts its output.

Every bad file is generated here (no committed binaries): each one is
skipped with one line naming it and the reason, the good files still make
their graph, every encoding gives the graph of the UTF-8 text, duplicates
make one document, a failed or interrupted build leaves the previous
output as it was, two builds are byte-identical, and a 20 MB file is read
in memory proportional to its size."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SKOS
from rdflib.compare import isomorphic

import kg.text.files
from kg.run.build import build, read_documents
from kg.mentions.chunks import mentions_by_chunk, windows
from kg.text.decode import decode
from kg.text.document import Document, title_of
from kg.errors import InputError, KGError
from kg.model import Mention
from kg.text.normalize import Normalized, fold_width, is_traditional, normalize
from kg.text.sentences import split_sentences
from kg.ontology.vocab import DOC, KG

ROOT = Path(__file__).resolve().parent.parent

# Test articles, written for these tests.
ARTICLE = ("深度求索发布新一代模型\n"
           "2025年3月1日，深度求索发布了新模型DeepSeek-V9。\n"
           "OpenAI首席执行官萨姆·阿尔特曼称赞了DeepSeek-V9的表现。\n"
           "意大利禁止了DeepSeek应用。\n")
SECOND = ("月之暗面创始人杨植麟表示，Kimi K3将于2025年6月发布。\n"
          "阿里巴巴发布了通义千问Qwen3，并将其接入了钉钉。\n")
TRADITIONAL = ("輝達執行長黃仁勳稱讚了深度求索。\n"
               "2025年1月20日，深度求索發佈了DeepSeek-R1模型。\n"
               "華為宣佈鴻蒙系統接入了DeepSeek-R1。\n")


# ── helpers ──────────────────────────────────────────────────────────────────

@pytest.fixture
def run(extractor):
    """``build`` with the pipeline loaded once for the whole run."""
    def run(paths, out: Path, **options):
        return build([Path(p) for p in paths], out, **{"extractor": extractor, **options})
    return run


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def graph_of(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl", format="turtle")


def without(graph: Graph, *predicates) -> Graph:
    g = Graph()
    for t in graph:
        if t[1] not in predicates:
            g.add(t)
    return g


def temp_files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.name.endswith(".tmp"))


def documents(graph: Graph) -> list:
    return sorted(graph.subjects(RDF.type, KG.Document))


def doc_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ── every bad file is one line; the good files still build ──────────────────

BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \r\n\t\n\xe3\x80\x80\n", "empty file (only whitespace)"),
    ("bom-only.txt", codecs.BOM_UTF8, "empty file"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "is a PNG image file"),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF file"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "is a ZIP"),
    ("random.txt", random.Random(7).randbytes(4096), "binary"),
    ("nul.txt", ARTICLE.encode("utf-8") + b"\x00" + SECOND.encode("utf-8"), "contains NUL bytes"),
    ("utf16-no-bom.txt", ARTICLE.encode("utf-16-le"), "contains NUL bytes"),
    ("controls.txt", b"\x01\x02\x03\x04\x05abc\x06\x07\x08\x0e\x0f", "too many control characters"),
    ("latin1.txt", "Café crème brûlée à la carte".encode("latin-1"), "looks like Latin-1 or "
                                                                    "Windows-1252 text"),
    ("bad-utf16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),
]


@pytest.mark.parametrize("name, data, reason", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_is_one_line_naming_it_and_the_reason(tmp_path, name, data, reason):
    bad = write(tmp_path / "news" / name, data)
    good = write(tmp_path / "news" / "good.txt", ARTICLE)
    skipped: list[str] = []
    docs = read_documents([tmp_path / "news"], False, skipped)
    assert [d.files for d in docs] == [(good.name,)]
    assert len(skipped) == 1
    line = skipped[0]
    assert line.startswith(f"{bad}: ") and reason in line and "\n" not in line
    with pytest.raises(InputError) as info:
        read_documents([tmp_path / "news"], True, [])
    assert str(info.value) == line


def test_a_mixed_folder_builds_its_good_files_and_lists_the_bad_ones(tmp_path, run):
    folder = tmp_path / "news"
    for name, data, _ in BAD_FILES:
        write(folder / "bad" / name, data)
    write(folder / "a.txt", ARTICLE)
    write(folder / "deep" / "b.txt", SECOND)
    write(folder / "notes.json", b"\x00\x01 not a format kg reads, not read")
    result = run([folder, tmp_path / "missing.txt"], tmp_path / "out")
    assert result.documents == 2
    assert len(result.skipped) == len(BAD_FILES) + 1
    assert result.skipped[0] == f"{tmp_path / 'missing.txt'}: no such file or folder; check the path"
    reasons = dict(zip(sorted(n for n, _, _ in BAD_FILES), result.skipped[1:]))
    for name, _, reason in BAD_FILES:
        assert reasons[name].startswith(f"{folder / 'bad' / name}: ") and reason in reasons[name]
    graph = graph_of(tmp_path / "out")
    assert documents(graph) == sorted([DOC[doc_id(ARTICLE)], DOC[doc_id(SECOND)]])
    assert (tmp_path / "out" / "graph.html").stat().st_size > 0


def test_when_every_file_is_bad_nothing_is_written(tmp_path, run):
    out = tmp_path / "out"
    write(out / "graph.ttl", "previous graph")
    write(tmp_path / "empty.txt", b"")
    result = run([tmp_path / "empty.txt", tmp_path / "nope"], out)
    assert result.documents == 0 and len(result.skipped) == 2
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
    assert (out / "graph.ttl").read_text() == "previous graph"


def test_paths_without_any_news_file_are_an_error(tmp_path, run):
    write(tmp_path / "news" / "notes.json", "笔记")
    write(tmp_path / "news" / "photo.png", b"\x89PNG")
    with pytest.raises(InputError, match=r"news: no news files found \(\.txt, \.jsonl, \.html, \.md, \.warc\); give such files or folders"):
        run([tmp_path / "news"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_strict_stops_at_the_first_bad_file_in_order(tmp_path, run):
    out = tmp_path / "out"
    write(out / "graph.ttl", "previous graph")
    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "news" / "b-empty.txt", b"")
    write(tmp_path / "news" / "c-binary.txt", b"\x7fELF\x02\x01\x01" + bytes(64))
    with pytest.raises(InputError) as info:
        run([tmp_path / "news"], out, strict=True)
    assert str(info.value) == (f"{tmp_path / 'news' / 'b-empty.txt'}: empty file; "
                               "put the article text in it or remove it")
    assert (out / "graph.ttl").read_text() == "previous graph"


def test_a_decoder_bug_costs_only_its_file(tmp_path, monkeypatch):
    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "news" / "b.txt", SECOND)
    real = kg.text.files.decode

    def flaky(data, name):
        if name.endswith("b.txt"):
            raise LookupError("codec exploded")
        return real(data, name)
    monkeypatch.setattr(kg.text.files, "decode", flaky)
    skipped: list[str] = []
    docs = read_documents([tmp_path / "news"], False, skipped)
    assert [d.files for d in docs] == [("a.txt",)]
    assert skipped == [f"{tmp_path / 'news' / 'b.txt'}: cannot read it (LookupError: codec exploded); "
                       "save it as UTF-8 text, and please report this"]


class _BreaksOnKimi:
    """An extractor with a bug that only one of the articles triggers."""

    def __init__(self, real):
        self.real = real

    def extract(self, document):
        if "Kimi" in document.original:
            raise IndexError("list index out of range")
        return self.real.extract(document)


@pytest.mark.parametrize("cache", [False, True])
def test_an_extraction_bug_costs_only_its_document(tmp_path, extractor, cache):
    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "news" / "b.txt", SECOND)
    breaks = _BreaksOnKimi(extractor)
    result = build([tmp_path / "news"], tmp_path / "out", cache=cache, extractor=breaks)
    assert result.skipped == ["b.txt: extraction failed (IndexError: list index out of range); "
                              "the other files are in the graph; please report this"]
    assert (result.documents, result.extracted) == (2, 1)
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "深度求索" in ttl and "Kimi" not in ttl
    with pytest.raises(InputError, match="^b.txt: extraction failed"):
        build([tmp_path / "news"], tmp_path / "strict", strict=True, cache=False, extractor=breaks)
    assert not (tmp_path / "strict" / "graph.ttl").exists()


def test_when_every_document_breaks_the_extractor_nothing_is_written(tmp_path, extractor):
    write(tmp_path / "news" / "b.txt", SECOND)
    result = build([tmp_path / "news"], tmp_path / "out", cache=False, extractor=_BreaksOnKimi(extractor))
    assert len(result.skipped) == 1 and result.extracted == 0
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_kg_extract_skips_a_document_the_extractor_breaks_on(tmp_path, extractor):
    from kg.run.mapreduce import extract_to_folder

    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "news" / "b.txt", SECOND)
    result = extract_to_folder([tmp_path / "news"], tmp_path / "ex", extractor=_BreaksOnKimi(extractor))
    assert result.extracted == 1 and len(result.skipped) == 1
    assert sorted(p.suffix for p in (tmp_path / "ex").iterdir()) == [".json", ".nq"]


def test_unreadable_files_and_broken_links_are_one_line_each(tmp_path, monkeypatch):
    write(tmp_path / "news" / "a.txt", ARTICLE)
    locked = write(tmp_path / "news" / "locked.txt", SECOND)
    (tmp_path / "news" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "news" / "loop.txt").symlink_to(tmp_path / "news" / "loop.txt")
    real = Path.open

    def open_(path, *args, **kwargs):
        if path.name == locked.name:    # root reads anything: pretend
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)
    monkeypatch.setattr(Path, "open", open_)
    skipped: list[str] = []
    docs = read_documents([tmp_path / "news"], False, skipped)
    assert [d.files for d in docs] == [("a.txt",)]
    fix = "check the file and its permissions"
    assert skipped == [
        f"{tmp_path / 'news' / 'gone.txt'}: cannot read it (No such file or directory); {fix}",
        f"{tmp_path / 'news' / 'locked.txt'}: cannot read it (Permission denied); {fix}",
        f"{tmp_path / 'news' / 'loop.txt'}: cannot read it (Too many levels of symbolic links); {fix}"]


def test_very_long_lines_build(tmp_path, run):
    """One 125,000-character line: no punctuation, then the article run together."""
    filler = "今天的发布会上人们讨论了很多关于模型和芯片的话题" * 5_000
    text = filler + ARTICLE.replace("\n", "") + "Ａ" * 2_000 + " " * 5_000 + "尾声"
    write(tmp_path / "long.txt", text)
    result = run([tmp_path / "long.txt"], tmp_path / "out", html=False)
    assert result.documents == 1 and not result.skipped
    graph = graph_of(tmp_path / "out")
    assert (None, KG.released, None) in graph
    check_evidence(graph, text)


def test_the_title_of_a_huge_line_costs_no_more_than_a_short_one():
    """It used to be quadratic in the spaces inside the first line (~25 s here)."""
    assert title_of("## 标题" + " " * 40_000 + "正文 ##\n第二行") == "标题"
    assert title_of(" " * 40_000 + "\n" * 40_000 + "> **真正的标题**") == "真正的标题"


def check_evidence(graph: Graph, original: str) -> int:
    """Every statement's evidence is its sentence at its offsets in the
    original text, and names the statement's subject and object."""
    n = 0
    for st_ in graph.subjects(RDF.type, RDF.Statement):
        start, end = int(graph.value(st_, KG.charStart)), int(graph.value(st_, KG.charEnd))
        evidence = str(graph.value(st_, KG.evidence))
        assert original[start:end].strip() == evidence
        for end_ in (graph.value(st_, RDF.subject), graph.value(st_, RDF.object)):
            names = {str(n) for n in graph.objects(end_, RDFS.label)} | \
                    {str(n) for n in graph.objects(end_, SKOS.altLabel)}
            assert not names or any(name in evidence for name in names), (names, evidence)
        n += 1
    return n


# ── encodings and duplicates ─────────────────────────────────────────────────

ENCODINGS = {
    "utf-8.txt": ARTICLE.encode("utf-8"),
    "utf-8-bom.txt": codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    "utf-8-crlf.txt": ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    "utf-16-le.txt": ARTICLE.encode("utf-16"),              # with its byte-order mark
    "utf-16-be.txt": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    "gb18030.txt": ARTICLE.encode("gb18030"),
    "gbk.txt": ARTICLE.encode("gbk"),
}
TRADITIONAL_ENCODINGS = {
    "trad-utf-8.txt": TRADITIONAL.encode("utf-8"),
    "trad-big5.txt": TRADITIONAL.encode("big5"),
    "trad-utf-16.txt": TRADITIONAL.encode("utf-16"),
    "trad-gb18030.txt": TRADITIONAL.encode("gb18030"),
}


@pytest.mark.parametrize("text, files", [(ARTICLE, ENCODINGS), (TRADITIONAL, TRADITIONAL_ENCODINGS)],
                         ids=["simplified", "traditional"])
def test_every_encoding_gives_the_graph_of_the_utf8_text(tmp_path, run, text, files):
    for name, data in files.items():
        write(tmp_path / "all" / name, data)
    first = next(iter(files))
    write(tmp_path / "one" / first, files[first])
    run([tmp_path / "all"], tmp_path / "out-all", html=False)
    run([tmp_path / "one"], tmp_path / "out-one", html=False)
    every, one = graph_of(tmp_path / "out-all"), graph_of(tmp_path / "out-one")
    doc = DOC[doc_id(text)]
    assert documents(every) == [doc]
    assert sorted(map(str, every.objects(doc, KG.fileName))) == sorted(files)
    assert isomorphic(without(every, KG.fileName), without(one, KG.fileName))
    assert len(list(every.subjects(RDF.type, RDF.Statement))) >= 4


def test_each_encoding_alone_gives_byte_identical_output(tmp_path, run):
    outputs = set()
    for i, data in enumerate(ENCODINGS.values()):
        write(tmp_path / f"in{i}" / "article.txt", data)
        run([tmp_path / f"in{i}"], tmp_path / f"out{i}", html=False)
        outputs.add((tmp_path / f"out{i}" / "graph.ttl").read_bytes())
    assert len(outputs) == 1


def test_the_same_article_twice_is_one_document_with_both_names(tmp_path, run):
    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "news" / "copy of a.txt", ARTICLE)
    write(tmp_path / "news" / "old" / "a-gb.txt", ARTICLE.encode("gb18030"))
    write(tmp_path / "news" / "old" / "a.txt", ARTICLE)           # same name, other folder
    write(tmp_path / "news" / "second.txt", SECOND)
    write(tmp_path / "single" / "a.txt", ARTICLE)
    write(tmp_path / "single" / "second.txt", SECOND)
    run([tmp_path / "news", tmp_path / "news" / "a.txt"], tmp_path / "out", html=False)
    run([tmp_path / "single"], tmp_path / "out-single", html=False)
    graph, single = graph_of(tmp_path / "out"), graph_of(tmp_path / "out-single")
    doc = DOC[doc_id(ARTICLE)]
    assert len(documents(graph)) == 2
    assert sorted(map(str, graph.objects(doc, KG.fileName))) == ["a-gb.txt", "a.txt", "copy of a.txt"]
    statements = list(graph.subjects(RDF.type, RDF.Statement))
    assert len(statements) == len(list(single.subjects(RDF.type, RDF.Statement)))
    facts = [(graph.value(s, RDF.subject), graph.value(s, RDF.predicate), graph.value(s, RDF.object))
             for s in statements if graph.value(s, KG.evidence) is not None]
    assert len(facts) == len(set(facts))
    assert isomorphic(without(graph, KG.fileName), without(single, KG.fileName))


# ── outputs are written atomically ───────────────────────────────────────────

@pytest.fixture
def previous(tmp_path, run):
    """An output folder holding a finished build, and its bytes."""
    write(tmp_path / "news" / "a.txt", ARTICLE)
    out = tmp_path / "out"
    run([tmp_path / "news"], out)
    write(tmp_path / "news" / "b.txt", SECOND)       # the next build would change the graph
    return out, {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.html")}


def _second_temp_file_fails(monkeypatch, exc):
    """Raise ``exc`` when the second output's temporary file is made, i.e.
    after the first one is completely written."""
    import kg.run.files

    real, calls = kg.run.files._create_temp, []

    def create(out_dir, name):
        if name.startswith("graph."):       # not the cache's entries
            calls.append(name)
        if len(calls) == 2 and calls[-1] == name:
            assert [p.name for p in out_dir.iterdir() if p.name.startswith(".graph.ttl.")]
            raise exc
        return real(out_dir, name)
    monkeypatch.setattr(kg.run.files, "_create_temp", create)


def _rendering_fails(monkeypatch, exc):
    import kg.view.page

    def render(graph):
        raise exc
    monkeypatch.setattr(kg.view.page, "render_html", render)


@pytest.mark.parametrize("where", [_second_temp_file_fails, _rendering_fails], ids=["writing", "rendering"])
@pytest.mark.parametrize("exc", [KeyboardInterrupt(), RuntimeError("boom"), OSError(28, "No space left")],
                         ids=["ctrl-c", "error", "disk-full"])
def test_a_failed_build_leaves_the_previous_output(tmp_path, run, previous, monkeypatch, where, exc):
    out, before = previous
    where(monkeypatch, exc)
    with pytest.raises((type(exc), KGError)):
        run([tmp_path / "news"], out)
    assert {n: (out / n).read_bytes() for n in before} == before
    assert temp_files(out) == []
    assert not [p for p in out.iterdir() if p.name.startswith(".graph.")]


@pytest.fixture
def ctrl_c_raises():
    """Ctrl-C (SIGINT) raises KeyboardInterrupt in this process for the test,
    also when the tests were started with SIGINT ignored (nohup, a CI runner,
    a parent that ignores it), which Python then leaves ignored."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_ctrl_c_while_renaming_waits_until_both_files_are_replaced(tmp_path, monkeypatch, ctrl_c_raises):
    from kg.run.files import write_atomically

    out = tmp_path / "out"
    write_atomically(out, {"graph.ttl": b"old ttl", "graph.html": b"old html"})
    real, renamed = os.replace, []

    def replace(src, dst):
        if not renamed:
            os.kill(os.getpid(), signal.SIGINT)     # Ctrl-C between the two renames
        renamed.append(Path(dst).name)
        real(src, dst)
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(out, {"graph.ttl": b"new ttl", "graph.html": b"new html"})
    assert renamed == ["graph.ttl", "graph.html"]
    assert (out / "graph.ttl").read_bytes() == b"new ttl" and (out / "graph.html").read_bytes() == b"new html"
    assert temp_files(out) == []


class _MustNotExtract:
    def extract(self, document):
        pytest.fail(f"extracted {document.files} before checking the output folder")


def test_an_unwritable_output_folder_is_one_line_before_any_work(tmp_path):
    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "file", "not a folder")
    with pytest.raises(KGError) as info:
        build([tmp_path / "news"], tmp_path / "file" / "out", extractor=_MustNotExtract())
    assert str(info.value) == (f"{tmp_path / 'file' / 'out'}: cannot write the graph there "
                               "(Not a directory); choose another --out folder")


def test_outputs_get_normal_permissions_and_keep_changed_ones(tmp_path, run):
    write(tmp_path / "news" / "a.txt", ARTICLE)
    out = tmp_path / "out"
    umask = os.umask(0o022)
    try:
        run([tmp_path / "news"], out)
        assert (out / "graph.ttl").stat().st_mode & 0o777 == 0o644
        (out / "graph.html").chmod(0o600)
        run([tmp_path / "news"], out)
        assert (out / "graph.html").stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


CHILD_BUILD = """
import sys
from kg.cli.main import cli
sys.exit(cli(["build", *sys.argv[1:]]))
"""


CHILD_INTERRUPTED = """
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)   # also when started with SIGINT ignored
from kg.cli.main import cli
from kg.run.extract import Extractor

class WaitsOnSlow:
    \"\"\"The real extractor, except that slow.txt waits to be interrupted.\"\"\"
    def __init__(self):
        self.real = Extractor()

    def extract(self, document):
        if "slow.txt" in document.files:
            print("extracting slow.txt", file=sys.stderr, flush=True)
            while True:
                time.sleep(60)
        return self.real.extract(document)

cli.main(["build", *sys.argv[1:]], prog_name="kg", obj={"extractor": WaitsOnSlow()})
"""


def test_ctrl_c_in_a_real_build_leaves_the_previous_output(tmp_path, previous):
    out, before = previous
    write(tmp_path / "news" / "slow.txt", "月之暗面发布了Kimi K9。\n")
    child = subprocess.Popen([sys.executable, "-c", CHILD_INTERRUPTED, str(tmp_path / "news"),
                              "--out", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        seen = []
        for line in child.stderr:                   # until the build is extracting slow.txt
            seen.append(line)
            if line == "extracting slow.txt\n":
                break
        assert seen and seen[-1] == "extracting slow.txt\n", seen
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 1
    assert err.strip().splitlines() == ["Aborted!"]
    assert {n: (out / n).read_bytes() for n in before} == before
    assert temp_files(out) == []


# ── determinism ──────────────────────────────────────────────────────────────

def test_two_builds_are_byte_identical_whatever_the_order(tmp_path, run):
    files = [write(tmp_path / "news" / name, text) for name, text in
             [("a.txt", ARTICLE), ("b.txt", SECOND), ("c.txt", TRADITIONAL),
              ("d.txt", ARTICLE.encode("gb18030"))]]
    run([tmp_path / "news"], tmp_path / "one")
    run(files[::-1], tmp_path / "two")
    run([files[2], tmp_path / "news", files[0]], tmp_path / "three")
    for name in ("graph.ttl", "graph.html"):
        outputs = {(tmp_path / out / name).read_bytes() for out in ("one", "two", "three")}
        assert len(outputs) == 1, name
    env = dict(os.environ, PYTHONHASHSEED="12345")   # and in another process, other hash order
    subprocess.run([sys.executable, "-c", CHILD_BUILD, str(tmp_path / "news"), "--out",
                    str(tmp_path / "four"), "--no-html"], env=env, check=True, capture_output=True)
    assert (tmp_path / "four" / "graph.ttl").read_bytes() == (tmp_path / "one" / "graph.ttl").read_bytes()


# ── one very large file ──────────────────────────────────────────────────────

CHILD_MEASURE = """
import gc, json, resource, sys
from pathlib import Path
import kg.run.extract
from kg.run.build import build
from kg.text.document import Document

def status(field):   # Linux: VmRSS (now), VmHWM (peak since the last reset), in KiB
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024

extractor = kg.run.extract.Extractor()
extractor.extract(Document("0" * 16, "0" * 64, "t", "深度求索发布了DeepSeek-V3。", ("t.txt",)))
gc.collect()
try:    # forget the peak of loading the pipeline, measure from here
    open("/proc/self/clear_refs", "w").write("5")
    base, peak = status("VmRSS"), lambda: status("VmHWM")
except OSError:
    maxrss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    base, peak = maxrss(), maxrss
result = build([Path(sys.argv[1])], Path(sys.argv[2]), html=False, extractor=extractor)
print(json.dumps({"base": base, "peak": peak(), "documents": result.documents,
                  "skipped": result.skipped, "released": result.relations["released"]}))
"""


def padded_article(megabytes: float) -> str:
    """News text broken up by very long runs of spaces: ``megabytes`` of
    UTF-8, cheap to extract but a lot to decode, normalise and map back."""
    blocks, size, i = [], 0, 0
    pad = " " * 99_999 + "\n"
    while size < megabytes * 2**20:
        block = (f"{2020 + i % 6}年{i % 12 + 1}月{i % 28 + 1}日，深度求索发布了新模型DeepSeek-V{i}。"
                 f"OpenAI首席执行官萨姆·阿尔特曼称赞了DeepSeek-V{i}。\n") + pad
        blocks.append(block)
        size += len(block.encode("utf-8"))
        i += 1
    return "".join(blocks)


def test_a_20_mb_file_builds_in_memory_proportional_to_its_size(tmp_path):
    texts, children = {}, {}
    for mb in (5, 20):
        texts[mb] = padded_article(mb)
        write(tmp_path / f"in{mb}" / "big.txt", texts[mb])
        children[mb] = subprocess.Popen(
            [sys.executable, "-c", CHILD_MEASURE, str(tmp_path / f"in{mb}"), str(tmp_path / f"out{mb}")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stats = {}
    for mb, child in children.items():
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err[-2000:]
        stats[mb] = json.loads(out.strip().splitlines()[-1])
    for mb, s in stats.items():
        blocks = texts[mb].count("深度求索发布了")
        assert s["documents"] == 1 and not s["skipped"]
        assert s["released"] == blocks                      # no release lost at a chunk edge
        assert (s["peak"] - s["base"]) / len(texts[mb].encode("utf-8")) < 100   # bytes per input byte
    growth = {mb: stats[mb]["peak"] - stats[mb]["base"] for mb in stats}
    assert growth[20] / growth[5] < 6, growth          # linear: ~4; quadratic would be ~16
    graph = graph_of(tmp_path / "out20")
    assert check_evidence(graph, texts[20]) >= texts[20].count("深度求索发布了")


def test_a_long_document_is_read_in_windows_with_nothing_lost(extractor):
    """Dense text over several windows: each sentence's facts, at the right offsets."""
    text = "".join(f"{i % 28 + 1}日，阿里巴巴发布了通义千问Qwen{i}，百度CEO李彦宏称赞了Qwen{i}。\n"
                   for i in range(600))
    sentences = split_sentences(normalize(text).text)
    assert len(list(windows(sentences))) > 2
    doc = Document(doc_id(text), "", "t", text, ("long.txt",))
    extraction = extractor.extract(doc)
    released = [f for f in extraction.facts if f.predicate == "released"]
    assert len(released) == 600
    lines = set(text.splitlines())
    for f in extraction.facts:
        assert text[f.evidence.start:f.evidence.end] == f.evidence.sentence
        assert f.evidence.sentence in lines
        assert f.subject.text in f.evidence.sentence and f.object.text in f.evidence.sentence
    for m in extraction.mentions:
        assert text[m.start:m.end] == m.text     # nothing to normalise here


# ── properties ───────────────────────────────────────────────────────────────

PIECES = ["深度求索", "DeepSeek-V3", "梁文锋", "OpenAI", "萨姆·阿尔特曼", "黃仁勳", "輝達", "英伟达", "華為",
          "阿里巴巴", "通义千问", "Qwen2.5-Max", "Kimi K2", "发布了", "發佈了", "称赞", "批评了", "禁止",
          "接入", "创始人", "首席执行官", "CEO", "2025年1月20日", "6710亿参数", "（", "）", "(", ")", "，",
          "。", "、", "：", "“", "”", "\n", " ", "  ", "\t", "\u3000", "\u200b", "Ａ", "１", "https://x.cn/a",
          "![](http://x.cn/i.png)", "會(huì)", "(sh600730)", "(12.120, -0.09, -0.74%)", "…", "Data.ai",
          "深度求索发布了DeepSeek-V3。", "OpenAI首席执行官萨姆·阿尔特曼称赞了DeepSeek。", "意大利禁止了DeepSeek。",
          "華為宣佈鴻蒙系統接入了DeepSeek-R1。", "月之暗面创始人杨植麟"]
ARTICLE_TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(ARTICLE_TEXT)
@example("DeepSeek-V3深度求索接入深度求索")    # the company a fact names as its model family stays a company mention
def test_every_mention_is_its_original_slice_normalised(extractor, text):
    doc = Document(doc_id(text), "", title_of(text), text, ("p.txt",))
    extraction = extractor.extract(doc)                   # never raises
    norm, traditional = normalize(text), is_traditional(text)
    for m in extraction.mentions:
        assert norm.text[m.start:m.end] == m.text
        start, end = norm.to_original(m.start, m.end)
        assert 0 <= start < end <= len(text)
        local = normalize(text[start:end], traditional=traditional).text
        assert m.text in local, text[start:end]
        if not any(len(fold_width(Normalized.of(c)).text) > 1 for c in text[start:end]):
            assert local == m.text, text[start:end]    # unless it ends inside ¼ → 1⁄4
    for f in extraction.facts:
        assert 0 <= f.evidence.start < f.evidence.end <= len(text)
        assert text[f.evidence.start:f.evidence.end].strip() == f.evidence.sentence


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=200), *(ARTICLE_TEXT.map(lambda t, c=c: t.encode(c))
                                             for c in ("gb18030", "utf-16", "utf-8"))))
def test_decode_gives_text_or_one_line_naming_the_file(data):
    try:
        text = decode(data, "any.txt")
    except InputError as exc:
        assert str(exc).startswith("any.txt: ") and "\n" not in str(exc)
    else:
        assert text.strip() and "\r" not in text and not text.startswith("\ufeff")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["深度求索", "发布了", "DeepSeek", "。", "，", "\n", " ", "！"]),
                max_size=45).map("".join), st.integers(1, 60))
def test_windows_give_the_mentions_of_the_whole_text(text, limit):
    """A finder that needs no context beyond a sentence finds the same
    mentions window by window as on the whole text."""
    def find(t):
        out, at = [], t.find("DeepSeek")
        while at >= 0:
            out.append(Mention(at, at + 8, "DeepSeek", "AIModel", "", "test"))
            at = t.find("DeepSeek", at + 1)
        return out
    sentences = split_sentences(text)
    spans = list(windows(sentences, limit))
    assert all(e - s <= limit or any(s == a and e == b for a, b in sentences) for s, e in spans)
    assert sorted(spans) == spans and all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    assert mentions_by_chunk(find, text, sentences, limit) == find(text)
