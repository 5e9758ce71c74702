"""Dates said relative to the publication date (昨天, 上周, 本月, 3天前 …):
the phrases and what they mean are ``kg/data/relative_dates.tsv``; a text
without a publication date has none of these dates."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from kg.errors import KGError
from kg.resources import data_path

__all__ = ["Rule", "load_rules", "relative_dates"]

_UNITS = ("day", "week", "month")
_OFFSET = re.compile(r"-?\d+|-N")


@dataclass(frozen=True)
class Rule:
    phrase: str
    unit: str
    offset: str          # "-1", "0", or "-N"


def parse_rules(text: str, where: str = "relative_dates.tsv") -> tuple[Rule, ...]:
    rules = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or not cols[0] or cols[1] not in _UNITS or not _OFFSET.fullmatch(cols[2]) \
                or (cols[2] == "-N") != ("N" in cols[0]):
            raise KGError(f"{where}, line {n}: expected PHRASE<TAB>day|week|month<TAB>OFFSET "
                          "(an integer, or -N when the phrase holds N); fix the line")
        rules.append(Rule(*cols))
    return tuple(rules)


@functools.cache
def load_rules() -> tuple[Rule, ...]:
    path = data_path("relative_dates.tsv")
    return parse_rules(path.read_text(encoding="utf-8"), str(path))


@functools.cache
def _pattern(rules: tuple[Rule, ...]) -> re.Pattern:
    parts = []
    for rule in sorted(rules, key=lambda r: -len(r.phrase)):
        body = r"(?<!\d)(\d{1,3})".join(map(re.escape, rule.phrase.split("N")))
        parts.append(f"(?P<r{rules.index(rule)}>{body})")
    return re.compile("|".join(parts))


def relative_dates(text: str, start: int, end: int, anchor: str, rules: tuple[Rule, ...] | None = None):
    """(start, end, value, datatype) of the relative dates in text[start:end],
    against ``anchor`` (the publication date, ``YYYY-MM-DD``)."""
    try:
        issued = dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return []
    rules = load_rules() if rules is None else rules
    if not rules:
        return []
    out = []
    for m in _pattern(rules).finditer(text, start, end):
        name = m.lastgroup
        rule = rules[int(name[1:])]
        number = next((int(g) for g in m.groups() if g and g.isdigit()), None)
        offset = -number if rule.offset == "-N" else int(rule.offset)
        value = _value(issued, rule.unit, offset)
        if value:
            out.append((m.start(), m.end(), *value))
    return out


def _value(issued: dt.date, unit: str, offset: int):
    if unit == "day":
        return (issued + dt.timedelta(days=offset)).isoformat(), "date"
    if unit == "month":
        months = issued.year * 12 + issued.month - 1 + offset
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "gYearMonth"
    monday = issued - dt.timedelta(days=issued.weekday()) + dt.timedelta(weeks=offset)
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return None
    return f"{monday.year:04d}-{monday.month:02d}", "gYearMonth"
