"""Grow a store to a given number of events by copying the ones it has, for load tests.

Copies get new ids and dates spread over eight years, so filters and sorting
see realistic variety; articles, actors and stories are shared with the originals.
"""

from __future__ import annotations

import duckdb

from dateline.store.read import index_events


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
