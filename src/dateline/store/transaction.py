"""One DuckDB transaction as a block: committed at its end, rolled back when it fails."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb


@contextmanager
def transaction(db: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block in one transaction of `db`: committed when the block ends, rolled back
    (and the error raised again) when the block or the commit fails, Ctrl-C included."""
    db.begin()
    try:
        yield
        db.commit()
    except BaseException:
        db.rollback()
        raise
