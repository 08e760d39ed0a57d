"""Forms of dates that news writes and find_times reads: fiscal years, spelled-out days, decades
without their century, "mid-March", "the March vote", "last February", "this past weekend" and
"a week from now"."""

from __future__ import annotations

import datetime as dt

from dateline.time import find_times

WED = dt.date(2019, 6, 12)  # a Wednesday


def resolve(text: str, anchor: dt.date | None = WED) -> list[tuple[str, str, str]]:
    return [(e.text, e.value, e.granularity) for e in find_times(text, anchor)]


def test_fiscal_years_are_counted_from_the_anchor() -> None:
    assert resolve("The company expects lower earnings for the fiscal year.") == [
        ("the fiscal year", "2019", "year")
    ]
    assert resolve("Sales fell in the latest fiscal year and rose last fiscal year.") == [
        ("the latest fiscal year", "2018", "year"),
        ("last fiscal year", "2018", "year"),
    ]
    assert resolve("It will cut jobs next fiscal year.") == [("next fiscal year", "2020", "year")]
    # A fiscal year that ends on a named day is a length, as before.
    assert resolve("In the fiscal year ended Jan. 31, it lost money.")[0] == (
        "the fiscal year",
        "P1Y",
        "duration",
    )


def test_fiscal_year_and_fy_before_a_year_name_that_year() -> None:
    assert resolve("Its fiscal year 2018 results and FY2019 budget were cut.") == [
        ("fiscal year 2018", "2018", "year"),
        ("FY2019", "2019", "year"),
    ]


def test_days_written_as_ordinal_words() -> None:
    assert resolve("The vote was held on the twenty-third of March.") == [
        ("the twenty-third of March", "2019-03-23", "day")
    ]
    assert resolve("He left on the second of March 1998.") == [
        ("the second of March 1998", "1998-03-02", "day")
    ]
    assert resolve("The talks will resume on July first.") == [("July first", "2019-07-01", "day")]
    # "may first" is a verb; a day that does not exist is flagged, not read as the month.
    assert resolve("Voters may first need to register.") == []
    assert resolve("It is due on the thirtieth of February.") == [
        ("the thirtieth of February", "", "unresolved")
    ]


def test_decades_without_their_century_need_the_apostrophe() -> None:
    assert resolve("Prices last rose this fast in the '90s and the mid-'80s.") == [
        ("the '90s", "199", "decade"),
        ("the mid-'80s", "198", "decade"),
    ]
    assert resolve("Temperatures were in the mid-90s.") == []  # degrees, not a decade


def test_a_phase_or_a_following_noun_makes_may_and_march_a_month() -> None:
    assert resolve("Troops have been on alert since mid-March.") == [("mid-March", "2019-03", "month")]
    assert resolve("The March accession will admit three states.", dt.date(1999, 2, 10)) == [
        ("March", "1999-03", "month")
    ]
    assert resolve("He joined the March on Washington.") == []
    assert resolve("Theresa May said the May elections mattered.") == [("May", "2019-05", "month")]


def test_last_with_the_month_just_ended_means_a_year_back() -> None:
    # The month just ended is "last month"; "last February" said in March is a year earlier.
    assert resolve("Two helicopters crashed last February.", dt.date(1998, 3, 1)) == [
        ("last February", "1997-02", "month")
    ]
    assert resolve("Prices fell last January.", dt.date(1998, 3, 1)) == [("last January", "1998-01", "month")]
    assert resolve("Prices fell this past February.", dt.date(1998, 3, 1)) == [
        ("this past February", "1998-02", "month")
    ]


def test_this_past_weekend_is_the_weekend_just_over() -> None:
    assert resolve("The two sides met this past weekend.") == [("this past weekend", "2019-W23-WE", "week")]


def test_a_length_from_now_is_a_date_ahead() -> None:
    assert resolve("A ruling is due a week from now.") == [("a week from now", "2019-W25", "week")]
    assert resolve("He returns two days from today.") == [("two days from today", "2019-06-14", "day")]
