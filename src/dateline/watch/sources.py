"""What a watched address lists: the article links of an RSS/Atom feed or a (news) sitemap, and the
feeds a site's home page announces.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from dateline.ingest.feed import FeedError, _refuse_entities
from dateline.ingest.fetch import is_url

_SITEMAP_ROOT = re.compile(rb"<(?:\w+:)?(urlset|sitemapindex)\b", re.IGNORECASE)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


def sitemap_kind(data: bytes) -> str | None:
    """'urlset' or 'sitemapindex' when the bytes are a sitemap, else None."""
    found = _SITEMAP_ROOT.search(data[:4096])
    return found.group(1).decode().casefold() if found else None


def sitemap_links(data: bytes, base: str) -> list[str]:
    """The <loc> addresses of a sitemap or sitemap index (news sitemaps are the same format)."""
    import defusedxml.ElementTree

    _refuse_entities(data)
    try:
        root = defusedxml.ElementTree.fromstring(data.lstrip(b" \t\r\n\xef\xbb\xbf"))
    except Exception as exc:  # noqa: BLE001 - any XML failure is one reason for this sitemap
        raise FeedError(f"malformed sitemap ({exc})") from None
    links = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == "loc" and element.text:
            links.append(urljoin(base, element.text.strip()))
    return [link for link in links if is_url(link)]


def feed_links(data: bytes, base: str) -> list[str]:
    """The article links of an RSS/Atom feed, in the feed's order; FeedError if it is not one."""
    import feedparser

    _refuse_entities(data)
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries and parsed.get("bozo"):
        raise FeedError(f"malformed feed ({parsed.get('bozo_exception')})")
    links = []
    for entry in entries:
        link = entry.get("link")
        if link:
            links.append(urljoin(base, link))
    return [link for link in links if is_url(link)]


def announced_feeds(data: bytes, base: str) -> list[str]:
    """The feeds a web page announces with `<link rel="alternate" type="application/rss+xml">`."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(data)
    except (etree.ParserError, ValueError):
        return []
    found = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").casefold().split()
        kind = (link.get("type") or "").casefold().strip()
        if "alternate" in rel and kind in _FEED_TYPES and link.get("href"):
            found.append(urljoin(base, link.get("href", "").strip()))
    return list(dict.fromkeys(link for link in found if is_url(link)))
