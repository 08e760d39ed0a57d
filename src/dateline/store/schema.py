"""The exported tables, column by column: name, type and the SQL that fills it.

One definition serves the file exports (`export.py`) and the DataFrames of
`dateline.open` (`frames.py`), so a column has the same name and type wherever
a user meets it; `docs/schema.md` documents these columns and a test keeps the
two in step.

Dates in the store are ISO text of varying precision ("2019", "2019-11",
"2019-11-04"). Exports give a real DATE (the first day of the period) next to
the granularity and the text as reported, so a year-only date is never mistaken
for the first of January.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Column:
    """One exported column: its name, DuckDB type and the expression over the table's FROM clause."""

    name: str
    type: str
    expr: str


def as_date(text: str) -> str:
    """SQL: the first day of the period an ISO date of any precision names, as a DATE (NULL if none)."""
    return (
        f"TRY_CAST(CASE length({text}) WHEN 10 THEN {text} WHEN 7 THEN {text} || '-01' "
        f"WHEN 4 THEN {text} || '-01-01' END AS DATE)"
    )


def _json_list(text: str) -> str:
    """SQL: a JSON array of strings stored as text, as a list (empty when missing)."""
    return f"coalesce(from_json({text}, '[\"VARCHAR\"]'), [])"


def plover_table() -> Path:
    """The CAMEO -> PLOVER type, mode and context table shipped in the package (see docs/schema.md)."""
    return Path(str(resources.files("dateline.store").joinpath("cameo_plover.tsv")))


def plover_cte() -> str:
    """A `plover` CTE over the shipped table: cameo, plover_type, mode, context (empty cells NULL)."""
    path = str(plover_table()).replace("'", "''")
    return (
        f"plover AS (SELECT * FROM read_csv('{path}', delim = '\t', header = true, quote = '', "
        "all_varchar = true))"
    )


# A mode belongs to a PLOVER type: it is given only when the event's type is the one the
# CAMEO code maps to (Dateline codes some CAMEO codes, e.g. 057, as another type). A context
# describes the subject matter and holds whatever the type.
_MODE = "CASE WHEN p.plover_type = {t}.type THEN nullif(p.mode, '') END"
_CONTEXT = "nullif(p.context, '')"


def _actor_columns(prefix: str, alias: str, id_expr: str) -> list[Column]:
    return [
        Column(f"{prefix}_actor_id", "VARCHAR", id_expr),
        Column(f"{prefix}_name", "VARCHAR", f"{alias}.name"),
        Column(f"{prefix}_country", "VARCHAR", f"{alias}.country"),
        Column(f"{prefix}_sector", "VARCHAR", f"{alias}.sector"),
    ]


EVENTS_FROM = """
FROM events e JOIN articles a ON a.id = e.article_id
JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id
LEFT JOIN plover p ON p.cameo = e.cameo
LEFT JOIN story_event_sources x ON x.event_id = e.id LEFT JOIN story_events m ON m.id = x.story_event_id
LEFT JOIN (
    -- every report of the same merged event: its distinct URLs
    SELECT y.story_event_id, list_sort(list(DISTINCT b.url) FILTER (WHERE b.url IS NOT NULL)) AS urls
    FROM story_event_sources y JOIN articles b ON b.id = y.article_id GROUP BY y.story_event_id
) u ON u.story_event_id = x.story_event_id
"""
EVENTS = [
    Column("event_id", "VARCHAR", "e.id"),
    Column("event_date", "DATE", as_date("e.date")),
    Column("date_granularity", "VARCHAR", "e.date_granularity"),
    Column("event_date_text", "VARCHAR", "e.date"),
    Column("event_type", "VARCHAR", "e.type"),
    Column("mode", "VARCHAR", _MODE.format(t="e")),
    Column("context", "VARCHAR", _CONTEXT),
    Column("cameo", "VARCHAR", "e.cameo"),
    Column("negated", "BOOLEAN", "e.negated"),
    Column("modality", "VARCHAR", "e.modality"),
    *_actor_columns("source", "s", "e.source_id"),
    *_actor_columns("target", "t", "e.target_id"),
    Column("place", "VARCHAR", "e.place"),
    Column("place_country", "VARCHAR", "e.place_country"),
    Column("latitude", "DOUBLE", "e.latitude"),
    Column("longitude", "DOUBLE", "e.longitude"),
    Column("story_id", "VARCHAR", "m.story_id"),
    Column("merged_event_id", "VARCHAR", "m.id"),
    Column("num_sources", "INTEGER", "coalesce(m.num_sources, 1)"),
    Column(
        "urls",
        "VARCHAR[]",
        "coalesce(u.urls, CASE WHEN a.url IS NULL THEN []::VARCHAR[] ELSE [a.url] END)",
    ),
    Column("article_id", "VARCHAR", "e.article_id"),
    Column("outlet", "VARCHAR", "a.outlet"),
    Column("url", "VARCHAR", "a.url"),
    Column("trigger", "VARCHAR", "e.trigger"),
    Column("confidence", "DOUBLE", "e.confidence"),
    Column("evidence", "VARCHAR", "e.evidence"),
]
EVENTS_ORDER = "ORDER BY e.date NULLS LAST, e.id"

MERGED_FROM = """
FROM story_events m JOIN actors s ON s.id = m.source_id LEFT JOIN actors t ON t.id = m.target_id
LEFT JOIN plover p ON p.cameo = m.cameo
LEFT JOIN (
    SELECT y.story_event_id, list(y.event_id ORDER BY y.event_id) AS event_ids,
           list(DISTINCT y.article_id) AS article_ids,
           list_sort(list(DISTINCT b.url) FILTER (WHERE b.url IS NOT NULL)) AS urls
    FROM story_event_sources y JOIN articles b ON b.id = y.article_id GROUP BY y.story_event_id
) u ON u.story_event_id = m.id
"""
MERGED_EVENTS = [
    Column("merged_event_id", "VARCHAR", "m.id"),
    Column("story_id", "VARCHAR", "m.story_id"),
    Column("event_date", "DATE", as_date("m.date")),
    Column("date_granularity", "VARCHAR", "m.date_granularity"),
    Column("event_date_text", "VARCHAR", "m.date"),
    Column("dates", "VARCHAR[]", _json_list("m.dates")),
    Column("date_conflict", "BOOLEAN", "m.date_conflict"),
    Column("event_type", "VARCHAR", "m.type"),
    Column("mode", "VARCHAR", _MODE.format(t="m")),
    Column("context", "VARCHAR", _CONTEXT),
    Column("cameo", "VARCHAR", "m.cameo"),
    Column("negated", "BOOLEAN", "m.negated"),
    Column("modality", "VARCHAR", "m.modality"),
    *_actor_columns("source", "s", "m.source_id"),
    *_actor_columns("target", "t", "m.target_id"),
    Column("place", "VARCHAR", "m.place"),
    Column("place_country", "VARCHAR", "m.place_country"),
    Column("first_seen", "DATE", as_date("m.first_seen")),
    Column("last_seen", "DATE", as_date("m.last_seen")),
    Column("num_sources", "INTEGER", "m.num_sources"),
    Column("outlets", "VARCHAR[]", _json_list("m.outlets")),
    Column("event_ids", "VARCHAR[]", "coalesce(u.event_ids, [])"),
    Column("article_ids", "VARCHAR[]", "list_sort(coalesce(u.article_ids, []))"),
    Column("urls", "VARCHAR[]", "coalesce(u.urls, [])"),
    Column("evidence", "VARCHAR", "m.evidence"),
]
MERGED_ORDER = "ORDER BY m.date NULLS LAST, m.num_sources DESC, m.id"

ARTICLES_FROM = """
FROM articles a JOIN documents d ON d.id = a.doc_id LEFT JOIN story_articles x ON x.article_id = a.id
"""
ARTICLES = [
    Column("article_id", "VARCHAR", "a.id"),
    Column("doc_id", "VARCHAR", "a.doc_id"),
    Column("story_id", "VARCHAR", "x.story_id"),
    Column("duplicate_of", "VARCHAR", "d.duplicate_of"),
    Column("url", "VARCHAR", "a.url"),
    Column("outlet", "VARCHAR", "a.outlet"),
    Column("byline", "VARCHAR", "a.byline"),
    Column("headline", "VARCHAR", "a.headline"),
    Column("dateline", "VARCHAR", "a.dateline"),
    Column("dateline_place", "VARCHAR", "a.dateline_place"),
    Column("date", "DATE", as_date("a.date")),
    Column("date_granularity", "VARCHAR", "a.date_granularity"),
    Column("date_text", "VARCHAR", "a.date"),
    Column("date_source", "VARCHAR", "a.date_source"),
    Column("language", "VARCHAR", "a.language"),
    Column("text", "VARCHAR", "a.body"),
]
ARTICLES_ORDER = "ORDER BY a.date NULLS LAST, a.id"

ACTORS_FROM = """
FROM actors ac LEFT JOIN (
    SELECT actor_id, count(*) AS n FROM (
        SELECT source_id AS actor_id FROM events
        UNION ALL SELECT target_id FROM events WHERE target_id IS NOT NULL) GROUP BY actor_id
) n ON n.actor_id = ac.id
"""
ACTORS = [
    Column("actor_id", "VARCHAR", "ac.id"),
    Column("name", "VARCHAR", "ac.name"),
    Column("country", "VARCHAR", "ac.country"),
    Column("sector", "VARCHAR", "ac.sector"),
    Column("title", "VARCHAR", "ac.title"),
    Column("events", "INTEGER", "coalesce(n.n, 0)"),
]
ACTORS_ORDER = "ORDER BY ac.name, ac.id"

STORIES_FROM = "FROM stories st"
STORIES = [
    Column("story_id", "VARCHAR", "st.id"),
    Column("title", "VARCHAR", "st.title"),
    Column("first_seen", "DATE", as_date("st.first_seen")),
    Column("last_seen", "DATE", as_date("st.last_seen")),
    Column("language", "VARCHAR", "st.language"),
    Column("articles", "INTEGER", "st.articles"),
    Column("events", "INTEGER", "st.events"),
    Column("outlets", "VARCHAR[]", _json_list("st.outlets")),
    Column(
        "brief",
        'STRUCT("text" VARCHAR, article_id VARCHAR, outlet VARCHAR)[]',
        'coalesce(from_json(st.brief, \'[{"text": "VARCHAR", "article_id": "VARCHAR", '
        '"outlet": "VARCHAR"}]\'), [])',
    ),
]
STORIES_ORDER = "ORDER BY st.last_seen DESC NULLS LAST, st.id"

TABLES: dict[str, tuple[list[Column], str, str]] = {
    "events": (EVENTS, EVENTS_FROM, EVENTS_ORDER),
    "merged_events": (MERGED_EVENTS, MERGED_FROM, MERGED_ORDER),
    "articles": (ARTICLES, ARTICLES_FROM, ARTICLES_ORDER),
    "actors": (ACTORS, ACTORS_FROM, ACTORS_ORDER),
    "stories": (STORIES, STORIES_FROM, STORIES_ORDER),
}


def table_sql(name: str, where: str = "", order: bool = True, limit: str = "") -> str:
    """The SELECT that gives exported table `name`, its columns cast to their documented types.

    `where` is an optional SQL condition over the FROM clause's aliases (its values must be
    parameters, never user text).
    """
    columns, source, order_by = TABLES[name]
    select = ",\n       ".join(f"CAST({c.expr} AS {c.type}) AS {c.name}" for c in columns)
    return (
        f"WITH {plover_cte()}\nSELECT {select}\n{source}\n"
        f"{f'WHERE {where}' if where else ''}\n{order_by if order else ''} {limit}"
    )


def column_types(name: str) -> dict[str, str]:
    """Column -> DuckDB type of an exported table, e.g. for `read_csv(..., types=...)`."""
    return {c.name: c.type for c in TABLES[name][0]}


# How a CSV reader should take each DuckDB type back (CSV has no types of its own).
_PANDAS = {"VARCHAR": "string", "BOOLEAN": "boolean", "INTEGER": "Int64", "DOUBLE": "Float64"}


def pandas_csv_options(name: str) -> dict[str, object]:
    """Keyword arguments for `pandas.read_csv` that read an exported CSV back with the documented types.

    Dates are parsed as dates; list and struct columns stay JSON text (parse them with `json.loads`).
    """
    columns = TABLES[name][0]
    dtype = {c.name: _PANDAS.get(c.type, "string") for c in columns if c.type != "DATE"}
    dates = [c.name for c in columns if c.type == "DATE"]
    return {"dtype": dtype, "parse_dates": dates, "keep_default_na": False, "na_values": [""]}


@functools.cache
def _plover_codes() -> dict[str, tuple[str, str | None, str | None]]:
    with plover_table().open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {r["cameo"]: (r["plover_type"], r["mode"] or None, r["context"] or None) for r in rows}


def plover_mode_context(event_type: str, cameo: str | None) -> tuple[str | None, str | None]:
    """The PLOVER (mode, context) of a CAMEO code, as the exported columns give them (in Python)."""
    found = _plover_codes().get(cameo or "")
    if found is None:
        return None, None
    mapped_type, mode, context = found
    return (mode if mapped_type == event_type else None), context
