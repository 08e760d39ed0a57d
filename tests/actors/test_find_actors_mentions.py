"""A mention is the whole noun phrase that refers to an actor; the actor's name is not."""

from __future__ import annotations

from dateline.actors import ArticleActors, find_actors
from dateline.model import Article


def _actors(nlp, body: str) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))


def test_a_mention_takes_its_article_but_the_name_does_not(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actors(nlp, "The Chinese government rejected the claim.")
    mention = next(m for m in found.mentions if m.actor.sector == "GOV")
    assert mention.text == "The Chinese government"
    assert mention.actor.name == "Chinese government"


def test_a_mention_takes_its_prepositional_modifier(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Police in the Gaza Strip detained two suspects."
    found = _actors(nlp, body)
    police = next(m for m in found.mentions if m.actor.sector == "COP")
    assert police.text == "Police in the Gaza Strip"
    # the place inside the phrase is still an actor of its own
    assert any(m.text == "the Gaza Strip" and m.actor.country == "PSE" for m in found.mentions)
