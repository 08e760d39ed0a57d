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


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # a time back from the report at a distance the text does not give: not the report's day
        ("The army seized the town years ago.", "seized", (None, None)),
        ("Years ago, Britain imposed sanctions on the regime.", "imposed", (None, None)),
        ("The two countries resumed relations decades ago.", "resumed", (None, None)),
        ("In the past, the rebels attacked the convoys.", "attacked", (None, None)),
        # held by the month or year the span lies in (two to nine days, two to nine weeks)
        ("The army seized the town days ago.", "seized", ("2020-12", "month")),
        ("The talks began a few weeks ago.", "began", ("2020", "year")),
        # a day the text gives, and another clause's distance, are not this rule's
        ("The army seized the town two days ago.", "seized", ("2020-12-21", "day")),
        ("The army seized the town, which rebels had held years ago.", "seized", ("2020-12-23", "day")),
    ],
)
def test_an_act_some_way_back_from_the_report_is_not_its_day(
    sentence: str, trigger: str, expected: tuple[str | None, str | None]
) -> None:
    assert dated(sentence, trigger, code=("ASSAULT", "190")) == expected
