"""kill -9 and resume: an ingest killed at random points, then resumed, against one clean run.

Opt-in (it takes tens of minutes: the corpus is coded twice): `make bench-kill`, or
`dateline bench --part kill --scale-docs 2000`. The corpus is the benchmark CSV's texts
repeated until there are enough documents (as in the scale part), in one JSON Lines file.
It is ingested once without interruption and, at the same time, into a second store by
`dateline ingest` processes killed with SIGKILL (no chance to clean up) at seeded random
moments, each time started again on the same file, and finally left to finish. Every table of the two stores
is compared row for row (the ingest clock aside); `differing_rows` must be 0 everywhere.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb

# Every stored table, with the columns that may differ between runs (the clock) left out.
TABLES = {
    "documents": "id, path, url, outlet, chars, articles, text_hash, duplicate_of, signature, shingles",
    "articles": "*",
    "actors": "*",
    "events": "*",
    "actor_sightings": "*",
    "event_search": "*",
    "stories": "*",
    "story_articles": "*",
    "story_events": "*",
    "story_event_sources": "*",
    "cluster_state": "*",
    "cluster_stories": "*",
    "cluster_keys": "*",
    "document_bands": "*",
    "document_urls": "*",
}


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "dateline.cli", "ingest", str(corpus), "--db", str(db), "--quiet"]
    with (db.parent / f"{db.stem}.log").open("ab") as log:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)


def _log(db: Path) -> str:
    return (db.parent / f"{db.stem}.log").read_text(encoding="utf-8", errors="replace")[-2000:]


def _rows(db: Path) -> dict[str, Counter[tuple[Any, ...]]]:
    with duckdb.connect(str(db), read_only=True) as store:
        return {
            table: Counter(map(tuple, store.execute(f"SELECT {columns} FROM {table}").fetchall()))
            for table, columns in TABLES.items()
        }


def _documents(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as store:
        row = store.execute("SELECT count(*) FROM documents").fetchone()
    return int(row[0]) if row else 0


def compare(clean: Path, resumed: Path) -> dict[str, dict[str, int]]:
    """Per table: rows of the clean store, and rows in one store and not the other (counted with
    their multiplicity, so a row stored twice counts too)."""
    expected, found = _rows(clean), _rows(resumed)
    tables = {}
    for table in TABLES:
        differing = (expected[table] - found[table]) + (found[table] - expected[table])
        tables[table] = {"rows": sum(expected[table].values()), "differing_rows": sum(differing.values())}
    return tables


def run(
    data: Path | None = None,
    documents: int = 2000,
    kills: int = 3,
    seed: int = 16,
    kill_window: tuple[float, float] = (60.0, 400.0),
) -> dict[str, Any]:
    """Ingest `documents` cleanly, and beside it with `kills` kill -9s, each a seeded random number
    of seconds within `kill_window` after its process started, then a resume; compare the stores."""
    from dateline.bench import load_texts
    from dateline.scale.bench import write_corpus

    texts, source = load_texts(data, 10**6)
    rng = random.Random(seed)
    result: dict[str, Any] = {"data": source, "documents": documents, "kills": []}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (corpus,) = write_corpus(texts, root, documents, 1)
        clean, resumed = root / "clean.duckdb", root / "resumed.duckdb"

        # The clean run and the killed ones go side by side (two cores), each on its own store.
        started = time.perf_counter()
        clean_run = _ingest(Path(corpus), clean)
        ended: list[float] = []

        def clean_ended() -> None:
            clean_run.wait()
            ended.append(time.perf_counter())

        watcher = threading.Thread(target=clean_ended)
        watcher.start()
        for _ in range(kills):
            delay = rng.uniform(*kill_window)
            process = _ingest(Path(corpus), resumed)
            time.sleep(delay)
            finished = process.poll() is not None
            if not finished:
                os.kill(process.pid, signal.SIGKILL)
            process.wait()
            stored = _documents(resumed) if resumed.exists() else 0
            kill = {"after_seconds": round(delay, 1), "documents_stored": stored, "ran_out": finished}
            result["kills"].append(kill)
        resumed_at = time.perf_counter()
        process = _ingest(Path(corpus), resumed)
        process.wait()
        seconds = time.perf_counter() - resumed_at
        result["resume"] = {"seconds": round(seconds, 1), "exit_code": process.returncode}
        watcher.join()
        result["clean"] = {"seconds": round(ended[0] - started, 1), "exit_code": clean_run.returncode}
        for name, db, proc in (("clean", clean, clean_run), ("resume", resumed, process)):
            if proc.returncode != 0:
                result[name]["stderr"] = _log(db)
                return result
        tables = compare(clean, resumed)
    result["tables"] = tables
    result["differing_rows"] = sum(t["differing_rows"] for t in tables.values())
    return result
