"""Line-level cues for article boundaries and metadata: datelines, bylines,
date lines, headline-shaped lines, and outlet names."""

from __future__ import annotations

import re
from dataclasses import dataclass

# News agencies as they appear in dateline tags, keyed by lower-cased tag.
AGENCIES: dict[str, str] = {
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "yonhap": "Yonhap",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "jiji press": "Jiji Press",
    "jiji": "Jiji Press",
    "ansa": "ANSA",
    "efe": "EFE",
    "dpa": "dpa",
    "pti": "PTI",
    "ani": "ANI",
    "ians": "IANS",
    "upi": "UPI",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "sputnik": "Sputnik",
    "anadolu": "Anadolu Agency",
    "aa": "Anadolu Agency",
    "bernama": "Bernama",
    "cna": "CNA",
    "kcna": "KCNA",
    "irna": "IRNA",
    "wafa": "WAFA",
    "cgtn": "CGTN",
    "bloomberg": "Bloomberg",
    "cnn": "CNN",
    "bbc": "BBC",
    "rfe/rl": "RFE/RL",
    "vna": "VNA",
    "antara": "Antara",
    "pna": "PNA",
    "sana": "SANA",
    "mena": "MENA",
    "spa": "SPA",
    "wam": "WAM",
    "qna": "QNA",
}

# Well-known outlets' sites, keyed by registered domain.
DOMAINS: dict[str, str] = {
    "koreatimes.co.kr": "Korea Times",
    "koreaherald.com": "Korea Herald",
    "yna.co.kr": "Yonhap",
    "en.yna.co.kr": "Yonhap",
    "joongang.co.kr": "JoongAng Daily",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "afp.com": "AFP",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "cnn.com": "CNN",
    "nytimes.com": "New York Times",
    "washingtonpost.com": "Washington Post",
    "theguardian.com": "The Guardian",
    "aljazeera.com": "Al Jazeera",
    "dw.com": "DW",
    "france24.com": "France 24",
    "rferl.org": "RFE/RL",
    "scmp.com": "South China Morning Post",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "globaltimes.cn": "Global Times",
    "japantimes.co.jp": "Japan Times",
    "nikkei.com": "Nikkei",
    "kyodonews.net": "Kyodo",
    "aa.com.tr": "Anadolu Agency",
    "dailysabah.com": "Daily Sabah",
    "timesofindia.indiatimes.com": "Times of India",
    "ndtv.com": "NDTV",
    "hindustantimes.com": "Hindustan Times",
    "abcnews.go.com": "ABC News",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "foxnews.com": "Fox News",
    "politico.com": "Politico",
    "bloomberg.com": "Bloomberg",
    "ft.com": "Financial Times",
    "wsj.com": "Wall Street Journal",
    "voanews.com": "VOA",
    "tass.com": "TASS",
    "en.people.cn": "People's Daily",
    "thenationalnews.com": "The National",
    "stripes.com": "Stars and Stripes",
    "spacewar.com": "SpaceWar",
    "world.kbs.co.kr": "KBS",
}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\.?"
)
# "Dec. 23", "23 Dec", and with a year: "11 March 2023", "March 11, 2023".
_DAY_MONTH = rf"(?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})(?:,? (?:19|20)\d\d(?!\d))?"
_CAPS_WORD = r"[A-Z][A-Z.'\u2019-]+"
_TITLE_WORD = r"[A-Z][a-z.'\u2019-]+"
_SEP = r"\s*(?:--|-|\u2014|\u2013|:)\s*"
_TAG = r"\((?P<tag>[^()]{2,60})\)"

# "SEOUL (Reuters) - ", "SEOUL, Dec. 23 (Yonhap) ", "WASHINGTON \u2014 ",
# "OHRID, North Macedonia (AP) \u2014 ",
# "Tokyo, July 4 (Jiji Press)--", "(ANSA) - BRUXELLES, 18 MAR - ", "(VOVWORLD) - ".
_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>{_CAPS_WORD}(?:[ /]{_CAPS_WORD}){{0,3}})"  # SEOUL, BUENOS AIRES/MEXICO CITY
    rf"(?:,\s(?P<region>{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,2}}))?"  # , North Macedonia
    rf"(?:,\s?(?P<date>{_DAY_MONTH}))?"  # , Dec. 23
    rf"(?:,?\s*{_TAG})?)"  # (Yonhap)
    rf"(?P<sep>{_SEP}|\s+(?=[A-Z\u201c\"]))"
)
_DATELINE_TITLE = re.compile(
    rf"^(?P<dateline>(?P<place>{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,2}}),\s?(?:(?P<date>{_DAY_MONTH}),?\s*)?{_TAG})"
    rf"(?P<sep>{_SEP}|\s+)"
)
_TAG_FIRST = re.compile(
    rf"^(?P<dateline>{_TAG}(?:{_SEP}(?P<place>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,2}})"
    rf"(?:,\s?(?P<date>\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}}))?)?)(?P<sep>{_SEP})"
)


# Compiled once: these run on every line or every dateline.
_TAG_PARTS = re.compile(r"[/,;]| - ")
# What may follow the names on a byline line: a separator, a time stamp, "on <date>" with or without its
# weekday ("By Jane Doe on Monday, November 18th, 2019 at 11:04 a.m.").
_BYLINE_METADATA = re.compile(
    rf"\s*(?:[,|]|published|updated|posted|on\s+(?:\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|{_MONTH}\s+\d))",
    re.IGNORECASE,
)
_DAY_OF_MONTH = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b")
_WORD_2 = re.compile(r"[^\W\d_]{2,}")
# Linear on any line: a host starts where a run of host characters starts, and a label is taken
# whole (possessive), so a 200,000-letter word is scanned once, not once per letter (that took
# minutes).
_HOST = re.compile(r"(?<![a-z0-9-])(?:[a-z0-9-]++\.)+[a-z]{2,}")


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a body line."""

    text: str  # as printed, without the separator: "SEOUL, Dec. 23 (Yonhap)"
    length: int  # characters to drop from the line to get the body text
    place: str | None
    date: str | None
    agency: str | None


def _agency(tag: str | None) -> str | None:
    """The agency named in a dateline tag: "(Reuters)" -> Reuters, "(X News / Sputnik - ...)" -> Sputnik."""
    if not tag:
        return None
    low = tag.lower().strip()
    if low in AGENCIES:
        return AGENCIES[low]
    for part in _TAG_PARTS.split(low):
        part = part.strip()
        if part in AGENCIES:
            return AGENCIES[part]
    # An unknown tag still names who wrote it, if it looks like a name ("KYMA, KECY/ NBC News" -> first part).
    first = _TAG_PARTS.split(tag)[0].strip()
    return first if first and len(first) <= 30 and not any(c.isdecimal() for c in first) else None


def find_dateline(line: str) -> Dateline | None:
    """The dateline opening `line`, or None.

    It needs an agency tag or a dash: a capitalised word alone is not a dateline.
    """
    for pattern in (_DATELINE, _DATELINE_TITLE, _TAG_FIRST):
        match = pattern.match(line)
        if match is None:
            continue
        groups = match.groupdict()
        tag, sep = groups.get("tag"), match.group("sep").strip()
        if pattern is _DATELINE:
            if not tag and sep not in ("-", "--", "\u2014", "\u2013"):
                continue
            # A hyphen glued to the word is a compound ("U.S.-Russian"), not a dateline's dash.
            if not tag and not match.group("sep")[:1].isspace():
                continue
            # Bare place words must be a place-like name: at most 4 words and the body must follow.
            if len(match.group("place").replace("/", " ").split()) > 4 or len(match.group("place")) < 3:
                continue
        rest = line[match.end() :]
        if len(rest.split()) < 4:
            continue
        place = groups.get("place")
        return Dateline(
            text=match.group("dateline").strip(),
            length=match.end(),
            place=place.split("/")[0].strip().title() if place else None,
            date=groups.get("date"),
            agency=_agency(tag),
        )
    return None


_BYLINE = re.compile(
    r"^(?:(?:[Ww]ritten |[Rr]eported |[Pp]osted )?(?:[Bb]y|BY)|From)\s*:?\s+"
    r"(?P<names>[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|&|de|van|von|al|bin|\|)){0,8}"
    r"(?:\s*,\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}){0,3})",
)
_GLUED_BYLINE = re.compile(r"(?<=[a-z])(?:By|BY) (?=[A-Z])")
_CREDIT = re.compile(r"photo|image|picture|getty|credit", re.IGNORECASE)
_BYLINE_TAIL = re.compile(r"\s*(?:,|\||published|updated|posted|on \d|\d).*$", re.IGNORECASE)


def find_byline(line: str) -> str | None:
    """The author named by a byline line ("By Kang Seung-woo" -> "Kang Seung-woo"), or None."""
    if len(line) > 120:
        return None
    match = _BYLINE.match(line)
    if match is None:
        # A byline glued by the scrape to a picture credit before it: "... Photo by Jane DoeBy JOHN ROE".
        glued = _GLUED_BYLINE.search(line)
        if glued is None or _CREDIT.search(line, 0, glued.start()) is None:
            return None
        line = line[glued.start() :]
        match = _BYLINE.match(line)
        if match is None:
            return None
    names = match.group("names")
    if not names[0].isupper():
        return None
    # The rest of the line must be short metadata, not a sentence ("By AFP Japan said Monday ...").
    rest = line[match.end() :]
    if len(rest.split()) > 5 and not _BYLINE_METADATA.match(rest):
        return None
    names = _BYLINE_TAIL.sub("", names).strip(" |,")
    # Drop a trailing organisation in caps after the names ("Simone McCarthy and Nectar Gan, CNN").
    return names or None


# A byline's lead word on a line of its own: a page sets "By" apart from the author's name, which it
# links to the author's page (a block of its own when pasted), so the name comes on the next line.
_BYLINE_LEADS = frozenset({"by", "posted by", "written by", "words by", "story by", "reported by", "author"})


def find_split_byline(line: str, below: str) -> str | None:
    """The author named by a byline split over two lines ("By" then "Jane Doe | Fox News"), or None."""
    if line.rstrip(" :").casefold() not in _BYLINE_LEADS or below.count(" ") >= 8:
        return None
    return find_byline(f"By {below}")


_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|date)\s*:?\s*)?"
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
    rf"(?:[\s,|-]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?"
    rf"(?:\s*\(.{{0,20}}\))?\s*$",
    re.IGNORECASE,
)
_DATE_ANY = re.compile(
    rf"(?:published|updated|posted)\s*:?\s*(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})",
    re.IGNORECASE,
)


_ANY_DIGIT = re.compile(r"\d")

# A full date in any of the ways pages print one: "November 14, 2022", "16th June 2021",
# "Nov 10 2020", "29/March/2022", "19.03.2023", "2023-07-11", "07/05/2019".
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?[\s/-]+{_MONTH},?[\s/-]+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b",
    re.IGNORECASE,
)
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# What else a date line holds: times, zones, weekdays, "updated", "ago", agency tags.
_DATE_LINE_NOISE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{3,4}\b|\([^()]{0,30}\)|(?-i:\b[A-Z]{2,4}\b)"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:updated|published|posted|last|on|at|date|time)\b"
    r"|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b|\bago\b",
    re.IGNORECASE,
)


# The attribution line under a post quoted from a social network: a dash, the account's name, its handle
# in parentheses, the date ("— Rep. Ilhan Omar (@Ilhan) November 19, 2019").
_POST_ATTRIBUTION = re.compile(r"[\u2014\u2013-]\s*[^()]{1,80}\(@\w{1,30}\)\s.*\b(?:19|20)\d\d\b")


def is_post_attribution(line: str) -> bool:
    """Whether a line signs a post quoted from a social network (a dash, a name, an @handle in
    parentheses, a date): a quotation inside an article, whose date is the post's, not a page's."""
    return "(@" in line and _POST_ATTRIBUTION.match(line.strip()) is not None


def find_date_line(line: str) -> str | None:
    """The date printed by a metadata line ("Published : Dec 23, 2020" -> "Dec 23, 2020"), or None.

    A short line that holds a full date and, besides times, zones, weekdays and an agency tag,
    at most three words ("Updated 5:36 a.m. ET, November 14, 2022", "Tokyo, Nov 18 (AFP) Nov 18,
    2022", "NEWS 19.03.2023 15:33") is a date line too.
    """
    # Every date these patterns read holds a digit: a line without one (most short lines) is no date line.
    if len(line) > 80 or _ANY_DIGIT.search(line) is None:
        return None
    match = _DATE_LINE.match(line.strip())
    if match:
        return _iso_if_dotted(match.group("date"))
    match = _DATE_ANY.search(line)
    if match and len(line.split()) <= 12:
        return match.group("date")
    match = _FULL_DATE.search(line)
    if match is None or line.rstrip().endswith("."):
        return None
    rest = _DATE_LINE_NOISE.sub(" ", _FULL_DATE.sub(" ", line))
    rest = _DAY_OF_MONTH.sub(" ", rest)  # a repeated "Nov 18" without year
    words = _WORD_2.findall(rest)
    return _iso_if_dotted(match.group(0)) if len(words) <= 3 else None


def _iso_if_dotted(date: str) -> str:
    """ "19.03.2023" (day.month.year, as Europe writes it) -> "2023-03-19"; other dates unchanged."""
    match = _DOTTED_DATE.match(date.strip())
    if match is None:
        return date
    day, month, year = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else date


DANGLING = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "this",
        "its",
        "their",
        "his",
        "her",
        "will",
        "would",
        "could",
        "should",
        "can",
        "not",
        "than",
    ]
)
_TERMINAL = ".!?\"\u201d\u2019'):;\u2026\u3002\uff01\uff1f\u300d\u300f"


_CLOSING_QUOTES = "\"'\u201d\u2019"
_PAST_REPORTING = frozenset(["said", "told", "added", "noted", "stressed", "warned"])
_SAID_WORDS = 8  # a line this long with a past-tense reporting verb in it is a sentence of a story


def is_headline_shaped(line: str) -> bool:
    """Short, capitalised, no final full stop: the shape of a headline (or a subhead)."""
    # The length first: most lines are paragraphs, far too long, and need not be cut into words.
    if len(line) > 220:
        return False
    words = line.split()
    if not 3 <= len(words) <= 30:
        return False
    if line[-1] in ".:;,":
        return False
    first = line.lstrip("\"'\u201c\u2018(")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    # A line ending in a function word ("... on Wednesday, that") is a sentence cut off, not a headline.
    if words[-1].lower() in DANGLING or (len(words[-1]) <= 2 and words[-1].islower()):
        return False
    # A quotation closed after a full stop or a comma ends a sentence of reported speech, not a title.
    if line[-1] in _CLOSING_QUOTES and line.rstrip(_CLOSING_QUOTES)[-1:] in ".,":
        return False
    # Headlines report in the present tense ("says"); "said" is the past tense of a story's sentences.
    if len(words) >= _SAID_WORDS and any(w.strip(",") in _PAST_REPORTING for w in words[1:]):
        return False
    # A sentence longer than a headline ends in a full stop; long unpunctuated lines are truncated text.
    return len(words) <= 22 or line[-1] in "?!"


def ends_truncated(line: str) -> bool:
    """A line cut off mid-sentence (the end of a truncated page): no final punctuation, ends in a word."""
    tail = line.rstrip()
    return bool(tail) and tail[-1] not in _TERMINAL and (tail[-1].isalnum() or tail[-1] in "-,")


_PROSE_WORDS = frozenset(["the", "said", "that", "which", "were", "was", "had", "would"])


def reads_cut_off(line: str) -> bool:
    """A sentence cut short, not a headline: no final punctuation, and either a quotation left open
    or a lower-case last word in a line written as prose (headlines drop "the" and "said")."""
    if not ends_truncated(line):
        return False
    if line.count("\u201c") > line.count("\u201d") or line.count("(") > line.count(")"):
        return True
    # The last word first: most lines that end without punctuation end in a capitalised word.
    if not line.rsplit(None, 1)[-1].lstrip("\"'\u201c\u2018(")[:1].islower():
        return False
    words = line.split()
    return len(words) >= 15 or any(w.lower() in _PROSE_WORDS for w in words[1:])


def outlet_from_domain(text: str) -> str | None:
    """The outlet named by a well-known domain mentioned in `text`."""
    if "." not in text:  # every host name holds a dot; most lines name none
        return None
    for match in _HOST.finditer(text.lower()):
        host = match.group(0).removeprefix("www.")
        while host.count(".") >= 1:
            if host in DOMAINS:
                return DOMAINS[host]
            host = host.split(".", 1)[1]
    return None
