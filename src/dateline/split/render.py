"""A web page's text as a scraper pastes it: every visible line, furniture and all.

Selecting a whole page in a browser and pasting it (or a scraper's "page text") gives the
visible text of every block element on its own line: menus, headline, byline, article,
captions, related links, footer. This renders HTML that way, so pages with a known article
body become labelled lines for learning line roles (`dateline.split.train`).
"""

from __future__ import annotations

import re

from lxml import etree

# Elements whose text a reader never sees.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select"})
# Elements that start a new line when pasted.
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
        "button",
        "option",
        "label",
        "caption",
    ]
)
_SPACE = re.compile(r"[ \t\u00a0\u2009\u200b\r\f\v]+")


def render_lines(page: bytes | str) -> list[str]:
    """The non-empty visible lines of an HTML page, in document order, spaces collapsed."""
    from trafilatura import load_html  # decodes by the page's declared and detected charset

    root = load_html(page)
    if root is None:
        return []
    pieces: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if tag in _HIDDEN or not isinstance(element.tag, str):
            if element.tail:
                pieces.append(element.tail)
            return
        style = (element.get("style") or "").replace(" ", "").lower()
        hidden = "display:none" in style or element.get("hidden") is not None
        block = tag in _BLOCK
        if not hidden:
            if block:
                pieces.append("\n")
            if element.text:
                pieces.append(element.text)
            for child in element:
                walk(child)
            if block:
                pieces.append("\n")
        if element.tail:
            pieces.append(element.tail)

    walk(root)
    text = "".join(pieces)
    return [line for raw in text.split("\n") if (line := _SPACE.sub(" ", raw).strip())]
