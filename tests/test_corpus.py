import codecs
import hashlib
from pathlib import Path

import pytest

from kg.text.decode import decode
from kg.text.document import Document, title_of
from kg.text.files import iter_input_files, read_document
from kg.errors import InputError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SIMPLIFIED = "深度求索（DeepSeek）发布了R1模型，梁文锋表示：“开源是一种文化。”\n英伟达市值下跌了17%。"
TRADITIONAL = "黃仁勳表示，輝達將在台灣設立總部。\n深度求索發佈了R1模型，「開源」是一種文化。"


@pytest.mark.parametrize("text, data", [
    (SIMPLIFIED, SIMPLIFIED.encode("utf-8")),
    (SIMPLIFIED, codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8")),
    (SIMPLIFIED, SIMPLIFIED.encode("utf-16")),                                 # BOM, LE here
    (SIMPLIFIED, codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le")),
    (SIMPLIFIED, codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be")),
    (SIMPLIFIED, SIMPLIFIED.encode("utf-32")),
    (SIMPLIFIED, SIMPLIFIED.encode("gb18030")),
    (SIMPLIFIED, SIMPLIFIED.encode("gbk")),
    (TRADITIONAL, TRADITIONAL.encode("utf-8")),
    (TRADITIONAL, TRADITIONAL.encode("big5")),
    (TRADITIONAL, TRADITIONAL.encode("gb18030")),
    ("黃仁勳表示", "黃仁勳表示".encode("big5")),                                  # short: both decode
    ("深度求索", "深度求索".encode("gb18030")),
    ("梁文锋", "梁文锋".encode("gb18030")),
], ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf32", "gb18030", "gbk",
        "trad-utf8", "big5", "trad-gb18030", "big5-short", "gb-short", "gb-short2"])
def test_decode_round_trips(text, data):
    assert decode(data, "a.txt") == text


@pytest.mark.parametrize("seed, codec", [
    ("000", "gb18030"), ("001", "gb18030"), ("004", "gb18030"), ("003", "big5"),
])
def test_decode_seeds_in_legacy_codecs(seed, codec):
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text("utf-8")
    assert decode(text.encode(codec), "seed.txt") == text


def test_decode_drops_a_truncated_last_character():
    assert decode(SIMPLIFIED.encode("utf-8")[:-1], "cut.txt") == SIMPLIFIED[:-1]


def test_decode_normalises_line_ends_and_bom():
    assert decode(b"\xef\xbb\xbfa\r\nb\rc\n", "x.txt") == "a\nb\nc\n"
    assert decode("\ufeff标题\r\n正文".encode("utf-16"), "x.txt") == "标题\n正文"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t\r\n ", "empty file"),
    ("\u3000\n".encode("utf-8"), "empty file"),
    (codecs.BOM_UTF8, "empty file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ("正文\x00正文".encode("utf-8"), "NUL"),
    ("黄仁勋 said".encode("utf-16-le"), "NUL"),                                 # UTF-16 without BOM
    (bytes(range(256)) * 4, "NUL"),
    (b"\x01\x02\x03\x04\x05abc\x06\x07\x08", "binary"),
    (b"\x81\x20\x81\x20\xff\xff", "cannot decode as UTF-8, UTF-16, GB18030 or Big5"),
    (b"caf\xe9 cr\xe8me br\xfbl\xe9e", "looks like Latin-1"),                     # Latin-1
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),
], ids=["empty", "blank", "ideographic-space", "bom-only", "pdf", "png", "jpeg", "zip", "nul",
        "utf16-no-bom", "random", "controls", "undecodable", "latin1", "bad-utf16"])
def test_decode_rejects(data, reason):
    with pytest.raises(InputError) as info:
        decode(data, "news/bad file.txt")
    message = str(info.value)
    assert message.startswith("news/bad file.txt: ") and reason in message
    assert "\n" not in message


def test_read_document(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("# 初闻DeepSeek #\r\n\r\n正文。".encode("gb18030"))
    doc = read_document(path)
    text = "# 初闻DeepSeek #\n\n正文。"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert doc == Document(sha[:16], sha, "初闻DeepSeek", text, ("article.txt",))


def test_read_document_errors_name_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.txt: empty file"):
        read_document(empty)
    with pytest.raises(InputError, match=r"missing\.txt: cannot read"):
        read_document(tmp_path / "missing.txt")


def test_read_document_seeds():
    docs = [read_document(p) for p in sorted(SEEDS.glob("*.txt"))]
    assert [d.title for d in docs][0] == "初闻DeepSeek"
    assert docs[4].title == "IT之家的家友们,蛇年吉祥!"
    assert len({d.doc_id for d in docs}) == 5 and all(len(d.doc_id) == 16 for d in docs)
    assert all(len(d.title) <= 120 for d in docs)


@pytest.mark.parametrize("text, title", [
    ("初闻DeepSeek#\n正文", "初闻DeepSeek"),
    ("\n\n   ## 标题 ##  \n正文", "标题"),
    ("> **引用标题**\n", "引用标题"),
    ("- 列表项\n", "列表项"),
    ("![](http://x.cn/a.jpg)\n真正的标题", "真正的标题"),
    ("###\n第二行", "第二行"),
    ("长" * 200, "长" * 120),
    ("C#入门", "C#入门"),
    ("   \n", ""),
])
def test_title_of(text, title):
    assert title_of(text) == title


def test_iter_input_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    for name in ["a.txt", "b/c.txt", "b/deep/d.TXT", "b/notes.md", "b/.hidden.txt"]:
        (tmp_path / name).write_text("正文", "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x", "utf-8")
    extra = tmp_path / "b" / "notes.md"
    found = iter_input_files([tmp_path / "b", tmp_path, tmp_path / "a.txt", extra])
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == ["a.txt", "b/c.txt", "b/deep/d.TXT", "b/notes.md"]
    assert iter_input_files([tmp_path]) == iter_input_files([tmp_path, tmp_path])


def test_iter_input_files_missing_path(tmp_path):
    with pytest.raises(InputError, match="nope: no such file or folder"):
        iter_input_files([tmp_path, tmp_path / "nope"])
