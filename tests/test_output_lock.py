"""Issue 17, item 8: two builds into one --out cannot mix their files. A build
holds a lock on the output folder; a second one stops in one line before
writing anything, and the lock goes when the first ends."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import cli
from kg.errors import KGError
from kg.run.build import build
from kg.run.files import output_lock
from kg.run.mapreduce import extract_to_folder, merge_folders

TEXT = "深度求索发布了DeepSeek-R1。\n"


@pytest.fixture
def news(tmp_path) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path / "news"


class HeldElsewhere:
    """The lock another process would hold: flock on another open of the folder."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(folder, os.O_RDONLY)
        fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def release(self):
        os.close(self.fd)


def test_a_second_build_into_a_locked_folder_is_one_line(news, tmp_path, extractor):
    out = tmp_path / "out"
    held = HeldElsewhere(out)
    try:
        result = CliRunner().invoke(cli, ["build", str(news), "--out", str(out)],
                                    obj={"extractor": extractor})
        assert result.exit_code == 1
        assert result.stderr.splitlines()[1:] == [
            f"Error: {out}: another kg process is writing a graph there; wait for it to finish "
            "or choose another --out folder"]
        assert list(out.iterdir()) == []
    finally:
        held.release()
    assert build([news], out, extractor=extractor).documents == 1     # free again


def test_the_build_holds_the_lock_while_it_writes(news, tmp_path, extractor):
    out = tmp_path / "out"
    seen = []

    class Probe:
        def extract(self, document):
            fd = os.open(out, os.O_RDONLY)
            try:
                with pytest.raises(BlockingIOError):
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                seen.append("locked")
            finally:
                os.close(fd)
            return extractor.extract(document)
    build([news], out, extractor=Probe())
    assert seen == ["locked"]
    fd = os.open(out, os.O_RDONLY)           # and released afterwards
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.close(fd)


def test_merge_takes_the_lock_too(news, tmp_path, extractor):
    extract_to_folder([news], tmp_path / "x", extractor=extractor)
    held = HeldElsewhere(tmp_path / "out")
    try:
        with pytest.raises(KGError, match="another kg process is writing a graph there"):
            merge_folders([tmp_path / "x"], tmp_path / "out")
    finally:
        held.release()


def test_the_lock_is_taken_once_per_block(tmp_path):
    with output_lock(tmp_path):
        with pytest.raises(KGError):
            with output_lock(tmp_path):
                pass
    with output_lock(tmp_path):
        pass
