"""A server that holds: many clients on every endpoint at once, for a fixed time, on loopback.

`dateline serve` runs as its own process over a store built from real articles, as a
user would start it. `clients` threads then ask it, each in turn, for every API
endpoint and dashboard page, with ids taken from the store and varied searches. Two of
the 21 kinds of address carry an offset that changes with every request, so about one
request in ten is computed afresh; the others are computed once and then replayed from
the server's kept answers, as the store does not change during the run. The figures are
the requests answered, the errors (any status but 200, or no answer within `timeout`
seconds), and latency percentiles.
"""

from __future__ import annotations

import itertools
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.bench.live import Readings, _free_port, serve, stop_server
from dateline.model import RawDoc

WORDS = ("president", "minister", "talks", "attack", "summit", "police", "sanctions", "election")


def _addresses(client: Any, rounds: int = 50) -> list[str]:
    """Every endpoint, `rounds` times, with real ids and varying searches; `{turn}` is an offset
    that changes with every request (so those pages are always computed, never replayed)."""
    events = client.get("/api/events", params={"limit": 200}).json()["items"]
    actors = client.get("/api/actors", params={"limit": 100}).json()["items"]
    stories = client.get("/api/stories", params={"limit": 100}).json()["items"]
    found = []
    for n in range(rounds):
        event, actor = events[n % len(events)], actors[n % len(actors)]
        story = stories[n % len(stories)]["id"] if stories else "none"
        word = WORDS[n % len(WORDS)]
        found += [
            "/api/events?limit=20&offset={turn}",
            f"/api/events?q={word}&order=oldest",
            "/api/events?country=USA&type=CONSULT&since=2018",
            f"/api/events.csv?q={word}",
            f"/api/events/{event['id']}",
            f"/api/actors?q={word[:4]}",
            f"/api/actors/{actor['id']}",
            f"/api/articles/{event['article_id']}",
            f"/api/stories?limit=10&offset={n % 20}",
            f"/api/stories/{story}",
            "/api/timeline?actor=USA&actor=CHN",
            "/",
            "/events?offset={turn}",
            f"/event/{event['id']}",
            f"/actors?q={word[:3]}",
            f"/actor/{actor['id']}",
            f"/article/{event['article_id']}",
            "/stories",
            f"/story/{story}",
            "/dyad/USA/CHN",
            "/openapi.json",
        ]
    return found


def run(
    docs: Sequence[RawDoc], clients: int = 100, seconds: float = 60.0, timeout: float = 30.0
) -> dict[str, Any]:
    """`clients` concurrent clients on every endpoint of `dateline serve` for `seconds`."""
    import httpx

    from dateline.pipeline import process_documents
    from dateline.store import Store
    from dateline.stories.refresh import refresh_stories

    with tempfile.TemporaryDirectory() as folder:
        db, log = Path(folder) / "load.duckdb", Path(folder) / "serve.log"
        with Store(db) as store:
            for result in process_documents(docs):
                store.save(result)
            refresh_stories(store)
            events = len(store.events())
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = None
        try:
            server = serve(db, port, log)
            with httpx.Client(base_url=base, timeout=timeout) as client:
                addresses = _addresses(client)
            turns = itertools.count()
            readings = Readings()
            stop = time.monotonic() + seconds

            def ask() -> None:
                with httpx.Client(base_url=base, timeout=timeout) as client:
                    while time.monotonic() < stop:
                        turn = next(turns)
                        path = addresses[turn % len(addresses)].replace("{turn}", str(turn % events))
                        readings.get(client, path)

            threads = [threading.Thread(target=ask, daemon=True) for _ in range(clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(seconds + timeout + 30)
        finally:
            stop_server(server)
    figures = readings.figures()
    return {
        "clients": clients,
        "seconds": seconds,
        "events": events,
        "addresses": len(set(addresses)),
        "requests_per_s": round(figures["requests"] / seconds, 1),
        **figures,
    }
