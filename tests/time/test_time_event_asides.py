"""An event's date beside a clause that has its own: asides, what was said and when, a past
perfect, habits, "this <weekday>". The sentences are written for these tests; the article is
dated Wednesday 23 December 2020."""

from __future__ import annotations

import pytest
from event_dating import dated, dated_in_body

from dateline.model import Actor, Article, Event
from dateline.time import date_event


def test_a_year_in_an_aside_dates_the_aside_not_the_news() -> None:
    assert dated("Obasanjo, who stepped down as president in 2007, praised the deal.", "praised") == (
        "2020-12-23",
        "day",
    )
    assert dated("The bloc, founded by Japan in 2007, held talks with China on Monday.", "held") == (
        "2020-12-21",
        "day",
    )
    # the aside's own act keeps the aside's year; a time phrase alone between commas is no aside
    assert dated("Obasanjo, who stepped down as president in 2007, praised the deal.", "stepped") == (
        "2007",
        "year",
    )
    assert dated("Russia, on Monday, attacked Ukraine.", "attacked") == ("2020-12-21", "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "In September, the rebels said they were ready to observe a ceasefire.",
        "In September, the rebels announced that they were ready to observe a ceasefire.",
    ],
)
def test_a_plan_takes_the_past_date_of_its_saying(sentence: str) -> None:
    assert dated(sentence, "observe", "planned") == ("2020-09", "month")


def test_a_plan_dated_in_its_own_clause_stays_ahead() -> None:
    assert dated("The rebels said they would observe a ceasefire in January.", "observe", "planned") == (
        "2021-01",
        "month",
    )


def test_a_past_perfect_without_a_date_is_not_dated_to_the_article() -> None:
    assert dated("Turkey had also accused Swedish officials of complicity.", "accused") == (None, None)
    assert dated("Turkey had accused Sweden of complicity in 2019.", "accused") == ("2019", "year")
    assert dated("Turkey accused Sweden of complicity.", "accused") == ("2020-12-23", "day")


def test_a_past_perfect_a_past_saying_reports_is_dated_as_the_saying() -> None:
    # reported speech shifts "we have made concessions" back to "had made": the saying's news
    assert dated("The rebels hailed the deal and said they had made concessions.", "made") == (
        "2020-12-23",
        "day",
    )
    assert dated("The ministry told reporters that it had hit rebel positions.", "hit") == (
        "2020-12-23",
        "day",
    )
    # "earlier", "previously" still put the act before the news, as a quotation's own words do
    assert dated("The envoy said the rebels had earlier rejected the deal.", "rejected") == (None, None)
    assert dated('The envoy said: "They had rejected it."', "rejected") == (None, None)


def test_a_habit_has_no_single_day() -> None:
    assert dated("The two sides have met regularly in Geneva.", "met") == (None, None)
    assert dated("The two sides have met in Geneva.", "met") == ("2020-12-23", "day")


def test_this_weekday_in_a_past_clause_is_this_week_s() -> None:
    assert dated("Biden met Putin this Monday.", "met") == ("2020-12-21", "day")
    assert dated("Biden will meet Putin this Friday.", "meet", "planned") == ("2020-12-25", "day")


def test_a_time_ahead_of_the_report_does_not_date_a_past_act_a_year_back() -> None:
    sentence = (
        "Armenia has signed an agreement with Russia and Azerbaijan to end fighting over the breakaway"
        " region of Nagorno-Karabakh starting on December 28."
    )
    assert dated(sentence, "signed") == ("2020-12-23", "day")
    # the act's own past date, even late in the year, is still read back
    assert dated("Armenia signed a deal on December 28.", "signed") == ("2019-12-28", "day")


def test_a_week_across_two_months_gives_the_month_most_of_it_lies_in() -> None:
    # Wednesday 23 December: "this week" is Monday 21 to Wednesday 23, all December
    assert dated("Russia shelled Kharkiv this week.", "shelled") == ("2020-12", "month")
    wednesday = Article(
        doc_id="d", position=0, start=0, end=1, body="", date="2022-11-02", date_granularity="day"
    )
    sentence = "Russia shelled Kharkiv this week."
    event = Event(
        type="ASSAULT",
        cameo="190",
        source=Actor("Russia"),
        target=None,
        trigger="shelled",
        trigger_start=sentence.index("shelled"),
        evidence=sentence,
        article_id="a",
        sentence_start=0,
        sentence_end=len(sentence),
    )
    # Monday 31 October to Wednesday 2 November: two of the three days are November's
    assert date_event(event, wednesday).date == "2022-11"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces have shelled Kharkiv every day this week.",
        "Security forces have arrested more than 14,000 people, according to rights groups.",
        "The militants have killed thousands of civilians in the north.",
    ],
)
def test_a_recurring_act_or_a_tally_in_the_thousands_has_no_single_day(sentence: str) -> None:
    trigger = next(w for w in ("shelled", "arrested", "killed") if w in sentence)
    assert dated(sentence, trigger) == (None, None)


def test_one_day_s_act_and_a_year_are_stilldated() -> None:
    assert dated("Security forces arrested more than 14,000 people on Monday.", "arrested") == (
        "2020-12-21",
        "day",
    )
    assert dated("Russia has attacked Ukraine in 2014.", "attacked") == ("2014", "year")
    assert dated("Police have arrested 40 protesters in Tehran.", "arrested") == ("2020-12-23", "day")


def _in_body(body: str, sentence: str, trigger: str, date: str = "2023-08-22") -> str | None:
    return dated_in_body(body, sentence, trigger, date, code=("AGREE", "030"))


def test_an_undated_past_act_takes_the_day_the_narration_is_at() -> None:
    summit = "The three leaders held a summit at Camp David on Friday."
    agreed = "The leaders also agreed to strengthen their alliance."
    assert _in_body(f"{summit} {agreed}", agreed, "agreed") == "2023-08-18"
    # told in the perfect, the act is the report's news; with nothing before, the report's day
    perfect = "The leaders have agreed to strengthen their alliance."
    assert _in_body(f"{summit} {perfect}", perfect, "agreed") == "2023-08-22"
    assert _in_body(agreed, agreed, "agreed") == "2023-08-22"
    # a day long before the report is background, not where the narration is
    old = "The alliance was founded on Friday, March 3, 2023."
    assert _in_body(f"{old} {agreed}", agreed, "agreed") == "2023-08-22"
