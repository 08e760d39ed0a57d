"""The dashboard in a real browser: `dateline serve` on loopback, driven by headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.model import RawDoc
from dateline.pipeline import process_document
from dateline.store import Store
from dateline.stories.refresh import refresh_stories

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

SCREENSHOTS = Path(os.environ.get("DATELINE_SCREENSHOTS", "build/screenshots"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seed_text: str, nlp: object) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "d.duckdb"
    with Store(db) as store:
        store.save(process_document(RawDoc(text=seed_text, path="korea.txt")))
        refresh_stories(store)
    port = _free_port()
    command = [sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError((process.stderr.read() if process.stderr else b"").decode()) from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_story_page_click_through_to_an_event(server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(f"{server}/stories")
            page.click("text=S. Korea's new top nuclear envoy")
            page.wait_for_selector("table.timeline")
            assert "Noh Kyu-duk" in page.inner_text("table.timeline")
            page.screenshot(path=str(SCREENSHOTS / "story.png"), full_page=True)
            page.click("a.event-link")
            page.wait_for_selector("blockquote.evidence mark")
            assert page.inner_text("blockquote.evidence mark") == "spoke"
            page.click("text=Noh Kyu-duk")
            page.wait_for_selector("svg")
            page.screenshot(path=str(SCREENSHOTS / "actor.png"), full_page=True)
            assert all(r.startswith(server) for r in requests), "the dashboard loaded something remote"
        finally:
            browser.close()
