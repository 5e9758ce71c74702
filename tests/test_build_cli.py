"""``kg build`` from the command line: the summary it prints, the files it
writes, the exact ``Error:`` line and exit code of each failure, --strict;
and help text for every ``kg`` command."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from kg.cli.main import cli
from kg.ontology.vocab import KG, RELATIONS

# Test articles, written for these tests.
ARTICLES = {
    "deepseek.txt": "深度求索发布新一代模型\n2025年3月1日，深度求索发布了新模型DeepSeek-V9。\n"
                    "OpenAI首席执行官萨姆·阿尔特曼称赞了DeepSeek-V9的表现。\n意大利禁止了DeepSeek应用。\n",
    "moonshot.txt": "月之暗面创始人杨植麟表示，Kimi K3将于2025年6月发布。\n"
                    "阿里巴巴发布了通义千问Qwen3，并将其接入了钉钉。\n",
    "baidu.txt": "百度发布了文心一言4.5，英伟达CEO黄仁勋称赞了百度。\n",
}
MODEL_LINE = "model: blank:zh (spaCy Chinese + rjieba, offline)"


@pytest.fixture
def news(tmp_path) -> Path:
    """A folder of three articles."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def kg_(*args, obj=None):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="kg", obj=obj)


@pytest.fixture
def kg_build(extractor):
    """``kg`` with the pipeline loaded once for the whole run (given to the CLI, as a
    program embedding it would)."""
    return lambda *args: kg_(*args, obj={"extractor": extractor})


def lines(text: str) -> list[str]:
    return text.splitlines()


def test_build_prints_the_summary_and_writes_graph_ttl_and_html(kg_build, news, tmp_path):
    out = tmp_path / "out"
    result = kg_build("build", news, "--out", out)
    assert result.exit_code == 0, result.output
    assert lines(result.stderr) == [MODEL_LINE]
    docs, ents, rels, shapes, wrote = lines(result.stdout)
    assert docs == "documents: 3"
    assert shapes == "shapes: the graph conforms to the ontology's shapes"
    assert re.fullmatch(rf"wrote {re.escape(str(out / 'graph.ttl'))} and "
                        rf"{re.escape(str(out / 'graph.html'))} in \d+\.\d s", wrote)
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(set(graph.subjects(RDF.type, KG.Document))) == 3
    classes = Counter(str(c).rsplit("#", 1)[1] for s, c in graph.subject_objects(RDF.type)
                      if c != KG.Document and str(c).startswith(str(KG._NS)))
    assert ents == f"entities: {sum(classes.values())} (" + ", ".join(
        f"{c} {n}" for c, n in sorted(classes.items())) + ")"
    counts = {p: len(set(graph.subject_objects(KG[p]))) for p in RELATIONS}
    assert rels == f"relations: {sum(counts.values())} (" + ", ".join(
        f"{p} {n}" for p, n in sorted(counts.items()) if n) + ")"
    assert counts["released"] >= 3 and counts["praised"] >= 2 and counts["banned"] == 1
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith(("<!doctype html", "<html")) and "DeepSeek-V9" in page
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_build_defaults_to_seeds_and_output(kg_build, news, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    news.rename(tmp_path / "seeds")
    result = kg_build("build", "--no-html")
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[0] == "documents: 3"
    assert re.fullmatch(r"wrote output/graph\.ttl in \d+\.\d s", lines(result.stdout)[-1])
    assert (tmp_path / "output" / "graph.ttl").is_file()
    assert not (tmp_path / "output" / "graph.html").exists()


def test_bad_files_are_skipped_and_the_build_exits_1(kg_build, news, tmp_path):
    (news / "empty.txt").write_bytes(b"")
    (news / "sub").mkdir()
    (news / "sub" / "scan.txt").write_bytes(b"%PDF-1.5\n\x00\x01")
    out = tmp_path / "out"
    result = kg_build("build", news, tmp_path / "nope.txt", "--out", out)
    assert result.exit_code == 1
    assert lines(result.stderr) == [
        MODEL_LINE,
        f"skipped: {tmp_path / 'nope.txt'}: no such file or folder; check the path",
        f"skipped: {news / 'empty.txt'}: empty file; put the article text in it or remove it",
        f"skipped: {news / 'sub' / 'scan.txt'}: is a PDF file, not plain text; save it as UTF-8 text",
        "Error: 3 file(s) skipped; see the lines above",
    ]
    assert lines(result.stdout)[0] == ("documents: 3 (3 skipped: empty file 1, is a PDF file 1, "
                                       "no such file or folder 1)")
    assert (out / "graph.ttl").is_file() and (out / "graph.html").is_file()
    assert "Traceback" not in result.output


def test_strict_stops_at_the_first_bad_file(kg_build, news, tmp_path):
    (news / "a-bad.txt").write_bytes("正文\x00正文".encode("utf-8"))
    (news / "z-bad.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = kg_build("build", news, "--out", out, "--strict")
    assert result.exit_code == 1
    assert lines(result.stderr) == [
        MODEL_LINE,
        f"Error: {news / 'a-bad.txt'}: contains NUL bytes, so it is binary (or UTF-16 without a "
        "byte-order mark); save it as UTF-8 text"]
    assert result.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize("setup, args, error", [
    (lambda t: (t / "e.txt").write_bytes(b" \n"), ["{t}/e.txt"],
     "Error: no input file could be read (1 skipped, see the lines above); {t}/out was left as it was"),
    (lambda t: (t / "empty").mkdir(), ["{t}/empty"],
     "Error: {t}/empty: no news files found (.txt, .jsonl, .html, .md, .warc); give such files or folders that hold them"),
    (lambda t: (t / "f").write_text("x"), ["{n}", "--out", "{t}/f/out"],
     "Error: {t}/f/out: cannot write the graph there (Not a directory); choose another --out folder"),
])
def test_build_errors_are_one_line(kg_build, news, tmp_path, setup, args, error):
    setup(tmp_path)
    result = kg_build("build", *[a.format(t=tmp_path, n=news) for a in args],
                      *([] if "--out" in args else ["--out", tmp_path / "out"]))
    assert result.exit_code == 1
    assert lines(result.stderr)[-1] == error.format(t=tmp_path)
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize("args, error", [
    (["--min-confidence", "2"],
     "Error: Invalid value for '--min-confidence': 2.0 is not in the range 0<=x<=1."),
    (["--out", "{t}/news/deepseek.txt"],
     "Error: Invalid value for '--out': Directory '{t}/news/deepseek.txt' is a file."),
])
def test_build_usage_errors_exit_2(kg_build, news, tmp_path, args, error):
    result = kg_build("build", news, *[a.format(t=tmp_path) for a in args])
    assert result.exit_code == 2
    assert lines(result.stderr)[-1] == error.format(t=tmp_path)


def test_a_failed_build_keeps_the_previous_graph(kg_build, news, tmp_path):
    out = tmp_path / "out"
    assert kg_build("build", news, "--out", out).exit_code == 0
    before = {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.html")}
    (news / "late.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = kg_build("build", news, "--out", out, "--strict")
    assert result.exit_code == 1
    assert {n: (out / n).read_bytes() for n in before} == before


# ── help text ────────────────────────────────────────────────────────────────

def _commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path, command", list(_commands(cli)), ids=lambda v: " ".join(v)
                         if isinstance(v, tuple) else "")
def test_every_command_has_help_text(path, command):
    result = kg_(*path, "--help")
    assert result.exit_code == 0
    assert command.get_short_help_str().strip(), f"kg {' '.join(path)} has no help text"
    assert len(result.output.split("Options:")[0].split()) > 12
    assert "\\b" not in result.output and "\b" not in result.output   # click's \b line, not a literal
    for param in command.params:
        if isinstance(param, click.Option) and "--help" not in param.opts:
            assert param.help and param.help.strip(), f"kg {' '.join(path)} {param.opts[0]} has no help"


def test_the_group_and_its_options_have_help_text():
    assert cli.help and cli.help.strip()
    for param in cli.params:
        if isinstance(param, click.Option) and "--help" not in param.opts:
            assert param.help and param.help.strip(), f"kg {param.opts[0]} has no help"


def _option(command: str, name: str) -> click.Option:
    return next(p for p in cli.commands[command].params if name in p.opts)


@pytest.mark.parametrize("name, commands", [
    ("--out", ["build", "merge"]), ("--min-confidence", ["build", "merge"]),
    ("--no-html", ["build", "merge"]), ("--strict", ["build", "extract"]),
    ("--jobs", ["build", "extract"]), ("--model", ["build", "extract"]),
    ("--graph", ["eval", "query", "view"]),
])
def test_an_option_several_commands_take_is_the_same_option(name, commands):
    first, *others = [_option(c, name) for c in commands]
    for option in others:
        assert (option.opts, option.secondary_opts, option.name, option.default, option.is_flag,
                option.show_default, repr(option.type), option.callback) == (
                first.opts, first.secondary_opts, first.name, first.default, first.is_flag,
                first.show_default, repr(first.type), first.callback)


def test_graph_options_name_the_suffixes_kg_reads():
    from kg.graph.store import GRAPH_FORMATS

    *most, last = GRAPH_FORMATS
    for command in ("eval", "query", "view"):
        assert _option(command, "--graph").help.endswith(f"({', '.join(most)} or {last}).")


@pytest.mark.parametrize("command", ["build", "extract"])
def test_jobs_0_is_one_worker_per_cpu(command, monkeypatch):
    import kg.run.parallel

    monkeypatch.setattr(kg.run.parallel, "available_cpus", lambda: 7)
    jobs = _option(command, "--jobs")
    assert [jobs.callback(None, jobs, n) for n in (0, 1, 3)] == [7, 1, 3]


def test_examples_in_help_keep_their_lines():
    help_text = kg_("extract", "--help").output
    assert "\n  Example:\n    kg extract part-1/ --out extracted/ && kg extract part-2/" in help_text
    assert "\n    kg merge extracted/ --out output/\n" in help_text


def test_the_group_help_lists_every_command():
    result = kg_("--help")
    assert result.exit_code == 0
    listed = result.output.split("Commands:")[1]
    for name, command in cli.commands.items():
        assert re.search(rf"^\s+{re.escape(name)}\s+\S", listed, re.M), name
    assert kg_("--version").output.startswith("kg, version ")


def test_version_is_the_package_version():
    from importlib import metadata

    import kg

    assert re.fullmatch(r"\d+\.\d+\.\d+", kg.__version__)
    assert metadata.version("kg") == kg.__version__       # pyproject takes it from kg/__init__.py
    result = kg_("--version")
    assert (result.exit_code, result.output) == (0, f"kg, version {kg.__version__}\n")
