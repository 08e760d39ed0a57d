"""Quarters, half years and fiscal years, the periods results are reported for, and which
quarter quarterly-results prose is reporting at each point of a text (`QuarterContext`): "the
quarter", "the year-earlier quarter" and "this quarter's loss" are the quarter just named, else
the last one to end before the anchor.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from dateline.model import Granularity
from dateline.time.date_words import MONTH, YEAR
from dateline.time.resolving import Context, Resolved, shifted_anchor
from dateline.time.tense import clause_tense
from dateline.time.values import count_number, month_number, ordinal_number, quarter_value


def numbered_quarter(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the third quarter", "1989's first quarter": that quarter, its year from the anchor when not
    written."""
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
    if ctx.tense == "past" and dt.date(year, 3 * quarter - 2, 1) > ctx.first:
        year -= 1
    return quarter_value(year, quarter), "quarter"


def reported_quarter(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the quarter", "the latest quarter", "the latest period": the quarter being reported."""
    ended = _QUARTER_ENDED.match(match.string, match.end("x"))
    if ended:
        month = month_number(ended.group("month"))
        year = int(ended.group("year")) if ended.group("year") else (ctx.quarter or (None, None))[0]
        if month and year:
            year -= 1 if month == 1 else 0  # a quarter ended Jan. 31 is the last of the year before
            # A quarter ending in a month's last days is mostly that month and the one before: a
            # fiscal quarter ended July 31 (May–July) is counted as the second.
            return quarter_value(year, (month - 2) % 12 // 3 + 1), "quarter"
    if ctx.quarter is None:
        return None
    return quarter_value(*ctx.quarter), "quarter"


# "the quarter ended Sept. 30": the quarter is the one that ends that month.
_QUARTER_ENDED = re.compile(
    rf"\s+(?:ended|ending|that\s+ended|through)\s+{MONTH}\.?(?:\s*\d{{1,2}})?(?:,?\s*{YEAR})?"
)


def year_earlier_quarter(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the year-earlier quarter", "the year-ago third quarter", "the 1988 period", "year-earlier"."""
    months = match.groupdict().get("months")
    if months:
        # "the year-earlier nine months": TimeML marks the span named, a length.
        return f"P{count_number(months)}M", "duration"
    ordinal = match.groupdict().get("ord")
    year_text = match.groupdict().get("year")
    if not ordinal and ctx.span and "quarter" not in match.group("x").lower():
        # "the 1988 period" after "the first nine months": that span of the year named, or of the
        # year before; TimeML gives the year.
        if year_text:
            return year_text, "year"
        return shifted_anchor(ctx, "year", -1)
    quarter = ordinal_number(ordinal) if ordinal else (ctx.quarter[1] if ctx.quarter else None)
    if quarter is None or not 1 <= quarter <= 4:
        return None
    if year_text:
        return quarter_value(int(year_text), quarter), "quarter"
    if ctx.quarter is not None:
        return quarter_value(ctx.quarter[0] - 1, quarter), "quarter"
    return None


def year_earlier_adjective(match: re.Match[str], ctx: Context) -> Resolved:
    """ "year-earlier" ("year-earlier profit"): the reported quarter a year before, else last year."""
    if ctx.quarterly and ctx.quarter is not None:
        return quarter_value(ctx.quarter[0] - 1, ctx.quarter[1]), "quarter"
    return shifted_anchor(ctx, "year", -1)


def this_year(match: re.Match[str], ctx: Context) -> Resolved:
    """The anchor's year ("for the full year", "by year-end"); the year before after "since"."""
    if ctx.first is None or not ctx.at_least("year"):
        return None
    since = re.search(r"\bsince\s+$", match.string[max(0, match.start("x") - 10) : match.start("x")])
    return str(ctx.first.year - (1 if since else 0)), "year"


def relative_fiscal_year(match: re.Match[str], ctx: Context) -> Resolved:
    """ "last fiscal year" → the anchor's year before, "next fiscal year" the one after."""
    rel = (match.group("rel") or match.group("rel2")).lower().split()[-1]
    return shifted_anchor(ctx, "year", {"next": 1, "coming": 1, "this": 0}.get(rel, -1))


def one_year(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the year ended Sept. 30": a twelve-month period."""
    return "P1Y", "duration"


def quarter_of_relative_year(match: re.Match[str], ctx: Context) -> Resolved:
    """ "next year's first quarter", "last year's quarter": that quarter of the year named."""
    if ctx.first is None or not ctx.at_least("month"):
        return None
    ordinal = match.group("ord")
    quarter = ordinal_number(ordinal) if ordinal else (ctx.quarter[1] if ctx.quarter else None)
    if quarter is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    return quarter_value(ctx.first.year + shift, quarter), "quarter"


def current_quarter(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the current quarter": the one the anchor falls in."""
    return shifted_anchor(ctx, "quarter", 0)


def half_year(match: re.Match[str], ctx: Context) -> Resolved:
    """ "the first half of 1990", "the last half of 1989", "the first two quarters of 1990": "1990-H1"."""
    half = 1 if match.group("which").lower() == "first" else 2
    return f"{match.group('year')}-H{half}", "half"


# Words of quarterly results; not a quarter-century, nor a fraction ("three-quarters", "a quarter of").
_QUARTER_WORDS = re.compile(
    r"\bquarter(?<!three-quarter)(?!-century|s?\s+of\b)|\bperiod\b|\bquarterly\b", re.IGNORECASE
)
# The period results are given for: a quarter, or a longer span ("the first nine months", "six
# months ended", "the fiscal year", "the first half"); "three months" is a quarter.
_RESULTS_PERIOD = re.compile(
    # The lookahead only lets the scan skip fast over words that cannot begin a period.
    r"(?=[qtnsfy]|[96]\s|12\s)(?:(?P<quarter>\bquarter(?<!three-quarter)(?!-century|s?\s+of\b)|\bquarterly\b|\bthree\s+months\b)"
    r"|(?P<span>\b(?:nine|six|twelve|9|6|12)\s+months\b|\b(?:first|second)\s+half\b|\bfull\s+year\b"
    r"|\b(?:fiscal\s+)?year\s+end(?:ed|ing)\b|\bfiscal\s+year\b))",
    re.IGNORECASE,
)
_PER_SHARE = re.compile(r"\ba\s+share\b|\bcents\b", re.IGNORECASE)
_NAMED_QUARTER = re.compile(
    rf"\b(?P<ord>first|second|third|fourth)[-\s]+quarter(?:(?:\s+of|,)?\s+(?:fiscal\s+)?{YEAR})?",
    re.IGNORECASE,
)


class QuarterContext:
    """Which quarter quarterly-results prose is reporting at each point of a text.

    The last quarter named before a point ("third-quarter profit"), else the last quarter to
    end before the anchor: results are reported after the quarter closes.
    """

    def __init__(self, text: str, first: dt.date | None, granularity: Granularity | None) -> None:
        self.text = text
        self.default: tuple[int, int] | None = None
        if first is not None and granularity in ("day", "month"):
            current = (first.month - 1) // 3 + 1
            self.default = (first.year, current - 1) if current > 1 else (first.year - 1, 4)
        self.named: list[tuple[int, tuple[int, int], bool]] = []
        self._periods: list[tuple[int, bool]] | None = None
        self._period_starts: list[int] = []
        for match in _NAMED_QUARTER.finditer(text):
            number = ordinal_number(match.group("ord"))
            year = int(match.group("year")) if match.group("year") else None
            if year is None and self.default is not None:
                # Unyeared: the anchor's year, or the year before for a quarter not yet begun.
                year = (
                    first.year if first and dt.date(first.year, 3 * (number or 1) - 2, 1) <= first else None
                )
                year = year or (first.year - 1 if first else None)
            if number and year:
                # A quarter reported in the past tense is over, whatever the calendar says: a fiscal
                # year's fourth quarter may end in September ("reported lower fourth-quarter profit").
                reported = clause_tense(text, match.start(), match.end()) == "past"
                self.named.append((match.start(), (year, number), reported))

    def at(self, position: int) -> tuple[int, int] | None:
        # A quarter named in the last few sentences, and already over (results come after it).
        before = [
            quarter
            for start, quarter, reported in self.named
            if position - 600 <= start < position
            and (self.default is None or quarter <= self.default or reported)
        ]
        return before[-1] if before else self.default

    def quarterly(self, position: int) -> bool:
        """Whether quarterly results are spoken of just before `position`, and not a longer span since."""
        found = _QUARTER_WORDS.search(self.text, max(0, position - 400), position) is not None
        if not found and _NAMED_QUARTER.search(self.text, 0, min(position, 400)):
            # An article whose lead reports a quarter goes on comparing that quarter's results
            # further down: "A year earlier, net income was $2.1 million, or six cents a share."
            start = max(self.text.rfind(". ", 0, position), self.text.rfind("\n", 0, position))
            found = _PER_SHARE.search(self.text, max(0, start), position + 80) is not None
        return found and not self.span(position)

    def span(self, position: int) -> bool:
        """Whether the results period named last before `position` is longer than a quarter."""
        if self._periods is None:
            # One scan of the text, the first time a period is asked for.
            self._periods = [
                (m.start(), m.group("span") is not None) for m in _RESULTS_PERIOD.finditer(self.text)
            ]
            self._period_starts = [start for start, _ in self._periods]
        index = bisect.bisect_left(self._period_starts, position) - 1
        return index >= 0 and self._periods[index][0] >= position - 400 and self._periods[index][1]
