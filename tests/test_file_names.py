"""Issue 17, item 7: a file name that is not UTF-8 (bytes 0xff 0xfe) costs
nothing: the file is read, its name stored escaped (``bad\\xff\\xfe.txt``)
in the cache, the graph and `kg extract`'s files, and printed so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from kg.cli.main import cli
from kg.ontology.vocab import KG
from kg.run.build import build
from kg.run.mapreduce import extract_to_folder, read_extractions
from kg.text.document import file_name

TEXT = "深度求索发布了DeepSeek-R1。\n"
SHOWN = "bad\\xff\\xfe.txt"


@pytest.fixture
def news(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xff\xfe.txt"), "wb") as fh:
        fh.write(TEXT.encode("utf-8"))
    (folder / "good.txt").write_text("OpenAI发布了GPT-4o。\n", encoding="utf-8")
    return folder


def names(graph_file: Path) -> set[str]:
    graph = Graph().parse(graph_file)
    return {str(o) for o in graph.objects(None, KG.fileName)}


def test_file_name_escapes_undecodable_bytes():
    assert file_name(os.fsdecode(b"bad\xff\xfe.txt")) == SHOWN
    assert file_name("深度.txt") == "深度.txt"


@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
def test_a_name_that_is_not_utf8_builds(news, tmp_path, extractor, cache):
    result = build([news], tmp_path / "out", cache=cache, extractor=extractor)
    assert (result.documents, result.skipped) == (2, [])
    assert names(tmp_path / "out" / "graph.ttl") == {SHOWN, "good.txt"}
    assert (tmp_path / "out" / "graph.html").is_file()
    again = build([news], tmp_path / "out", cache=cache, extractor=extractor)
    assert again.cached == (2 if cache else 0)


def test_kg_extract_writes_both_files_of_such_a_document(news, tmp_path, extractor):
    result = extract_to_folder([news], tmp_path / "x", extractor=extractor)
    assert (result.extracted, result.skipped) == (2, [])
    files = sorted(p.suffix for p in (tmp_path / "x").iterdir())
    assert files == [".json", ".json", ".nq", ".nq"]
    assert {f for e in read_extractions([tmp_path / "x"]) for f in e.document.files} == {SHOWN, "good.txt"}


def test_a_skipped_file_with_such_a_name_prints_it_escaped(tmp_path, extractor):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"empty\xff.txt"), "wb"):
        pass
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(tmp_path / "out")],
                                obj={"extractor": extractor})
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == (f"skipped: {folder}/empty\\xff.txt: empty file; put the "
                                             "article text in it or remove it")
    assert Literal("good.txt") in set(Graph().parse(tmp_path / "out" / "graph.ttl").objects(None, KG.fileName))
