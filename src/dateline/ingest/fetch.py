"""Fetch news pages over HTTP(S) politely: robots.txt, a named User-Agent, caps on size and time.

A page is fetched with httpx, following redirects one hop at a time (so that
robots.txt is asked about every address, not only the first) up to a limit.
The body is read in chunks and refused as soon as it passes the size cap, and
a page that trickles in is cut off at a deadline for the whole fetch, not only
per read. Requests to one host are spaced by a politeness delay.

What comes back is read as a local file would be: an HTML page goes through
the same extraction (`extract_page`), with the final address as the document's
URL and the page's own canonical address beside it; a feed or any other format
goes through `read_member`.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from dateline import __version__
from dateline.ingest.text import IngestError
from dateline.model import RawDoc

USER_AGENT = (
    f"Dateline/{__version__} (news event coder; +https://github.com/dateline-news/dateline; "
    "honours robots.txt)"
)
# The token robots.txt groups are matched against.
ROBOTS_AGENT = "Dateline"
# A news page is well under a megabyte of HTML; a feed a few. Past this it is not one page.
MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
# Seconds for the whole fetch of one page (connect, headers and body).
TIMEOUT = 20.0
# Seconds between two requests to the same host (robots.txt's Crawl-delay may ask for more).
DELAY = 1.0
_ROBOTS_BYTES = 512 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A page that could not be fetched; the message says why in a few words."""


def is_url(value: str) -> bool:
    """Whether a command-line input is a web address rather than a path."""
    return value.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Response:
    """One fetched page: where it was asked for, where it ended, and what came back."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """A conditional GET answered 304: nothing new since the validators were given."""
        return self.status == 304


@dataclass
class Fetcher:
    """A polite HTTP client: one per run, so robots.txt and the per-host clock are shared."""

    delay: float = DELAY
    timeout: float = TIMEOUT
    max_bytes: int = MAX_PAGE_BYTES
    max_redirects: int = MAX_REDIRECTS
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    _client: httpx.Client = field(init=False, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict, repr=False)
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        # Redirects are followed by hand (robots.txt is asked about each hop); env proxies are
        # ignored so that a fetch goes where the user said.
        self._client = httpx.Client(
            headers={"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_turn(self, origin: str) -> None:
        """Sleep until this host's politeness delay has passed since our last request to it."""
        robots = self._robots.get(origin)
        crawl_delay = robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None
        gap = max(self.delay, float(crawl_delay or 0))
        with self._lock:
            last = self._last.get(origin)
            now = time.monotonic()
            wait = 0.0 if last is None else last + gap - now
            self._last[origin] = now + max(wait, 0.0)
        if wait > 0:
            self.sleep(wait)

    def _get(
        self, url: str, headers: Mapping[str, str] | None = None, cap: int | None = None
    ) -> tuple[httpx.Response, bytes]:
        """One GET and its body, read up to the cap within the deadline; FetchError on any failure."""
        cap = self.max_bytes if cap is None else cap
        deadline = time.monotonic() + self.timeout
        self._wait_turn(_origin(url))
        try:
            with self._client.stream("GET", url, headers=dict(headers or {})) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > cap:
                    raise FetchError(f"too large: {int(declared) // 1024} KB, the limit is {cap // 1024} KB")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise FetchError(f"too large: over {cap // 1024} KB")
                    if time.monotonic() > deadline:
                        raise FetchError(f"too slow: not complete after {self.timeout:g} s")
                    chunks.append(chunk)
                return response, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a valid address ({exc})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot connect ({type(exc).__name__}: {exc})") from None

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's site lets Dateline fetch it (read once per site)."""
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        robots = self._robots[origin]
        return robots is None or robots.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (everything allowed) when it has none.

        As RFC 9309 says: a robots.txt that is absent (4xx) allows everything; one
        that cannot be reached (5xx, network error) forbids everything for now.
        """
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response, content = self._get(origin + "/robots.txt", cap=_ROBOTS_BYTES)
        except FetchError:
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        if 400 <= response.status_code < 500:
            return None
        if response.status_code >= 300:
            # Redirected or failing robots.txt: play safe rather than crawl what may be forbidden.
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        parser.parse(content.decode("utf-8", "replace").splitlines())
        return parser

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET a page, following redirects to the limit; FetchError with the reason when it fails.

        With `etag` or `last_modified` the request is conditional, and a 304
        comes back as a `Response` whose `not_modified` is true.
        """
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        visited: list[str] = []
        for _ in range(self.max_redirects + 1):
            if not is_url(current):
                raise FetchError(f"not an http(s) address: {current}")
            if not self.allowed(current):
                where = "" if current == url else f" (redirected to {current})"
                raise FetchError(f"forbidden by robots.txt{where}")
            visited.append(current)
            response, content = self._get(current, headers)
            status = response.status_code
            if status in _REDIRECTS and response.headers.get("location"):
                current = urljoin(current, response.headers["location"])
                if current in visited:
                    raise FetchError(f"redirect loop ({' -> '.join([*visited, current])})")
                continue
            if status == 304:
                return Response(url, current, status, b"", etag=etag, last_modified=last_modified)
            if status >= 400 or status in _REDIRECTS:
                reason = response.reason_phrase or "error"
                raise FetchError(f"HTTP {status} {reason}")
            return Response(
                url,
                current,
                status,
                content,
                content_type=response.headers.get("content-type", ""),
                etag=response.headers.get("etag"),
                last_modified=_http_date(response.headers.get("last-modified")),
            )
        raise FetchError(f"too many redirects (more than {self.max_redirects})")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _http_date(value: str | None) -> str | None:
    """A Last-Modified value kept only when it is a real HTTP date (it is sent back verbatim)."""
    if not value:
        return None
    try:
        parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return value


def response_documents(response: Response, fmt: str = "auto") -> list[RawDoc | IngestError]:
    """The documents of a fetched page, read as a local file of that format would be.

    An HTML page is one document whose URL is the final address (after
    redirects) and whose `canonical_url` is the one the page declares.
    ValueError with the reason when it holds none.
    """
    from dateline.ingest.html import extract_page, page_doc
    from dateline.ingest.readers import read_member
    from dateline.ingest.sniff import sniff

    data = response.content
    kind = sniff(data, urlsplit(response.final_url).path or "page") if fmt == "auto" else fmt
    if "html" in response.content_type and fmt == "auto" and kind == "text":
        kind = "html"
    if kind == "html":
        if not data.strip():
            raise ValueError("empty page: there is nothing to read")
        page = extract_page(data, response.final_url)
        if not page.text.strip():
            raise ValueError("no article text found in this page")
        return [page_doc(page, response.url)]
    return list(read_member(data, response.url, kind))


def fetch_documents(
    fetcher: Fetcher, url: str, fmt: str = "auto"
) -> list[RawDoc | IngestError] | IngestError:
    """Fetch one address and read its documents, or one `IngestError` naming the URL and why."""
    try:
        return response_documents(fetcher.fetch(url), fmt)
    except FetchError as exc:
        return IngestError(url, str(exc))
    except ValueError as exc:
        return IngestError(url, str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser's surprise on a hostile page costs that page only
        return IngestError(url, f"could not be read ({type(exc).__name__}: {exc})")


def read_url_list(path: str) -> list[str]:
    """The addresses in a text file, one a line (blank lines and # comments skipped);
    ValueError naming the file and line for a line that is not an http(s) address."""
    try:
        with open(path, encoding="utf-8") as stream:
            lines = stream.read().splitlines()
    except OSError as exc:
        raise ValueError(f"--urls {path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ValueError(f"--urls {path}: not UTF-8 text") from None
    urls: list[str] = []
    for number, line in enumerate(lines, 1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if not is_url(value):
            raise ValueError(f"--urls {path}, line {number}: {value[:80]!r} is not an http(s) address")
        urls.append(value)
    return urls


def unique(urls: Sequence[str]) -> list[str]:
    """The addresses in order, each once."""
    return list(dict.fromkeys(urls))
