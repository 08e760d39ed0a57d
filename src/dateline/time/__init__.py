"""Stage `time`: document dates and temporal expressions, resolved to ISO dates.

- `find_times`: time expressions of a text, resolved against an anchor date (`finding`).
- `date_articles`: the publication date of every article of one paste (`document`).
- `date_event`: an event's date from its sentence, else its article's (`events`).
"""

from __future__ import annotations

from dateline.time.document import date_articles, metadata_date_problem
from dateline.time.events import date_event
from dateline.time.finding import find_times
from dateline.time.resolving import TimeExpression
from dateline.time.values import TimeGranularity

__all__ = [
    "TimeExpression",
    "TimeGranularity",
    "date_articles",
    "date_event",
    "find_times",
    "metadata_date_problem",
]
