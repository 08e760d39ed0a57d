"""A transaction block commits what it wrote, and a failure inside it leaves nothing written."""

from __future__ import annotations

import duckdb
import pytest

from dateline.store.transaction import transaction


def _count(db: duckdb.DuckDBPyConnection) -> int:
    row = db.execute("SELECT count(*) FROM t").fetchone()
    return int(row[0]) if row else 0


def test_the_block_is_committed() -> None:
    db = duckdb.connect()
    db.execute("CREATE TABLE t (x INTEGER)")
    with transaction(db):
        db.execute("INSERT INTO t VALUES (1), (2)")
    assert _count(db) == 2


def test_a_failure_rolls_back_and_is_raised_again() -> None:
    db = duckdb.connect()
    db.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(KeyboardInterrupt), transaction(db):
        db.execute("INSERT INTO t VALUES (1)")
        raise KeyboardInterrupt
    assert _count(db) == 0
    with transaction(db):  # no transaction is left open
        db.execute("INSERT INTO t VALUES (3)")
    assert _count(db) == 1
