"""Member nouns: the people of a body named in front of "members" or "units"."""

from __future__ import annotations

from dateline.actors import ArticleActors, find_actors
from dateline.model import Article


def _actors(nlp, body: str) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))


def _codes(actors: ArticleActors) -> dict[str, tuple[str | None, str | None]]:
    return {m.text: (m.actor.country, m.actor.sector) for m in actors.mentions}


def test_members_of_a_body_named_in_front_are_that_body(nlp) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(_actors(nlp, "Syrian opposition members attacked an army post near Aleppo."))
    assert codes["Syrian opposition members"] == ("SYR", "OPP")
    codes = _codes(_actors(nlp, "Around 3,000 Islamic State members have surrendered in Syria."))
    assert codes["Islamic State members"][1] == "REB"


def test_units_of_a_people_are_armed_men(nlp) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(_actors(nlp, "Bosnian Serb units shelled British forces in Vitez."))
    assert codes["Bosnian Serb units"][1] == "MIL"


def test_members_and_units_of_no_body_are_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    for body, words in (
        ("Board members met the Iraqi prime minister in Baghdad.", ("Board", "members")),
        ("Israel approved 31 settlement units in Hebron.", ("settlement", "units")),
        ("Staff members protested outside the court in Lagos.", ("Staff", "members")),
    ):
        texts = [m.text for m in _actors(nlp, body).mentions]
        assert not any(w in t for t in texts for w in words), (body, texts)


def test_states_named_by_their_region_act_together(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Russia warned Western nations against sending troops to Ukraine.")
    assert _codes(actors)["Western nations"] == (None, "IGO")  # no one country is theirs
    codes = _codes(_actors(nlp, "The Southeast Asian nations pledged support for Seoul's efforts."))
    assert codes["The Southeast Asian nations"] == (None, "IGO")
    # a capital that only starts the sentence names no region
    assert not _actors(nlp, "Developing countries called for debt relief.").mentions
