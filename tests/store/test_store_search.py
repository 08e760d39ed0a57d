"""Event search ignores case and accents; direction, dyad and source-count filters; newest first."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dateline.model import Actor, Article, Event, ProcessedDoc, RawDoc
from dateline.store import Store
from dateline.store.read import EventFilter


def _save(store: Store, text: str, source: Actor, target: Actor, date: str) -> None:
    doc = RawDoc(text=text)
    article = Article(doc_id=doc.id, position=0, start=0, end=len(text), body=text, date=date,
                      date_granularity="day")  # fmt: skip
    event = Event(type="CONSULT", cameo="040", source=source, target=target, trigger="met",
                  trigger_start=text.index("met"), evidence=text, article_id=article.id, sentence_start=0,
                  sentence_end=len(text), date=date, date_granularity="day")  # fmt: skip
    store.save(ProcessedDoc(doc=doc, articles=(article,), events=(event,)))


def _store(path: Path) -> Store:
    store = Store(path)
    erdogan, putin = Actor("Recep Tayyip Erdoğan", "TUR", "GOV"), Actor("Vladimir Putin", "RUS", "GOV")
    _save(store, "Erdoğan met Putin in Sochi.", erdogan, putin, "2021-09-29")
    _save(store, "Putin met Erdogan in Moscow.", putin, erdogan, "2020-03-05")
    return store


def ids(store: Store, where: EventFilter, newest_first: bool = False) -> list[str]:
    return [e["evidence"] for e in store.event_page(where, newest_first=newest_first)[0]]


def test_search_ignores_accents_both_ways(tmp_path: Path) -> None:
    with _store(tmp_path / "d.duckdb") as store:
        both = ["Putin met Erdogan in Moscow.", "Erdoğan met Putin in Sochi."]
        assert ids(store, EventFilter(q="Erdogan")) == both
        assert ids(store, EventFilter(q="ERDOĞAN")) == both
        assert ids(store, EventFilter(q="sochi")) == both[1:]


def test_direction_dyad_and_newest_first(tmp_path: Path) -> None:
    with _store(tmp_path / "d.duckdb") as store:
        assert ids(store, EventFilter(sources=["TUR"])) == ["Erdoğan met Putin in Sochi."]
        assert ids(store, EventFilter(targets=["TUR"])) == ["Putin met Erdogan in Moscow."]
        assert len(ids(store, EventFilter(dyad=["RUS", "TUR"]))) == 2
        assert ids(store, EventFilter(dyad=["RUS", "USA"])) == []
        assert ids(store, EventFilter(), newest_first=True)[0] == "Erdoğan met Putin in Sochi."
        # No stories were built: no event has two reports yet.
        assert ids(store, EventFilter(min_sources=2)) == []


def test_a_version_5_store_loses_its_search_accents_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.execute("UPDATE event_search SET text = 'erdoğan met putin in sochi.' WHERE text LIKE '%sochi%'")
    con.close()
    with Store(path) as store:
        assert len(ids(store, EventFilter(q="erdogan met"))) == 1
