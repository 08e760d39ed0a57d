"""Role nouns and places the actors stage reads from context: hyphenated roles, lost
possessives, multinational forces, compass regions, ethnic groups, people placed by "in"."""

from __future__ import annotations

from dateline.actors import ArticleActors, find_actors
from dateline.model import Actor, Article


def _actors(nlp, body: str) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))


def _actor(actors: ArticleActors, text: str) -> Actor:
    return next(m.actor for m in actors.mentions if text in m.text)


def test_hyphenated_role_noun_is_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "The hostage-takers freed two German engineers in Iraq on Monday.")
    takers = _actor(actors, "hostage-takers")
    # people outside the state are placed where the sentence says they are
    assert (takers.country, takers.sector) == ("IRQ", "CRM")


def test_plural_owner_without_its_apostrophe_is_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Washington said it would not meet hostage-takers demands in Iraq.")
    assert _actor(actors, "hostage-takers").sector == "CRM"


def test_regional_force_is_an_international_body(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Liberian rebels opposed the deployment of a regional peacekeeping force.")
    force = _actor(actors, "peacekeeping force")
    assert (force.country, force.sector) == (None, "IGO")
    # a national force stays national
    actors = _actors(nlp, "Nigeria sent a peacekeeping force to Liberia.")
    assert _actor(actors, "peacekeeping force").sector == "MIL"


def test_region_named_by_compass_and_country(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Government troops shelled a village in Western Cambodia.")
    assert _actor(actors, "Western Cambodia").country == "KHM"
    # a country whose name starts with a compass word is that country
    actors = _actors(nlp, "Morocco rejected a referendum plan for Western Sahara.")
    assert _actor(actors, "Western Sahara").country == "ESH"


def test_ethnic_group_is_coded_by_where_it_lives(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Hundreds of ethnic Hungarians protested against Slovakia's new language law.")
    assert _actor(actors, "Hungarians").country == "SVK"
    actors = _actors(nlp, "Ethnic Serb militias operating in Kosovo attacked a police post.")
    assert _actor(actors, "militias").country == "XKX"
    # without "ethnic" a demonym is its country
    actors = _actors(nlp, "Hungarians protested against Slovakia's new language law.")
    assert _actor(actors, "Hungarians").country == "HUN"


def test_organisation_kind_from_its_last_word(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "The World Water Forum urged rich nations to fund sanitation.")
    assert _actor(actors, "Forum").sector == "NGO"
    actors = _actors(nlp, "The Ford Foundation pledged money to Kenyan schools.")
    assert _actor(actors, "Foundation").sector == "NGO"


def test_town_after_in_is_a_place_whatever_the_tagger_says(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "A bomb plot was foiled in Khanty-Mansiysk, police said.")
    assert _actor(actors, "Khanty-Mansiysk").country == "RUS"


def test_origin_from_a_city_beats_the_place_of_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "A missionary from Calgary was arrested in Lebanon.")
    assert _actor(actors, "missionary").country == "CAN"


def test_partners_in_a_body_act_as_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Norway settled its fishing dispute with its European Union partners.")
    partners = _actor(actors, "partners")
    assert (partners.country, partners.sector) == (None, "IGO")


def test_forces_of_an_armed_body_take_its_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Rebel forces seized the airport in Tripoli.")
    assert _actor(actors, "Rebel forces").sector == "REB"
    actors = _actors(nlp, "Government forces shelled the town in Syria.")
    assert _actor(actors, "Government forces").sector == "MIL"


def test_an_attorney_general_is_a_civilian_office(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.actors import find_actors
    from dateline.model import Article

    for body, name in (
        ("The US Attorney General said the company broke the law.", "US Attorney General"),
        ("Australian Attorney-General Christian Porter criticised the ruling.", "Christian Porter"),
    ):
        doc = nlp(body)
        found = find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))
        actor = next(m.actor for m in found.mentions if m.actor.name == name)
        assert actor.sector == "GOV"


def test_an_armed_groups_forces_are_the_group(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.actors import find_actors
    from dateline.model import Article

    for body in ("Houthi forces fired missiles at Saudi Arabia.", "Kurdish forces attacked the town."):
        doc = nlp(body)
        found = find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))
        assert found.mentions[0].actor.sector == "REB", body
