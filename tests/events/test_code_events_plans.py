"""Acts still to come and comments PLOVER does not code: the aim of a future act, talks
travelled to, a headline's "X to do Y", and an optimistic comment. Each beside a close
sentence that reports the act, so the rule cannot pass by coding nothing."""

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
        # talks one will travel for are still to come; talks one travelled for are held
        (
            "US Defense Secretary Lloyd Austin will travel to New Delhi for talks with Indian officials.",
            "US Defense Secretary Lloyd Austin travelled to New Delhi for talks with Indian officials.",
        ),
        # the aim of a future act is itself to come
        (
            "The Sudanese army said it would send negotiators to Jeddah to hold talks with the RSF militia.",
            "The Sudanese army sent negotiators to Jeddah to hold talks with the RSF militia.",
        ),
        # headlinese: "X to do Y" is the future, "X does Y" the past
        (
            "Iran and the European Union to resume talks in Vienna",
            "Iran and the European Union resumed talks in Vienna.",
        ),
    ],
)
def test_future_talks_are_an_agreement_to_meet(nlp, planned: str, done: str) -> None:  # type: ignore[no-untyped-def]
    assert {(e.type, e.modality) for e in _events(nlp, planned)} == {("AGREE", "planned")}
    assert "CONSULT" in {e.type for e in _events(nlp, done)}


def test_not_travelling_for_talks_refuses_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Lloyd Austin will not travel to New Delhi for talks with Indian officials.")
    assert "REJECT" not in {e.type for e in events}


def test_an_optimistic_comment_is_coded_but_not_printed(nlp) -> None:  # type: ignore[no-untyped-def]
    hope = _events(nlp, "Beijing still hopes for progress in talks with Washington.")
    assert [e.cameo for e in hope] == ["013"]  # CAMEO's optimistic comment, penta-class 0
    assert plover_events(hope) == []
    praise = _events(nlp, "China praised the progress of its talks with Washington.")
    assert [e.type for e in plover_events(praise)] == ["SUPPORT"]


@pytest.mark.parametrize(
    ("content", "act"),
    [
        # what an agreement undertakes is still to be done; the parties doing it is an act
        (
            "Armenia signed an agreement with Azerbaijan to end fighting over Nagorno-Karabakh.",
            "Armenia ended fighting over Nagorno-Karabakh with Azerbaijan.",
        ),
        (
            "The Doha accord to see American troops quit Afghanistan was signed on Saturday.",
            "American troops quit Afghanistan on Saturday.",
        ),
    ],
)
def test_what_an_agreement_undertakes_is_not_done(nlp, content: str, act: str) -> None:  # type: ignore[no-untyped-def]
    assert "RETREAT" not in {e.type for e in _events(nlp, content)}
    assert "RETREAT" in {e.type for e in _events(nlp, act)}


def test_warning_of_what_may_come_is_no_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    # a possibility spelled out under a noun is how things stand; one's own "will" threatens
    said = "Japan's premier warned that there is the possibility that North Korea will launch missiles."
    assert "THREATEN" not in {e.type for e in _events(nlp, said)}
    threat = "North Korea warned that it will launch more missiles at Japan."
    assert "THREATEN" in {e.type for e in _events(nlp, threat)}


def test_a_cancelled_agreement_is_not_made(nlp) -> None:  # type: ignore[no-untyped-def]
    # reaching (finalising) an agreement is PLOVER's SUPPORT ("ratify, sign, or finalize an
    # agreement"), a promise to cooperate its AGREE; the judging protocol takes either
    # (tools/judged/JUDGING.md, settled rules), and the labelled PLOVER data codes SUPPORT
    made_it = {"AGREE", "SUPPORT"}
    cancelled = "Australia canceled a $66 billion agreement with France to buy French submarines."
    assert not made_it & {e.type for e in _events(nlp, cancelled)}
    made = "Australia reached a $66 billion agreement with France to buy French submarines."
    assert made_it & {e.type for e in _events(nlp, made)}


def test_a_concern_about_nobody_is_not_printed(nlp) -> None:  # type: ignore[no-untyped-def]
    alone = _events(nlp, "South Korea's president expressed concern on Thursday.")
    assert [e.cameo for e in alone] == ["012"] and plover_events(alone) == []
    about = _events(nlp, "South Korea expressed concern over North Korea's missile launches.")
    assert [e.type for e in plover_events(about)] == ["ACCUSE"]


@pytest.mark.parametrize(
    ("wish", "plan"),
    [
        ("Biden wants to rejoin the pact with Iran.", "Biden will rejoin the pact with Iran."),
        ("Russia wants to meet Ukraine in Istanbul.", "Russia will meet Ukraine in Istanbul."),
    ],
)
def test_wanting_is_a_wish_not_a_plan(nlp, wish: str, plan: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, wish) == []
    assert "AGREE" in {e.type for e in _events(nlp, plan)}


def test_what_is_too_weak_to_be_done_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, "The EU was too slow to impose sanctions on Russia.") == []
    assert "COERCE" in {e.type for e in _events(nlp, "The EU imposed sanctions on Russia.")}


def test_inviting_the_press_requests_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, "The African Union invited media to a briefing by Obasanjo.") == []
    assert "REQUEST" in {e.type for e in _events(nlp, "The African Union invited Ethiopia to Pretoria.")}
