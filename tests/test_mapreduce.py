"""`kg extract` (one N-Quads file and one extraction per document) and
`kg merge` (entities resolved across them): the merged graph is exactly the
graph `kg build` writes, however the documents were split."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset, Literal, URIRef

from kg.run.build import build, read_documents
from kg.cli.main import cli
from kg.errors import InputError
from kg.run.extract import Extractor
from kg.run.mapreduce import extract_to_folder, merge_folders, read_extractions
from kg.ontology.vocab import DOC, KG

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds plus one of them again under another name."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(path, folder / path.name)
    first = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copyfile(first, folder / "copy-of-first.txt")
    return folder


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built")
    build([corpus], out, cache=False)
    return out


@pytest.fixture(scope="module")
def extracted(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("extracted")
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "documents: 5 (5 extracted, 0 already in" in result.output
    return out


def test_merge_after_extract_gives_the_build_graph(extracted, built, tmp_path):
    result = CliRunner().invoke(cli, ["merge", str(extracted), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "documents: 5" in result.output
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()
    from kg.cli.validate import shapes_line
    from kg.graph.shapecheck import check_triples
    from rdflib import Graph

    merged = tmp_path / "graph.ttl"       # checked like a build's graph, in one line
    line = f"shapes: {shapes_line(check_triples(Graph().parse(merged)), merged)}"
    assert line in result.output.splitlines()


def test_slices_extracted_apart_merge_into_the_same_graph(corpus, built, tmp_path):
    files = sorted(corpus.glob("*.txt"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for i, path in enumerate(files):          # the duplicate text lands in both slices
        shutil.copyfile(path, tmp_path / ("a" if i % 2 else "b") / path.name)
    extract_to_folder([tmp_path / "a"], tmp_path / "out-a")
    extract_to_folder([tmp_path / "b"], tmp_path / "out-b")
    merge_folders([tmp_path / "out-a", tmp_path / "out-b"], tmp_path / "merged", html=False)
    assert (tmp_path / "merged" / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_one_nquads_file_per_document_in_its_own_named_graph(extracted, corpus):
    docs = read_documents([corpus], False, [])
    assert sorted(p.name for p in extracted.iterdir()) == sorted(
        [f"{d.doc_id}.nq" for d in docs] + [f"{d.doc_id}.json" for d in docs])
    for doc in docs:
        dataset = Dataset()
        dataset.parse(extracted / f"{doc.doc_id}.nq", format="nquads")
        names = {c for _, _, _, c in dataset.quads((None, None, None, None))}
        assert names == {DOC[doc.doc_id]}
        graph = dataset.graph(DOC[doc.doc_id])
        assert (DOC[doc.doc_id], RDF.type, KG.Document) in graph
        for name in doc.files:
            assert (DOC[doc.doc_id], KG.fileName, Literal(name)) in graph
        statements = set(graph.subjects(RDF.type, RDF.Statement))
        assert statements
        for st in statements:
            assert (st, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), DOC[doc.doc_id]) in graph
            assert graph.value(st, KG.evidence) is not None
        assert list(graph.subjects(KG.mentionedIn, DOC[doc.doc_id]))


def test_sidecars_hold_the_exact_extractions(extracted, corpus):
    extractor = Extractor()
    docs = read_documents([corpus], False, [])
    assert read_extractions([extracted]) == [extractor.extract(d) for d in docs]
    data = json.loads(next(extracted.glob("*.json")).read_text(encoding="utf-8"))
    assert set(data) == {"format", "version", "model", "checksum", "extraction"}


def test_extract_again_skips_what_is_there(corpus, tmp_path):
    first = extract_to_folder([corpus], tmp_path)
    again = extract_to_folder([corpus], tmp_path)
    assert (first.extracted, again.extracted, again.unchanged) == (5, 0, 5)
    assert extract_to_folder([corpus], tmp_path, force=True).extracted == 5


def test_merge_errors(tmp_path, extracted):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no extractions \(\*\.json\) in .*empty; run `kg extract`"):
        read_extractions([tmp_path / "empty"])
    mixed = tmp_path / "mixed"
    shutil.copytree(extracted, mixed)
    path = sorted(mixed.glob("*.json"))[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = "another"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"made by another version of the pipeline or its data \(another;"):
        read_extractions([mixed])
    path.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(cli, ["merge", str(mixed), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == (f"Error: {path}: not an extraction `kg merge` can use: format None; "
                             "this kg reads format 2; run `kg extract` again on its documents "
                             "(with --force), or remove it\n")


def test_extract_and_merge_need_their_arguments():
    runner = CliRunner()
    assert runner.invoke(cli, ["extract", "seeds"]).exit_code == 2        # no --out
    assert runner.invoke(cli, ["merge"]).exit_code == 2


def test_extract_out_under_a_file_is_one_line(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), "--out", str(tmp_path / "file.txt" / "sub")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {tmp_path / 'file.txt' / 'sub'}: cannot write the extractions there "
        "(Not a directory); choose another --out folder"]
    assert "Traceback" not in result.output


def test_extracted_files_get_normal_permissions(corpus, tmp_path):
    umask = os.umask(0o022)
    try:
        extract_to_folder([corpus], tmp_path / "ex")
    finally:
        os.umask(umask)
    files = sorted((tmp_path / "ex").iterdir())
    assert len(files) == 10 and {p.stat().st_mode & 0o777 for p in files} == {0o644}


def test_the_json_is_renamed_into_place_after_its_nq(corpus, tmp_path, monkeypatch):
    """Both files of a document are written in full before either is renamed,
    the .nq first: a .json never stands without its .nq."""
    renamed = []
    real = os.replace

    def replace(src, dst):
        renamed.append(Path(dst).name)
        assert Path(src).stat().st_size > 0
        if Path(dst).suffix == ".nq":      # its .json is already written, under a temporary name
            assert [p for p in Path(dst).parent.iterdir() if p.name.startswith(f".{Path(dst).stem}.json.")]
        real(src, dst)
    monkeypatch.setattr(os, "replace", replace)
    result = extract_to_folder(sorted(corpus.glob("*.txt"))[:1], tmp_path / "ex")
    assert result.extracted == 1
    stem = Path(renamed[0]).stem
    assert renamed == [f"{stem}.nq", f"{stem}.json"]
