"""The per-document extraction cache: a rebuild extracts only new or
changed documents and writes the graph a clean build writes; each --out
folder has its own cache; --no-cache neither reads nor writes one."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.run.build import build, read_documents
from kg.run.cache import (CACHE_DIR, ExtractionCache, decode_extraction, encode_extraction,
                      pipeline_version)
from kg.cli.main import cli
from kg.run.extract import Extractor

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLES = {
    "a.txt": "星河智算发布Zeta-7B\n\n2025年3月12日，星河智算公司发布了Zeta-7B模型。梁文锋创立了DeepSeek。\n",
    "b.txt": "輝達動態\n\n輝達執行長黃仁勳表示，DeepSeek-R1令人印象深刻。\n",
    "c.txt": "腾讯元宝接入了DeepSeek-R1。来自杭州的DeepSeek引发关注。\n",
}
NEW = ("d.txt", "新闻\n\nOpenAI发布了GPT-4o。微软的CEO萨提亚·纳德拉表示，DeepSeek-R1令人印象深刻。\n")


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


class Counting(list):
    """The real extractor, listing the first file name of each document it extracts."""

    def __init__(self, real: Extractor):
        super().__init__()
        self.real = real

    def extract(self, document):
        self.append(document.files[0])
        return self.real.extract(document)


@pytest.fixture
def counted(extractor) -> Counting:
    """How many documents the pipeline really runs on (given to ``build``)."""
    return Counting(extractor)


def test_rebuild_extracts_nothing_and_adding_a_file_extracts_only_it(tmp_path, counted):
    src = write(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    first = build([src], out, html=False, extractor=counted)
    assert (first.extracted, first.cached, len(counted)) == (3, 0, 3)
    graph = (out / "graph.ttl").read_bytes()

    counted.clear()
    again = build([src], out, html=False, extractor=counted)
    assert (again.extracted, again.cached, counted) == (0, 3, [])
    assert (out / "graph.ttl").read_bytes() == graph

    write(src, dict([NEW]))
    counted.clear()
    added = build([src], out, html=False, extractor=counted)
    assert (added.extracted, added.cached, counted) == (1, 3, ["d.txt"])
    clean = build([src], tmp_path / "clean", html=False, cache=False, extractor=counted)
    assert clean.extracted == 4
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()


def test_changed_text_is_extracted_again(tmp_path, counted):
    src = write(tmp_path / "in", ARTICLES)
    build([src], tmp_path / "out", html=False, extractor=counted)
    (src / "b.txt").write_text(ARTICLES["b.txt"] + "蘋果發布了新手機。\n", encoding="utf-8")
    counted.clear()
    result = build([src], tmp_path / "out", html=False, extractor=counted)
    assert (result.extracted, result.cached, counted) == (1, 2, ["b.txt"])


def test_a_renamed_file_is_taken_from_the_cache_under_its_new_name(tmp_path, counted):
    src = write(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    build([src], out, extractor=counted)
    (src / "c.txt").rename(src / "c-renamed.txt")
    counted.clear()
    result = build([src], out, extractor=counted)
    assert (result.extracted, counted) == (0, [])
    build([src], tmp_path / "clean", cache=False, extractor=counted)
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()
    assert b"c-renamed.txt" in (out / "graph.ttl").read_bytes()


def test_every_out_folder_has_its_own_cache(tmp_path):
    src = write(tmp_path / "in", ARTICLES)
    one = build([src], tmp_path / "one", html=False)
    two = build([src], tmp_path / "two", html=False)
    assert (one.extracted, two.extracted) == (3, 3)
    assert (tmp_path / "one" / CACHE_DIR).is_dir() and (tmp_path / "two" / CACHE_DIR).is_dir()
    shutil.rmtree(tmp_path / "one" / CACHE_DIR)
    assert build([src], tmp_path / "two", html=False).cached == 3
    assert build([src], tmp_path / "one", html=False).extracted == 3


def test_no_cache_neither_writes_nor_reads_the_cache(tmp_path, counted):
    src = write(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    result = build([src], out, html=False, cache=False, extractor=counted)
    assert result.extracted == 3
    assert not (out / CACHE_DIR).exists()
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
    build([src], out, html=False, extractor=counted)   # now with a cache
    counted.clear()
    assert build([src], out, html=False, cache=False, extractor=counted).extracted == 3
    assert len(counted) == 3


def test_cli_no_cache_and_the_cache_line(tmp_path):
    src = write(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(src), "--out", str(out), "--no-html", "--no-cache"])
    assert first.exit_code == 0, first.output
    assert not (out / CACHE_DIR).exists()
    runner.invoke(cli, ["build", str(src), "--out", str(out), "--no-html"])
    again = runner.invoke(cli, ["build", str(src), "--out", str(out), "--no-html"])
    assert again.exit_code == 0, again.output
    assert "documents: 3 (0 extracted, 3 from the cache)" in again.output


def test_another_pipeline_version_misses_and_its_entries_are_removed(tmp_path):
    src = write(tmp_path / "in", ARTICLES)
    docs = read_documents([src], False, [])
    extraction = Extractor().extract(docs[0])
    old = ExtractionCache(tmp_path, "blank:zh", version="0ld")
    old.put(docs[0], extraction)
    assert old.get(docs[0]) == extraction
    new = ExtractionCache(tmp_path, "blank:zh")
    assert new.version == pipeline_version("blank:zh") != "0ld"
    assert new.get(docs[0]) is None
    new.put(docs[0], extraction)
    assert not (tmp_path / CACHE_DIR / "0ld").exists()
    assert [p.name for p in (tmp_path / CACHE_DIR).iterdir()] == [new.version]


def test_pipeline_version_depends_on_the_model():
    assert pipeline_version("blank:zh") != pipeline_version("zh_core_web_sm")
    assert pipeline_version("blank:zh") == pipeline_version("blank:zh")


def test_an_unreadable_entry_is_extracted_again(tmp_path, counted):
    src = write(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    build([src], out, html=False, extractor=counted)
    entries = sorted((out / CACHE_DIR).rglob("*.json"))
    assert len(entries) == 3
    entries[0].write_text("{not json", encoding="utf-8")
    counted.clear()
    result = build([src], out, html=False, extractor=counted)
    assert (result.extracted, result.cached) == (1, 2)
    json.loads(entries[0].read_text(encoding="utf-8"))   # rewritten


def test_json_form_gives_back_an_equal_extraction():
    extractor = Extractor()
    for doc in read_documents([SEEDS], False, []):
        extraction = extractor.extract(doc)
        data = json.loads(json.dumps(encode_extraction(extraction), ensure_ascii=False))
        assert decode_extraction(data) == extraction
        again = replace(extraction, document=replace(extraction.document, files=("x.txt",)))
        assert decode_extraction(encode_extraction(again)).document.files == ("x.txt",)


def test_a_file_where_the_cache_goes_is_one_warning_and_the_build_goes_on(tmp_path):
    src = write(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_DIR).write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(out), "--no-html"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "model: blank:zh (spaCy Chinese + rjieba, offline)",
        f"warning: {out / CACHE_DIR} is not a folder, so this build keeps no cache; "
        "remove it to keep one, or use --no-cache"]
    assert "documents: 3" in result.stdout.splitlines()
    build([src], tmp_path / "clean", html=False, cache=False)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()
    assert (out / CACHE_DIR).read_text(encoding="utf-8") == "not a folder"


def test_a_cache_that_cannot_be_written_is_switched_off_with_one_warning(tmp_path):
    src = write(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    (out / CACHE_DIR).mkdir(parents=True)
    (out / CACHE_DIR / pipeline_version("blank:zh")).write_text("in the way", encoding="utf-8")
    result = build([src], out, html=False)
    assert (result.extracted, result.cached, result.skipped) == (3, 0, [])
    assert result.warnings == [
        f"cannot write the cache in {out / CACHE_DIR} (Not a directory), so this build keeps no "
        "more of it; make room or fix its permissions, or use --no-cache"]
    assert (out / "graph.ttl").is_file()


def test_cache_entries_get_normal_permissions(tmp_path):
    src = write(tmp_path / "in", ARTICLES)
    umask = os.umask(0o022)
    try:
        build([src], tmp_path / "out", html=False)
    finally:
        os.umask(umask)
    entries = sorted((tmp_path / "out" / CACHE_DIR).rglob("*"))
    assert len([p for p in entries if p.is_file()]) == 3
    assert {p.stat().st_mode & 0o777 for p in entries if p.is_file()} == {0o644}
    assert not [p for p in entries if p.name.endswith(".tmp")]
