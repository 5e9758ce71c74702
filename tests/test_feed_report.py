"""A build says what it did with a feed: the articles read per format, the
duplicates (one text under several names), the skipped items by reason,
and, without a terminal, a progress line at every tenth of the way."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli.main import cli
from kg.run.build import FeedReport, skip_reason

FIVE = [f"星河科技发布了Zeta-{n}模型。北辰公司推出了Nova-{n}模型。" for n in range(1, 6)]


def kg_build(extractor, *args):
    return CliRunner().invoke(cli, ["build", *map(str, args)], prog_name="kg",
                              obj={"extractor": extractor})


def test_copies_of_five_articles_are_five_documents_and_the_rest_duplicates(tmp_path, extractor):
    for copy in range(20):
        for n, text in enumerate(FIVE):
            (tmp_path / "in" / f"c{copy:02d}").mkdir(parents=True, exist_ok=True)
            (tmp_path / "in" / f"c{copy:02d}" / f"{n}.txt").write_text(text, encoding="utf-8")
    result = kg_build(extractor, tmp_path / "in", "--out", tmp_path / "out", "--no-html")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "documents: 5 (100 articles read (txt 100); 95 duplicates)"


def test_formats_and_skips_by_reason(tmp_path, extractor):
    feed = [json.dumps({"id": n, "text": t}, ensure_ascii=False) for n, t in enumerate(FIVE[:2])]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl").write_text("\n".join(feed + ["{broken", '{"title": "x"}']),
                                                encoding="utf-8")
    (tmp_path / "in" / "a.md").write_text(f"---\ntitle: A\n---\n{FIVE[2]}\n", encoding="utf-8")
    (tmp_path / "in" / "b.html").write_text(f"<html><body><article><p>{FIVE[3]}</p></article></body></html>",
                                            encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text(FIVE[0], encoding="utf-8")        # the feed's first article
    result = kg_build(extractor, tmp_path / "in", "--out", tmp_path / "out", "--no-html")
    assert result.exit_code == 1        # skipped lines make the build exit 1, as for bad files
    assert result.stdout.splitlines()[0] == (
        "documents: 4 (5 articles read (html 1, jsonl 2, md 1, txt 1); 1 duplicate; "
        "2 skipped: no article text 1, not valid JSON 1)")


def test_without_a_terminal_progress_is_a_line_per_tenth(tmp_path, extractor):
    (tmp_path / "in").mkdir()
    for n in range(20):
        (tmp_path / "in" / f"{n:02d}.txt").write_text(f"星河科技发布了Zeta-{n}模型。", encoding="utf-8")
    result = kg_build(extractor, tmp_path / "in", "--out", tmp_path / "out", "--no-html")
    assert result.exit_code == 0, result.output
    progress = [line for line in result.stderr.splitlines() if line.startswith("extracting")]
    assert progress == [f"extracting: {i}/20 documents" for i in range(2, 21, 2)]


def test_skip_reasons():
    assert skip_reason("f.jsonl, line 3: not valid JSON (Expecting value: line 1); line skipped") == \
        "not valid JSON"
    assert skip_reason("/a/b.txt: is a PDF file, not plain text; save it as UTF-8 text") == "is a PDF file"
    assert skip_reason("w.warc, record 5 (https://x.org/a): no article text found in the page; give …") \
        == "no article text found in the page"
    assert FeedReport().parts([]) == []
