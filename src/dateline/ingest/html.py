"""Read saved web pages: trafilatura finds the article, then we strip what it left in.

trafilatura is good at finding the main block of a page but keeps some of the
furniture inside it: the headline repeated as the first line, "Read more:" and
"Related:" teasers, newsletter and app promotions, author contact lines,
copyright notices, and lists of links to other stories under a "Don't miss"
heading. `clean_body` removes those with general patterns and the generic
furniture rules of `dateline.clean`, line by line.

Two fallbacks recover text trafilatura misses: its default mode when the
precision mode finds almost nothing, and the sibling blocks of a story that a
page cut into pieces around its ads (`_chunked_body`). Metadata comes from the
page's own tags (`dateline.ingest.meta`), which is much cheaper than
trafilatura's own metadata search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from dateline.clean.furniture import furniture_reason
from dateline.ingest.meta import page_meta
from dateline.model import RawDoc

# Furniture reasons from `dateline.clean` that are safe to drop from an extracted
# body. "label" (one word) is kept out: in an extracted body a lone word is as
# often a list item or a sub-heading that the article owns.
_DROP_REASONS = frozenset(
    {
        "sign-off",
        "read-time",
        "gallery",
        "navigation",
        "advertisement",
        "share",
        "copyright",
        "related",
        "comments",
        "notice",
        "email",
        "code",
        "site-description",
        "number",
    }
)

# Lines that promote something else: the site's other stories, newsletters, apps, podcasts.
_PROMO_LINE = re.compile(
    r"^(?:"
    r"(?:read|see|watch|listen|view) (?:more|also|next|now|all|here)\b.{0,200}"
    r"|(?:related|also on|also read|leggi anche|lire aussi|lesen sie auch|leia também|lea también)"
    r"\s*(?:[:|\u2013\u2014-].{0,200}|\b.{0,120})|more\s*[:|].{0,200}"
    r"|(?:you (?:may|might) (?:also )?(?:like|enjoy)|recommended (?:for you|stories|reading)).{0,40}"
    r"|(?:sign up|subscribe|register|get (?:the|our) .{0,40}newsletter|click here|tap here).{0,240}"
    r"|(?:follow|like) .{0,80}\bon (?:twitter|facebook|instagram).{0,200}"
    r"|(?:reach|contact) (?:the )?(?:reporters?|writers?|authors?) .{0,160}"
    r"|.{0,240}\bcontributed to this (?:report|story|article)\.?"
    r"|if you (?:enjoyed|liked) this .{0,300}"
    r"|(?:email|write to|contact|have a tip\?) .{0,80}(?:@|\bat\b).{0,160}"
    r"|(?:thanks|thank you) for (?:signing up|subscribing|reading).{0,80}"
    r"|(?:like|enjoy(?:ed)?) this (?:story|article)\?.{0,80}"
    r"|this (?:copy|article|material) is for your personal.{0,300}"
    r"|(?:an )?error (?:has )?occurred.{0,80}|sorry!?|there was an error.{0,80}"
    r"|(?:updated|published|posted|last modified)(?: at| on)?\s*[:\d].{0,60}"
    r"|tags?\s*:?|(?:don'?t|do not) miss\W*|most (?:read|popular|viewed)\W*"
    r"|top (?:stories|rated .{0,20})"
    r"|\[.{0,40}\]|\[(?:related|see also|read more|more)\b.{0,200}\]"
    r")$",
    re.IGNORECASE,
)

# A heading that introduces a list of links to other pages: the short lines after it go too.
_LINK_LIST_HEADING = re.compile(
    r"^(?:(?:don'?t|do not) miss|you (?:may|might) also like|more (?:from|on|stories|news)\b.{0,40}"
    r"|related(?: stories| articles| content| posts| links)?|recommended(?: for you)?|tags?"
    r"|(?:most )?(?:read|popular|trending)(?: now| stories)?|top (?:stories|rated comments?))\W*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# Below this many characters the precision-mode body is suspiciously short: try the default mode.
_SHORT_BODY = 300
# The generic furniture rules of `dateline.clean` are tried on lines up to this long.
_FURNITURE_CHARS = 160
# Past this length a line is a paragraph of prose, never furniture, a teaser or a headline.
_PROSE_CHARS = 600
# Share of words in common (Jaccard) that makes a line a variant of the headline.
_TITLE_OVERLAP = 0.65
# Gathered sibling blocks replace the found text only when they are this much longer...
_MORE_TEXT = 1.25
# ...and hold this share of the found text's 4-gram shingles.
_KEEPS_FOUND = 0.8
# A call to action inside a short paragraph: newsletters, apps, memberships.
_CALL_TO_ACTION = re.compile(
    r"\b(?:newsletters?|your inbox|sign up|subscribe to|subscribing|click here|download (?:the|our) app"
    r"|also on \S+\.\w+|filed under)\b",
    re.IGNORECASE,
)
# A literal that each alternative of `_CALL_TO_ACTION` contains, for a cheap first test.
_CTA_WORDS = (
    "newsletter",
    "your inbox",
    "sign up",
    "subscrib",
    "click here",
    "download ",
    "also on ",
    "filed under",
)
# Machine values a page's metadata leaks into the text: timestamps, asset URLs, rules of underscores.
_MACHINE_LINE = re.compile(
    r"^(?:\d{4}-\d\d-\d\d[T ][\d:.+-]+Z?|\S+\.(?:jpe?g|png|gif|webp|svg)(?:\?\S*)?|[_\W]+)$",
    re.IGNORECASE,
)


# A date stamp: a short line with a year and a clock time ("22 de janeiro de 2018 às 0:13").
_STAMP = re.compile(r"\b(?:19|20)\d\d\b.{0,40}\b\d{1,2}:\d\d\b|\b\d{1,2}:\d\d\b.{0,40}\b(?:19|20)\d\d\b")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _is_shout(line: str) -> bool:
    """A line in capitals of several words: a teaser headline or an app promotion, not prose."""
    if len(line) > 200:
        return False  # a teaser or promotion is a line, not a paragraph
    if len(line.split()) < 3:
        return False
    # map/filter with str methods keep the per-character loop in C: this runs on every line.
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= 12 and sum(map(str.isupper, letters)) > 0.85 * len(letters)


def _like_title(norm: str, title_parts: set[str]) -> bool:
    """Whether a line shares most of its words with the page title (or one of its parts)."""
    words = set(norm.split())
    if len(words) < 3:
        return False
    for part in title_parts:
        other = set(part.split())
        if len(words & other) >= _TITLE_OVERLAP * len(words | other):
            return True
    return False


def _calls_to_action(line: str) -> bool:
    """Whether a line holds a call to action (`_CALL_TO_ACTION`).

    Every alternative of the pattern holds one of `_CTA_WORDS`; on an ASCII line,
    lower-casing is exactly the pattern's case-insensitivity, so a line without
    any of them is answered without running the (slow, word-bounded) pattern.
    """
    if line.isascii():
        lowered = line.lower()
        if not any(word in lowered for word in _CTA_WORDS):
            return False
    return _CALL_TO_ACTION.search(line) is not None


def clean_body(text: str, title: str | None = None) -> str:
    """Remove the furniture trafilatura left in an extracted article body.

    The headline is metadata, so a first line that repeats `title` goes. Lines
    are dropped, never edited, so what stays is the page's own text.
    """
    lines = [line.strip() for line in text.splitlines()]
    kept: list[str] = []
    title_norm = _norm(title) if title else ""
    # "Headline | Site" titles: each part alone is also the headline or the site's name.
    title_parts = {_norm(part) for part in re.split(r"\s[|\u2013\u2014-]\s", title or "")} | {title_norm}
    title_parts = {part for part in title_parts if len(part) > 12}
    # Normalising drops only punctuation and spacing: a line this much longer than every
    # form of the title cannot normalise to one of them, so it is not normalised at all.
    title_reach = 3 * max(map(len, title_parts | {title_norm})) + 20 if title_norm else 0
    in_link_list = False
    for line in lines:
        if not line:
            continue
        if len(line) > _PROSE_CHARS:
            # A long paragraph is prose: no pattern below can match it, so skip the work.
            in_link_list = False
            kept.append(line)
            continue
        # Normalised only when a title needs it: this loop runs on every line of every page.
        norm = _norm(line) if len(line) <= title_reach else ""
        if (
            not kept
            and title_norm
            and norm
            and (norm == title_norm or (len(norm) > 20 and norm in title_norm))
        ):
            continue  # the headline printed again at the top of the body
        if _LINK_LIST_HEADING.match(line):
            in_link_list = True
            continue
        words = len(line.split())
        if in_link_list:
            # A list of links is short lines; the first full paragraph ends it.
            if (
                words <= 25
                and not line.endswith((".", "?", "!", ".\u201d", '."'))
                or (line.startswith(("-", "\u2022", "*")))
            ):
                continue
            in_link_list = False
        if _PROMO_LINE.match(line) or _is_shout(line) or _MACHINE_LINE.match(line):
            continue
        if words <= 12 and ":" in line and _STAMP.search(line):
            continue  # (a stamp always holds a clock time, so the colon is a cheap first test)
        if words <= 45 and _calls_to_action(line):
            continue
        if title_parts and norm in title_parts:
            continue  # the headline (or the site's name) again further down
        if len(kept) < 3 and _like_title(norm, title_parts) and not line.endswith((".", "!")):
            continue  # a variant of the headline above the article ("HS Roundup" -> "High School Roundup")
        # Furniture is short; a long paragraph is prose (and classifying it costs time).
        if len(line) <= _FURNITURE_CHARS and furniture_reason(line) in _DROP_REASONS:
            continue
        kept.append(line)
    return "\n".join(kept)


@dataclass(frozen=True)
class Page:
    """What one web page gives: its article text and metadata (any may be missing)."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    language: str | None = None
    canonical_url: str | None = None


def extract_page(html: str | bytes, url: str | None = None) -> Page:
    """The article body and metadata of one HTML page; an empty text when none is found.

    trafilatura's precision mode first: on news pages it leaves out more
    furniture and loses little text. When it finds almost nothing, its default
    mode often finds the article it missed, so that is tried as a fallback.
    Metadata comes from the page's own tags (`page_meta`).
    """
    from trafilatura import load_html

    # Parsed once: trafilatura copies the tree it is given, so it stays whole for `_chunked_body`.
    tree = load_html(html)
    if tree is None:
        return Page(text="", url=url)
    meta = page_meta(tree)
    text = clean_body(_body(tree, url, precision=True), meta.title)
    if len(text) < _SHORT_BODY:
        fallback = clean_body(_body(tree, url, precision=False), meta.title)
        if len(fallback) >= 2 * max(len(text), 1):
            text = fallback
    whole = _chunked_body(tree, text)
    if whole is not None:
        text = clean_body(whole, meta.title)
    return Page(
        text=text,
        title=meta.title,
        date=meta.date,
        url=url,
        outlet=meta.outlet,
        byline=meta.byline,
        language=meta.language,
        canonical_url=meta.canonical_url,
    )


def _chunked_body(root: HtmlElement, text: str) -> str | None:
    """The whole article when the page splits it into sibling blocks and only the first was found.

    Pages that interleave ads with the story cut it into several blocks of the
    same tag and class; an extractor that picks "the" main block keeps only one.
    From the block holding the first paragraph found, every block of the same
    kind is gathered in page order. The result is used only when it holds the
    text found and clearly more.
    """
    probe = next((" ".join(line.split())[:50] for line in text.splitlines() if len(line) >= 60), None)
    if probe is None:
        return None
    start = next((p for p in root.iter("p") if " ".join(p.text_content().split()).startswith(probe)), None)
    box = start.getparent() if start is not None else None
    kind = box.get("class") if box is not None else None
    if box is None or not kind:
        return None
    blocks = [element for element in root.iter(box.tag) if element.get("class") == kind]
    if len(blocks) < 2:
        return None
    paragraphs = [" ".join(p.text_content().split()) for block in blocks for p in block.iter("p")]
    whole = "\n".join(p for p in paragraphs if p)
    if len(whole) < _MORE_TEXT * len(text):
        return None
    found, gathered = _shingle_set(text), _shingle_set(whole)
    if len(found & gathered) < _KEEPS_FOUND * len(found):
        return None
    return whole


def _shingle_set(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return {tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))}


def _body(tree: HtmlElement, url: str | None, precision: bool) -> str:
    """trafilatura's article text (metadata is read by `page_meta`, far more cheaply)."""
    import trafilatura

    return trafilatura.extract(tree, url=url, include_comments=False, favor_precision=precision) or ""


def trafilatura_text(html: str | bytes, url: str | None = None) -> str:
    """trafilatura alone with its default settings, as a baseline for evaluation."""
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


@dataclass(frozen=True)
class PageDoc(RawDoc):
    """A `RawDoc` from a web page, with what else the page's metadata told: byline, language
    and the address the page declares for itself (which dedup matches against other copies)."""

    byline: str | None = None
    language: str | None = None
    canonical_url: str | None = None


def page_doc(page: Page, path: str) -> PageDoc:
    """A `RawDoc` from an extracted page."""
    return PageDoc(
        text=page.text,
        path=path,
        url=page.url,
        outlet=page.outlet,
        title=page.title,
        date=page.date,
        byline=page.byline,
        language=page.language,
        canonical_url=page.canonical_url,
    )
