"""Clean a news article for extraction, keeping a map back to the original.

Each step is a small pure function ``Normalized -> Normalized`` (textacy style)
that rewrites the text and composes the offset map: a deleted span drops its
offsets, a 1→n replacement repeats the source offset. :func:`normalize` runs
``PIPELINE``; :func:`kg.text.sentences.split_sentences` cuts the result into
bounded sentences."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix
from typing import Callable, Iterable

from kg.text.tables import words


@dataclass(frozen=True)
class Normalized:
    """``offsets[i]`` is where normalised char ``i`` came from in the original;
    ``offsets[len(text)]`` is the original's end."""
    text: str
    offsets: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.offsets) != len(self.text) + 1:
            raise ValueError(f"{len(self.offsets)} offsets for {len(self.text)} characters")

    @classmethod
    def of(cls, original: str) -> Normalized:
        """The identity: nothing normalised yet."""
        return cls(original, tuple(range(len(original) + 1)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span whose characters produced ``text[start:end]``."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside 0..{len(self.text)}")
        start_at = self.offsets[start]
        return start_at, self.offsets[end - 1] + 1 if end > start else start_at


Step = Callable[[Normalized], Normalized]
Edit = tuple[int, int, str]   # replace text[start:end] by the string ("" deletes)


def _apply(norm: Normalized, edits: Iterable[Edit]) -> Normalized:
    """Apply sorted, non-overlapping edits and compose the offset map. An
    m→n replacement maps new char k to source char start + k*m//n, so offsets
    stay monotone and a 1→n replacement repeats its source offset."""
    text, offs = norm.text, norm.offsets
    parts, out, pos = [], [], 0   # text pieces, their offsets, next unread char
    for start, end, repl in edits:
        if start < pos:
            continue
        parts.append(text[pos:start])
        out.extend(offs[pos:start])
        if repl:
            parts.append(repl)
            m, n = end - start, len(repl)
            if m == n:
                out.extend(offs[start:end])
            else:
                out.extend(offs[start + k * m // n] for k in range(n))
        pos = end
    if not parts and pos == 0:
        return norm
    parts.append(text[pos:])
    out.extend(offs[pos:])
    return Normalized("".join(parts), tuple(out))


def _deleter(pattern: re.Pattern[str], name: str) -> Step:
    def step(norm: Normalized) -> Normalized:
        return _apply(norm, ((m.start(), m.end(), "") for m in pattern.finditer(norm.text)))
    step.__name__ = step.__qualname__ = name
    return step


_KEEP_WIDTH = frozenset("…‥")      # NFKC would make them "..." / ".."; keep the ellipsis


@lru_cache(maxsize=65536)
def _nfkc(ch: str) -> str:
    return ch if ch in _KEEP_WIDTH else unicodedata.normalize("NFKC", ch)


def fold_width(norm: Normalized) -> Normalized:
    """NFKC per character: ，（）：Ａ１ → ,():A1, U+3000 → space, ™ → TM; CJK
    punctuation 。、「」《》 and the middle dots ・ · stay as they are."""
    text = norm.text
    if text.isascii():
        return norm
    changed = {c: f for c in set(text) if (f := _nfkc(c)) != c}
    if not changed:
        return norm
    chars = re.compile("[" + "".join(re.escape(c) for c in changed) + "]")
    return _apply(norm, ((m.start(), m.end(), changed[m.group()]) for m in chars.finditer(text)))


_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
#: Control characters, zero-width spaces/joiners, soft hyphens, bidi marks, BOMs.
strip_invisible = _deleter(_INVISIBLE, "strip_invisible")


# The patterns below start with a character class, so that `re` skips ahead
# fast; a lookbehind then tells which branch applies.
# bounded repeats keep a long line of stray "![" or "<img" linear
_MD_IMAGE = re.compile(r"[!<](?:(?<=!)\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)|(?<=<)(?i:img)\b[^>\n]{0,2000}>)")


def strip_markdown_images(norm: Normalized) -> Normalized:
    """``![alt](url)`` and ``<img …>``; a line holding only an image goes whole."""
    text = norm.text

    def edits():
        for m in _MD_IMAGE.finditer(text):
            start, end = m.span()
            newline = text.rfind("\n", max(0, start - 200), start)
            line_start = newline + 1
            line_end = text.find("\n", end, end + 200) + 1 or min(len(text), end + 200)
            if (newline >= 0 or start <= 200) and not text[line_start:start].strip(" \t") \
                    and not text[end:line_end].strip():
                start, end = line_start, line_end
            yield start, end, ""
    return _apply(norm, edits())


_U = r"[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]"
_U_END = r"[A-Za-z0-9_~/#@$&*+=%]"
_URL_TAIL = rf"(?:{_U}|\({_U}*\))*(?:{_U_END}|\({_U}*\))"
_URL_BODY = rf"(?i:https?://|www\.){_URL_TAIL}"
_URL = re.compile(
    rf"[\[<hHwW](?:(?<=\[)(?P<label>[^\]\n]{{0,300}})\]\(\s*{_URL_BODY}\s*\)"   # [label](url) → label
    rf"|(?<=<){_URL_BODY}>"                                             # <url>
    rf"|(?<![A-Za-z0-9@.].)(?:(?<=[hH])(?i:ttps?://)|(?<=[wW])(?i:ww\.)){_URL_TAIL})")


def strip_urls(norm: Normalized) -> Normalized:
    """Delete bare http(s):// and www. URLs and ``<url>``; a markdown link
    keeps only its label."""
    def edits():
        for m in _URL.finditer(norm.text):
            if m.group("label") is None:
                yield m.start(), m.end(), ""
            else:
                yield m.start(), m.start("label"), ""
                yield m.end("label"), m.end(), ""
    return _apply(norm, edits())


_PINYIN = re.compile(r"[(（](?<=[\u3400-\u9fff][(（])[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
#: 會(huì) → 會: a tone-marked pinyin gloss right after a Han character.
strip_pinyin = _deleter(_PINYIN, "strip_pinyin")


def without_pinyin(text: str) -> str:
    """``text`` without its inline pinyin glosses (國(guó)家 → 國家), for display."""
    return _PINYIN.sub("", text)

_PRICE = re.compile(
    r"[(（]\s*\d+(?:\.\d+)?\s*[,，]\s*[-+]?\d+(?:\.\d+)?\s*[,，]\s*[-+]?\d+(?:\.\d+)?%\s*[)）]")
#: 阿尔特(12.120, -0.09, -0.74%)曼 → 阿尔特曼: stock quotes pasted into names.
strip_price_quotes = _deleter(_PRICE, "strip_price_quotes")

_TICKER = r"""
  [(（0-9](?:
    (?<=[(（])\s*(?:
        (?:sh|sz|bj|hk|us)\s*[.:：]?\s*\d{4,6}                 # (sh600730) (HK:00700)
      | \d{4,6}\s*\.\s*(?:sh|sz|ss|bj|hk)                      # (600730.SH) (00700.HK)
      | 0\d{4}                                                 # (00700): HK code
      | (?:EXCHANGES)
        \s*[:：]\s*(?-i:[A-Z][A-Z0-9.]{0,9})                   # (NASDAQ:NVDA)
      | (?-i:[A-Z]{1,5}(?:\.[A-Z])?\.(?:US|O|N))               # (NVDA.US) (NVDA.O)
      | (?:STOCK_CODE)\s*[:：]?\s*[A-Za-z0-9.]{4,10}           # (stock code: 600730)
    )\s*[)）]
  | (?<=[0-9])(?<![0-9A-Za-z.].)\d{3,5}\.(?:hk|sh|sz)(?![0-9A-Za-z])  # bare 09988.HK
  )"""


@lru_cache(maxsize=1)
def _ticker() -> re.Pattern[str]:
    """The ticker pattern with the exchange names and the words for a stock
    code of ``kg/data/words/text.tsv`` (read on first use)."""
    def alt(kind: str) -> str:
        return "|".join(map(re.escape, words(kind)))
    return re.compile(_TICKER.replace("EXCHANGES", alt("text.exchanges"))
                      .replace("STOCK_CODE", alt("text.stock_code")), re.I | re.X)


def strip_tickers(norm: Normalized) -> Normalized:
    """中国高科(sh600730)技 → 中国高科技; (00700.HK), 09988.HK, (NASDAQ:NVDA), (NVDA.US)."""
    return _apply(norm, ((m.start(), m.end(), "") for m in _ticker().finditer(norm.text)))


@lru_cache(maxsize=1)
def t2s_converter():
    import opencc  # the official binding; created once, on first use; kg.eval uses it too

    return opencc.OpenCC("t2s.json")


_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


def to_simplified(norm: Normalized) -> Normalized:
    """OpenCC t2s. Its character table is 1:1, so offsets carry over; if a phrase
    changes length, only where a Han run differs from its char-by-char conversion
    is re-aligned (monotone)."""
    text = norm.text
    convert = t2s_converter().convert
    converted = convert(text)
    if converted == text:
        return norm
    if len(converted) == len(text):
        return Normalized(converted, norm.offsets)
    return _apply(norm, _realigned(text, convert))


def _realigned(text: str, convert: Callable[[str], str]) -> Iterable[Edit]:
    for m in _HAN_RUN.finditer(text):
        run, out = m.group(), convert(m.group())
        if out == run:
            continue
        chars = "".join(convert("\n".join(run)).split("\n"))
        if len(chars) != len(run):
            chars = ""
        p = len(commonprefix([out, chars]))
        q = min(len(commonprefix([out[::-1], chars[::-1]])), min(len(out), len(chars)) - p)
        yield m.start(), m.start() + p, out[:p]
        yield m.start() + p, m.end() - q, out[p:len(out) - q]
        yield m.end() - q, m.end(), out[len(out) - q:]


TRADITIONAL_SHARE = 0.02   # Traditional seeds: ~0.30; Simplified seeds: ≤ 0.0005
TRADITIONAL_MIN_CHARS = 3  # distinct changed characters, so a lone 昇腾 is not enough


def is_traditional(text: str) -> bool:
    """True when enough of the Han characters change under t2s (t2s must not
    touch Simplified text: it turns 昇腾 into 升腾)."""
    counts = Counter(text)
    han = [c for c in counts if _HAN_RUN.fullmatch(c)]
    if not han:
        return False
    simplified = t2s_converter().convert("\n".join(han)).split("\n")
    changed = [c for c, s in zip(han, simplified) if c != s]
    total = sum(counts[c] for c in han)
    return (len(changed) >= min(TRADITIONAL_MIN_CHARS, len(han))
            and sum(counts[c] for c in changed) >= TRADITIONAL_SHARE * total)


_SPACES = re.compile(r"[\r\t\f\v ](?:(?<=\r)\n?|(?<=[\t\f\v])[ \t\f\v]*|(?<= )[ \t\f\v]+)")


def collapse_spaces(norm: Normalized) -> Normalized:
    """Runs of spaces/tabs → one space (the run's first char); \\r\\n, \\r → \\n."""
    return _apply(norm, ((m.start(), m.end(), "\n" if m.group()[0] == "\r" else " ")
                         for m in _SPACES.finditer(norm.text)))


PIPELINE: tuple[Step, ...] = (
    fold_width, strip_invisible, strip_markdown_images, strip_urls, strip_pinyin,
    strip_price_quotes, strip_tickers, to_simplified, collapse_spaces)


def normalize(original: str, *, traditional: bool | None = None) -> Normalized:
    """Run :data:`PIPELINE`; t2s only for Traditional text (``traditional``,
    or detected with :func:`is_traditional` when None)."""
    if traditional is None:
        traditional = is_traditional(original)
    norm = Normalized.of(original)
    for step in PIPELINE:
        if step is to_simplified and not traditional:
            continue
        norm = step(norm)
    return norm
