"""Violence and coercion told without a doer: the PLOVER manual's unidentified actor (UNK)."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


@pytest.mark.parametrize(
    ("text", "kind", "target_sector"),
    [
        ("Twelve protesters were arrested after the rally in Kampala.", "COERCE", "CVL"),
        ("Three journalists were abducted near Mosul on Sunday.", "ASSAULT", "MED"),
        ("Four soldiers were killed by a roadside bomb on Monday.", "ASSAULT", "MIL"),
        ("An air strike killed four civilians in the village.", "ASSAULT", "CVL"),
    ],
)
def test_an_act_without_a_named_doer_has_the_unidentified_actor(  # type: ignore[no-untyped-def]
    nlp, text: str, kind: str, target_sector: str
) -> None:
    events = [e for e in _events(nlp, text) if e.type == kind]
    assert events, text
    assert events[0].source.sector == "UNK" and events[0].source.country is None
    assert events[0].target is not None and events[0].target.sector == target_sector


@pytest.mark.parametrize(
    "text",
    [
        # nobody named was hit, so nothing is coded for the hit
        "Two of their vehicles were hit by gunfire in Baghdad on Wednesday.",
        # an agreement left without its parties is no act of an unnamed doer
        "A ceasefire was agreed in Geneva on Monday.",
        # a scene a video shows, not a report
        "A video appeared to show him being shot in the back.",
    ],
)
def test_no_unnamed_doer_without_a_named_victim_of_violence(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.source.sector == "UNK" for e in _events(nlp, text)), text


def test_what_one_comes_under_is_an_attack_on_one(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "A police patrol came under attack in Kirkuk on Monday.")
    assert any(
        e.type == "ASSAULT" and e.source.sector == "UNK" and e.target is not None and e.target.sector == "COP"
        for e in events
    )


@pytest.mark.parametrize(
    "text",
    [
        "Three people were killed in a landslide in Uganda on Monday.",
        "Twenty miners were killed in a gas explosion in Shanxi.",
        "Five people were injured when a bus crashed in Nairobi.",
        "A fire killed 35 people in a market in Lagos.",
        # headlines and what a disaster left
        "12 killed as floods hit Kerala.",
        "Five injured as bus overturns in Nairobi.",
        "Heavy rains left 30 people dead in Kerala.",
    ],
)
def test_accidents_and_disasters_have_no_doer(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not _events(nlp, text), text


@pytest.mark.parametrize(
    ("text", "target_sector", "target_country"),
    [
        # a headline's passive without "were": the count is who suffered, not who acted
        ("Two killed in bomb blast in Peshawar.", "CVL", "PAK"),
        ("Three police officers wounded in grenade attack in Mogadishu.", "COP", "SOM"),
        # people counted but not named are civilians of the place
        ("Fourteen were killed in an air strike in northern Sierra Leone.", "CVL", "SLE"),
        (
            "Four suspected Ebola sufferers were killed in an air strike in northern Sierra Leone.",
            "CVL",
            "SLE",
        ),
        # an attack told by what it left
        ("The blast left 11 people dead and dozens injured in Kabul.", "CVL", "AFG"),
    ],
)
def test_counted_victims_of_an_unnamed_doer(  # type: ignore[no-untyped-def]
    nlp, text: str, target_sector: str, target_country: str
) -> None:
    events = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert events, text
    assert all(e.source.sector == "UNK" for e in events), text
    assert any(
        e.target is not None and e.target.sector == target_sector and e.target.country == target_country
        for e in events
    ), text


@pytest.mark.parametrize(
    "text",
    [
        # property is no count of victims
        "Two houses were torched in the village on Monday.",
        # what a thing left is no attack
        "The decision left many people unhappy in Kabul.",
    ],
)
def test_no_counted_victims_of_things(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.source.sector == "UNK" and e.target is not None for e in _events(nlp, text)), text


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Twenty Indian soldiers were killed on Monday in a clash with Chinese troops.", "CHN"),
        ("Three policemen were wounded in fighting with Taliban militants in Helmand.", "Taliban"),
    ],
)
def test_the_other_side_of_a_fight_is_the_doer(nlp, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert events, text
    assert source in (events[0].source.country, events[0].source.name), events[0]


def test_a_fight_with_no_side_named_keeps_the_unidentified_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two soldiers were killed in a clash in Kashmir."
    events = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert events and events[0].source.sector == "UNK"


@pytest.mark.parametrize(
    ("text", "kind", "source_sector"),
    [
        # an act named by a noun, the subject of its own clause, with no one named doing it
        ("The crackdown on journalists has intensified since the coup.", "COERCE", "UNK"),
        ("A wave of arrests of opposition activists swept the capital.", "COERCE", "UNK"),
        # the actor the noun phrase puts before the act did it
        ("An army offensive against the rebels began on Monday.", "ASSAULT", "MIL"),
    ],
)
def test_an_act_named_by_a_noun_has_its_doer_or_the_unidentified_actor(  # type: ignore[no-untyped-def]
    nlp, text: str, kind: str, source_sector: str
) -> None:
    events = [e for e in _events(nlp, text) if e.type == kind]
    assert events, text
    assert events[0].source.sector == source_sector and events[0].target is not None


@pytest.mark.parametrize(
    "text",
    [
        # an actor inside the topic of a figurative attack is not its victim
        "The attack on the government's policy continued in parliament.",
        # an act named as what someone condemns is a topic, not a report of it
        "The president condemned the attack on the embassy.",
    ],
)
def test_no_unnamed_doer_for_an_act_named_as_a_topic(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.source.sector == "UNK" for e in _events(nlp, text)), text
