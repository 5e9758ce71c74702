"""Shapes of names no list knows: Latin-script name runs and model,
version and chip shapes (DeepSeek-R1-0528, Claude 3.7 Sonnet, GLM-130B,
Kimi k1.5, H800, MI300X, 文心一言4.5)."""

from __future__ import annotations

import re

# one Latin token: a word with inner . - / & + ' (Data.ai, I/O, AT&T), or a number-led version (4o, 3.7, 405B, 8x7B)
_TOKEN = r"(?:[A-Za-z][A-Za-z0-9]*(?:[.\-&+'][A-Za-z0-9]+|/[A-Za-z](?![A-Za-z0-9]))*(?:\+{1,2}(?![A-Za-z0-9+]))?|\d+(?:\.\d+)*[A-Za-z]*\d*(?:-[A-Za-z0-9]+)*)"
TOKEN_RE = re.compile(_TOKEN)
# a run: tokens joined by one space or hyphen
RUN_RE = re.compile(rf"(?<![0-9A-Za-z.\-]){_TOKEN}(?:[ \-]{_TOKEN})*")

VERSION_RE = re.compile(r"^(?:v|V)?\d+(?:\.\d+)*[A-Za-z]{0,2}\d*$|^[A-Za-z]\d+(?:\.\d+)*(?:-[a-z]+)?$")
SHORT_MODEL_RE = re.compile(r"^[A-Za-z]\d+(?:\.\d+)?(?:-[A-Za-z]+)?$")   # R1, V3, o1, k1.5, o3-mini
HARDWARE_RE = re.compile(
    r"^(?:[ABHLV]\d{2,3}[A-Z]?|[BG]B\d{3}|H\d{3}[A-Z]?|MI\d{3}[A-Z]?|RTX ?\d{4}[A-Za-z ]*|"
    r"GTX ?\d{3,4}|TPU ?v?\d*[a-z]*|Gaudi ?\d|Trainium\d?|Inferentia\d?|Ascend ?\d{3}[A-Z]?)$")
MODEL_WORDS = frozenset("""
mini pro max flash turbo lite plus ultra instruct chat sonnet opus haiku preview
zero base coder math vision vl omni nano large medium small tiny exp thinking reasoner
scout maverick behemoth distill deep research r1 v2 v3 k1 o1 o3 o4
""".split())
PRODUCT_WORDS = frozenset("app search plus pro team enterprise operator assistant cloud".split())
# lower-case words that end a run ("Qwen2.5-Max with QwQ")
_BREAK = frozenset("""
and or with vs versus of the a an in on at for to from by is are was be as via
""".split())


def latin_runs(text: str, stop: frozenset[str] = frozenset(),
               units: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Spans of Latin-script name runs: a letter-led first token, then
    tokens that are capitalised, contain digits or are model words (mini,
    pro, flash …); a lower-case English word or a ``stop`` word (CEO, GPU)
    ends the run. A bare number glued to the end is cut off when it is a
    year or ``units`` (%, 年, 万, 岁 …) follows it (Anthropic 80% → Anthropic)."""
    out = []
    for m in RUN_RE.finditer(text):
        toks = [(t.start(), t.end()) for t in TOKEN_RE.finditer(text, m.start(), m.end())]
        start = None
        prev_end = m.start()
        for s, e in toks:
            word = text[s:e]
            keep = (word[0].isupper() or any(c.isdigit() for c in word)
                    or word.lower() in MODEL_WORDS or (start is None and _camel(word)))
            if word.lower() in _BREAK or not keep or word.lower() in stop or word.lower().replace("-", "") in stop:
                if start is not None:
                    out.append((start, prev_end))
                start = None
                prev_end = e
                continue
            if start is None:
                if not word[0].isalpha():
                    prev_end = e
                    continue
                start = s
            prev_end = e
        if start is not None:
            out.append((start, prev_end))
    out = [unglue(text, s, e, units) for s, e in out]
    return [(s, e) for s, e in out if _plausible(text[s:e]) and not code_like(text, s, e)]


# identifier.identifier: a dotted name in program code (document.body.appendChild)
_DOTTED = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+")


def code_like(text: str, s: int, e: int) -> bool:
    """Program code, not a name: a dotted identifier that starts lower-case
    (document.body, node.appendChild), one of three or more parts of which
    a later one does (window.location.href), a camel-case member
    (React.createElement), or a dotted one called with brackets (Foo.bar(…)).
    Data.ai, Character.AI, Node.js, U.S.A stay names."""
    for m in _DOTTED.finditer(text, s, e):
        parts = m.group().split(".")
        if m.end() < len(text) and text[m.end()] == "(":
            return True
        if len(parts[0]) > 1 and parts[0][0].islower() and any(c.isupper() for c in m.group()):
            return True
        if len(parts) >= 3 and all(len(p) > 1 for p in parts) and any(p[0].islower() for p in parts[1:]):
            return True
        if any(p[0].islower() and any(c.isupper() for c in p) for p in parts[1:]):   # .createElement
            return True
    return False


_BARE_NUMBER = re.compile(r"[ \-](\d+(?:\.\d+)?)$")
_YEAR = re.compile(r"(?:19|20)\d\d")


def unglue(text: str, s: int, e: int, units: re.Pattern | None) -> tuple[int, int]:
    """The run without a trailing bare number that is no part of the name:
    a year (The Foo Show 2025, Foo 2024年), or a number a unit follows
    (Foo 80%, Foo 7500万)."""
    while True:
        m = _BARE_NUMBER.search(text, s, e)
        if m is None or m.start() == s:
            return s, e
        after = text[e:e + 4].lstrip(" ")
        if not (_YEAR.fullmatch(m.group(1)) or (units is not None and units.match(after))):
            return s, e
        e = m.start()


def _camel(word: str) -> bool:
    return any(c.isupper() for c in word[1:])      # iPhone, xAI, eBay


def _plausible(run: str) -> bool:
    if len(run) < 2:
        return False
    if run.isdigit() or re.fullmatch(r"[\d.,%x]+", run):
        return False
    return True


def split_tokens(run: str) -> list[str]:
    return re.split(r"[ \-]", run)


def is_version(token: str) -> bool:
    return bool(VERSION_RE.match(token))


def looks_like_model(run: str) -> bool:
    """A name with a version part: GLM-130B, MiniMax-Text-01, Janus-Pro-7B,
    Step 3.5 Flash (needs a letter-led head and a digit or model word)."""
    parts = split_tokens(run)
    if len(parts) < 2 and not (re.search(r"[A-Za-z]{2,}\d", run) and re.search(r"[A-Z]", run)):
        return False
    tail = parts[1:] if len(parts) > 1 else [run]
    return any(any(c.isdigit() for c in p) or p.lower() in MODEL_WORDS for p in tail)


def looks_like_hardware(run: str) -> bool:
    return bool(HARDWARE_RE.match(run))


_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][A-Za-z0-9&.'\-]*|of|and|&) $")


def extend_left(text: str, s: int, limit: int = 4) -> int:
    """Where a legal name ending at a suffix begins: the capitalised words
    right before it that a stop word cut off (Apollo Global | Management
    Inc → Apollo Global Management Inc)."""
    for _ in range(limit):
        m = _CAPITALISED_BEFORE.search(text, max(0, s - 30), s)
        if m is None or (m.start() > 0 and (text[m.start() - 1].isalnum())):
            break
        s = m.start()
    while text[s:s + 3] in ("of ", "and") or text[s:s + 2] == "& ":
        s = text.index(" ", s) + 1
    return s
