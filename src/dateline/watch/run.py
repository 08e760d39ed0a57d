"""Poll feeds and sitemaps, fetch each new article once, ingest it and refresh the stories.

A round polls every watched address whose back-off has passed, with a
conditional GET (its ETag and Last-Modified from the last poll), lists its
article links, and fetches those not seen before, oldest first, each through
the polite `Fetcher` (robots.txt, per-host delay). Each article is processed
and stored on its own, so a stop (Ctrl-C sets `stop`) or a crash loses at most
the article in hand; the seen-set in the store (`dateline.store.watch`) makes
the next run go on from there without fetching anything twice.

A feed that fails is polled again after a back-off that doubles with each
failure in a row, up to `MAX_BACKOFF`; it is saved in the store, so a cron job
running `--once` backs off too.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dateline.ingest.feed import FeedError
from dateline.ingest.fetch import Fetcher, FetchError, response_documents
from dateline.ingest.sniff import sniff
from dateline.model import Actor, ProcessedDoc, RawDoc
from dateline.store import Store
from dateline.store.watch import FeedState, WatchState
from dateline.watch.sources import announced_feeds, feed_links, sitemap_kind, sitemap_links

MAX_BACKOFF = 6 * 3600.0
# Stories are refreshed after this many new articles, and at the end of each source, so that a
# dashboard over the store shows new news while a long backlog is still being read.
REFRESH_EVERY = 25
# A fetch failure that may pass: the article is tried again on a later round.
_PASSING = re.compile(r"timed out|too slow|cannot connect|HTTP (?:5\d\d|429|408)")
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}

# (kind, where, message): kind is "new", "error" or "info"; the CLI decides how to say it.
Report = Callable[[str, str, str], None]
# (documents, registry, overrides) -> (processed documents, why others failed).
Processor = Callable[[list[RawDoc], Any, Any], tuple[list[ProcessedDoc], list[str]]]


def process_here(docs: list[RawDoc], registry: Any, overrides: Any) -> tuple[list[ProcessedDoc], list[str]]:
    """Process documents in this process: the processed ones, and a reason for each that failed."""
    from dateline.pipeline import process_documents

    problems: list[str] = []
    results = list(
        process_documents(
            docs,
            registry=registry,
            overrides=overrides,
            on_error=lambda doc, exc: problems.append(f"not processed ({type(exc).__name__}: {exc})"),
        )
    )
    return results, problems


def _background() -> None:
    """Lower the worker's CPU priority: on a busy machine the readers' answers come first and the
    parser takes the CPU they leave."""
    import contextlib
    import os

    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)


class WorkerProcessor:
    """Process documents in a worker process, so that the parser's CPU time does not hold this
    process's GIL: a server that watches keeps answering its readers while articles are parsed."""

    def __init__(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: this process runs threads (the web server's) that a fork would copy mid-work.
        self._pool = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_background
        )

    def __call__(
        self, docs: list[RawDoc], registry: Any, overrides: Any
    ) -> tuple[list[ProcessedDoc], list[str]]:
        if not docs:
            return [], []
        return self._pool.submit(process_here, docs, registry, overrides).result()

    def close(self) -> None:
        """Stop the worker process."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def parse_every(value: str) -> float:
    """'15m', '90s', '2h', '1d' or a number of minutes -> seconds; ValueError if not a duration."""
    found = _EVERY.match(value)
    if not found:
        raise ValueError(f"--every {value!r}: not a duration; use e.g. 90s, 15m, 2h")
    amount = float(found.group(1)) * _UNITS[(found.group(2) or "m").casefold()]
    if amount < 1:
        raise ValueError(f"--every {value!r}: must be at least one second")
    return amount


@dataclass
class Tally:
    """What one round did."""

    new: int = 0
    copies: int = 0
    failed: int = 0
    not_modified: int = 0
    stories: int = 0
    fetched: list[str] = field(default_factory=list)


class Watcher:
    """Watch addresses (feeds, sitemaps, or sites that announce a feed) into one store."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        sources: Sequence[str],
        every: float = 900.0,
        report: Report | None = None,
        stop: threading.Event | None = None,
        overrides: Mapping[str, Actor] | None = None,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        process: Processor | None = None,
    ) -> None:
        self.store = store
        self.state = WatchState(store)
        self.fetcher = fetcher
        self.sources = list(dict.fromkeys(sources))
        self.every = every
        self.report: Report = report or (lambda kind, where, message: None)
        self.stop = stop or threading.Event()
        self.overrides = overrides
        self.now = now
        self.process: Processor = process or process_here

    def run(self, once: bool = False) -> Tally:
        """Poll round after round, `every` seconds apart, until `stop` is set (or once)."""
        total = Tally()
        while not self.stop.is_set():
            tally = self.poll()
            total.new += tally.new
            total.copies += tally.copies
            total.failed += tally.failed
            total.stories += tally.stories
            if once:
                break
            self.stop.wait(self.every)
        return total

    def poll(self) -> Tally:
        """One round over every watched address."""
        tally = Tally()
        # No corpus registry, as in `dateline ingest`: what an article codes must not depend
        # on which articles happened to be stored before it (issue 16: same input, same store).
        registry = None
        for source in self.sources:
            if self.stop.is_set():
                break
            self._poll_source(source, tally, registry, depth=0)
            self._refresh(tally)
        return tally

    def _refresh(self, tally: Tally) -> None:
        from dateline.stories.refresh import refresh_stories

        tally.stories += refresh_stories(self.store)

    def _poll_source(self, source: str, tally: Tally, registry: object, depth: int) -> None:
        state = self.state.feed(source)
        now = self.now()
        if state.next_at is not None and now < state.next_at:
            self.report(
                "info", source, f"backing off after {state.failures} failures until {state.next_at:%H:%M}"
            )
            return
        try:
            response = self.fetcher.fetch(source, state.etag, state.last_modified)
            if response.not_modified:
                tally.not_modified += 1
                self.state.save_feed(replace(state, failures=0, next_at=None))
                self.report("info", source, "not modified")
                return
            links = self._links(source, response.content, response.final_url, response.content_type)
        except (FetchError, FeedError) as exc:
            failures = state.failures + 1
            wait = min(self.every * 2 ** (failures - 1), MAX_BACKOFF)
            self.state.save_feed(
                replace(state, failures=failures, next_at=now + dt.timedelta(seconds=wait)), str(exc)
            )
            tally.failed += 1
            self.report("error", source, f"{exc}; next try in {wait / 60:.0f} min")
            return
        if isinstance(links, _Feeds):
            # A site's page: watch the feeds it announces (their own validators and back-off).
            self.state.save_feed(FeedState(source))
            for feed in links.feeds:
                if not self.stop.is_set():
                    self._poll_source(feed, tally, registry, depth + 1)
            return
        seen = self.state.seen()
        fresh = [link for link in dict.fromkeys(links) if link not in seen]
        complete = True
        # Feeds list the newest first: read the oldest first, so a stop leaves a clean edge.
        for link in reversed(fresh):
            if self.stop.is_set():
                complete = False
                break
            if self.state.is_seen(link):  # another watcher on this store may have taken it
                continue
            complete = self._article(link, source, tally, registry) and complete
            if tally.new and tally.new % REFRESH_EVERY == 0:
                self._refresh(tally)
        # The validators are kept only once every link was dealt with: after a stop, a crash or
        # an article to try again, the next poll must read the whole list, not get a 304.
        self.state.save_feed(
            FeedState(source, response.etag, response.last_modified) if complete else FeedState(source)
        )

    def _links(self, source: str, data: bytes, base: str, content_type: str) -> list[str] | _Feeds:
        kind = sitemap_kind(data)
        if kind == "urlset":
            return sitemap_links(data, base)
        if kind == "sitemapindex":
            links: list[str] = []
            for child in sitemap_links(data, base)[:20]:
                if self.stop.is_set():
                    break
                response = self.fetcher.fetch(child)
                if sitemap_kind(response.content) == "urlset":
                    links.extend(sitemap_links(response.content, response.final_url))
            return links
        if sniff(data, base) == "rss":
            return feed_links(data, base)
        if "html" in content_type or sniff(data, base) == "html":
            feeds = [f for f in announced_feeds(data, base) if f != source]
            if feeds:
                return _Feeds(feeds)
            raise FeedError("a web page that announces no RSS/Atom feed; give the feed's address")
        raise FeedError("neither a feed nor a sitemap")

    def _article(self, url: str, source: str, tally: Tally, registry: object) -> bool:
        """Fetch, process and store one article, and record what came of it; False when it is
        to be tried again."""
        tally.fetched.append(url)
        try:
            response = self.fetcher.fetch(url)
            docs = [d for d in response_documents(response) if isinstance(d, RawDoc)]
        except FetchError as exc:
            passing = bool(_PASSING.search(str(exc)))
            self.state.mark(url, source, "retry" if passing else "skipped", str(exc))
            tally.failed += 1
            self.report("error", url, str(exc) + ("; will try again" if passing else ""))
            return not passing
        except Exception as exc:  # noqa: BLE001 - a page no reader can use costs that page only
            self.state.mark(url, source, "skipped", str(exc))
            tally.failed += 1
            self.report("error", url, str(exc))
            return True
        stored = 0
        fresh = [d for d in docs if not self.store.has_document(d.id)]
        results, problems = self.process(fresh, registry, self.overrides)
        for result in results:
            if self.store.save(result):
                stored += 1
        if stored:
            tally.new += stored
            self.state.mark(url, source, "stored")
            self.report("new", url, (docs[0].title or "") if docs else "")
        elif problems:
            self.state.mark(url, source, "failed", problems[0])
            tally.failed += 1
            self.report("error", url, problems[0])
        else:
            tally.copies += 1
            self.state.mark(url, source, "copy", "its text is stored already")
            self.report("info", url, "a copy of a stored page")
        return True


@dataclass(frozen=True)
class _Feeds:
    """The feeds a site's page announces, to be polled in its place."""

    feeds: list[str]
