"""A small store for the store tests: one meeting reported by two outlets, merged into one story."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.model import Actor, Article, Event, EventSource, MergedEvent, ProcessedDoc, RawDoc, Story
from dateline.store import Store


def _doc(text: str, url: str, outlet: str, date: str, granularity: str, cameo: str) -> ProcessedDoc:
    doc = RawDoc(text=text, url=url)
    body = text.split(" - ", 1)[1]
    article = Article(doc_id=doc.id, position=0, start=0, end=len(text), body=body, outlet=outlet,
                      url=url, date=date, date_granularity=granularity)  # fmt: skip
    event = Event(
        type="CONSULT", cameo=cameo, source=Actor("Sergei Lavrov", "RUS", "GOV"),
        target=Actor("Antony Blinken", "USA", "GOV"), trigger="met", trigger_start=body.index("met"),
        evidence=body, article_id=article.id, sentence_start=0, sentence_end=len(body), date=date,
        date_granularity=granularity, place="Geneva", place_country="CHE", latitude=46.2, longitude=6.14,
    )  # fmt: skip
    return ProcessedDoc(doc=doc, articles=(article,), events=(event,))


@pytest.fixture()
def merged_store(tmp_path: Path) -> Iterator[Store]:
    """Two outlets reporting one meeting (merged into one story), one dated only to a month."""
    reuters = _doc("GENEVA (Reuters) - Russia's foreign minister met the U.S. secretary of state in Geneva.",
                   "https://example.org/geneva", "Reuters", "2021-06-16", "day", "043")  # fmt: skip
    afp = _doc("GENEVA (AFP) - Sergei Lavrov met Antony Blinken in Geneva this month.",
               "https://example.net/lavrov", "AFP", "2021-06", "month", "043")  # fmt: skip
    opened = Store(tmp_path / "d.duckdb")
    for processed in (reuters, afp):
        opened.save(processed)
    first, second = reuters.events[0], afp.events[0]
    merged = MergedEvent(
        id="m1", story_id="s1", type="CONSULT", cameo="043", source=first.source, target=first.target,
        date="2021-06-16", date_granularity="day", place="Geneva", place_country="CHE",
        sources=(EventSource(first.id, first.article_id, "Reuters", first.evidence),
                 EventSource(second.id, second.article_id, "AFP", second.evidence)),
        dates=("2021-06-16", "2021-06"), first_seen="2021-06", last_seen="2021-06-16",
    )  # fmt: skip
    story = Story(id="s1", articles=(reuters.articles[0].id, afp.articles[0].id), events=("m1",),
                  first_seen="2021-06", last_seen="2021-06-16", title="Lavrov meets Blinken",
                  outlets=("Reuters", "AFP"))  # fmt: skip
    opened.save_stories({}, [story], [merged], {a.id: "s1" for a in (*reuters.articles, *afp.articles)}, [])
    yield opened
    opened.close()
