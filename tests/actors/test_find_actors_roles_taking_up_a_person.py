"""Role phrases that take up a person just named: set off by dashes after the name, or a
bare "the diplomat" right after it."""

from __future__ import annotations

from dateline.actors import ArticleActors, find_actors
from dateline.model import Article


def _actors(nlp, body: str) -> tuple[object, ArticleActors]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body, date="2023-06-19")
    return doc, find_actors(doc, article)


def test_a_role_between_dashes_after_a_name_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday.\n"
        "Blinken — the first secretary of state to visit China since 2018 — described making progress."
    )
    doc, actors = _actors(nlp, body)
    secretary = actors.actor_at(next(t for t in doc if t.text == "secretary" and t.i > 20))  # type: ignore[attr-defined]
    assert secretary is not None and secretary.name == "Antony Blinken"


def test_the_diplomat_is_the_secretary_of_state_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping on Monday. "
        "Blinken said the talks were frank. The diplomat said he raised Taiwan."
    )
    doc, actors = _actors(nlp, body)
    diplomat = actors.actor_at(next(t for t in doc if t.text == "diplomat"))  # type: ignore[attr-defined]
    assert diplomat is not None and diplomat.name == "Antony Blinken"


def test_a_role_that_says_more_or_fits_no_title_is_not_taken_up(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping on Monday. "
        "Blinken said the talks were frank. The general said the army was ready. "
        "The Chinese diplomat said nothing."
    )
    doc, actors = _actors(nlp, body)
    general = actors.actor_at(next(t for t in doc if t.text == "general"))  # type: ignore[attr-defined]
    chinese = actors.actor_at(next(t for t in doc if t.text == "diplomat"))  # type: ignore[attr-defined]
    assert general is None or general.name != "Antony Blinken"
    assert chinese is not None and chinese.name != "Antony Blinken"
