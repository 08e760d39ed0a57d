"""Resolvers of places on the calendar: days ("Dec. 23", "Wednesday", "yesterday"), months,
years, decades and centuries, clock times and parts of the day, weekends, seasons and holidays,
each against the anchor and the clause's tense (see `resolving.Context`).

Each resolver takes a pattern's match and the context and gives (value, granularity), or None
when the words are not that time after all ("May" the verb) or the anchor cannot place them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateline.time.date_words import PARTS_OF_DAY, capitalised
from dateline.time.resolving import Context, Resolved, shifted_anchor
from dateline.time.values import (
    ORDINALS,
    SEASONS,
    WEEKDAYS,
    bounds,
    count_number,
    day_value,
    month_number,
    month_value,
    ordinal_number,
    quarter_value,
    safe_date,
    season_value,
    week_value,
)


def _nearest_year(
    span: Callable[[int], tuple[dt.date, dt.date] | None], first: dt.date, last: dt.date
) -> tuple[int, int] | None:
    """(days away, year) of the year whose span lies nearest the anchor, the earlier on a tie."""
    options = []
    for year in range(first.year - 8, first.year + 9):
        found = span(year)
        if found:
            gap = max((found[0] - last).days, (first - found[1]).days, 0)
            options.append((gap, found[0] > last, abs(year - first.year), year))
    if not options:
        return None
    best = min(options)
    return best[0], best[3]


def _year_of_partial(month: int, day: int | None, ctx: Context) -> int | None:
    """The year that puts month(/day) closest to the anchor: not after it (past), not before it (future)."""
    if ctx.first is None or ctx.last is None:
        return None

    def span(year: int) -> tuple[dt.date, dt.date] | None:
        if day is None:
            return bounds(month_value(year, month), "month")
        date = safe_date(year, month, day)
        return (date, date) if date else None

    # Up to eight years away, so that Feb. 29 finds its leap year.
    nearest = _nearest_year(span, ctx.first, ctx.last)
    if nearest is not None and (
        (ctx.tense is None and nearest[0] <= _NEAR_EITHER_SIDE) or (not ctx.adverbial and nearest[0] <= 60)
    ):
        # No tense, or a date standing on its own, within two months of the anchor: the nearest.
        return nearest[1]
    # Further away and with no tense, the past one: news reports what happened ("since the
    # Oct. 23 slaying" in May, "a record high set on Aug. 6" in February).
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


# How far (days) from the anchor a partial date with no tense may lie and still be read as the
# nearest one either side ("payable Nov. 17" in late October); beyond two months, the past one.
_NEAR_EITHER_SIDE = 60

# What an impossible date resolves to: found, so that no part of it is read as another date, and
# flagged by its granularity; it has no value and dates nothing.
_UNRESOLVED: Resolved = ("", "unresolved")


def _day_of(year_text: str | None, month: int, day: int, ctx: Context) -> Resolved:
    """That day of the year written, or (none written) of the year nearest the anchor that the
    tense allows; None when no year fits."""
    year = int(year_text) if year_text else _year_of_partial(month, day, ctx)
    if year is None:
        return None
    date = safe_date(year, month, day)
    # "April 31": a date that does not exist is kept, flagged, and given no value.
    return (day_value(date), "day") if date else _UNRESOLVED


def month_day(match: re.Match[str], ctx: Context) -> Resolved:
    """ "Dec. 23, 2020", "Wednesday, Dec. 23", "23 December": a day, its year the nearest to the anchor
    that the tense allows when none is written."""
    if not capitalised(match, "month", "weekday"):
        return None
    month = month_number(match.group("month"))
    day = int(match.group("day"))
    if month is None:
        return None
    year_text = match.group("year")
    weekday = match.groupdict().get("weekday")
    if not year_text and weekday and ctx.first is not None:
        # "Saturday, April 25": the nearby year in which that day is a Saturday.
        agreeing = [
            y
            for y in range(ctx.first.year - 1, ctx.first.year + 2)
            if (d := safe_date(y, month, day)) and d.weekday() == WEEKDAYS[weekday.lower()]
        ]
        if len(agreeing) == 1:
            year_text = str(agreeing[0])
    if day > 31 or (day > 29 and month == 2):
        # Not this month's day and no other's either ("March 35 people"): not a date at all.
        return None if day > 31 else _UNRESOLVED
    if safe_date(2000, month, day) is None:  # 2000 was a leap year: Feb. 29 passes
        return _UNRESOLVED
    if not year_text and re.match(
        r",\s*(?:(?:2[1-9]|[3-9]\d)\d\d(?!\d|,\d)|\d{5,}\b)", match.string[match.end("x") :]
    ):
        return _UNRESOLVED  # "Dec. 23, 2999": a year far ahead is flagged, not dropped to "Dec. 23"
    return _day_of(year_text, month, day, ctx)


def month_year(match: re.Match[str], ctx: Context) -> Resolved:
    """ "December 2020", "Dec., 2020": that month."""
    if not capitalised(match, "month"):
        return None
    month = month_number(match.group("month"))
    return (month_value(int(match.group("year")), month), "month") if month else None


# "the March accession", "the May elections": a month naming when a thing happens, before a noun; not
# "the March on Washington" (a name) nor "the may" (a verb is lower case, a name takes no "the").
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:on|of|to|for|and|or|in|at|by|with|from|madness|hare)\b)[a-z]{3,}\b")


def _month_as_modifier(match: re.Match[str]) -> bool:
    start, end = match.span("x")
    return bool(
        _THE_BEFORE.search(match.string, max(0, start - 5), start) and _NOUN_AFTER.match(match.string, end)
    )


def bare_month(match: re.Match[str], ctx: Context) -> Resolved:
    """ "in March", "last December", "mid-May": a month, its year from the anchor and the tense."""
    if not capitalised(match, "month"):
        return None
    name = match.group("month")
    rel = (match.group("rel") or "").lower()
    # "May" and "March" are also a verb, a name ("Theresa May") and a noun: require a cue.
    # A phase before the name ("mid-March", "the end of May") makes it the month.
    phase = match.group("x")[0].islower() or match.group("x").lower().startswith(("early", "mid", "late"))
    if name in ("May", "March") and not (rel or ctx.prep or phase or _month_as_modifier(match)):
        return None
    month = month_number(name)
    if month is None or not ctx.at_least("year") or ctx.first is None or ctx.last is None:
        return None
    if rel in ("last", "this past", "past") and ctx.at_least("month"):
        year = ctx.first.year if month < ctx.first.month else ctx.first.year - 1
        if rel == "last" and month == (ctx.first.month - 2) % 12 + 1:
            # The month just ended is "last month"; "last February" said in March is a year back.
            year -= 1
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


def iso_day(match: re.Match[str], ctx: Context) -> Resolved:
    """ "2020-12-23": that day."""
    date = safe_date(int(match.group("year")), int(match.group("mon")), int(match.group("day")))
    # "2020-02-30" is written as a date but is none: flagged, not read as the year alone.
    return (day_value(date), "day") if date else _UNRESOLVED


def numeric_day(match: re.Match[str], ctx: Context) -> Resolved:
    """ "12/23/2020", "23/12/20": that day, month first unless it cannot be."""
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
    # "31/02/2020", "13/13/2020": the shape of a date with no such day; flagged, not read as a year.
    return (day_value(date), "day") if date else _UNRESOLVED


def year_in_digits(match: re.Match[str], ctx: Context) -> Resolved:
    """ "1998", "fiscal 1989", "post-1959": that year."""
    return match.group("year"), "year"


def decade_in_digits(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the 1990s", "the mid-1980s": that decade ("199")."""
    return match.group("decade"), "decade"


def month_of_relative_year(match: re.Match[str], ctx: Context) -> Resolved:
    """ "June last year", "April next year": that month of the year before, of or after the anchor's."""
    month = month_number(match.group("month"))
    if month is None or ctx.first is None or not ctx.at_least("year"):
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    return month_value(ctx.first.year + shift, month), "month"


# "Today" and "tomorrow" naming an age rather than a day: "today's youth", "the leaders of tomorrow".
_GENERIC_DAY = re.compile(
    r"\b(?:today|tomorrow)['’]s\s+(?:world|youth|society|generation|young|children|economy|world's)\b"
    r"|\bof\s+(?:today|tomorrow)\b(?!['’]|\s+(?:morning|afternoon|evening|night)\b)",
    re.IGNORECASE,
)


def relative_day(match: re.Match[str], ctx: Context) -> Resolved:
    """ "today", "yesterday", "tomorrow morning", "the day before": a day counted from the anchor."""
    if not ctx.at_least("day") or ctx.first is None:
        return None
    before = match.string[: match.start("x")].rstrip()
    if match.group("x")[0].isupper() and before and before[-1] not in ".!?\"'`\n:(\u201c\u2018-_":
        return None  # "This is VOA Today": a name, not the day
    if _GENERIC_DAY.search(
        match.string, max(0, match.start("x") - 8), min(len(match.string), match.end() + 40)
    ):
        return None  # "today's world", "the people of tomorrow": the present age, not a day
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
    return _with_part(day_value(ctx.first + dt.timedelta(days=offset)), match)


def _with_part(day: str, match: re.Match[str]) -> Resolved:
    """A day, or that day's part ("Friday morning" → "…TMO") when the match names one."""
    part = match.groupdict().get("part")
    if part:
        return f"{day}T{PARTS_OF_DAY[part.lower()]}", "time"
    return day, "day"


def day_part(match: re.Match[str], ctx: Context) -> Resolved:
    """ "this morning", "tonight", "last night": a part of the anchor day or of the day before."""
    if not ctx.at_least("day") or ctx.first is None:
        return None
    words = match.group("x").lower().split()
    offset = -1 if words[0] == "last" else 0
    code = PARTS_OF_DAY[words[-1]]
    return f"{day_value(ctx.first + dt.timedelta(days=offset))}T{code}", "time"


def clock_time(match: re.Match[str], ctx: Context) -> Resolved:
    """ "10:35 a.m.", "9 a.m. Tuesday", "midnight Friday": a clock time on the anchor day or the named day."""
    if match.group("noon"):
        if not match.group("noon").islower() or re.search(r"\bhigh\s+$", match.string[: match.start("x")]):
            return None  # "High Noon", "high noon" (a film, a figure of speech)
        hour, minute = (24, 0) if match.group("noon").lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if not 1 <= hour <= 12:
            return None
        pm = match.group("ampm").lower() == "p"
        hour = (hour % 12) + (12 if pm else 0)
    if match.groupdict().get("month"):
        day = month_day(match, ctx)
        if day is None:
            return None
        date = day[0]
    elif match.group("weekday"):
        day = weekday_date(match, ctx)
        if day is None:
            return None
        date = day[0]
    elif ctx.at_least("day") and ctx.first is not None:
        date = day_value(ctx.first)
    else:
        return None
    return f"{date}T{hour:02d}:{minute:02d}", "time"


def weekday_date(match: re.Match[str], ctx: Context) -> Resolved:
    """ "Wednesday", "last Friday", "Monday morning": the nearest such day to the anchor that the
    tense allows."""
    if not capitalised(match, "weekday") or not ctx.at_least("day") or ctx.first is None:
        return None
    target = WEEKDAYS[match.group("weekday").lower()]
    rel = re.sub(r"\s+", " ", (match.groupdict().get("rel") or "").lower())
    anchor = ctx.first
    back = (anchor.weekday() - target) % 7  # days back to the closest such day, 0 = the anchor
    forward = (target - anchor.weekday()) % 7
    if rel in ("last", "this past", "past"):
        offset = -(back or 7)
    elif rel in ("next", "this coming", "coming"):
        offset = forward or 7
    elif ctx.future and not re.match(r"['’]s\b", match.string[match.end("x") :]):
        # A possessive ("Wednesday's ruling") names a day already past, whatever the clause's tense.
        offset = forward
    elif rel == "this" and not ctx.past:
        offset = forward  # "this Friday" with no tense to go by: the coming one
    else:
        offset = -back
    return _with_part(day_value(anchor + dt.timedelta(days=offset)), match)


def weekend(match: re.Match[str], ctx: Context) -> Resolved:
    """ "last weekend", "this weekend", "over the weekend": the ISO week of that weekend + "-WE"."""
    if not ctx.at_least("day") or ctx.first is None:
        return None
    rel = match.group("rel").lower().split()[-1]  # "this past" is "past", "this coming" "coming"
    anchor = ctx.first
    last_sunday = anchor - dt.timedelta(days=(anchor.weekday() + 1) % 7)  # the anchor itself on a Sunday
    next_saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
    if rel in ("next", "coming", "this") or (rel == "the" and ctx.tense == "future"):
        day = next_saturday if anchor.weekday() < 5 or rel == "next" else anchor
    elif rel in ("last", "past"):
        day = last_sunday if anchor.weekday() != 6 else anchor - dt.timedelta(days=7)
    else:  # "the weekend" in a past or neutral clause: the one just over (or under way)
        day = anchor if anchor.weekday() >= 5 else last_sunday
    return f"{week_value(day)}-WE", "week"


def year_in_words(match: re.Match[str], ctx: Context) -> Resolved:
    """ "nineteen ninety-six", "the year two thousand": a year said in words (broadcast transcripts)."""
    words = match.group("x").lower()
    year: int | None = None
    if "thousand" in words:
        rest = count_number(match.group("rest")) if match.group("rest") else 0
        year = 2000 + rest if rest is not None else None
    else:
        century = 19 if match.group("century").lower() == "nineteen" else 20
        rest = count_number(match.group("tail"))
        year = century * 100 + rest if rest is not None and 10 <= rest <= 99 else None
    if year is None:
        return None
    if match.group("month") and capitalised(match, "month"):
        month = month_number(match.group("month"))
        return (month_value(year, month), "month") if month else None
    if match.group("season"):
        return season_value(year, SEASONS[match.group("season").lower()][0]), "season"
    return str(year), "year"


_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
}  # fmt: skip


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, 1) + dt.timedelta(days=31)
    last = last.replace(day=1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_date(name: str, year: int) -> dt.date | None:
    name = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if name in _HOLIDAYS:
        return dt.date(year, *_HOLIDAYS[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)  # fourth Thursday of November (United States)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if name == "election day":
        # The Tuesday after the first Monday of November, in even years (U.S. federal elections).
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1) if year % 2 == 0 else None
    if name in ("easter", "easter sunday"):
        return _easter(year)
    return None


def holiday(match: re.Match[str], ctx: Context) -> Resolved:
    """ "Thanksgiving Day", "last Christmas", "Election Day 1998": the holiday's date that year."""
    name = match.group("holiday")
    if match.group("year"):
        date = _holiday_date(name, int(match.group("year")))
        return (day_value(date), "day") if date else None
    if ctx.first is None or ctx.last is None or not ctx.at_least("year"):
        return None
    rel = (match.group("rel") or "").lower()
    candidates = [
        d for y in range(ctx.first.year - 2, ctx.first.year + 3) if (d := _holiday_date(name, y)) is not None
    ]
    if ctx.granularity == "year" and not rel:
        candidates = [d for d in candidates if d.year == ctx.first.year]
        return (day_value(candidates[0]), "day") if candidates else None
    first, last = ctx.first, ctx.last
    past = [d for d in candidates if d <= last]
    ahead = [d for d in candidates if d >= first]
    if rel == "last" or (not rel and ctx.tense == "past"):
        chosen = max(past, default=None)
    elif rel in ("next", "this", "coming") or (not rel and ctx.tense == "future"):
        chosen = min(ahead, default=None)
    else:
        chosen = min(candidates, key=lambda d: (abs((d - first).days), d > last), default=None)
    return (day_value(chosen), "day") if chosen else None


def relative_unit(match: re.Match[str], ctx: Context) -> Resolved:
    """ "last week", "next month", "this quarter": the anchor's week, month, quarter or year, or the one
    before or after it."""
    if not match.group("unit").islower():
        return None  # "This Week" (a programme's name)
    rel = match.group("rel").lower()
    unit = match.group("unit").lower()
    if unit == "quarter" and rel == "this" and ctx.quarterly and ctx.quarter is not None:
        # In results prose, "this quarter's loss" and "earned more this quarter" are the quarter
        # being reported, which closed before the report; "will ... this quarter" is the current one.
        possessive = re.match(r"['’]s\b", match.string[match.end("x") :])
        if possessive or ctx.tense == "past":
            return quarter_value(*ctx.quarter), "quarter"
    amount = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    return shifted_anchor(ctx, unit, amount)


def ago(match: re.Match[str], ctx: Context) -> Resolved:
    """ "three years ago", "a month earlier": the anchor moved back by that much."""
    count = count_number(match.group("count"))
    if count is None:
        return None
    unit = match.group("unit").lower()
    # "up 12% from a year earlier" in quarterly results: the same quarter a year before.
    if count == 1 and unit == "year" and ctx.quarterly and ctx.quarter is not None:
        return quarter_value(ctx.quarter[0] - 1, ctx.quarter[1]), "quarter"
    return shifted_anchor(ctx, unit, -count)


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}  # fmt: skip


def decade_in_words(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the nineties": the 1990s ("199")."""
    return f"19{_DECADE_WORDS[match.group('tens').lower()]}", "decade"


_SEASON_PREPS = {
    "in", "during", "since", "until", "till", "by", "through", "throughout", "before", "after", "from", "of",
    "into", "over",
}  # fmt: skip


def season(match: re.Match[str], ctx: Context) -> Resolved:
    """ "last fall", "this summer", "the spring of 1989", "in the winter": "1998-FA"."""
    code, start_month = SEASONS[match.group("season").lower()]
    rel = re.sub(r"\s+", " ", (match.group("rel") or "").lower())
    # "fall" and "spring" are common words: a season needs a relative word, a year or a preposition.
    if not (rel or match.group("year") or ctx.prep in _SEASON_PREPS) or not match.group("season").islower():
        return None
    if not match.group("year") and re.match(r"\s+of\b", match.string[match.end("x") :]):
        return None  # "the fall of the Berlin Wall"
    if match.group("year"):
        return season_value(int(match.group("year")), code), "season"
    if ctx.first is None or ctx.last is None or not ctx.at_least("year"):
        return None

    def span(year: int) -> tuple[dt.date, dt.date]:
        return bounds(season_value(year, code), "season")

    years = range(ctx.first.year - 2, ctx.first.year + 2)
    if ctx.granularity == "year" and not rel:
        return season_value(ctx.first.year, code), "season"
    if rel in ("last", "past", "this past") or (not rel and ctx.tense == "past"):
        # The latest one over by the anchor ("last fall"), or begun by it (a past "in the spring").
        over = [y for y in years if (span(y)[1] < ctx.first if rel else span(y)[0] <= ctx.last)]
        return (season_value(max(over), code), "season") if over else None
    if rel in ("next", "coming", "this coming") or (not rel and ctx.tense == "future"):
        ahead = [y for y in years if (span(y)[0] > ctx.last if rel else span(y)[1] >= ctx.first)]
        return (season_value(min(ahead), code), "season") if ahead else None
    # "this summer", or a bare season with no tense: the one of the anchor's year; a winter
    # seen from January or February began the year before.
    year = ctx.first.year - 1 if code == "WI" and ctx.first.month < 3 else ctx.first.year
    return season_value(year, code), "season"


def named_century(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the 20th century" → "19": TimeML names a century by the first two digits of its years."""
    number = ordinal_number(match.group("ord"))
    if number is None or not 1 <= number <= 21:
        return None
    return f"{number - 1:02d}", "century"


def week_of(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the week of March 6": the ISO week of that day."""
    day = month_day(match, ctx)
    if day is None or day[1] != "day":
        return day
    return week_value(dt.date.fromisoformat(day[0])), "week"


def mid_day(match: re.Match[str], ctx: Context) -> Resolved:
    """ "mid-afternoon yesterday", "by midmorning": that part of the day named, else of the anchor day."""
    if match.group("weekday"):
        return weekday_date(match, ctx)  # with its part: "…TAF"
    if not ctx.at_least("day") or ctx.first is None:
        return None
    offset = {"yesterday": -1, "tomorrow": 1}.get((match.group("day") or "").lower(), 0)
    code = PARTS_OF_DAY[match.group("part").lower()]
    return f"{day_value(ctx.first + dt.timedelta(days=offset))}T{code}", "time"


def far_year(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the year 99999": beyond any calendar a date can be given in; found and flagged."""
    return _UNRESOLVED


def _day_ordinal(words: str) -> int | None:
    """The day an ordinal word names: "third" → 3, "twenty-third" → 23, "thirty first" → 31."""
    parts = re.split(r"[-\s]+", words.lower())
    if len(parts) == 1:
        return ORDINALS.get(parts[0])
    tens = {"twenty": 20, "thirty": 30}.get(parts[0])
    unit = ORDINALS.get(parts[1])
    return tens + unit if tens and unit and unit < 10 else None


def spelled_day(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the twenty-third of March", "March first": a date whose day is written as a word."""
    if not capitalised(match, "month", "weekday") or not match.group("dayword").islower():
        return None
    month = month_number(match.group("month"))
    day = _day_ordinal(match.group("dayword"))
    if month is None or day is None:
        return None
    if match.group("x").startswith(("May", "March")) and not ctx.prep:
        return None  # "May first need ...", "March first to the square": a verb, not the date
    if safe_date(2000, month, day) is None:  # 2000 was a leap year: "the twenty-ninth of February" passes
        return _UNRESOLVED
    return _day_of(match.group("year"), month, day, ctx)


def short_decade(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the '90s" → "199"; "the '00s" and "the '10s" are this century's."""
    tens = int(match.group("tens"))
    return f"{20 if tens < 2 else 19}{tens}", "decade"


def from_now(match: re.Match[str], ctx: Context) -> Resolved:
    """ "a week from now" → the week after the anchor's; "two days from today" → that day."""
    count = count_number(match.group("count"))
    return None if count is None else shifted_anchor(ctx, match.group("unit").lower(), count)
