"""An event's date: the expression of its own clause, not merely the nearest one."""

from __future__ import annotations

from dateline.model import Actor, Article, Event
from dateline.time import date_event

ARTICLE = Article(
    doc_id="d", position=0, start=0, end=1, body="", date="2020-12-23", date_granularity="day"
)  # a Wednesday


def _dated(sentence: str, trigger: str, modality: str = "asserted") -> tuple[str | None, str | None]:
    event = Event(
        type="CONSULT",
        cameo="040",
        source=Actor("Someone"),
        target=None,
        trigger=trigger,
        trigger_start=sentence.index(trigger),
        evidence=sentence,
        article_id="a",
        sentence_start=0,
        sentence_end=len(sentence),
        modality=modality,  # type: ignore[arg-type]
    )
    dated = date_event(event, ARTICLE)
    return dated.date, dated.date_granularity


def test_the_trigger_clause_wins_over_a_nearer_expression() -> None:
    sentence = "The minister, who arrived on Monday, met the president on Tuesday."
    assert _dated(sentence, "met") == ("2020-12-22", "day")
    assert _dated(sentence, "arrived") == ("2020-12-21", "day")


def test_a_since_phrase_dates_another_event() -> None:
    sentence = "Noh spoke with his counterpart in their first talks since his appointment on Monday."
    assert _dated(sentence, "spoke") == ("2020-12-23", "day")  # the article's date


def test_durations_and_references_date_nothing() -> None:
    assert _dated("The two sides have now talked for three years.", "talked") == ("2020-12-23", "day")


def test_a_part_of_the_day_gives_its_day() -> None:
    assert _dated("Rebels attacked the base on Monday night.", "attacked") == ("2020-12-21", "day")


def test_planned_events_may_lie_ahead_but_past_ones_may_not() -> None:
    sentence = "The envoys will meet in Geneva next month."
    assert _dated(sentence, "meet", "planned") == ("2021-01", "month")
    assert _dated(sentence, "meet") == ("2020-12-23", "day")


def test_impossible_dates_and_sets_date_nothing() -> None:
    # A flagged date ("February 30") gives no date; the article's stands. A recurring day in the
    # act's clause says the act has no single day: no date rather than the article's.
    assert _dated("Talks ended on February 30 in Geneva.", "ended") == ("2020-12-23", "day")
    assert _dated("The envoys meet every Thursday in Geneva.", "meet") == (None, None)


def test_a_past_event_never_takes_a_date_after_its_report() -> None:
    # The only date in the sentence lies ahead; what the report says happened keeps the report's date.
    assert _dated("The envoys met in Geneva to prepare the Dec. 28 summit.", "met") == ("2020-12-23", "day")
