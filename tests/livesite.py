"""A small news site on 127.0.0.1 for fetch and watch tests: never the internet.

Importable from any test because pytest puts `tests/` (the root conftest's folder) on sys.path.
The site serves articles and an RSS feed of them, robots.txt forbidding /private/, a slow
page, a page that trickles, a 404, a redirect and a redirect loop, and a huge page; it
logs every request (path and time) so tests can check what was fetched and when.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = "User-agent: *\nDisallow: /private/\n"

STORIES = [
    (
        "Floods force families from homes",
        "Flood waters rose across the river valley on Tuesday as heavy rain fell for a third day, "
        "forcing hundreds of families to leave their homes, officials said. Emergency crews used "
        "boats to reach villages cut off by the water, and the regional government opened schools "
        "as shelters for those who had nowhere else to go.",
    ),
    (
        "Envoys agree to resume ceasefire talks",
        "Negotiators from both sides agreed on Sunday to resume ceasefire talks next week, the "
        "Qatari foreign ministry said. The talks had stalled in March after a dispute over prisoner "
        "exchanges and the timing of a withdrawal, and mediators had spent weeks on a new draft.",
    ),
    (
        "Farmers block roads in Brussels over trade deal",
        "Hundreds of tractors blocked the streets around the European Parliament on Monday as "
        "farmers protested against a proposed trade agreement. Police used water cannon to "
        "disperse crowds near the parliament building, officials said, and several roads stayed "
        "closed into the evening while talks went on inside.",
    ),
    (
        "Japan and South Korea hold talks on North Korea",
        "South Korea's chief nuclear envoy spoke by phone with his Japanese counterpart on "
        "Wednesday in their first talks since his appointment earlier this week, the foreign "
        "ministry said. The two discussed ways to resume diplomacy with North Korea and agreed "
        "to keep close contact in the weeks ahead.",
    ),
]


def article_html(number: int, canonical: str | None = None) -> str:
    """A news page with one of the stories (numbers past the list reuse them with a new lead)."""
    title, body = STORIES[number % len(STORIES)]
    lead = f"Story {number}: " if number >= len(STORIES) else ""
    head = f"<title>{title}</title>" + (f'<link rel="canonical" href="{canonical}">' if canonical else "")
    paragraphs = "".join(f"<p>{lead}{sentence.strip()}.</p>" for sentence in body.split(". ") if sentence)
    nav = "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    article = f"<article><h1>{title}</h1>{paragraphs}</article>"
    return f"<html><head>{head}</head><body>{nav}{article}</body></html>"


class Site:
    """The site's content and its request log; articles can be added while it runs."""

    def __init__(self) -> None:
        self.articles: list[str] = []  # paths, newest last
        self.requests: list[tuple[str, float]] = []
        self.lock = threading.Lock()
        self.feed_version = 0
        self.robots = ROBOTS
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add_articles(self, count: int) -> list[str]:
        """Publish `count` new articles (in the feed too); their URLs."""
        with self.lock:
            start = len(self.articles)
            paths = [f"/news/{n}.html" for n in range(start, start + count)]
            self.articles.extend(paths)
            self.feed_version += 1
        return [self.base + p for p in paths]

    def hits(self, path: str) -> int:
        """How many times a path was requested."""
        with self.lock:
            return sum(1 for p, _ in self.requests if p == path)

    def times(self, prefix: str = "") -> list[float]:
        with self.lock:
            return [t for p, t in self.requests if p.startswith(prefix)]

    def feed(self) -> str:
        items = "".join(
            f"<item><title>{STORIES[int(p.split('/')[-1].split('.')[0]) % len(STORIES)][0]}</title>"
            f"<link>{self.base}{p}</link><description>A short teaser.</description></item>"
            for p in reversed(self.articles)
        )
        forbidden = f"<item><title>Members only</title><link>{self.base}/private/secret.html</link></item>"
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Test News</title>'
            f"<link>{self.base}/</link>{items}{forbidden}</channel></rss>"
        )


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:  # quiet
        return

    def _send(self, status: int, body: bytes | str, kind: str = "text/html", **headers: str) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: C901 - one branch per test page
        site = self.site
        path = self.path.split("?", 1)[0]
        with site.lock:
            site.requests.append((path, time.monotonic()))
        try:
            if path == "/robots.txt":
                self._send(200, site.robots, "text/plain")
            elif path == "/feed.xml":
                etag = f'"v{site.feed_version}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self._send(200, site.feed(), "application/rss+xml", ETag=etag, Last_Modified=formatdate())
            elif path == "/":
                link = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
                self._send(200, f"<html><head><title>Test News</title>{link}</head><body>Home</body></html>")
            elif path == "/sitemap.xml":
                urls = "".join(f"<url><loc>{site.base}{p}</loc></url>" for p in site.articles)
                xmlns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
                self._send(200, f'<?xml version="1.0"?><urlset {xmlns}>{urls}</urlset>', "application/xml")
            elif path in site.articles:
                number = int(path.split("/")[-1].split(".")[0])
                self._send(200, article_html(number, canonical=f"https://news.example.org/a/{number}"))
            elif path.startswith("/private/"):
                self._send(200, article_html(0))
            elif path == "/moved":
                self._send(301, "", Location="/news/0.html")
            elif path in ("/loop-a", "/loop-b"):
                self._send(302, "", Location="/loop-b" if path == "/loop-a" else "/loop-a")
            elif path == "/slow":
                time.sleep(3)
                self._send(200, article_html(1))
            elif path == "/trickle":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(30):
                    self.wfile.write(b"<p>" + b"x" * 64 + b"</p>\n")
                    self.wfile.flush()
                    time.sleep(0.1)
            elif path == "/huge":
                # No Content-Length: the cap must hold while the body streams in.
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                chunk = b"<p>" + b"filler " * 1000 + b"</p>\n"
                for _ in range(11 * 1024 * 1024 // len(chunk) + 2):
                    self.wfile.write(chunk)
            elif path == "/broken":
                self._send(500, "Internal error")
            else:
                self._send(404, "Not found")
        except (BrokenPipeError, ConnectionResetError):
            return


@contextmanager
def serve_site(site: Site | None = None) -> Iterator[Site]:
    """Run the site on an ephemeral loopback port for the duration of the block."""
    site = site or Site()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
