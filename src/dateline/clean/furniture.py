"""Generic page-furniture patterns: the lines a web page wraps around an article.

Each pattern names a reason. Patterns describe kinds of furniture (read-time
badges, navigation, photo credits, sign-offs, site descriptions), never the
lines of one particular site.
"""

from __future__ import annotations

import re
import sys

# Full-line patterns, tried in order; the first that matches gives the reason.
_LINE_PATTERN_TEXTS: tuple[tuple[str, str], ...] = (
    # A read-time badge, alone or leading the page's other metadata ("1 min read . 10:10 AM IST").
    ("read-time", r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read(?:\W.{0,60})?"),
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
        r"(?:(?:see also|read also|also read|read more)\b.{0,150}"
        r"|related(?: news| stories| articles| coverage)?"
        r"|more from .{0,40}|most (?:read|popular)|trending(?: now)?|latest news|top stories)"
        r"(?:\s*[:|].*)?",
    ),
    (
        "comments",
        r"leave a (?:reply|comment).*|please enter your .{0,40}|\d*\s*comments?"
        r"|this site uses akismet.*|post a comment|your comment.{0,40}|v\u00e1\u0161 komentar",
    ),
    ("photo-credit", r"(?:photo|photos|image|file photo|picture)s?\s*(?:=|:).{0,80}"),
    ("photo-credit", r".{0,60}\b(?:photo|picture|image)s? (?:by|courtesy of)\b.{0,80}"),
    ("photo-credit", r"\u24d2.{0,40}|.{0,40}\b(?:via getty images|getty images|afp|reuters|ap|epa)"),
    (
        "notice",
        r"this is a developing story.*|information in development.*|breaking news.{0,200}"
        r"|welcome to .{0,200}|your browser does ?n[o'\u2019]?t support.*|powered by .{0,60}"
        r"|(?:for (?:all )?the latest .{0,40})?follow (?:us|our) .{0,80}"
        r"|(?:breaking news )?.{0,30}get (?:the latest )?updates on .{0,160}"
        r"|download (?:our|the) .{0,20}app.{0,60}"
        r"|an official website of .{0,60}|javascript (?:is )?(?:required|disabled).*",
    ),
    ("source", r"source\s*:.{0,80}|posted by\s*:.{0,40}"),
    ("number", r"[#\d\s.,/:-]{1,20}(?:posts?|views?|shares?)?"),
)
_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in _LINE_PATTERN_TEXTS
)
# The same patterns as one alternation, so that a line is tried against all of them in a single
# call; a full match backtracks into later alternatives, so the first pattern that matches the
# whole line still wins, and its group names the reason.


def _max_width(pattern: str) -> int:
    """The longest text `pattern` can match (sys.maxsize when unbounded or unknown)."""
    try:
        # The parser is internal to `re`; should it change, every pattern is simply tried on every line.
        width = re._parser.parse(pattern, re.IGNORECASE).getwidth()[1]  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any failure only costs speed
        return sys.maxsize
    return int(width) if width < _UNBOUNDED else sys.maxsize


def _alternation(indices: list[int]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<p{k}>{_LINE_PATTERN_TEXTS[k][1]})" for k in indices), re.IGNORECASE)


_UNBOUNDED = 1 << 16
_WIDTHS = [_max_width(pattern) for _, pattern in _LINE_PATTERN_TEXTS]
# Long lines (most of a page's text) are tried only against the patterns that can match them.
_LONG = max(width for width in _WIDTHS if width < sys.maxsize)
_ANY_LINE_PATTERN = _alternation(list(range(len(_LINE_PATTERN_TEXTS))))
_ANY_LONG_LINE_PATTERN = _alternation([k for k, width in enumerate(_WIDTHS) if width > _LONG])

# A photo caption ends with a credit: "REUTERS/Kevin Lamarque", "(AP Photo)", "Photo: EPA",
# "(Xinhua/Li Xueren)".
_CAPTION_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AFP|EPA|AP|EFE|XINHUA|YONHAP|POOL|PRESS|TASS|IMAGES?)\s?/"
    r"\s?[A-Z][\w.-]+(?:[ /][A-Z][\w.-]+)*\.?"
    r"|\((?:video|image|photo|file photo|picture|screenshot|graphic)\b[^)]{0,60}\)"
    r"|\((?:[A-Z][\w. ]*/)?(?:AP|AFP|EPA|Reuters|Xinhua|Yonhap|Getty)[^)]{0,40}\)"
    r"|\bphoto\s*:\s*[\w/ .-]{2,40}|\bvia (?:getty images|reuters|ap)|\bpool via \w+|\[source:.*)\W*$",
    re.IGNORECASE,
)
_CAPTION_PREFIX = re.compile(
    r"^(?:(?:photo|file|file photo|epa\w*)\s*[:\-|/]|\d+ of \d+\s*\||photo/"
    r"|(?:this|a) (?:combination|handout|file|composite) (?:of )?(?:photo|picture|image|combination)s?"
    r"|(?:tv|television) screens? shows?|in this (?:photo|picture|image)"
    r"|(?:photo|picture) (?:taken|released) )",
    re.IGNORECASE,
)
# Where people stand in a picture: "(L)", "(2nd R)", ", left,", "(centre)", "(eighth from left)".
_POSITION = re.compile(
    r"\((?:\w+ from )?(?:\d\w* )?(?:l|r|c|left|right|centre|center|front|back|top|bottom)\)"
    r"|, (?:left|right|centre|center)(?:,| and\b)",
    re.IGNORECASE,
)
# A picture described in the present tense: "shakes hands", "looks on", "poses for a photo".
_PHOTO_VERB = re.compile(
    r"\b(?:shakes? hands|looks? on|poses?|smiles?|gestures?|waves?|attends?|arrives?|speaks?|walks?"
    r"|sits?|stands?|listens?|participates?|greets?|delivers?|leaves|reacts?|indicates?|signs?"
    r"|is seen|are seen|holds?)\b",
)
# A caption closes on the day the picture was taken: "... in Doha, Qatar, on Saturday, Feb. 29, 2020."
_DATED_END = re.compile(
    r"\bon (?:\w+day,? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}"
    r"(?:, \d{4})?\.?$",
    re.IGNORECASE,
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b")
# A teaser cut off by the page: "... plans to annex the..." or "... the Cold War mental...".
_TEASER = re.compile(
    r"\b(?:the|a|an|of|to|in|and|for|with|on|at|by|from|its|their|his|her)\s?(?:\.\.\.|\u2026)$"
)
_HASHTAGS = re.compile(r"#\w+")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# A host name: "koreatimes.co.kr", "SpaceWar.com", "www.reuters.com".
_DOMAIN = (
    r"(?:www\.)?(?:[A-Za-z0-9-]+\.)+(?:com|net|org|co|kr|jp|cn|uk|in|news|info|vn|ph|pk|bn|tv|ru|de|fr|au|io)"
)
# "<domain> - <tagline>" or "<headline> <domain> - <description>": a page's meta description glued on.
_SITE_DESCRIPTION = re.compile(rf"(?:^|\s)({_DOMAIN})\s+[-|:\u2013\u2014]\s+\S")
_SEPARATOR = re.compile(r"\s[-|:\u2013\u2014]\s")
_PROMO = re.compile(
    r"\b(?:latest|breaking) (?:news|stories|headlines)\b|\bnews and\b|\byour world\b", re.IGNORECASE
)
# Program code pasted from a page's scripts.
_CODE = re.compile(r"[{};]\s*$|^\s*[{}]|function\s*\(|\w+\.\w+\s*=|document\.|window\.|!function")


# A credit closes the line and is short: only the line's tail is searched for one.
_CREDIT_REACH = 200
_CREDIT_MARKS = ("/", "(", ":", "[")
_PROSE = re.compile(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}")


_SECOND_SENTENCE = re.compile(r"[a-z]{2}[.!?] [A-Z]")


def _is_caption(line: str) -> bool:
    """A photo caption: prose that ends with a picture credit or starts with a photo label, or a
    picture described in the present tense with the people's places in it ("(L)", ", left,")."""
    tail = line if len(line) <= _CREDIT_REACH else line[-_CREDIT_REACH:]
    # Every credit holds one of these marks ("REUTERS/", "(AP Photo)", "Photo:", "via Getty").
    marked = any(mark in tail for mark in _CREDIT_MARKS) or "via " in tail.lower()
    if (marked and _CAPTION_CREDIT.search(tail)) or _CAPTION_PREFIX.match(line):
        return True
    if tail is not line and "[source:" in line.lower():
        return True
    words = len(line.split())
    if words < 8 or words > 70 or _REPORTED.search(line):
        return False
    if not _PHOTO_VERB.search(line):
        return False
    # One sentence only: a second one ("... on March 16. The two leaders then ...") is a paragraph.
    one_sentence = not _SECOND_SENTENCE.search(line)
    return bool(_POSITION.search(line)) or (bool(_DATED_END.search(line)) and one_sentence)


def _is_teaser(line: str) -> bool:
    """A teaser for another page, cut off with an ellipsis in mid-sentence."""
    if not line.endswith(("...", "\u2026")):
        return False
    return bool(_TEASER.search(line)) and '"' not in line[-6:] and len(line.split()) >= 5


def _is_hashtag_line(words: list[str]) -> bool:
    """A line of hashtags ("#NATO #summit #Sweden")."""
    return len(words) >= 2 and sum(w.startswith("#") for w in words) >= 0.6 * len(words)


def site_description(line: str) -> int | None:
    """Where a site's meta description starts in `line`, or None.

    A domain followed by a dash and a description ("koreatimes.co.kr - get the
    latest ...") is the description; any text before the domain is kept.
    """
    # The separator after the domain is rare in prose and quick to look for: tested first.
    if _SEPARATOR.search(line) is None:
        return None
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
    match = (_ANY_LINE_PATTERN if len(text) <= _LONG else _ANY_LONG_LINE_PATTERN).fullmatch(text)
    if match is not None and match.lastgroup is not None:
        return _LINE_PATTERNS[int(match.lastgroup[1:])][0]
    words = text.split()
    if len(words) == 1 and text[-1] not in '.?!"\u201d' and len(text) <= 30:
        # A lone word is a section label ("news", "World", "SHOCKER"), never a sentence.
        return "label"
    if "@" in text and len(words) <= 8 and _EMAIL.search(text):
        return "email"
    # Prose is tested first: it is cheap to find, and most lines are prose.
    if not _PROSE.search(text) and _CODE.search(text):
        return "code"
    if site_description(text) is not None:
        return "site-description"
    if (" | " in text or " - " in text) and len(words) <= 30 and _PROMO.search(text):
        return "site-description"
    if _is_caption(text):
        return "caption"
    if _is_teaser(text):
        return "teaser"
    if "#" in text and _is_hashtag_line(words):
        return "tags"
    return None
