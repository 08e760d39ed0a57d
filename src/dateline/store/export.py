"""Write the store's tables as Parquet, CSV or JSON files, with the columns of `docs/schema.md`.

DuckDB writes the files itself (`COPY ... TO`), so an export of millions of
events streams from disk to disk without passing through Python objects.
The columns and their types come from `schema.py`: Parquet and JSON keep them
(lists as lists, dates as dates); CSV, which has no types, writes lists and
structs as JSON text and quotes every text cell, so a CAMEO code "043" is read
back as text by readers that honour quotes and by those given the documented types.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from dateline.store.schema import TABLES, table_sql

FORMATS = {
    "parquet": "(FORMAT PARQUET)",
    "csv": "(FORMAT CSV, HEADER, FORCE_QUOTE ({text}))",
    "json": "(FORMAT JSON, ARRAY true)",
}
_BARE = {"BOOLEAN", "INTEGER", "DOUBLE"}


def _csv_sql(name: str) -> str:
    """The table's SELECT with list and struct columns turned into JSON text for CSV cells."""
    nested = [c.name for c in TABLES[name][0] if c.type.endswith("]") or c.type.startswith("STRUCT")]
    inner = table_sql(name)
    if not nested:
        return inner
    replace = ", ".join(f"CAST(to_json({c}) AS VARCHAR) AS {c}" for c in nested)
    return f"SELECT * REPLACE ({replace}) FROM ({inner})"


def export_tables(db: duckdb.DuckDBPyConnection, folder: Path, fmt: str) -> dict[str, Path]:
    """Write events, merged events, articles, actors and stories into `folder`; returns the files.

    Each file is written under a temporary name and renamed when complete, so a
    failed export never leaves a half-written file under the real name.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in TABLES:
        final = folder / f"{name}.{fmt}"
        partial = folder / f".{name}.{fmt}.partial"
        sql = _csv_sql(name) if fmt == "csv" else table_sql(name)
        # Text cells (and lists written as JSON text) are quoted, numbers, dates and booleans not.
        text = ", ".join(c.name for c in TABLES[name][0] if c.type != "DATE" and c.type not in _BARE)
        # A path in COPY cannot be a parameter; quote it as a SQL string literal.
        target = str(partial).replace("'", "''")
        db.execute(f"COPY ({sql}) TO '{target}' {FORMATS[fmt].format(text=text)}")
        partial.replace(final)
        written[name] = final
    return written
