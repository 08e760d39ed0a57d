"""`dateline ingest URL...`: pages fetched from a local site, politely, and failures one line each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest.fetch import USER_AGENT, Fetcher, FetchError, fetch_documents
from livesite import Site, serve_site


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        running.add_articles(3)
        yield running


def test_fetcher_follows_redirects_and_keeps_final_and_canonical_urls(site: Site) -> None:
    with Fetcher(delay=0, timeout=2) as fetcher:
        docs = fetch_documents(fetcher, site.base + "/moved")
    assert not isinstance(docs, Exception) and len(docs) == 1
    doc = docs[0]
    assert doc.url == site.base + "/news/0.html"  # where the redirect ended
    assert doc.canonical_url == "https://news.example.org/a/0"  # type: ignore[union-attr]
    assert doc.path == site.base + "/moved"  # what the user asked for
    assert doc.title == "Floods force families from homes"
    assert "Flood waters rose across the river valley" in doc.text
    assert "Home" not in doc.text.split()  # the page's navigation is not article text


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404"),
        ("/loop-a", "redirect loop"),
        ("/private/secret.html", "forbidden by robots.txt"),
        ("/slow", "timed out after 1 s"),
        ("/trickle", "too slow: not complete after 1 s"),
        ("/broken", "HTTP 500"),
    ],
)
def test_fetcher_refuses_bad_pages_with_a_reason(site: Site, path: str, reason: str) -> None:
    # the reason names the cap: "/trickle" sends a byte now and then for longer than the
    # cap, so only a cap on the whole page (not on each read) ends it with this message
    with Fetcher(delay=0, timeout=1) as fetcher, pytest.raises(FetchError, match=reason):
        fetcher.fetch(site.base + path)
    if path.startswith("/private/"):
        assert site.hits(path) == 0  # robots.txt was asked first; the page never was


def test_fetcher_caps_size_while_streaming(site: Site) -> None:
    with Fetcher(delay=0, timeout=5, max_bytes=256 * 1024) as fetcher:
        with pytest.raises(FetchError, match="too large"):
            fetcher.fetch(site.base + "/huge")
        assert fetcher.fetch(site.base + "/news/0.html").status == 200  # a page under the cap is fine


def test_fetcher_sends_its_name_and_spaces_requests_to_one_host(site: Site) -> None:
    seen: list[str] = []

    class Recording(Fetcher):
        def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None):  # type: ignore[no-untyped-def]
            seen.append(self._client.headers["User-Agent"])
            return super().fetch(url, etag, last_modified)

    with Recording(delay=0.5, timeout=2) as fetcher:
        for number in range(3):
            fetcher.fetch(f"{site.base}/news/{number}.html")
    assert seen and all(agent == USER_AGENT and "Dateline/" in agent for agent in seen)
    times = site.times("/news/")
    assert len(times) == 3
    # spaced by the delay, as the server saw them; half the delay as the bound absorbs how
    # late a loaded machine delivers one request against the next (not a speed check)
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.25


def test_conditional_get_answers_not_modified(site: Site) -> None:
    with Fetcher(delay=0, timeout=2) as fetcher:
        first = fetcher.fetch(site.base + "/feed.xml")
        assert first.etag and not first.not_modified
        again = fetcher.fetch(site.base + "/feed.xml", etag=first.etag)
        assert again.not_modified and again.content == b""
        site.add_articles(1)
        assert not fetcher.fetch(site.base + "/feed.xml", etag=first.etag).not_modified


def test_ingest_urls_stores_pages_and_reports_each_failure_on_one_line(
    site: Site, tmp_path: Path, nlp: object
) -> None:
    db = tmp_path / "news.duckdb"
    listed = tmp_path / "urls.txt"
    listed.write_text(
        f"# pages to read\n{site.base}/news/1.html\n\n{site.base}/missing\n{site.base}/loop-a\n", "utf-8"
    )
    args = ["ingest", f"{site.base}/news/0.html", f"{site.base}/private/secret.html", f"{site.base}/huge"]
    result = CliRunner().invoke(
        app, [*args, "--urls", str(listed), "--db", str(db), "--delay", "0", "--timeout", "3"]
    )
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4, result.stderr
    joined = "\n".join(errors)
    for url, reason in [
        ("/private/secret.html", "forbidden by robots.txt"),
        ("/huge", "too large"),
        ("/missing", "HTTP 404"),
        ("/loop-a", "redirect loop"),
    ]:
        assert any(site.base + url in e and reason in e for e in errors), joined
    assert "2 new, 0 already stored, 4 failed" in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        urls = sorted(row[0] for row in con.execute("SELECT url FROM documents").fetchall())
        headlines = {row[0] for row in con.execute("SELECT headline FROM articles").fetchall()}
    # A page's own canonical address is kept beside the fetched one (documents keep the fetched one).
    assert urls == [f"{site.base}/news/0.html", f"{site.base}/news/1.html"]
    assert "Envoys agree to resume ceasefire talks" in headlines


def test_ingest_refuses_a_url_list_with_a_bad_line(tmp_path: Path) -> None:
    listed = tmp_path / "urls.txt"
    listed.write_text("https://example.org/a\nftp://example.org/b\n", "utf-8")
    result = CliRunner().invoke(app, ["ingest", "--urls", str(listed), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "line 2" in result.stderr and "not an http(s) address" in result.stderr
    assert "Traceback" not in result.output
    nothing = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb")])
    assert nothing.exit_code == 2 and "nothing to ingest" in nothing.stderr
