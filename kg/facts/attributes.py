"""Literal attributes read from sentences: release dates (month and day
resolved against the year the text states or implies), parameter counts,
training cost in US dollars, founding year."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from kg.model import Mention
from kg.facts.relative_dates import relative_dates

_Y = r"(20\d{2}|19\d{2})\s*年"
_DATE_RES = [
    (re.compile(r"(20\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
    (re.compile(_Y + r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), "ymd"),
    (re.compile(_Y + r"\s*(\d{1,2})\s*月(?!\s*\d)"), "ym"),
    (re.compile(r"(去年|今年|明年|前年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), "rmd"),
    (re.compile(r"(去年|今年|明年|前年)\s*(\d{1,2})\s*月(?!\s*\d)"), "rm"),
    (re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), "md"),
    (re.compile(r"(?<![\d年])(\d{1,2})\s*月(?:份|初|中旬|上旬|下旬|底|末)?(?!\s*\d)"), "m"),
]
_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年")
_RELATIVE = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
# constructions whose words are the attributes.* lists of kg/data/words/facts.tsv
_RELEASE = "{{attributes.release}}"
_NUMBER = r"(\d+(?:\.\d+)?)\s*(万亿|千亿|百亿|亿|[BbTtMm])(?![A-Za-z])"
_PARAMS = _NUMBER + r"\s*(?:个|的)?\s*(?:总)?{{attributes.params}}"
_PARAMS_AFTER = r"(?:激活)?参数(?:量|规模)?\s*{{attributes.params_after_verb}}?\s*" + _NUMBER
_PARAMS_SIZE = r"(?<![\dA-Za-z.])(\d+(?:\.\d+)?)\s*([BT])(?![A-Za-z])\s*(?:的)?\s*{{attributes.size_noun}}"
_ACTIVE = "{{attributes.active}}"
_SCALE = {"b": 10**9, "t": 10**12, "m": 10**6, "亿": 10**8, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12}
_COST = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿|百万|千万)?\s*美元")
_COST_CUE = "{{attributes.cost}}"
_FOUND = "{{attributes.found}}"
_FOUNDED_IN = r"{{attributes.found}}(?:于|在)\s*((?:19|20)\d{2})\s*年"
_TARGET = r"{{attributes.target}}\s*$"
_CLAUSE_CUT = re.compile(r"[，,；;。：:]")
_MODELISH = frozenset({"AIModel", "Product", "Hardware"})


@dataclass(frozen=True)
class Found:
    subject: Mention
    prop: str
    value: str
    datatype: str
    sentence: tuple[int, int]
    anchor: str = ""         # the publication date the value's year or day was taken from


def year_context(text: str) -> list[tuple[int, int]]:
    """(position, year) of every explicit year, in order."""
    return [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]


def document_year(ctx, text: str) -> int | None:
    """The year a text is written in: a full date near its start, else the
    latest year it mentions (with 年 or inside a name such as "Summit
    2025"), leaving out targets and deadlines (到2030年, 计划2027年)."""
    head = text[:300]
    for rx, kind in _DATE_RES[:2]:
        m = rx.search(head)
        if m:
            return int(m.group(1))
    years = [int(m.group(1)) for m in re.finditer(r"(?<![\d.])(20[0-4]\d)\s*年", text)
             if not ctx.grammar(_TARGET).search(text[max(0, m.start() - 4):m.start()])]
    years += [int(y) for y in re.findall(r"(?<=[A-Za-z] )(20[0-4]\d)(?![\d.%])", text)]
    return max(years) if years else None


def dates_in(text: str, start: int, end: int, years, doc_year, anchor: str = ""):
    """(start, end, value, datatype, anchor) of date expressions in
    text[start:end]; ``anchor`` (the publication date, when known) is kept
    on the dates whose year it gave, and dates 昨天, 上周 … against it."""
    out, taken = [], []
    for rx, kind in _DATE_RES:
        for m in rx.finditer(text, start, end):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groups()
            anchored = ""
            if kind in ("ymd", "ym"):
                year = int(g[0])
            elif kind in ("rmd", "rm"):
                year = doc_year + _RELATIVE[g[0]] if doc_year else None
                anchored = anchor
            else:       # month/day alone: the year this sentence states, else the document's
                k = bisect_left(years, (m.start(),))      # the years before this date
                stated = bool(k) and years[k - 1][0] >= start
                year = years[k - 1][1] if stated else doc_year
                anchored = "" if stated else anchor
            if year is None:
                continue
            nums = [int(x) for x in g if x and x.isdigit()]
            month = nums[1] if kind in ("ymd", "ym") else nums[0]
            day = (nums[2] if kind == "ymd" else nums[1]) if kind in ("ymd", "rmd", "md") else None
            if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            taken.append((m.start(), m.end()))
            if day is None:
                out.append((m.start(), m.end(), f"{year:04d}-{month:02d}", "gYearMonth", anchored))
            else:
                out.append((m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}", "date", anchored))
    for s, e, value, datatype in relative_dates(text, start, end, anchor) if anchor else ():
        if not any(s < te and ts < e for ts, te in taken):
            out.append((s, e, value, datatype, anchor))
    return sorted(out)


def _number(value: str, unit: str) -> int:
    return int(round(float(value) * _SCALE[unit.lower() if unit.isascii() else unit]))


def extract_attributes(ctx, passage, released, doc_year, anchor: str = ""):
    """Attributes of the typed mentions of ``passage``; ``anchor`` is the
    publication date (``YYYY-MM-DD``), when known. ``released``:
    (object, sentence span) of the release facts already found; a hedge
    (``ctx.hedged``) before a trigger cancels one."""
    hedged, grammar = ctx.hedged, ctx.grammar
    release, active = grammar(_RELEASE), grammar(_ACTIVE)
    cost_cue, found, founded_in = grammar(_COST_CUE), grammar(_FOUND), grammar(_FOUNDED_IN)
    params = [grammar(x) for x in (_PARAMS, _PARAMS_AFTER, _PARAMS_SIZE)]
    text = passage.text
    years = year_context(text)
    out: list[Found] = []
    ms = list(passage.mentions)
    released_in: dict[tuple[int, int], list] = {}      # sentence span → its release objects
    for o, span in released or ():
        released_in.setdefault(span, []).append(o)
    for sent in passage.sentences:
        s, e, inside = sent.start, sent.end, sent.mentions
        if not inside:
            continue
        models = [m for m in inside if m.cls == "AIModel"]
        dates = dates_in(text, s, e, years, doc_year, anchor) if release.search(text, s, e) else []
        facts = released_in.get((s, e), [])
        for o in facts if dates else ():       # the date of a release the relations found
            date = _nearest_date(dates, o.start)
            if date and not (date[1] <= o.start and _YEAR.search(text, date[1], o.start)) \
                    and not hedged(text[s:o.start][-12:]):
                out.append(Found(o, "releaseDate", date[2], date[3], (s, e), date[4]))
        for trig in release.finditer(text, s, e) if dates and not facts else ():
            if hedged(text[s:trig.start()][-12:]):
                continue
            things = [m for m in inside if m.cls in _MODELISH]
            after = [m for m in things if 0 <= m.start - trig.end() <= 16]
            targets = _group(text, things, after[0]) if after else \
                [t for t in [_nearest(things, trig.start(), trig.end(), 16, left_only=True)] if t]
            date = _nearest_date(dates, trig.start())
            if date and date[1] <= trig.start() and _YEAR.search(text, date[1], trig.start()):
                date = None     # another year stands between: 2022年8月…，并在2021年推出了…
            for target in targets if date else ():
                out.append(Found(target, "releaseDate", date[2], date[3], (s, e), date[4]))
        for rx in params:
            for m in rx.finditer(text, s, e):
                left = max(s, *(text.rfind(c, s, m.start()) + 1 for c in "，,；;"))
                right = min([m.end() + 4] + [i for i in (text.find(c, m.end(), m.end() + 4) for c in "，,；;") if i >= 0])
                window = text[max(left, m.start() - 8):right]       # this clause only
                prop = "activeParameterCount" if active.search(window) else "parameterCount"
                pool = models
                if not models:      # the sentence names none: the last one named before
                    pool = [x for x in ms if x.cls == "AIModel" and s - 300 <= x.start and x.end <= s]
                near = _nearest(pool, m.start(), m.end(), 40 if models else 200, left_only=not models) \
                    or _nearest(pool, m.start(), m.end(), 200, left_only=True)
                for target in _group(text, pool, near):
                    out.append(Found(target, prop, str(_number(m.group(1), m.group(2))), "integer", (s, e)))
        for m in _COST.finditer(text, s, e):
            if cost_cue.search(text, max(s, m.start() - 12), m.start()) or \
                    cost_cue.match(text, m.end(), min(e, m.end() + 4)):
                target = _nearest(models, m.start(), m.end(), 60, left_only=True)
                if target:
                    scale = {"万": 10**4, "亿": 10**8, "百万": 10**6, "千万": 10**7}.get(m.group(2) or "", 1)
                    out.append(Found(target, "trainingCostUSD", str(int(round(float(m.group(1)) * scale))),
                                     "integer", (s, e)))
        para = text.rfind("\n", 0, s) + 1
        for m in founded_in.finditer(text, s, e):          # 智谱成立于2019年
            orgs = [x for x in inside if x.cls in ("Company", "Organization") and 0 <= m.start() - x.end <= 8]
            if orgs and not hedged(text[s:m.start()][-12:]):
                out.append(Found(orgs[-1], "foundedYear", m.group(1), "gYear", (s, e)))
        for trig in found.finditer(text, s, e):
            if founded_in.match(text, trig.start()):
                continue
            ys = [(p, y) for p, y in years if para <= p < trig.start()] or _month_year(text, para, trig.start(), years)
            orgs = [m for m in inside if m.cls in ("Company", "Organization")
                    and 0 <= trig.start() - m.end <= 8][-1:]          # X(正式注册)成立
            orgs = orgs or [m for m in inside if m.cls in ("Company", "Organization")
                            and 0 <= m.start - trig.end() <= 25
                            and not _CLAUSE_CUT.search(text, trig.end(), m.start)]      # 创办X
            if ys and orgs and not hedged(text[s:trig.start()][-12:]):
                out.append(Found(orgs[0], "foundedYear", str(ys[-1][1]), "gYear", (s, e)))
    return out


_MONTH_ONLY = re.compile(r"(?<![\d年])\d{1,2}\s*月(?:份|初|中旬|上旬|下旬|底|末)?\s*[，,]?")


def _month_year(text, para, pos, years, reach=300):
    """2023年，…爆发。⏎ 2月，X宣布…创办Y: a paragraph that opens with a
    month and no year is in the year stated last before it (close by)."""
    if not _MONTH_ONLY.match(text, para) or para - pos > 0:
        return []
    before = [(p, y) for p, y in years if para - reach <= p < para]
    return before[-1:]


def _nearest(ms, start, end, limit, left_only=False):
    best, dist = None, limit + 1
    for m in ms:
        d = start - m.end if m.end <= start else (m.start - end if not left_only else limit + 1)
        if 0 <= d < dist:
            best, dist = m, d
    return best


def _nearest_date(dates, pos):
    before = [d for d in dates if d[1] <= pos]
    if before:
        return before[-1]
    after = [d for d in dates if d[0] >= pos and d[0] - pos <= 12]
    return after[0] if after else None


def _group(text, models, m):
    """m with the models coordinated with it (R1 和 R1-Zero)."""
    if m is None:
        return []
    i = models.index(m)
    group = [m]
    for j in range(i - 1, -1, -1):
        if re.fullmatch(r"\s*(?:和|与|及|、|以及|/)\s*", text[models[j].end:group[0].start]):
            group.insert(0, models[j])
        else:
            break
    for j in range(i + 1, len(models)):
        if re.fullmatch(r"\s*(?:和|与|及|、|以及|/)\s*", text[group[-1].end:models[j].start]):
            group.append(models[j])
        else:
            break
    return group
