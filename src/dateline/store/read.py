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

# Partial ISO dates ("2020-12") compare as the span they cover: pad the start
# with "-00" and the end with "-99" so plain string comparison is right.
DATE_FIRST = "(e.date || substr('-00-00', 1, 10 - length(e.date)))"
DATE_LAST = "(e.date || substr('-99-99', 1, 10 - length(e.date)))"

EVENT_COLUMNS = (
    "e.id, e.type, e.cameo, s.id AS s_id, s.name AS s_name, s.country AS s_country, "
    "s.sector AS s_sector, t.id AS t_id, t.name AS t_name, t.country AS t_country, t.sector AS t_sector, "
    "e.date, e.date_granularity, e.place, e.place_country, e.latitude, e.longitude, e.article_id, "
    "a.url, a.outlet, a.headline, e.evidence, e.negated, e.modality, e.trigger, e.trigger_start, "
    "e.sentence_start, e.confidence, m.story_id, m.num_sources, m.outlets AS story_outlets, "
    "x.story_event_id"
)
EVENT_FROM = (
    "FROM events e JOIN articles a ON a.id = e.article_id "
    "JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id "
    "LEFT JOIN story_event_sources x ON x.event_id = e.id LEFT JOIN story_events m ON m.id = x.story_event_id"
)
EVENT_ORDER = "ORDER BY e.date NULLS LAST, a.doc_id, a.position, e.sentence_start, e.trigger_start"


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

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE clause (or "") and its parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.countries:
            marks = ", ".join("?" for _ in self.countries)
            where.append(f"(s.country IN ({marks}) OR t.country IN ({marks}))")
            codes = [c.upper() for c in self.countries]
            params += codes + codes
        for actor in self.actors:
            where.append("(s.id = ? OR t.id = ? OR lower(s.name) = lower(?) OR lower(t.name) = lower(?))")
            params += [actor] * 4
        if self.types:
            where.append(f"e.type IN ({', '.join('?' for _ in self.types)})")
            params += [t.upper() for t in self.types]
        if self.since:
            where.append(f"e.date IS NOT NULL AND {DATE_LAST} >= ?")
            params.append(self.since)
        if self.until:
            where.append(f"e.date IS NOT NULL AND {DATE_FIRST} <= ?")
            params.append(self.until)
        if self.q:
            like = "ILIKE ? ESCAPE '\\'"
            where.append(f"(e.evidence {like} OR s.name {like} OR t.name {like})")
            params += [f"%{_escape_like(self.q)}%"] * 3
        if self.article:
            where.append("e.article_id = ?")
            params.append(self.article)
        if self.story:
            where.append("m.story_id = ?")
            params.append(self.story)
        return (f"WHERE {' AND '.join(where)}" if where else ""), params


def _escape_like(text: str) -> str:
    # A user's "%" or "_" is a character to find, not a wildcard.
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def rows(db: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Run a query on its own cursor (safe across threads) and return dict rows."""
    cursor = db.cursor()
    try:
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
        return {k: row[f"{prefix}_{k}"] for k in ("name", "country", "sector")}

    record = {
        "id": row["id"],
        "type": row["type"],
        "cameo": row["cameo"],
        "source": actor("s"),
        "target": actor("t"),
        "date": row["date"],
        "date_granularity": row["date_granularity"],
        "place": row["place"],
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
    db: duckdb.DuckDBPyConnection, where: EventFilter, limit: int = 100, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """One page of events in date order, and how many match in all."""
    clause, params = where.sql()
    total = rows(db, f"SELECT count(*) AS n {EVENT_FROM} {clause}", params)[0]["n"]
    sql = f"SELECT {EVENT_COLUMNS} {EVENT_FROM} {clause} {EVENT_ORDER} LIMIT ? OFFSET ?"
    page = rows(db, sql, [*params, limit, offset])
    return [event_record(r) for r in page], int(total)


def event_by_id(db: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with its actors' ids and where its trigger sits in the evidence."""
    found = rows(db, f"SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE e.id = ?", [event_id])
    if not found:
        return None
    row = found[0]
    return {
        **event_record(row),
        "source_id": row["s_id"],
        "target_id": row["t_id"],
        "headline": row["headline"],
        "place_country": row["place_country"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "trigger_offset": row["trigger_start"] - row["sentence_start"],
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
        "a.date_granularity, a.date_source, a.language, a.body AS text, a.removed, d.path "
        "FROM articles a JOIN documents d ON d.id = a.doc_id WHERE a.id = ?",
        [article_id],
    )
    return found[0] if found else None


def timeline(db: duckdb.DuckDBPyConnection, countries: Sequence[str]) -> list[dict[str, Any]]:
    """Events in date order: involving one country, or between two or more of them."""
    codes = [c.upper() for c in countries]
    if len(codes) < 2:
        return event_page(db, EventFilter(countries=codes), limit=10_000)[0]
    marks = ", ".join("?" for _ in codes)
    clause = f"WHERE s.country IN ({marks}) AND t.country IN ({marks}) AND s.country <> t.country"
    found = rows(db, f"SELECT {EVENT_COLUMNS} {EVENT_FROM} {clause} {EVENT_ORDER}", codes + codes)
    return [event_record(r) for r in found]


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
