"""Source and target roles: datelines, and the learned target ranker."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events.coder import rule_events
from dateline.events.roles import dateline_end
from dateline.model import Article, Event


def _rule_events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return rule_events(doc, article, find_actors(doc, article))


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("MOGADISHU, Somalia -- Kenyan troops have attacked Somali rebels near the border.", "KEN"),
        ("WASHINGTON (AP) President Donald Trump on Wednesday pardoned Conrad Black.", "USA"),
        ("KABUL: Pakistani forces shelled Afghan villages on Monday.", "PAK"),
    ],
)
def test_a_dateline_is_not_the_source(nlp, sentence: str, source: str) -> None:  # type: ignore[no-untyped-def]
    events = _rule_events(nlp, sentence)
    assert events, sentence
    assert all(e.source.country == source for e in events), events


def test_dateline_end_leaves_ordinary_sentences_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("NATO troops remained on alert Sunday in Bosnian Serb territory.")
    assert dateline_end(next(doc.sents)) == 0
    doc = nlp("THE HAGUE, Netherlands -- A prosecutor charged a former minister.")
    sent = next(doc.sents)
    assert sent.doc[dateline_end(sent)].text == "A"
