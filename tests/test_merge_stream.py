"""The streaming merge (kg.run.merge): mentions spilled to SQLite,
entities resolved node group by node group, triples spooled to sorted
chunks on disk — the same bytes as the in-memory merge and as `kg build`,
on the seeds and on a synthetic set whose names repeat across documents
(benchmarks.scale's generator, which is deterministic for a seed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import cli
from kg.run.build import build

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built")
    build([SEEDS], out, cache=False)
    return out


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("extracted")
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _merge(folder: Path, out: Path, *flags: str) -> str:
    result = CliRunner().invoke(cli, ["merge", str(folder), "--out", str(out), *flags])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("flag", ["--stream", "--in-memory"])
def test_either_merge_writes_the_build_bytes(extracted, built, tmp_path, flag):
    _merge(extracted, tmp_path, flag)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_a_streamed_merge_says_it_skipped_the_shapes_check(extracted, tmp_path):
    out = _merge(extracted, tmp_path, "--stream", "--no-html")
    shapes = [line for line in out.splitlines() if line.startswith("shapes: ")]
    assert len(shapes) == 1 and "kg validate" in shapes[0]


@pytest.fixture(scope="module")
def synthetic(extracted, tmp_path_factory) -> Path:
    from benchmarks.scale import load_sources, write_synthetic

    sources, version, model = load_sources(extracted)
    out = tmp_path_factory.mktemp("synthetic")
    write_synthetic(sources, 40, out, seed=3, version=version, model=model)
    return out


def test_the_generator_is_deterministic(extracted, synthetic, tmp_path):
    from benchmarks.scale import load_sources, write_synthetic

    sources, version, model = load_sources(extracted)
    write_synthetic(sources, 40, tmp_path, seed=3, version=version, model=model)
    names = sorted(p.name for p in synthetic.glob("*.json"))
    assert len(names) == 40
    assert names == sorted(p.name for p in tmp_path.glob("*.json"))
    assert all((synthetic / n).read_bytes() == (tmp_path / n).read_bytes() for n in names)


def test_streamed_and_in_memory_agree_on_a_synthetic_set(synthetic, tmp_path):
    _merge(synthetic, tmp_path / "stream", "--stream")
    _merge(synthetic, tmp_path / "memory", "--in-memory")
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "stream" / name).read_bytes() == (tmp_path / "memory" / name).read_bytes()
    assert (tmp_path / "stream" / "graph.ttl").stat().st_size > 0


def test_a_streamed_merge_into_a_used_folder_replaces_its_graph(synthetic, extracted, tmp_path):
    _merge(synthetic, tmp_path, "--stream")
    first = (tmp_path / "graph.ttl").read_bytes()
    shutil.rmtree(tmp_path / ".kg-cache", ignore_errors=True)
    _merge(extracted, tmp_path, "--stream")
    assert (tmp_path / "graph.ttl").read_bytes() != first
