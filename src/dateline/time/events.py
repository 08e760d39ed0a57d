"""The date of one event: the time expression that governs its sentence, else its article's."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dateline.model import Article, Event
from dateline.time.expressions import TimeExpression, find_times
from dateline.time.values import bounds, parse_iso, to_record


def date_event(event: Event, article: Article) -> Event:
    """Give an event the date of the expression governing it, else the article's.

    The expression is the one in the evidence sentence nearest the trigger, resolved against
    the article's date. An asserted (past) event never gets a date after the article's;
    a planned one may ("will meet next month").
    """
    anchor = parse_iso(article.date) if article.date else None
    planned = event.modality == "planned"
    expressions = find_times(
        event.evidence,
        anchor[0] if anchor else None,
        article.date_granularity if anchor else None,
        past=not planned,
    )
    trigger = event.trigger_start - event.sentence_start
    article_last = _article_last_day(article)
    usable: list[TimeExpression] = []
    for expression in expressions:
        if to_record(expression.value, expression.granularity) is None:
            continue
        if not planned and article_last is not None and expression.first_day > article_last:
            continue  # a past event cannot come after its report
        usable.append(expression)
    if usable:
        best = min(usable, key=lambda e: (_distance(e, trigger), e.granularity != "day"))
        record = to_record(best.value, best.granularity)
        assert record is not None  # filtered above
        return dataclasses.replace(event, date=record[0], date_granularity=record[1])
    return dataclasses.replace(event, date=article.date, date_granularity=article.date_granularity)


def _distance(expression: TimeExpression, position: int) -> int:
    """Characters between the expression and a position (0 when it covers it)."""
    if expression.start <= position < expression.end:
        return 0
    return expression.start - position if expression.start > position else position - expression.end


def _article_last_day(article: Article) -> dt.date | None:
    """The last day the article's date covers (its month's last day for a month)."""
    if article.date is None or article.date_granularity is None or parse_iso(article.date) is None:
        return None
    return bounds(article.date, article.date_granularity)[1]
