"""Date the articles that nothing in their own text dates, from the other reports of their story.

A page without metadata, dateline or any date in its text still reports the same
happening as the dated articles of its story, and reports of one happening come
out within days of each other. Such an article takes the date its story's dated
reports agree on, only as precisely as they agree (the day when they all give
the same day, else the month, else the year), with `date_source` "story" so that
a reader can tell, and so that a later rebuild never counts it as evidence. Its
events are then dated again against that date, so "on Wednesday" resolves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from dateline.model import Article, Event, Granularity
from dateline.time import date_event

# How many characters of an ISO date each granularity keeps.
_WIDTH: dict[Granularity, int] = {"day": 10, "month": 7, "year": 4}


def story_date(articles: Sequence[Article]) -> tuple[str, Granularity] | None:
    """The date the story's own dated reports agree on, as finely as they agree; None if none is dated."""
    dated = [
        (a.date, a.date_granularity or "year")
        for a in articles
        if a.date and a.date_source not in (None, "story")
    ]
    if not dated:
        return None
    for granularity in ("day", "month", "year"):
        width = _WIDTH[granularity]
        # Only reports at least this precise can agree at this precision.
        if all(len(date) >= width for date, _ in dated):
            values = {date[:width] for date, _ in dated}
            if len(values) == 1:
                return values.pop(), granularity
    earliest = min(date for date, _ in dated)
    return earliest[:4], "year"


def date_from_story(
    articles: Sequence[Article], events_of: Mapping[str, Sequence[Event]]
) -> tuple[list[Article], dict[str, list[Event]]]:
    """Articles with no date of their own dated from their story, and their events dated again.

    Returns the articles whose date changed and the new events of each (by article id);
    articles dated by their own text are never touched.
    """
    found = story_date(articles)
    changed: list[Article] = []
    events: dict[str, list[Event]] = {}
    for article in articles:
        if article.date and article.date_source != "story":
            continue
        if found is None:
            if article.date_source != "story":
                continue
            # The reports it was dated from are gone from the story: it has no date again.
            redated = dataclasses.replace(article, date=None, date_granularity=None, date_source=None)
        else:
            date, granularity = found
            redated = dataclasses.replace(
                article, date=date, date_granularity=granularity, date_source="story"
            )
        if redated == article:
            continue
        changed.append(redated)
        events[article.id] = [date_event(event, redated) for event in events_of.get(article.id, ())]
    return changed, events
