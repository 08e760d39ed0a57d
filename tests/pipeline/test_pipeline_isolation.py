"""One document that raises costs only itself: the others of its batch are still processed."""

from __future__ import annotations

import pytest

from dateline import pipeline
from dateline.model import RawDoc
from dateline.pipeline import process_documents

CAIRO = (
    "CAIRO (Reuters) - Egypt condemned an Israeli air strike on a school in Gaza on Saturday, calling on "
    "the United Nations to act."
)
BRUSSELS = (
    "BRUSSELS (AFP) - NATO Secretary General Jens Stoltenberg warned Russia on Thursday against any "
    "attack on its members."
)
BAD = "ANKARA, Turkey - Turkish President Recep Tayyip Erdogan hosted Swedish Prime Minister Ulf Kristersson."


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage that raises on one document, as the date overflow on year-1 metadata once did."""
    real = pipeline.prepare

    def prepare(doc: RawDoc) -> list:  # type: ignore[type-arg]
        if doc.text == BAD:
            raise OverflowError("date value out of range")
        return real(doc)

    monkeypatch.setattr(pipeline, "prepare", prepare)


@pytest.mark.parametrize("batch_size", [1, 16])
def test_a_failing_document_is_reported_and_the_rest_are_processed(
    flaky: None, nlp: object, batch_size: int
) -> None:
    docs = [
        RawDoc(text=CAIRO, path="news.jsonl#1"),
        RawDoc(text=BAD, path="news.jsonl#2"),
        RawDoc(text=BRUSSELS, path="news.jsonl#3"),
    ]
    failed: list[tuple[str | None, str]] = []
    results = list(
        process_documents(
            docs, batch_size=batch_size, on_error=lambda doc, exc: failed.append((doc.path, repr(exc)))
        )
    )
    assert [r.doc.path for r in results] == ["news.jsonl#1", "news.jsonl#3"]
    assert failed == [("news.jsonl#2", "OverflowError('date value out of range')")]
    # The documents around the bad one are processed as they are alone.
    alone = list(process_documents([docs[0], docs[2]]))
    assert [r.events for r in results] == [r.events for r in alone]
    assert any(e.type for r in results for e in r.events)


def test_without_a_handler_the_exception_propagates(flaky: None, nlp: object) -> None:
    with pytest.raises(OverflowError):
        list(process_documents([RawDoc(text=CAIRO), RawDoc(text=BAD)]))
