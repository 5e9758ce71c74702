"""kg.eval.audit: a seeded, stratified judging sheet of a graph's facts and
entity nodes, read back and tallied with Wilson intervals."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.eval.audit import COLUMNS, format_tally, read_sheet, sample, tally, wilson, write_sheet
from kg.graph.store import load_graph

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"


@pytest.fixture(scope="module")
def graph():
    return load_graph(FIXTURE, "memory")


def _sheet(rows) -> str:
    out = io.StringIO()
    write_sheet(rows, out)
    return out.getvalue()


def test_sample_is_stratified_and_seeded(graph):
    rows = sample(graph, per_relation=1, per_class=1, seed=3)
    facts = [r for r in rows if r.kind == "fact"]
    entities = [r for r in rows if r.kind == "entity"]
    assert len({r.stratum for r in facts}) == len(facts) == 12      # the fixture has all twelve relations
    assert all(r.predicate == r.stratum and r.evidence for r in facts)
    assert {r.stratum for r in entities} <= {"Company", "Organization", "GovernmentBody", "Person", "Place",
                                             "Country", "City", "AIModel", "Product", "Hardware"}
    assert _sheet(rows) == _sheet(sample(graph, per_relation=1, per_class=1, seed=3))
    assert _sheet(rows) != _sheet(sample(graph, per_relation=3, per_class=3, seed=4))


def test_sheet_round_trip_and_tally(graph, tmp_path):
    rows = sample(graph, per_relation=1, per_class=0, seed=1)
    text = _sheet(rows).splitlines()
    assert text[0].split("\t") == list(COLUMNS)
    judged = [text[0]]
    for i, line in enumerate(text[1:]):
        cells = line.split("\t")
        cells[COLUMNS.index("verdict")] = ("correct", "wrong", "debatable")[i % 3]
        cells[COLUMNS.index("error")] = "object" if i % 3 == 1 else ""
        judged.append("\t".join(cells))
    path = tmp_path / "sheet.tsv"
    path.write_text("\n".join(judged) + "\n", encoding="utf-8")
    t = tally(read_sheet(path))
    assert sum(c["correct"] for c in t.counts.values()) == 4
    assert sum(c["wrong"] for c in t.counts.values()) == 4
    assert t.errors == {"object": 4}
    report = format_tally(t)
    assert "  all                4/8   P 0.50" in report
    assert "errors: object 4" in report


def test_a_bad_verdict_names_its_line(tmp_path):
    path = tmp_path / "sheet.tsv"
    row = ["F0001", "fact", "released", "A", "released", "B", "s", "", "f.txt", "0", "1", "yes", "", ""]
    path.write_text("\t".join(COLUMNS) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"sheet.tsv, line 2: verdict 'yes' is none of correct, wrong, debatable"):
        read_sheet(path)


def test_not_a_sheet(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("a\tb\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a judging sheet"):
        read_sheet(path)


@pytest.mark.parametrize("k, n, lo, hi", [(8, 10, 0.490, 0.943), (10, 10, 0.722, 1.0), (0, 0, 0.0, 1.0)])
def test_wilson(k, n, lo, hi):
    a, b = wilson(k, n)
    assert a == pytest.approx(lo, abs=1e-3) and b == pytest.approx(hi, abs=1e-3)


# --- kg audit ------------------------------------------------------------------------

def test_cli_audit_writes_a_sheet_and_scores_it(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    out = tmp_path / "sheet.tsv"
    result = CliRunner().invoke(cli, ["audit", str(FIXTURE), "--per-relation", "1", "--per-class", "0",
                                      "--seed", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(COLUMNS) and len(lines) == 13
    judged = [lines[0]]
    for line in lines[1:]:
        cells = line.split("\t")
        cells[COLUMNS.index("verdict")] = "correct"
        judged.append("\t".join(cells))
    out.write_text("\n".join(judged) + "\n", encoding="utf-8")
    scored = CliRunner().invoke(cli, ["audit", "--score", str(out)])
    assert scored.exit_code == 0
    assert "  all               12/12  P 1.00" in scored.output


@pytest.mark.parametrize("args, line", [
    ([], "Error: give the GRAPH to sample (or --score SHEET to tally a judged one)"),
    (["missing.ttl"], "Error: graph file missing.ttl not found; run `kg build` first or pass --graph FILE"),
])
def test_cli_audit_errors(args, line, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import cli

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["audit", *args])
    assert result.exit_code != 0
    assert line in result.output.splitlines()
