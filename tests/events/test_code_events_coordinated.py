"""Coordinated country words ("Israeli and Palestinian negotiators") as the two sides of an event."""

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
    ("sentence", "source", "target"),
    [
        # a verb trigger: the place of the meeting is not the other side
        ("Israeli and Palestinian negotiators met in Cairo on Monday.", "ISR", "PSE"),
        ("Chinese and Japanese officials held talks in Beijing.", "CHN", "JPN"),
        # a nominal trigger under a support verb
        ("U.S. and Russian negotiators return to Geneva this week for talks.", "USA", "RUS"),
    ],
)
def test_coordinated_countries_meet_each_other(nlp, sentence: str, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, sentence)
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult, events
    assert any(
        e.source.country == source and e.target is not None and e.target.country == target for e in consult
    )


@pytest.mark.parametrize(
    ("sentence", "kind", "source", "target"),
    [
        # the object of a hostile act may be the weapon: the aimed phrase holds the target
        (
            "Turkish forces launched artillery, mortar and rocket fire against Syrian rebel camps"
            " near the Iraqi border, killing 20.",
            "ASSAULT",
            "TUR",
            "SYR",
        ),
        # the forces a state mobilises are its own, not the target
        ("Britain mobilized army reservists for a possible war against Iraq.", "MOBILIZE", "GBR", "IRQ"),
        ("Britain mobilized troops for a possible war against Iraq.", "MOBILIZE", "GBR", "IRQ"),
    ],
)
def test_aimed_phrase_gives_the_target(nlp, sentence: str, kind: str, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _events(nlp, sentence) if e.type == kind]
    assert events
    assert all(e.source.country == source and e.target is not None for e in events)
    assert {e.target.country for e in events if e.target is not None} == {target}


def test_post_of_an_armed_body_is_a_target_with_its_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Gunmen attacked a police station in Kano on Sunday.")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.target is not None
    assert (assault.target.country, assault.target.sector) == ("NGA", "COP")


def test_blocking_a_road_is_a_protest_by_civilians_only(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Demonstrators in Baghdad blocked a road to show their anger at the United States.")
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.cameo == "144" and protest.source.country == "IRQ"
    assert not any(e.cameo == "144" for e in _events(nlp, "Police blocked the road to the airport."))
