"""An event's date from the words that link it to another time: a "when" clause on a time, a
day counted from an undated clause, hours of talks, the thing an act happened in, and two
sentences a web page ran together.

The sentences are written for these tests; the article is dated Wednesday 23 December 2020.
"""

from __future__ import annotations

import dataclasses

import pytest
from event_dating import dated, dated_in_body


@pytest.mark.parametrize(
    ("sentence", "trigger", "date"),
    [
        (
            "These are the first deaths on the border since October 1975 when troops ambushed a patrol.",
            "ambushed",
            ("1975-10", "month"),
        ),
        ("The worst attack since 2014, when gunmen killed 140 pupils.", "killed", ("2014", "year")),
        ("It was their first meeting since March, when they met in Geneva.", "met", ("2020-03", "month")),
        ("Police arrested him on Monday when he arrived at the airport.", "arrived", ("2020-12-21", "day")),
    ],
)
def test_a_when_clause_takes_the_time_it_hangs_on(sentence: str, trigger: str, date: tuple[str, str]) -> None:
    assert dated(sentence, trigger) == date


def test_the_main_clause_before_a_when_clause_keeps_its_own_time() -> None:
    sentence = "These are the first deaths on the border since October 1975 when troops ambushed a patrol."
    assert dated(sentence, "deaths") == ("2020-12-23", "day")


@pytest.mark.parametrize(
    ("sentence", "trigger", "date"),
    [
        ("The visit came a day after North Korea fired two missiles into the sea.", "fired", "2020-12-22"),
        ("The talks come two days after rebels attacked a base.", "attacked", "2020-12-21"),
        ("The visit came a day after North Korea fired two missiles into the sea.", "visit", "2020-12-23"),
        ("Troops withdrew from the town hours after the army shelled it.", "shelled", "2020-12-23"),
    ],
)
def test_an_offset_from_an_undated_clause_counts_from_the_report_day(
    sentence: str, trigger: str, date: str
) -> None:
    assert dated(sentence, trigger) == (date, "day")


def test_an_offset_in_a_relative_clause_is_not_counted_from_the_report() -> None:
    sentence = "Begum, who married a fighter 10 days after arriving in Raqqa, said she wanted to come home."
    assert dated(sentence, "arriving") == ("2020-12-23", "day")


def test_hours_of_talks_end_on_the_day_they_are_held() -> None:
    sentence = "Kosovo and Serbia agreed on the plan after 12 hours of talks on Saturday, the EU said."
    assert dated(sentence, "agreed") == ("2020-12-19", "day")
    # talks that merely ended that day date another event
    assert dated("Police arrested him after talks ended on Saturday.", "arrested") == ("2020-12-23", "day")


@pytest.mark.parametrize(
    ("sentence", "trigger", "date"),
    [
        ("Dozens of soldiers were killed in the 2016 coup.", "killed", ("2016", "year")),
        ("Hundreds of people died during the 2011 uprising.", "died", ("2011", "year")),
        # the phrase is another word's: the date is the thing's, the act the report's
        ("A court sentenced 20 soldiers over their role in a 2016 coup.", "sentenced", ("2020-12-23", "day")),
        ("Police charged 20 people arrested in the 2016 coup.", "charged", ("2020-12-23", "day")),
    ],
)
def test_an_act_in_a_dated_thing_takes_its_date(sentence: str, trigger: str, date: tuple[str, str]) -> None:
    assert dated(sentence, trigger) == date


def test_a_time_in_a_run_together_sentence_dates_only_its_own() -> None:
    sentence = "Zarif speaks in Munich, Germany, Feb. 15, 2020.The new talks come after Zarif accused Russia."
    assert dated(sentence, "accused") == ("2020-12-23", "day")
    assert dated(sentence, "speaks") == ("2020-02-15", "day")
    assert dated("The U.S. Army said on Monday that it had withdrawn.", "said") == ("2020-12-21", "day")


@pytest.mark.parametrize(
    ("sentence", "trigger", "date"),
    [
        # a present perfect bears on now: a past time in another clause is not its own
        (
            "Families began arriving 18 months ago, but numbers have risen as forces have launched attacks.",
            "launched",
            ("2020-12-23", "day"),
        ),
        ("Rebels have captured the town, which the army seized in 2016.", "captured", ("2020-12-23", "day")),
        # its own clause's time, and the time of the saying that reports it, still date it
        ("The army has arrested 20 people on Monday.", "arrested", ("2020-12-21", "day")),
        ("On Monday, police said they have arrested 20 people.", "arrested", ("2020-12-21", "day")),
        # a present state is the report's, whatever past its complement names
        (
            "The YPG is worried about a repeat of the occupation of Afrin in March.",
            "worried",
            ("2020-12-23", "day"),
        ),
        ("Officials are angry about the raid in March.", "angry", ("2020-12-23", "day")),
        ("The ministers are meeting in Brussels on Thursday.", "meeting", ("2020-12-24", "day")),
    ],
)
def test_a_perfect_or_a_present_state_keeps_the_report_s_time(
    sentence: str, trigger: str, date: tuple[str, str]
) -> None:
    assert dated(sentence, trigger) == date


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Turkey has for years been threatening the Kurds, and in 2018 invaded Afrin.", "threatening"),
        (
            "The ministry claimed last week that airstrikes killed or wounded 4,315 fighters since 2014.",
            "killed",
        ),
    ],
)
def test_a_state_for_years_and_a_total_since_a_time_have_no_single_day(sentence: str, trigger: str) -> None:
    assert dated(sentence, trigger) == (None, None)


def test_a_day_s_act_with_a_since_still_has_its_day() -> None:
    sentence = "Gunmen killed 1,200 people on Monday, the deadliest attack since 2014."
    assert dated(sentence, "killed") == ("2020-12-21", "day")
    assert dated(
        "Turkey has for years been threatening the Kurds, and in 2018 invaded Afrin.", "invaded"
    ) == (
        "2018",
        "year",
    )


def test_the_narration_s_day_does_not_date_what_is_told_as_to_come() -> None:
    from dateline.model import Actor, Article, Event
    from dateline.time import date_event

    before = "The ministers met in Warsaw on Monday."
    sentence = "The foreign secretary will leave the summit early, pleading urgent business at home."
    body = f"{before} {sentence}"
    article = Article(
        doc_id="d", position=0, start=0, end=len(body), body=body, date="2020-12-23", date_granularity="day"
    )
    start = body.index(sentence)
    event = Event(
        type="REQUEST",
        cameo="020",
        source=Actor("Someone"),
        target=None,
        trigger="pleading",
        trigger_start=start + sentence.index("pleading"),
        evidence=sentence,
        article_id="a",
        sentence_start=start,
        sentence_end=start + len(sentence),
    )
    assert date_event(event, article).date == "2020-12-23"
    told = dataclasses.replace(
        event, evidence=before, trigger="met", trigger_start=before.index("met"), sentence_start=0
    )
    assert date_event(told, article).date == "2020-12-21"


def test_a_day_something_was_set_for_dates_that_thing_only() -> None:
    sentence = (
        "Russia postponed the congress, initially set for 18 December, after the opposition boycotted it."
    )
    assert dated(sentence, "boycotted") == ("2020-12-23", "day")
    assert dated("Talks are scheduled for Monday in Geneva.", "Talks", "planned") == ("2020-12-28", "day")


def _narrated(before: str, sentence: str, trigger: str) -> str | None:
    return dated_in_body(f"{before} {sentence}", sentence, trigger, code=("SUPPORT", "050"))


def test_the_narration_s_day_is_its_main_clause_s_and_dates_no_present() -> None:
    met = "The ministers met in Sochi on Monday."
    assert _narrated(met, "They agreed to meet again.", "agreed") == "2020-12-21"
    # the present simple of a report's body is its present
    assert _narrated(met, "Turkey backs a Russian peace process.", "backs") == "2020-12-23"
    assert _narrated(met, "The Sochi talks ended without a deal.", "talks") == "2020-12-21"
    # a day in a relative clause of the sentence before dates that clause's act
    deployed = "Troops were sent to Damascus, where the regime conducted its attack on Monday."
    assert _narrated(deployed, "Officials also issued an alert to the army.", "issued") == "2020-12-23"
    # a past act named in a present sentence is still the story's ("This is the first clash since")
    assert _narrated(met, "This is the first fatal clash since 1975.", "clash") == "2020-12-21"
