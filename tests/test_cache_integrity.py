"""Issue 17, items 4-6: a cache entry (or a `kg extract` file) is checked before
it is used. A flipped bit, a wrong type, a foreign format or version, a folder
or device where an entry belongs: the cache misses (one log line) and the
document is extracted again; `kg merge` names the file and the reason. A
full disk while writing the cache is one warning and the build goes on."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.run.files
from kg.cli.main import cli
from kg.errors import InputError
from kg.run.build import build, read_documents
from kg.run.cache import CACHE_DIR, ExtractionCache, pipeline_version
from kg.run.entries import checksum, open_entry
from kg.run.mapreduce import extract_to_folder, read_extractions

ARTICLES = {
    "a.txt": "OpenAI发布了GPT4o模型。萨姆·阿尔特曼表示，GPT4o令人印象深刻。\n",
    "b.txt": "深度求索发布了DeepSeek-R1。梁文锋创立了深度求索。\n",
    "c.txt": "腾讯元宝接入了DeepSeek-R1。\n",
}


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def built(tmp_path, extractor):
    """(source folder, out folder with a warm cache, graph.ttl of a clean build)."""
    src = write(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    build([src], out, html=False, extractor=extractor)
    build([src], tmp_path / "clean", html=False, cache=False, extractor=extractor)
    return src, out, (tmp_path / "clean" / "graph.ttl").read_bytes()


def entry_of(out: Path, name: str) -> Path:
    doc = next(d for d in read_documents([out.parent / "in" / name], False, []))
    return out / CACHE_DIR / pipeline_version("blank:zh") / f"{doc.sha256}.json"


def rebuild(src, out, extractor):
    return build([src], out, html=False, extractor=extractor)


def reseal(path: Path, edit) -> None:
    """Edit an entry's extraction and give it a matching checksum (a hand-made entry)."""
    data = json.loads(path.read_bytes())
    edit(data["extraction"])
    data["checksum"] = checksum(data["extraction"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# --- 4. entries are checked ---------------------------------------------------------------

def test_a_flipped_bit_inside_a_name_is_a_miss_not_an_alias(built, extractor, caplog):
    src, out, clean = built
    path = entry_of(out, "a.txt")
    raw = path.read_bytes()
    assert b"GPT4o" in raw
    path.write_bytes(raw.replace(b"GPT4o", b"GPT4O", 1))      # one bit: 0x6f ^ 0x20
    with caplog.at_level(logging.WARNING, logger="kg.run.cache"):
        result = rebuild(src, out, extractor)
    assert (result.extracted, result.cached) == (1, 2)
    assert (out / "graph.ttl").read_bytes() == clean
    assert [r.getMessage() for r in caplog.records] == [
        f"cache entry {path} not used, the document is extracted again: its checksum does not "
        "match its content (damaged or edited)"]


@pytest.mark.parametrize("edit, reason", [
    (lambda e: e.update(document=None), "extraction.document is null, not an object"),
    (lambda e: e["mentions"][0].update(text=5), "extraction.mentions[0].text is a number, not a string"),
    (lambda e: e["mentions"][0].update(confidence="high"),
     "extraction.mentions[0].confidence is a string, not a finite number"),
    (lambda e: e["mentions"][0].update(start=True), "extraction.mentions[0].start is a boolean, not an integer"),
    (lambda e: e.update(mentions={}), "extraction.mentions is an object, not an array"),
    (lambda e: e["mentions"][0].pop("text"), "extraction.mentions[0] has no field 'text'"),
    (lambda e: e["mentions"][0].update(extra=1), "extraction.mentions[0] has an unknown field 'extra'"),
], ids=["document-null", "text-number", "confidence-string", "start-bool", "mentions-object",
        "missing-field", "unknown-field"])
def test_an_entry_of_wrong_types_is_a_miss_not_a_traceback(built, extractor, caplog, edit, reason):
    src, out, clean = built
    path = entry_of(out, "a.txt")
    reseal(path, edit)
    with caplog.at_level(logging.WARNING, logger="kg.run.cache"):
        result = rebuild(src, out, extractor)
    assert (result.extracted, result.cached, result.warnings) == (1, 2, [])
    assert (out / "graph.ttl").read_bytes() == clean
    assert [r.getMessage() for r in caplog.records] == [
        f"cache entry {path} not used, the document is extracted again: {reason}"]


@pytest.mark.parametrize("edit", [
    lambda d: d.update(format=99), lambda d: d.update(version="another"), lambda d: d.pop("checksum"),
    lambda d: d.clear()], ids=["format", "version", "no-checksum", "empty"])
def test_an_entry_of_another_format_or_version_is_a_miss(built, extractor, edit):
    src, out, clean = built
    path = entry_of(out, "b.txt")
    data = json.loads(path.read_bytes())
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert (rebuild(src, out, extractor).extracted, (out / "graph.ttl").read_bytes()) == (1, clean)


@pytest.mark.parametrize("kind", ["folder", "link", "fifo", "json-array"])
def test_something_else_at_an_entry_path_is_a_miss(built, extractor, kind):
    src, out, clean = built
    path = entry_of(out, "c.txt")
    path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "link":
        path.symlink_to(entry_of(out, "b.txt"))
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_text("[1, 2]", encoding="utf-8")
    result = rebuild(src, out, extractor)
    assert (result.extracted, result.cached) == (1, 2)
    assert (out / "graph.ttl").read_bytes() == clean


_FLIPS = st.tuples(st.integers(0, len(ARTICLES) - 1), st.integers(0, 1 << 30), st.integers(0, 7))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(_FLIPS, min_size=1, max_size=3))
def test_a_flipped_bit_anywhere_is_never_used(tmp_path_factory, extractor, flips):
    """Property: after flipping random bits in random entries, each entry gives
    back its document's own extraction or nothing (a miss) — never another."""
    cache, docs, truth = _warm_cache(tmp_path_factory, extractor)
    originals = {}
    try:
        for index, at, bit in flips:
            path = cache._path(docs[index].sha256)
            raw = bytearray(originals.setdefault(path, path.read_bytes()) if path not in originals
                            else path.read_bytes())
            raw[at % len(raw)] ^= 1 << bit
            path.write_bytes(bytes(raw))
        for doc in docs:
            got = cache.get(doc)
            assert got is None or got == truth[doc.sha256]
    finally:
        for path, raw in originals.items():
            path.write_bytes(raw)


_WARM: dict = {}


def _warm_cache(tmp_path_factory, extractor):
    if not _WARM:
        out = tmp_path_factory.mktemp("warm")
        src = write(out / "in", ARTICLES)
        docs = read_documents([src], False, [])
        cache = ExtractionCache(out, "blank:zh")
        truth = {}
        for doc in docs:
            truth[doc.sha256] = extractor.extract(doc)
            cache.put(doc, truth[doc.sha256])
        _WARM.update(cache=cache, docs=docs, truth=truth)
    return _WARM["cache"], _WARM["docs"], _WARM["truth"]


def test_flipped_bits_in_every_entry_still_build_the_clean_graph(built, extractor):
    src, out, clean = built
    folder = out / CACHE_DIR / pipeline_version("blank:zh")
    for n, path in enumerate(sorted(folder.iterdir())):
        raw = bytearray(path.read_bytes())
        raw[(n * 7919) % len(raw)] ^= 1 << (n % 8)
        path.write_bytes(bytes(raw))
    rebuild(src, out, extractor)
    assert (out / "graph.ttl").read_bytes() == clean


# --- 5. a full disk while writing the cache ------------------------------------------------

def test_a_full_disk_while_writing_the_cache_is_one_warning(tmp_path, extractor, monkeypatch):
    src = write(tmp_path / "in", ARTICLES)
    real = kg.run.files._create_temp

    def full_for_the_cache(out_dir, name):           # the cache's files go to /dev/full: ENOSPC
        tmp, fd = real(out_dir, name)
        if CACHE_DIR in Path(out_dir).parts:
            os.close(fd)
            return tmp, os.open("/dev/full", os.O_WRONLY)
        return tmp, fd
    monkeypatch.setattr(kg.run.files, "_create_temp", full_for_the_cache)
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "out"), "--no-html"],
                                obj={"extractor": extractor})
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1:] == [
        f"warning: cannot write the cache in {tmp_path / 'out' / CACHE_DIR} (No space left on device), "
        "so this build keeps no more of it; make room or fix its permissions, or use --no-cache"]
    assert (tmp_path / "out" / "graph.ttl").is_file()


# --- 6. kg merge checks each file ---------------------------------------------------------------

@pytest.fixture
def extracted(tmp_path, extractor):
    src = write(tmp_path / "in", ARTICLES)
    extract_to_folder([src], tmp_path / "x", extractor=extractor)
    return tmp_path / "x"


@pytest.mark.parametrize("edit, reason", [
    (lambda e: e.update(document=None), "extraction.document is null, not an object"),
    (lambda e: e["facts"][0].update(subject=None), "extraction.facts[0].subject is null, not an object"),
], ids=["document-null", "subject-null"])
def test_merge_names_a_file_of_wrong_types_and_why(extracted, tmp_path, edit, reason):
    path = sorted(extracted.glob("*.json"))[0]
    reseal(path, edit)
    result = CliRunner().invoke(cli, ["merge", str(extracted), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == (f"Error: {path}: not an extraction `kg merge` can use: {reason}; run "
                             "`kg extract` again on its documents (with --force), or remove it\n")


@pytest.mark.parametrize("edit, reason", [
    (lambda d: d.update(format=3), "format 3; this kg reads format 2"),
    (lambda d: d.update(version="0123456789abcdef"),
     "made by another version of the pipeline or its data (0123456789abcdef; this kg makes "
     f"{pipeline_version('blank:zh')} with --model blank:zh)"),
    (lambda d: d.pop("model"), "it names no model"),
], ids=["format", "version", "no-model"])
def test_merge_refuses_a_folder_of_another_format_or_version(extracted, edit, reason):
    for path in sorted(extracted.glob("*.json")):          # every file, so they agree with each other
        data = json.loads(path.read_bytes())
        edit(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    first = sorted(extracted.glob("*.json"))[0]
    with pytest.raises(InputError) as info:
        read_extractions([extracted])
    assert str(info.value) == (f"{first}: not an extraction `kg merge` can use: {reason}; run "
                               "`kg extract` again on its documents (with --force), or remove it")


def test_a_good_entry_opens():
    with pytest.raises(ValueError, match="not a JSON object but an array"):
        open_entry([])
