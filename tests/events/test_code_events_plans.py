"""Comments PLOVER does not code, each beside a close sentence that reports an act, so the
rule cannot pass by coding nothing."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.events import code_events, plover_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def test_an_optimistic_comment_is_coded_but_not_printed(nlp) -> None:  # type: ignore[no-untyped-def]
    hope = _events(nlp, "Beijing still hopes for progress in talks with Washington.")
    assert [e.cameo for e in hope] == ["013"]  # CAMEO's optimistic comment, penta-class 0
    assert plover_events(hope) == []
    praise = _events(nlp, "China praised the progress of its talks with Washington.")
    assert [e.type for e in plover_events(praise)] == ["SUPPORT"]
