"""What `dateline watch` remembers between runs, in the store: each feed's validators and back-off,
and every article address already dealt with.

The seen-set is the union of two things. An article that was stored is its
document row (the row's `path` is the address it was fetched from), written in
the same transaction as its articles and events, so a watcher killed at any
moment never fetches a stored article again. An article that gave nothing to
store (a 404, a page robots.txt forbids, a copy of a stored page) is a row of
`watch_seen`; one that failed for a reason that may pass (a timeout, a 5xx) is
kept there with its attempts and tried again up to `MAX_ATTEMPTS` times.

These tables are created on first use and are no part of the versioned schema:
a store that has never been watched has none, and every other command ignores them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.store.duck import Store

WATCH_SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_feeds (
    url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, checked_at TIMESTAMP,
    failures INTEGER, next_at TIMESTAMP, error VARCHAR);
CREATE TABLE IF NOT EXISTS watch_seen (
    url VARCHAR PRIMARY KEY, feed VARCHAR, seen_at TIMESTAMP, outcome VARCHAR, attempts INTEGER,
    reason VARCHAR);
"""
# An article whose fetch failed for a passing reason is tried this many times in all.
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class FeedState:
    """What the last poll of a feed left: validators for a conditional GET, and its back-off."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_at: dt.datetime | None = None


class WatchState:
    """The watcher's memory in one store (opened for writing)."""

    def __init__(self, store: Store) -> None:
        self._db = store._db  # noqa: SLF001 - the store package's own connection
        self._db.execute(WATCH_SCHEMA)

    def seen(self) -> set[str]:
        """Every article address that needs no fetch: stored, or given up on."""
        rows = self._db.execute(
            "SELECT path FROM documents WHERE path IS NOT NULL "
            "UNION SELECT url FROM watch_seen WHERE outcome <> 'retry'"
        ).fetchall()
        return {row[0] for row in rows}

    def is_seen(self, url: str) -> bool:
        """Whether one article address needs no fetch (asked again right before fetching it)."""
        row = self._db.execute(
            "SELECT 1 FROM documents WHERE path = ? "
            "UNION ALL SELECT 1 FROM watch_seen WHERE url = ? AND outcome <> 'retry' LIMIT 1",
            [url, url],
        ).fetchone()
        return row is not None

    def mark(self, url: str, feed: str, outcome: str, reason: str | None = None) -> None:
        """Record what came of an article: 'stored', 'copy', 'skipped' (will never be fetched
        again) or 'retry' (fetched again next time, until `MAX_ATTEMPTS` fail)."""
        row = self._db.execute("SELECT attempts FROM watch_seen WHERE url = ?", [url]).fetchone()
        attempts = (row[0] if row else 0) + 1
        if outcome == "retry" and attempts >= MAX_ATTEMPTS:
            outcome = "failed"
        self._db.execute(
            "INSERT OR REPLACE INTO watch_seen VALUES (?, ?, ?, ?, ?, ?)",
            [url, feed, dt.datetime.now(), outcome, attempts, reason],
        )

    def feed(self, url: str) -> FeedState:
        """A feed's saved state (a fresh one for a feed never polled)."""
        row = self._db.execute(
            "SELECT etag, last_modified, failures, next_at FROM watch_feeds WHERE url = ?", [url]
        ).fetchone()
        if row is None:
            return FeedState(url)
        return FeedState(url, row[0], row[1], row[2] or 0, row[3])

    def save_feed(self, state: FeedState, error: str | None = None) -> None:
        """Remember a feed's validators and back-off after a poll."""
        self._db.execute(
            "INSERT OR REPLACE INTO watch_feeds VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                state.url,
                state.etag,
                state.last_modified,
                dt.datetime.now(),
                state.failures,
                state.next_at,
                error,
            ],
        )
