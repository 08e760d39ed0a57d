"""The publication date of every article of one pasted document.

Sources, strongest first: the document's metadata; the article's dateline ("SEOUL, Dec. 23");
a date the text itself presents as the publication date ("Published: April 27, 2021", a line
holding only a date); the date in the article's URL ("/2020/03/15/"); and inference from the
text: officeholder windows, anniversaries, the dates of neighbouring articles in the same
paste, and, last, the month of the latest full date the article mentions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.model import Article, DateSource, Granularity, RawDoc
from dateline.time.finding import find_full_dates, parse_partial_date
from dateline.time.values import WEEKDAYS, add_years, month_value, ordinal_number, parse_iso, safe_date
from dateline.time.windows import Window, intersect_windows, office_windows

_Dated = tuple[dt.date, Granularity, DateSource]

# Metadata dates before this are placeholders ("0001-01-01", "1900-01-00"), not publication dates.
EARLIEST_DATE = dt.date(1900, 1, 1)

_PUBLISHED_CUE = re.compile(
    r"\b(?:published|posted|updated|last\s+updated|first\s+published|release\s+date|date)\s*(?:on|at|:)?\s*$",
    re.IGNORECASE,
)
# What may surround a date on a line that is only a date: separators, a clock time, a zone.
_DATE_LINE_REST = re.compile(
    r"^[\s,|·•\-–—:./()]*(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|GMT[+-]?\d*|UTC[+-]?\d*)?)?"
    r"[\s,|·•\-–—:./()]*$",
    re.IGNORECASE,
)
# A dateline left at the start of the body: "WASHINGTON, Dec. 23, 2020 (AP) —".
_BODY_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'-]{1,40},\s*(?=[A-Z][a-z]{2})")
_ANNIVERSARY = re.compile(r"\b(?P<ord>[\w-]+)\s+anniversary\s+of\b", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# A publication date in a URL path, as news sites' content systems write it: "/2020/03/15/",
# "/2020-03-15-", "/20200315/", or a month alone ("/2020/03/").
_URL_DAY = re.compile(
    r"[/_-](?P<year>(?:19[89]|20\d)\d)(?P<sep>[/-]?)(?P<month>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
_URL_MONTH = re.compile(r"/(?P<year>(?:19[89]|20\d)\d)/(?P<month>0[1-9]|1[0-2])/")
_YEAR_WORD = re.compile(r"\b(?:1[89]|20)\d\d\b")
_YEARS_AGO = re.compile(r"\byears?\s+(?:ago|earlier|later|after)\b", re.IGNORECASE)
# Words that put a date ahead of the report: a deadline or the end of a wait ("must leave by
# Dec. 1, 2020", "until June 30, 2021", "no later than"). Such a date says when something is
# due, not when the text was written, so it is no evidence of the publication month.
_AHEAD = re.compile(
    r"\b(?:by|until|till|before|deadline(?:\s+of)?|no\s+later\s+than|due(?:\s+on)?)\s+(?:\w+,?\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Evidence:
    """What one article says about its own date."""

    dateline: tuple[int | None, int, int] | None
    text_date: dt.date | None
    window: Window | None
    anniversary: dt.date | None
    url: tuple[dt.date, Granularity] | None
    latest: dt.date | None


def metadata_date_problem(value: str | None, today: dt.date | None = None) -> str | None:
    """Why a document's metadata date cannot be its publication date, or None when it can (or
    there is none). Sites and exports write placeholders ("0001-01-01") and typos ("2202-05-01");
    taken as real they sort such articles first or last everywhere and overflow date arithmetic.
    """
    parsed = parse_iso(value) if value else None
    if parsed is None:
        return None
    today = today or dt.date.today()
    latest = add_years(today, 1)
    if EARLIEST_DATE <= parsed[0] <= latest:
        return None
    return (
        f"metadata date {value!r} is outside {EARLIEST_DATE.isoformat()}..{latest.isoformat()}; "
        "ignored, the article is dated from its text"
    )


def date_articles(articles: Sequence[Article], doc: RawDoc) -> list[Article]:
    """Give every article of one document its date, granularity and date source.

    Articles that nothing dates keep `date` None. The order of `articles` matters: it is the
    order of the paste, whose neighbours help date each other.
    """
    today = dt.date.today()
    metadata = parse_iso(doc.date) if doc.date and metadata_date_problem(doc.date, today) is None else None
    evidence = [_gather(article, today) for article in articles]
    dated: list[_Dated | None] = []
    for item in evidence:
        dated.append(_plausible(_direct_date(item, metadata, today), today))
    # Datelines without a year, with no window to place them, take the year of a neighbour.
    for index, item in enumerate(evidence):
        if dated[index] is None and item.dateline and item.dateline[0] is None:
            dated[index] = _dateline_from_neighbours(item.dateline, _neighbours(dated, index))
    # Articles that only have a window: a neighbour's month inside it, else the window itself.
    final = list(dated)
    for index, item in enumerate(evidence):
        if final[index] is None and item.window is not None:
            final[index] = _from_window(item.window, _neighbours(dated, index), today)
    # Nothing else: news reports what just happened, so the month of the latest full date it
    # mentions is the best guess left (an event date needs some date to fall back on).
    for index, item in enumerate(evidence):
        if final[index] is None and item.latest is not None:
            final[index] = item.latest, "month", "inferred"
    final = [_plausible(d, today) for d in final]
    return [
        replace(article, date=_format(d[0], d[1]), date_granularity=d[1], date_source=d[2])
        if d
        else replace(article, date=None, date_granularity=None, date_source=None)
        for article, d in zip(articles, final, strict=True)
    ]


def _plausible(dated: _Dated | None, today: dt.date) -> _Dated | None:
    """The date, unless no news is dated so (before 1900 or more than a year ahead): a line
    reading "0001-01-01" in the text is a placeholder, as in metadata."""
    if dated is None or EARLIEST_DATE <= dated[0] <= add_years(today, 1):
        return dated
    return None


def _format(day: dt.date, granularity: Granularity) -> str:
    if granularity == "day":
        return day.isoformat()
    return month_value(day.year, day.month) if granularity == "month" else str(day.year)


def _neighbours(dated: list[_Dated | None], index: int) -> list[_Dated]:
    """The dates of the previous and next article, previous first, where known."""
    around = [dated[i] for i in (index - 1, index + 1) if 0 <= i < len(dated)]
    return [d for d in around if d is not None]


def _gather(article: Article, today: dt.date) -> _Evidence:
    body = article.body
    window = intersect_windows(office_windows(body), today)
    return _Evidence(
        dateline=parse_partial_date(article.dateline_date) if article.dateline_date else None,
        text_date=_published_in_text(body),
        window=window,
        anniversary=_anniversary(body, window, today),
        url=_url_date(article.url, today) if article.url else None,
        latest=_latest_full_date(body, today),
    )


def _url_date(url: str, today: dt.date) -> tuple[dt.date, Granularity] | None:
    """The publication day (or month) a news URL's path gives, if any and not in the future."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?")[0])
    day = _URL_DAY.search(path)
    if day:
        date = safe_date(int(day.group("year")), int(day.group("month")), int(day.group("day")))
        if date and date <= today:
            return date, "day"
    month = _URL_MONTH.search(path)
    if month:
        date = dt.date(int(month.group("year")), int(month.group("month")), 1)
        if date <= today:
            return date, "month"
    return None


def _latest_full_date(body: str, today: dt.date) -> dt.date | None:
    """The latest full date of the text, when no later year is mentioned (a text that also
    names a later year is from then or after, and the date is only background) and the text
    does not look back on it ("the 10th anniversary of", "years ago")."""
    dates = [
        e.first_day
        for e in find_full_dates(body)
        if e.first_day <= today and not _AHEAD.search(body[max(0, e.start - 30) : e.start])
    ]
    if not dates or _ANNIVERSARY.search(body) or _YEARS_AGO.search(body):
        return None
    latest = max(dates)
    years = [int(y) for y in _YEAR_WORD.findall(body)]
    return latest if all(y <= latest.year for y in years) else None


def _direct_date(
    item: _Evidence, metadata: tuple[dt.date, Granularity] | None, today: dt.date
) -> _Dated | None:
    """The date from metadata, dateline, text or an anniversary, if any gives one."""
    if metadata:
        filed = _filed_before(item.dateline, metadata)
        if filed is not None:
            return filed, "day", "dateline"
        return metadata[0], metadata[1], "metadata"
    if item.dateline:
        year, month, day = item.dateline
        if year is None and item.window is not None:
            year = _year_in_window(month, day, item.window, today)
        date = safe_date(year, month, day) if year else None
        if date:
            return date, "day", "dateline"
    if item.text_date:
        return item.text_date, "day", "text"
    if item.url:
        return item.url[0], item.url[1], "metadata"
    if item.anniversary:
        return item.anniversary, "day", "inferred"
    return None


def _filed_before(
    dateline: tuple[int | None, int, int] | None, metadata: tuple[dt.date, Granularity]
) -> dt.date | None:
    """The dateline's day when it is a day or two before the page's published day.

    A wire copy is filed on the day its dateline names ("WASHINGTON, March 17 (Yonhap)"); a
    page dated a day later is the same copy published across a time zone or posted the next
    morning, and "said Wednesday" in it counts from the filing day, not the posting day.
    """
    if dateline is None or metadata[1] != "day":
        return None
    year, month, day = dateline
    published = metadata[0]
    for candidate_year in (year,) if year is not None else (published.year, published.year - 1):
        filed = safe_date(candidate_year, month, day)
        if filed is not None and 1 <= (published - filed).days <= 2:
            return filed
    return None


def _year_in_window(month: int, day: int, window: Window, today: dt.date) -> int | None:
    """The one year that puts month/day inside the window; None when none or several do."""
    years = [
        year
        for year in range(window.start.year, window.last_day(today).year + 1)
        if (date := safe_date(year, month, day)) and window.contains(date) and date <= window.last_day(today)
    ]
    return years[0] if len(years) == 1 else None


def _dateline_from_neighbours(
    dateline: tuple[int | None, int, int], neighbours: list[_Dated]
) -> _Dated | None:
    """A yearless dateline placed in the year that brings it closest to a neighbour's date."""
    _, month, day = dateline
    for reference, _, _ in neighbours:
        candidates = [safe_date(reference.year + delta, month, day) for delta in (-1, 0, 1)]
        best = min((c for c in candidates if c), key=lambda c: abs((c - reference).days), default=None)
        if best is not None:
            return best, "day", "dateline"
    return None


def _from_window(window: Window, neighbours: list[_Dated], today: dt.date) -> _Dated | None:
    """A neighbour's month when its day falls inside the window; else the window's month or year."""
    for date, granularity, _ in neighbours:
        if granularity == "day" and window.contains(date):
            return date, "month", "inferred"
    last = window.last_day(today)
    if (window.start.year, window.start.month) == (last.year, last.month):
        return window.start, "month", "inferred"
    if window.start.year == last.year:
        return window.start, "year", "inferred"
    return None


def _published_in_text(body: str) -> dt.date | None:
    """A full date the text presents as its own: after "Published", alone on a line, or in a
    dateline at the start of the body. Dates of events in running prose do not count."""
    for index, line in enumerate(body.splitlines(keepends=True)):
        for expression in find_full_dates(line):
            before, after = line[: expression.start], line[expression.end :]
            cued = _PUBLISHED_CUE.search(before[-40:]) is not None
            alone = _DATE_LINE_REST.match(before) is not None and _DATE_LINE_REST.match(after) is not None
            dateline = index == 0 and bool(_BODY_DATELINE.match(before)) and before.rstrip().endswith(",")
            if cued or alone or dateline:
                return expression.first_day
    return None


def _anniversary(body: str, window: Window | None, today: dt.date) -> dt.date | None:
    """ "the third anniversary of ..." with a full date of the event in the same article: the
    event's date moved by that many years. It must fall in the officeholder window (when there
    is one) and agree with a weekday named in the same sentence; several candidates → None."""
    full_dates = [e.first_day for e in find_full_dates(body)]
    found: set[dt.date] = set()
    for match in _ANNIVERSARY.finditer(body):
        years = ordinal_number(match.group("ord"))
        if years is None:
            continue
        sentence = _sentence_around(body, match.start())
        weekdays = {WEEKDAYS[w.lower()] for w in _WEEKDAY_WORD.findall(sentence)}
        for date in full_dates:
            candidate = add_years(date, years)
            if candidate > today or (window is not None and not window.contains(candidate)):
                continue
            if weekdays and candidate.weekday() not in weekdays:
                continue
            found.add(candidate)
    return found.pop() if len(found) == 1 else None


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [e for e in (text.find(". ", position), text.find("\n", position)) if e != -1]
    return text[start : min(ends) if ends else len(text)]
