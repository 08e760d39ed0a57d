"""Event coding rules beyond verbs with two actor arguments: nominal triggers, events with
no target, conditions, reported demands, passives without an agent, places as actors."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def _codes(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source.country, e.target.country if e.target else None) for e in events}


def test_nominal_protest_takes_the_subject_of_its_support_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Thousands of Kenyan students staged demonstrations against the Ugandan government."
    )
    assert ("PROTEST", "KEN", "UGA") in _codes(events)
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.trigger == "demonstrations" and protest.cameo == "141"


def test_hunger_strike_is_its_own_cameo_leaf(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Chilean miners began a hunger strike against the government on Monday.")
    assert [e.cameo for e in events if e.type == "PROTEST"] == ["142"]


def test_events_an_actor_does_alone_need_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Georgian president resigned on Sunday.")
    assert [(e.type, e.source.country, e.target) for e in events] == [("RETREAT", "GEO", None)]
    # ... but an accusation with nobody accused is no event
    assert _events(nlp, "The Georgian president complained loudly on Sunday.") == []


def test_condition_turns_a_plan_into_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Nigeria said it will withdraw its troops from Chad unless the rebels agree to a truce."
    )
    assert _codes(events) == {("THREATEN", "NGA", "TCD")}  # the condition itself is no event


def test_reported_must_is_a_demand_on_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "A senior British minister said that Libya must hand over the two suspects.")
    assert _codes(events) == {("REQUEST", "GBR", "LBY")}


def test_passive_without_agent_takes_the_place_as_source(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "A Canadian missionary was arrested in Lebanon on Friday.")
    assert ("COERCE", "LBN", "CAN") in _codes(events)


def test_target_found_below_the_verb_and_towns_have_a_country(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Israeli tanks fired four shells at targets in Jericho.")
    assert ("ASSAULT", "ISR", "PSE") in _codes(events)


def test_topic_nouns_are_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The two sides exchanged views on ways for cooperation between Kenya and Uganda.")
    assert not [e for e in events if e.type == "COOPERATE"]


def test_joint_subject_meeting_somewhere_targets_the_co_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "French President Emmanuel Macron and German Chancellor Olaf Scholz met in Berlin.")
    assert _codes(events) == {("CONSULT", "FRA", "DEU")}  # Berlin is where, not whom
