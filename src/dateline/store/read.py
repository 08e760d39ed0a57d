"""Read queries for programs and people: paginated, filtered, by id.

Every value from a request travels as a query parameter, never as SQL text,
so `q="'; DROP TABLE events; --"` is searched for, not run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from dateline.model import name_key
from dateline.store.deadline import time_limit
from dateline.store.schema import plover_mode_context

# Time limits of reads, in seconds, by connection (`Store(query_seconds=...)` sets its own).
_LIMITS: dict[int, float] = {}

# One narrow row per event with everything filters look at, kept in step with
# `events` as documents are saved. Filtering and sorting these columns takes
# milliseconds on a million events; the full rows are joined for one page only.
SEARCH_SCHEMA = """
CREATE TABLE IF NOT EXISTS event_search (
    id VARCHAR, type VARCHAR, source_id VARCHAR, target_id VARCHAR, source_country VARCHAR,
    target_country VARCHAR, source_name VARCHAR, target_name VARCHAR, date VARCHAR,
    date_first VARCHAR, date_last VARCHAR, article_id VARCHAR, doc_id VARCHAR, position INTEGER,
    sentence_start INTEGER, trigger_start INTEGER, text VARCHAR);
"""
# The first and last day a date of any granularity may be, as sortable text ("2021-06" ->
# "2021-06-00" .. "2021-06-99"), so that date ranges filter with plain comparisons.
DATE_FIRST = "{0} || substr('-00-00', 1, 10 - length({0}))"
DATE_LAST = "{0} || substr('-99-99', 1, 10 - length({0}))"
# A search row from an event `e` with its document and article position, and its actors `s`, `t`.
_SEARCH_ROW = f"""
INSERT INTO event_search
SELECT e.id, e.type, e.source_id, e.target_id, s.country, t.country, lower(s.name), lower(t.name), e.date,
       {DATE_FIRST.format("e.date")}, {DATE_LAST.format("e.date")},
       e.article_id, {{doc_id}}, {{position}}, e.sentence_start, e.trigger_start,
       strip_accents(lower(concat_ws(' ', e.evidence, s.name, t.name)))
"""
_ACTORS_OF = "JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id"
INDEX_EVENTS = (
    _SEARCH_ROW.format(doc_id="a.doc_id", position="a.position")
    + f"FROM events e JOIN articles a ON a.id = e.article_id {_ACTORS_OF}\n"
)
# Rows go in as documents are saved, so rowid is ingest order: the tie-break after the date.
SEARCH_ORDER = "ORDER BY q.date NULLS LAST, q.rowid"
NEWEST_FIRST = "ORDER BY q.date DESC NULLS LAST, q.rowid DESC"
# Search rows written before schema 6 kept their accents; the migration strips them.
STRIP_ACCENTS = "UPDATE event_search SET text = strip_accents(text);"


def search_key(text: str) -> str:
    """Text as the search index keeps it: lower case, accents gone (DuckDB's `strip_accents`),
    the key names are compared by."""
    return name_key(text)


# The same search rows from a document's events as they are written (no scan of the stored
# events and articles, which grow with the store): one column per parameter list, kept in order.
_NEW_EVENTS = """
SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS type, unnest(?::VARCHAR[]) AS source_id,
       unnest(?::VARCHAR[]) AS target_id, unnest(?::VARCHAR[]) AS date, unnest(?::VARCHAR[]) AS article_id,
       unnest(?::VARCHAR[]) AS doc_id, unnest(?::INTEGER[]) AS position,
       unnest(?::INTEGER[]) AS sentence_start, unnest(?::INTEGER[]) AS trigger_start,
       unnest(?::VARCHAR[]) AS evidence, unnest(?::INTEGER[]) AS k
"""
INDEX_NEW_EVENTS = (
    _SEARCH_ROW.format(doc_id="e.doc_id", position="e.position")
    + f"FROM ({_NEW_EVENTS}) e {_ACTORS_OF}\nORDER BY e.k\n"
)


def index_new_events(db: duckdb.DuckDBPyConnection, events: Sequence[tuple[Any, ...]]) -> None:
    """Add search rows for events just written, each given as (events row, doc id, article
    position): what `index_events` would add for their document, without reading the store."""
    if not events:
        return
    columns: list[list[Any]] = [[] for _ in range(12)]
    for k, (row, doc_id, position) in enumerate(events):
        # positions in `rows.event_row`: id, type, source, target, date, article, sentence,
        # trigger, evidence
        values = (
            row[0],
            row[2],
            row[4],
            row[5],
            row[14],
            row[1],
            doc_id,
            position,
            row[9],
            row[7],
            row[8],
            k,
        )
        for column, value in zip(columns, values, strict=True):
            column.append(value)
    db.execute(INDEX_NEW_EVENTS, columns)


def index_events(db: duckdb.DuckDBPyConnection, doc_id: str | None = None) -> None:
    """Add search rows for one document's events, or for every event not indexed yet."""
    if doc_id is not None:
        db.execute(INDEX_EVENTS + " WHERE a.doc_id = ?", [doc_id])
    else:
        db.execute(INDEX_EVENTS + " WHERE e.id NOT IN (SELECT id FROM event_search)")


def redate_event(
    db: duckdb.DuckDBPyConnection, event_id: str, date: str | None, granularity: str | None
) -> None:
    """Give a stored event a new date, in its row and its search row."""
    db.execute("UPDATE events SET date = ?, date_granularity = ? WHERE id = ?", [date, granularity, event_id])
    db.execute(
        "UPDATE event_search SET date = $date, "
        f"date_first = {DATE_FIRST.format('$date')}, date_last = {DATE_LAST.format('$date')} WHERE id = $id",
        {"date": date, "id": event_id},
    )


@dataclass(frozen=True)
class EventFilter:
    """What to select events by; every field is optional and they combine with AND.

    `countries` match the source's or the target's country; `actors` match an
    actor id or, case-insensitively, a name; `q` searches evidence and names.
    """

    countries: Sequence[str] = ()
    actors: Sequence[str] = ()
    types: Sequence[str] = ()
    since: str | None = None
    until: str | None = None
    q: str | None = None
    article: str | None = None
    story: str | None = None
    sources: Sequence[str] = ()  # countries of the source only
    targets: Sequence[str] = ()  # countries of the target only
    min_sources: int = 1  # reports of the merged event, at least
    dyad: Sequence[str] = ()  # two countries: events between them, either way
    place: str | None = None  # where it happened, as named (case ignored)
    min_confidence: float | None = None  # the event's confidence (`events.precision`), at least

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE clause over `event_search q` (or "") and its parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.countries:
            marks = ", ".join("?" for _ in self.countries)
            where.append(f"(q.source_country IN ({marks}) OR q.target_country IN ({marks}))")
            codes = [c.upper() for c in self.countries]
            params += codes + codes
        for column, side in (("source_country", self.sources), ("target_country", self.targets)):
            if side:
                where.append(f"q.{column} IN ({', '.join('?' for _ in side)})")
                params += [c.upper() for c in side]
        if len(self.dyad) == 2:
            first, second = (c.upper() for c in self.dyad)
            where.append(
                "((q.source_country = ? AND q.target_country = ?) "
                "OR (q.source_country = ? AND q.target_country = ?))"
            )
            params += [first, second, second, first]
        for actor in self.actors:
            where.append("(q.source_id = ? OR q.target_id = ? OR q.source_name = ? OR q.target_name = ?)")
            params += [actor, actor, actor.casefold(), actor.casefold()]
        if self.types:
            where.append(f"q.type IN ({', '.join('?' for _ in self.types)})")
            params += [t.upper() for t in self.types]
        if self.since:
            where.append("q.date_last >= ?")
            params.append(self.since)
        if self.until:
            where.append("q.date_first <= ?")
            params.append(self.until)
        if self.q:
            # A plain substring test: the user's text is data, never a pattern or SQL. Both
            # sides lose their accents, so "Erdogan" finds "Erdoğan" and the other way round.
            where.append("contains(q.text, ?)")
            params.append(search_key(self.q))
        if self.place:
            where.append("q.id IN (SELECT id FROM events WHERE lower(place) = ?)")
            params.append(self.place.strip().lower())
        if self.min_confidence is not None:
            where.append("q.id IN (SELECT id FROM events WHERE confidence >= ?)")
            params.append(self.min_confidence)
        if self.min_sources > 1:
            where.append(
                "q.id IN (SELECT x.event_id FROM story_event_sources x "
                "JOIN story_events m ON m.id = x.story_event_id WHERE m.num_sources >= ?)"
            )
            params.append(self.min_sources)
        if self.article:
            where.append("q.article_id = ?")
            params.append(self.article)
        if self.story:
            where.append(
                "q.id IN (SELECT x.event_id FROM story_event_sources x "
                "JOIN story_events m ON m.id = x.story_event_id WHERE m.story_id = ?)"
            )
            params.append(self.story)
        return (f"WHERE {' AND '.join(where)}" if where else ""), params


def limit_reads(db: duckdb.DuckDBPyConnection, seconds: float | None) -> None:
    """Stop each read on `db` that runs longer than `seconds` (None: no limit) with `QueryTimeout`."""
    if seconds is None:
        _LIMITS.pop(id(db), None)
    else:
        _LIMITS[id(db)] = seconds


def read_limit(db: duckdb.DuckDBPyConnection) -> float | None:
    """The time limit of reads on `db`, if it has one."""
    return _LIMITS.get(id(db))


def rows(db: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Run a query on its own cursor (safe across threads), within `db`'s time limit, and return
    dict rows."""
    cursor = db.cursor()
    try:
        with time_limit(cursor, _LIMITS.get(id(db))):
            cursor.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        cursor.close()


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """The public shape of an event: nested source and target actors."""

    def actor(prefix: str) -> dict[str, Any] | None:
        if row[f"{prefix}_name"] is None:
            return None
        return {k: row[f"{prefix}_{k}"] for k in ("id", "name", "country", "sector")}

    mode, context = plover_mode_context(row["type"], row["cameo"])
    record = {
        "id": row["id"],
        "type": row["type"],
        "mode": mode,
        "context": context,
        "cameo": row["cameo"],
        "source": actor("s"),
        "target": actor("t"),
        "date": row["date"],
        "date_granularity": row["date_granularity"],
        "place": row["place"],
        "place_country": row["place_country"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "article_id": row["article_id"],
        "url": row["url"],
        "outlet": row["outlet"],
        "evidence": row["evidence"],
        "negated": row["negated"],
        "modality": row["modality"],
        "trigger": row["trigger"],
        "confidence": row["confidence"],
        # Once stories are built: the story, and how many articles report this same event.
        "story_id": row["story_id"],
        "merged_event_id": row["story_event_id"],
        "num_sources": row["num_sources"] or 1,
        "sources": json.loads(row["story_outlets"]) if row["story_outlets"] else [row["outlet"]],
    }
    return record


def event_page(
    db: duckdb.DuckDBPyConnection,
    where: EventFilter,
    limit: int = 100,
    offset: int = 0,
    newest_first: bool = False,
) -> tuple[list[dict[str, Any]], int]:
    """One page of events in date order (oldest or newest first), and how many match in all."""
    clause, params = where.sql()
    total = rows(db, f"SELECT count(*) AS n FROM event_search q {clause}", params)[0]["n"]
    order = NEWEST_FIRST if newest_first else SEARCH_ORDER
    ids = [
        r["id"]
        for r in rows(
            db,
            f"SELECT q.id FROM event_search q {clause} {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    return [event_record(r) for r in event_rows(db, ids)], int(total)


def _in(values: Sequence[str]) -> str:
    # A list of placeholders: DuckDB looks up constant IN-lists by key, but not `IN (SELECT unnest(?))`.
    return ", ".join("?" for _ in values) or "NULL"


def event_rows(db: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Full rows for these event ids, in that order, each from a few key lookups.

    One join of a page of ids against a million events costs a scan; looking up
    the events, then their actors, articles and stories by key costs milliseconds.
    """
    if not ids:
        return []
    events = {r["id"]: r for r in rows(db, f"SELECT * FROM events WHERE id IN ({_in(ids)})", list(ids))}
    actor_ids = sorted({a for r in events.values() for a in (r["source_id"], r["target_id"]) if a})
    actors = {r["id"]: r for r in rows(db, f"SELECT * FROM actors WHERE id IN ({_in(actor_ids)})", actor_ids)}
    article_ids = sorted({r["article_id"] for r in events.values()})
    article_sql = f"SELECT id, url, outlet, headline FROM articles WHERE id IN ({_in(article_ids)})"
    articles = {r["id"]: r for r in rows(db, article_sql, article_ids)}
    merged = {
        r["event_id"]: r
        for r in rows(
            db,
            "SELECT x.event_id, x.story_event_id, m.story_id, m.num_sources, m.outlets AS story_outlets "
            f"FROM story_event_sources x JOIN story_events m ON m.id = x.story_event_id "
            f"WHERE x.event_id IN ({_in(list(events))})",
            list(events),
        )
    }
    out = []
    for event_id in ids:
        e = events.get(event_id)
        if e is None:
            continue
        s, t, a = actors[e["source_id"]], actors.get(e["target_id"] or ""), articles[e["article_id"]]
        m = merged.get(event_id, {})
        out.append(
            {
                **e,
                "s_id": s["id"], "s_name": s["name"], "s_country": s["country"], "s_sector": s["sector"],
                "t_id": t["id"] if t else None, "t_name": t["name"] if t else None,
                "t_country": t["country"] if t else None, "t_sector": t["sector"] if t else None,
                "url": a["url"], "outlet": a["outlet"], "headline": a["headline"],
                "story_id": m.get("story_id"), "num_sources": m.get("num_sources"),
                "story_outlets": m.get("story_outlets"), "story_event_id": m.get("story_event_id"),
            }
        )  # fmt: skip
    return out


def event_by_id(db: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with its actors' ids and where its trigger sits in the evidence."""
    found = event_rows(db, [event_id])
    if not found:
        return None
    row = found[0]
    reports = []
    if row["story_event_id"] is not None:
        reports = rows(
            db,
            "SELECT x.event_id, x.article_id, x.outlet, x.evidence, a.url FROM story_event_sources x "
            "JOIN articles a ON a.id = x.article_id WHERE x.story_event_id = ? ORDER BY a.date, x.event_id",
            [row["story_event_id"]],
        )
    if not reports:  # not merged (yet): the event is its own only report
        reports = [{k: row[k] for k in ("article_id", "outlet", "evidence", "url")} | {"event_id": row["id"]}]
    return {
        **event_record(row),
        "source_id": row["s_id"],
        "target_id": row["t_id"],
        "headline": row["headline"],
        "trigger_offset": row["trigger_start"] - row["sentence_start"],
        "reports": reports,
    }


def actor_by_id(db: duckdb.DuckDBPyConnection, actor_id: str) -> dict[str, Any] | None:
    """One actor with its event counts by type and the actors it interacts with."""
    found = rows(db, "SELECT id, name, country, sector, title FROM actors WHERE id = ?", [actor_id])
    if not found:
        return None
    by_type = rows(
        db,
        "SELECT type, count(*) AS events FROM events WHERE source_id = ? OR target_id = ? "
        "GROUP BY type ORDER BY events DESC, type",
        [actor_id, actor_id],
    )
    partners = rows(
        db,
        "SELECT p.id, p.name, p.country, p.sector, count(*) AS events FROM events e "
        "JOIN actors p ON p.id = CASE WHEN e.source_id = ? THEN e.target_id ELSE e.source_id END "
        "WHERE (e.source_id = ? OR e.target_id = ?) AND p.id <> ? "
        "GROUP BY ALL ORDER BY events DESC, p.name",
        [actor_id] * 4,
    )
    return {**found[0], "by_type": by_type, "partners": partners}


def article_by_id(db: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One article with its text, its metadata and the furniture removed from it."""
    found = rows(
        db,
        "SELECT a.id, a.url, a.outlet, a.byline, a.headline, a.dateline, a.dateline_place, a.date, "
        "a.date_granularity, a.date_source, a.language, a.body AS text, a.removed, d.path, x.story_id, "
        "d.duplicate_of FROM articles a JOIN documents d ON d.id = a.doc_id "
        "LEFT JOIN story_articles x ON x.article_id = a.id WHERE a.id = ?",
        [article_id],
    )
    return found[0] if found else None


def timeline(db: duckdb.DuckDBPyConnection, countries: Sequence[str]) -> list[dict[str, Any]]:
    """Events in date order: involving one country, or between two or more of them."""
    codes = [c.upper() for c in countries]
    if len(codes) < 2:
        return event_page(db, EventFilter(countries=codes), limit=10_000)[0]
    marks = _in(codes)
    clause = (
        f"WHERE q.source_country IN ({marks}) AND q.target_country IN ({marks}) "
        "AND q.source_country <> q.target_country"
    )
    ids = [
        r["id"]
        for r in rows(
            db, f"SELECT q.id FROM event_search q {clause} {SEARCH_ORDER} LIMIT 10000", codes + codes
        )
    ]
    return [event_record(r) for r in event_rows(db, ids)]


def overview(db: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts of everything, and events per week and type (day-precision events only)."""
    counts = rows(
        db,
        "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM articles) AS articles, "
        "(SELECT count(*) FROM events) AS events, "
        "(SELECT count(DISTINCT id) FROM actors WHERE id IN (SELECT source_id FROM events) "
        "OR id IN (SELECT target_id FROM events)) AS actors",
    )[0]
    weekly = rows(
        db,
        "SELECT strftime(date_trunc('week', CAST(date AS DATE)), '%Y-%m-%d') AS week, type, count(*) AS n "
        "FROM events WHERE date_granularity = 'day' AND length(date) = 10 GROUP BY ALL ORDER BY week",
    )
    return {**counts, "weekly": [(r["week"], r["type"], int(r["n"])) for r in weekly]}


def map_counts(
    db: duckdb.DuckDBPyConnection,
) -> tuple[dict[str, int], list[tuple[str, float, float, int]]]:
    """Where events happened: events per place country, and (place, lat, lon, events) per located place."""
    countries = rows(
        db,
        "SELECT place_country AS c, count(*) AS n FROM events WHERE place_country IS NOT NULL GROUP BY ALL",
    )
    points = rows(
        db,
        "SELECT place, latitude AS lat, longitude AS lon, count(*) AS n FROM events "
        "WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY ALL ORDER BY n DESC, place LIMIT 2000",
    )
    return (
        {r["c"]: int(r["n"]) for r in countries},
        [(r["place"] or "", float(r["lat"]), float(r["lon"]), int(r["n"])) for r in points],
    )


def top_dyads(db: duckdb.DuckDBPyConnection, limit: int = 20) -> list[dict[str, Any]]:
    """The country pairs with the most events between them (either direction), most first."""
    return rows(
        db,
        "SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b, "
        "count(*) AS events FROM event_search "
        "WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
        "AND source_country <> target_country "
        "GROUP BY ALL ORDER BY events DESC, a, b LIMIT ?",
        [limit],
    )


def dyad_counts(db: duckdb.DuckDBPyConnection, first: str, second: str) -> list[dict[str, Any]]:
    """Events between two countries by direction and type: (source_country, type, events)."""
    return rows(
        db,
        "SELECT source_country, type, count(*) AS events FROM event_search "
        "WHERE (source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?) "
        "GROUP BY ALL ORDER BY source_country, events DESC, type",
        [first, second, second, first],
    )


def search_actors(
    db: duckdb.DuckDBPyConnection,
    q: str | None = None,
    country: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Actors in events, most active first, whose name or title contains `q` (accents ignored)."""
    where, params = ["n.events > 0"], []
    if q:
        where.append("contains(strip_accents(lower(concat_ws(' ', ac.name, ac.title))), ?)")
        params.append(search_key(q))
    if country:
        where.append("ac.country = ?")
        params.append(country.upper())
    sql = (
        "FROM actors ac JOIN (SELECT actor_id, count(*) AS events FROM ("
        "SELECT source_id AS actor_id FROM event_search UNION ALL "
        "SELECT target_id FROM event_search WHERE target_id IS NOT NULL) GROUP BY actor_id) n "
        f"ON n.actor_id = ac.id WHERE {' AND '.join(where)}"
    )
    total = rows(db, f"SELECT count(*) AS n {sql}", params)[0]["n"]
    found = rows(
        db,
        f"SELECT ac.id, ac.name, ac.country, ac.sector, ac.title, n.events {sql} "
        "ORDER BY n.events DESC, ac.name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return found, int(total)


def weekly(db: duckdb.DuckDBPyConnection, where: EventFilter) -> list[tuple[str, str, int]]:
    """(week start, type, events) of the matching events dated to the day."""
    clause, params = where.sql()
    day = "length(q.date) = 10"
    clause = f"{clause} AND {day}" if clause else f"WHERE {day}"
    found = rows(
        db,
        "SELECT strftime(date_trunc('week', CAST(q.date AS DATE)), '%Y-%m-%d') AS week, q.type, "
        f"count(*) AS n FROM event_search q {clause} GROUP BY ALL ORDER BY week",
        params,
    )
    return [(r["week"], r["type"], int(r["n"])) for r in found]
