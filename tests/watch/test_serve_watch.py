"""`dateline serve --watch FEED`: the server is the store's one writer, and keeps answering while
it ingests; new articles show without a restart. A separate writer gets a one-line reason."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from livesite import Site, serve_site

SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        running.add_articles(2)
        yield running


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stored_articles(base: str) -> int:
    answer = httpx.get(f"{base}/api/stories", params={"limit": 1000}, timeout=5)
    answer.raise_for_status()
    return sum(story["articles"] for story in answer.json()["items"])


def test_serve_watch_ingests_while_answering_and_refuses_a_second_writer(site: Site, tmp_path: Path) -> None:
    db, log, port = tmp_path / "live.duckdb", tmp_path / "serve.log", free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port)]
    command += ["--watch", site.base + "/feed.xml", "--every", "1s", "--delay", "0"]
    with log.open("wb") as out:
        server = subprocess.Popen(command, stdout=out, stderr=out, env={**os.environ, "PYTHONPATH": SRC})
    try:
        answers: list[int] = []
        deadline = time.monotonic() + 240  # generous: a loaded 2-core machine parses slowly
        count = 0
        while count < 2 and time.monotonic() < deadline:
            try:
                count = stored_articles(base)
                answers.append(200)
            except httpx.TransportError:
                time.sleep(0.2)  # not listening yet
            time.sleep(0.1)
        assert count == 2, log.read_text()
        # Published while the server runs: shown on the next poll, without a restart.
        site.add_articles(2)
        while count < 4 and time.monotonic() < deadline:
            count = stored_articles(base)
            answers.append(200)
            time.sleep(0.1)
        assert count == 4, log.read_text()
        assert len(answers) > 3  # the server kept answering through both ingests
        page = httpx.get(base + "/stories", timeout=5)
        assert page.status_code == 200 and "Japan and South Korea hold talks" in page.text

        # A second process cannot write into the served store: one line says why and what to do.
        other = CliRunner().invoke(app, ["ingest", "-", "--db", str(db)], input="Some text.\n")
        assert other.exit_code == 2
        assert "in use by another Dateline process" in other.stderr and "--watch FEED" in other.stderr
        assert "Traceback" not in other.output
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(30)
    assert "Traceback" not in log.read_text()
    assert all(site.hits(f"/news/{n}.html") == 1 for n in range(4))
