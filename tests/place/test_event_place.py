"""An event's place: named in its sentence, else the article's dateline."""

from __future__ import annotations

from dateline.model import Actor, Article, Event
from dateline.place.event_place import place_event

KOR = Actor("South Korea", "KOR")
JPN = Actor("Japan", "JPN")


def _event(sentence: str) -> Event:
    return Event(
        type="CONSULT",
        cameo="040",
        source=KOR,
        target=JPN,
        trigger="met",
        trigger_start=0,
        evidence=sentence,
        article_id="a",
        sentence_start=0,
        sentence_end=len(sentence),
    )


def _article(place: str | None) -> Article:
    return Article(doc_id="d", position=0, start=0, end=1, body="", dateline_place=place)


def test_place_named_in_the_sentence_wins_and_gets_coordinates() -> None:
    event = place_event(_event("The ministers met in Geneva on Monday."), _article("Seoul"))
    assert event.place == "Geneva" and event.place_country == "CHE"
    assert event.latitude is not None and 45 < event.latitude < 47


def test_possessive_names_an_institution_not_a_place() -> None:
    event = place_event(
        _event("Officials at Tokyo's foreign ministry met their counterparts."), _article("Seoul")
    )
    assert event.place == "Seoul" and event.place_country == "KOR"


def test_longest_known_name_and_sentence_end() -> None:
    event = place_event(_event("The two envoys met at the United Nations in New York."), _article(None))
    assert event.place is not None and event.place.startswith("New York") and event.place_country == "USA"


def test_no_place_anywhere_leaves_it_empty() -> None:
    event = place_event(_event("The two sides exchanged views."), _article(None))
    assert event.place is None and event.latitude is None
