"""An event's date: the expression of its own clause, not merely the nearest one."""

from __future__ import annotations

from event_dating import dated


def test_the_trigger_clause_wins_over_a_nearer_expression() -> None:
    sentence = "The minister, who arrived on Monday, met the president on Tuesday."
    assert dated(sentence, "met") == ("2020-12-22", "day")
    assert dated(sentence, "arrived") == ("2020-12-21", "day")


def test_a_since_phrase_dates_another_event() -> None:
    sentence = "Noh spoke with his counterpart in their first talks since his appointment on Monday."
    assert dated(sentence, "spoke") == ("2020-12-23", "day")  # the article's date


def test_durations_and_references_date_nothing() -> None:
    assert dated("The two sides have now talked for three years.", "talked") == ("2020-12-23", "day")


def test_a_part_of_the_day_gives_its_day() -> None:
    assert dated("Rebels attacked the base on Monday night.", "attacked") == ("2020-12-21", "day")


def test_planned_events_may_lie_ahead_but_past_ones_may_not() -> None:
    sentence = "The envoys will meet in Geneva next month."
    assert dated(sentence, "meet", "planned") == ("2021-01", "month")
    assert dated(sentence, "meet") == ("2020-12-23", "day")


def test_impossible_dates_and_sets_date_nothing() -> None:
    # A flagged date ("February 30") gives no date; the article's stands. A recurring day in the
    # act's clause says the act has no single day: no date rather than the article's.
    assert dated("Talks ended on February 30 in Geneva.", "ended") == ("2020-12-23", "day")
    assert dated("The envoys meet every Thursday in Geneva.", "meet") == (None, None)


def test_a_past_event_never_takes_a_date_after_its_report() -> None:
    # The only date in the sentence lies ahead; what the report says happened keeps the report's date.
    assert dated("The envoys met in Geneva to prepare the Dec. 28 summit.", "met") == ("2020-12-23", "day")
