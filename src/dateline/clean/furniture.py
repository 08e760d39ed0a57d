"""Generic page-furniture patterns: the lines a web page wraps around an article.

Each pattern names a reason. Patterns describe kinds of furniture (read-time
badges, navigation, photo credits, sign-offs, site descriptions), never the
lines of one particular site.
"""

from __future__ import annotations

import re

# Full-line patterns, tried in order; the first that matches gives the reason.
_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("read-time", r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read"),
        ("read-time", r"\d+\s+(?:min|mins|minutes?|hours?|hrs?)\s+ago"),
        ("gallery", r"(?:slideshow|gallery|photos?|images?)\s*\(\s*\d+\s*(?:images?|photos?)?\s*\)"),
        ("gallery", r"\d+\s*(?:/|of)\s*\d+"),
        ("gallery", r"full\s*screen|view (?:gallery|slideshow|photos?)|enlarge (?:this )?image"),
        (
            "navigation",
            r"(?:\d+\.\s*)?(?:go|skip|jump) to (?:the )?(?:main )?(?:content|contents|navigation|menu)"
            r"(?:.*)?",
        ),
        ("navigation", r"(?:\d+\.\s*)?skip to .{0,40}"),
        ("navigation", r"accessibility links|sort by.{0,20}|back to top|menu|search|languages?|home"),
        ("navigation", r"(?:next|previous|prev) (?:article|story|post)"),
        ("sign-off", r"\(?\s*end\s*\)?|-+\s*end\s*-+|\(\s*end\s*\)\s*\S{0,20}"),
        ("sign-off", r"\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b.*"),
        ("sign-off", r"with reporting by\b.*|\(web editor:.*\)|this story has been corrected.*"),
        (
            "advertisement",
            r"advertisements?|sponsored(?: content)?|ad|story continues below(?: advertisement)?"
            r"|continue reading(?: below)?|recommended videos?|promoted(?: stories)?",
        ),
        (
            "share",
            r"(?:share|email|print|tweet)(?: (?:this|the) (?:article|story|page))?(?: on \w+)?|share via.*"
            r"|from|send to|subscribe(?: now| to .{0,40})?|sign up.{0,60}|follow us.{0,60}",
        ),
        ("copyright", r"(?:copyright|\u00a9|\(c\)).{0,200}"),
        ("copyright", r".{0,200}all rights reserved\.?"),
        (
            "related",
            r"(?:see also|read also|also read|read more|related(?: news| stories| articles| coverage)?"
            r"|more from .{0,40}|most (?:read|popular)|trending(?: now)?|latest news|top stories)"
            r"(?:\s*[:|].*)?",
        ),
        (
            "comments",
            r"leave a (?:reply|comment).*|please enter your .{0,40}|\d*\s*comments?"
            r"|this site uses akismet.*|post a comment|your comment.{0,40}|v\u00e1\u0161 komentar",
        ),
        ("photo-credit", r"(?:photo|photos|image|file photo|picture)s?\s*(?:=|:).{0,80}"),
        ("photo-credit", r"\u24d2.{0,40}|.{0,40}\b(?:via getty images|getty images|afp|reuters|ap|epa)"),
        (
            "notice",
            r"this is a developing story.*|information in development.*|breaking news.{0,200}"
            r"|welcome to the .{0,60}|your browser does ?n[o']?t support.*|powered by .{0,60}"
            r"|an official website of .{0,60}|javascript (?:is )?(?:required|disabled).*",
        ),
        ("source", r"source\s*:.{0,80}|posted by\s*:.{0,40}"),
        ("number", r"[#\d\s.,/:-]{1,20}(?:posts?|views?|shares?)?"),
    )
)

# A photo caption ends with a credit: "REUTERS/Kevin Lamarque", "(AP Photo)", "Photo: EPA",
# "(Xinhua/Li Xueren)".
_CAPTION_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AFP|EPA|AP|EFE|XINHUA|YONHAP|POOL|PRESS|TASS|IMAGES?)\s?/"
    r"\s?[A-Z][\w.-]+(?: [A-Z][\w.-]+)*\.?"
    r"|\((?:[A-Z][\w. ]*/)?(?:AP|AFP|EPA|Reuters|Xinhua|Yonhap|Getty)[^)]{0,40}\)"
    r"|\bphoto\s*:\s*[\w/ .-]{2,40}|\bvia (?:getty images|reuters|ap)|\bpool via \w+|\[source:.*)\W*$",
    re.IGNORECASE,
)
_CAPTION_PREFIX = re.compile(r"^(?:photo|file|file photo|epa\w*|1 of \d+\s*\|)\s*[:\-|]", re.IGNORECASE)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# A host name: "koreatimes.co.kr", "SpaceWar.com", "www.reuters.com".
_DOMAIN = (
    r"(?:www\.)?(?:[A-Za-z0-9-]+\.)+(?:com|net|org|co|kr|jp|cn|uk|in|news|info|vn|ph|pk|bn|tv|ru|de|fr|au|io)"
)
# "<domain> - <tagline>" or "<headline> <domain> - <description>": a page's meta description glued on.
_SITE_DESCRIPTION = re.compile(rf"(?:^|\s)({_DOMAIN})\s+[-|:\u2013\u2014]\s+\S")
_PROMO = re.compile(
    r"\b(?:latest|breaking) (?:news|stories|headlines)\b|\bnews and\b|\byour world\b", re.IGNORECASE
)
# Program code pasted from a page's scripts.
_CODE = re.compile(r"[{};]\s*$|^\s*[{}]|function\s*\(|\w+\.\w+\s*=|document\.|window\.|!function")


def _is_caption(line: str) -> bool:
    """A photo caption: prose that ends with a picture credit or starts with a photo label."""
    return bool(_CAPTION_CREDIT.search(line) or _CAPTION_PREFIX.match(line))


def site_description(line: str) -> int | None:
    """Where a site's meta description starts in `line`, or None.

    A domain followed by a dash and a description ("koreatimes.co.kr - get the
    latest ...") is the description; any text before the domain is kept.
    """
    match = _SITE_DESCRIPTION.search(line)
    if match is None:
        return None
    tail = line[match.start(1) :]
    # A bare "example.com - tagline" line, or a description that reads like an advert for the site.
    if match.start(1) == 0 or _PROMO.search(tail) or len(tail.split()) >= 8:
        return match.start(1)
    return None


def furniture_reason(line: str) -> str | None:
    """Why `line` is page furniture, or None when it is (possibly) article text."""
    text = line.strip(" \t\u2022\u00b7-*\u25cf").strip()
    if not text:
        return "empty"
    for reason, pattern in _LINE_PATTERNS:
        if pattern.fullmatch(text):
            return reason
    words = text.split()
    if len(words) == 1 and text[-1] not in '.?!"\u201d' and len(text) <= 30:
        # A lone word is a section label ("news", "World", "SHOCKER"), never a sentence.
        return "label"
    if _EMAIL.search(text) and len(words) <= 8:
        return "email"
    if _CODE.search(text) and not re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", text):
        return "code"
    if site_description(text) is not None:
        return "site-description"
    if _PROMO.search(text) and (" | " in text or " - " in text) and len(words) <= 30:
        return "site-description"
    if _is_caption(text):
        return "caption"
    return None
