"""Writing a document's search rows as it is saved, and replicating a store for benchmarks."""

from __future__ import annotations

from pathlib import Path

from dateline.model import Actor, Article, Event, ProcessedDoc, RawDoc
from dateline.store import Store
from dateline.store.read import index_events
from dateline.stories.refresh import refresh_stories

TEXTS = (
    ("GENEVA (Reuters) - Russia's foreign minister met the U.S. secretary of state in Geneva.", "2021-06-16"),
    ("SEOUL (AFP) - South Korea's foreign minister met her Japanese counterpart on Monday.", "2020-12"),
    ("CAIRO (AP) - Egypt's president spoke with Israel's prime minister and criticised Hamas.", None),
)


def _processed(text: str, date: str | None, k: int) -> ProcessedDoc:
    doc = RawDoc(text=text, url=f"https://news.example.org/0/{k}")
    body = text.split(" - ", 1)[1]
    granularity = "day" if date and len(date) == 10 else "month" if date else None
    article = Article(doc_id=doc.id, position=0, start=0, end=len(text), body=body, url=doc.url, date=date,
                      date_granularity=granularity)  # fmt: skip
    source, target = Actor("Sergei Lavrov", "RUS", "GOV"), Actor("Recep Tayyip Erdoğan", "TUR", "GOV")
    events = tuple(
        Event(type=kind, cameo=cameo, source=source, target=target if n else None, trigger=trigger,
              trigger_start=body.index(trigger), evidence=body, article_id=article.id, sentence_start=0,
              sentence_end=len(body), date=date, date_granularity=article.date_granularity)
        for n, (kind, cameo, trigger) in enumerate((("CONSULT", "043", "minister"), ("CONSULT", "040", "'s")))
    )  # fmt: skip
    return ProcessedDoc(doc=doc, articles=(article,), events=events)


def _search_rows(store: Store) -> list[tuple[object, ...]]:
    return store._db.execute("SELECT * FROM event_search ORDER BY rowid").fetchall()


def test_search_rows_written_with_a_document_are_those_its_stored_events_give(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as store:
        for k, (text, date) in enumerate(TEXTS):
            assert store.save(_processed(text, date, k))
        written = _search_rows(store)
        assert len(written) == 2 * len(TEXTS) and any("erdogan" in str(row[-1]) for row in written)
        store._db.execute("DELETE FROM event_search")
        for k, (text, date) in enumerate(TEXTS):
            index_events(store._db, _processed(text, date, k).doc.id)
        assert sorted(_search_rows(store), key=str) == sorted(written, key=str)
        # ... and in the order the events were coded (the join's order was the hash table's).
        coded = [e.id for k, (text, date) in enumerate(TEXTS) for e in _processed(text, date, k).events]
        assert [row[0] for row in written] == coded


def test_a_replicated_store_holds_fresh_copies_and_takes_new_documents(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as store:
        for k, (text, date) in enumerate(TEXTS[:2]):
            store.save(_processed(text, date, k))
        refresh_stories(store)
        before = {
            t: store._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("stories", "events")
        }  # type: ignore[index]
        counts = store.replicate(3)
        assert counts["documents"] == 6 and counts["events"] == 3 * before["events"]
        assert counts["stories"] == counts["cluster_stories"] == 3 * before["stories"]
        assert counts["actors"] == 2  # an actor's id is its name's: copies name the same people
        db = store._db
        assert db.execute("SELECT count(DISTINCT id) FROM articles").fetchone() == (6,)
        # Copy k of a document is a wire copy of the first, at its own address.
        copies = db.execute(
            "SELECT url, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL"
        ).fetchall()
        assert len(copies) == 4 and {url.split("/")[3] for url, _ in copies} == {"1", "2"}
        # Every copied article is in a copied story, and the clusterer's stories name it.
        assert store.unassigned_articles() == []
        assert db.execute(
            "SELECT count(*) FROM story_articles x JOIN cluster_stories c ON c.id = x.story_id "
            "WHERE contains(c.state, x.article_id)"
        ).fetchone() == (6,)
        text, date = TEXTS[2]
        assert store.save(_processed(text, date, 2))
        assert refresh_stories(store) == 1 and store.unassigned_articles() == []
