"""The article's country for actors with a role and no country of their own, and the
countries a named person's own clause acts on, which are not theirs."""

from __future__ import annotations

import pytest

from dateline.actors import ArticleActors, find_actors
from dateline.model import Actor, Article


def _actors(nlp, body: str) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))


def _actor(actors: ArticleActors, text: str) -> Actor:
    return next(m.actor for m in actors.mentions if text in m.text)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Senator John Smith criticised Russia over the invasion.", "John Smith"),
        ("Archbishop Desmond Tutu called for sanctions against Nigeria.", "Desmond Tutu"),
        ("Governor Ahmed Saleh visited Egypt on Monday.", "Ahmed Saleh"),
        ("Defense Minister Ahmed Saleh met Iraqi officials in Baghdad.", "Ahmed Saleh"),
    ],
)
def test_a_person_is_not_of_the_country_they_act_on(nlp, sentence: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert _actor(_actors(nlp, sentence), name).country is None


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        # where the story is set, or what the person speaks of, is still the article's country
        ("President Laurent Gbagbo extended the curfew in Abidjan.", "Laurent Gbagbo", "CIV"),
        ("Minister Ahmed Saleh said the ceasefire in Yemen would hold.", "Ahmed Saleh", "YEM"),
        ("WASHINGTON, March 3, 2024 — Gov. Kathy Hochul met General John Smith.", "Kathy Hochul", "USA"),
        # a country the clause acts on gives way to the article's other one
        ("CAIRO, May 2 — Governor Ahmed Saleh visited Israel after talks in Cairo.", "Ahmed Saleh", "EGY"),
    ],
)
def test_the_article_country_still_fills_in(nlp, sentence: str, name: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert _actor(_actors(nlp, sentence), name).country == country


def test_a_body_owned_by_its_is_of_the_country_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "The government of Venezuela and its opposition met in Mexico City on Friday.")
    assert _actor(actors, "opposition").country == "VEN"


def test_a_continent_demonym_names_no_american_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Protesters gathered outside parliament in the South American nation's capital on Friday."
    assert _actor(_actors(nlp, body), "Protesters").country != "USA"
    # "American" alone, and a pair that names a country, still do
    assert _actor(_actors(nlp, "American troops arrived on Friday."), "troops").country == "USA"
    assert _actor(_actors(nlp, "South African troops arrived on Friday."), "troops").country == "ZAF"


def test_a_person_quoted_at_length_counts_once_for_the_articles_country(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Former Nigerian President Olusegun Obasanjo said the talks went well. Obasanjo said the "
        "sides had agreed. Obasanjo added that more work remained. Obasanjo thanked the hosts. "
        "The Ethiopian government agreed to a truce. Ethiopia welcomed it. Officials said it would hold."
    )
    assert _actor(_actors(nlp, body), "Officials").country == "ETH"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("The international community condemned Syria on Monday.", "international community"),
        ("World leaders met in Paris to discuss Syria with Syrian officials.", "World leaders"),
        ("Western diplomats criticised Turkey and Turkish officials.", "Western diplomats"),
        ("Foreign fighters attacked Syrian troops in Raqqa.", "Foreign fighters"),
    ],
)
def test_people_of_many_countries_get_no_country_from_the_story(nlp, sentence: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    assert _actor(_actors(nlp, sentence), mention).country is None


def test_a_foreign_minister_is_still_of_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    # "foreign" with a singular head is an office, not a foreigner
    assert (
        _actor(
            _actors(nlp, "The foreign minister met Syrian officials in Damascus."), "foreign minister"
        ).country
        == "SYR"
    )


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Britain has said its fighters can return to Syria.", "its fighters", "GBR"),
        ("The British government pleads with its citizens to avoid Syria.", "its citizens", "GBR"),
        (
            "The Russian defence ministry also said its military police had begun patrolling Douma in Syria.",
            "its military police",
            "RUS",
        ),
    ],
)
def test_its_role_is_of_the_clause_subject(nlp, sentence: str, mention: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert _actor(_actors(nlp, sentence), mention).country == country


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Ruhul Amin, from Aberdeen, was killed by a drone strike in Syria.", "Ruhul Amin", "GBR"),
        (
            "Anna Campbell, 26, from Lewes, East Sussex, was killed by a Turkish airstrike.",
            "Anna Campbell",
            "GBR",
        ),
    ],
)
def test_a_person_from_a_town_is_of_its_country(nlp, sentence: str, name: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert _actor(_actors(nlp, sentence), name).country == country


def test_a_person_from_an_organisation_is_not_given_a_town(nlp) -> None:  # type: ignore[no-untyped-def]
    assert (
        _actor(
            _actors(nlp, "Ahmed Saleh from Amnesty International criticised the decision."), "Ahmed Saleh"
        ).country
        is None
    )


def test_an_apposed_office_in_a_known_body_is_that_bodys(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Johannes Hahn, the EU commissioner for enlargement, insisted refugees must return safely to Syria."
        " Hahn said Damascus was screening returnees."
    )
    hahn = _actor(_actors(nlp, body), "Johannes Hahn")
    assert (hahn.country, hahn.sector) == (None, "IGO")


def test_an_apposed_office_in_an_armed_group_is_the_groups(nlp) -> None:  # type: ignore[no-untyped-def]
    haniyeh = _actor(_actors(nlp, "Ismail Haniyeh, the Hamas leader, condemned Israel."), "Ismail Haniyeh")
    assert haniyeh.sector == "REB"
