"""An event's date in news prose: dates that modify nouns, reports, offsets, tolls and background.

The sentences are written for these tests; the article is dated Wednesday 23 December 2020.
"""

from __future__ import annotations

import pytest
from event_dating import dated

from dateline.model import Modality


def _dated(sentence: str, trigger: str, modality: Modality = "asserted") -> tuple[str | None, str | None]:
    """The date of an attack named by `trigger` (tolls and attacks are dated here)."""
    return dated(sentence, trigger, modality, ("ASSAULT", "190"))


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Villagers rallied against the 1985 land accord outside the governor's office.", "rallied"),
        ("Soldiers dispersed crowds remembering the 2009 uprising.", "dispersed"),
        ("The opposition condemned March's raid on its offices.", "condemned"),
        ("The court threw out the \u201cpeace\u201d treaty signed in 1997.", "threw"),
        ("The court threw out the treaty signed in 1997.", "threw"),
    ],
)
def test_a_date_that_modifies_a_noun_dates_the_noun_not_the_event(sentence: str, trigger: str) -> None:
    assert _dated(sentence, trigger) == ("2020-12-23", "day")


def test_the_event_named_by_the_modified_noun_keeps_its_date() -> None:
    assert _dated("Dozens died in the 2009 uprising.", "uprising") == ("2009", "year")
    assert _dated("The army had taken the town in an offensive that was launched in 2016.", "taken") == (
        "2016",
        "year",
    )
    # a name in quotation marks is still the thing the act happened in
    sentence = "Towns that the army had taken in an offensive called “Shield” that was launched in 2016."
    assert _dated(sentence, "taken") == ("2016", "year")
    # the deal the act was agreed in, dated by its participle: the act's date
    sentence = "The fighters had not left the town, as agreed in a deal brokered in 2017."
    assert _dated(sentence, "agreed") == ("2017", "year")
    assert _dated("Officials condemned the deal brokered in 2017.", "condemned") == ("2020-12-23", "day")


def test_a_date_in_its_own_clause_still_dates_the_event() -> None:
    assert _dated("The two parties had signed a truce in 2016.", "signed") == ("2016", "year")
    assert _dated("In 2014 the army seized the port.", "seized") == ("2014", "year")
    assert _dated("The army launched an offensive last month against the rebels.", "launched") == (
        "2020-11",
        "month",
    )


def test_a_day_after_a_dated_event_is_the_next_day() -> None:
    sentence = "The governor resigned a day after crowds burned the town hall on Sunday."
    assert _dated(sentence, "resigned") == ("2020-12-21", "day")
    assert _dated(sentence, "burned") == ("2020-12-20", "day")
    sentence = "Police detained 40 people two days before the vote on Tuesday."
    assert _dated(sentence, "detained") == ("2020-12-20", "day")


def test_a_weekday_in_past_news_is_the_last_one_on_or_before_the_report() -> None:
    assert _dated("Gunmen ambushed a convoy on Thursday.", "ambushed") == ("2020-12-17", "day")
    assert _dated("Gunmen ambushed a convoy on Wednesday.", "ambushed") == ("2020-12-23", "day")
    assert _dated("Gunmen ambushed a convoy late Tuesday.", "ambushed") == ("2020-12-22", "day")


def test_a_plan_takes_the_time_of_its_announcement() -> None:
    # Event data dates a stated intention when it is stated.
    sentence = "The ministry said on Thursday it will deploy troops to the border."
    assert _dated(sentence, "deploy", "planned") == ("2020-12-17", "day")


def test_a_past_event_in_a_report_keeps_its_own_day() -> None:
    sentence = "Police said on Friday that rebels torched the market on Tuesday."
    assert _dated(sentence, "torched") == ("2020-12-22", "day")


def test_a_possessive_day_dates_its_noun_but_a_relative_clause_on_a_dated_noun_keeps_it() -> None:
    # the condemnation is told at the report's time, not the raid's
    assert _dated("The opposition condemned Sunday's raid on its offices.", "condemned") == (
        "2020-12-23",
        "day",
    )
    # a day that owns the subject dates the act the subject is
    sentence = "Sunday's raid on the party's offices in the capital by masked police injured 20."
    assert _dated(sentence, "injured") == (
        "2020-12-20",
        "day",
    )
    sentence = "Officials blamed the army for the March 2019 raid, which killed nine people."
    assert _dated(sentence, "killed") == ("2019-03", "month")
    assert _dated(sentence, "blamed") == ("2020-12-23", "day")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Insurgents have killed more than 400 soldiers since 2018, officials said.", "killed"),
        ("Security forces have arrested 120 activists so far this year.", "arrested"),
        ("Since the coup, the junta has detained hundreds of opponents.", "detained"),
        ("The province, then ruled by a military council, rejected the plan.", "ruled"),
        ("Troops loyal to the president at the time shelled the district.", "shelled"),
        ("Rebels have seized six towns in the past three months.", "seized"),
    ],
)
def test_tolls_and_background_states_have_no_single_day(sentence: str, trigger: str) -> None:
    assert _dated(sentence, trigger) == (None, None)


def test_a_recent_perfect_without_a_tally_keeps_the_report_day() -> None:
    assert _dated("Police have arrested twelve people after the riot.", "arrested") == ("2020-12-23", "day")
    assert _dated("Rebels attacked the town and then withdrew.", "withdrew") == ("2020-12-23", "day")
    assert _dated("When the talks failed then they attacked the town.", "attacked") == ("2020-12-23", "day")
    sentence = "The envoy, held without charge since his arrest in May, has received a lawyer."
    assert _dated(sentence, "received") == ("2020-12-23", "day")
    # a span of the past days is held by its month (time.recent), not given no date
    sentence = "Officials have counted 40 arrivals in the past two days."
    assert _dated(sentence, "counted") == ("2020-12", "month")


def test_absurd_years_date_nothing() -> None:
    assert _dated("The envoys will meet in 9000 years.", "meet", "planned") == ("2020-12-23", "day")
    assert _dated("Rebels seized the fort in 1520.", "seized") == ("2020-12-23", "day")
