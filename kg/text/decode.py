"""Bytes → text: UTF-8, UTF-16/32 with BOM, or the legacy Chinese codecs
(GB18030, Big5), refusing binary or empty input with an
:class:`~kg.errors.InputError` that names the file and the fix."""

from __future__ import annotations

import codecs
import re
from collections import Counter

from kg.errors import InputError
from kg.text.tables import characters

__all__ = ["decode", "sniff"]

_MAGIC = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"PK\x03\x04", "ZIP (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip"), (b"\xd0\xcf\x11\xe0", "Microsoft Office (.doc)"), (b"{\\rtf", "RTF"),
    (b"\x7fELF", "executable"), (b"7z\xbc\xaf", "7-Zip"), (b"Rar!", "RAR"), (b"RIFF", "RIFF media"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What a wrong legacy codec produces from Chinese bytes: C1 controls, private
# use, replacement chars, Greek/Cyrillic, box drawing, kana, bopomofo, half-width kana.
_IMPLAUSIBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\u0370-\u052f\u2500-\u257f"
    "\u3040-\u30fa\u3100-\u312f\uff61-\uff9f]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LEGACY = ("gb18030", "big5", "big5hkscs")   # tried in this order; gb18030 ⊇ gbk ⊇ gb2312
_PLAUSIBLE_SHARE = 0.01
_BINARY_SHARE = 0.01
_LATIN_FREQUENT = 0.2   # below this share of frequent characters a decode may be Latin-1 mojibake
_FIX = "save it as UTF-8 text"
# The most frequent Chinese characters, Simplified and Traditional forms (read
# on first use): the right codec turns Chinese bytes into many of them, the
# wrong one into few.
_FREQUENT = "text/frequent_chars.txt"


def unreadable(path, exc: OSError) -> InputError:
    """The one error of an input file the system cannot read."""
    return InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the file "
                      "and its permissions")


def read_bytes(path) -> bytes:
    """The bytes of an input file; an OSError becomes :func:`unreadable`."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(path, exc) from exc


def decode(data: bytes, name: str) -> str:
    """Bytes → text with \\n line ends and no BOM, or an InputError naming ``name``."""
    if not data:
        raise InputError(f"{name}: empty file; put the article text in it or remove it")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: is a {kind} file, not plain text; {_FIX}")
    text = _decode_bom(data, name)
    if text is None:
        if b"\x00" in data:
            raise InputError(f"{name}: contains NUL bytes, so it is binary (or UTF-16 "
                             f"without a byte-order mark); {_FIX}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data":   # cut inside the last character
                text = data[:exc.start].decode("utf-8")
            else:
                text = _decode_legacy(data, name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _count(_CONTROL, text) > _BINARY_SHARE * len(text):
        raise InputError(f"{name}: looks binary (too many control characters); {_FIX}")
    if not text.strip():
        raise InputError(f"{name}: empty file (only whitespace); put the article text in it "
                         "or remove it")
    return text


def sniff(head: bytes, name: str) -> None:
    """An InputError when the first bytes of a file already show it is no
    text (a known binary type, NUL bytes without a UTF-16/32 byte-order
    mark), so that it is refused before it is read whole."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"{name}: is a {kind} file, not plain text; {_FIX}")
    if b"\x00" in head and not any(head.startswith(bom) for bom, _, _ in _BOMS):
        raise InputError(f"{name}: contains NUL bytes, so it is binary (or UTF-16 "
                         f"without a byte-order mark); {_FIX}")


def _decode_bom(data: bytes, name: str) -> str | None:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {label} byte-order mark but is not "
                                 f"valid {label} (byte {exc.start}); {_FIX}") from exc
    return None


def _decode_legacy(data: bytes, name: str) -> str:
    """GB18030 or Big5, whichever decodes strictly into plausible Chinese. A
    Big5 file usually also decodes as GB18030, into kana, Cyrillic and
    private-use junk, which the plausibility check rejects. When both look
    fine (short input), the one with more frequent characters wins; on a
    tie charset-normalizer decides."""
    scored: dict[str, tuple[float, str]] = {}
    latin = False
    for codec in _LEGACY:
        if codec == "big5hkscs" and "big5" in scored:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = _count(_IMPLAUSIBLE, text) / max(len(text), 1)
        if share <= _PLAUSIBLE_SHARE and not _latin_mojibake(text, codec):
            scored[codec] = (share, text)
        elif share <= _PLAUSIBLE_SHARE:
            latin = True
    if not scored and (latin or _mostly_ascii(data)):
        raise InputError(f"{name}: looks like Latin-1 or Windows-1252 text (accented letters read "
                         f"as Chinese would be nonsense), not Chinese; {_FIX}")
    if not scored:
        raise InputError(f"{name}: cannot decode as UTF-8, UTF-16, GB18030 or Big5; {_FIX}")
    if len(scored) == 1:
        return next(iter(scored.values()))[1]
    rank = {codec: (_frequent_share(text), _common_share(text, codec))
            for codec, (_, text) in scored.items()}
    top = max(rank.values())
    tied = [codec for codec in scored if rank[codec] == top]
    if len(tied) > 1:
        guess = _charset_guess(data)
        if guess in tied:
            return scored[guess][1]
    return scored[min(tied, key=lambda c: (scored[c][0], _LEGACY.index(c)))][1]


def _mostly_ascii(data: bytes) -> bool:
    """Bytes that are three quarters ASCII and decode as Windows-1252: a Western text."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return sum(b < 0x80 for b in data) >= 0.75 * len(data)


def _latin_mojibake(text: str, codec: str) -> bool:
    """Latin-1 or Windows-1252 bytes read as a Chinese codec: an accented
    letter's byte and the ASCII letter after it make one rare character
    (Zürich → Z黵ich). Most Han characters then have an ASCII second byte and
    few are frequent ones; real Chinese text is the opposite."""
    counts = _han_counts(text)
    total = sum(counts.values())
    if not total or _frequent_share(text) >= _LATIN_FREQUENT:
        return False
    ascii_trail = sum(n for char, n in counts.items()
                      if len(raw := char.encode(codec, "replace")) != 2 or raw[1] < 0x80)
    return ascii_trail > total / 2


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` match a one-character ``pattern``
    (without a list of them: a 20 MB file would make millions of strings)."""
    return len(text) - len(pattern.sub("", text))


def _han_counts(text: str) -> Counter:
    return Counter({c: n for c, n in Counter(text).items() if _HAN.match(c)})


def _frequent_share(text: str) -> float:
    counts = _han_counts(text)
    frequent = characters(_FREQUENT)
    total = sum(counts.values())
    return sum(n for c, n in counts.items() if c in frequent) / total if total else 0.0


def _common_share(text: str, codec: str) -> float:
    """Share of Han characters from the codec's frequent-character level
    (GB2312 level 1: lead bytes B0–D7; Big5 level 1: A4–C6). Short Chinese
    byte strings often decode under both codecs; the wrong one yields rare
    characters."""
    counts = _han_counts(text)
    if not counts:
        return 0.0
    lo, hi = (0xB0, 0xD7) if codec == "gb18030" else (0xA4, 0xC6)
    common = 0
    for char, n in counts.items():
        raw = char.encode(codec)
        common += n if len(raw) == 2 and lo <= raw[0] <= hi else 0
    return common / sum(counts.values())


def _charset_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "gbk", "gb2312", "big5", "cp950",
                                          "big5hkscs"]).best()
    if best is None:
        return None
    enc = best.encoding.lower().replace("-", "").replace("_", "")
    if enc in ("gb18030", "gbk", "gb2312"):
        return "gb18030"
    if enc in ("big5", "cp950"):
        return "big5"
    return "big5hkscs" if enc == "big5hkscs" else None
