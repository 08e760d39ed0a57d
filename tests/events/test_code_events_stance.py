"""Agreeing that something is so is a view shared, not an agreement: each beside a close
sentence that reports an agreement, so no rule passes by coding nothing."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article


def _types(nlp, body: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return [e.type for e in code_events(doc, article, find_actors(doc, article))]


@pytest.mark.parametrize(
    ("no_event", "event", "kind"),
    [
        # agreeing that something is so shares a view; agreeing on what is to be done is an agreement
        (
            "The cabinet agreed that the Assad regime has a record of using chemical weapons.",
            "The two states agreed that their foreign ministers would meet in Beijing.",
            "AGREE",
        ),
        # a report frame parsed as the verb's clause is no view agreed to
        (
            "The cabinet agreed that the Assad regime has a record of using chemical weapons.",
            "Kosovo and Serbia agreed on the EU plan after 12 hours of talks, the EU envoy announced.",
            "AGREE",
        ),
        (
            "Britain and France agreed that Russia was behind the poisoning.",
            "Britain and France agreed to expel Russian diplomats.",
            "AGREE",
        ),
    ],
)
def test_assent_to_a_view_is_no_agreement(nlp, no_event: str, event: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert kind not in _types(nlp, no_event)
    assert kind in _types(nlp, event)
