"""Stage `time`: document dates and temporal expressions, resolved to ISO dates."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.model import Article, Event, RawDoc


def date_articles(articles: Sequence[Article], doc: RawDoc) -> list[Article]:
    """Give every article of one document its date, granularity and date source."""
    raise NotImplementedError  # filled in by the time stage work


def date_event(event: Event, article: Article) -> Event:
    """Give an event the date of the expression governing it, else the article's."""
    raise NotImplementedError  # filled in by the time stage work
