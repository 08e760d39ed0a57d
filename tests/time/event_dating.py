"""One event dated in a one-sentence article: the shared set-up of the event-date tests.

The article is dated Wednesday 23 December 2020; the sentences are written by each test.
"""

from __future__ import annotations

from dateline.model import Actor, Article, Event, Modality
from dateline.time import date_event

ARTICLE = Article(doc_id="d", position=0, start=0, end=1, body="", date="2020-12-23", date_granularity="day")


def dated(
    sentence: str, trigger: str, modality: Modality = "asserted", code: tuple[str, str] = ("CONSULT", "040")
) -> tuple[str | None, str | None]:
    """The date and granularity the time stage gives the event `trigger` names in `sentence`."""
    event = Event(
        type=code[0],
        cameo=code[1],
        source=Actor("Someone"),
        target=None,
        trigger=trigger,
        trigger_start=sentence.index(trigger),
        evidence=sentence,
        article_id="a",
        sentence_start=0,
        sentence_end=len(sentence),
        modality=modality,
    )
    result = date_event(event, ARTICLE)
    return result.date, result.date_granularity


def dated_in_body(
    body: str,
    sentence: str,
    trigger: str,
    date: str = "2020-12-23",
    code: tuple[str, str] = ("CONSULT", "040"),
    headline: bool = False,
) -> str | None:
    """The date the time stage gives the event `trigger` names in `sentence`, a sentence of
    `body` (an article dated `date`), or the article's headline when `headline`."""
    article = Article(
        doc_id="d", position=0, start=0, end=len(body), body=body, date=date, date_granularity="day"
    )
    start = -(len(sentence) + 1) if headline else body.index(sentence)
    event = Event(
        type=code[0],
        cameo=code[1],
        source=Actor("Someone"),
        target=None,
        trigger=trigger,
        trigger_start=start + sentence.index(trigger),
        evidence=sentence,
        article_id="a",
        sentence_start=start,
        sentence_end=-1 if headline else start + len(sentence),
    )
    return date_event(event, article).date
