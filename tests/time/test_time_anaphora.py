"""Anaphoric time expressions count from the time the text just named; deictic ones from the anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.time import find_times

WED = dt.date(2020, 12, 23)  # a Wednesday


def values(text: str, anchor: dt.date | None = WED) -> dict[str, str]:
    return {e.text: e.value for e in find_times(text, anchor, "day", past=True)}


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # The day named just before, not the anchor's day before.
        (
            "Rebels took the town on Dec. 14. The previous day, the army had pulled out.",
            "The previous day",
            "2020-12-13",
        ),
        (
            "Rebels took the town on Dec. 14. The next day, the army struck back.",
            "The next day",
            "2020-12-15",
        ),
        (
            "The blast came on March 3, 2019. Two days later, police made arrests.",
            "Two days later",
            "2019-03-05",
        ),
        ("The plant opened in 2015. A year earlier, the site was a field.", "A year earlier", "2014"),
        (
            "Rebels shelled the town on Dec. 14. Three weeks later, they withdrew.",
            "Three weeks later",
            "2021-W01",
        ),
        ("The vote was held on Dec. 14. That night, crowds gathered.", "That night", "2020-12-14TNI"),
        (
            "The envoy met the king on Monday. The following day, he flew home.",
            "The following day",
            "2020-12-22",
        ),
    ],
)
def test_anaphors_count_from_the_time_just_named(text: str, words: str, value: str) -> None:
    assert values(text)[words] == value


def test_an_anaphor_with_no_day_near_counts_from_the_anchor() -> None:
    assert values("A ceasefire began the previous day.")["the previous day"] == "2020-12-22"
    assert values("Police arrived the next day.")["the next day"] == "2020-12-24"


def test_a_day_named_sentences_before_is_too_far() -> None:
    text = (
        "The treaty was signed on Dec. 1. Talks had dragged on. Both sides hesitated. "
        "Observers waited. The previous day, crowds had gathered."
    )
    assert values(text)["The previous day"] == "2020-12-22"


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # Deictic expressions stay with the anchor whatever the text named before.
        ("The treaty was signed on March 3, 2019. Officials met again on Monday.", "Monday", "2020-12-21"),
        ("The plant opened in 2015. A year ago, it closed.", "A year ago", "2019"),
        ("The plant opened in 2015. Yesterday, it reopened.", "Yesterday", "2020-12-22"),
    ],
)
def test_deictic_expressions_stay_with_the_anchor(text: str, words: str, value: str) -> None:
    assert values(text)[words] == value


def test_a_comparison_is_no_time_to_count_from() -> None:
    text = "Year-earlier results included a gain. Sales rose from a loss a year earlier."
    assert values(text)["a year earlier"] == "2019"


def test_a_quarterly_year_earlier_keeps_the_reported_quarter() -> None:
    text = "Third-quarter profit rose 5% on Dec. 1 from a year earlier."
    assert values(text)["a year earlier"] == "2019-Q3"


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Shops closed the day before Thanksgiving.", "the day before Thanksgiving", "2020-11-25"),
        ("Two days after Dec. 14, the talks resumed.", "Two days after Dec. 14", "2020-12-16"),
    ],
)
def test_a_count_before_a_named_time_counts_from_it(text: str, words: str, value: str) -> None:
    assert values(text)[words] == value


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # The day named just before in the sentence.
        ("On Monday, the blast came at 10 p.m. near the port.", "10 p.m.", "2020-12-21T22:00"),
        # The day named right after it, past a time zone note in brackets.
        ("The blast came at 10:35 a.m. (0735 GMT) Monday, police said.", "10:35 a.m.", "2020-12-21T10:35"),
        # No day in the sentence: the anchor's.
        ("The blast came at 10 p.m. near the port.", "10 p.m.", "2020-12-23T22:00"),
    ],
)
def test_a_bare_clock_time_takes_the_day_just_named(text: str, words: str, value: str) -> None:
    assert values(text)[words] == value


def test_a_day_of_an_earlier_sentence_does_not_date_a_clock_time() -> None:
    text = "Rebels took the town on Monday. The blast came at 10 p.m. near the port."
    assert values(text)["10 p.m."] == "2020-12-23T22:00"


def test_without_an_anchor_nothing_is_guessed() -> None:
    assert "The previous day" not in values("The previous day, the army had pulled out.", None)


def test_the_day_of_a_report_does_not_date_a_clock_time() -> None:
    text = "Police said Monday that the blast came at 10 p.m. near the port."
    assert values(text)["10 p.m."] == "2020-12-23T22:00"


def test_a_quarter_century_is_no_quarterly_report() -> None:
    text = "Jobs held near a quarter-century high. Wages were 3.8 percent higher than a year earlier."
    assert values(text)["a year earlier"] == "2019"


def test_one_day_after_a_modal_is_some_day_ahead() -> None:
    assert values("Islam will one day be the second religion here.")["one day"] == "FUTURE_REF"
    assert values("The action followed by one day a ruling.")["one day"] == "P1D"


def test_earlier_in_the_year_is_the_year_just_named_else_the_anchors() -> None:
    text = "The firm was sold in 2015. Earlier in the year, its founder had died."
    assert values(text)["Earlier in the year"] == "2015"
    assert values("Rains delayed planting earlier in the year.")["earlier in the year"] == "2020"


def test_a_second_day_of_the_month_is_a_date_too() -> None:
    found = values("Leaders will meet at the summit on April 24 and 25.", dt.date(1999, 2, 10))
    assert found["April 24"] == "1999-04-24"
    assert found["25"] == "1999-04-25"
    assert "25" not in values("On April 24 and 25 people were hurt.", dt.date(1999, 2, 10))
