"""Finding the temporal expressions of running news text and resolving them against an anchor date.

The patterns below say what each kind of expression looks like and which resolver reads it
(`calendar_dates`, `durations`, `quarters`); each is tried only near its key words, the longest
match wins where they overlap, and `anaphora` then counts what refers back from the time named
before it.

`find_times` finds temporal expressions and resolves each to a TimeML value with its
granularity: calendar dates ("Dec. 23, 2020", "on Wednesday", "next month", "three years ago",
"the third quarter", "last fall", "Friday morning", "10:35 a.m."), durations ("three years"
→ P3Y, "the past two months" → P2M, "16-hour" → PT16H), sets ("daily" → P1D) and references
to the present, past and future ("now" → PRESENT_REF, "recently" → PAST_REF, "the future" →
FUTURE_REF). Relative expressions that the anchor given cannot resolve (none without an
anchor, "Wednesday" against a month) are skipped, never guessed. Impossible dates ("February
30", "April 31", "Dec. 23, 2999") are kept with granularity "unresolved" and no value, so that
they are flagged rather than misread as a shorter date.

Conventions:
- The extent leaves out a leading preposition ("on Wednesday" → "Wednesday"), as TimeML does.
- Weeks are ISO weeks ("2020-W52", granularity "week"); quarters "1989-Q3"; decades "199".
- Past contexts resolve an ambiguous date to the closest one not after the anchor (the anchor
  day itself included); a future cue ("will", "next", "this coming", "scheduled") nearby, or
  `past=False`, resolves it to the closest one not before the anchor. When neither the words
  nor the caller say, a weekday is taken as past (news reports what happened) and a month or
  a month and day as the nearest one either side when within two months of the anchor
  ("payable Nov. 17" in late October), else as the past one ("since the Oct. 23 slaying" in
  May); a date with no preposition of time within two months of the anchor ("the Jan. 14
  deadline") is the nearest, whatever the tense. A time in the infinitive after a verb of
  deciding or ordering is still to come ("decided to admit them in early March"), and so is
  one after "can", "may" or "might" ("can take part in the summit in April"); "up to May" is a
  deadline like "until May". A quotation ends the clause whose tense counts.
- Parts of the day follow TimeML: "Friday morning" → "…TMO", "last night" → "…TNI"; a
  weekend is its ISO week with "-WE"; seasons "1998-FA"; half years "1990-H1".
- Sets follow TimeML too: "daily" → P1D, "twice a week" → P1W, "every Thursday" / "on Mondays" →
  "XXXX-WXX-4" / "XXXX-WXX-1", "each July" → "XXXX-07", "every summer" → "XXXX-SU". Centuries are
  their first two digits ("the 20th century" → "19"); "day-long" is P1D, "decades-long" PXY;
  "soon" and "several years ago" are FUTURE_REF and PAST_REF.
- "Later in the day", "in the morning" and "the next morning" belong to the day named just
  before them (not to the anchor); with none close by, "later in the day" is the anchor's
  and the others are left out.
- Anaphoric expressions count from the time the text just named, deictic ones from the anchor:
  "the previous day", "the next day", "that night", "two days later", "a year earlier" take
  the last fitting time of their sentence or the two before ("on Tuesday ... a day later" is
  Wednesday), else the anchor; "yesterday", "a year ago", "on Wednesday" always the anchor.
  "The day before Thanksgiving" and "two days after Dec. 14" count from the time they name.
- A clock time that names no day ("at 10 p.m.") takes the day named just before it in its
  sentence, or right after it ("10:35 a.m. (0735 GMT) Friday"), else the anchor's.
- In quarterly-results prose, "the quarter", "the latest period", "the year-earlier quarter",
  "this quarter's loss" and "a year earlier" refer to the quarter being reported: the last one
  named before them (a fiscal quarter reported in the past tense is over, whatever the
  calendar says), else the last one to end before the anchor. After a longer span ("the first
  nine months") the comparison is with that span a year before, at year granularity ("the 1988
  period" → "1988"); "the year-earlier nine months" is the length P9M.
- A frequency right after a quantity is a rate, not a set ("to rise 8.5% annually").
- News forms: "for the fiscal year" is the anchor's year and "last fiscal year" / "the latest
  fiscal year" the one before; "fiscal year 2019" and "FY2019" are that year; days may be
  ordinal words ("the twenty-third of March", "July first"); "the '90s" is "199" (only with the
  apostrophe: "the mid-90s" may be degrees); "mid-March" and "the March vote" are months even
  for "May" and "March"; "last February" said in March is a year back (the month just ended
  is "last month"); "a week from now" is a date ahead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.model import Granularity
from dateline.time.anaphora import resolve_anaphora
from dateline.time.calendar_dates import (
    ago,
    bare_month,
    clock_time,
    day_part,
    decade_in_digits,
    decade_in_words,
    far_year,
    from_now,
    holiday,
    iso_day,
    mid_day,
    month_day,
    month_of_relative_year,
    month_year,
    named_century,
    numeric_day,
    relative_day,
    relative_unit,
    season,
    short_decade,
    spelled_day,
    week_of,
    weekday_date,
    weekend,
    year_in_digits,
    year_in_words,
)
from dateline.time.date_words import (
    COUNT,
    DAY,
    DAY_PART,
    DURATION_COUNT,
    DURATION_UNIT,
    FULL_MONTH,
    MONTH,
    NOT_A_COUNT,
    NUMBER_WORD,
    ORDINAL_WORD,
    PHASE,
    TENS,
    UNIT,
    WEEKDAY,
    YEAR,
)
from dateline.time.durations import (
    calendar_set,
    duration,
    frequency,
    long_compound,
    reference,
    soon,
    vague_duration,
)
from dateline.time.quarters import (
    QuarterContext,
    current_quarter,
    half_year,
    numbered_quarter,
    one_year,
    quarter_of_relative_year,
    relative_fiscal_year,
    reported_quarter,
    this_year,
    year_earlier_adjective,
    year_earlier_quarter,
)
from dateline.time.resolving import Context, Resolver, TimeExpression, in_calendar
from dateline.time.tense import PUT_OFF, Tense, clause_tense, parse_tense
from dateline.time.values import bounds, month_number, month_value, safe_date

if TYPE_CHECKING:  # spaCy is optional here: find_times works on plain text
    from spacy.tokens import Doc

# A preposition just before an expression: context only, outside the extent ("on Wednesday").
_PREP_BEFORE = re.compile(
    r"\b(?P<prep>on|in|since|until|till|by|during|from|through|throughout|before|after|of|for|to|between"
    r"|into|over)\s+$",
    re.IGNORECASE,
)


# Each pattern's extent is its group "x"; what lies outside it (a preposition) is context only.
_PATTERN_SOURCES: list[tuple[str, Resolver]] = [
    (r"(?P<x>\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d))(?!\d)", iso_day),
    (r"(?<![\d/])(?P<x>(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d\d))(?![\d/])", numeric_day),
    (rf"(?P<x>\b(?:{WEEKDAY},?\s+)?{PHASE}{MONTH}\s*{DAY}(?:,?\s*{YEAR})?)", month_day),
    (
        rf"(?P<x>\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?)",
        month_day,
    ),
    (rf"(?P<x>\b{PHASE}{MONTH},?\s+(?:of\s+)?{YEAR})", month_year),
    (
        rf"(?P<x>\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+)?{PHASE}"
        rf"{FULL_MONTH})",
        bare_month,
    ),
    (
        r"(?P<x>\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<decade>(?:1[6-9]|20)\d)0(?:'?s)\b)",
        decade_in_digits,
    ),
    (rf"(?<![$\d.,])(?P<x>\b{PHASE}{YEAR})(?!-\d){NOT_A_COUNT}", year_in_digits),
    # "fiscal 1989 sales", "post-1959 politics": a year whatever follows.
    (
        rf"(?P<x>\b(?:fiscal\s+(?:year\s+)?|(?-i:FY)\s?|(?<=\bpost-)|(?<=\bpre-)|(?<=\bmid-)){YEAR})(?!-\d)",
        year_in_digits,
    ),
    (
        r"(?P<x>\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|yesterday|tomorrow"
        r"|the\s+(?:previous|preceding|prior)\s+day|a\s+day\s+(?:earlier|before)"
        # "the day before" alone, not "the day before the vote" or "the day before returning".
        r"|the\s+day\s+before(?=\s*[.,;:!?)\"'\u2019]|\s*$))"
        rf"{DAY_PART})(?![\w-])",
        relative_day,
    ),
    (r"(?P<x>\b(?:(?:this|last)\s+(?:morning|afternoon|evening|night)|tonight))\b", day_part),
    (
        rf"(?P<x>\b(?:(?P<hour>\d{{1,2}})(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
        r"|(?P<noon>noon|midday|midnight))(?:\s+(?:[ECMP][SD]T|GMT)\b)?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<rel>last|next|this)\s+)?{WEEKDAY}|,?\s+(?:on\s+)?{MONTH}\s*{DAY}(?:,?\s*{YEAR})?)?)",
        clock_time,
    ),
    (rf"(?P<x>\b{FULL_MONTH}\s+(?P<rel>last|this|next)\s+year)\b", month_of_relative_year),
    (
        rf"(?P<x>\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+)?{WEEKDAY}"
        rf"{DAY_PART})",
        weekday_date,
    ),
    (
        r"(?P<x>\b(?:(?:earlier|later)\s+)?(?P<rel>last|next|this|coming)\s+"
        r"(?P<unit>week|month|quarter|year))\b",
        relative_unit,
    ),
    (
        r"(?P<x>\b(?:(?:early|late)\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|the|past|coming)\s+weekend)\b",
        weekend,
    ),
    (
        # With a month or a season before it: "January nineteen ninety-seven", "the winter of ...".
        rf"(?P<x>\b(?:{FULL_MONTH},?\s+|(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+)?"
        r"(?:the\s+year\s+two\s+thousand(?:\s+and\s+(?P<rest>\w+))?"
        rf"|(?P<century>nineteen|twenty)\s+(?:hundred\s+and\s+)?(?P<tail>{TENS}(?:[-\s]\w+)?|ten|eleven|twelve"
        r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)))\b",
        year_in_words,
    ),
    (
        r"(?P<x>\b(?:(?P<rel>last|next|this|coming)\s+)?(?P<holiday>(?-i:Thanksgiving)(?:\s+(?-i:Day))?"
        r"|(?-i:Christmas)(?:\s+(?-i:Eve|Day))?|(?-i:New\s+Year['’]s\s+(?:Eve|Day))|(?-i:Independence\s+Day)"
        r"|(?-i:Labor\s+Day)|(?-i:Memorial\s+Day)|(?-i:Election\s+Day)|(?-i:Easter)(?:\s+(?-i:Sunday))?"
        r"|(?-i:Halloween)|(?-i:Valentine['’]s\s+Day))"
        rf"(?:,?\s+{YEAR})?)\b",
        holiday,
    ),
    (
        r"(?P<x>\b(?:(?:almost|nearly|about|some|more\s+than|less\s+than|roughly|around|over|just|only)\s+)?"
        rf"{COUNT}\s+{UNIT}\s+(?:or\s+so\s+)?(?:ago|earlier))\b",
        ago,
    ),
    (
        rf"(?P<x>\b(?:the\s+)?(?:(?:{YEAR}|fiscal|its|their)\s+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+quarter"
        rf"(?:(?:\s+of|,)?\s+(?:fiscal\s+)?(?P<year2>(?:1[6-9]|20)\d\d)(?!\d))?)\b",
        numbered_quarter,
    ),
    (
        r"(?P<x>\bthe\s+(?:(?:latest|most\s+recent|just[-\s]ended)\s+)?(?:fiscal\s+)?quarter)\b(?!-)",
        reported_quarter,
    ),
    (r"(?P<x>\bthe\s+latest\s+(?:fiscal\s+)?period)\b", reported_quarter),
    (
        rf"(?P<x>\b(?:the\s+)?(?:year[-\s](?:earlier|ago)|{YEAR})\s+"
        r"(?:(?P<ord>first|second|third|fourth)[-\s]+)?(?:fiscal\s+)?(?:quarter|period"
        r"|(?:first\s+)?(?P<months>three|six|nine|twelve)\s+months))\b",
        year_earlier_quarter,
    ),
    (r"(?P<x>\byear-(?:earlier|ago))\b", year_earlier_adjective),
    (
        r"(?P<x>\b(?P<rel>last|this|next)\s+year['’]s\s+(?:(?P<ord>first|second|third|fourth)[-\s]+)?"
        r"(?:fiscal\s+)?(?:quarter|period))\b",
        quarter_of_relative_year,
    ),
    (r"(?P<x>\bthe\s+current\s+(?:fiscal\s+)?quarter)\b", current_quarter),
    (
        r"(?P<x>\bthe\s+(?:(?:corresponding|comparable|same)\s+(?:quarter|period)|quarter|period)\s+"
        r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year))\b",
        year_earlier_quarter,
    ),
    (
        rf"(?P<x>\b(?:the\s+)?(?P<which>first|second|last|latter)\s+(?:half|two\s+quarters)\s+(?:of\s+)?(?:fiscal\s+)?"
        rf"{YEAR})",
        half_year,
    ),
    (
        rf"(?P<x>\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+)?"
        rf"(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+(?:of\s+)?{YEAR})?)(?![\w-])",
        season,
    ),
    # Durations: "three years", "the past two months", "16-hour", "5 1/2 hours", "a few days".
    (
        r"(?P<x>\b(?:(?:the\s+)?(?:past|last|next|coming|first|previous|following|final|remaining)\s+|the\s+)?"
        r"(?:(?:more\s+than|less\s+than|nearly|almost|about|around|roughly|at\s+least|up\s+to|over)\s+)?"
        rf"{DURATION_COUNT}[-\s]+{DURATION_UNIT}(?P<andhalf>\s+and\s+a\s+half)?)(?![\w-])",
        duration,
    ),
    # "the following year" is a date relative to an event, not a length: left out.
    (rf"(?P<x>\bthe\s+(?:past|last|next|coming)\s+{DURATION_UNIT})(?![\w-])", duration),
    (rf"(?P<x>\b(?P<count>recent|coming|past)\s+{DURATION_UNIT})(?![\w-])", duration),
    (
        r"\b(?:for|over|within)\s+(?P<x>(?P<unit>year|month|week|day|decade|hour)s)\b"
        r"(?!\s+(?:ago|earlier|later|of|before|after)\b)",
        vague_duration,
    ),
    (
        r"\b(?:over|in)\s+(?P<x>the\s+(?P<unit>year|month|week|decade)s)\b(?!\s+(?:ago|of|before|after)\b)",
        vague_duration,
    ),
    (r"(?P<x>\bthe\s+(?P<unit>year|month|week|day)s\s+ahead)\b", vague_duration),
    # Sets: "daily", "every week" (not "the daily Al-Ahram").
    # TimeML marks "daily" as a set whether adverb or adjective ("daily flights").
    (r"(?P<x>\b(?P<every>daily|nightly|weekly|monthly|annually|yearly|hourly))\b", frequency),
    (r"(?P<x>\b(?:every|each)\s+(?P<every>day|week|month|year|quarter|hour))\b", frequency),
    # References to the present, the past and the future.
    (r"(?P<x>\b(?:now|currently|presently|nowadays|at\s+present|these\s+days))\b", reference("PRESENT_REF")),
    (r"(?P<x>\b(?:recently|lately|formerly|the\s+past|recent))\b", reference("PAST_REF")),
    # "current" as a time ("current realities"), not a flow ("current account", "alternating current").
    (
        # "The then current price" is the present of another time, not of the text.
        r"(?<!\bthen\s)(?<!\bthen-)(?P<x>\bcurrent)\b"
        r"(?!\s+(?:account|accounts|affairs|events|flow|flows|assets|liabilities)\b)",
        reference("PRESENT_REF"),
    ),
    (
        r"(?P<x>\b(?:the\s+(?:(?:near|distant|foreseeable|immediate)\s+)?future|the\s+(?:near|short)\s+term"
        r"|as\s+soon\s+as\s+possible|a\s+later\s+date))\b",
        reference("FUTURE_REF"),
    ),
    # The year a report covers: "for the full year", "sales for the year", "the current fiscal year".
    (
        r"(?P<x>\bthe\s+(?:full|current|current\s+fiscal|calendar)\s+year"
        r"|(?:(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bof\s))the\s+(?:fiscal\s+)?year"
        r"(?!\s+(?:before|after|earlier|ago|end|\d|two)|-|\s+end(?:ed|ing)))\b",
        this_year,
    ),
    # "last fiscal year", "the latest fiscal year", "next fiscal year": a fiscal year counted from
    # the anchor's (the latest one is the last closed, as with "the latest quarter").
    (
        r"(?P<x>\b(?:(?P<rel>last|next|this|coming)|the\s+(?P<rel2>latest|previous|prior|most\s+recent|past|last"
        r"|next|coming))\s+fiscal\s+year)\b(?!-|\s+end(?:ed|ing)\b)",
        relative_fiscal_year,
    ),
    (r"(?P<x>\bthe\s+(?:fiscal\s+)?year)(?=\s+end(?:ed|ing)\b)", one_year),
    (r"(?P<x>\b(?:the\s+end\s+of\s+the\s+year|year['’]s\s+end|year[-\s]end))\b", this_year),
    (
        r"(?P<x>\bthe\s+(?:nineteen\s+)?(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
        decade_in_words,
    ),
    # "several years ago", "years ago": a time in the past of unknown distance, not a length.
    (
        r"(?P<x>\b(?:(?:several|a\s+few|many)\s+)?(?P<unit>year|month|week|day)s\s+ago)\b",
        reference("PAST_REF"),
    ),
    # Centuries: "the 20th century", "the eleventh century" → "19", "10".
    (
        r"(?P<x>\b(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)"
        r"[-\s]+century)(?![\w-])",
        named_century,
    ),
    # Sets of calendar days: "every Thursday", "on Mondays", "Tuesday nights", "each July", "every summer".
    (
        rf"(?P<x>\b(?:(?:every|each)\s+{WEEKDAY}(?:\s+(?P<part>morning|afternoon|evening|night))?"
        r"|(?P<weekdays>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:s|\s+(?P<parts>morning|afternoon|evening|night)s)"
        rf"|(?:every|each)\s+{FULL_MONTH}|(?:every|each)\s+(?P<season>spring|summer|fall|autumn|winter)))\b",
        calendar_set,
    ),
    # "soon": a time ahead, when the clause does not speak of the past ("soon became a flood").
    (
        r"(?<!\bas\s)(?P<x>\b(?-i:[Ss]oon))\b(?!\s+(?:as|after|afterwards?|thereafter|before|enough)\b)",
        soon,
    ),
    # "the week of March 6": the ISO week holding that day.
    (rf"(?P<x>\bthe\s+week\s+of\s+{MONTH}\s*{DAY}(?:,?\s*{YEAR})?)", week_of),
    # "mid-afternoon", "midmorning yesterday", "mid-afternoon Friday": that part of the day named,
    # or of the anchor day.
    (
        r"(?P<x>\bmid[-\s]?(?P<part>morning|afternoon)"
        rf"(?:\s+(?P<day>yesterday|today|tomorrow|{WEEKDAY}))?)\b",
        mid_day,
    ),
    # "day-long", "weeklong", "decades-long": an adjective of duration, one unit or an unknown number.
    (r"(?P<x>\b(?P<unit>minute|hour|day|week|month|year|decade)(?P<plural>s)?-?long)\b", long_compound),
    # Frequencies: "twice a week", "three times a year", "once per month" are sets of that period.
    (
        rf"(?P<x>\b(?:once|twice|thrice|(?:\d{{1,3}}|{NUMBER_WORD})\s+times)\s+(?:a|an|per|each|every)\s+"
        r"(?P<every>day|week|month|year|quarter|hour))\b",
        frequency,
    ),
    # A year of five digits or more ("the year 99999") is no calendar year: flagged, unresolved.
    (r"(?P<x>\b(?:the\s+)?year\s+\d{5,})\b", far_year),
    # Days written as ordinal words: "the twenty-third of March", "March first", "June the fourth".
    (
        rf"(?P<x>\b(?:{WEEKDAY},?\s+)?the\s+(?P<dayword>{ORDINAL_WORD})\s+of\s+{MONTH}(?:,?\s+{YEAR})?)\b",
        spelled_day,
    ),
    (rf"(?P<x>\b{MONTH}\s+(?:the\s+)?(?P<dayword>{ORDINAL_WORD})(?:,?\s+{YEAR})?)\b", spelled_day),
    # Decades with the century left out: "the '90s", "the mid-'80s", "the late ’70s" (the apostrophe
    # tells them from temperatures and ages: "in the mid-90s").
    (r"(?P<x>\bthe\s+(?:(?:early|mid|late)[-\s]+)?['’](?P<tens>\d)0s)(?!\w)", short_decade),
    # "a week from now", "two days from today": the anchor moved ahead by that much.
    (rf"(?P<x>\b{COUNT}\s+{UNIT}\s+from\s+(?:now|today))\b", from_now),
]
# For speed: the words (lower case; "#" a digit) one of which every match of the pattern at the
# same index above contains. A pattern is tried only near them (`_Spots`): Python's regex engine
# tries a pattern that begins with a word boundary and alternatives at every position of the
# text, and most of a news text is far from any word a time expression needs.
_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur")
_FULL_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
# Every ordinal word from "first" to "thirty-first" holds one of these.
_ORDINAL_KEYS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "teenth", "tieth",
)  # fmt: skip
_PATTERN_KEYS: list[tuple[str, ...]] = [
    ("#",), ("#",), ("#",), ("#",), ("#",), _FULL_MONTHS, ("#",), ("#",), ("#",),  # dates, years
    ("day", "tomorrow"), ("morning", "afternoon", "evening", "night"), ("#", "noon", "day", "night"),
    ("year",), ("day",), ("week", "month", "quarter", "year"), ("weekend",),
    ("thousand", "nineteen", "twenty"), ("thanksgiving", "christmas", "year", "day", "easter", "halloween"),
    ("ago", "earlier"), ("quarter",), ("quarter",), ("period",), ("quarter", "period", "months"), ("year",),
    ("quarter", "period"), ("quarter",), ("quarter", "period"), ("half", "quarters"),
    ("spring", "summer", "fall", "autumn", "winter"), _UNITS, _UNITS, _UNITS,  # seasons, durations
    ("year", "month", "week", "day", "decade", "hour"), ("year", "month", "week", "decade"),
    ("year", "month", "week", "day"),
    ("daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly"),
    ("day", "week", "month", "year", "quarter", "hour"),
    ("now", "current", "present", "day"), ("recent", "lately", "formerly", "past"), ("current",),
    ("future", "term", "possible", "date"), ("year",), ("fiscal",), ("year",), ("year",),
    ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"),
    ("year", "month", "week", "day"),
    ("century",), ("every", "each", "days", "nights", "mornings", "afternoons", "evenings"), ("soon",),
    ("week",), ("mid",), ("long",), ("once", "twice", "thrice", "times"), ("year",),
    _ORDINAL_KEYS, _ORDINAL_KEYS, ("0s",), ("from",),
]  # fmt: skip
assert len(_PATTERN_KEYS) == len(_PATTERN_SOURCES), "one key tuple per pattern"


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    resolver: Resolver
    keys: tuple[str, ...]


_PATTERNS = [
    _Pattern(re.compile(source, re.IGNORECASE), resolver, keys)
    for (source, resolver), keys in zip(_PATTERN_SOURCES, _PATTERN_KEYS, strict=True)
]
# The absolute calendar dates (ISO, numeric, month and day with a year): no anchor needed.
_FULL_DATE_PATTERNS = [p for p in _PATTERNS if p.resolver in (iso_day, numeric_day, month_day)]
# How far from a key word a match may begin or end (its lookarounds included).
_KEY_REACH = 120
_DIGITS = re.compile(r"\d+")


class _Spots:
    """Where a text's key words are, and the stretches of text around them worth scanning."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        # Lower-casing may change the length of a rare character ("İ"); offsets then differ, so
        # the whole text is scanned.
        self.exact = len(self.lowered) == len(text)
        self._positions: dict[str, list[int]] = {}
        self._segments: dict[tuple[str, ...], list[tuple[int, int]]] = {}

    def _find(self, key: str) -> list[int]:
        found = self._positions.get(key)
        if found is None:
            if key == "#":
                found = [m.start() for m in _DIGITS.finditer(self.text)]
            else:
                found = []
                index = self.lowered.find(key)
                while index != -1:
                    found.append(index)
                    index = self.lowered.find(key, index + 1)
            self._positions[key] = found
        return found

    def segments(self, keys: tuple[str, ...]) -> list[tuple[int, int]]:
        """Disjoint (start, end) stretches holding every place a match with one of `keys` could be."""
        if not self.exact:
            return [(0, len(self.text))]
        cached = self._segments.get(keys)
        if cached is not None:
            return cached
        spots = sorted(p for key in keys for p in self._find(key))
        merged: list[tuple[int, int]] = []
        for spot in spots:
            start, end = max(0, spot - _KEY_REACH), min(len(self.text), spot + _KEY_REACH)
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self._segments[keys] = merged
        return merged


def _anchor_span(anchor: dt.date, granularity: Granularity) -> tuple[dt.date, dt.date]:
    if granularity == "day":
        return anchor, anchor
    if granularity == "month":
        return bounds(month_value(anchor.year, anchor.month), "month")
    return bounds(str(anchor.year), "year")


def find_times(
    text: str,
    anchor: dt.date | None,
    anchor_granularity: Granularity | None = "day",
    past: bool | None = None,
    parse: Doc | None = None,
) -> list[TimeExpression]:
    """Time expressions of `text` resolved against `anchor`, in text order, without overlaps.

    `anchor` is the reference date (usually the publication date) known to
    `anchor_granularity`; relative expressions finer than it ("Wednesday" against a month)
    are skipped, as is everything relative when there is no anchor. `past` is the tense to
    assume when the words around an expression do not say (None: do not assume; a weekday
    is then past and a partial date the nearest one). `parse`, a spaCy Doc of exactly `text`,
    when given, decides the tense from the verb that governs each expression; where the parse
    does not say, the words around it do.
    """
    return _find(text, anchor, anchor_granularity, past, _PATTERNS, parse)


def _find(
    text: str,
    anchor: dt.date | None,
    anchor_granularity: Granularity | None,
    past: bool | None,
    patterns: list[_Pattern],
    parse: Doc | None = None,
) -> list[TimeExpression]:
    if anchor is None or anchor_granularity is None:
        first = last = None
        granularity: Granularity | None = None
    else:
        first, last = _anchor_span(anchor, anchor_granularity)
        granularity = anchor_granularity
    default: Tense = None if past is None else ("past" if past else "future")
    quarters = QuarterContext(text, first, granularity)
    candidates: list[TimeExpression] = []
    spots = _Spots(text)
    for pattern in patterns:
        # Segments are disjoint and each reaches past any match begun in it, so scanning them
        # finds exactly the matches a scan of the whole text would.
        matches = (
            match
            for segment_start, segment_end in spots.segments(pattern.keys)
            for match in pattern.regex.finditer(text, segment_start, segment_end)
        )
        resolver = pattern.resolver
        for match in matches:
            start, end = match.span("x")
            tense = clause_tense(text, start, end)
            before = _PREP_BEFORE.search(text, max(0, start - 12), start)
            prep = before.group("prep").lower() if before else ""
            if (
                before is not None
                and prep == "to"
                and text[max(0, before.start() - 3) : before.start()] == "up "
            ):
                prep = "until"  # "for six months up to May": a deadline
            phrase_start = before.start() if before else start
            if tense is None and prep in ("by", "until", "till"):
                tense = "future"  # a deadline: "by Jan. 14"
            if prep in ("to", "until", "till", "through") and PUT_OFF.search(
                text, max(0, start - 60), phrase_start
            ):
                tense = "future"
            if tense is None and parse is not None:
                # The words' cues come first (they know "deadline", "scheduled", "until"); where
                # they say nothing, the verb the parse finds governing the expression.
                tense = parse_tense(parse, start, end)
            context = Context(
                first,
                last,
                granularity,
                tense or default,
                quarters.at(start),
                quarters.quarterly(start),
                prep,
                span=quarters.span(start),
            )
            try:
                resolved = resolver(match, context)
            except (OverflowError, ValueError):
                # Arithmetic past the calendar's ends (an anchor near year 1 or 9999, "in 9000
                # years"): no date to give, and one expression must not cost the article.
                resolved = None
            if resolved is not None and in_calendar(*resolved):
                value, value_granularity = resolved
                candidates.append(TimeExpression(start, end, text[start:end], value, value_granularity))
    # Longest first, then earliest, so "Wednesday, Dec. 23, 2020" beats its parts.
    candidates.sort(key=lambda e: (-(e.end - e.start), e.start))
    chosen: list[TimeExpression] = []
    for expression in candidates:
        if all(expression.end <= c.start or expression.start >= c.end for c in chosen):
            chosen.append(expression)
    chosen.sort(key=lambda e: e.start)
    if patterns is _PATTERNS:
        chosen = resolve_anaphora(text, chosen, first if granularity == "day" else None)
    return chosen


def find_full_dates(text: str) -> list[TimeExpression]:
    """The full calendar dates of `text` ("Dec. 23, 2020", "2020-12-23", "Tuesday, Sept. 8, 2020"),
    in text order: what `find_times` finds at day granularity with no anchor, but faster, as only
    the patterns of absolute dates are tried."""
    return [e for e in _find(text, None, None, None, _FULL_DATE_PATTERNS) if e.granularity == "day"]


_PARTIAL_DATE = [
    re.compile(rf"\b{MONTH}\s*{DAY}(?:,?\s*{YEAR})?", re.IGNORECASE),
    re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?", re.IGNORECASE),
]


def parse_partial_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first date in `text` ("Dec. 23", "23 December 2020")."""
    iso = re.search(r"\b(\d{4})-(\d\d)-(\d\d)\b", text)
    if iso and safe_date(*(int(g) for g in iso.groups())):
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    for pattern in _PARTIAL_DATE:
        for match in pattern.finditer(text):
            month = month_number(match.group("month"))
            day = int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else None
            if month and safe_date(year or 2000, month, day):  # 2000: a leap year, Feb. 29 passes
                return year, month, day
    return None
