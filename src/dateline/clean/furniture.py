"""Generic page-furniture patterns: the lines a web page wraps around an article.

Each pattern names a reason. Patterns describe kinds of furniture (read-time
badges, navigation, photo credits, sign-offs, newsletter and cookie prompts,
site descriptions), never the lines of one particular site.

Most lines of a page are paragraphs, so the classifier is built to reject a
paragraph quickly: the full-line patterns are one alternation tried once at the
start of the line (no pattern opens with an open-ended wildcard, which would
make the engine retry it at every offset), and every costlier test is guarded by
a substring check (`in`, `endswith`) that runs at C speed.
"""

from __future__ import annotations

import re

# Full-line patterns over the lower-cased line, tried in order; the first that matches gives the
# reason. None opens with a wildcard: tests of a line's tail live in `_tail_reason`.
_LINE_PATTERN_TEXTS: tuple[tuple[str, str], ...] = (
    # A read-time badge, alone or leading the page's other metadata ("1 min read . 10:10 AM IST").
    ("read-time", r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read(?:\W.{0,60})?"),
    ("read-time", r"\d+\s+(?:min|mins|minutes?|hours?|hrs?)\s+ago"),
    ("gallery", r"(?:slideshow|gallery|photos?|images?)\s*\(\s*\d+\s*(?:images?|photos?)?\s*\)"),
    ("gallery", r"\d+\s*(?:/|of)\s*\d+"),
    (
        "gallery",
        # "16x9 Image": the aspect-ratio label of an image or video slot.
        r"full\s*screen|view (?:gallery|slideshow|photos?)|enlarge (?:this )?image"
        r"|\d+\s*[x\u00d7:]\s*\d+ (?:image|photo|picture|video)s?",
    ),
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
    (
        "related",
        r"(?:(?:see also|read also|also read|read more)\b.{0,150}"
        r"|related(?: news| stories| articles| coverage)?"
        r"|more from .{0,40}|most (?:read|popular)|trending(?: now)?|latest news|top stories)"
        r"(?:\s*[:|].*)?"
        # A title over a list of links: "The latest on the border talks:".
        r"|(?:the )?latest\b.{0,60}:",
    ),
    (
        "comments",
        r"leave a (?:reply|comment).*|please enter your .{0,40}|\d*\s*comments?"
        r"|this site uses akismet.*|post a comment|your comment.{0,40}|va[s\u0161] komentar",
    ),
    ("photo-credit", r"(?:photo|photos|image|file photo|picture)s?\s*(?:=|:).{0,80}|\u24d2.{0,40}"),
    (
        "notice",
        r"this is a developing story.*|information in development.*|breaking news.{0,200}"
        r"|welcome to .{0,200}|your browser does ?n[o'\u2019]?t support.*|powered by .{0,60}"
        r"|(?:for (?:all )?the latest .{0,40})?follow (?:us|our) .{0,80}"
        r"|download (?:our|the) .{0,20}app.{0,60}|(?:breaking news )?get (?:the latest )?updates on .{0,160}"
        r"|an official website of .{0,60}|javascript (?:is )?(?:required|disabled).*",
    ),
    # "Posted by: ..." names a writer: a byline, which is metadata rather than furniture.
    ("source", r"source\s*:.{0,80}"),
    ("number", r"[#\d\s.,/:-]{1,20}(?:posts?|views?|shares?)?"),
)
_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern)) for reason, pattern in _LINE_PATTERN_TEXTS
)
# All the patterns as one alternation, so that a line is tried against all of them in one call
# (no groups: naming each one costs every line time); the reason is looked up only for the few
# lines that match.
_ANY_LINE_PATTERN = re.compile("|".join(f"(?:{pattern})" for _, pattern in _LINE_PATTERN_TEXTS))
# Lines up to this long are short enough for the tests of a line's tail (credits, copyright).
_SHORT = 220

# "Photo by Jane Doe", "Images courtesy of the ministry": a credit line, no longer than this.
_PHOTO_BY = re.compile(r"\b(?:photo|picture|image)s? (?:by|courtesy of)\b")
_PHOTO_BY_LEAD, _PHOTO_BY_TAIL = 60, 80
_BYLINE_AFTER = re.compile(r"By [A-Z][\w'.-]*(?: [A-Z][\w'.-]*)+")
# "Members of the honor guard. Getty Images": an agency closes a short line. Alone, the name is
# the article's source (a byline), not a credit.
_AGENCY_END = re.compile(r"\b(?:getty images|afp|reuters|ap|epa)$")
_AGENCY_LEAD = 44
_AGENCY_WORDS = ("getty images", "afp", "reuters", "ap", "epa")

# Newsletter, alert and consent prompts, found anywhere in a line of moderate length: phrases a
# site uses to address its reader, which a news report does not.
_PROMPT = re.compile(
    r"\bby (?:submitting|signing up|clicking|subscribing|registering|continuing to (?:use|browse)"
    r"|using (?:this|our) (?:site|website))\b"
    r"|\byou (?:agree|consent) to (?:our|the)\b"
    r"|\b(?:we|this (?:site|website)) uses? cookies\b|\baccept (?:all )?cookies\b"
    r"|\bcookie (?:policy|settings|preferences|consent)\b"
    r"|\b(?:sign up|subscribe|register) (?:for|to) (?:our|the|a) (?:free )?(?:[\w-]+ ){0,3}"
    r"(?:newsletters?|e-?mails?|alerts|briefings?)\b"
    r"|\b(?:straight |delivered )?(?:to|in) your inbox\b|\bnewsletter sign[- ]?up\b"
    r"|\bget (?:the latest )?updates on\b.{0,60}\b(?:e-?mail|alerts|newsletter|notifications)\b"
)
_PROMPT_MAX_WORDS = 70
# Every match of `_PROMPT` holds one of these: a line with none cannot match, and the substring tests
# are far cheaper than the pattern's search (news prints "agree" often: "agreement", "agreed").
_PROMPT_LITERALS = (
    *("by submitting", "by signing up", "by clicking", "by subscribing", "by registering"),
    *("by continuing to", "by using", "you agree to", "you consent to", "cookie", "sign up ", "subscribe "),
    *("register ", "your inbox", "newsletter sign", "updates on"),
)

# A photo caption ends with a credit: "REUTERS/Jane Doe", "(AP Photo)", "Photo: EPA",
# "(Xinhua/Jane Doe)".
_CAPTION_CREDIT = re.compile(
    # Over the lower-cased line: a pattern without IGNORECASE runs several times faster.
    r"(?:\b(?:reuters|afp|epa|ap|efe|xinhua|yonhap|pool|press|tass|images?)\s?/"
    r"\s?[^\W\d_][\w.-]+(?:[ /][^\W\d_][\w.-]+)*\.?"
    r"|\((?:video|image|photo|file photo|picture|screenshot|graphic)\b[^)]{0,60}\)"
    r"|\((?:[^\W\d_][\w. ]*/)?(?:ap|afp|epa|reuters|xinhua|yonhap|getty)[^)]{0,40}\)"
    r"|\bphoto\s*:\s*[\w/ .-]{2,40}|\bvia (?:getty images|reuters|ap)|\bpool via \w+|\[source:.*)\W*$"
)
# A credit closes the line and is short: only the line's tail is searched for one, from a mark
# every credit holds (the agency's name may come a few characters before it: "REUTERS/").
_CREDIT_REACH = 80
_CREDIT_MARK = re.compile(r"/|photo|via ")
_CREDIT_MARK_PAREN = re.compile(r"[(/]|photo|via ")
_CREDIT_LEAD = 12
# A short line closed by a credit in capitals: "A destroyer in the harbour. (COAST GUARD)".
_CAPS_CREDIT = re.compile(r"\.\s*\([A-Z][A-Z.&-]+(?: [A-Z][A-Z.&-]+){0,3}\)$")
_CAPS_CREDIT_MAX_WORDS = 20
# A picture's subject named alone, with a title and a full stop: "Finnish Foreign Minister Jane
# Doe." Prose has a verb in lower case; a headline has no full stop.
_NAME_PART = r"(?:[A-Z][^\W\d_]*(?:[.'\u2019-][^\W\d_]*)*|of|and|the|de|al|bin|van|von|for|la|le|da|du)"
_NAME_CAPTION = re.compile(rf"{_NAME_PART}(?: {_NAME_PART}){{1,6}}\.")
_NAME_CAPTION_MAX_WORDS = 7
_CAPTION_PREFIX = re.compile(
    r"^(?:(?:photo|file|file photo|epa\w*)\s*[:\-|/]|\d+ of \d+\s*\||photo/"
    r"|(?:this|a) (?:combination|handout|file|composite) (?:of )?(?:photo|picture|image|combination)s?"
    r"|(?:tv|television) screens? shows?|in this (?:photo|picture|image)"
    r"|(?:photo|picture) (?:taken|released) )",
)
# Where people stand in a picture: "(L)", "(2nd R)", ", left,", "(centre)", "(eighth from left)".
_POSITION = re.compile(
    r"\((?:\w+ from )?(?:\d\w* )?(?:l|r|c|left|right|centre|center|front|back|top|bottom)\)"
    r"|, (?:left|right|centre|center)(?:,| and\b)"
)
# A picture described in the present tense: "shakes hands", "looks on", "poses for a photo".
_PHOTO_VERB = re.compile(
    r"\b(?:shakes? hands|looks? on|poses?|smiles?|gestures?|waves?|attends?|arrives?|speaks?|walks?"
    r"|sits?|stands?|listens?|participates?|greets?|delivers?|leaves|reacts?|indicates?|signs?"
    r"|is seen|are seen|holds?|attend|sign|meet)\b",
)
# A caption closes on the day the picture was taken: "... in Oslo, Norway, on Saturday, Feb. 29, 2020."
# or, agency style, "... in Oslo, Norway, March 16, 2023."
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATED_END = re.compile(
    rf"(?:\bon (?:\w+day,? )?{_MONTH} \d{{1,2}}(?:, \d{{4}})?|, {_MONTH} \d{{1,2}}, \d{{4}})\.?$",
    re.IGNORECASE,
)
_DATED_REACH = 40
# Agency captions go on after a dash with background ("... on February 29, 2020. - The two sides
# are set to ..."): the caption proper is the part before it.
_CAPTION_BREAK = re.compile(r"\.\s+[\u2013\u2014-]\s")
# The first of the cues above: a parenthesis or a comma before a position, a dash after a full stop.
_CAPTION_CUE = re.compile(r"\(|, (?:left|right|cent)|\.\s+[\u2013\u2014-]\s")
_MODALS = frozenset(
    {"will", "would", "could", "can", "may", "might", "must", "should", "shall"}
    | {"to", "did", "does", "do", "not"}
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b")
_SECOND_SENTENCE = re.compile(r"[a-z]{2}[.!?] [A-Z]")
_CAPTION_WORDS = (8, 70)
# A teaser for another page, cut off with an ellipsis in mid-sentence: "... plans to annex the..."
# or in mid-word: "... a plan to cap gas pri...".
_TEASER = re.compile(
    r"\b(?:the|a|an|of|to|in|and|for|with|on|at|by|from|its|their|his|her)\s?(?:\.\.\.|\u2026)$"
)
_CUT_WORD = re.compile(r"[^\W\d_]{2}(?:\.\.\.|\u2026)$")
_TEASER_REACH = 16  # the longest match of either ("their ...", 9 characters), with room to spare
# A collapsed caption or summary whose "Show more" button text was glued on.
_SHOW_MORE = ("show more", "read more", "see more", "show less")

# Each pattern that opens with a run of letters starts only where such a run starts (the
# lookbehind): the same matches, but no retry at every letter of a long run (quadratic on a line
# that is one giant word, such as binary junk).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")
# A host name: "koreatimes.co.kr", "SpaceWar.com", "www.reuters.com".
_DOMAIN = (
    r"(?:www\.)?(?:[A-Za-z0-9-]+\.)+(?:com|net|org|co|kr|jp|cn|uk|in|news|info|vn|ph|pk|bn|tv|ru|de|fr|au|io)"
)
# "<domain> - <tagline>" or "<headline> <domain> - <description>": a page's meta description glued on.
_SITE_DESCRIPTION = re.compile(rf"(?:^|\s)({_DOMAIN})\s+[-|:\u2013\u2014]\s+\S")
# Every host name ends in one of these: a quick test before the costlier patterns.
_DOMAIN_HINT = re.compile(r"\.(?:com|net|org|co|kr|jp|cn|uk|in|news|info|vn|ph|pk|bn|tv|ru|de|fr|au|io)\b")
_SEPARATOR = re.compile(r"\s[-|:\u2013\u2014]\s")
_SEPARATORS = ("- ", "| ", ": ", "\u2013 ", "\u2014 ")
_PROMO = re.compile(
    r"\b(?:latest|breaking) (?:news|stories|headlines)\b|\bnews and\b|\byour world\b", re.IGNORECASE
)
# A short line that names the site: "Science news from ExampleDaily.com", "More at example.org".
_ENDS_WITH_DOMAIN = re.compile(rf"(?:^|\s){_DOMAIN}$", re.IGNORECASE)
_SITE_NAME_MAX_WORDS = 6
# Program code pasted from a page's scripts.
_CODE = re.compile(r"[{};]\s*$|^\s*[{}]|function\s*\(|(?<!\w)\w+\.\w+\s*=|document\.|window\.|!function")
# A word no language writes: a member access ("s.parentNode") or a call ("fbq(") glued into it.
_CODE_WORD = re.compile(r"[a-z]\.[a-z]|\w\(|[{};=]")
_PROSE = re.compile(r"(?<![a-z])[a-z]{3,} [a-z]{3,} [a-z]{3,}")

# News agencies, whose name alone on a line is the article's source (a byline), not a label.
_AGENCIES = frozenset(
    {"reuters", "afp", "ap", "xinhua", "yonhap", "tass", "ria", "efe", "ansa", "dpa", "kyodo"}
    | {"anadolu", "ani", "pti", "ians", "upi", "bernama", "antara", "irna", "wafa", "sana"}
)
# An embedded post quoted in the article: "... pic.twitter.com/x - Jane Doe (@jdoe) August 18, 2023".
_EMBEDDED_POST = re.compile(rf"\(@\w{{1,15}}\) {_MONTH} \d{{1,2}}, \d{{4}}$")

_BULLETS = " \t\u2022\u00b7-*\u25cf"
_SENTENCE_END = '.?!"\u201d\u3002\uff01\uff1f\u300d'


def _ends_with_credit(line: str, low: str) -> bool:
    """Whether a picture credit closes the line ("... REUTERS/Jane Doe", "(AP Photo)").

    Every credit holds a slash, "photo" or "via", or closes a parenthesis at the very end: the
    credit pattern is tried only from the first of these in the line's tail.
    """
    closed = ")" in line[-3:]
    if not (closed or "/" in low or "photo" in low or "via " in low):
        return False  # substring tests are far cheaper than a pattern: most lines stop here
    mark = (_CREDIT_MARK_PAREN if closed else _CREDIT_MARK).search(low, max(len(low) - _CREDIT_REACH, 0))
    return mark is not None and _CAPTION_CREDIT.search(low, max(mark.start() - _CREDIT_LEAD, 0)) is not None


def _is_caption(line: str, low: str, words: int) -> bool:
    """A photo caption: prose that ends with a picture credit or starts with a photo label, or a
    picture described in the present tense in one sentence, with the people's places in it
    ("(L)", ", left,") or the day it was taken at its end."""
    if _ends_with_credit(line, low):
        return True
    if "[source:" in low or _CAPTION_PREFIX.match(low):
        return True
    last = line[-1]
    if last == "." and words <= _NAME_CAPTION_MAX_WORDS and _NAME_CAPTION.fullmatch(line):
        return not line.startswith("By ")
    if last == ")" and words <= _CAPS_CREDIT_MAX_WORDS and _CAPS_CREDIT.search(line[-_CREDIT_REACH:]):
        return not low.endswith(("(end)", "(update)"))
    if low.endswith(_SHOW_MORE) and line[-10:-9].isalpha():
        # "... during the ceremony inShow more": the button text glued to a collapsed caption.
        return True
    if words < _CAPTION_WORDS[0]:
        return False
    # Where people stand, or an agency's dash before background.
    cue = (
        _CAPTION_CUE.search(low)
        if "(" in low
        or ", left" in low
        or ", right" in low
        or ", cent" in low
        or " - " in low
        or "\u2013" in low
        or "\u2014" in low
        else None
    )
    if cue is None and not (last.isdigit() or line[-2:-1].isdigit()):
        return False  # neither placed nor dated: the usual paragraph ends here
    head = line
    if cue is not None:
        cut = _CAPTION_BREAK.search(line, cue.start() - 1)
        if cut is not None:
            head = line[: cut.start() + 1]
            words = head.count(" ") + 1
    if words > _CAPTION_WORDS[1]:
        return False
    placed = cue is not None and _POSITION.search(low, cue.start()) is not None
    if not placed and not (
        (head[-1].isdigit() or head[-2:-1].isdigit()) and _DATED_END.search(head[-_DATED_REACH:])
    ):
        return False
    # One sentence only: a second one ("... on March 16. The two leaders then ...") is a paragraph,
    # unless what follows is no prose at all (page debris such as "Last updated Jun 16, 2021").
    second = _SECOND_SENTENCE.search(head)
    if (second is not None and _PROSE.search(head, second.end() - 1)) or _REPORTED.search(head):
        return False
    # "will meet", "to sign": a plan reported in prose, where a caption shows what happens.
    return any(_word_before(head, verb.start()) not in _MODALS for verb in _PHOTO_VERB.finditer(head))


def _word_before(text: str, at: int) -> str:
    """The word right before offset `at`, lower-cased ("" at the start)."""
    before = text[:at].rsplit(None, 1)
    return before[-1].lower() if before else ""


def _is_teaser(line: str) -> bool:
    """A teaser for another page, cut off with an ellipsis in mid-sentence or mid-word."""
    if not line.endswith(("...", "\u2026")) or '"' in line[-6:]:
        return False
    words = len(line.split())
    # Both patterns end at the line's end and match a few characters: only its tail is searched
    # (a boundary there still sees the character before the tail).
    tail = max(0, len(line) - _TEASER_REACH)
    if words >= 5 and _TEASER.search(line, tail):
        return True
    # A word cut short is only told from a trailing-off quote by the line being one long sentence.
    return words >= 8 and bool(_CUT_WORD.search(line, tail)) and not _SECOND_SENTENCE.search(line)


def _is_hashtag_line(words: list[str]) -> bool:
    """A line of hashtags ("#NATO #summit #Sweden")."""
    return len(words) >= 2 and sum(w.startswith("#") for w in words) >= 0.6 * len(words)


def _is_label(text: str) -> bool:
    """A lone word is a section label ("news", "World", "SHOCKER"), never a sentence; but a single
    letter, a possessive or a handle is what is left of a cut paragraph or a byline, and a news
    agency's name alone names the article's source."""
    if len(text) > 30 or len(text) < 2 or text[-1] in _SENTENCE_END or "@" in text or len(text.split()) > 1:
        return False
    return not text.endswith(("'s", "\u2019s")) and text.lower() not in _AGENCIES


def site_description(line: str) -> int | None:
    """Where a site's meta description starts in `line`, or None.

    A domain followed by a dash and a description ("koreatimes.co.kr - get the
    latest ...") is the description; any text before the domain is kept.
    """
    # The separator after the domain is rare in prose and quick to look for: tested first.
    if not any(sep in line for sep in _SEPARATORS) and _SEPARATOR.search(line) is None:
        return None
    match = _SITE_DESCRIPTION.search(line)
    if match is None:
        return None
    tail = line[match.start(1) :]
    # A bare "example.com - tagline" line, or a description that reads like an advert for the site.
    if match.start(1) == 0 or _PROMO.search(tail) or len(tail.split()) >= 8:
        return match.start(1)
    return None


def _tail_reason(text: str, low: str) -> str | None:
    """Furniture told by how a short line ends: a copyright notice or a photo credit."""
    if low.endswith(("reserved", "reserved.")) and low.rstrip(".").endswith("all rights reserved"):
        return "copyright"
    if len(low) <= _PHOTO_BY_LEAD + _PHOTO_BY_TAIL + 20 and ("by" in low or "courtesy" in low):
        found = _PHOTO_BY.search(low)
        if found and found.start() <= _PHOTO_BY_LEAD and len(low) - found.end() <= _PHOTO_BY_TAIL:
            # A byline glued after the credit ("Photo by Jane DoeBy JOHN ROE, Daily News") makes the
            # line the article's byline, which is metadata rather than furniture.
            return None if _BYLINE_AFTER.search(text, found.end()) else "photo-credit"
    if low.endswith(_AGENCY_WORDS):
        found = _AGENCY_END.search(low)
        if found and 0 < found.start() <= _AGENCY_LEAD and low[: found.start()].strip(" -/|,"):
            return "photo-credit"
    return None


def _may_prompt(low: str) -> bool:
    """Whether a line holds a word every newsletter, alert or consent prompt uses (a cheap gate)."""
    # A consent line ("By submitting ... you agree to our terms") holds "agree" or "consent" too.
    return (
        "agree" in low
        or "newsletter" in low
        or "cookie" in low
        or "inbox" in low
        or "alerts" in low
        or "consent" in low
        or "sign up" in low
        or "subscri" in low
    )


def _may_match_prompt(low: str) -> bool:
    """Whether a line holds a phrase some match of `_PROMPT` holds (`_PROMPT_LITERALS`)."""
    return any(map(low.__contains__, _PROMPT_LITERALS))


def furniture_reason(line: str) -> str | None:
    """Why `line` is page furniture, or None when it is (possibly) article text."""
    text = line.strip(_BULLETS).strip()
    if not text:
        return "empty"
    low = text.lower()
    if "(@" in low and _EMBEDDED_POST.search(low):
        return None  # a post the article quotes is part of the article
    if _ANY_LINE_PATTERN.fullmatch(low):
        # The first pattern that matches the whole line names the reason.
        return next(reason for reason, pattern in _LINE_PATTERNS if pattern.fullmatch(low))
    short = len(low) <= _SHORT
    # Word counts only meet thresholds of a few dozen words: spaces are counted rather than the
    # line split (several times faster; a doubled space only makes a line look a word longer).
    n_words = text.count(" ") + 1
    if n_words == 1 and _CODE_WORD.search(text) and not _DOMAIN_HINT.search(low):
        # "s.parentNo", "!function(f,b,e)": a scrap of a page's script, not a section label.
        return "code"
    if n_words == 1 and _is_label(text):
        return "label"
    if short:
        reason = _tail_reason(text, low)
        if reason is not None:
            return reason
    if "@" in text and n_words <= 8 and _EMAIL.search(text):
        return "email"
    if n_words <= _PROMPT_MAX_WORDS and _may_prompt(low) and _may_match_prompt(low) and _PROMPT.search(low):
        return "notice"
    last = text[-1]
    # Code is rare and prose is cheap to find: the code pattern only runs on lines that could be code.
    if (
        (last in "{};" or text[0] in "{}" or "=" in text or "{" in text)
        and not _PROSE.search(text)
        and _CODE.search(text)
    ):
        return "code"
    if _DOMAIN_HINT.search(low):
        if site_description(text) is not None:
            return "site-description"
        if n_words <= _SITE_NAME_MAX_WORDS and last not in _SENTENCE_END and _ENDS_WITH_DOMAIN.search(text):
            return "site-name"
    if (" | " in text or " - " in text) and n_words <= 30 and _PROMO.search(text):
        return "site-description"
    if _is_caption(text, low, n_words):
        return "caption"
    if (last == "." or last == "\u2026") and _is_teaser(text):
        return "teaser"
    if "#" in text and _is_hashtag_line(text.split()):
        return "tags"
    return None
