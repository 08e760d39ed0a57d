"""One event dated in an article: the shared set-up of the event-date tests.

`dated` puts the sentence in an empty article dated Wednesday 23 December 2020; `dated_in_body`
puts it in a body the test writes. The sentences are written by each test.
"""

from __future__ import annotations

from dateline.model import Actor, Article, Event, Modality
from dateline.time import date_event

ARTICLE = Article(doc_id="d", position=0, start=0, end=1, body="", date="2020-12-23", date_granularity="day")


def _event(
    sentence: str, trigger: str, start: int, end: int, code: tuple[str, str], modality: Modality = "asserted"
) -> Event:
    """The event `trigger` names in `sentence`, which runs from `start` to `end` in its article."""
    return Event(
        type=code[0],
        cameo=code[1],
        source=Actor("Someone"),
        target=None,
        trigger=trigger,
        trigger_start=start + sentence.index(trigger),
        evidence=sentence,
        article_id="a",
        sentence_start=start,
        sentence_end=end,
        modality=modality,
    )


def dated(
    sentence: str, trigger: str, modality: Modality = "asserted", code: tuple[str, str] = ("CONSULT", "040")
) -> tuple[str | None, str | None]:
    """The date and granularity the time stage gives the event `trigger` names in `sentence`."""
    result = date_event(_event(sentence, trigger, 0, len(sentence), code, modality), ARTICLE)
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
    end = -1 if headline else start + len(sentence)
    return date_event(_event(sentence, trigger, start, end, code), article).date
