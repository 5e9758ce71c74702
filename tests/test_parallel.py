"""kg.run.parallel and `kg build --jobs`: worker processes give exactly the
graph one process gives, results in document order, errors in the workers
reach the caller. (Speed is measured by benchmarks/, not here.)"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.run.parallel
from kg.run.build import build, read_documents
from kg.cli.main import cli
from kg.errors import ModelNotFound
from kg.model import Extraction
from kg.run.parallel import available_cpus, extract_documents, iter_extractions

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def documents():
    return read_documents([SEEDS], False, [])


@pytest.fixture(scope="module")
def one_process(documents):
    return list(iter_extractions(documents, "blank:zh", jobs=1))


def test_two_workers_give_the_same_extractions_in_document_order(documents, one_process):
    two = list(iter_extractions(documents, "blank:zh", jobs=2))
    assert [e.document.doc_id for e in two] == [d.doc_id for d in documents]
    assert two == one_process
    assert all(isinstance(e, Extraction) for e in two)


def test_jobs_2_writes_byte_identical_graph_files(tmp_path):
    one = build([SEEDS], tmp_path / "one", jobs=1, cache=False)
    two = build([SEEDS], tmp_path / "two", jobs=2, cache=False)
    assert (one.extracted, two.extracted) == (5, 5)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()


def test_spawned_workers_load_their_own_pipeline(documents, one_process, monkeypatch):
    # what happens where fork is not available or not safe (threads running)
    monkeypatch.setattr(kg.run.parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    assert list(iter_extractions(documents[:3], "blank:zh", jobs=2)) == one_process[:3]


def _doc_id_and_size(extraction: Extraction) -> tuple[str, int]:
    return extraction.document.doc_id, len(extraction.mentions)


@pytest.mark.parametrize("jobs", [1, 2])
def test_then_runs_where_the_extraction_is_made(documents, one_process, jobs):
    got = list(iter_extractions(documents[:3], "blank:zh", jobs=jobs, then=_doc_id_and_size))
    assert got == [_doc_id_and_size(e) for e in one_process[:3]]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_pipeline_that_fails_to_load_raises_in_the_caller(documents, jobs):
    with pytest.raises(ModelNotFound, match="is not installed"):
        list(iter_extractions(documents[:2], "zh_pipeline_that_is_not_installed", jobs=jobs))


def test_more_jobs_than_documents_and_no_documents(documents, one_process):
    assert list(iter_extractions(documents[:1], "blank:zh", jobs=4)) == one_process[:1]
    assert list(iter_extractions([], "blank:zh", jobs=2)) == []
    run = extract_documents([], "blank:zh", jobs=2)
    assert (run.extractions, run.extracted, run.cached) == ([], 0, 0)


def test_progress_counts_every_document(documents):
    seen = []
    extract_documents(documents[:3], "blank:zh", jobs=2, progress=lambda i, n: seen.append((i, n)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


class _Echo:
    """An extractor that says which document it was given, and in which process."""

    def extract(self, document):
        return "echo", document.doc_id, os.getpid()


def _echo(model: str) -> _Echo:      # a factory: module-level, so spawned workers can have it
    assert model == "blank:zh"
    return _Echo()


def test_an_extractor_object_extracts_in_this_process(documents):
    got = list(iter_extractions(documents[:3], "blank:zh", extractor=_Echo()))
    assert got == [("echo", d.doc_id, os.getpid()) for d in documents[:3]]


def test_an_extractor_object_does_not_go_to_worker_processes(documents):
    with pytest.raises(ValueError, match=r"for jobs > 1 give factory="):
        list(iter_extractions(documents[:3], "blank:zh", jobs=2, extractor=_Echo()))


@pytest.mark.parametrize("method", [m for m in ("fork", "spawn")
                                    if m in multiprocessing.get_all_start_methods()])
def test_a_factory_makes_the_extractors_of_the_workers(documents, monkeypatch, method):
    monkeypatch.setattr(kg.run.parallel, "_context", lambda: multiprocessing.get_context(method))
    got = list(iter_extractions(documents[:4], "blank:zh", jobs=2, factory=_echo))
    assert [g[:2] for g in got] == [("echo", d.doc_id) for d in documents[:4]]
    assert {pid for _, _, pid in got[1:]} - {os.getpid()}     # made in the workers


def test_cli_jobs_option(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "--out", str(out), "--jobs", "2",
                                      "--no-html", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "documents: 5" in result.output
    assert (out / "graph.ttl").is_file()
    bad = CliRunner().invoke(cli, ["build", str(SEEDS), "--jobs", "-1"])
    assert bad.exit_code == 2
    assert "Invalid value for '--jobs' / '-j'" in bad.output


def test_available_cpus():
    assert available_cpus() >= 1


def _double(values):
    return [2 * v for v in values]


def _fail(message):
    raise ValueError(message)


FORK = "fork" in multiprocessing.get_all_start_methods()


@pytest.mark.skipif(not FORK, reason="no fork here: beside() runs in-process (the next tests)")
@pytest.mark.parametrize("threads, method", [(1, "fork"), (2, "spawn"), (5, "spawn")])
def test_workers_fork_only_while_no_other_thread_runs(monkeypatch, threads, method):
    monkeypatch.setattr(kg.run.parallel.threading, "active_count", lambda: threads)
    assert kg.run.parallel._context().get_start_method() == method


@pytest.mark.skipif(not FORK, reason="beside() runs in-process without fork; covered by the next test")
def test_beside_runs_in_another_process(monkeypatch):
    # whatever other threads this test run has started (fork is refused while they live)
    monkeypatch.setattr(kg.run.parallel, "_context", lambda: multiprocessing.get_context("fork"))
    other = kg.run.parallel.beside(os.getpid)
    assert other() != os.getpid()


def test_beside_returns_the_result_and_raises_the_error():
    assert kg.run.parallel.beside(_double, [1, 2])() == [2, 4]
    with pytest.raises(ValueError, match="^no luck$"):
        kg.run.parallel.beside(_fail, "no luck")()


def test_beside_without_fork_runs_here(monkeypatch):
    monkeypatch.setattr(kg.run.parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    assert kg.run.parallel.beside(_double, [3])() == [6]
