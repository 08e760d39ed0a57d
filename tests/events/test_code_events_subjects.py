"""Sources the sentence leaves implicit: the doer of a gerund after a preposition of time
or means, the one judged guilty, forces sent with no named sender, the attack a relative
clause hangs on."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.events.coder import rule_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return rule_events(doc, article, find_actors(doc, article), learned_roles=False)


def _found(nlp, body: str) -> set[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return {(e.type, e.source.name, e.target.name if e.target else None) for e in _events(nlp, body)}


def test_gerund_after_a_preposition_of_time_has_the_main_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The Taliban stepped up their war against the government after launching an offensive."
    found = _found(nlp, body)
    assert any(kind == "ASSAULT" and source == "Taliban" for kind, source, _ in found), found


def test_the_one_judged_guilty_did_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Moro Islamic Liberation Front is guilty of violating the ceasefire agreement.")
    assert any(e.type == "ASSAULT" and "Liberation Front" in e.source.name for e in events), events
    # an accusation of another is not the accused's act coded as the accuser's
    found = _found(nlp, "Russia accused Ukraine of violating the ceasefire.")
    assert not any(source == "Russia" and kind == "ASSAULT" for kind, source, _ in found), found


def test_forces_sent_without_a_sender_stand_for_their_side(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "About 2,000 Russian soldiers were deployed to Armenia on Tuesday.")
    assert any(e.source.country == "RUS" and e.source.sector == "MIL" for e in events), events
    # people who are not armed men are not their own senders
    assert not _events(nlp, "Three aid workers were sent to Haiti on Tuesday.")


def test_a_relative_clause_of_an_attack_has_an_unnamed_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Villagers mourned after a drone strike in Yemen that killed three militants.")
    assert any(e.type == "ASSAULT" and e.source.sector == "UNK" for e in events), events


def test_who_a_verb_deep_inside_the_subject_acts_on_is_not_its_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "called on" on "to take place", a clause of the subject's object
    body = (
        'The two countries welcomed the start of "pre-negotiation" discussions, to take place on Saturday, '
        "and called on both the Sudanese Armed Forces (SAF) and the paramilitary Rapid Support Forces (RSF) "
        'to "actively engage in the talks" in Sudan.'
    )
    found = _found(nlp, body)
    assert not any(source == "Armed Forces" for _, source, _ in found), found


def test_he_is_the_person_named_last_not_a_group_of_officials(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Secretary of State Antony Blinken met Chinese diplomats in Anchorage on Friday. "
        "He condemned the new sanctions against Iran."
    )
    found = _found(nlp, body)
    assert ("ACCUSE", "Antony Blinken", "Iran") in found, found
