"""An event's place: named in its sentence, else the article's dateline."""

from __future__ import annotations

from dataclasses import replace

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


def test_a_landmark_gives_its_city_and_its_own_coordinates() -> None:
    event = place_event(_event("Biden met Moon at the White House on Friday."), _article("Seoul"))
    assert (event.place, event.place_country) == ("Washington", "USA")
    assert event.latitude is not None and abs(event.latitude - 38.8977) < 0.01


def test_a_landmark_needs_no_preposition() -> None:
    event = place_event(_event("The Kremlin rejected the proposal."), _article(None))
    assert (event.place, event.place_country) == ("Moscow", "RUS")
    event = place_event(_event("Moon and Kim met in Panmunjom."), _article("Seoul"))
    assert (event.place, event.place_country) == ("Panmunjom", "KOR")


def test_the_place_of_the_trigger_clause_wins() -> None:
    sentence = "Biegun, who arrived from Tokyo and stayed in Osaka, met Choi in Seoul."
    event = replace(_event(sentence), trigger_start=sentence.index("met"))
    assert place_event(event, _article("Tokyo")).place == "Seoul"


def test_unknown_words_after_in_are_not_places() -> None:
    event = place_event(_event("Talks resumed in January in a calm mood."), _article("Geneva"))
    assert event.place == "Geneva"


def test_place_phrases_news_writes() -> None:
    cases = {
        "Diplomats met regularly this month in a Vienna hotel.": ("Vienna", "AUT"),
        "Negotiators met at Istanbul's Dolmabahce Palace on Tuesday.": ("Istanbul", "TUR"),
        "In Beijing on Monday, the envoys met.": ("Beijing", "CHN"),
        "Protesters met outside a mosque in central Stockholm.": ("Stockholm", "SWE"),
    }
    for sentence, (place, country) in cases.items():
        event = place_event(_event(sentence), _article(None))
        assert (event.place, event.place_country) == (place, country), sentence
        assert event.latitude is not None


def test_a_state_or_province_gives_its_country_without_coordinates() -> None:
    event = place_event(_event("The top officials met in Alaska on Thursday."), _article(None))
    assert (event.place, event.place_country, event.latitude) == ("Alaska", "USA", None)


def test_a_capitalised_month_after_in_is_no_place() -> None:
    event = place_event(_event("In May the two sides met again."), _article(None))
    assert event.place is None


def test_a_visit_happens_where_the_visitor_goes() -> None:
    cases = {
        "Raisi visited Beijing in February.": ("Beijing", "CHN"),
        "The minister's trip to Riyadh ended with a joint statement.": ("Riyadh", "SAU"),
        "Kerry flew to Hanoi for the talks.": ("Hanoi", "VNM"),
    }
    for sentence, (place, country) in cases.items():
        event = place_event(_event(sentence), _article("Seoul"))
        assert (event.place, event.place_country) == (place, country), sentence


def test_a_meeting_named_after_its_city_is_held_there() -> None:
    event = place_event(_event("The Anchorage talks opened with sharp words."), _article(None))
    assert (event.place, event.place_country) == ("Anchorage", "USA")
    # a meeting named after a country is about it, not necessarily held there
    event = place_event(_event("The Iran talks stalled over sanctions."), _article("Vienna"))
    assert event.place == "Vienna"


def test_a_region_wins_over_a_city_that_only_shares_an_alternate_name() -> None:
    event = place_event(_event("Biden and Xi met in Bali on Monday."), _article(None))
    assert event.place == "Bali" and event.place_country == "IDN"


def test_the_region_a_named_area_lies_in() -> None:
    sentence = "Soldiers were killed in a clash in the Galwan Valley area of Ladakh on Monday."
    event = place_event(_event(sentence), _article(None))
    assert (event.place, event.place_country) == ("Ladakh", "IND")
