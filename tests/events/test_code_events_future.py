"""Acts announced for later and refusals to comment (issue 14): an act arranged in the present
with a time ahead, or said to be scheduled or expected, is to come (an agreement to meet, not a
meeting), and a clause of time under a future one sets a forecast's time, reporting no act; a
promise made as a commitment is an agreement; declining to comment refuses nothing a party
asked. Each beside a close sentence that reports the act, so no rule passes by coding nothing."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events, plover_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


@pytest.mark.parametrize(
    ("planned", "done"),
    [
        # the present with a time ahead tells an arranged act; without one, the news
        ("Biden meets Xi next month in Bali.", "Biden met Xi last month in Bali."),
        ("Biden is meeting Xi next week.", "Biden was meeting Xi last week."),
        ("Putin visits Turkey in the coming days.", "Putin visited Turkey in recent days."),
        # an act noun said to be scheduled is to come
        (
            "Talks between Russia and Ukraine are scheduled for Monday.",
            "Talks between Russia and Ukraine were held on Monday.",
        ),
    ],
)
def test_an_arranged_act_is_an_agreement_to_meet(nlp, planned: str, done: str) -> None:  # type: ignore[no-untyped-def]
    assert {(e.type, e.modality) for e in _events(nlp, planned)} == {("AGREE", "planned")}
    assert "CONSULT" in {e.type for e in _events(nlp, done)}


@pytest.mark.parametrize(
    ("forecast", "done"),
    [
        (
            "Once the US troops withdraw from Syria, the Kurds will be exposed.",
            "When the US troops withdrew from Syria, the Kurds were exposed.",
        ),
        (
            "The Kurds will be exposed after the US troops withdraw from Syria.",
            "The Kurds were exposed after the US troops withdrew from Syria.",
        ),
    ],
)
def test_a_clause_of_time_under_a_future_reports_no_act(nlp, forecast: str, done: str) -> None:  # type: ignore[no-untyped-def]
    assert "RETREAT" not in {e.type for e in _events(nlp, forecast)}
    assert "AGREE" not in {e.type for e in _events(nlp, forecast)}
    assert "RETREAT" in {e.type for e in _events(nlp, done)}


def test_talks_convened_for_next_week_are_to_come(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "De Mistura announced he is convening two days of talks between the regime and opposition "
        "in Vienna on Thursday and Friday next week."
    )
    assert ("AGREE", "planned") in {(e.type, e.modality) for e in _events(nlp, body)}


def test_talks_started_at_a_time_of_a_future_act_are_held(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Emmanuel Macron will hold a new telephone call with Vladimir Putin on Tuesday, at a time when "
        "Ukraine and Russia have started a round of negotiations in Istanbul."
    )
    assert ("CONSULT", "asserted") in {(e.type, e.modality) for e in _events(nlp, body)}


def test_the_next_day_of_a_story_is_not_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" in {e.type for e in _events(nlp, "Biden met Xi the next day.")}


def test_a_commitment_to_support_is_an_agreement(nlp) -> None:  # type: ignore[no-untyped-def]
    committed = _events(nlp, "Erdogan committed to supporting Sweden's bid for NATO membership.")
    assert {(e.type, e.modality) for e in committed} == {("AGREE", "planned")}
    supported = _events(nlp, "Erdogan supported Sweden's bid for NATO membership.")
    assert "SUPPORT" in {e.type for e in supported}


@pytest.mark.parametrize(
    "sentence",
    [
        "The prime minister's office declined to comment on the case.",
        "The Foreign Office refused to comment specifically on the British volunteer.",
        "A spokesperson for the Foreign Office declined to discuss the reports.",
        "The Kremlin spokesman refused to say whether Putin would attend.",
        "The State Department declined specific comment on the sanctions waivers.",
        "The Home Office said it would not discuss individual cases with reporters.",
    ],
)
def test_declining_to_comment_is_not_printed(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, sentence)
    assert all(e.cameo == "011" for e in events if e.type == "REJECT")
    assert not [e for e in plover_events(events) if e.type == "REJECT"]


@pytest.mark.parametrize(
    "sentence",
    [
        # refusing an agenda, talks with a party or a request is a refusal
        "The Syrian government delegation refused to discuss two of the major agenda items.",
        "The Taliban refused to talk with the Afghan government.",
        "Pakistan refused a request from India to cross its airspace.",
        "Germany has refused to send peacekeepers to Iraq.",
    ],
)
def test_refusing_a_party_is_still_a_refusal(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert "REJECT" in {e.type for e in plover_events(_events(nlp, sentence))}
