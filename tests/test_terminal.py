"""Issue 17, item 3: nothing kg prints can drive the terminal. Control
characters (newlines in one-line messages, ESC, C1 controls, bidi overrides)
in file names, article text and query answers are printed as visible escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import cli
from kg.cli.options import printable

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"


def kg_(*args, obj=None):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="kg", obj=obj)


@pytest.mark.parametrize("text, shown", [
    ("plain 中文", "plain 中文"),
    ("a\nb", "a\\nb"),
    ("a\tb\rc", "a\\tb\\rc"),
    ("\x1b[2J", "\\x1b[2J"),
    ("\x9b31m", "\\x9b31m"),
    ("\x7f", "\\x7f"),
    ("abc\u202edcba", "abc\\u202edcba"),
    ("bad\udcff\udcfe.txt", "bad\\xff\\xfe.txt"),
])
def test_printable_escapes_control_characters(text, shown):
    assert printable(text) == shown


def test_printable_keeps_the_line_breaks_of_a_table():
    assert printable("a\tb\nc\x1bd", keep="\n\t") == "a\tb\nc\\x1bd"


def test_a_file_name_with_a_newline_prints_one_skipped_line(tmp_path, extractor):
    news = tmp_path / "news"
    news.mkdir()
    (news / "good.txt").write_text("深度求索发布了DeepSeek-V9。\n", encoding="utf-8")
    (news / "bad\ninjected: fake line.txt").write_bytes(b"")
    (news / "esc\x1b[31mred.txt").write_bytes(b"")
    result = kg_("build", news, "--out", tmp_path / "out", "--no-html", obj={"extractor": extractor})
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        f"skipped: {news}/bad\\ninjected: fake line.txt: empty file; put the article text in it or remove it",
        f"skipped: {news}/esc\\x1b[31mred.txt: empty file; put the article text in it or remove it",
        "Error: 2 file(s) skipped; see the lines above"]
    assert "\x1b" not in result.output


def test_an_error_line_escapes_what_the_user_typed(tmp_path):
    result = kg_("query", "no\x1b]0;title\x07such", "--graph", FIXTURE)
    assert result.exit_code == 1
    assert result.output.startswith("Error: no query file no\\x1b]0;title\\x07such and no query named")
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_clicks_own_errors_are_escaped_too(tmp_path):
    result = kg_("merge", tmp_path / "gone\x1b[2J")
    assert result.exit_code == 2
    assert "\x1b" not in result.output
    assert "gone\\x1b[2J" in result.output


QUERY = 'SELECT ?s WHERE { VALUES ?s { "evil\\u001b[2J\\u009bline\\nnext\\u202e" } }'


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "json"])
def test_query_answers_escape_control_characters(tmp_path, fmt):
    path = tmp_path / "q.rq"
    path.write_text(QUERY, encoding="utf-8")
    result = kg_("query", path, "--graph", FIXTURE, "--format", fmt)
    assert result.exit_code == 0, result.output
    for raw in ("\x1b", "\x9b", "\u202e"):
        assert raw not in result.output
    if fmt == "json":
        rows = json.loads(result.output)["results"]["bindings"]     # SPARQL 1.1 JSON results
        assert [row["s"]["value"] for row in rows] == ["evil\x1b[2J\x9bline\nnext\u202e"]
    elif fmt == "table":
        assert "evil\\x1b[2J\\x9bline next\\u202e" in result.output
    else:
        assert '"evil\\x1b[2J\\x9bline\nnext\\u202e"' in result.output


def test_the_real_evidence_query_escapes_an_article_sentence(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text(FIXTURE.read_text(encoding="utf-8").replace(
        "深度求索", "深度\\u001b[31m求索", 1), encoding="utf-8")
    result = kg_("query", "aliases", "--graph", graph, "--format", "tsv")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
