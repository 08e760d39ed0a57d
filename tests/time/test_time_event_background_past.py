"""An act told in the simple past in a clause that hangs on another as what came before it, its
cause or a description of a noun: background, with no date unless a time in the sentence gives
one; in the article's opening such clauses tell the news and keep its day.

The sentences are written for these tests; the article is dated Wednesday 23 December 2020. The
body opens with three sentences, so what follows is past the opening.
"""

from __future__ import annotations

import pytest
from event_dating import dated, dated_in_body

OPENING = "Ministers met in the capital on Tuesday. They talked for hours. Aides gave few details. "


def _in_body(sentence: str, trigger: str) -> str | None:
    return dated_in_body(OPENING + sentence, sentence, trigger)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The strike came after an explosion at the plant, which the government blamed on rebels.", "blamed"),
        ("The envoy flew to Cairo after he visited the refugee camps.", "visited"),
        ("It is six weeks since the commander surrendered to the army.", "surrendered"),
        ("The farmer was at the market when six villagers were killed by a drone.", "killed"),
        ("The town has been quiet because the army expelled the militants.", "expelled"),
        ("The officials whom the rebels seized were freed.", "seized"),
    ],
)
def test_a_past_act_in_a_background_clause_of_the_body_has_no_date(sentence: str, trigger: str) -> None:
    assert _in_body(sentence, trigger) is None


def test_a_time_in_the_sentence_still_dates_the_background_act() -> None:
    sentence = "The envoy flew to Cairo after he visited the refugee camps on Monday."
    assert _in_body(sentence, "visited") == "2020-12-21"
    # the time of the clause it hangs on: "when" and "after" acts of that day
    sentence = "On Monday the rebels said they entered the town after the army pulled out."
    assert _in_body(sentence, "pulled") == "2020-12-21"


@pytest.mark.parametrize(
    ("sentence", "trigger", "date"),
    [
        # the main clause, the present or the perfect of such a clause: not this rule's
        ("The army expelled the militants from the town.", "expelled", "2020-12-22"),
        ("Villagers left because the army is shelling the town.", "shelling", "2020-12-23"),
        # a relative clause whose subject is its noun tells what that noun did, at its time
        ("Aid workers who fled the fighting returned to the valley.", "fled", "2020-12-22"),
        # "as", "while", "although" tell what holds at the clause's own time; "soon after" is that day
        ("Prices rose as the army closed the border.", "closed", "2020-12-22"),
        ("Although the minister denied the report, aides confirmed it.", "denied", "2020-12-22"),
        ("Police arrived soon after gunmen attacked the bank.", "attacked", "2020-12-22"),
    ],
)
def test_other_past_acts_of_the_body_keep_the_day_the_narration_is_at(
    sentence: str, trigger: str, date: str
) -> None:
    assert _in_body(sentence, trigger) == date


def test_in_the_opening_a_background_clause_tells_the_news() -> None:
    sentence = "Leaders held an emergency meeting after the North fired a missile."
    assert dated(sentence, "fired") == ("2020-12-23", "day")
