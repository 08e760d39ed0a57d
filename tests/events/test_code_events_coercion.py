"""Coercion and mobilisation news reports in words the verb lexicon alone misses: cyber
attacks told by what they did, police raids, armed men called up (PLOVER COERCE, MOBILIZE)."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def _types(nlp, body: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in _events(nlp, body)}


@pytest.mark.parametrize(
    "text",
    [
        "A cyber attack crippled a major power plant in eastern Syria on Monday.",
        "Hackers breached Rwanda's Defense Ministry network on Monday.",
        "A French nuclear power plant was hit by a cyber attack on Wednesday.",
        "Hackers attacked the website of the Kenyan interior ministry on Monday.",
    ],
)
def test_a_cyber_attack_told_by_what_it_did_is_coercion(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    types = _types(nlp, text)
    assert "COERCE" in types and "ASSAULT" not in types, text


@pytest.mark.parametrize(
    "text",
    [
        "The army hit rebel positions in Idlib on Monday.",
        "Gunmen attacked a police station in Kano on Monday.",
    ],
)
def test_an_armed_attack_stays_an_assault(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    types = _types(nlp, text)
    assert "ASSAULT" in types and "COERCE" not in types, text


def test_a_police_raid_is_coercion_and_a_troops_raid_an_assault(nlp) -> None:  # type: ignore[no-untyped-def]
    police = _events(nlp, "Kenyan police carried out raids on opposition offices in Nairobi on Monday.")
    assert [e.type for e in police if "raid" in e.trigger] == ["COERCE"]
    troops = _events(nlp, "Israeli troops carried out a raid on the Jenin camp.")
    assert [e.type for e in troops if "raid" in e.trigger] == ["ASSAULT"]


def test_armed_men_called_up_are_mobilised(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" in _types(nlp, "The Serbian army on Wednesday called up 5,000 reservists.")
    # a call for troops asks for them; a call to a leader is a phone call
    assert "MOBILIZE" not in _types(nlp, "Mali's president called for more UN troops on Monday.")
