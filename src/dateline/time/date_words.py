"""The words of dates in English news, as pieces of regular expressions: month and weekday
names, days of the month, years, counts and units, parts of the day, ordinal days; and the test
that a name matched without regard to case was written with its capital.

The patterns of `finding` (its table and `parse_partial_date`), `anaphora` and `quarters` are
built from these pieces, so that a month is spelled the same way wherever one is read.
"""

from __future__ import annotations

import re

# Month and weekday names are matched case-insensitively and then required to be capitalised
# (see `capitalised`): "may" and "march" are common words, "MAY" in a headline is not.
MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
)
FULL_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?![a-z])"
)
WEEKDAY = r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![a-z])"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
# Not a year: "2082.1" (an index level), "1998%".
YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d%]|\.\d)"
PHASE = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[-\s]+)?"


# A four-digit number followed by a unit or a plural noun is a count ("2020 people"), not a year.
# The plural must be lower-case: "the 2000 Olympics" is a year.
NOT_A_COUNT = r"(?!\s*(?:percent|per\s+cent|people|men|women|children|police|staff|(?-i:[a-z]{3,}s))\b)"
UNIT = r"(?P<unit>day|week|month|year|decade)s?"
TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUMBER_WORD = (
    rf"(?:{TENS}(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|hundred|an?)"
)
COUNT = rf"(?P<count>{NUMBER_WORD}|\d{{1,3}})"
# Counts of a duration: "three", "twenty-four", "16", "5 1/2", "a couple of", "several".
DURATION_COUNT = (
    rf"(?P<count>\d{{1,4}}(?:\s+1/2)?|{NUMBER_WORD}|(?:a\s+)?couple\s+of|a\s+few|several|few|many)"
    r"(?:\s+(?:more|additional|further|straight|consecutive|full|long|short|trading|business|working|calendar))?"
)
DURATION_UNIT = (
    r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))(?P<plural>s)?"
)


def capitalised(match: re.Match[str], *groups: str) -> bool:
    """Whether each of `groups` the match found begins with a capital ("May", not "may")."""
    found = match.groupdict()
    return all(not found.get(g) or found[g][0].isupper() for g in groups)


PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
DAY_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"


_UNITS_ORDINAL = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
# A day of the month as an ordinal word: "first" … "thirty-first".
ORDINAL_WORD = (
    rf"(?:(?:twenty|thirty)[-\s](?:{_UNITS_ORDINAL})|{_UNITS_ORDINAL}|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
