"""Grow a store by copying what it has, for load tests and memory benchmarks.

`multiply_events`: events get new ids and dates spread over eight years, so filters and
sorting see realistic variety; articles, actors and stories are shared with the originals.
`replicate`: every table grows, as a long ingest would have grown it.
"""

from __future__ import annotations

import hashlib
import json

import duckdb

from dateline.store.read import index_events
from dateline.store.stories import insert_rows

_CLUSTER_TYPES = ["VARCHAR", "INTEGER", "INTEGER", "INTEGER", "VARCHAR"]


def multiply_events(db: duckdb.DuckDBPyConnection, target: int) -> int:
    """Copy events until there are at least `target`; returns the number of events after."""
    count_row = db.execute("SELECT count(*) FROM events").fetchone()
    have = int(count_row[0]) if count_row else 0
    if have == 0 or have >= target:
        return have
    copies = -(-(target - have) // have)  # ceiling division
    db.begin()
    db.execute(
        """
        INSERT INTO events
        SELECT e.id || '-' || r.i, e.article_id, e.type, e.cameo, e.source_id, e.target_id, e.trigger,
               e.trigger_start, e.evidence, e.sentence_start, e.sentence_end, e.negated, e.modality,
               e.confidence,
               CASE WHEN e.date IS NULL THEN NULL
                    ELSE strftime(DATE '2015-01-01' + CAST((hash(e.id) + r.i) % 2920 AS INTEGER),
                                  '%Y-%m-%d') END,
               CASE WHEN e.date IS NULL THEN NULL ELSE 'day' END,
               e.place, e.place_country, e.latitude, e.longitude
        FROM events e, range(1, ? + 1) r(i)
        """,
        [copies],
    )
    index_events(db)
    db.commit()
    total = db.execute("SELECT count(*) FROM events").fetchone()
    return int(total[0]) if total else 0


# Replicating a whole store (`replicate`): each table's id columns, as SQL over the row (`k` is
# the copy's number). Ids get a fresh tail; the record addresses of the big JSON Lines file
# (".../0/i" for the first copy of text i) get the copy's number; a copy of a document is a
# wire copy of the first (`duplicate_of`), as copy k of a text in that file is.
_FRESH = (
    "CASE WHEN {0} IS NULL THEN NULL ELSE left({0}, length({0}) - 12) || left(md5({0} || k::VARCHAR), 12) END"
)
_ADDRESS = "regexp_replace({0}, '/0/', '/' || k::VARCHAR || '/')"
_COPIED: dict[str, dict[str, str]] = {
    "documents": {
        "id": _FRESH.format("id"),
        "url": _ADDRESS.format("url"),
        "duplicate_of": "coalesce(duplicate_of, id)",
        "ingested_at": "ingested_at + to_microseconds(k)",
    },
    "articles": {"id": _FRESH.format("id"), "doc_id": _FRESH.format("doc_id"), "url": _ADDRESS.format("url")},
    "events": {"id": _FRESH.format("id"), "article_id": _FRESH.format("article_id")},
    "actor_sightings": {"article_id": _FRESH.format("article_id")},
    "event_search": {
        "id": _FRESH.format("id"),
        "article_id": _FRESH.format("article_id"),
        "doc_id": _FRESH.format("doc_id"),
    },
    "document_bands": {"doc_id": _FRESH.format("doc_id")},
    "document_urls": {"url": _ADDRESS.format("url"), "doc_id": _FRESH.format("doc_id")},
    "stories": {"id": _FRESH.format("id")},
    "cluster_keys": {"id": _FRESH.format("id")},
    "story_articles": {"article_id": _FRESH.format("article_id"), "story_id": _FRESH.format("story_id")},
    "story_events": {"id": _FRESH.format("id"), "story_id": _FRESH.format("story_id")},
    "story_event_sources": {
        "story_event_id": _FRESH.format("story_event_id"),
        "event_id": _FRESH.format("event_id"),
        "article_id": _FRESH.format("article_id"),
    },
}


def _fresh(value: str, k: int) -> str:
    """`_FRESH` in Python, for the ids inside the clusterer's saved stories."""
    return value[:-12] + hashlib.md5(f"{value}{k}".encode()).hexdigest()[:12]


def replicate(db: duckdb.DuckDBPyConnection, copies: int) -> dict[str, int]:
    """Make the store `copies` times as large, every coded row copied with fresh ids (benchmarks
    of a store as a long ingest leaves it, without the hours of coding; see `bench.big`).

    Actors keep their ids (an actor's id is its name's); each copy of a story is a story of its
    own, with the same dates, so an article of those days meets `copies` times as many stories;
    the clusterer's corpus counts are multiplied (the same weights, the full store's size).
    Returns the rows per table after.
    """
    if copies < 2:
        raise ValueError("copies must be at least 2")
    db.begin()
    for table, mapped in _COPIED.items():
        names = [r[0] for r in db.execute(f"DESCRIBE {table}").fetchall()]
        select = ", ".join(mapped.get(name, name) for name in names)
        db.execute(f"CREATE TEMP TABLE original AS SELECT * FROM {table}")
        db.execute(
            f"INSERT INTO {table} SELECT {select} FROM original CROSS JOIN range(1, ?) r(k) "
            "ORDER BY k, original.rowid",
            [copies],
        )
        db.execute("DROP TABLE original")
    found = db.execute("SELECT state FROM cluster_state WHERE id = 1").fetchone()
    if found is not None:
        state = json.loads(found[0])
        step = int(state.get("next_seq", 0))
        saved = db.execute(
            "SELECT id, seq, first_day, last_day, state FROM cluster_stories ORDER BY seq"
        ).fetchall()
        for k in range(1, copies):
            rows = []
            for story_id, seq, first, last, data in saved:
                story = json.loads(data)
                story.update(id=_fresh(story_id, k), seq=seq + k * step)
                story["articles"] = [_fresh(a, k) for a in story["articles"]]
                rows.append((story["id"], story["seq"], first, last, json.dumps(story)))
            insert_rows(db, "INSERT INTO cluster_stories", _CLUSTER_TYPES, rows)
        state["n_docs"] = state.get("n_docs", 0) * copies
        for counts in ("df", "key_df"):
            state[counts] = {key: n * copies for key, n in state.get(counts, {}).items()}
        state["next_seq"] = step * copies
        db.execute("UPDATE cluster_state SET state = ? WHERE id = 1", [json.dumps(state)])
    db.commit()
    db.execute("CHECKPOINT")
    tables = [*_COPIED, "cluster_stories", "actors"]
    return {table: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in tables}  # type: ignore[index]
