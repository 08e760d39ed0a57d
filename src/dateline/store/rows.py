"""Records as table rows, in the store's column order: one place for the row shape.

The store writes these rows into DuckDB and the batch runner into Parquet
partitions that load back into the store, so both must agree to the column.
"""

from __future__ import annotations

import json
from typing import Any

from dateline.model import Actor, Article, Event

# The DuckDB types of the rows below, column by column: rows go in one typed list per column.
ARTICLE_TYPES = ["VARCHAR", "VARCHAR", "INTEGER", "INTEGER", "INTEGER"] + ["VARCHAR"] * 12
ACTOR_TYPES = ["VARCHAR"] * 5
EVENT_TYPES = (
    ["VARCHAR"] * 7
    + ["INTEGER", "VARCHAR", "INTEGER", "INTEGER", "BOOLEAN", "VARCHAR", "DOUBLE"]
    + ["VARCHAR"] * 4
    + ["DOUBLE", "DOUBLE"]
)


def first_of_each(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows with the first of each id (first column): what row-by-row INSERT OR IGNORE kept."""
    first: dict[Any, tuple[Any, ...]] = {}
    for row in rows:
        first.setdefault(row[0], row)
    return list(first.values())


def article_row(article: Article, doc_text: str) -> tuple[Any, ...]:
    """An `articles` row. The removed furniture keeps its text, so a reader can see what was taken out."""
    a = article
    removed = json.dumps([[s.start, s.end, s.reason, doc_text[s.start : s.end]] for s in a.removed])
    return (
        a.id, a.doc_id, a.position, a.start, a.end, a.outlet, a.url, a.byline, a.headline, a.dateline,
        a.dateline_place, a.date, a.date_granularity, a.date_source, a.language, a.body, removed,
    )  # fmt: skip


def actor_row(actor: Actor) -> tuple[Any, ...]:
    """An `actors` row."""
    return (actor.id, actor.name, actor.country, actor.sector, actor.title)


def event_row(event: Event) -> tuple[Any, ...]:
    """An `events` row."""
    e = event
    return (
        e.id, e.article_id, e.type, e.cameo, e.source.id, e.target.id if e.target else None, e.trigger,
        e.trigger_start, e.evidence, e.sentence_start, e.sentence_end, e.negated, e.modality, e.confidence,
        e.date, e.date_granularity, e.place, e.place_country, e.latitude, e.longitude,
    )  # fmt: skip
