"""Targets by the rules: an owned thing's owner, and co-subjects as each other's partners."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events.coder import rule_events
from dateline.model import Article, Event


def _rule_events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return rule_events(doc, article, find_actors(doc, article), learned_roles=False)


def _pairs(nlp, body: str) -> set[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return {(e.source.name, e.target.name if e.target else None) for e in _rule_events(nlp, body)}


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        # an act on someone's deed or wish is addressed to its owner, not to what it is for
        ("The United States supports Turkey's aspirations for EU membership.", ("United States", "Turkey")),
        ("President Joe Biden welcomed Turkey's support for Sweden.", ("Joe Biden", "Turkey")),
        # a thing with no owner still lends its target ("a camp for Congolese refugees")
        ("Germany donated tents to a camp for Congolese refugees.", ("Germany", "Congolese refugees")),
    ],
)
def test_an_owned_thing_concerns_its_owner(nlp, sentence: str, pair: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert pair in _pairs(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        # what co-subjects agree on is the topic: they agree with each other
        (
            "The US and the Taliban agreed a timetable for the withdrawal of American troops.",
            {("United States", "Taliban"), ("Taliban", "United States")},
        ),
        # a partner named to the verb or its object still comes first
        (
            "Russia and Ukraine signed a deal with Turkey on Friday.",
            {("Russia", "Turkey")},
        ),
    ],
)
def test_co_subjects_of_a_joint_act_are_partners(nlp, sentence: str, pairs: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs <= _pairs(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "President Donald Trump withdrew the United States from the deal in 2018.",
        "Russia will withdraw its troops next year.",
    ],
)
def test_what_one_moves_of_ones_own_is_no_target(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert all(e.target is None or e.target.country != e.source.country for e in _rule_events(nlp, sentence))


def test_a_title_run_into_a_name_is_one_person_not_two_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "A deal was signed by U.S. Special Representative for Afghanistan Reconciliation "
        "Zalmay Khalilzad and Taliban leader Mullah Baradar Abdul-Ghani on February 29."
    )
    events = _rule_events(nlp, body)
    assert events
    # the other party is the Taliban leader, never the envoy's own title or name
    assert all(e.target is not None and e.target.country != e.source.country for e in events), events


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Seoul filed a complaint with the WTO against Japan.", "Japan"),
        ("Seoul threatened to file a complaint with the World Trade Organization against Japan.", "Japan"),
        # a thing's own "against" is not the act's aim: the accused stays the target
        ("Kyiv accused Russia of crimes against Ukrainian civilians.", "Russia"),
    ],
)
def test_against_names_the_aim_of_a_hostile_act(nlp, sentence: str, target: str) -> None:  # type: ignore[no-untyped-def]
    events = _rule_events(nlp, sentence)
    assert events and all(e.target is not None and e.target.name == target for e in events), events


@pytest.mark.parametrize(
    "sentence",
    [
        # what a report says is not whom dismissing it is aimed at
        "The Kremlin dismissed reports that Abramovich had been poisoned.",
        # a phrase of time or circumstance tells of another happening
        "After an analysis of the Iraqi situation, Pashinyan accepted it.",
    ],
)
def test_no_target_from_a_report_or_a_circumstance(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    events = _rule_events(nlp, sentence)
    assert events and all(e.target is None for e in events), events
