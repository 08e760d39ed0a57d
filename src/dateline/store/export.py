"""Write the store's events, articles and actors as Parquet, CSV or JSON files.

DuckDB writes the files itself (`COPY ... TO`), so an export of millions of
events streams from disk to disk without passing through Python objects.
Event columns follow the PLOVER/GDELT habit of one flat row per event.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

FORMATS = {"parquet": "(FORMAT PARQUET)", "csv": "(FORMAT CSV, HEADER)", "json": "(FORMAT JSON, ARRAY true)"}

EVENTS_SQL = """
SELECT e.id AS event_id, e.date AS event_date, e.date_granularity, e.type AS event_type, e.cameo,
       s.name AS source_name, s.country AS source_country, s.sector AS source_sector,
       t.name AS target_name, t.country AS target_country, t.sector AS target_sector,
       e.place, e.place_country AS country, e.latitude AS lat, e.longitude AS lon,
       m.story_id, coalesce(m.num_sources, 1) AS num_sources, coalesce(u.urls, a.url) AS urls, a.outlet,
       e.article_id, e.trigger, e.negated, e.modality, e.confidence, e.evidence
FROM events e JOIN articles a ON a.id = e.article_id
JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id
LEFT JOIN story_event_sources x ON x.event_id = e.id LEFT JOIN story_events m ON m.id = x.story_event_id
LEFT JOIN (
    -- every report of the same merged event, as one space-separated list of URLs
    SELECT y.story_event_id, string_agg(DISTINCT b.url, ' ') AS urls
    FROM story_event_sources y JOIN articles b ON b.id = y.article_id GROUP BY y.story_event_id
) u ON u.story_event_id = x.story_event_id
ORDER BY e.date NULLS LAST, e.id
"""
ARTICLES_SQL = """
SELECT id AS article_id, url, outlet, byline, headline, dateline, dateline_place, date,
       date_granularity, date_source, language, body AS text
FROM articles ORDER BY date NULLS LAST, id
"""
ACTORS_SQL = "SELECT id AS actor_id, name, country, sector, title FROM actors ORDER BY name, id"
STORIES_SQL = """
SELECT id AS story_id, title, first_seen, last_seen, language, articles, events, outlets, brief
FROM stories ORDER BY last_seen DESC NULLS LAST, id
"""


def export_tables(db: duckdb.DuckDBPyConnection, folder: Path, fmt: str) -> dict[str, Path]:
    """Write events, articles, actors and stories into `folder`; returns the files written.

    Each file is written under a temporary name and renamed when complete, so a
    failed export never leaves a half-written file under the real name.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    tables = (
        ("events", EVENTS_SQL),
        ("articles", ARTICLES_SQL),
        ("actors", ACTORS_SQL),
        ("stories", STORIES_SQL),
    )
    for name, sql in tables:
        final = folder / f"{name}.{fmt}"
        partial = folder / f".{name}.{fmt}.partial"
        # A path in COPY cannot be a parameter; quote it as a SQL string literal.
        target = str(partial).replace("'", "''")
        db.execute(f"COPY ({sql}) TO '{target}' {FORMATS[fmt]}")
        partial.replace(final)
        written[name] = final
    return written
