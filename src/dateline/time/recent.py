"""The date of an act a sentence places "in recent days" or "over the past few weeks".

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
        if match.start() < trigger and _OPENING.match(sentence[: match.start()]):
            between = sentence[match.end() : trigger].lstrip(" ,")  # "In recent days, ..."
        else:
            between = sentence[min(match.end(), trigger) : max(match.start(), trigger)]
        if _BETWEEN_CLAUSES.search(between):
            continue  # another clause's span, or the span of another act
        first = report_day - dt.timedelta(days=_REACH[match.group("unit").lower()])
        if (first.year, first.month) == (report_day.year, report_day.month):
            return month_value(report_day.year, report_day.month), "month"
        if first.year == report_day.year:
            return str(report_day.year), "year"
        return None
    return None
