"""A counterpart is the one in the same post on the other side: never of its possessor's country."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.model import Article


def _actor(nlp, body: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    actors = find_actors(doc, article)
    token = next(t for t in doc if t.text == word)
    return actors.by_token[token.i]


def test_his_counterparts_are_not_of_the_story_s_country(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "President Biden of the United States will meet virtually with his counterparts on Friday."
    assert _actor(nlp, body, "counterparts").country is None


def test_a_counterpart_named_with_a_country_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Chinese Foreign Minister Wang Yi met his Japanese counterpart on Monday."
    assert _actor(nlp, body, "counterpart").country == "JPN"
