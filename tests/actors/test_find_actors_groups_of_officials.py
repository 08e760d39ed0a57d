"""Plural role nouns: a group of officials, or one holder per named country."""

from __future__ import annotations

from dateline.actors import ArticleActors, find_actors
from dateline.model import Article


def _actors(nlp, body: str) -> tuple[object, ArticleActors]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body, date="2022-03-29")
    return doc, find_actors(doc, article)


def _at(doc, actors: ArticleActors, word: str):  # type: ignore[no-untyped-def]
    return actors.actor_at(next(t for t in doc if t.text == word))  # type: ignore[attr-defined]


def test_plural_negotiators_are_a_group_not_the_named_minister(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Ukrainian Foreign Minister Dmytro Kuleba said on Monday that talks would go on. "
        "The Ukrainian negotiators called for a meeting of the two presidents."
    )
    doc, actors = _actors(nlp, body)
    negotiators = _at(doc, actors, "negotiators")
    assert negotiators is not None and negotiators.country == "UKR"
    assert "Kuleba" not in negotiators.name


def test_a_singular_counterpart_is_still_the_named_official(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Ukrainian Foreign Minister Dmytro Kuleba arrived in Antalya on Thursday. "
        "The Russian minister met his Ukrainian counterpart for talks."
    )
    doc, actors = _actors(nlp, body)
    counterpart = _at(doc, actors, "counterpart")
    assert counterpart is not None and counterpart.name == "Dmytro Kuleba"


def test_joint_role_phrase_names_each_side_by_its_own_country(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, actors = _actors(nlp, "US and Chinese diplomats met for a second day in Anchorage.")
    first = _at(doc, actors, "diplomats")
    second = _at(doc, actors, "Chinese")
    assert first is not None and (first.name, first.country) == ("US diplomats", "USA")
    assert second is not None and (second.name, second.country) == ("Chinese diplomats", "CHN")
