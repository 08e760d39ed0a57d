"""Resolvers of times that are no place on the calendar: durations ("three years" → P3Y,
"16-hour" → PT16H, "for years" → PXY), sets of times that recur ("daily" → P1D, "every
Thursday" → XXXX-WXX-4) and references to the present, the past and the future ("now" →
PRESENT_REF, "soon" → FUTURE_REF).
"""

from __future__ import annotations

import re

from dateline.time.date_words import PARTS_OF_DAY, capitalised
from dateline.time.resolving import Context, Resolved, Resolver
from dateline.time.values import SEASONS, WEEKDAYS, count_number, month_number


def vague_duration(match: re.Match[str], ctx: Context) -> Resolved:
    """ "for years", "over months": a duration of unknown length ("PXY")."""
    value = _duration_value(None, match.group("unit"))
    return (value, "duration") if value else None


_DURATION_UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True), "day": ("D", 1, False),
    "week": ("W", 1, False), "month": ("M", 1, False), "quarter": ("M", 3, False), "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "centurie": ("Y", 100, False),
}  # fmt: skip
# Half a unit, in the next smaller unit: "5 1/2 hours" → PT5H30M.
# Half a unit, written in the next smaller one: "5 1/2 hours" → PT5H30M.
_HALF_UNITS = {("H", True): "30M", ("M", True): "30S", ("D", False): "T12H", ("Y", False): "6M"}
_VAGUE_COUNT = {"several", "few", "a few", "many", "some", "recent", "coming", "past"}
# A number just before "a year" makes it a rate: "$500 million a year", "24 hours a day".
_RATE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|once|twice|dozen|hundred|thousand|million))"
    r"\S*(?:\s+\S+){0,2}\s+$",
    re.IGNORECASE,
)


def _duration_value(count: int | None, unit_word: str, half: bool = False) -> str | None:
    """The TimeML value of `count` units ("P3Y", "PT5H", "PXM" for an unknown count)."""
    unit_word = unit_word.lower().rstrip("s")
    if unit_word not in _DURATION_UNITS:
        return None
    code, scale, clock = _DURATION_UNITS[unit_word]
    prefix = "PT" if clock else "P"
    if count is None:
        return f"{prefix}X{code}"
    value = f"{prefix}{count * scale}{code}"
    extra = _HALF_UNITS.get((code, clock)) if half and scale == 1 else None
    return value + extra if extra else value


# A modal right before "one day" makes it "some day": "Islam will one day be ...".
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall)\s+$", re.IGNORECASE)


def duration(match: re.Match[str], ctx: Context) -> Resolved:
    """ "three years" → P3Y, "16-hour" → PT16H, "the past two months" → P2M: a length of time."""
    count_text = re.sub(r"\s+", " ", (match.groupdict().get("count") or "").lower())
    unit = match.group("unit")
    if not unit.islower():
        return None  # "60 Minutes" (a programme), "Three Days of the Condor"
    if count_text in ("a", "an", "one") and match.group("plural"):
        return None  # "a years" is not English; "one years" a typo
    if count_text in ("a", "an") and unit.lower() == "second":
        return None  # "a second betrayal": the ordinal, not the unit
    if match.group("x").lower() == "one day" and _MODAL_BEFORE.search(
        match.string, max(0, match.start("x") - 20), match.start("x")
    ):
        return "FUTURE_REF", "ref"  # "will one day be": some day ahead, not a length of a day
    if re.match(r"[\s-]+old\b", match.string[match.end("x") :]):
        return None  # an age ("52 years old"), which TimeML does not mark
    words = match.group("x").lower()
    if unit.lower() == "quarter" and (
        re.match(r"\s+of\b", match.string[match.end("x") :])
        or "-" in words
        or count_text in ("a", "an", "one")
    ):
        return None  # a fraction: "a quarter of", "three-quarters"
    if count_text in ("a", "an") and _RATE.search(
        match.string, max(0, match.start("x") - 30), match.start("x")
    ):
        return None  # a rate ("$1.76 a year", "four flights a week"), not a length of time
    lead = re.match(r"(?:the\s+)?(past|last|next|coming)\b", words)
    if lead and lead.group(1) in ("past", "last") and count_text in ("several", "few", "a few", "many"):
        # "the past several quarters": a vague stretch up to now. Ahead, "the next few days" is
        # a length of unknown count, as TimeML writes vague durations ("PXD", below).
        return "PAST_REF", "ref"
    if count_text == "past" and match.group("plural"):
        return "PAST_REF", "ref"  # "in past years"
    if count_text == "coming" and match.group("plural"):
        return "FUTURE_REF", "ref"  # "in coming months"
    half = False
    if not count_text:
        count: int | None = None if match.group("plural") else 1  # "the past year", "the coming years"
    elif count_text in _VAGUE_COUNT:
        count = None
    elif count_text in ("a couple of", "couple of"):
        count = 2
    else:
        if count_text.endswith(" 1/2"):
            half, count_text = True, count_text[:-4]
        # "a minute and a half", "two hours and a half": half a unit more.
        half = half or bool(match.groupdict().get("andhalf"))
        count = count_number(count_text)
        if count is None or count == 0:
            return None
    value = _duration_value(count, match.group("unit"), half)
    return (value, "duration") if value else None


_SET_VALUES = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M",
    "hour": "PT1H",
}  # fmt: skip


# A quantity right before a frequency word: "8.5%", "$17.9 million", "10,000 units".
_QUANTITY_BEFORE = re.compile(
    r"(?<![\w.,])\d[\d,.]*(?:\s*%|\s+(?:percent|per\s+cent)|(?:\s+(?:million|billion|thousand))?(?:\s+[a-z]+){0,2})\s+$"
)


def frequency(match: re.Match[str], ctx: Context) -> Resolved:
    """ "daily", "every week", "twice a month": a set of times that recur with that period."""
    every = match.group("every").lower()
    if every.endswith("ly") and _QUANTITY_BEFORE.search(
        match.string, max(0, match.start("x") - 40), match.start("x")
    ):
        return None  # a rate ("to rise 8.5% annually", "10,000 units annually"), not times that recur
    return _SET_VALUES[every], "set"


def calendar_set(match: re.Match[str], ctx: Context) -> Resolved:
    """ "every Thursday" → XXXX-WXX-4, "Tuesday nights" → XXXX-WXX-2TNI, "each July" → XXXX-07,
    "every summer" → XXXX-SU: a day, month or season that recurs, as TimeML writes a set."""
    weekday = match.group("weekday") or match.group("weekdays")
    if weekday:
        if not weekday[0].isupper():
            return None
        value = f"XXXX-WXX-{WEEKDAYS[weekday.lower()] + 1}"
        part = match.group("part") or match.group("parts")
        return (f"{value}T{PARTS_OF_DAY[part.lower()]}" if part else value), "set"
    if match.group("month"):
        month = month_number(match.group("month"))
        return (f"XXXX-{month:02d}", "set") if month and capitalised(match, "month") else None
    return f"XXXX-{SEASONS[match.group('season').lower()][0]}", "set"


def soon(match: re.Match[str], ctx: Context) -> Resolved:
    """ "will soon begin", "may soon seek": a time ahead of the anchor; not in a past clause."""
    return None if ctx.tense == "past" else ("FUTURE_REF", "ref")


def long_compound(match: re.Match[str], ctx: Context) -> Resolved:
    """ "day-long" → P1D, "decades-long" → PXY."""
    if not match.group("unit").islower():
        return None
    value = _duration_value(None if match.group("plural") else 1, match.group("unit"))
    return (value, "duration") if value else None


def reference(value: str) -> Resolver:
    """A resolver that gives `value` ("PRESENT_REF", "PAST_REF", "FUTURE_REF") to whatever it matches."""

    def resolve(match: re.Match[str], ctx: Context) -> Resolved:
        return value, "ref"

    return resolve
