"""An act placed "in recent days" or "over the past few weeks": a day of that span, held by the
month it lies in (or the year, when it crosses a month's end), not the report's day. The
sentences are written for these tests; the article is dated Wednesday 23 December 2020."""

from __future__ import annotations

import pytest
from event_dating import dated, dated_in_body


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("He has repeatedly threatened a new incursion in recent days.", "threatened"),
        ("In recent days the ministry released its budget.", "released"),
        ("In recent days, airstrikes on the district have killed dozens.", "killed"),
        ("Militants killed more than 80 people in the past two days.", "killed"),
        ("The rebels have shelled the town over the past week.", "shelled"),
    ],
)
def test_an_act_in_recent_days_is_dated_by_their_month(sentence: str, trigger: str) -> None:
    assert dated(sentence, trigger, code=("ASSAULT", "190")) == ("2020-12", "month")


def test_recent_weeks_crossing_a_months_end_give_the_year() -> None:
    sentence = "In the last few weeks, air strikes have killed more than 600 civilians."
    assert dated_in_body(sentence, sentence, "killed", date="2020-12-05") == "2020"


def test_a_span_of_another_clause_or_act_is_not_the_acts() -> None:
    # "in recent weeks" is the fight's; the refusal "after" it is older
    sentence = "He has picked a fight in recent weeks, after Athens refused to hand over suspects."
    assert dated(sentence, "refused") == ("2020-12-23", "day")
    # a day of the act's own clause is its date
    sentence = "Militants killed 40 people on Monday, in the worst attack in recent weeks."
    assert dated(sentence, "killed") == ("2020-12-21", "day")
