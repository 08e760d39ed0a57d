"""Parsing only event sentences changes no event of the bundled example."""

from __future__ import annotations

import pytest

from dateline.model import RawDoc
from dateline.pipeline import process_document


def _events(text: str) -> list[tuple[str, str, str, str | None, str | None, int]]:
    result = process_document(RawDoc(text=text))
    return [
        (e.type, e.cameo, e.source.name, e.target.name if e.target else None, e.date, e.sentence_start)
        for e in result.events
    ]


def test_seed_events_are_the_same_with_and_without_the_filter(
    seed_text: str, nlp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    filtered = _events(seed_text)
    monkeypatch.setenv("DATELINE_PARSE", "full")
    assert filtered == _events(seed_text)
    assert filtered  # the example has events
