"""Issue 17, item 10: a file is sniffed before it is read. A file over
--max-file-size (default 50 MB) is one skipped line without being read, and a
binary file is refused from its first bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.text.files
from kg.cli.main import cli
from kg.errors import InputError
from kg.run.build import read_documents
from kg.text.files import MAX_FILE_SIZE, read_document

TEXT = "深度求索发布了DeepSeek-R1。\n"


def sparse(path: Path, size: int, head: bytes = b"") -> Path:
    with path.open("wb") as fh:
        fh.write(head)
        fh.truncate(size)            # a hole: no disk used, reads as NUL bytes
    return path


def test_the_default_limit_is_50_mb():
    assert MAX_FILE_SIZE == 50_000_000


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = sparse(tmp_path / "big.txt", 3 * 1024 ** 3, TEXT.encode("utf-8"))
    monkeypatch.setattr(kg.text.files, "_read_at_most", lambda fh, n: pytest.fail("read it"))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read it whole"))
    with pytest.raises(InputError) as info:
        read_document(big)
    assert str(info.value) == (f"{big}: 3,221 MB, more than the 50 MB a file may have; split it, "
                               "or raise --max-file-size")


def test_a_sparse_file_under_the_limit_is_refused_from_its_first_bytes(tmp_path, monkeypatch):
    nul = sparse(tmp_path / "nul.txt", 40_000_000, b"abc")
    reads = []
    real_read = kg.text.files._read_at_most

    def counted(fh, n):
        data = real_read(fh, n)
        reads.append(len(data))
        return data
    monkeypatch.setattr(kg.text.files, "_read_at_most", counted)
    with pytest.raises(InputError, match="contains NUL bytes"):
        read_document(nul)
    assert sum(reads) <= 1 << 16


def test_max_file_size_is_an_option(tmp_path, extractor):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(TEXT, encoding="utf-8")
    (news / "b.txt").write_text(TEXT * 100, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(news), "--out", str(tmp_path / "out"),
                                      "--max-file-size", "0.001"], obj={"extractor": extractor})
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == (f"skipped: {news / 'b.txt'}: 0.0036 MB, more than the "
                                             "0.001 MB a file may have; split it, or raise --max-file-size")
    assert "documents: 1" in result.stdout


def test_a_feed_over_the_limit_is_skipped_too(tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"text": "' + "深" * 1000 + '"}\n', encoding="utf-8")
    skipped = []
    assert read_documents([feed], False, skipped, max_bytes=1000) == []
    assert skipped == [f"{feed}: 0.003 MB, more than the 0.001 MB a file may have; split it, or raise "
                       "--max-file-size"]
