"""What resolving a time expression takes and gives: the `TimeExpression` found in a text,
the `Context` a resolver reads (the anchor's span, the clause's tense, the preposition before
the expression, the quarter being reported), the anchor moved by whole units, and the test that a
value names days that exist.

A resolver is a function (match, context) -> (value, granularity) or None, one per pattern of
`finding`; the resolvers live in `calendar_dates`, `durations` and `quarters`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.model import Granularity
from dateline.time.tense import Tense
from dateline.time.values import (
    TimeGranularity,
    add_months,
    bounds,
    day_value,
    month_value,
    quarter_value,
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
class Context:
    """What a resolver knows: the anchor's span (None: no anchor), the tense of the clause
    (None: it does not say), and the quarter that quarterly-results prose is reporting."""

    first: dt.date | None
    last: dt.date | None
    granularity: Granularity | None
    tense: Tense
    quarter: tuple[int, int] | None = None  # (year, quarter) being reported, if any
    quarterly: bool = False  # whether the words just before speak of quarterly results
    # The preposition just before the expression ("on", "by"; "" for none).
    prep: str = ""
    # Whether the results last named are for a span longer than a quarter ("the first nine
    # months", "the year ended Sept. 30"): "a year earlier" is then that span a year before.
    span: bool = False

    @property
    def adverbial(self) -> bool:
        """Whether a preposition of time ties the expression to the clause's verb ("met on Dec. 24");
        without one it names a date of its own ("the Jan. 14 deadline", "of record Nov. 16")."""
        return self.prep in _ADVERBIAL_PREPS

    @property
    def future(self) -> bool:
        return self.tense == "future"

    @property
    def past(self) -> bool:
        return self.tense == "past"

    def at_least(self, granularity: Granularity) -> bool:
        """Whether the anchor is precise enough to resolve a `granularity`-relative expression."""
        order = {"day": 0, "month": 1, "year": 2}
        return self.granularity is not None and order[self.granularity] <= order[granularity]


Resolved = tuple[str, TimeGranularity] | None


def shifted_anchor(ctx: Context, unit: str, amount: int) -> Resolved:
    """The anchor moved by `amount` units, at that unit's granularity."""
    if ctx.first is None:
        return None
    if unit == "day" and ctx.at_least("day"):
        return day_value(ctx.first + dt.timedelta(days=amount)), "day"
    if unit == "week" and ctx.at_least("day"):
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


Resolver = Callable[[re.Match[str], Context], Resolved]


_ADVERBIAL_PREPS = {
    "on", "in", "since", "during", "from", "before", "after", "between", "throughout", "over", "into",
}  # fmt: skip


CALENDAR_GRANULARITIES = {"time", "day", "week", "month", "quarter", "season", "half", "year"}


def in_calendar(value: str, granularity: TimeGranularity) -> bool:
    """Whether a calendar value names days that exist (years 1 to 9999): "last year" against a
    year-1 anchor gives "0000", which no later step could turn into dates."""
    if granularity not in CALENDAR_GRANULARITIES:
        return True
    try:
        bounds(value, granularity)
    except (OverflowError, ValueError):
        return False
    return True
