"""An event's date from the tense and aspect it is told in: the perfect in the body, the past
perfect, the perfect progressive, participles after their clause, and offsets across asides.

The sentences are written for these tests; the article is dated Wednesday 23 December 2020 (or
as the test says). The body opens with three sentences, so what follows is past the opening.
"""

from __future__ import annotations

from event_dating import dated, dated_in_body

OPENING = "Ministers met in the capital on Tuesday. They talked for hours. Aides gave few details. "


def _in_body(sentence: str, trigger: str, date: str = "2020-12-23") -> str | None:
    return dated_in_body(OPENING + sentence, sentence, trigger, date=date)


def test_a_perfect_in_the_body_is_of_the_recent_past_not_the_report_day() -> None:
    sentence = "They met because the president has spoken to each leader individually."
    assert _in_body(sentence, "spoken", date="2021-06-15") == "2021"
    # the recent months cross into the year before: no year holds them
    assert _in_body(sentence, "spoken", date="2021-02-10") is None
    assert (
        _in_body("Troops advanced as civilians have been killed in the shelling.", "killed", "2021-06-15")
        == "2021"
    )


def test_a_perfect_that_is_the_news_keeps_the_report_day() -> None:
    # a main clause: the day's news, in British news above all; "as" a preposition opens no clause
    sentence = "Pakistan sees the deal as vital to its security and has backed the rebels."
    assert _in_body(sentence, "backed", date="2021-06-15") == "2021-06-15"
    assert (
        _in_body("The prime minister has summoned an emergency cabinet meeting.", "summoned") == "2020-12-23"
    )
    # in the opening: the "hot news" perfect
    assert dated("Iran and Saudi Arabia have agreed to restore ties.", "agreed") == ("2020-12-23", "day")
    # reported or quoted: news at the saying's time, the day the narration is at (Tuesday)
    assert _in_body("Turkey has agreed to back the bid, the alliance's chief said.", "agreed") == "2020-12-22"
    assert (
        _in_body("\u201cTurkey has agreed to back the bid,\u201d he told reporters.", "agreed")
        == "2020-12-22"
    )


def test_a_participle_after_its_clause_shares_that_clause_s_tense() -> None:
    sentence = "Turkey had earlier stalled the process, accusing Sweden of hosting militants."
    assert _in_body(sentence, "accusing") is None
    sentence = "Ankara waits, as Turkey has delayed its approval, accusing Sweden of hosting militants."
    assert _in_body(sentence, "accusing", date="2021-06-15") == "2021"
    sentence = "Turkey delayed its approval on Monday, accusing Sweden of hosting militants."
    assert _in_body(sentence, "accusing") == "2020-12-21"


def test_an_activity_running_up_to_now_has_no_single_day() -> None:
    assert dated("The two diplomats have been holding regular consultations.", "holding") == (None, None)
    assert dated("Kosovo and Serbia have been in talks for nearly a decade.", "talks") == (None, None)
    # a span after a passive is a term, not a span up to now
    assert dated("A soldier has been jailed for nearly eight years.", "jailed") == ("2020-12-23", "day")
    sentence = "So far, the two parties have met on three occasions, the last in Antalya."
    assert dated(sentence, "met") == (None, None)


def test_a_past_perfect_reported_by_a_verb_of_showing_is_the_report_s_news() -> None:
    sentence = "Satellite images showed that warships had deployed from the naval base."
    assert dated(sentence, "deployed") == ("2020-12-23", "day")
    assert dated("Residents reported that militants had shot deserters.", "shot") == ("2020-12-23", "day")


def test_an_offset_phrase_runs_across_an_aside_and_a_participle() -> None:
    sentence = "The visit came a day after the North, which opposes the drills, fired two missiles."
    assert dated(sentence, "fired") == ("2020-12-22", "day")
    sentence = "The visit came a day after Kim, the leader's sister, struck a note, warning the US."
    assert dated(sentence, "warning") == ("2020-12-22", "day")
    # a comma that opens the main clause still ends the phrase
    sentence = "A day after the North fired missiles, the South held drills."
    assert dated(sentence, "held") == ("2020-12-23", "day")


def test_the_last_hours_are_held_by_their_month() -> None:
    sentence = "Erdogan has discussed Syria with Putin in the last 48 hours."
    assert dated(sentence, "discussed") == ("2020-12", "month")
