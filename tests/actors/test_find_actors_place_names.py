"""Places named in full: the whole name before its parts."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.model import Article


def _countries(nlp, body: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return {m.text: m.actor.country for m in find_actors(doc, article).mentions}


def test_a_place_is_read_whole_before_its_tail(nlp) -> None:  # type: ignore[no-untyped-def]
    # "York" alone is an English town; "New York" is American
    found = _countries(nlp, "The envoy flew back to New York on Monday.")
    assert found["New York"] == "USA"
