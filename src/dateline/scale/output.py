"""The output folder of a batch run: Parquet partitions, shard markers and the manifest.

```
OUT/documents/<shard>.parquet   OUT/articles/<shard>.parquet
OUT/actors/<shard>.parquet      OUT/events/<shard>.parquet
OUT/_shards/<shard>.json        what happened to each shard (written last, atomically)
OUT/manifest.json               inputs, per-shard status and counts, errors, versions
```

Parquet is written by DuckDB (a core dependency), so the local engine needs
neither Ray nor pyarrow, and both engines write byte-for-byte the same way.
Every file goes under a temporary name first and is renamed when complete:
a crash never leaves a half-written partition under its real name.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import duckdb

from dateline.scale.rows import TABLES, Rows

MARKERS = "_shards"
MANIFEST = "manifest.json"


def _sql_string(path: Path) -> str:
    # A path in COPY cannot be a parameter; quote it as a SQL string literal.
    return "'" + str(path).replace("'", "''") + "'"


class PartitionWriter:
    """Collects a shard's rows in an in-memory DuckDB (columnar, compact) and writes them as Parquet.

    Rows go in chunk by chunk as the pipeline produces them, so a big shard (a
    1 GB WARC) never holds all its rows as Python objects at once.
    """

    def __init__(self, out: Path, shard_id: str) -> None:
        self.out, self.shard_id = out, shard_id
        self._db = duckdb.connect()
        for name, columns in TABLES.items():
            self._db.execute(f"CREATE TABLE {name} ({', '.join(f'{c} {t}' for c, t in columns)})")

    def add(self, rows: Rows) -> None:
        """Append rows, and empty `rows` (its memory of actors seen stays)."""
        for name, columns in TABLES.items():
            if rows.tables[name]:
                marks = ", ".join("?" * len(columns))
                self._db.executemany(f"INSERT INTO {name} VALUES ({marks})", rows.tables[name])
                rows.tables[name].clear()

    def write(self) -> None:
        """Write one Parquet file per table (empty tables too, so every shard has all four)."""
        try:
            for name in TABLES:
                folder = self.out / name
                folder.mkdir(parents=True, exist_ok=True)
                partial = folder / f".{self.shard_id}.parquet.partial"
                self._db.execute(f"COPY {name} TO {_sql_string(partial)} (FORMAT PARQUET)")
                partial.replace(folder / f"{self.shard_id}.parquet")
        finally:
            self.close()

    def close(self) -> None:
        self._db.close()


def write_json(path: Path, data: Any) -> None:
    """Write JSON atomically: a temporary file renamed over the real one."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)


def write_marker(out: Path, record: dict[str, Any]) -> None:
    """Record what happened to one shard; written after its partitions, so `done` means complete."""
    folder = out / MARKERS
    folder.mkdir(parents=True, exist_ok=True)
    write_json(folder / f"{record['id']}.json", record)


def read_markers(out: Path) -> dict[str, dict[str, Any]]:
    """Every shard marker in an output folder, by shard id (unreadable markers are ignored)."""
    markers: dict[str, dict[str, Any]] = {}
    folder = out / MARKERS
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # a marker cut short by a crash: the shard runs again
            markers[str(record.get("id", path.stem))] = record
    return markers


def has_partitions(out: Path, shard_id: str) -> bool:
    """True when every table of the shard has its Parquet file in `out`."""
    return all((out / name / f"{shard_id}.parquet").is_file() for name in TABLES)


def check_writable(out: Path) -> str | None:
    """None if the output folder can be created and written, else why not."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-test.{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return f"cannot write output here ({exc.strerror or exc})"
    return None
