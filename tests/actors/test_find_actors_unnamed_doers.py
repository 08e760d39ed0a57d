"""Doers news names without a known name: an all-capital abbreviation that acts, an
occupational or social group, an open compound of a role noun; a wh-word in front of a
phrase is no part of it."""

from __future__ import annotations

from dateline.actors import ArticleActors, find_actors
from dateline.model import Actor, Article


def _actors(nlp, body: str) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))


def _actor(actors: ArticleActors, text: str) -> Actor | None:
    return next((m.actor for m in actors.mentions if m.text == text), None)


def test_acronym_doing_an_act_is_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "ICE returned the stolen statues to the government of Iraq on Monday.")
    assert _actor(actors, "ICE") is not None


def test_acronym_of_a_thing_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "GDP fell by two percent in the last quarter, the ministry said.")
    assert all(m.text != "GDP" for m in actors.mentions)


def test_acronym_in_an_all_capital_line_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "FLOODS HIT THE NORTH")
    assert all(m.text != "FLOODS" for m in actors.mentions)


def test_occupational_group_is_a_civilian_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Musicians have ended their boycott of the city's concert hall.")
    musicians = _actor(actors, "Musicians")
    assert musicians is not None and musicians.sector == "CVL"


def test_cartel_is_a_criminal_group(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Gunmen of a drug cartel attacked a police station in northern Mexico.")
    assert any(m.actor.sector == "CRM" and "cartel" in m.text for m in actors.mentions)


def test_open_compound_of_a_hyphenated_role(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Hungary says it will not accept asylum seekers sent back from Austria.")
    seekers = next(m.actor for m in actors.mentions if "asylum seekers" in m.text)
    assert seekers.sector == "REF"


def test_wh_word_is_no_part_of_the_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Witnesses described how armed men stormed the village at dawn.")
    assert any(m.text == "armed men" for m in actors.mentions)
    assert not any(m.text.startswith("how") for m in actors.mentions)


def test_body_named_by_its_kind_that_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "The committee declared that the strike will go on until Friday.")
    assert _actor(actors, "The committee") is not None
    # as no doer, the bare noun is no actor
    actors = _actors(nlp, "The strike was called by workers of the committee.")
    assert _actor(actors, "the committee") is None


def test_bare_body_takes_up_the_body_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Hamas fired rockets at Israel on Monday. The group said it would fire more.")
    group = _actor(actors, "The group")
    assert group is not None and group.name == "Hamas"
