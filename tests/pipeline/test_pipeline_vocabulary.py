"""A long ingest's vocabulary stays bounded, and the events are those coded without the bound."""

from __future__ import annotations

from dateline import pipeline
from dateline.model import RawDoc
from dateline.nlp import load_pipeline
from dateline.pipeline import process_documents

# Made-up names and words: new to the vocabulary however many texts ran before.
NOVEL = (
    "VELTRAMO, Quenzaria (Reuters) - Quenzarian troops shelled the border town of Ostravelk on "
    "Tuesday, and the Brevanic government recalled its ambassador from Veltramo in protest. "
    "Prime Minister Adaro Kelmunt said the zarkovian strikes had killed twelve civilians."
)
KNOWN = (
    "CAIRO (Reuters) - Egypt condemned an Israeli air strike on a school in Gaza on Saturday, calling on "
    "the United Nations to act."
)


def _events(docs: list[RawDoc]) -> list[tuple[object, ...]]:
    return [tuple(repr(e) for e in result.events) for result in process_documents(docs)]


def test_new_words_leave_the_vocabulary_and_events_are_unchanged(nlp: object, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    docs = [RawDoc(text=NOVEL, path="a.txt"), RawDoc(text=KNOWN, path="b.txt")]
    _events(docs)  # loads what loads lazily (models, tables) and adds their strings once
    strings = load_pipeline().vocab.strings
    before = len(strings)
    bounded = _events(docs)
    assert len(strings) == before
    assert "Ostravelk" not in strings
    assert any(bounded)  # the texts do code events
    # without the bound: the same events, and the vocabulary grows
    monkeypatch.setattr(pipeline, "_coded", pipeline._coded_in_zone)
    assert _events(docs) == bounded
    assert "Ostravelk" in strings
