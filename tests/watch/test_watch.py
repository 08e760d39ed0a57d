"""`dateline watch` on a local news site: every new article once, across restarts and kill -9."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest.fetch import Fetcher
from dateline.store import Store
from dateline.watch import Watcher, parse_every
from livesite import Site, serve_site


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        running.add_articles(3)
        yield running


def stored_paths(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(row[0] for row in con.execute("SELECT path FROM documents").fetchall())


def watch_once(db: Path, *sources: str, delay: str = "0") -> tuple[int, str]:
    result = CliRunner().invoke(app, ["watch", *sources, "--once", "--db", str(db), "--delay", delay])
    return result.exit_code, result.stderr


def test_watch_ingests_new_articles_once_and_respects_robots_and_the_delay(
    site: Site, tmp_path: Path, nlp: object
) -> None:
    db = tmp_path / "news.duckdb"
    feed = site.base + "/feed.xml"
    code, stderr = watch_once(db, feed, delay="0.3")
    # The feed links a page robots.txt forbids: one error line, never a request for it.
    assert code == 2, stderr
    assert "private/secret.html: forbidden by robots.txt" in stderr
    assert site.hits("/private/secret.html") == 0
    assert "3 new, 0 copies, 1 failed" in stderr
    assert stored_paths(db) == [f"{site.base}/news/{n}.html" for n in range(3)]
    times = site.times("/news/")
    # spaced by the delay as the server saw them; half the delay as the bound, because a
    # loaded machine may deliver one request late and the next on time (no speed check)
    assert len(times) == 3 and min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.15

    # Nothing new: the feed answers 304 to the conditional GET, and no article is fetched again.
    code, stderr = watch_once(db, feed)
    assert code == 0 and "0 new, 0 copies, 0 failed" in stderr, stderr
    assert all(site.hits(f"/news/{n}.html") == 1 for n in range(3))

    # Two new articles: only they are fetched, and the stories include them.
    site.add_articles(2)
    code, stderr = watch_once(db, feed)
    assert code == 0 and "2 new" in stderr, stderr
    assert all(site.hits(f"/news/{n}.html") == 1 for n in range(5))
    assert site.hits("/private/secret.html") == 0
    with duckdb.connect(str(db), read_only=True) as con:
        unassigned = con.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
        ).fetchone()
    assert unassigned == (0,)


def test_watch_finds_a_sites_feed_and_reads_sitemaps(site: Site, tmp_path: Path, nlp: object) -> None:
    code, stderr = watch_once(tmp_path / "a.duckdb", site.base + "/")
    assert "3 new" in stderr, stderr
    code, stderr = watch_once(tmp_path / "b.duckdb", site.base + "/sitemap.xml")
    assert code == 0 and "3 new, 0 copies, 0 failed" in stderr, stderr


def test_a_failing_feed_backs_off_and_bad_options_are_one_line(site: Site, tmp_path: Path) -> None:
    clock = [dt.datetime(2026, 1, 1, 12, 0)]
    with Store(tmp_path / "s.duckdb") as store, Fetcher(delay=0, timeout=2) as fetcher:
        watcher = Watcher(store, fetcher, [site.base + "/broken"], every=60, now=lambda: clock[0])
        assert watcher.poll().failed == 1
        watcher.poll()  # within the back-off: not asked again
        assert site.hits("/broken") == 1
        clock[0] += dt.timedelta(seconds=61)
        watcher.poll()
        assert site.hits("/broken") == 2
        clock[0] += dt.timedelta(seconds=61)  # the second failure doubled the wait to 120 s
        watcher.poll()
        assert site.hits("/broken") == 2
    assert parse_every("15m") == 900 and parse_every("90s") == 90 and parse_every("2h") == 7200
    for args, message in [
        (["watch", "feeds.txt"], "not a web address"),
        (["watch", site.base + "/feed.xml", "--every", "soon"], "not a duration"),
    ]:
        result = CliRunner().invoke(app, [*args, "--db", str(tmp_path / "x.duckdb")])
        assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


def _triggers(db: Path) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {row[0] for row in con.execute("SELECT trigger FROM events").fetchall()}


def test_watch_codes_with_the_users_lexicon(
    site: Site, tmp_path: Path, nlp: object, restored_lexicon: None
) -> None:
    feed = site.base + "/feed.xml"
    code, stderr = watch_once(tmp_path / "shipped.duckdb", feed)
    assert {"agreed", "protested"} <= _triggers(tmp_path / "shipped.duckdb"), stderr
    bad = tmp_path / "bad.tsv"
    bad.write_text("nouns\tfoo\n", encoding="utf-8")
    hits = site.hits("/news/0.html")
    result = CliRunner().invoke(
        app, ["watch", feed, "--once", "--db", str(tmp_path / "x.duckdb"), "--lexicon", str(bad)]
    )
    assert result.exit_code == 2 and "no table 'nouns'" in result.stderr
    assert site.hits("/news/0.html") == hits and not (tmp_path / "x.duckdb").exists()
    # The user's rows take two verbs out: those events are not coded from the same articles.
    mine = tmp_path / "mine.tsv"
    mine.write_text("-verbs\tagree\n-verbs\tprotest\n", encoding="utf-8")
    args = [
        "watch",
        feed,
        "--once",
        "--db",
        str(tmp_path / "mine.duckdb"),
        "--delay",
        "0",
        "--lexicon",
        str(mine),
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "3 new" in result.stderr, result.stderr  # 2: robots.txt forbids one link
    found = _triggers(tmp_path / "mine.duckdb")
    assert found and not {"agreed", "protested"} & found


def _watch_process(db: Path, feed: str, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    command = [sys.executable, "-m", "dateline.cli", "watch", feed, "--db", str(db), "--every", "1h"]
    with log.open("ab") as out:
        return subprocess.Popen([*command, "--delay", "0.2"], stdout=out, stderr=out, env=env)


def test_watch_survives_kill_9_and_ctrl_c_without_fetching_a_stored_article_again(
    site: Site, tmp_path: Path
) -> None:
    site.add_articles(9)  # twelve in all
    db, log, feed = tmp_path / "news.duckdb", tmp_path / "watch.log", site.base + "/feed.xml"
    process = _watch_process(db, feed, log)
    deadline = time.monotonic() + 180  # generous: a loaded machine starts and parses slowly
    while site.hits("/news/3.html") == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    before = set(stored_paths(db))
    assert before, log.read_text()

    # Restarted: it goes on where it stopped; Ctrl-C once it is idle ends it cleanly.
    process = _watch_process(db, feed, log)
    deadline = time.monotonic() + 180  # generous: a loaded machine starts and parses slowly
    # Watched through the site and the log: a reader of the store would hold its lock.
    while "news/11.html" not in log.read_text() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    assert process.wait(20) == 0, log.read_text()
    assert stored_paths(db) == sorted(f"{site.base}/news/{n}.html" for n in range(12))
    for path in before:
        assert site.hits(path.removeprefix(site.base)) == 1  # stored before the kill: never again
    # At most the article in hand at the kill was fetched twice.
    assert sum(site.hits(f"/news/{n}.html") for n in range(12)) <= 13
    assert "Traceback" not in log.read_text()
