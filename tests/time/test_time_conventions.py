"""TimeML conventions of find_times: centuries, recurring days, vague references, parts of the
day named by the text, "-long" durations, and impossible dates that are flagged, not guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.time import find_times
from dateline.time.values import bounds, to_record

THU = dt.date(2000, 2, 24)  # a Thursday


def resolve(text: str, anchor: dt.date | None = THU) -> list[tuple[str, str, str]]:
    return [(e.text, e.value, e.granularity) for e in find_times(text, anchor)]


def test_centuries_take_the_first_two_digits_of_their_years() -> None:
    assert resolve("The fabled 11th century temple survived the twentieth century.") == [
        ("11th century", "10", "century"),
        ("the twentieth century", "19", "century"),
    ]
    assert bounds("19", "century") == (dt.date(1900, 1, 1), dt.date(1999, 12, 31))
    assert to_record("19", "century") is None  # too coarse to date an event


def test_recurring_days_months_and_seasons_are_sets() -> None:
    text = "Flights leave every Thursday and on Mondays, with extra Tuesday nights; rallies each July."
    assert resolve(text) == [
        ("every Thursday", "XXXX-WXX-4", "set"),
        ("Mondays", "XXXX-WXX-1", "set"),
        ("Tuesday nights", "XXXX-WXX-2TNI", "set"),
        ("each July", "XXXX-07", "set"),
    ]
    assert resolve("Storms hit the coast every summer.") == [("every summer", "XXXX-SU", "set")]


def test_soon_is_the_future_unless_the_clause_is_past() -> None:
    assert resolve("Prosecutors may soon seek an indictment.") == [("soon", "FUTURE_REF", "ref")]
    assert resolve("He was soon released from hospital.") == []
    assert resolve("Leave as soon as you can; it fell soon after.") == []


def test_vague_points_in_the_past_are_past_refs_not_lengths() -> None:
    assert resolve("The share rose from 35 percent several years ago.") == [
        ("several years ago", "PAST_REF", "ref")
    ]


def test_the_week_of_a_day_is_its_iso_week() -> None:
    assert resolve("A hearing is set for the week of March 6.") == [
        ("the week of March 6", "2000-W10", "week")
    ]


def test_mid_parts_of_the_day() -> None:
    assert resolve("Shares were up at mid-afternoon yesterday.") == [
        ("mid-afternoon yesterday", "2000-02-23TAF", "time")
    ]
    assert resolve("By mid afternoon, officials were saying the attack was over.") == [
        ("mid afternoon", "2000-02-24TAF", "time")
    ]


def test_parts_of_the_day_just_named_refer_back_to_it() -> None:
    text = "Trading resumed on Friday. Dealers bought in the morning, and later in the day they sold."
    assert resolve(text) == [
        ("Friday", "2000-02-18", "day"),
        ("the morning", "2000-02-18TMO", "time"),
        ("later in the day", "2000-02-18", "day"),
    ]
    assert resolve("He was arrested on Monday and appeared in court the next morning.") == [
        ("Monday", "2000-02-21", "day"),
        ("the next morning", "2000-02-22TMO", "time"),
    ]
    # With no day named before it, "in the morning" is left alone.
    assert resolve("In the morning the market opened higher.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They emerged from a day-long meeting.", ("day-long", "P1D", "duration")),
        ("The minister's weeklong tour ended.", ("weeklong", "P1W", "duration")),
        ("A decades-long feud flared again.", ("decades-long", "PXY", "duration")),
    ],
)
def test_long_adjectives_are_durations(text: str, expected: tuple[str, str, str]) -> None:
    assert resolve(text) == [expected]


def test_along_and_names_ending_in_long_are_not_durations() -> None:
    assert resolve("Troops moved along the road from Anlong Veng.") == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The contract is dated 31/02/2020.", "31/02/2020"),
        ("The form was filed 2020-02-30.", "2020-02-30"),
        ("The deal runs to Dec. 23, 99999, they said.", "Dec. 23"),
        ("In the year 99999 the sun will still shine.", "the year 99999"),
    ],
)
def test_impossible_dates_and_far_years_are_flagged(text: str, words: str) -> None:
    for anchor in (THU, None):
        found = find_times(text, anchor)
        assert [(e.text, e.value, e.granularity) for e in found] == [(words, "", "unresolved")]


def test_an_initial_does_not_end_the_clause_that_gives_the_tense() -> None:
    # "P. Davison" is a name, not a sentence end: "will" still governs "Feb. 1".
    text = "Mr. Schwarz will succeed Daniel P. Davison Feb. 1, the bank said."
    assert resolve(text, dt.date(1989, 11, 1))[0] == ("Feb. 1", "1990-02-01", "day")


def test_frequencies_are_sets_of_their_period() -> None:
    assert resolve("Flights run twice a week and inspections three times a year.") == [
        ("twice a week", "P1W", "set"),
        ("three times a year", "P1Y", "set"),
    ]
    assert resolve("Polly Peck, once a small wholesaler, grew.") == []


def test_today_naming_the_present_age_is_not_a_day() -> None:
    assert resolve("The case speaks to today's youth and the leaders of tomorrow.") == []
    assert resolve("The minutes of today's meeting were released.") == [("today", "2000-02-24", "day")]


def test_years_in_words_take_a_month_or_season_before_them() -> None:
    assert resolve("January nineteen ninety-seven. Atlanta again.") == [
        ("January nineteen ninety-seven", "1997-01", "month")
    ]
    assert resolve("Prices fell to levels seen in the winter of nineteen ninety-four.") == [
        ("the winter of nineteen ninety-four", "1994-WI", "season")
    ]
