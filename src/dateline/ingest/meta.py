"""A web page's own metadata, read from the tags publishers fill in for search engines.

News sites declare their headline, date, site name, author and canonical address in Open Graph,
Dublin Core, schema.org (microdata or JSON-LD) and plain `<meta>` tags. Reading
those is a few tree look-ups; when a page declares no date, htmldate's search
of the page (the library trafilatura uses) is the fallback.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from dateline.ingest.records import iso_date

_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
    "article.published",
    "published_time",
)
_LANGUAGE = re.compile(r"^[a-z]{2,3}\b", re.IGNORECASE)


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself; any field may be missing."""

    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    byline: str | None = None
    language: str | None = None
    canonical_url: str | None = None


def _canonical(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    """The address the page gives for itself: `<link rel=canonical>` in its head, else `og:url`."""
    head = tree.find("head")
    links = head.iter("link") if head is not None else ()
    for link in links:
        if "canonical" in (link.get("rel") or "").casefold().split():
            href = (link.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                return href
    url = meta.get("og:url", "")
    return url if url.startswith(("http://", "https://")) else None


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """The first value of each `<meta>` key (property, name or itemprop), keys lower-cased."""
    values: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().casefold()
            if key:
                values.setdefault(key, content)
    return values


def _json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """The JSON-LD objects of a page, flattened out of lists and `@graph`s."""
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "") or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return found


def _name(value: Any) -> str | None:
    """A person's or organisation's name from a JSON-LD value (string, object or list)."""
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip() and not value.startswith("http"):
        return " ".join(value.split())
    return None


def page_meta(tree: HtmlElement) -> PageMeta:
    """The page's headline, publication date, site name, author and language."""
    meta = _meta_values(tree)
    articles = [item for item in _json_ld(tree) if "datePublished" in item or "headline" in item]
    ld = articles[0] if articles else {}

    title = next((meta[k] for k in _TITLE_KEYS if k in meta), None) or _name(ld.get("headline"))
    if title is None:
        node = next(tree.iter("title"), None)
        title = " ".join(node.text_content().split()) if node is not None else None

    date = iso_date(ld.get("datePublished")) or next(
        (d for d in (iso_date(meta[k]) for k in _DATE_KEYS if k in meta) if d), None
    )
    if date is None:
        for element in tree.xpath('//*[@itemprop="datePublished"]|//time[@datetime]'):
            date = iso_date(element.get("datetime") or element.get("content") or element.text_content())
            if date:
                break
    if date is None:
        from htmldate import find_date

        # The page declares no date: search it, as trafilatura would (original date, not updates).
        date = iso_date(find_date(tree, original_date=True, extensive_search=False))

    outlet = next((meta[k] for k in _SITE_KEYS if k in meta and not meta[k].startswith("@")), None)
    outlet = outlet or _name(ld.get("publisher"))
    byline = next(
        (meta[k] for k in _AUTHOR_KEYS if k in meta and not meta[k].startswith("http")), None
    ) or _name(ld.get("author"))
    lang = tree.get("lang") or meta.get("content-language") or meta.get("og:locale") or ""
    match = _LANGUAGE.match(lang.strip())
    return PageMeta(
        title=title or None,
        date=date,
        outlet=outlet,
        byline=byline,
        language=match.group(0).casefold() if match else None,
        canonical_url=_canonical(tree, meta),
    )
