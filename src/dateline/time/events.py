"""The date of one event: the time expression that governs its clause, else its sentence's,
else its article's."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateline.model import Article, Event
from dateline.time.expressions import TimeExpression, find_times
from dateline.time.values import bounds, parse_iso, to_record


def date_event(event: Event, article: Article) -> Event:
    """Give an event the date of the expression governing it, else the article's.

    The expression is the one in the trigger's clause, else the nearest in the evidence
    sentence, resolved against the article's date. An expression in a "since/after ..." phrase
    ("since his appointment earlier this week") dates another event and is not used. An
    asserted (past) event never gets a date after the article's; a planned one may ("will
    meet next month"). Durations, sets and references to the present ("now") date nothing.
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
        if _governed_by_another_event(event.evidence, expression, trigger):
            continue
        usable.append(expression)
    if usable:
        clauses = _clause_starts(event.evidence)
        here = _clause_of(trigger, clauses)
        best = min(
            usable,
            key=lambda e: (
                _clause_of(e.start, clauses) != here,
                _distance(e, trigger),
                e.granularity != "day",
            ),
        )
        record = to_record(best.value, best.granularity)
        assert record is not None  # filtered above
        return dataclasses.replace(event, date=record[0], date_granularity=record[1])
    return dataclasses.replace(event, date=article.date, date_granularity=article.date_granularity)


# Where a new clause begins: punctuation that ends one, a reporting verb's complement ("said
# that ..."), and the words that open a subordinate or coordinate clause after a comma.
# A comma is taken as a break too: an apposition or a relative clause ("The minister, who
# arrived on Monday, met ...") then stands apart from the main clause.
_CLAUSE_BREAK = re.compile(r"[;:,—–]\s*|\s-\s|\bthat\s|\b(?:said|says|told|added)\b")
# Phrases whose time belongs to another event: "since his appointment earlier this week",
# "after talks ended on Monday".
_OTHER_EVENT = re.compile(r"\b(?:since|after|before|until|following|ahead\s+of)\s+(?:\S+\s+){0,5}$", re.I)


def _clause_starts(sentence: str) -> list[int]:
    """Offsets where the sentence's clauses begin, the first at 0."""
    return [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)]


def _clause_of(position: int, starts: list[int]) -> int:
    """The index of the clause holding `position`."""
    return sum(1 for start in starts if start <= position) - 1


def _governed_by_another_event(sentence: str, expression: TimeExpression, trigger: int) -> bool:
    """Whether the expression sits in a "since/after/before ..." phrase about another event (one
    that does not hold the trigger: "before Biden takes office next month" dates "takes office")."""
    window = max(0, expression.start - 60)
    found = _OTHER_EVENT.search(sentence[window : expression.start])
    return found is not None and not (window + found.start() <= trigger < expression.start)


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
