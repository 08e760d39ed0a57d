"""A country named as an actor's patron or side ("US-backed", "pro-Russian") is not the actor's."""

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
    ("sentence", "mention", "country", "sector"),
    [
        # the actor's own country word beside the patron's
        ("Turkish-backed Syrian rebels captured the town.", "Syrian rebels", "SYR", "REB"),
        ("U.S.-backed Syrian rebel forces attacked the town.", "rebel forces", "SYR", "REB"),
        # a patron body is not the actor either: the government is Libya's, not the UN's
        ("The UN-backed government in Tripoli condemned the attack.", "government", "LBY", "GOV"),
        # conjoined patrons
        ("Russian and Iran-backed government forces attacked rebels in Aleppo.", "forces", "SYR", "MIL"),
        # no country of its own: the story's, not the patron's
        ("US-backed Kurdish fighters attacked Manbij in Syria.", "Kurdish fighters", "SYR", "REB"),
        ("Anti-American protesters burned flags at the embassy in Islamabad.", "protesters", "PAK", "CVL"),
    ],
)
def test_a_patron_or_side_gives_no_country(  # type: ignore[no-untyped-def]
    nlp, sentence: str, mention: str, country: str, sector: str
) -> None:
    actor = _actor(_actors(nlp, sentence), mention)
    assert (actor.country, actor.sector) == (country, sector)


def test_pro_country_separatists_are_not_of_that_country(nlp) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(_actors(nlp, "Pro-Russian separatists shelled the city on Monday."), "separatists")
    assert actor.country != "RUS"
    assert actor.sector == "REB"


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        # a leading country is the actor's own
        ("The Saudi-led coalition bombed the port.", "coalition", "SAU"),
        ("The US-led coalition struck the base.", "coalition", "USA"),
        # a group named in the phrase keeps its country whatever its patron
        ("Pro-Iranian Hizbollah declared a ceasefire.", "Hizbollah", "LBN"),
    ],
)
def test_own_country_words_still_count(nlp, sentence: str, mention: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert _actor(_actors(nlp, sentence), mention).country == country


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        # led by a people, backed by a patron, or named by the side it fights: no state's army
        ("Kurdish-led forces attacked Isis in Syria.", "Kurdish-led forces"),
        ("Syrian Kurdish-led forces attacked Isis.", "Kurdish-led forces"),
        ("US-backed forces captured Raqqa in Syria.", "US-backed forces"),
        ("Turkish-aligned troops attacked Afrin in Syria.", "Turkish-aligned troops"),
        ("Anti-Assad forces attacked Syrian troops in Idlib.", "Anti-Assad forces"),
        ("Turkey supports a national rebel army.", "rebel army"),
        ("Kurdish forces in Syria attacked Isis.", "Kurdish forces"),
    ],
)
def test_forces_not_named_by_a_state_are_armed_groups(nlp, sentence: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    assert _actor(_actors(nlp, sentence), mention).sector == "REB"


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Russian and Iran-backed government forces attacked rebels in Aleppo.", "government forces", "SYR"),
        ("The Saudi-led forces bombed Sanaa.", "Saudi-led forces", "SAU"),
        ("Iraqi Kurdish forces attacked Isis.", "Iraqi Kurdish forces", "IRQ"),
    ],
)
def test_forces_named_by_a_state_stay_its_military(nlp, sentence: str, mention: str, country: str) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(_actors(nlp, sentence), mention)
    assert (actor.country, actor.sector) == (country, "MIL")
