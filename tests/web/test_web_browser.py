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
from typing import Any

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
TURKEY = (
    "ANKARA (Reuters) - Turkish President Tayyip Erdoğan met Swedish Prime Minister Ulf Kristersson "
    "in Ankara on Tuesday, March 14, 2023.\n"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seed_text: str, nlp: object) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "d.duckdb"
    with Store(db) as store:
        store.save(process_document(RawDoc(text=seed_text, path="korea.txt")))
        # A name with an accent, for the search that ignores accents.
        store.save(process_document(RawDoc(text=TURKEY, path="turkey.txt", url="https://example.org/ankara")))
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


@pytest.fixture()
def page(server: str) -> Iterator[Any]:
    """A fresh page that records every request it makes; the test fails if one left the machine."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            opened = browser.new_page(accept_downloads=True)
            requests: list[str] = []
            opened.on("request", lambda r: requests.append(r.url))
            yield opened
            remote = [r for r in requests if not r.startswith((server, "data:", "blob:"))]
            assert not remote, f"the dashboard loaded something remote: {remote}"
        finally:
            browser.close()


def test_overview_has_a_time_axis_legend_map_and_country_pairs(server: str, page: Any) -> None:
    page.goto(server)
    page.wait_for_selector("svg.timechart")
    assert "CONSULT" in page.inner_text(".legend")
    assert page.locator("svg.worldmap path").count() > 150  # the world outline, from the package
    assert page.locator("svg.worldmap circle.event-dot").count() >= 1  # events where they happened
    page.screenshot(path=str(SCREENSHOTS / "overview.png"), full_page=True)
    page.click("p.dyads a >> nth=0")
    page.wait_for_selector("h1")
    assert "events between them" in page.inner_text("h1")
    page.screenshot(path=str(SCREENSHOTS / "dyad.png"), full_page=True)


def test_events_page_newest_first_paging_search_and_download(server: str, page: Any) -> None:
    page.goto(f"{server}/events?limit=2")
    first = page.inner_text("nav.pages >> nth=0")
    assert first.startswith("1–2 of ")
    newest = page.locator("table.events tbody tr td:first-child").all_inner_texts()
    assert newest == sorted(newest, reverse=True)
    page.click("nav.pages >> nth=0 >> a.next")
    page.wait_for_selector("nav.pages")
    assert page.inner_text("nav.pages >> nth=0").startswith("3–4 of ")
    assert page.locator("table.events tbody tr td:first-child").all_inner_texts()[0] <= newest[-1]
    page.screenshot(path=str(SCREENSHOTS / "events-page-2.png"), full_page=True)
    # Accents are ignored: typed without, found with.
    page.goto(f"{server}/events")
    page.fill("input[name=q]", "Erdogan")
    page.click("form.filters button")
    page.wait_for_selector("table.events")
    assert "Erdoğan" in page.inner_text("table.events")
    page.screenshot(path=str(SCREENSHOTS / "events-search.png"), full_page=True)
    with page.expect_download() as download:
        page.click("a.download >> nth=0")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith('"event_id","event_date",') and "Erdoğan" in text and len(text.splitlines()) == 2


def test_actors_search_and_every_report_of_an_event(server: str, page: Any) -> None:
    page.goto(f"{server}/actors")
    # typed with the accent, found without: the actor takes the officeholder table's spelling
    page.fill("input[name=q]", "erdoğan")
    page.click("form.filters button")
    page.wait_for_selector("table.actors")
    assert "Recep Tayyip Erdogan" in page.inner_text("table.actors")
    page.screenshot(path=str(SCREENSHOTS / "actors-search.png"), full_page=True)
    page.goto(f"{server}/events?q=Kristersson")
    page.click("table.events td.type a")
    page.wait_for_selector("ul.reports")
    assert page.locator("ul.reports a[href='https://example.org/ankara']").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "event-reports.png"), full_page=True)


def test_api_docs_render_offline(server: str, page: Any) -> None:
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert "/api/events" in page.inner_text(".swagger-ui")
    page.screenshot(path=str(SCREENSHOTS / "docs.png"))
    page.goto(f"{server}/redoc")
    page.wait_for_selector("h1:has-text('Dateline')", timeout=20_000)
    assert "Download Events" in page.inner_text("body")
    page.screenshot(path=str(SCREENSHOTS / "redoc.png"))
