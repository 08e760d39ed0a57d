"""Calendar arithmetic and TimeML-style values ("2020-12-23", "2020-W52", "2021-05", "1989-Q3", "2018").

A value is always paired with a granularity; `bounds` turns the pair back into the first and
last day it covers, which is how values of different granularity are compared.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from dateline.model import Granularity

# Richer than the records' `Granularity`: expressions may name a week, a quarter, a season, a
# half year, a decade or a century; "time" is a day with a clock time or a part of the day ("T10:35",
# "TMO"). The last three name no calendar span: a length of time ("P3Y"), a reference to the
# present, past or future ("PRESENT_REF") and a recurrence ("P1D" for "daily").
TimeGranularity = Literal[
    "time", "day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "duration",
    "ref", "set", "unresolved",
]  # fmt: skip
# Meteorological seasons (northern hemisphere) as TimeML names them, with their first month;
# winter belongs to the year in which it begins (December).
SEASONS: dict[str, tuple[str, int]] = {
    "spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12),
}  # fmt: skip
_SEASON_START = {code: month for code, month in SEASONS.values()}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "hundredth": 100,
}  # fmt: skip


def month_number(word: str) -> int | None:
    """1–12 for a month name or abbreviation ("Dec.", "Sept", "December"), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def ordinal_number(word: str) -> int | None:
    """The number of an ordinal word or numeral: "third" → 3, "3rd" → 3, "70th" → 70."""
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    digits = word.rstrip("stndrh")
    return int(digits) if digits.isdigit() and digits != word else None


def count_number(words: str) -> int | None:
    """The number a count is written as: "3", "three", "twenty-four", "twenty four", "a"; else None."""
    words = words.lower().strip()
    if words.isdigit():
        return int(words)
    parts = re.split(r"[\s-]+", words)
    if not parts or any(p not in NUMBERS for p in parts):
        return None
    if len(parts) == 1:
        return NUMBERS[parts[0]]
    if len(parts) == 2 and NUMBERS[parts[0]] >= 20 and NUMBERS[parts[0]] % 10 == 0 and NUMBERS[parts[1]] < 10:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (Feb. 30, month 13)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later (Feb. 29 falls back to Feb. 28), clamped to the
    calendar's range (years 1 to 9999) so that arithmetic on an absurd date never raises."""
    year = min(max(day.year + years, dt.MINYEAR), dt.MAXYEAR)
    return safe_date(year, day.month, day.day) or dt.date(year, day.month, 28)


def day_value(day: dt.date) -> str:
    """A day as TimeML writes it: "2020-12-28"."""
    return day.isoformat()


def week_value(day: dt.date) -> str:
    """The ISO week containing `day`, as TimeML writes it: "2020-W52"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    """A month as TimeML writes it: "2020-12"."""
    return f"{year:04d}-{month:02d}"


def quarter_value(year: int, quarter: int) -> str:
    """A quarter (1-4) as TimeML writes it: "2020-Q4"."""
    return f"{year:04d}-Q{quarter}"


def season_value(year: int, code: str) -> str:
    """A season (its TimeML code: SP, SU, FA, WI) as TimeML writes it: "2020-SU"."""
    return f"{year:04d}-{code}"


def bounds(value: str, granularity: TimeGranularity) -> tuple[dt.date, dt.date]:
    """First and last day (inclusive) that a value covers.

    Raises ValueError for the granularities that cover no calendar span (duration, ref, set).
    """
    if granularity in ("day", "time"):
        day = dt.date.fromisoformat(value[:10])
        return day, day
    if granularity == "season":
        year, code = int(value[:4]), value[5:]
        first_year, first_month = year, _SEASON_START[code]
        last_year, last_month = add_months(first_year, first_month, 2)
        last = calendar.monthrange(last_year, last_month)[1]
        return dt.date(first_year, first_month, 1), dt.date(last_year, last_month, last)
    if granularity == "half":
        year, half = int(value[:4]), int(value[-1])
        return (
            (dt.date(year, 1, 1), dt.date(year, 6, 30))
            if half == 1
            else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        )
    if granularity in ("duration", "ref", "set", "unresolved"):
        raise ValueError(f"{value!r} ({granularity}) names no calendar span")
    if granularity == "week":
        # "2020-W52", or its weekend "2020-W52-WE" (Saturday and Sunday).
        week_year, week = value[:4], value[6:8]
        monday = dt.date.fromisocalendar(int(week_year), int(week), 1)
        if value.endswith("-WE"):
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if granularity in ("month", "quarter"):
        head, tail = re.split(r"-Q?", value)
        year = int(head)
        # A quarter covers three months, a month one.
        last_month = int(tail) if granularity == "month" else 3 * int(tail)
        first_month = last_month if granularity == "month" else last_month - 2
        last = calendar.monthrange(year, last_month)[1]
        return dt.date(year, first_month, 1), dt.date(year, last_month, last)
    if granularity == "decade":
        decade = int(value) * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
    if granularity == "century":
        # TimeML names a century by its first two digits: "19" is 1900–1999.
        hundred = max(1, int(value) * 100)
        return dt.date(hundred, 1, 1), dt.date(hundred + 99, 12, 31)
    return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)


def parse_iso(value: str) -> tuple[dt.date, Granularity] | None:
    """An ISO date of metadata or a record ("2020-12-23", "2020-12-23T09:00Z", "2020-12", "2020")."""
    value = value.strip()
    head = value[:10]
    try:
        if len(head) == 10 and head[4] == "-" and head[7] == "-":
            return dt.date.fromisoformat(head), "day"
        if len(value) == 7 and value[4] == "-":
            return dt.date(int(value[:4]), int(value[5:7]), 1), "month"
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1), "year"
    except ValueError:
        return None
    return None


def to_record(value: str, granularity: TimeGranularity) -> tuple[str, Granularity] | None:
    """A value as the records store it (day, month or year).

    Records have no week or quarter: a week becomes the month of its Monday, because the
    weeks news mentions ("earlier this week") are short-range and the month is still true in
    most cases; a quarter, season or half year becomes its year; a clock time or part of a day
    its day; a decade or a century is too coarse to be a date, and durations, sets and references to the
    present, past or future are no date at all.
    """
    if granularity == "day" or granularity == "month" or granularity == "year":
        return value, granularity
    if granularity == "time":
        return value[:10], "day"
    if granularity in ("duration", "ref", "set", "decade", "century", "unresolved"):
        return None
    first, _ = bounds(value, granularity)
    if granularity == "week":
        return month_value(first.year, first.month), "month"
    if granularity in ("quarter", "season", "half"):
        return value[:4], "year"
    return None
