"""find_times on readings of English and of TimeML that depend on the words around an expression:
the tense a partial date or a weekday takes, rates that are no sets, and the period
quarterly-results prose is comparing."""

from __future__ import annotations

import datetime as dt

from dateline.time import find_times


def resolve(text: str, anchor: dt.date) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in find_times(text, anchor)]


def test_a_date_far_from_the_anchor_with_no_tense_is_the_past_one() -> None:
    text = "Police have been looking for him since shortly after the Oct. 23 shooting."
    # Oct. 23 lies five months either side of May 6; the words name no tense: the one gone by.
    assert resolve(text, dt.date(1999, 5, 6)) == [("Oct. 23", "1998-10-23")]
    # Within two months of the anchor, the nearest one either side.
    assert resolve("Dividends are payable Nov. 17 to holders.", dt.date(1989, 10, 30)) == [
        ("Nov. 17", "1989-11-17")
    ]


def test_the_infinitive_after_a_decision_is_still_to_come() -> None:
    text = (
        "NATO has decided to admit Poland, Hungary and the Czech Republic in early March, an official said."
    )
    assert resolve(text, dt.date(1999, 2, 10)) == [("early March", "1999-03")]
    # Without the decision, a past clause takes the March gone by.
    assert resolve("NATO admitted the three countries in early March.", dt.date(1999, 2, 10)) == [
        ("early March", "1998-03")
    ]


def test_a_time_after_can_or_may_is_ahead() -> None:
    text = "The three can now take part in planning for the NATO summit in April."
    assert resolve(text, dt.date(1998, 12, 5)) == [("now", "PRESENT_REF"), ("April", "1999-04")]


def test_a_frequency_after_a_quantity_is_a_rate_not_a_set() -> None:
    anchor = dt.date(1989, 10, 30)
    assert resolve("Management expects revenue to increase by 20% annually.", anchor) == []
    assert resolve("The plant would produce about 10,000 units annually.", anchor) == []
    assert resolve("Similar ceremonies are held here annually.", anchor) == [("annually", "P1Y")]
    # A clock time before it is no quantity: the talks take place every day.
    assert resolve("Talks run until 2pm (12pm GMT) daily.", anchor)[-1] == ("daily", "P1D")


def test_and_a_half_adds_half_a_unit() -> None:
    anchor = dt.date(1998, 1, 14)
    assert resolve("But a minute and a half later, a pilot called in.", anchor) == [
        ("a minute and a half", "PT1M30S")
    ]
    assert resolve("The meeting lasted two hours and a half.", anchor) == [
        ("two hours and a half", "PT2H30M")
    ]


def test_later_in_the_day_with_no_day_named_is_the_anchor_day() -> None:
    text = "The issue came up again as the president arrived in Philadelphia later in the day."
    assert resolve(text, dt.date(1998, 2, 13)) == [("later in the day", "1998-02-13")]


def test_this_quarter_in_results_is_the_quarter_reported() -> None:
    text = (
        "The publisher reported a net loss of $8.1 million for the third quarter ended Sept. 30. "
        "This quarter's loss includes pretax charges of $4.9 million."
    )
    found = resolve(text, dt.date(1989, 11, 1))
    assert ("This quarter", "1989-Q3") in found
    ahead = "The publisher will report results this quarter."
    assert resolve(ahead, dt.date(1989, 11, 1)) == [("this quarter", "1989-Q4")]


def test_a_fiscal_quarter_reported_in_the_past_is_over() -> None:
    text = (
        "Ralston Purina Co. reported a 47% decline in fourth-quarter earnings. The company earned "
        "$45.2 million, or 65 cents a share, compared with $84.9 million a year earlier."
    )
    # Early November: the calendar's fourth quarter has begun, but the fiscal one was reported.
    assert resolve(text, dt.date(1989, 11, 2)) == [
        ("fourth-quarter", "1989-Q4"),
        ("a year earlier", "1988-Q4"),
    ]


def test_after_a_longer_span_the_comparison_is_with_that_span() -> None:
    text = (
        "Travelers Corp.'s third-quarter net income rose 11%. "
        "In the first nine months, net was $306 million, compared with a loss of $195 million in "
        "the 1988 period. The year-ago results included a $415 million charge."
    )
    found = resolve(text, dt.date(1989, 11, 2))
    assert ("the 1988 period", "1988") in found
    assert ("year-ago", "1988") in found


def test_a_comparison_far_below_a_quarterly_lead_is_with_that_quarter() -> None:
    filler = "The company said it will record a reserve for its defense group and write off costs. " * 6
    text = (
        "Hadson Corp. said it expects to report a third-quarter net loss of $17 million. "
        + filler
        + "A year earlier, net income was $2.1 million, or six cents a share."
    )
    assert ("A year earlier", "1988-Q3") in resolve(text, dt.date(1989, 11, 2))


def test_a_word_cut_by_the_tense_window_is_no_cue() -> None:
    text = (
        "Rep. Dan Burton said he subpoenaed the 6-year-old boy to testify before the Committee "
        "on Government Reform on Feb. 10, so he stays in the country."
    )
    # "subpoenaed ... to testify" is still to come; the tail "…oenaed" of a cut word says nothing.
    assert resolve(text, dt.date(2000, 1, 7)) == [("Feb. 10", "2000-02-10")]


def test_then_current_is_not_the_present() -> None:
    anchor = dt.date(1989, 10, 26)
    assert resolve("Holders may buy shares at half the then current market price.", anchor) == []
    assert resolve("He blamed current market conditions.", anchor) == [("current", "PRESENT_REF")]


def test_the_year_earlier_nine_months_is_a_length() -> None:
    text = "Net for the year-earlier nine months also included a gain of $9.7 million."
    assert resolve(text, dt.date(1989, 10, 26)) == [("the year-earlier nine months", "P9M")]


def test_a_quotation_ends_the_clause_that_gives_the_tense() -> None:
    text = "“It is as powerful as it may be.” The envoy, speaking on Monday at a think tank, said so."
    # The quotation's "may" says nothing of Monday, the day before a Tuesday anchor.
    assert resolve(text, dt.date(2018, 12, 18)) == [("Monday", "2018-12-17")]


def test_a_modal_after_the_time_does_not_put_it_ahead() -> None:
    text = "She insisted that the chemical attack on Saturday cannot go unchallenged."
    assert resolve(text, dt.date(2018, 4, 12)) == [("Saturday", "2018-04-07")]


def test_the_time_a_decision_was_taken_is_not_ahead() -> None:
    text = "On July 14, the parties agreed to unblock the ports."
    assert resolve(text, dt.date(2022, 7, 22)) == [("July 14", "2022-07-14")]


def test_up_to_a_month_is_a_deadline() -> None:
    text = "The waivers let them keep importing crude for six months up to May."
    assert ("May", "2019-05") in resolve(text, dt.date(2019, 2, 12))


def test_the_first_two_quarters_of_a_year_are_its_first_half() -> None:
    text = "Losses will continue through at least the first two quarters of 1990, analysts say."
    assert resolve(text, dt.date(1989, 10, 26)) == [("the first two quarters of 1990", "1990-H1")]
