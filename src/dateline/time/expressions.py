"""Temporal expressions in running news text, resolved against an anchor date.

`find_times` finds calendar expressions ("Dec. 23, 2020", "on Wednesday", "next month",
"three years ago", "the third quarter") and resolves each to a TimeML-style value with its
granularity. Expressions that name no calendar time (durations, "recently", "now") or that
cannot be resolved with the anchor given are skipped.

Conventions:
- The extent leaves out a leading preposition ("on Wednesday" → "Wednesday"), as TimeML does.
- Weeks are ISO weeks ("2020-W52", granularity "week"); quarters "1989-Q3"; decades "199".
- Past contexts resolve an ambiguous date to the closest one not after the anchor (the anchor
  day itself included); a future cue ("will", "next", "this coming", "scheduled") nearby, or
  `past=False`, resolves it to the closest one not before the anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.model import Granularity
from dateline.time.values import (
    NUMBERS,
    WEEKDAYS,
    TimeGranularity,
    add_months,
    bounds,
    day_value,
    month_number,
    month_value,
    ordinal_number,
    quarter_value,
    safe_date,
    week_value,
)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text: its span, its words and its resolved value."""

    start: int
    end: int
    text: str
    value: str
    granularity: TimeGranularity

    @property
    def first_day(self) -> dt.date:
        return bounds(self.value, self.granularity)[0]

    @property
    def last_day(self) -> dt.date:
        return bounds(self.value, self.granularity)[1]


@dataclass(frozen=True)
class _Context:
    """What a resolver knows: the anchor's span (None: no anchor) and the tense to assume."""

    first: dt.date | None
    last: dt.date | None
    granularity: Granularity | None
    future: bool

    def at_least(self, granularity: Granularity) -> bool:
        """Whether the anchor is precise enough to resolve a `granularity`-relative expression."""
        order = {"day": 0, "month": 1, "year": 2}
        return self.granularity is not None and order[self.granularity] <= order[granularity]


_Resolved = tuple[str, TimeGranularity] | None

# Month and weekday names are matched case-insensitively and then required to be capitalised
# (see `_capitalised`): "may" and "march" are common words, "MAY" in a headline is not.
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
)
_FULL_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?![a-z])"
)
_WEEKDAY = r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![a-z])"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d%])"
_PHASE = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[-\s]+)?"
_PREP = r"(?:\b(?P<prep>on|in|since|until|till|by|during|from|through|before|after|of|for|to|between)\s+)?"
# A four-digit number followed by a unit or a plural noun is a count ("2020 people"), not a year.
_NOT_A_COUNT = r"(?!\s*(?:percent|per\s+cent|people|men|women|children|police|staff|[a-z]{3,}s)\b)"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_COUNT = rf"(?P<count>{'|'.join(NUMBERS)}|\d{{1,3}})"

# Words that make an ambiguous date ("Wednesday", "Dec. 28") refer forward rather than back;
# deadlines ("by Jan. 14", "payable Dec. 15") are mostly ahead of the report.
_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|would|scheduled|expected\s+to|plans?\s+to|planned|due\s+to|set\s+to|going\s+to"
    r"|upcoming|to\s+be\s+held|intends?\s+to|next|coming|payable|effective|deadline|by|until|till)\b",
    re.IGNORECASE,
)
_PAST_CUE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|was|were|had|did|ago|last|earlier|previous)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[.!?;\n]\s|\bthat\b|\bsaid\b|\bsays\b")


def _capitalised(match: re.Match[str], *groups: str) -> bool:
    return all(match.group(g) is None or match.group(g)[0].isupper() for g in groups)


def _tense_is_future(text: str, start: int, end: int, past: bool) -> bool:
    """Whether the clause around text[start:end] speaks of the future.

    Looks back to the start of the clause (a sentence end, "that" or "said", at most 80
    characters) for the last tense cue; a clause that begins with the expression ("On
    Friday, the two will meet") is judged by the few words after it.
    """
    window_start = max(0, start - 80)
    before = text[window_start:start]
    clause_starts = list(_CLAUSE_START.finditer(before))
    if clause_starts:
        before = before[clause_starts[-1].end() :]
    cues = [(m.start(), True) for m in _FUTURE_CUE.finditer(before)]
    cues += [(m.start(), False) for m in _PAST_CUE.finditer(before)]
    if cues:
        return max(cues)[1]
    after = text[end : end + 40]
    stop = re.search(r"[.!?;]", after)
    after = after[: stop.start()] if stop else after
    first_cue = [(m.start(), True) for m in _FUTURE_CUE.finditer(after)]
    first_cue += [(m.start(), False) for m in _PAST_CUE.finditer(after)]
    if first_cue:
        return min(first_cue)[1]
    return not past


# --- resolvers: one per pattern, each (match, context) -> (value, granularity) or None ----------


def _year_of_partial(month: int, day: int | None, ctx: _Context) -> int | None:
    """The year that puts month(/day) closest to the anchor: not after it (past), not before it (future)."""
    if ctx.first is None or ctx.last is None:
        return None

    def span(year: int) -> tuple[dt.date, dt.date] | None:
        if day is None:
            return bounds(month_value(year, month), "month")
        date = safe_date(year, month, day)
        return (date, date) if date else None

    # Up to eight years away, so that Feb. 29 finds its leap year.
    if ctx.future:
        for year in range(ctx.first.year, ctx.first.year + 8):
            found = span(year)
            if found and found[1] >= ctx.first:
                return year
    else:
        for year in range(ctx.last.year, ctx.last.year - 8, -1):
            found = span(year)
            if found and found[0] <= ctx.last:
                return year
    return None


def _month_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not _capitalised(match, "month", "weekday"):
        return None
    month = month_number(match.group("month"))
    day = int(match.group("day"))
    if month is None:
        return None
    year_text = match.group("year")
    year = int(year_text) if year_text else _year_of_partial(month, day, ctx)
    if year is None:
        return None
    date = safe_date(year, month, day)
    return (day_value(date), "day") if date else None


def _month_year(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not _capitalised(match, "month"):
        return None
    month = month_number(match.group("month"))
    return (month_value(int(match.group("year")), month), "month") if month else None


def _bare_month(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not _capitalised(match, "month"):
        return None
    name = match.group("month")
    rel = (match.group("rel") or "").lower()
    # "May" and "March" are also a verb, a name ("Theresa May") and a noun: require a cue.
    if name in ("May", "March") and not (rel or match.group("prep")):
        return None
    month = month_number(name)
    if month is None or not ctx.at_least("year") or ctx.first is None or ctx.last is None:
        return None
    if rel in ("last", "this past", "past") and ctx.at_least("month"):
        year = ctx.first.year if month < ctx.first.month else ctx.first.year - 1
    elif rel in ("next", "this coming", "coming") and ctx.at_least("month"):
        year = ctx.first.year if month > ctx.first.month else ctx.first.year + 1
    elif rel == "this" or ctx.granularity == "year":
        year = ctx.first.year
    else:
        resolved = _year_of_partial(month, None, ctx)
        if resolved is None:
            return None
        year = resolved
    return month_value(year, month), "month"


def _iso_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    date = safe_date(int(match.group("year")), int(match.group("mon")), int(match.group("day")))
    return (day_value(date), "day") if date else None


def _numeric_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    first, second, year_text = int(match.group("mon")), int(match.group("day")), match.group("year")
    # US order (month/day) unless that cannot be a date; two-digit years take the century
    # that puts them nearest the anchor (or before 2000 + 30 without one).
    month, day = (first, second) if first <= 12 else (second, first)
    year = int(year_text)
    if len(year_text) == 2:
        pivot = ctx.first.year if ctx.first else 2000
        century = pivot // 100 * 100
        year = min((century - 100 + year, century + year, century + 100 + year), key=lambda y: abs(y - pivot))
    date = safe_date(year, month, day)
    return (day_value(date), "day") if date else None


def _year(match: re.Match[str], ctx: _Context) -> _Resolved:
    return match.group("year"), "year"


def _decade(match: re.Match[str], ctx: _Context) -> _Resolved:
    return match.group("decade"), "decade"


def _relative_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not ctx.at_least("day") or ctx.first is None:
        return None
    words = match.group(0).lower()
    if "before yesterday" in words:
        offset = -2
    elif "after tomorrow" in words:
        offset = 2
    elif "yesterday" in words:
        offset = -1
    elif "tomorrow" in words:
        offset = 1
    elif "today" in words:
        offset = 0
    else:  # "the previous day", "a day earlier", "the day before"
        offset = -1
    return day_value(ctx.first + dt.timedelta(days=offset)), "day"


def _weekday(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not _capitalised(match, "weekday") or not ctx.at_least("day") or ctx.first is None:
        return None
    target = WEEKDAYS[match.group("weekday").lower()]
    rel = re.sub(r"\s+", " ", (match.group("rel") or "").lower())
    anchor = ctx.first
    back = (anchor.weekday() - target) % 7  # days back to the closest such day, 0 = the anchor
    forward = (target - anchor.weekday()) % 7
    if rel in ("last", "this past", "past"):
        offset = -(back or 7)
    elif rel in ("next", "this coming", "coming"):
        offset = forward or 7
    elif ctx.future or rel == "this":
        offset = forward
    else:
        offset = -back
    return day_value(anchor + dt.timedelta(days=offset)), "day"


def _shift(ctx: _Context, unit: str, amount: int) -> _Resolved:
    """The anchor moved by `amount` units, at that unit's granularity."""
    if ctx.first is None:
        return None
    if unit == "day" and ctx.at_least("day"):
        return day_value(ctx.first + dt.timedelta(days=amount)), "day"
    if unit in ("week", "weekend") and ctx.at_least("day"):
        return week_value(ctx.first + dt.timedelta(weeks=amount)), "week"
    if unit == "month" and ctx.at_least("month"):
        return month_value(*add_months(ctx.first.year, ctx.first.month, amount)), "month"
    if unit == "quarter" and ctx.at_least("month"):
        year, month = add_months(ctx.first.year, ctx.first.month, 3 * amount)
        return quarter_value(year, (month - 1) // 3 + 1), "quarter"
    if unit == "year" and ctx.at_least("year"):
        return str(ctx.first.year + amount), "year"
    if unit == "decade" and ctx.at_least("year"):
        return str(ctx.first.year + 10 * amount), "year"
    return None


def _relative_unit(match: re.Match[str], ctx: _Context) -> _Resolved:
    rel = match.group("rel").lower()
    amount = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    return _shift(ctx, match.group("unit").lower(), amount)


def _ago(match: re.Match[str], ctx: _Context) -> _Resolved:
    count_text = match.group("count").lower()
    count = int(count_text) if count_text.isdigit() else NUMBERS[count_text]
    return _shift(ctx, match.group("unit").lower(), -count)


def _quarter(match: re.Match[str], ctx: _Context) -> _Resolved:
    quarter = ordinal_number(match.group("ord"))
    if quarter is None or not 1 <= quarter <= 4:
        return None
    year_text = match.group("year") or match.group("year2")
    if year_text:
        return quarter_value(int(year_text), quarter), "quarter"
    if ctx.first is None or not ctx.at_least("month"):
        return None
    year = ctx.first.year
    # A quarter that has not begun by the anchor is last year's in a past context.
    if not ctx.future and dt.date(year, 3 * quarter - 2, 1) > ctx.first:
        year -= 1
    return quarter_value(year, quarter), "quarter"


_Resolver = Callable[[re.Match[str], _Context], _Resolved]

# Each pattern's extent is its group "x"; what lies outside it (a preposition) is context only.
_PATTERN_SOURCES: list[tuple[str, _Resolver]] = [
    (r"(?P<x>\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d))(?!\d)", _iso_day),
    (r"(?<![\d/])(?P<x>(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d\d))(?![\d/])", _numeric_day),
    (rf"{_PREP}(?P<x>\b(?:{_WEEKDAY},?\s+)?{_PHASE}{_MONTH}\s*{_DAY}(?:,?\s*{_YEAR})?)", _month_day),
    (
        rf"{_PREP}(?P<x>\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?)",
        _month_day,
    ),
    (rf"{_PREP}(?P<x>\b{_PHASE}{_MONTH},?\s+(?:of\s+)?{_YEAR})", _month_year),
    (
        rf"{_PREP}(?P<x>\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+)?{_PHASE}"
        rf"{_FULL_MONTH})",
        _bare_month,
    ),
    (
        r"(?P<x>\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<decade>(?:1[6-9]|20)\d)0(?:'?s)\b)",
        _decade,
    ),
    (rf"(?<![$\d.,])(?P<x>\b{_PHASE}(?:fiscal\s+)?{_YEAR})(?!-\d){_NOT_A_COUNT}", _year),
    (
        r"(?P<x>\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|yesterday|tomorrow"
        r"|the\s+(?:previous|preceding|prior)\s+day|a\s+day\s+(?:earlier|before)"
        r"|the\s+day\s+before(?!\s+(?:the|a|an|his|her|its|their|this|that|he|she|it|they|yesterday)\b)))\b",
        _relative_day,
    ),
    (
        rf"{_PREP}(?P<x>\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+)?{_WEEKDAY})",
        _weekday,
    ),
    (
        r"(?P<x>\b(?:(?:earlier|later)\s+)?(?P<rel>last|next|this|coming)\s+"
        r"(?P<unit>week|weekend|month|quarter|year))\b",
        _relative_unit,
    ),
    (rf"(?P<x>\b{_COUNT}\s+{_UNIT}\s+(?:ago|earlier))\b", _ago),
    (
        rf"(?P<x>\b(?:the\s+)?(?:(?:{_YEAR}|fiscal|its|their)\s+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+quarter"
        rf"(?:(?:\s+of|,)?\s+(?:fiscal\s+)?(?P<year2>(?:1[6-9]|20)\d\d)(?!\d))?)\b",
        _quarter,
    ),
]
_PATTERNS = [(re.compile(source, re.IGNORECASE), resolver) for source, resolver in _PATTERN_SOURCES]


def _anchor_span(anchor: dt.date, granularity: Granularity) -> tuple[dt.date, dt.date]:
    if granularity == "day":
        return anchor, anchor
    if granularity == "month":
        return bounds(month_value(anchor.year, anchor.month), "month")
    return bounds(str(anchor.year), "year")


def find_times(
    text: str,
    anchor: dt.date | None,
    anchor_granularity: Granularity | None = "day",
    past: bool = True,
) -> list[TimeExpression]:
    """Time expressions of `text` resolved against `anchor`, in text order, without overlaps.

    `anchor` is the reference date (usually the publication date) known to
    `anchor_granularity`; relative expressions finer than it ("Wednesday" against a month)
    are skipped, as is everything relative when there is no anchor. `past` is the tense to
    assume when the words around an expression do not say.
    """
    if anchor is None or anchor_granularity is None:
        first = last = None
        granularity: Granularity | None = None
    else:
        first, last = _anchor_span(anchor, anchor_granularity)
        granularity = anchor_granularity
    candidates: list[TimeExpression] = []
    for pattern, resolver in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("x")
            future = _tense_is_future(text, start, end, past)
            resolved = resolver(match, _Context(first, last, granularity, future))
            if resolved is not None:
                value, value_granularity = resolved
                candidates.append(TimeExpression(start, end, text[start:end], value, value_granularity))
    # Longest first, then earliest, so "Wednesday, Dec. 23, 2020" beats its parts.
    candidates.sort(key=lambda e: (-(e.end - e.start), e.start))
    chosen: list[TimeExpression] = []
    for expression in candidates:
        if all(expression.end <= c.start or expression.start >= c.end for c in chosen):
            chosen.append(expression)
    return sorted(chosen, key=lambda e: e.start)


_PARTIAL_DATE = [
    re.compile(rf"\b{_MONTH}\s*{_DAY}(?:,?\s*{_YEAR})?", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?", re.IGNORECASE),
]


def parse_partial_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first date in `text` ("Dec. 23", "23 December 2020")."""
    iso = re.search(r"\b(\d{4})-(\d\d)-(\d\d)\b", text)
    if iso and safe_date(*(int(g) for g in iso.groups())):
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    for pattern in _PARTIAL_DATE:
        for match in pattern.finditer(text):
            month = month_number(match.group("month"))
            day = int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else None
            if month and safe_date(year or 2000, month, day):  # 2000: a leap year, Feb. 29 passes
                return year, month, day
    return None
