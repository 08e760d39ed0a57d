"""The DuckDB store: documents, articles, actors and events, one file.

Every document is written in one transaction, keyed by content-hash ids, so a
crash leaves no half-written document and re-ingesting the same input is a no-op.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from dateline.model import Actor, Article, Event, MergedEvent, ProcessedDoc, Story
from dateline.store import read, stories
from dateline.store.copies import COPIES_SCHEMA, StoredCopies, backfill
from dateline.store.deadline import time_limit
from dateline.store.dedup import fingerprint
from dateline.store.export import export_tables
from dateline.store.rows import (
    ACTOR_TYPES,
    ARTICLE_TYPES,
    EVENT_TYPES,
    actor_row,
    article_row,
    event_row,
    first_of_each,
)
from dateline.store.stories import STORY_SCHEMA, ClusterRow, insert_rows
from dateline.store.transaction import transaction

# 2: documents gained dedup columns (text_hash, duplicate_of, signature, shingles).
# 3: stories, their articles, merged events with sources, and the clusterer's state.
# 4: event_search, a narrow copy of each event's filter columns for fast queries.
# 5: actor_sightings, which article mentioned which actor, for the corpus actor registry.
# 6: event_search text without accents, so that "Erdogan" finds "Erdoğan".
# 7: wire-copy bands and addresses in tables (`copies.py`), and the clusterer's stories one row
#    each (`cluster_stories`), so that neither is held whole in memory.
# 8: no primary key on the story tables and `actors` (`stories.UNKEYED_TABLES`): DuckDB holds a
#    key index whole in memory, and their writers keep ids unique themselves.
SCHEMA_VERSION = 9
# DuckDB's own memory while a process writes a store document by document (`Store.bound_memory`).
# Left alone, DuckDB keeps every block a query read cached, up to 80% of the machine's memory, and
# an ingest reads more of the store as it grows (BASE_TABLE 3 MB with an empty store, 26 MB with
# 3,400 documents, over the same 400 new ones). What it may cache is capped at this many MB ...
INGEST_CACHE_MB = 192
# ... beside the primary-key indexes, which it must hold whole to commit: a cap under them makes
# every commit fail ("could not allocate block"; 54 MB for 1.1 million keys, about 50 bytes a key,
# failed under a 64 MB cap). They grow with the store (25 keys a document over the first 3,364
# documents of the 1 GB JSON Lines file while actors and the story tables had keys; 5.7 since
# schema 8), so room for them is counted.
INDEX_BYTES_PER_KEY = 64
_INDEXED_ROWS = """
SELECT coalesce(sum(estimated_size), 0) FROM duckdb_tables() WHERE table_name IN (
    SELECT table_name FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')
    UNION SELECT table_name FROM duckdb_indexes())
"""
# How to bring an older store up to date, one version at a time; a version not
# listed here (1, whose documents lack dedup fingerprints) cannot be upgraded.
SIGHTINGS_SCHEMA = "CREATE TABLE IF NOT EXISTS actor_sightings (actor_id VARCHAR, article_id VARCHAR);"
# Stores from before 5 kept mentions without their article: their events' actors are the sightings.
_BACKFILL_SIGHTINGS = """
INSERT INTO actor_sightings
SELECT DISTINCT actor_id, article_id FROM (
    SELECT source_id AS actor_id, article_id FROM events
    UNION ALL SELECT target_id, article_id FROM events WHERE target_id IS NOT NULL);
"""


def _split_out(db: duckdb.DuckDBPyConnection) -> None:
    """Version 7: the wire-copy bands and the clusterer's stories in rows of their own."""
    backfill(db)
    stories.split_state(db)


MIGRATIONS: dict[int, str | Callable[[duckdb.DuckDBPyConnection], None]] = {
    2: STORY_SCHEMA,
    3: read.SEARCH_SCHEMA + read.INDEX_EVENTS + ";",
    4: SIGHTINGS_SCHEMA + _BACKFILL_SIGHTINGS,
    5: read.STRIP_ACCENTS,
    6: _split_out,
    7: stories.drop_keys,
    8: STORY_SCHEMA + stories.REBUILD_KEYS,
}


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, path VARCHAR, url VARCHAR, outlet VARCHAR,
    chars INTEGER, articles INTEGER, ingested_at TIMESTAMP,
    text_hash VARCHAR, duplicate_of VARCHAR, signature BLOB, shingles INTEGER);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, position INTEGER, start_char INTEGER, end_char INTEGER,
    outlet VARCHAR, url VARCHAR, byline VARCHAR, headline VARCHAR, dateline VARCHAR,
    dateline_place VARCHAR, date VARCHAR, date_granularity VARCHAR, date_source VARCHAR,
    language VARCHAR, body VARCHAR, removed VARCHAR);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, title VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, type VARCHAR, cameo VARCHAR,
    source_id VARCHAR, target_id VARCHAR, trigger VARCHAR, trigger_start INTEGER,
    evidence VARCHAR, sentence_start INTEGER, sentence_end INTEGER, negated BOOLEAN,
    modality VARCHAR, confidence DOUBLE, date VARCHAR, date_granularity VARCHAR,
    place VARCHAR, place_country VARCHAR, latitude DOUBLE, longitude DOUBLE);
"""


# Writes committed to each database file by this process. DuckDB lets one process write a file,
# and none while another has it open, so this count changes exactly when what a reader of the
# file may see changes: readers keep answers derived from the store until it moves on.
_GENERATIONS: dict[str, int] = {}
_GENERATIONS_LOCK = threading.Lock()


class StoreError(Exception):
    """The store file cannot be used; the message says why and what to do."""


class Store:
    """A Dateline database file."""

    def __init__(self, path: str | Path, read_only: bool = False, query_seconds: float | None = None) -> None:
        """Open (or create) the store; with `query_seconds`, a read running longer is stopped with
        `QueryTimeout` (for servers: writes are never limited)."""
        self.path = str(path)
        self.read_only = read_only
        try:
            self._db = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open as a Dateline store ({_first_line(exc)})") from exc
        # Two Store objects on one file in one process share the database (DuckDB's instance
        # cache), so they share its generation; every in-memory database is its own.
        self._file = f":memory:{id(self)}" if self.path == ":memory:" else os.path.realpath(self.path)
        self._memo: dict[tuple[Any, ...], tuple[int, Any]] = {}
        self._check_schema()
        read.limit_reads(self._db, query_seconds)

    @property
    def generation(self) -> int:
        """How many writes this process has committed to the store's file: an answer computed at
        one generation stays true until this changes (a cache key for readers)."""
        return _GENERATIONS.get(self._file, 0)

    def _changed(self) -> None:
        """Count a committed write (after the commit, so a reader that sees the new generation
        sees the new rows)."""
        with _GENERATIONS_LOCK:
            _GENERATIONS[self._file] = _GENERATIONS.get(self._file, 0) + 1

    def _kept(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """`compute()`, or its answer from earlier at this generation: the dashboard's aggregates
        scan every event, and many readers ask for the same ones between two writes. The answer
        is shared between callers, who must not change it."""
        generation = self.generation
        found = self._memo.get(key)
        if found is not None and found[0] == generation:
            return found[1]
        value = compute()
        self._memo[key] = (generation, value)
        return value

    def _check_schema(self) -> None:
        tables = {
            row[0] for row in self._db.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "meta" not in tables:
            if tables or self.read_only:
                self.close()
                raise StoreError(
                    f"{self.path}: not a Dateline store "
                    f"(tables: {', '.join(sorted(tables))}); choose another --db file"
                )
            self._db.begin()
            self._db.execute(_SCHEMA)
            self._db.execute(STORY_SCHEMA)
            self._db.execute(read.SEARCH_SCHEMA)
            self._db.execute(SIGHTINGS_SCHEMA)
            self._db.execute(COPIES_SCHEMA)
            self._db.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            self._db.commit()
            return
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        found = row[0] if row else "unknown"
        if found != str(SCHEMA_VERSION) and not self.read_only and self._upgrade(found):
            return
        if found != str(SCHEMA_VERSION):
            self.close()
            upgrade = (
                " (open it once with `dateline ingest` to upgrade it)"
                if found.isdigit() and int(found) in MIGRATIONS
                else ""
            )
            raise StoreError(
                f"{self.path}: written by store schema version {found}, this Dateline reads version "
                f"{SCHEMA_VERSION}{upgrade}; otherwise ingest into a new --db file"
            )

    def _upgrade(self, found: str) -> bool:
        """Apply the migrations from version `found` up to this one in one transaction."""
        if not found.isdigit() or int(found) >= SCHEMA_VERSION:
            return False  # a newer store, or not a version number: never touch it
        if any(v not in MIGRATIONS for v in range(int(found), SCHEMA_VERSION)):
            return False
        with transaction(self._db):
            for version in range(int(found), SCHEMA_VERSION):
                step = MIGRATIONS[version]
                if isinstance(step, str):
                    self._db.execute(step)
                else:
                    step(self._db)
            self._db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
        return True

    def bound_memory(self, cache_mb: int = INGEST_CACHE_MB) -> int:
        """Cap DuckDB's memory for a long ingest, whose small queries and writes need no more:
        `cache_mb` for its cache of the file's blocks and the rows not yet written out, plus room
        for the store's indexes as they are now; and one worker thread. Call it again as the store
        grows (an ingest does after each story refresh). Returns the cap in MB."""
        row = self._db.execute(_INDEXED_ROWS).fetchone()
        keys = int(row[0]) if row else 0
        cap = cache_mb + -(-keys * INDEX_BYTES_PER_KEY // (1 << 20))
        self._db.execute(f"SET memory_limit = '{cap}MiB'")
        self._db.execute("SET threads = 1")
        return cap

    def close(self) -> None:
        read.limit_reads(self._db, None)
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_document(self, doc_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def has_articles(self, ids: Sequence[str]) -> bool:
        """True when every one of these articles is stored (a part of a long paste, say)."""
        wanted = set(ids)
        if not wanted:
            return False
        row = self._db.execute(
            "SELECT count(*) FROM articles WHERE id IN (SELECT unnest(?))", [sorted(wanted)]
        ).fetchone()
        return row is not None and row[0] == len(wanted)

    def _write_records(self, result: ProcessedDoc) -> list[tuple[Any, ...]]:
        """The articles, actors, sightings and events of a result, inside the caller's transaction,
        one insert per table (row by row, the inserts took more time than the rest of storing a
        document). Returns the events written, each as (row, doc id, article position)."""
        doc = result.doc
        # Ids are content hashes of the document's own: only a document stored in parts can find
        # some stored already (an earlier run's parts), and a plain insert costs a third as much.
        insert = "INSERT INTO" if result.parts == 1 else "INSERT OR IGNORE INTO"
        articles = first_of_each([article_row(a, doc.text) for a in result.articles])
        insert_rows(self._db, f"{insert} articles", ARTICLE_TYPES, articles)
        actors: dict[str, Actor] = {}
        for e in result.events:
            for actor in (e.source, e.target):
                if actor is not None:
                    actors.setdefault(actor.id, actor)
        sightings: set[tuple[str, str]] = set()
        for article_id, mentions in result.mentions.items():
            for m in mentions:
                actors.setdefault(m.actor.id, m.actor)
                sightings.add((m.actor.id, article_id))
        for e in result.events:
            sightings.update((a.id, e.article_id) for a in (e.source, e.target) if a is not None)
        insert_rows(self._db, "INSERT INTO actor_sightings", ["VARCHAR"] * 2, sorted(sightings))
        # Unkeyed (its key index was the largest: ~11 keys a document): a stored id is left as it is.
        stories.insert_new(self._db, "actors", ACTOR_TYPES, [actor_row(a) for a in actors.values()])
        events = first_of_each([event_row(e) for e in result.events])
        insert_rows(self._db, f"{insert} events", EVENT_TYPES, events)
        where = {a.id: (a.doc_id, a.position) for a in result.articles}
        return [(row, *where[row[1]]) for row in events if row[1] in where]

    def save(self, result: ProcessedDoc) -> bool:
        """Write one processed document in one transaction; False if it was already stored.

        A copy of a stored document (same words, or a near-duplicate wire copy) is
        stored too, with `duplicate_of` naming the first copy, so "reported by N
        outlets" stays countable.

        A long paste comes in parts (`ProcessedDoc.part`): each part's articles and events
        are written in a transaction of their own, and the last part writes the document's
        row with it. Until then the document counts as not stored (it is read again by the
        next ingest, whose parts already stored are skipped: `has_articles`), and its
        articles are in no story and its events in no search.
        """
        doc = result.doc
        if self.has_document(doc.id):
            return False
        if not result.last_part:
            with transaction(self._db):
                self._write_records(result)
            return False
        fp = fingerprint(doc.text)
        copies = StoredCopies(self._db)
        # The page's own canonical URL (web pages declare one) counts as well as the record's.
        urls = (doc.url, getattr(doc, "canonical_url", None))
        duplicate_of = copies.find(fp, urls)
        with transaction(self._db):
            self._db.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    doc.id,
                    doc.path,
                    doc.source_url,
                    doc.outlet,
                    len(doc.text),
                    result.all_articles if result.all_articles is not None else len(result.articles),
                    dt.datetime.now(),
                    fp.text_hash,
                    duplicate_of,
                    fp.signature_bytes(),
                    fp.shingles,
                ],
            )
            copies.add(doc.id, fp, urls)
            written = self._write_records(result)
            if result.parts == 1:
                read.index_new_events(self._db, written)
            else:  # the earlier parts' events were written by earlier transactions
                read.index_events(self._db, doc.id)
        self._changed()
        return True

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document with its copies: `duplicate_of` and how many outlets carried it."""
        return self._rows(
            "SELECT d.id, d.path, d.url, d.outlet, d.chars, d.articles, d.duplicate_of, "
            "(SELECT count(*) FROM documents c WHERE c.duplicate_of = d.id) AS copies "
            "FROM documents d ORDER BY d.ingested_at, d.id"
        )

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._db.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def articles(
        self,
        story: str | None = None,
        outlets: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
        q: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Articles in ingest order, with their story and the document they copy, if any.

        `outlets` match case-insensitively; a month- or year-dated article matches a date
        range its period overlaps; `q` searches headline and text, accents ignored.
        """
        where: list[str] = []
        params: list[Any] = []
        if story:
            where.append("x.story_id = ?")
            params.append(story)
        if outlets:
            where.append(f"lower(a.outlet) IN ({', '.join('?' for _ in outlets)})")
            params += [o.lower() for o in outlets]
        if since:
            where.append(f"({read.DATE_LAST.format('a.date')}) >= ?")
            params.append(since)
        if until:
            where.append(f"({read.DATE_FIRST.format('a.date')}) <= ?")
            params.append(until)
        if q:
            where.append("contains(strip_accents(lower(concat_ws(' ', a.headline, a.body))), ?)")
            params.append(read.search_key(q))
        clause = f"WHERE {' AND '.join(where)} " if where else ""
        if limit is not None:
            params.append(limit)
        return self._rows(
            "SELECT a.id, a.url, a.outlet, a.byline, a.headline, a.dateline_place, a.date, "
            "a.date_granularity, a.date_source, a.language, a.body AS text, x.story_id, d.duplicate_of "
            "FROM articles a JOIN documents d ON d.id = a.doc_id "
            f"LEFT JOIN story_articles x ON x.article_id = a.id {clause}"
            "ORDER BY d.ingested_at, a.doc_id, a.position" + (" LIMIT ?" if limit is not None else ""),
            params,
        )

    def actors(self, with_events_only: bool = True) -> list[dict[str, Any]]:
        """Actors with the number of events each takes part in, most active first.

        Every mention's actor is kept (the registry later stages build on), but
        by default only those in some event are listed: bare mentions are noisy.
        """
        having = "HAVING count(e.id) > 0 " if with_events_only else ""
        return self._rows(
            "SELECT ac.id, ac.name, ac.country, ac.sector, ac.title, "
            "count(e.id) AS events FROM actors ac "
            "LEFT JOIN events e ON e.source_id = ac.id OR e.target_id = ac.id "
            f"GROUP BY ALL {having}ORDER BY events DESC, ac.name"
        )

    def events(
        self,
        actors: Sequence[str] = (),
        types: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
        where: read.EventFilter | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[dict[str, Any]]:
        """Events in date order, filtered by actor country, PLOVER type and date range, or by `where`.

        An event dated only to a month or year matches when its span overlaps the range.
        """
        if where is None:
            where = read.EventFilter(countries=actors, types=types, since=since, until=until)
        return read.event_page(self._db, where, limit=limit or 2**62, newest_first=newest_first)[0]

    # Reading by id and by page, for the API and the dashboard (queries in `read.py`).

    def event_page(
        self, where: read.EventFilter, limit: int = 100, offset: int = 0, newest_first: bool = False
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of matching events in date order, and how many match in all."""
        return read.event_page(self._db, where, limit, offset, newest_first)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return read.event_by_id(self._db, event_id)

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        return read.actor_by_id(self._db, actor_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return read.article_by_id(self._db, article_id)

    def event_table(
        self, where: read.EventFilter, newest_first: bool = True, batch: int = 2000
    ) -> Iterator[Sequence[Any]]:
        """The matching events as rows of the exported `events` table, in the API's order: first
        the column names, then each row. Rows are fetched `batch` at a time, so a download of a
        million events streams instead of filling memory."""
        from dateline.store.schema import table_sql

        clause, params = where.sql()
        order = read.NEWEST_FIRST if newest_first else read.SEARCH_ORDER
        ranked = f"SELECT q.id, row_number() OVER ({order}) AS rank FROM event_search q {clause}"
        # The filter goes inside too, so only the matching events are assembled.
        inner = table_sql(
            "events", where=f"e.id IN (SELECT q.id FROM event_search q {clause})" if clause else ""
        )
        cursor = self._db.cursor()
        try:
            # The limit covers the query (its sort is done before the first row); the rows then
            # stream as fast as the client takes them.
            with time_limit(cursor, read.read_limit(self._db), "download"):
                cursor.execute(
                    f"SELECT t.* FROM ({inner}) t JOIN ({ranked}) r ON r.id = t.event_id ORDER BY r.rank",
                    params + params,
                )
            yield [d[0] for d in cursor.description]
            while chunk := cursor.fetchmany(batch):
                yield from chunk
        finally:
            cursor.close()

    def search_actors(
        self, q: str | None = None, country: str | None = None, limit: int = 100, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of actors in events whose name or title contains `q` (accents ignored), and the total."""
        return read.search_actors(self._db, q, country, limit, offset)

    def map_counts(self) -> tuple[dict[str, int], list[tuple[str, float, float, int]]]:
        """Events per place country, and per located place (kept until the store changes)."""
        return self._kept(("map_counts",), lambda: read.map_counts(self._db))

    def weekly(self, where: read.EventFilter) -> list[tuple[str, str, int]]:
        """(week start, type, events) of the matching events dated to the day, for charts."""
        return read.weekly(self._db, where)

    def top_dyads(self, limit: int = 20) -> list[dict[str, Any]]:
        """The country pairs with most events between them (kept until the store changes)."""
        return self._kept(("top_dyads", limit), lambda: read.top_dyads(self._db, limit))

    def dyad_counts(self, first: str, second: str) -> list[dict[str, Any]]:
        return read.dyad_counts(self._db, first, second)

    def timeline(self, countries: Sequence[str]) -> list[dict[str, Any]]:
        return read.timeline(self._db, countries)

    def overview(self) -> dict[str, Any]:
        """Counts of everything, and events per week and type (kept until the store changes)."""
        return self._kept(("overview",), lambda: read.overview(self._db))

    def multiply_events(self, target: int) -> int:
        """Copy the stored events until there are `target` (load tests only; see `synthetic.py`)."""
        from dateline.store.synthetic import multiply_events

        try:
            return multiply_events(self._db, target)
        finally:
            self._changed()

    def replicate(self, copies: int) -> dict[str, int]:
        """Make the store `copies` times as large with fresh ids (benchmarks only; see `synthetic.py`)."""
        from dateline.store.synthetic import replicate

        try:
            return replicate(self._db, copies)
        finally:
            self._changed()

    def relation(self, sql: str, params: Sequence[Any] = ()) -> duckdb.DuckDBPyRelation:
        """A query as a lazy DuckDB relation (for `dateline.open`; the SQL is the store's own).

        It runs on a cursor of its own, so fetching it never interferes with other queries.
        """
        return self._db.cursor().sql(sql, params=list(params) or None)

    def frame(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """A query's rows as a pandas DataFrame (for `dateline.open`; the SQL is the store's own)."""
        cursor = self._db.cursor()
        try:
            return cursor.execute(sql, list(params)).df()
        finally:
            cursor.close()

    def export(self, folder: str | Path, fmt: str = "parquet") -> dict[str, Path]:
        """Write the tables of docs/schema.md (events, merged events, articles, actors, stories)."""
        return export_tables(self._db, Path(folder), fmt)

    def load_parquet(self, folder: str | Path) -> dict[str, int]:
        """Load `dateline batch` output (Parquet partitions); returns new rows per table. Idempotent."""
        from dateline.store.parquet import LoadError, load_folder

        try:
            return load_folder(self._db, Path(folder))
        except LoadError as exc:
            raise StoreError(str(exc)) from None
        except duckdb.Error as exc:  # a damaged partition: earlier shards stay loaded
            raise StoreError(f"{folder}: cannot load ({_first_line(exc)})") from None
        finally:
            self._changed()  # loaded shards stay loaded, whatever happened to a later one

    def actor_sightings(self) -> list[tuple[Actor, str | None]]:
        """Every (actor, date of the article that mentioned it), for `actors.build_registry`."""
        found = self._rows(
            "SELECT ac.name, ac.country, ac.sector, ac.title, a.date FROM actor_sightings x "
            "JOIN actors ac ON ac.id = x.actor_id JOIN articles a ON a.id = x.article_id "
            "ORDER BY a.date NULLS FIRST"
        )
        return [(Actor(r["name"], r["country"], r["sector"], r["title"]), r["date"]) for r in found]

    # Stories: derived from articles and events after each ingest (queries in `stories.py`).

    def cluster_state(self) -> dict[str, Any] | None:
        """What the clusterer knows of the whole corpus (its stories are read by date, below)."""
        return stories.load_state(self._db)

    def story_ids_near(self, first: int, last: int) -> list[str]:
        """Ids of the clusterer's saved stories whose days meet `first`..`last` (ordinals)."""
        return stories.story_ids_near(self._db, first, last)

    def story_ids_sharing(self, first: int, last: int, keys: Sequence[str], limit: int) -> list[str]:
        """Of the saved stories near these days, the `limit` sharing most of these indexed keys."""
        return stories.story_ids_sharing(self._db, first, last, keys, limit)

    def undated_story_ids(self, limit: int) -> list[str]:
        return stories.undated_story_ids(self._db, limit)

    def cluster_stories(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        return stories.cluster_stories(self._db, ids)

    def unassigned_articles(self) -> list[str]:
        return stories.unassigned_articles(self._db)

    def article_stories(self) -> list[dict[str, Any]]:
        return stories.article_stories(self._db)

    def article_records(self, ids: Sequence[str]) -> list[Article]:
        return stories.article_records(self._db, ids)

    def event_records(self, article_ids: Sequence[str]) -> dict[str, list[Event]]:
        return stories.event_records(self._db, article_ids)

    def save_stories(
        self,
        state: dict[str, Any],
        found: Sequence[Story],
        events: Sequence[MergedEvent],
        assignment: dict[str, str],
        retired: Sequence[str],
        redated_articles: Sequence[Article] = (),
        redated_events: Sequence[Event] = (),
        clusters: Sequence[ClusterRow] = (),
    ) -> None:
        """Replace these stories (dropping `retired` ones) and the clusterer state, in one transaction,
        with the new dates of articles (and their events) that their story dated."""
        stories.save_stories(
            self._db, state, found, events, assignment, retired, redated_articles, redated_events, clusters
        )
        self._changed()

    def stories(self, since: str | None = None) -> list[dict[str, Any]]:
        """Stories, most recently reported first (kept until the store changes; do not change them)."""
        return self._kept(("stories", since), lambda: stories.story_list(self._db, since))

    def story(self, story_id: str) -> dict[str, Any] | None:
        return stories.story_by_id(self._db, story_id)

    def story_events(
        self, story_id: str | None = None, countries: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        return stories.story_events(self._db, story_id, countries)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
