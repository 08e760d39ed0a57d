"""Stories in the store: which article belongs to which story, merged events and their sources,
briefs, and the clusterer's state so that the next ingest resumes where this one stopped.

The clusterer's state is kept in two parts: what it knows of the whole corpus (document
frequencies, counts) in `cluster_state`, and each story it is building in a row of
`cluster_stories` with its date span, so that a refresh reads only the stories near the
dates of the articles it clusters (`story_ids_near`), never all of them. Each story's indexed keys
are also in `cluster_keys`, so that when a day has more stories than the clusterer holds, those
sharing an article's keys are found without reading the others (`story_ids_sharing`).

Stories are derived data: `save_stories` replaces what it is given in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from dateline.model import Actor, Article, Event, MergedEvent, Story
from dateline.store.read import redate_event, rows
from dateline.store.schema import plover_mode_context
from dateline.store.transaction import transaction

# No primary keys: DuckDB holds every key of a table's index in memory for as long as the store is
# open (~50 bytes a key; these five tables had ~9,500 keys per 1,000 documents), and these rows are
# only ever written by `save_stories`, which deletes what it replaces in the same transaction.
STORY_SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR, title VARCHAR, first_seen VARCHAR, last_seen VARCHAR, language VARCHAR,
    outlets VARCHAR, brief VARCHAR, articles INTEGER, events INTEGER);
CREATE TABLE IF NOT EXISTS story_articles (article_id VARCHAR, story_id VARCHAR);
CREATE TABLE IF NOT EXISTS story_events (
    id VARCHAR, story_id VARCHAR, type VARCHAR, cameo VARCHAR, source_id VARCHAR,
    target_id VARCHAR, date VARCHAR, date_granularity VARCHAR, dates VARCHAR, date_conflict BOOLEAN,
    place VARCHAR, place_country VARCHAR, negated BOOLEAN, modality VARCHAR, first_seen VARCHAR,
    last_seen VARCHAR, num_sources INTEGER, outlets VARCHAR, evidence VARCHAR);
CREATE TABLE IF NOT EXISTS story_event_sources (
    story_event_id VARCHAR, event_id VARCHAR, article_id VARCHAR, outlet VARCHAR,
    evidence VARCHAR);
CREATE TABLE IF NOT EXISTS cluster_state (id INTEGER, state VARCHAR);
CREATE TABLE IF NOT EXISTS cluster_stories (
    id VARCHAR, seq INTEGER, first_day INTEGER, last_day INTEGER, state VARCHAR);
CREATE TABLE IF NOT EXISTS cluster_keys (id VARCHAR, keys VARCHAR[]);
"""
# The tables above, and `actors`, as they were made with a primary key (schema 7 and before).
UNKEYED_TABLES = (
    "stories", "story_articles", "story_events", "story_event_sources", "cluster_state",
    "cluster_stories", "actors",
)  # fmt: skip
_STORY_TYPES = ["VARCHAR"] * 7 + ["INTEGER"] * 2
_STORY_EVENT_TYPES = (
    ["VARCHAR"] * 9
    + ["BOOLEAN"]
    + ["VARCHAR"] * 2
    + ["BOOLEAN"]
    + ["VARCHAR"] * 3
    + ["INTEGER"]
    + ["VARCHAR"] * 2
)


def insert_rows(
    db: duckdb.DuckDBPyConnection, statement: str, types: Sequence[str], found: Sequence[Sequence[Any]]
) -> None:
    """`statement` (an INSERT into a table) with these rows in one query, a typed list per column:
    row by row, a refresh of a hundred stories spent seconds in thousands of small inserts."""
    if not found:
        return
    columns = [list(column) for column in zip(*found, strict=True)]
    select = ", ".join(f"unnest(?::{kind}[])" for kind in types)
    db.execute(f"{statement} SELECT {select}", columns)


def insert_new(
    db: duckdb.DuckDBPyConnection, table: str, types: Sequence[str], found: Sequence[Sequence[Any]]
) -> None:
    """Insert the rows of `found` whose id (first column) `table` does not hold yet, the first of
    each id: what INSERT OR IGNORE did when the table had a primary key."""
    wanted = sorted({row[0] for row in found})
    if not wanted:
        return
    # The stored ones are looked up as a semi-join, the few ids on the build side: `NOT IN (SELECT
    # id FROM table)` builds a hash table of the whole table (133 ms of CPU a call
    # at 2 million rows, against 19).
    lookup = f"SELECT id FROM {table} WHERE id IN (SELECT unnest(?))"
    stored = {r[0] for r in db.execute(lookup, [wanted]).fetchall()}
    new: dict[Any, Sequence[Any]] = {}
    for row in found:
        if row[0] not in stored:
            new.setdefault(row[0], row)
    insert_rows(db, f"INSERT INTO {table}", types, list(new.values()))


def drop_keys(db: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the tables of `UNKEYED_TABLES` without their primary key (a migration step):
    DuckDB cannot drop a key, so each is copied, dropped and renamed, rows and order kept."""
    for table in UNKEYED_TABLES:
        db.execute(f"CREATE TABLE {table}__unkeyed AS SELECT * FROM {table}")
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}__unkeyed RENAME TO {table}")


# A story under construction as the clusterer saves it: id, creation order, the first and last
# day (proleptic ordinals) it may be about (None: undated), and its whole state.
ClusterRow = tuple[str, int, int | None, int | None, dict[str, Any]]


def split_state(db: duckdb.DuckDBPyConnection) -> None:
    """Move the stories of a state saved whole (before `cluster_stories`) into rows of their own
    (a migration step); what the state knew of which article went where is in `story_articles`."""
    db.execute(STORY_SCHEMA)
    found = db.execute("SELECT state FROM cluster_state WHERE id = 1").fetchone()
    if found is None:
        return
    state = json.loads(found[0])
    for story in state.pop("stories", {}).values():
        # The clusterer's span of a story: its day-precise dates if it has any, else the coarse ones.
        first, last = story.get("first_day"), story.get("last_day")
        if first is None or last is None:
            first, last = story.get("coarse_first"), story.get("coarse_last")
        db.execute("DELETE FROM cluster_stories WHERE id = ?", [story["id"]])
        db.execute(
            "INSERT INTO cluster_stories VALUES (?, ?, ?, ?, ?)",
            [story["id"], story["seq"], first, last, json.dumps(story)],
        )
    state.pop("assignment", None)
    state.pop("merged_into", None)
    db.execute("UPDATE cluster_state SET state = ? WHERE id = 1", [json.dumps(state)])


# Schema 9: `cluster_keys`, each saved story's indexed keys (terms, "@" actors, "#" names), filled
# for the stories saved before from their state; `save_stories` writes them with the story after.
REBUILD_KEYS = """
DELETE FROM cluster_keys;
INSERT INTO cluster_keys
SELECT id, coalesce(json_extract_string(state, '$.indexed[*]'), []::VARCHAR[]) FROM cluster_stories;
"""


def story_ids_sharing(
    db: duckdb.DuckDBPyConnection, first: int, last: int, keys: Sequence[str], limit: int
) -> list[str]:
    """Ids of the `limit` saved stories whose span meets the days `first`..`last` that share most
    of these indexed keys (at least one; the newest first among equals), oldest first."""
    found = db.execute(
        "SELECT id FROM (SELECT id, seq FROM (SELECT s.id, s.seq, "
        "len(list_intersect(k.keys, ?::VARCHAR[])) AS shared "
        "FROM cluster_stories s JOIN cluster_keys k ON k.id = s.id "
        "WHERE s.last_day >= ? AND s.first_day <= ?) "
        "WHERE shared > 0 ORDER BY shared DESC, seq DESC LIMIT ?) ORDER BY seq",
        [list(keys), first, last, limit],
    ).fetchall()
    return [r[0] for r in found]


def story_ids_near(db: duckdb.DuckDBPyConnection, first: int, last: int) -> list[str]:
    """Ids of the saved stories whose span meets the days `first`..`last`, oldest first."""
    found = db.execute(
        "SELECT id FROM cluster_stories WHERE last_day >= ? AND first_day <= ? ORDER BY seq", [first, last]
    ).fetchall()
    return [r[0] for r in found]


def undated_story_ids(db: duckdb.DuckDBPyConnection, limit: int) -> list[str]:
    """Ids of the `limit` newest saved stories that no date places, oldest first."""
    found = db.execute(
        "SELECT id FROM (SELECT id, seq FROM cluster_stories WHERE first_day IS NULL "
        "ORDER BY seq DESC LIMIT ?) ORDER BY seq",
        [limit],
    ).fetchall()
    return [r[0] for r in found]


def cluster_stories(db: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The saved states of these stories, oldest first."""
    if not ids:
        return []
    found = db.execute(
        "SELECT state FROM cluster_stories WHERE id IN (SELECT unnest(?)) ORDER BY seq", [list(ids)]
    ).fetchall()
    return [json.loads(r[0]) for r in found]


def load_state(db: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The clusterer's saved state, or None before the first clustering."""
    found = rows(db, "SELECT state FROM cluster_state WHERE id = 1")
    return json.loads(found[0]["state"]) if found else None


def unassigned_articles(db: duckdb.DuckDBPyConnection) -> list[str]:
    """Ids of articles in no story yet, in ingest order."""
    found = rows(
        db,
        "SELECT a.id FROM articles a JOIN documents d ON d.id = a.doc_id "
        "WHERE a.id NOT IN (SELECT article_id FROM story_articles) "
        "ORDER BY d.ingested_at, a.doc_id, a.position",
    )
    return [r["id"] for r in found]


def article_stories(db: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Each stored article's document, story (None if in none yet), language and body length."""
    return rows(
        db,
        "SELECT a.doc_id, x.story_id, a.language, length(a.body) AS length FROM articles a "
        "LEFT JOIN story_articles x ON x.article_id = a.id ORDER BY a.doc_id, a.position",
    )


def article_records(db: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Article]:
    """Articles rebuilt as records, in the order of `ids`."""
    if not ids:
        return []
    found = rows(
        db,
        "SELECT * FROM articles WHERE id IN (SELECT unnest(?))",
        [list(ids)],
    )
    by_id = {r["id"]: r for r in found}
    out: list[Article] = []
    for article_id in ids:
        r = by_id.get(article_id)
        if r is None:
            continue
        out.append(
            Article(
                doc_id=r["doc_id"],
                position=r["position"],
                start=r["start_char"],
                end=r["end_char"],
                body=r["body"],
                outlet=r["outlet"],
                url=r["url"],
                byline=r["byline"],
                headline=r["headline"],
                dateline=r["dateline"],
                dateline_place=r["dateline_place"],
                date=r["date"],
                date_granularity=r["date_granularity"],
                date_source=r["date_source"],
                language=r["language"],
            )  # fmt: skip
        )
    return out


def event_records(db: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> dict[str, list[Event]]:
    """The events of each article, rebuilt as records."""
    if not article_ids:
        return {}
    found = rows(
        db,
        "SELECT e.*, s.name AS s_name, s.country AS s_country, s.sector AS s_sector, s.title AS s_title, "
        "t.name AS t_name, t.country AS t_country, t.sector AS t_sector, t.title AS t_title "
        "FROM events e JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id "
        "WHERE e.article_id IN (SELECT unnest(?)) ORDER BY e.article_id, e.sentence_start, e.trigger_start",
        [list(article_ids)],
    )
    out: dict[str, list[Event]] = {a: [] for a in article_ids}
    for r in found:
        target = None
        if r["t_name"] is not None:
            target = Actor(r["t_name"], r["t_country"], r["t_sector"], r["t_title"])
        out[r["article_id"]].append(
            Event(
                type=r["type"],
                cameo=r["cameo"],
                source=Actor(r["s_name"], r["s_country"], r["s_sector"], r["s_title"]),
                target=target,
                trigger=r["trigger"],
                trigger_start=r["trigger_start"],
                evidence=r["evidence"],
                article_id=r["article_id"],
                sentence_start=r["sentence_start"],
                sentence_end=r["sentence_end"],
                negated=r["negated"],
                modality=r["modality"],
                confidence=r["confidence"],
                date=r["date"],
                date_granularity=r["date_granularity"],
                place=r["place"],
                place_country=r["place_country"],
                latitude=r["latitude"],
                longitude=r["longitude"],
            )  # fmt: skip
        )
    return out


def save_stories(
    db: duckdb.DuckDBPyConnection,
    state: dict[str, Any],
    stories: Iterable[Story],
    events: Iterable[MergedEvent],
    assignment: dict[str, str],
    retired: Iterable[str],
    redated_articles: Iterable[Article] = (),
    redated_events: Iterable[Event] = (),
    clusters: Iterable[ClusterRow] = (),
) -> None:
    """Replace the given stories (and drop `retired` ones) in one transaction, with the new state
    (the corpus part in `state`, the stories under construction that changed in `clusters`).

    Articles that their story dated, and their events, get their new dates in the same
    transaction (their search rows too), so a store never shows half of a rebuild.
    """
    stories = list(stories)
    events = list(events)
    clusters = list(clusters)
    gone = list({*retired, *(s.id for s in stories)})
    with transaction(db):
        for article in redated_articles:
            db.execute(
                "UPDATE articles SET date = ?, date_granularity = ?, date_source = ? WHERE id = ?",
                [article.date, article.date_granularity, article.date_source, article.id],
            )
        for redated in redated_events:
            redate_event(db, redated.id, redated.date, redated.date_granularity)
        for table, column in (("stories", "id"), ("story_events", "story_id")):
            db.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [gone])
        db.execute(
            "DELETE FROM story_event_sources WHERE story_event_id NOT IN (SELECT id FROM story_events)"
        )
        story_rows = []
        for story in stories:
            brief = [{"text": b.text, "article_id": b.article_id, "outlet": b.outlet} for b in story.brief]
            story_rows.append(
                (story.id, story.title, story.first_seen, story.last_seen, story.language,
                 json.dumps(list(story.outlets)), json.dumps(brief), len(story.articles), len(story.events))
            )  # fmt: skip
        insert_rows(db, "INSERT INTO stories", _STORY_TYPES, story_rows)
        actors: dict[str, Actor] = {}
        for event in events:
            for actor in (event.source, event.target):
                if actor is not None:
                    actors.setdefault(actor.id, actor)
        insert_new(
            db,
            "actors",
            ["VARCHAR"] * 5,
            [(a.id, a.name, a.country, a.sector, a.title) for a in actors.values()],
        )
        # Keyed as the rows replace each other: the last row of an id stays, as it would one at a time.
        event_rows: dict[str, tuple[Any, ...]] = {}
        source_rows: dict[str, tuple[Any, ...]] = {}
        for event in events:
            best = max(event.sources, key=lambda s: s.confidence)
            event_rows[event.id] = (
                event.id, event.story_id, event.type, event.cameo, event.source.id,
                event.target.id if event.target else None, event.date, event.date_granularity,
                json.dumps(list(event.dates)), event.date_conflict, event.place, event.place_country,
                event.negated, event.modality, event.first_seen, event.last_seen, event.num_sources,
                json.dumps(list(event.outlets)), best.evidence,
            )  # fmt: skip
            for source in event.sources:
                source_rows[source.event_id] = (
                    event.id,
                    source.event_id,
                    source.article_id,
                    source.outlet,
                    source.evidence,
                )
        # The rows these replace go first, whichever story held them (no key does it any more).
        for table, column, ids in (
            ("story_events", "id", list(event_rows)),
            ("story_event_sources", "event_id", list(source_rows)),
            ("story_articles", "article_id", list(assignment)),
        ):
            if ids:
                db.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [ids])
        insert_rows(db, "INSERT INTO story_events", _STORY_EVENT_TYPES, list(event_rows.values()))
        insert_rows(db, "INSERT INTO story_event_sources", ["VARCHAR"] * 5, list(source_rows.values()))
        insert_rows(db, "INSERT INTO story_articles", ["VARCHAR"] * 2, list(assignment.items()))
        dropped = sorted({*gone, *(row[0] for row in clusters)})
        db.execute("DELETE FROM cluster_stories WHERE id IN (SELECT unnest(?))", [dropped])
        db.execute("DELETE FROM cluster_keys WHERE id IN (SELECT unnest(?))", [dropped])
        insert_rows(
            db,
            "INSERT INTO cluster_keys",
            ["VARCHAR", "VARCHAR[]"],
            [(sid, list(cluster.get("indexed", []))) for sid, _, _, _, cluster in clusters],
        )
        insert_rows(
            db,
            "INSERT INTO cluster_stories",
            ["VARCHAR", "INTEGER", "INTEGER", "INTEGER", "VARCHAR"],
            [(sid, seq, first, last, json.dumps(cluster)) for sid, seq, first, last, cluster in clusters],
        )
        db.execute("DELETE FROM cluster_state WHERE id = 1")
        db.execute("INSERT INTO cluster_state VALUES (1, ?)", [json.dumps(state)])


def story_list(db: duckdb.DuckDBPyConnection, since: str | None = None) -> list[dict[str, Any]]:
    """Stories, most recently reported first."""
    where, params = ("WHERE coalesce(last_seen, first_seen) >= ?", [since]) if since else ("", [])
    found = rows(
        db,
        f"SELECT id, title, first_seen, last_seen, language, articles, events, outlets FROM stories {where} "
        "ORDER BY last_seen DESC NULLS LAST, articles DESC, id",
        params,
    )
    return [{**r, "outlets": json.loads(r["outlets"] or "[]")} for r in found]


def story_events(
    db: duckdb.DuckDBPyConnection, story_id: str | None = None, countries: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Merged events in date order, of one story and/or between countries, with their sources."""
    where, params = [], []
    if story_id:
        where.append("m.story_id = ?")
        params.append(story_id)
    codes = [c.upper() for c in countries]
    if len(codes) == 1:
        where.append("(s.country = ? OR t.country = ?)")
        params += codes * 2
    elif codes:
        marks = ", ".join("?" for _ in codes)
        where.append(f"s.country IN ({marks}) AND t.country IN ({marks}) AND s.country <> t.country")
        params += codes * 2
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    found = rows(
        db,
        "SELECT m.*, s.name AS s_name, s.country AS s_country, s.sector AS s_sector, "
        "t.name AS t_name, t.country AS t_country, t.sector AS t_sector, s.id AS s_id, t.id AS t_id "
        "FROM story_events m JOIN actors s ON s.id = m.source_id LEFT JOIN actors t ON t.id = m.target_id "
        f"{clause} ORDER BY m.date NULLS LAST, m.num_sources DESC, m.id",
        params,
    )
    sources = rows(
        db,
        "SELECT x.story_event_id, x.event_id, x.article_id, x.outlet, x.evidence, a.url "
        "FROM story_event_sources x JOIN articles a ON a.id = x.article_id "
        "WHERE x.story_event_id IN (SELECT unnest(?)) ORDER BY x.article_id",
        [[r["id"] for r in found]],
    )
    by_event: dict[str, list[dict[str, Any]]] = {}
    for s in sources:
        by_event.setdefault(s.pop("story_event_id"), []).append(s)
    out = []
    for r in found:
        mode, context = plover_mode_context(r["type"], r["cameo"])
        out.append(
            {
                "id": r["id"], "story_id": r["story_id"], "type": r["type"], "mode": mode,
                "context": context, "cameo": r["cameo"],
                "source": {"id": r["s_id"], "name": r["s_name"], "country": r["s_country"],
                           "sector": r["s_sector"]},
                "target": None if r["t_name"] is None
                else {"id": r["t_id"], "name": r["t_name"], "country": r["t_country"],
                      "sector": r["t_sector"]},
                "date": r["date"], "date_granularity": r["date_granularity"],
                "dates": json.loads(r["dates"] or "[]"), "date_conflict": r["date_conflict"],
                "place": r["place"], "place_country": r["place_country"], "negated": r["negated"],
                "modality": r["modality"],
                "num_sources": r["num_sources"], "outlets": json.loads(r["outlets"] or "[]"),
                "evidence": r["evidence"], "sources": by_event.get(r["id"], []),
            }
        )  # fmt: skip
    return out


def story_by_id(db: duckdb.DuckDBPyConnection, story_id: str) -> dict[str, Any] | None:
    """One story: title, brief with outlets, its articles, and its timeline of merged events."""
    found = rows(db, "SELECT * FROM stories WHERE id = ?", [story_id])
    if not found:
        return None
    story = found[0]
    articles = rows(
        db,
        "SELECT a.id, a.outlet, a.headline, a.date, a.url, a.language, d.duplicate_of FROM articles a "
        "JOIN documents d ON d.id = a.doc_id JOIN story_articles x ON x.article_id = a.id "
        "WHERE x.story_id = ? ORDER BY a.date NULLS LAST, a.id",
        [story_id],
    )
    return {
        **story,
        "outlets": json.loads(story["outlets"] or "[]"),
        "brief": json.loads(story["brief"] or "[]"),
        "articles": articles,
        "timeline": story_events(db, story_id),
    }
