"""Violence and protest as local conflict reports word them: unnamed armed men, crowds, victims."""

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
    ("text", "kind", "source_sector", "target_sector"),
    [
        ("Armed men abducted a village chief near Goma.", "ASSAULT", "REB", None),
        ("Unknown assailants killed a journalist in the state of Guerrero.", "ASSAULT", "REB", "MED"),
        ("Militants executed six men in the desert.", "ASSAULT", "REB", "CVL"),
        ("Police arrested 15 opposition supporters in Harare.", "COERCE", "COP", "OPP"),
        ("Around 200 people protested in Lagos against police brutality.", "PROTEST", "CVL", "COP"),
        ("A mob lynched a suspected thief in Kano.", None, "CVL", "CRM"),
    ],
)
def test_unnamed_doers_and_victims(  # type: ignore[no-untyped-def]
    nlp, text: str, kind: str | None, source_sector: str, target_sector: str | None
) -> None:
    events = _events(nlp, text)
    assert events, text
    event = events[0]
    assert kind is None or event.type == kind
    assert event.source.sector == source_sector
    if target_sector is not None:
        assert event.target is not None and event.target.sector == target_sector


def test_a_participle_describing_a_noun_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The ministers of the countries invited to the summit arrived on Monday.")
    assert all(e.trigger != "invited" for e in events)
    # with its doer named it is an act
    named = _events(nlp, "A man arrested by police in Kano was released on Monday.")
    assert any(e.trigger == "arrested" and e.source.sector == "COP" for e in named)


def test_one_attack_told_twice_in_a_sentence_is_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Taliban fighters attacked a police checkpoint in Ghazni province, killing three officers."
    assaults = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].target is not None and assaults[0].target.sector == "COP"


def test_a_suicide_bomber_is_an_armed_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "A suicide bomber killed 20 people at a mosque in Quetta."
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    events = [e for e in code_events(doc, article, find_actors(doc, article)) if e.type == "ASSAULT"]
    assert events and events[0].source.sector == "REB"


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab claimed responsibility for the attack on the Kenyan army base.",
        "ISIS issued a statement claiming responsibility for a bombing that killed 27 people in Darna.",
    ],
)
def test_who_claims_an_attack_did_it(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e.type == "ASSAULT" and e.source.sector == "REB" for e in _events(nlp, text)), text


def test_a_denied_attack_names_no_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Taliban denied responsibility for the attack on the school in Kabul."
    assert not any(e.type == "ASSAULT" for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "source_sector"),
    [
        ("Six human rights groups have been barred from operating in Armenia.", "UNK"),
        ("The government prohibited journalists from entering the region of Tigray.", "GOV"),
        ("Police launched a clampdown on opposition supporters in Harare.", "COP"),
    ],
)
def test_bans_and_clampdowns_coerce(nlp, text: str, source_sector: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _events(nlp, text) if e.type == "COERCE"]
    assert events and events[0].source.sector == source_sector, text
