"""The date of an act a sentence places "in recent days", "over the past few weeks" or "years ago".

News places acts in the days or weeks before the report without naming a day: "He has
repeatedly threatened an incursion in recent days", "In recent days the Pentagon released its
budget", "air strikes have killed 600 civilians in the last few weeks". The act's day (or days)
lies in that span, not on the report's day; what holds it is the month (or, when the span
crosses a month's end, the year) the span lies in.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.model import Granularity
from dateline.time.values import month_value

# "in recent days", "over the past few weeks", "in the last several days", "during recent weeks",
# "in the past week" (not "the past week's vote": a noun's modifier).
_RECENT = re.compile(
    r"\b(?:in|over|during|within|throughout)\s+(?:the\s+)?(?:(?:most\s+)?recent|past|last)\s+"
    r"(?:(?:few|several|couple\s+of|two|three|four|24|36|48|72)\s+)?(?P<unit>days|weeks|week|hours)\b(?![’']s?\b)",
    re.I,
)
# How far back each span reaches from the report: "recent days" are within about ten days, "recent
# weeks" within about five weeks, "the past week" within seven days, "the last 48 hours" within three.
_REACH = {"days": 10, "weeks": 35, "week": 7, "hours": 3}
# What parts a span from the act: a clause or an aside between them ("..., in recent weeks,
# sending aircraft after Athens refused ..."), or a clause that hangs on another act.
_BETWEEN_CLAUSES = re.compile(
    r"[,;:—–(]|\b(?:after|before|since|until|when|because|following|as|while|that)\b", re.I
)
# Where a span opens the sentence: "In recent days, airstrikes ... have killed dozens."
_OPENING = re.compile(r"^\W*$")


def recent_span(sentence: str, trigger: int, report_day: dt.date) -> tuple[str, Granularity] | None:
    """The month (or the year) holding the recent span the trigger's clause places its act in,
    or None when the clause names no such span or the span's days cross a year's end."""
    for match in _RECENT.finditer(sentence):
        if not _in_trigger_clause(sentence, match, trigger):
            continue  # another clause's span, or the span of another act
        first = report_day - dt.timedelta(days=_REACH[match.group("unit").lower()])
        return _holding(first, report_day)
    return None


def _in_trigger_clause(sentence: str, match: re.Match[str], trigger: int) -> bool:
    """True when the time phrase `match` is in the trigger's own clause: nothing parts them, or
    it opens the sentence ("In recent days, ..."), however far before the trigger."""
    if match.start() < trigger and _OPENING.match(sentence[: match.start()]):
        between = sentence[match.end() : trigger].lstrip(" ,")
    else:
        between = sentence[min(match.end(), trigger) : max(match.start(), trigger)]
    return not _BETWEEN_CLAUSES.search(between)


def _holding(first: dt.date, last: dt.date) -> tuple[str, Granularity] | None:
    """The month, else the year, that holds every day from `first` to `last`; None across a year's end."""
    if (first.year, first.month) == (last.year, last.month):
        return month_value(last.year, last.month), "month"
    if first.year == last.year:
        return str(last.year), "year"
    return None


# "days ago", "a few weeks ago", "several months ago", "years ago", "decades ago", "long ago", "in
# the past": a time back from the report at a distance the text does not give (not "two days
# ago", a day: the time finder's). Not a noun's modifier ("the past week's vote").
_AGO = re.compile(
    r"\b(?:(?:(?:a\s+few|several|many|some)\s+)?(?P<unit>days|weeks|months|years|decades|centuries)"
    r"|long)\s+ago\b|\bin\s+the\s+(?:distant\s+)?past\b(?![’']s?\b)",
    re.I,
)
# How far back each such time lies from the report, in days: "days ago" two to nine days, "weeks
# ago" two to nine weeks, "months ago" two to eleven months; years, decades and "the past" reach
# back further than any year holds.
_AGO_REACH = {"days": (2, 9), "weeks": (14, 63), "months": (60, 335)}


def past_at_a_distance(
    sentence: str, trigger: int, report_day: dt.date | None
) -> tuple[str | None, Granularity | None] | None:
    """The month or year holding a time the trigger's clause puts some way back from the report
    ("seized the town days ago", "Years ago, Britain imposed sanctions"), (None, None) when no
    month or year holds it ("decades ago", "in the past", a span across a year's end), and None
    when the clause names no such time: the act is not the report's day's. Without the report's
    day (`report_day` None: a report dated by its month) "days ago" and the like are left alone."""
    for match in _AGO.finditer(sentence):
        if not _in_trigger_clause(sentence, match, trigger):
            continue  # another clause's time, or the time of another act
        reach = _AGO_REACH.get((match.group("unit") or "").lower())
        if reach is None:
            return None, None
        if report_day is None:
            return None
        last = report_day - dt.timedelta(days=reach[0])
        first = report_day - dt.timedelta(days=reach[1])
        return _holding(first, last) or (None, None)
    return None
