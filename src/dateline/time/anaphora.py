"""Time expressions that count from the time the text has just named rather than from the
anchor ("the previous day", "two days later", "that night", "the day before Thanksgiving"),
second days of a date ("April 24 and 25"), and the day of a clock time that names none.

`resolve_anaphora` runs over what `finding` found, in text order, and adds or replaces
expressions; deictic ones ("yesterday", "a year ago") stay as the resolvers read them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from dateline.time.date_words import DAY, MONTH, NUMBER_WORD, PARTS_OF_DAY
from dateline.time.resolving import CALENDAR_GRANULARITIES, TimeExpression, in_calendar
from dateline.time.tense import REPORTED
from dateline.time.values import (
    WEEKDAYS,
    TimeGranularity,
    add_months,
    count_number,
    day_value,
    month_value,
    safe_date,
    week_value,
)

# Expressions that name a time relative to one the text has just mentioned, not to the anchor
# (TimeML's anaphoric expressions): "that year", "later that month", "earlier that same day",
# "the following year", "the previous Friday", "the previous day", "the next day", "two days
# later", "a year earlier", "that night". Deictic ones ("yesterday", "last week", "a year ago",
# "on Wednesday") stay with the anchor.
_WEEKDAY_NAME = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "the day before" and "a day after" only when nothing follows: "the day before the vote" names
# the vote's eve, which needs the vote's date.
_ALONE = r"(?=\s*(?:[.,;:!?)\"'\u2019\u201d]|--|_|$))"
ANAPHORA = re.compile(
    r"\b(?P<x>(?:(?:earlier|later)\s+)?(?:that|the\s+same|that\s+same)\s+(?P<same>day|week|month|year))\b"
    r"|\b(?P<y>the\s+(?P<dir>following|previous|preceding|prior)\s+(?P<unit>week|month|year))\b"
    rf"|\b(?P<z>the\s+(?P<wdir>following|previous|preceding|prior)\s+{_WEEKDAY_NAME})\b"
    # "later in the day", "in the morning", "the next morning": the day just named, or the next.
    r"|\b(?P<w>(?:earlier|later)\s+in\s+the\s+day|(?<=\bin\s)the\s+(?P<dpart>morning|afternoon|evening)"
    r"|the\s+(?:next|following)\s+(?P<npart>morning|afternoon|evening|night))\b"
    # "that night", "the same morning": a part of the day just named.
    r"|\b(?P<t>(?:(?:earlier|later)\s+)?(?:that|the\s+same|that\s+same)\s+(?P<tpart>morning|afternoon|evening|night))\b"
    # "earlier in the year", "later in the month": that period of the time just named.
    r"|\b(?P<q>(?:earlier|later)\s+in\s+the\s+(?P<qunit>week|month|year))\b"
    # "the previous day", "the next day", "the day before": one day from the day just named.
    r"|\b(?P<v>the\s+(?P<vdir>previous|preceding|prior|next|following)\s+day"
    rf"|the\s+day\s+(?P<vdir2>before|after){_ALONE})\b",
    re.IGNORECASE,
)
# "two days later", "a year earlier", "a week before": so far from the time just named. Tried
# only where one of its last words stands (`shifts`): a pattern that begins with a number is
# slow to try at every word of a text.
_SHIFT_WORD = re.compile(r"\b(?:earlier|later|before|after)\b", re.IGNORECASE)
_SHIFT = re.compile(
    r"\b(?P<u>(?:(?:about|some|nearly|almost|just|only|barely|more\s+than|less\s+than)\s+)?"
    rf"(?P<ucount>{NUMBER_WORD}|\d{{1,3}})\s+(?P<uunit>day|week|month|year|decade)s?\s+"
    r"(?P<udir>earlier|later|before|after))$",
    re.IGNORECASE,
)
_ALONE_AFTER = re.compile(_ALONE)


def shifts(text: str) -> list[re.Match[str]]:
    """The matches of `_SHIFT` in `text` ("before" and "after" only with nothing after them)."""
    found = []
    for word in _SHIFT_WORD.finditer(text):
        match = _SHIFT.search(text, max(0, word.start() - 60), word.end())
        if match and (
            match.group("udir").lower() in ("earlier", "later") or _ALONE_AFTER.match(text, match.end())
        ):
            found.append(match)
    return found


# The calendar expressions precise enough to count a unit from: a day from a day, a year from
# anything within a year.
_FINE_ENOUGH = {
    "day": {"time", "day"},
    "week": {"time", "day", "week"},
    "month": {"time", "day", "week", "month"},
    "year": CALENDAR_GRANULARITIES,
    "decade": CALENDAR_GRANULARITIES,
}


# How far (characters) a part of the day ("in the morning") may stand from the day it belongs to.
_PART_REACH = 150
# How many sentences back (the expression's own included) a day-level anaphor ("the previous
# day", "two days later", "that night") looks for the time it counts from; further back, the
# narrative has moved on and the anchor is the better guess.
_SENTENCE_REACH = 3
# A sentence ends at . ! ? (not after an initial, a title or an abbreviation like "U.S.") before
# a capital or a quote, or at a paragraph break.
_SENTENCE_END = re.compile(
    r"(?<!\s[A-Z])(?<![A-Z]\.[A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)"
    r"(?<!\b[ap]\.m)(?<!\b(?:Jan|Feb|Aug|Sep|Oct|Nov|Dec))(?<!\bSept)"
    r"[.!?]['\"\u2019\u201d`]*\s+(?=[A-Z\"'`\u201c\u2018(])|\n\s*\n"
)
# A clock time that names no day ("10 p.m.", "noon"): its day is the one just named.
_BARE_CLOCK = re.compile(
    r"(?:\d{1,2}(?::[0-5]\d)?\s*[ap]\.?\s?m\b\.?|noon|midday|midnight)(?:\s+(?:[ECMP][SD]T|GMT)\b)?",
    re.IGNORECASE,
)
# What may stand between a clock time and the day named right after it: "10:35 a.m. (0735 GMT) Friday".
_CLOCK_TO_DAY = re.compile(r"\s*(?:\([^()\n]{1,20}\))?\s*,?\s*(?:on\s+)?$", re.IGNORECASE)


class _Sentences:
    """Sentence starts of a text, found only when first asked for (most texts need none)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def index(self, position: int) -> int:
        """The number of the sentence holding `position`."""
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _SENTENCE_END.finditer(self.text)]
        return bisect.bisect_right(self._starts, position) - 1


def resolve_anaphora(
    text: str, chosen: list[TimeExpression], anchor_day: dt.date | None = None
) -> list[TimeExpression]:
    """Add the expressions that refer back to the last calendar time mentioned before them.

    An anaphoric phrase replaces what it contains ("the previous Friday" over "Friday"); one
    with no earlier time to refer to, or overlapping another expression, is left out. A
    day-level one ("the previous day", "two days later") counts from a day named in its
    sentence or the two before; with none, from `anchor_day` (the anchor, when known to the
    day), which is what a resolver reading it as deictic already did. Bare clock times take
    the day named just before them in their sentence (or right after them).
    """
    sentences = _Sentences(text)
    result = _count_from_named(text, _second_days(text, chosen))
    matches = sorted([*ANAPHORA.finditer(text), *shifts(text)], key=lambda m: m.start())
    for match in matches:
        found = match.groupdict()
        group = next(g for g in ("x", "y", "z", "w", "t", "q", "v", "u") if found.get(g))
        start, end = match.span(group)
        inside = [e for e in result if start <= e.start and e.end <= end]
        if any(e.start < end and e.end > start for e in result if e not in inside):
            continue
        if group == "u" and any(e.granularity == "quarter" for e in inside):
            continue  # "a year earlier" in quarterly results: the reported quarter knows better
        reference: TimeExpression | None
        if group in ("t", "q", "v", "u"):
            unit = (found.get("uunit") or found.get("qunit") or "day").lower()
            reference = _near_reference(result, start, sentences, _FINE_ENOUGH[unit])
            if reference is None:
                if group == "u" or anchor_day is None:
                    continue  # "a year earlier" was read against the anchor already, if at all
                reference = TimeExpression(0, 0, "", day_value(anchor_day), "day")
        else:
            reference = next(
                (
                    e
                    for e in reversed(result)
                    if e.end <= start and e.granularity in CALENDAR_GRANULARITIES and e.value
                ),
                None,
            )
        if group == "w" and (reference is None or start - reference.end > _PART_REACH):
            if anchor_day is None or not re.match(r"(?:earlier|later)\b", found["w"], re.IGNORECASE):
                continue  # "in the morning" far from any day named is habitual ("wakes up in the morning")
            # "later in the day" with no day named close by: the day the report is about, its own.
            reference = TimeExpression(0, 0, "", day_value(anchor_day), "day")
        if reference is None:
            continue
        try:
            resolved = _refer(match, reference)
        except (OverflowError, ValueError):
            resolved = None  # moved past the calendar's ends
        if resolved is None or not in_calendar(*resolved):
            continue
        result = [e for e in result if e not in inside]
        result.append(TimeExpression(start, end, text[start:end], *resolved))
        result.sort(key=lambda e: e.start)
    return _date_clock_times(result, sentences)


# "the day before", "two weeks after", "a year before" right before a time expression: counted from it
# ("the day before Thanksgiving", "two days after Oct. 12").
_COUNTED_FROM = re.compile(
    rf"\b(?:the|(?P<count>{NUMBER_WORD}|\d{{1,3}}))\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>before|after)\s+$",
    re.IGNORECASE,
)


def _count_from_named(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """Join "the day before" / "two weeks after" to the time expression that follows it."""
    result = []
    for expression in expressions:
        match = _COUNTED_FROM.search(text, max(0, expression.start - 40), expression.start)
        unit = match.group("unit").lower() if match else ""
        if match is None or expression.granularity not in _FINE_ENOUGH[unit] or not expression.value:
            result.append(expression)
            continue
        count = count_number(match.group("count")) if match.group("count") else 1
        if count is None:
            result.append(expression)
            continue
        step = count if match.group("dir").lower() == "after" else -count
        start = match.start()
        # The count may have been read as a length ("two days"): the whole phrase replaces it.
        result = [e for e in result if not start <= e.start]
        if result and result[-1].end > start:
            result.append(expression)  # the words belong to the expression before
            continue
        value, granularity = _moved(expression.first_day, unit, step)
        result.append(TimeExpression(start, expression.end, text[start : expression.end], value, granularity))
    return result


# A second day of the same month after a date: "on April 24 and 25", "Dec. 8 or 9"; only when a
# stop or a preposition follows ("April 24 and 25 people" is a count).
_SECOND_DAY = re.compile(
    r"\s+(?:and|or)\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?=\s*(?:[.;:)!?]|,(?!\d)|$|\s+(?:in|at|on|when|while|to|and|for)\b))"
)
_ENDS_IN_DAY = re.compile(rf"{MONTH}\.?\s*{DAY}$", re.IGNORECASE)


def _second_days(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """Add the day that a date shares its month with ("April 24 and 25" → April 25 too)."""
    added = []
    for index, expression in enumerate(expressions):
        if expression.granularity != "day" or not _ENDS_IN_DAY.search(expression.text):
            continue
        match = _SECOND_DAY.match(text, expression.end)
        following = expressions[index + 1] if index + 1 < len(expressions) else None
        if match is None or (following is not None and following.start < match.end()):
            continue
        date = safe_date(expression.first_day.year, expression.first_day.month, int(match.group("day")))
        if date is not None and date > expression.first_day:
            start = match.start("day")
            added.append(
                TimeExpression(
                    start, match.end("day"), text[start : match.end("day")], day_value(date), "day"
                )
            )
    return sorted([*expressions, *added], key=lambda e: e.start) if added else expressions


def _near_reference(
    expressions: list[TimeExpression], start: int, sentences: _Sentences, granularities: set[str]
) -> TimeExpression | None:
    """The last expression of one of `granularities` before `start`, within `_SENTENCE_REACH` sentences."""
    here = sentences.index(start)
    for expression in reversed(expressions):
        if expression.end > start or not expression.value:
            continue
        if here - sentences.index(expression.start) >= _SENTENCE_REACH:
            return None
        if expression.granularity in granularities and not _COMPARISON.search(expression.text):
            return expression
    return None


# A comparison with the same period before ("year-earlier results", "a year ago") names no time
# of the narrative that a later "a year earlier" could count from.
_COMPARISON = re.compile(r"\b(?:year|month|quarter)[-\s](?:earlier|ago)\b|\bago\b", re.IGNORECASE)


def _date_clock_times(expressions: list[TimeExpression], sentences: _Sentences) -> list[TimeExpression]:
    """Give a clock time that names no day the day named just before it in its sentence, else
    the one named right after it ("at about 10:35 a.m. (0735 GMT) Friday"); without either it
    keeps the anchor's day."""
    result = list(expressions)
    for index, expression in enumerate(expressions):
        if expression.granularity != "time" or not _BARE_CLOCK.fullmatch(expression.text):
            continue
        day: str | None = None
        following = expressions[index + 1] if index + 1 < len(expressions) else None
        if (
            following is not None
            and following.granularity in ("day", "time")
            and following.value
            and _CLOCK_TO_DAY.match(sentences.text[expression.end : following.start])
        ):
            day = following.value[:10]
        else:
            here = sentences.index(expression.start)
            for earlier in reversed(result[:index]):
                if sentences.index(earlier.start) != here:
                    break
                # "Police said Tuesday that the blast came at 10 p.m.": Tuesday dates the report.
                reported = REPORTED.search(sentences.text, max(0, earlier.start - 20), earlier.start)
                if earlier.granularity in ("day", "time") and earlier.value and not reported:
                    day = earlier.value[:10]
                    break
        if day is not None:
            result[index] = TimeExpression(
                expression.start, expression.end, expression.text, day + expression.value[10:], "time"
            )
    return result


def _refer(match: re.Match[str], reference: TimeExpression) -> tuple[str, TimeGranularity] | None:
    """The value of an anaphoric match given the time it refers back to."""
    found = match.groupdict()

    def group(name: str) -> str:  # "" for a group the match lacks or left empty
        return found.get(name) or ""

    fine = reference.granularity in ("time", "day")
    day = reference.first_day
    if group("t"):
        return f"{day_value(day)}T{PARTS_OF_DAY[group('tpart').lower()]}", "time"
    if group("q"):
        return _moved(day, group("qunit").lower(), 0)
    if group("v"):
        direction = (group("vdir") or group("vdir2")).lower()
        step = 1 if direction in ("next", "following", "after") else -1
        return day_value(day + dt.timedelta(days=step)), "day"
    if group("u"):
        count = count_number(group("ucount"))
        if count is None:
            return None
        sign = 1 if group("udir").lower() in ("later", "after") else -1
        return _moved(day, group("uunit").lower(), sign * count)
    if group("w"):
        if not fine:
            return None
        part = group("dpart") or group("npart")
        if group("npart"):
            day += dt.timedelta(days=1)
        return (f"{day_value(day)}T{PARTS_OF_DAY[part.lower()]}", "time") if part else (day_value(day), "day")
    if group("same"):
        unit = group("same").lower()
        if unit == "day":
            return (day_value(day), "day") if fine else None
        if unit == "week":
            return (week_value(day), "week") if fine or reference.granularity == "week" else None
        if unit == "month":
            return (
                (month_value(day.year, day.month), "month")
                if fine or reference.granularity == "month"
                else None
            )
        return str(day.year), "year"
    if group("unit"):
        step = 1 if group("dir").lower() == "following" else -1
        unit = group("unit").lower()
        if unit == "week":
            return (week_value(day + dt.timedelta(weeks=step)), "week") if fine else None
        if unit == "month":
            if not (fine or reference.granularity == "month"):
                return None
            return month_value(*add_months(day.year, day.month, step)), "month"
        return str(day.year + step), "year"
    if not fine:
        return None
    target = WEEKDAYS[group("weekday").lower()]
    if group("wdir").lower() == "following":
        return day_value(day + dt.timedelta(days=(target - day.weekday()) % 7 or 7)), "day"
    return day_value(day - dt.timedelta(days=(day.weekday() - target) % 7 or 7)), "day"


def _moved(day: dt.date, unit: str, amount: int) -> tuple[str, TimeGranularity]:
    """`day` moved by `amount` units, at that unit's granularity (a decade is counted in years)."""
    if unit == "day":
        return day_value(day + dt.timedelta(days=amount)), "day"
    if unit == "week":
        return week_value(day + dt.timedelta(weeks=amount)), "week"
    if unit == "month":
        return month_value(*add_months(day.year, day.month, amount)), "month"
    return str(day.year + amount * (10 if unit == "decade" else 1)), "year"
