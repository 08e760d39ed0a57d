"""An event whose sentence counts its time from one the sentences before it name ("later that
year", "two months later"). The texts are written for these tests; the article is dated
Wednesday 23 December 2020.
"""

from __future__ import annotations

from event_dating import dated_in_body


def test_later_that_year_takes_the_year_named_before() -> None:
    body = (
        "In 2005 he stood in national elections with his old rival. They came second. "
        "Later that year, several parties backed him to be president."
    )
    sentence = "Later that year, several parties backed him to be president."
    assert dated_in_body(body, sentence, "backed") == "2005"


def test_months_later_counts_from_the_month_named_before() -> None:
    body = (
        "In October 2017 the company showed a swarm of 100 drones. "
        "Two months later, the army deployed more than 1,000 drones at a forum."
    )
    sentence = "Two months later, the army deployed more than 1,000 drones at a forum."
    assert dated_in_body(body, sentence, "deployed") == "2017-12"


def test_the_previous_month_counts_from_the_month_named_before() -> None:
    body = "The city fell in October. He had spent the previous month fighting in the east."
    sentence = "He had spent the previous month fighting in the east."
    assert dated_in_body(body, sentence, "fighting") == "2020-09"


def test_with_nothing_named_before_the_phrase_reads_as_alone() -> None:
    body = "The talks were long. Later that year, the parties signed a deal."
    assert dated_in_body(body, "Later that year, the parties signed a deal.", "signed") == "2020-12-23"


def test_a_day_the_sentence_itself_names_is_kept() -> None:
    body = "In 2005 he stood in elections. On 3 March 2006 he met the envoy, and later that year he resigned."
    sentence = "On 3 March 2006 he met the envoy, and later that year he resigned."
    assert dated_in_body(body, sentence, "met") == "2006-03-03"
