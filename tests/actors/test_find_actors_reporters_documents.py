"""A wire agency reports the act and a document records it: neither is an actor, and the
sides of a conflict ("the two parties") are no political parties."""

from __future__ import annotations

from dateline.actors import ArticleActors, find_actors
from dateline.model import Article


def _actors(nlp, body: str) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))


def test_an_agency_credit_line_is_no_part_of_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "KAZINFORM North Korea fired a ballistic missile on Friday, YONHAP reports.")
    names = {m.actor.name: m.actor.country for m in actors.mentions}
    assert names.get("North Korea") == "PRK", names
    assert not any("KAZINFORM" in n or "YONHAP" in n.upper() for n in names), names


def test_a_wire_agency_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Reuters reported that Iraqi police arrested two men in Basra.")
    assert not any("Reuters" in m.text for m in actors.mentions), actors.mentions


def test_a_titled_document_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "The Doha accord will see American troops leave Afghanistan.")
    assert not any("accord" in m.actor.name for m in actors.mentions), actors.mentions
    actors = _actors(nlp, "Joint Statement of the United States and Israel was released on Thursday.")
    assert not any("Statement" in m.actor.name for m in actors.mentions), actors.mentions


def test_the_parties_to_a_conflict_are_not_political_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Ethiopia's war has killed thousands. The two parties to the conflict agreed on a truce."
    parties = next(m.actor for m in _actors(nlp, body).mentions if "parties" in m.text)
    assert (parties.country, parties.sector) == ("ETH", None)
    # a word saying which parties keeps them political
    body = "Opposition parties in Kenya boycotted the vote."
    parties = next(m.actor for m in _actors(nlp, body).mentions if "parties" in m.text)
    assert parties.sector == "PTY"
