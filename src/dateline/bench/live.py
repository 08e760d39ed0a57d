"""Serve while ingesting: readers' latency and errors while `dateline serve --watch` ingests a feed.

A local site (127.0.0.1, an ephemeral port) publishes the texts as HTML pages
and one RSS feed linking them all. `dateline serve --watch FEED` runs as its own
process, as a user would start it, and `readers` threads ask it for the
dashboard and API pages in a loop until every article is stored. The figures
are the readers' latencies (p50, p95, max), their errors, and the ingest rate.
"""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

# What a dashboard user and an API client ask for, in turn.
READS = ("/api/events?limit=50", "/api/stories?limit=20", "/", "/api/events?limit=50&newest=true", "/stories")


def _site(texts: Sequence[str], published: threading.Event) -> ThreadingHTTPServer:
    """The site; its feed lists the pages once `published` is set (empty before)."""
    pages = {}
    for number, text in enumerate(texts):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        title = html.escape(lines[0][:120] if lines else f"Story {number}")
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        pages[f"/news/{number}.html"] = (
            f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
        ).encode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_GET(self) -> None:
            host = f"http://127.0.0.1:{server.server_address[1]}"
            if self.path == "/feed.xml":
                listed = pages if published.is_set() else {}
                items = "".join(f"<item><title>{n}</title><link>{host}{n}</link></item>" for n in listed)
                channel = f"<channel><title>Bench</title>{items}</channel>"
                data = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
                body, kind, status = data.encode(), "application/rss+xml", 200
            elif self.path in pages:
                body, kind, status = pages[self.path], "text/html; charset=utf-8", 200
            else:
                body, kind, status = b"", "text/plain", 404  # robots.txt too: everything allowed
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(db: Path, port: int, log: Path, *options: str) -> subprocess.Popen[bytes]:
    """`dateline serve` of `db` on `port` in a child process (its output into `log`), once it answers."""
    import httpx

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    command = [sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port), *options]
    with log.open("wb") as out:
        server = subprocess.Popen(command, stdout=out, stderr=out, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    return server


def stop_server(server: subprocess.Popen[bytes] | None) -> None:
    """End a server started by `serve` (nothing to do when it never started)."""
    if server is not None:
        server.terminate()
        server.wait(30)


class Readings:
    """The latency and outcome of every request that reader threads make, gathered under a lock."""

    def __init__(self) -> None:
        self._latencies: list[float] = []
        self._errors: list[str] = []
        self._lock = threading.Lock()

    def get(self, client: httpx.Client, path: str) -> None:
        """GET `path` and note how long it took; any status but 200, or no answer, is an error."""
        import httpx

        started = time.perf_counter()
        try:
            status = client.get(path).status_code
            problem = None if status == 200 else f"{path}: HTTP {status}"
        except httpx.HTTPError as exc:
            problem = f"{path}: {type(exc).__name__}"
        elapsed = (time.perf_counter() - started) * 1000
        with self._lock:
            self._latencies.append(elapsed)
            if problem:
                self._errors.append(problem)

    def figures(self) -> dict[str, Any]:
        """Requests, errors and latency percentiles of what was read since the last call; starts anew."""
        with self._lock:
            ordered, errors = sorted(self._latencies), self._errors
            self._latencies, self._errors = [], []
        count = len(ordered)
        return {
            "requests": count,
            "errors": len(errors),
            "first_errors": errors[:3],
            "p50_ms": round(ordered[count // 2], 1) if count else None,
            "p95_ms": round(ordered[int(count * 0.95)], 1) if count else None,
            "max_ms": round(ordered[-1], 1) if count else None,
        }


def run(
    texts: Sequence[str], readers: int = 20, baseline_s: float = 15.0, limit_s: float = 3600.0
) -> dict[str, Any]:
    """Ingest `texts` through `serve --watch` while `readers` clients read; latency and error figures
    while it ingests, and for `baseline_s` seconds of reading alone before (the same server, its feed
    still empty) and after (the full store, nothing written)."""
    import httpx

    published = threading.Event()
    site = _site(texts, published)
    feed = f"http://127.0.0.1:{site.server_address[1]}/feed.xml"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server: subprocess.Popen[bytes] | None = None
    with tempfile.TemporaryDirectory() as folder:
        db, log = Path(folder) / "live.duckdb", Path(folder) / "serve.log"
        watch = ("--watch", feed, "--every", "5s", "--delay", "0")
        try:
            server = serve(db, port, log, *watch)
            readings = Readings()
            phases: dict[str, dict[str, Any]] = {}
            done = threading.Event()

            def read(number: int) -> None:
                with httpx.Client(base_url=base, timeout=10) as client:
                    turn = number
                    while not done.is_set():
                        path = READS[turn % len(READS)]
                        turn += 1
                        readings.get(client, path)

            threads = [threading.Thread(target=read, args=(n,), daemon=True) for n in range(readers)]
            for thread in threads:
                thread.start()
            time.sleep(baseline_s)
            phases["reading_only"] = readings.figures()
            published.set()
            started = time.monotonic()
            handled = 0
            while time.monotonic() - started < limit_s and server.poll() is None:
                text = log.read_text("utf-8", "replace")
                # Each article is one line of the server's log: stored, a copy, or an error.
                handled = len(re.findall(r"/news/\d+\.html", text))
                if handled >= len(texts):
                    break
                time.sleep(0.5)
            elapsed = time.monotonic() - started
            # Reading the full store with nothing being written: what the store's size alone costs.
            time.sleep(2)
            phases["while_ingesting"] = readings.figures()
            time.sleep(baseline_s)
            done.set()
            for thread in threads:
                thread.join(15)
            phases["reading_after"] = readings.figures()
            text = log.read_text("utf-8", "replace")
            # What the dashboard shows now, from the server that has been running all along.
            shown = re.search(r"<b>(\d+)</b>documents", httpx.get(base + "/", timeout=30).text)
        finally:
            stop_server(server)
            site.shutdown()
    stored = len(re.findall(r"^new http", text, re.MULTILINE))
    return {
        "articles": len(texts),
        "stored": stored,
        "dashboard_documents": int(shown.group(1)) if shown else None,
        "ingest_s": round(elapsed, 1),
        "articles_per_s": round(stored / elapsed, 2) if elapsed else None,
        "readers": readers,
        **phases,
    }
