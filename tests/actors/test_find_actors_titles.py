"""Titles in front of a name, written in full or abbreviated (AP style "Lt. Gen.", "Gov.",
British "Lt Col"): the same person, sector and country either way."""

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
    ("short", "full", "sector"),
    [
        ("Lt. Gen.", "Lieutenant General", "MIL"),
        ("Maj. Gen.", "Major General", "MIL"),
        ("Brig. Gen.", "Brigadier General", "MIL"),
        ("Col.", "Colonel", "MIL"),
        ("Lt. Col.", "Lieutenant Colonel", "MIL"),
        ("Capt.", "Captain", "MIL"),
        ("Vice Adm.", "Vice Admiral", "MIL"),
        ("Sgt.", "Sergeant", "MIL"),
        ("Cmdr.", "Commander", "MIL"),
        ("Gov.", "Governor", "GOV"),
        ("Lt. Gov.", "Lieutenant Governor", "GOV"),
        ("Sen.", "Senator", "LEG"),
        ("Amb.", "Ambassador", "GOV"),
        ("Sec.", "Secretary", "GOV"),
        ("Pres.", "President", "GOV"),
        ("Det.", "Detective", "COP"),
        ("Prof.", "Professor", "EDU"),
    ],
)
def test_an_abbreviated_title_says_what_the_full_title_says(nlp, short: str, full: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    for title in (short, full):
        found = _actor(_actors(nlp, f"{title} Ahmed Saleh accused the rebels of shelling the town."), "Saleh")
        assert (found.name, found.sector) == ("Ahmed Saleh", sector), title


def test_abbreviated_titles_take_the_dateline_country(nlp) -> None:  # type: ignore[no-untyped-def]
    for general, governor in (("General", "Governor"), ("Lt. Gen.", "Gov.")):
        text = f"WASHINGTON, March 3, 2024 — {general} John Smith met {governor} Kathy Hochul."
        actors = _actors(nlp, text)
        assert _actor(actors, "John Smith").code == "USA MIL", general
        assert _actor(actors, "Kathy Hochul").code == "USA GOV", governor


def test_british_titles_without_a_dot(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actor(_actors(nlp, "Lt Col Ahmed Saleh accused the rebels of shelling the town."), "Saleh")
    assert (found.name, found.sector) == ("Ahmed Saleh", "MIL")


def test_a_name_that_looks_like_an_undotted_abbreviation_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Min." abbreviates "Minister"; "Min" without its dot is a name
    found = _actor(_actors(nlp, "Myanmar's army chief Min Aung Hlaing met Chinese officials."), "Hlaing")
    assert found.name == "Min Aung Hlaing"


def test_a_rank_says_less_than_the_body_in_the_title(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actor(_actors(nlp, "Police Sgt. Ann Lee arrested two men in the town."), "Ann Lee")
    assert found.sector == "COP"


def test_a_dotted_title_is_one_token(nlp) -> None:  # type: ignore[no-untyped-def]
    words = [t.text for t in nlp("Lt. Gen. John Smith and Brig. Gen. Ann Lee met Cpl. Bo Li.")]
    assert words[:2] == ["Lt.", "Gen."]
    assert "Brig." in words and "Cpl." in words


@pytest.mark.parametrize(
    ("title", "sector"),
    [
        ("Opposition leader", "OPP"),
        ("Rebel commander", "REB"),
        ("Militia leader", "REB"),
        ("Army spokesman", "MIL"),
        ("Police spokesman", "COP"),
        ("Party spokesman", "PTY"),
        ("Senate President", "LEG"),
        ("Government spokesman", "GOV"),
        ("Foreign Minister", "GOV"),
    ],
)
def test_a_generic_role_in_a_title_takes_the_body_before_it(nlp, title: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    found = _actor(_actors(nlp, f"{title} Ahmed Saleh criticised the plan."), "Saleh")
    assert (found.name, found.sector) == ("Ahmed Saleh", sector)


def test_a_country_president_stays_government(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actor(_actors(nlp, "Russian President Vladimir Putin criticised the plan."), "Putin")
    assert found.code == "RUS GOV"
