"""Read RSS and Atom feeds: one `RawDoc` per entry, the feed's title as its outlet.

The feed is first parsed with defusedxml, which refuses entity tricks
(billion laughs, external entities) before anything expands; feedparser then
reads it leniently, as real feeds are often not well-formed XML.
"""

from __future__ import annotations

import re
import time
from typing import Any

from dateline.ingest.records import iso_date
from dateline.model import RawDoc

_BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
)


_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ENTITY_SCAN = 1 << 20  # declarations come in the prolog, before the feed itself


class FeedError(ValueError):
    """A feed that cannot be read; the message says why."""


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment (an entry's content), one paragraph a line."""
    if "<" not in markup:
        return markup.strip()
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup.strip()
    for element in root.iter("script", "style"):
        element.text = ""
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _refuse_entities(data: bytes) -> None:
    import defusedxml.ElementTree
    from defusedxml import DefusedXmlException

    # Whitespace or a byte-order mark before the XML declaration makes the strict parser stop at
    # once, before it could see a DTD that feedparser's lenient one would then read.
    head = data.lstrip(b" \t\r\n\xef\xbb\xbf")
    try:
        defusedxml.ElementTree.fromstring(head)
    except DefusedXmlException as exc:
        raise FeedError(f"refused: the XML declares entities or a DTD ({type(exc).__name__})") from None
    except Exception:  # noqa: BLE001 - not well-formed XML; feedparser's lenient parser judges it next
        if _ENTITY.search(head[:_ENTITY_SCAN]):
            # Not well-formed, so the strict parser could not judge it: entity declarations alone
            # are reason enough to refuse.
            raise FeedError("refused: the XML declares entities") from None


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return iso_date(entry.get("published") or entry.get("updated"))


def read_feed(data: bytes, path: str) -> list[RawDoc]:
    """Every entry of an RSS/Atom feed that has text; `FeedError` if it is not a readable feed."""
    import feedparser

    _refuse_entities(data)
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"malformed feed ({problem})" if problem else "a feed with no entries"
        raise FeedError(reason)
    outlet = (parsed.get("feed") or {}).get("title") or None
    docs = []
    for number, entry in enumerate(entries, 1):
        contents = entry.get("content") or []
        markup = (
            next((c.get("value") for c in contents if c.get("value")), None) or entry.get("summary") or ""
        )
        text = fragment_text(markup)
        if not text:
            continue
        docs.append(
            RawDoc(
                text=text,
                path=f"{path}#{number}",
                url=entry.get("link") or None,
                outlet=outlet,
                title=fragment_text(entry.get("title") or "") or None,
                date=_entry_date(entry),
            )
        )
    if not docs:
        raise FeedError("no entry has any text (content or summary)")
    return docs
