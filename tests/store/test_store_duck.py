"""The DuckDB store: transactional writes, idempotence, filters, schema versions."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dateline.model import Actor, Article, Event, Mention, ProcessedDoc, RawDoc
from dateline.store import Store, StoreError

TEXT = "SEOUL (Reuters) - South Korea's foreign minister met her Japanese counterpart on Monday."


def _processed(text: str = TEXT, date: str = "2020-12-21", granularity: str = "day") -> ProcessedDoc:
    doc = RawDoc(text=text, path="wire.txt")
    body = text.split(" - ", 1)[1]
    article = Article(
        doc_id=doc.id,
        position=0,
        start=0,
        end=len(text),
        body=body,
        outlet="Reuters",
        dateline_place="Seoul",
        date=date,
        date_granularity="day",
        date_source="dateline",
    )
    kor = Actor("Kang Kyung-wha", "KOR", "GOV", "Foreign Minister")
    jpn = Actor("Toshimitsu Motegi", "JPN", "GOV", "Foreign Minister")
    event = Event(
        type="CONSULT",
        cameo="040",
        source=kor,
        target=jpn,
        trigger="met",
        trigger_start=34,
        evidence=body,
        article_id=article.id,
        sentence_start=0,
        sentence_end=len(body),
        date=date,
        date_granularity=granularity,
        place="Seoul",
    )  # type: ignore[arg-type]
    return ProcessedDoc(doc=doc, articles=(article,), events=(event,))


def test_save_then_read_back_articles_events_actors(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as store:
        assert store.save(_processed())
        [article] = store.articles()
        assert article["outlet"] == "Reuters" and article["text"].startswith("South Korea")
        [event] = store.events()
        assert event["type"] == "CONSULT"
        kang = Actor("Kang Kyung-wha", "KOR", "GOV", "Foreign Minister")
        # The actor's id comes along, so a program can ask for the actor (or join the export).
        assert event["source"] == {"id": kang.id, "name": "Kang Kyung-wha", "country": "KOR", "sector": "GOV"}
        assert event["target"]["country"] == "JPN"
        assert event["outlet"] == "Reuters" and event["evidence"].startswith("South Korea")
        assert {a["name"]: a["events"] for a in store.actors()} == {
            "Kang Kyung-wha": 1,
            "Toshimitsu Motegi": 1,
        }


def test_actors_only_mentioned_are_listed_on_request(tmp_path: Path) -> None:
    base = _processed()
    mention = Mention(0, 5, "Tokyo", Actor("Tokyo", "JPN", "GOV"))
    result = ProcessedDoc(
        doc=base.doc, articles=base.articles, events=base.events, mentions={base.articles[0].id: (mention,)}
    )
    with Store(tmp_path / "d.duckdb") as store:
        store.save(result)
        assert "Tokyo" not in {a["name"] for a in store.actors()}
        assert {a["name"]: a["events"] for a in store.actors(with_events_only=False)}["Tokyo"] == 0


def test_saving_the_same_document_twice_changes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as store:
        assert store.save(_processed())
        assert not store.save(_processed())
        assert len(store.articles()) == 1 and len(store.events()) == 1


def test_store_persists_across_opens(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as store:
        store.save(_processed())
    with Store(tmp_path / "d.duckdb") as store:
        assert len(store.events()) == 1


def test_filters_by_country_type_and_date_span(tmp_path: Path) -> None:
    with Store(tmp_path / "d.duckdb") as store:
        store.save(_processed())
        store.save(_processed(TEXT.replace("Monday", "Friday"), date="2021-03", granularity="month"))
        assert len(store.events(actors=["jpn"])) == 2
        assert store.events(actors=["USA"]) == []
        assert len(store.events(types=["consult"])) == 2
        assert store.events(types=["ASSAULT"]) == []
        # A month-precision event overlaps any day of its month.
        assert [e["date"] for e in store.events(since="2021-03-15")] == ["2021-03"]
        assert [e["date"] for e in store.events(until="2020-12-31")] == ["2020-12-21"]
        assert [e["date"] for e in store.events()] == ["2020-12-21", "2021-03"]


def test_failed_write_leaves_nothing_half_written(tmp_path: Path) -> None:
    good = _processed()
    broken_event = good.events[0].__class__(**{**good.events[0].__dict__, "source": None})  # type: ignore[arg-type]
    broken = ProcessedDoc(doc=good.doc, articles=good.articles, events=(broken_event,))
    with Store(tmp_path / "d.duckdb") as store:
        with pytest.raises(AttributeError):
            store.save(broken)
        assert store.articles() == [] and not store.has_document(good.doc.id)
        assert store.save(good)


def test_store_of_another_schema_version_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 99"):
        Store(path)


def test_foreign_duckdb_file_and_non_database_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a Dateline store"):
        Store(other)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(junk)


def test_store_of_an_older_schema_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "v2.duckdb"
    with Store(path) as store:
        store.save(_processed())
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE stories; DROP TABLE story_articles; DROP TABLE story_events")
    con.execute("DROP TABLE story_event_sources; DROP TABLE cluster_state; DROP TABLE event_search")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="upgrade"):
        Store(path, read_only=True)
    with Store(path) as store:
        # the search table is rebuilt from the stored events by the migration
        assert len(store.events()) == 1 and store.stories() == []
        assert store.events(actors=["JPN"])[0]["type"] == "CONSULT"
    with Store(path, read_only=True) as store:
        assert store.unassigned_articles()


def test_bound_memory_caps_duckdb_beyond_room_for_the_indexes(tmp_path: Path) -> None:
    from dateline.store.duck import INDEX_BYTES_PER_KEY

    with Store(tmp_path / "bound.duckdb") as store:
        empty = store.bound_memory(cache_mb=64)
        assert store._db.execute("SELECT current_setting('threads')").fetchone() == (1,)
        limit = store._db.execute("SELECT current_setting('memory_limit')").fetchone()
        assert limit is not None and limit[0] == f"{float(empty):.1f} MiB"
        # keys of the primary-key tables widen the cap, so commits never run short of index room
        store._db.execute("INSERT INTO articles (id) SELECT 'a' || range FROM range(200000)")
        grown = store.bound_memory(cache_mb=64)
        assert grown - empty >= 200_000 * INDEX_BYTES_PER_KEY // (1 << 20)
        # ... and rows of the unkeyed tables (schema 8: actors, the story tables) do not
        store._db.execute("INSERT INTO actors SELECT 'a' || range, 'x', NULL, NULL, NULL FROM range(200000)")
        assert store.bound_memory(cache_mb=64) == grown
        assert store.save(_processed())  # a document still stores under the cap


def test_a_version_7_store_loses_its_derived_keys_and_keeps_its_rows(tmp_path: Path) -> None:
    from dateline.store.stories import UNKEYED_TABLES

    path = tmp_path / "v7.duckdb"
    with Store(path) as store:
        store.save(_processed())
    con = duckdb.connect(str(path))
    # actors and stories as version 7 made them, with their primary key
    con.execute("ALTER TABLE actors RENAME TO old_actors")
    con.execute(
        "CREATE TABLE actors (id VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR, sector VARCHAR, "
        "title VARCHAR)"
    )
    con.execute("INSERT INTO actors SELECT * FROM old_actors; DROP TABLE old_actors")
    con.execute("DROP TABLE stories")
    con.execute(
        "CREATE TABLE stories (id VARCHAR PRIMARY KEY, title VARCHAR, first_seen VARCHAR, last_seen VARCHAR, "
        "language VARCHAR, outlets VARCHAR, brief VARCHAR, articles INTEGER, events INTEGER)"
    )
    con.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    before = sorted(con.execute("SELECT * FROM actors").fetchall())
    con.close()
    with Store(path) as store:
        keyed = store._db.execute(
            "SELECT DISTINCT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
        assert not {t for (t,) in keyed} & set(UNKEYED_TABLES)
        assert sorted(store._db.execute("SELECT * FROM actors").fetchall()) == before and len(before) == 2
        # a second document naming the same two actors adds no actor row
        assert store.save(_processed(TEXT.replace("Monday", "Tuesday")))
        assert store._db.execute("SELECT count(*) FROM actors").fetchone() == (2,)
        assert len(store.events()) == 2
