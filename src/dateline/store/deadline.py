"""A time limit per read query: a server's one slow request must not hold a thread for minutes.

DuckDB stops a query when its connection is interrupted, from any thread. Every read
runs on a cursor of its own (`read.rows`), so one watchdog thread interrupts exactly
the cursor whose deadline passed; the reader then gets `QueryTimeout`. DuckDB's own
`max_execution_time` setting would do it too, but it is global to the database, so it
would also stop the writer that `serve --watch` runs beside the readers.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb


class QueryTimeout(Exception):
    """A read query ran past its time limit and was stopped."""


class _Watchdog:
    """One daemon thread that interrupts the cursors whose deadlines have passed."""

    def __init__(self) -> None:
        # Deadlines in order; the cursors by number, only while their query runs (a finished
        # query's cursor is let go at once, not when its deadline comes up).
        self._due: list[tuple[float, int]] = []
        self._live: dict[int, duckdb.DuckDBPyConnection] = {}
        self._fired: set[int] = set()
        self._numbers = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, cursor: duckdb.DuckDBPyConnection, seconds: float) -> int:
        with self._wake:
            number = next(self._numbers)
            heapq.heappush(self._due, (time.monotonic() + seconds, number))
            self._live[number] = cursor
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="dateline-query-deadline", daemon=True)
                self._thread.start()
            if self._due[0][1] == number:  # the soonest deadline now: the watchdog sleeps too long
                self._wake.notify()
            return number

    def release(self, number: int) -> bool:
        """Stop watching; True if the deadline had passed and the query was interrupted."""
        with self._wake:
            self._live.pop(number, None)
            if number in self._fired:
                self._fired.discard(number)
                return True
            return False

    def _run(self) -> None:
        with self._wake:
            while True:
                while self._due and self._due[0][1] not in self._live:
                    heapq.heappop(self._due)  # finished in time
                if not self._due:
                    self._wake.wait()
                    continue
                wait = self._due[0][0] - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                _, number = heapq.heappop(self._due)
                self._fired.add(number)
                self._live.pop(number).interrupt()


_WATCHDOG = _Watchdog()


@contextmanager
def time_limit(
    cursor: duckdb.DuckDBPyConnection, seconds: float | None, what: str = "query"
) -> Iterator[None]:
    """Run the block's queries on `cursor` for at most `seconds` (None: no limit); past it the
    running query is interrupted and `QueryTimeout` says so."""
    if seconds is None:
        yield
        return
    number = _WATCHDOG.watch(cursor, seconds)
    try:
        yield
    except duckdb.InterruptException:
        if _WATCHDOG.release(number):
            raise QueryTimeout(
                f"the {what} took longer than {seconds:g} s and was stopped; narrow the filters"
            ) from None
        raise
    finally:
        _WATCHDOG.release(number)
