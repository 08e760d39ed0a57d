"""Actors from parsed articles: titles, appositions, countries, coreference."""

from __future__ import annotations

import re

import pytest

from dateline.actors import ArticleActors, find_actors
from dateline.model import Article


def seed_bodies(seed_text: str) -> list[str]:
    """The seed's three article bodies, apostrophes repaired, furniture and datelines dropped."""
    lines = [line.strip() for line in seed_text.splitlines() if line.strip()]
    lines = [re.sub(r"(\w) s\b", r"\1's", line.replace("’", "'")) for line in lines]
    lines = [re.sub(r"^SEOUL(, Dec\. 23)? \((Reuters|Yonhap)\)( -)? ", "", line) for line in lines]
    return ["\n".join(lines[1:4]), "\n".join([lines[6], *lines[8:10]]), "\n".join(lines[12:14])]


def _actors(nlp, body: str) -> tuple[object, ArticleActors]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return doc, find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))


def _by_text(actors: ArticleActors, text: str):  # type: ignore[no-untyped-def]
    return next(m.actor for m in actors.mentions if text in m.text)


def test_seed_bodies_are_clean(seed_text: str) -> None:
    bodies = seed_bodies(seed_text)
    assert bodies[1].startswith("A senior U.S. envoy")
    assert bodies[2].startswith("South Korea's new chief nuclear envoy, Noh Kyu-duk")
    assert "Min Read" not in "".join(bodies) and "Slideshow" not in "".join(bodies)


def test_seed_titles_appositions_and_coreference(nlp, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    first, second, third = seed_bodies(seed_text)
    doc, actors = _actors(nlp, third)
    noh = _by_text(actors, "Noh Kyu-duk")
    assert (noh.name, noh.code) == ("Noh Kyu-duk", "KOR GOV")
    funakoshi = _by_text(actors, "Takehiro Funakoshi")
    assert (funakoshi.name, funakoshi.code) == ("Takehiro Funakoshi", "JPN GOV")
    counterpart = next(t for t in doc if t.text == "counterpart")
    assert actors.actor_at(counterpart) == funakoshi  # named in the next sentence
    seoul = next(t for t in doc if t.text == "Seoul")
    assert actors.actor_at(seoul) is not None and actors.actor_at(seoul).country == "KOR"  # type: ignore[union-attr]

    doc, actors = _actors(nlp, second)
    choi, biegun = ([t for t in doc if t.text == w][-1] for w in ("Choi", "Biegun"))  # "Choi asked Biegun"
    assert actors.actor_at(choi) == _by_text(actors, "Choi Jong-kun")
    assert actors.actor_at(choi).code == "KOR GOV"  # type: ignore[union-attr]
    assert actors.actor_at(biegun).name == "Stephen Biegun"  # type: ignore[union-attr]
    assert actors.actor_at(biegun).code == "USA GOV"  # type: ignore[union-attr]
    assert all(m.text != "The remarks" for m in actors.mentions)
    assert all(second[m.start : m.end] == m.text for m in actors.mentions)

    doc, actors = _actors(nlp, first)
    moons = [actors.actor_at(t) for t in doc if t.text == "Moon"]
    assert moons and all(a is not None and a.name == "Moon Jae-in" for a in moons)
    kim = _by_text(actors, "Kim Jong-un")
    assert (kim.name, kim.code) == ("Kim Jong-un", "PRK GOV")


@pytest.mark.parametrize(
    ("text", "mention", "name", "code"),
    [
        (
            "Nigerian junior foreign minister Dubem Oniya summoned the envoy.",
            "Dubem Oniya",
            "Dubem Oniya",
            "NGA GOV",
        ),
        ("Israeli troops entered the town on Monday.", "Israeli troops", "Israeli troops", "ISR MIL"),
        ("Egyptian police arrested 12 people.", "Egyptian police", "Egyptian police", "EGY COP"),
        ("Amnesty International criticised the decision.", "Amnesty", "Amnesty International", "NGO"),
        ("The United Nations sent food.", "United Nations", "United Nations", "IGO"),
        ("Rebels in the Ivory Coast rejected the plan.", "Rebels", "Rebels", "CIV REB"),
        ("King Hassan of Morocco spoke on Tuesday.", "Hassan", "Hassan", "MAR GOV"),
        ("Hezbollah guerrillas fired rockets.", "Hezbollah", "Hezbollah", "LBN REB"),
        ("A group of Moroccan diplomats arrived.", "Moroccan diplomats", "Moroccan diplomats", "MAR GOV"),
    ],
)
def test_phrases(nlp, text: str, mention: str, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    _, actors = _actors(nlp, text)
    actor = _by_text(actors, mention)
    assert actor.name == name and actor.code == code


def test_officeholder_table_fills_country_when_text_gives_none(nlp) -> None:  # type: ignore[no-untyped-def]
    _, actors = _actors(nlp, "Sergei Lavrov met reporters. Later Lavrov left for Ankara.")
    lavrovs = [m.actor for m in actors.mentions if "Lavrov" in m.text]
    assert len(lavrovs) == 2 and all(a.code == "RUS GOV" and a.name == "Sergei Lavrov" for a in lavrovs)


def test_ambiguous_counterpart_stays_generic(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Japan's Yoshihide Suga and Toshimitsu Motegi attended. "
        "The Korean minister met his Japanese counterpart on Monday."
    )
    doc, actors = _actors(nlp, text)
    counterpart = actors.actor_at(next(t for t in doc if t.text == "counterpart"))
    assert counterpart is not None and counterpart.country == "JPN"
    assert counterpart.name not in ("Yoshihide Suga", "Toshimitsu Motegi")


def test_role_without_country_takes_the_article_country(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Ivorian troops patrolled Abidjan. Rebels attacked a checkpoint, the Ivory Coast army said."
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    actors = {m.text: m.actor for m in find_actors(doc, article).mentions}
    assert actors["Rebels"].code == "CIV REB"


def test_name_part_of_a_foreign_officeholder_is_someone_else(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "King Hassan of Morocco spoke on Tuesday."
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    names = {m.actor.name for m in find_actors(doc, article).mentions}
    assert "Hassan Rouhani" not in names
