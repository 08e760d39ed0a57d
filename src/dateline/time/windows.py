"""Publication windows from who holds which office: "President-elect Joe Biden" was written
between the election and the inauguration.

Every "<title> <person>" (or "<person>, the <title>") mention of a term in the officeholder
table gives a window [start, end); "former <title> <person>" gives [end of term, open). The
windows of one article are intersected; a window that would empty the intersection is dropped
(a wrong match must not erase the right ones), narrowest windows first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from dateline.actors.officeholders import Office, offices


@dataclass(frozen=True)
class Window:
    """Days from `start` (inclusive) to `end` (exclusive; None: still open)."""

    start: dt.date
    end: dt.date | None

    def contains(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def last_day(self, today: dt.date) -> dt.date:
        """The last day of the window, an open one closed at `today` (news is not from the future)."""
        return (self.end - dt.timedelta(days=1)) if self.end else max(today, self.start)

    def intersect(self, other: Window) -> Window | None:
        start = max(self.start, other.start)
        ends = [e for e in (self.end, other.end) if e is not None]
        end = min(ends) if ends else None
        return None if end is not None and end <= start else Window(start, end)

    def length(self, today: dt.date) -> int:
        return (self.last_day(today) - self.start).days + 1


# Words that, right before a title, make it not the person's current office.
_NOT_CURRENT = re.compile(
    r"(?:\b(?:vice|deputy|assistant|under|then|late|acting)[\s-]+|\bex-)$", re.IGNORECASE
)
_FORMER = re.compile(r"\b(?:former|ex-)[\s-]*$", re.IGNORECASE)


def _title_pattern(title: str) -> str:
    # Hyphens and spaces vary ("President-elect", "president elect").
    return r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", title))


@dataclass(frozen=True)
class _OfficePatterns:
    office: Office
    full_name: re.Pattern[str]  # the person named in full, anywhere
    before: re.Pattern[str]  # "<title> <name>"
    short: re.Pattern[str]  # "<title> <one part of the name>": "President Moon", "President Biden"
    after: re.Pattern[str]  # "<name>, the (new) <title>"
    incoming: re.Pattern[str] | None  # "the incoming administration of <name>" (for "-elect" titles)


_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    """The lower-cased word-character runs of a text: what a name must all share to occur in it."""
    return set(_WORD.findall(text.lower()))


@cache
def _office_index() -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    """One word of each officeholder name (its longest) -> (office index, all the name's words).

    Every pattern of an office needs one of its names in the text (a surname alone counts only
    next to the full name), so an office whose names' words are not all in the text cannot
    match: looking its names up in the text's words skips the ~250 offices a text never names.
    """
    index: dict[str, list[tuple[int, frozenset[str]]]] = {}
    for position, office in enumerate(offices()):
        for name in office.names:
            words = frozenset(_words(name))
            if words:
                index.setdefault(max(words, key=len), []).append((position, words))
    return {word: tuple(entries) for word, entries in index.items()}


def _named_offices(text: str) -> list[_OfficePatterns]:
    """The patterns of the offices one of whose holders' names occurs in `text`, in table order."""
    words = _words(text)
    index = _office_index()
    found = {
        position
        for word in words & index.keys()
        for position, name_words in index[word]
        if name_words <= words
    }
    patterns = _office_patterns()
    return [patterns[position] for position in sorted(found)]


@cache
def _office_patterns() -> tuple[_OfficePatterns, ...]:
    """The mention patterns of every term in the officeholder table (compiled once)."""
    patterns = []
    for office in offices():
        names = "|".join(re.escape(name) for name in sorted(office.names, key=len, reverse=True))
        parts = {part for name in office.names for part in re.split(r"[\s]+", name) if len(part) >= 3}
        title = _title_pattern(office.title)
        full_name = re.compile(rf"\b(?:{names})\b")
        before = re.compile(rf"\b(?P<title>{title})\s+(?P<name>{names})\b", re.IGNORECASE)
        part_names = "|".join(re.escape(p) for p in sorted(parts))
        short = re.compile(
            rf"\b(?P<title>{title})\s+(?P<name>{part_names})\b(?![\s-]+(?-i:[A-Z]))",
            re.IGNORECASE,
        )
        after = re.compile(
            rf"\b(?P<name>{names}),\s+(?:the\s+)?(?P<qual>(?:new|current|incumbent|former|outgoing)\s+)?"
            rf"(?:[\w.]+\s+)?(?P<title>{title})\b",
            re.IGNORECASE,
        )
        incoming = None
        if office.title.lower().endswith("-elect"):
            incoming = re.compile(
                rf"\bincoming\s+(?:[\w.]+\s+){{0,2}}(?:administration|government)\s+of\s+(?:{names})\b"
                rf"|\b(?:{names})(?:'s|’s|\s+s)?\s+incoming\s+(?:administration|government)\b"
                rf"|\bincoming\s+(?:{names})\s+(?:administration|government)\b"
            )
        patterns.append(_OfficePatterns(office, full_name, before, short, after, incoming))
    return tuple(patterns)


def _capitalised_name(match: re.Match[str]) -> bool:
    # The pattern is case-insensitive for the title only; names must look like names.
    return match.group("name")[0].isupper()


def office_windows(text: str) -> list[Window]:
    """The window of every officeholder mention in `text`, in no particular order.

    A person who held one office for several terms ("Prime Minister Shinzo Abe", 2006-07 and
    2012-20) gives one window of the terms, not each: the term the other mentions agree with
    when only one does, else none (a mention cannot say which term it is). "Former" of such a
    person dates the text after the first term's end.
    """
    # (person, title, former?) -> the windows of that person's terms the text's mentions give
    found: dict[tuple[str, str, bool], set[Window]] = {}
    _office_mentions(text, found)
    single = [w for windows in found.values() if len(windows) == 1 for w in windows]
    common = intersect_windows(single)
    chosen = list(single)
    for (_, _, former), terms in found.items():
        if len(terms) == 1:
            continue
        if former:
            chosen.append(Window(min(w.start for w in terms), None))
            continue
        agreeing = [w for w in terms if common is None or common.intersect(w) is not None]
        if common is not None and len(agreeing) == 1:
            chosen.append(agreeing[0])
    return chosen


def _office_mentions(text: str, found: dict[tuple[str, str, bool], set[Window]]) -> None:
    """Add the window of every officeholder mention in `text` to `found`, by person and title."""

    def add(office: Office, window: Window, former: bool) -> None:
        found.setdefault((office.person, office.title.casefold(), former), set()).add(window)

    named = _named_offices(text)
    for patterns in named:
        office = patterns.office
        # A surname alone ("President Moon") counts only when the article also names the person
        # in full, as news does at first mention; alone it could be anyone of that name.
        mentions = list(patterns.before.finditer(text))
        if patterns.full_name.search(text):
            mentions += patterns.short.finditer(text)
        for match in mentions:
            if not _capitalised_name(match):
                continue
            prefix = text[max(0, match.start() - 12) : match.start()]
            if _FORMER.search(prefix):
                if office.end is not None:
                    add(office, Window(office.end, None), True)
            elif not _NOT_CURRENT.search(prefix):
                add(office, Window(office.start, office.end), False)
        for match in patterns.after.finditer(text):
            if not _capitalised_name(match):
                continue
            if (match.group("qual") or "").strip().lower() == "former":
                if office.end is not None:
                    add(office, Window(office.end, None), True)
            else:
                add(office, Window(office.start, office.end), False)
    # "the incoming (U.S.) administration of Joe Biden", "Biden's incoming administration": the
    # person is president-elect (or the like), so the text is from that term.
    for patterns in named:
        if patterns.incoming is not None and patterns.incoming.search(text):
            add(patterns.office, Window(patterns.office.start, patterns.office.end), False)


def intersect_windows(windows: Iterable[Window], today: dt.date | None = None) -> Window | None:
    """The intersection of the windows, skipping any that contradicts the narrower ones."""
    today = today or dt.date.today()
    result: Window | None = None
    for window in sorted(windows, key=lambda w: (w.length(today), w.start)):
        if result is None:
            result = window
            continue
        narrowed = result.intersect(window)
        if narrowed is not None:
            result = narrowed
    return result
