"""API latency for filtered event queries on a large store, measured in-process.

The store is built from real articles, then its events are copied up to the
requested size; each query shape is asked many times and the percentiles of
the whole mix are reported.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.model import RawDoc

QUERIES: tuple[dict[str, str], ...] = (
    {"country": "USA"},
    {"country": "KOR", "type": "CONSULT"},
    {"since": "2019-01-01", "until": "2019-06-30"},
    {"q": "summit"},
    {"type": "ASSAULT"},
    {"actor": "joe biden"},
    {},
    {"offset": "5000"},
)


def run(docs: Sequence[RawDoc], events: int = 1_000_000, rounds: int = 20) -> dict[str, Any]:
    """p50/p95 in milliseconds of GET /api/events over QUERIES on a store of `events` events."""
    from fastapi.testclient import TestClient

    from dateline.api import create_app
    from dateline.pipeline import process_documents
    from dateline.store import Store
    from dateline.stories.refresh import refresh_stories

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        with Store(path) as store:
            for result in process_documents(docs):
                store.save(result)
            refresh_stories(store)
            total = store.multiply_events(events)
        client = TestClient(create_app(str(path)))
        latencies: list[float] = []
        per_query: dict[str, float] = {}
        for query in QUERIES:
            mine = []
            for _ in range(rounds):
                started = time.perf_counter()
                response = client.get("/api/events", params={**query, "limit": "50"})
                mine.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
            per_query[str(query)] = round(statistics.median(mine), 1)
            latencies += mine
    latencies.sort()
    return {
        "events": total,
        "requests": len(latencies),
        "p50_ms": round(latencies[len(latencies) // 2], 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)], 1),
        "median_ms_by_query": per_query,
    }
