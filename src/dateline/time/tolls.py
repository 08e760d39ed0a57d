"""Tolls and tallies: acts counted over a period, no single day's ("have killed 300 since 2019",
"arrested 2,000 people in the past week", "In all, 300 people were killed")."""

from __future__ import annotations

import re

from dateline.time.aspect import lasts_up_to_now

# A toll or tally that accrues over time ("have killed 300 since 2019", "has arrested 50 so far").
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had|['’]ve)\s+(?:\w+\s+){0,3}$", re.I)
# A participle coordinated with a perfect shares it: "has displaced a million people and killed 300".
_PERFECT_COORDINATED = re.compile(
    r"\b(?:has|have|['’]ve)\s+(?:\w+\s+)?\w+(?:ed|en|wn|ft|lt|t)\b(?:[^,;.]|\.\d){0,80}?\band\s+$", re.I
)
# A protracted process as the subject of a perfect: "The insurgency has killed at least 300
# people", "The protests, which began in March, have left 300 dead": its toll, no single day's act.
_PROTRACTED_SUBJECT = re.compile(
    r"^\W*(?:the|this|that|its|their|[\w.]+['’]s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:war|wars|conflict|insurgency|violence|fighting|crackdown|unrest|uprising|rebellion|revolt|protests"
    r"|occupation|siege|blockade|epidemic|pandemic|famine|drought|hostilities)"
    r"(?:\s*,[^,;]*,)?\s+(?:has|have)\s+",
    re.I,
)
_ACCRUING = re.compile(
    r"\b(?:since|so\s+far|to\s+date|thus\s+far|in\s+total"
    r"|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+){0,2}(?:weeks|months|years|decades|year)"
    r"|over\s+the\s+(?:years|decades|months)|for\s+(?:many\s+|several\s+)?(?:years|decades|months)"
    # "has met regularly", "have clashed repeatedly", "has visited five times": many occasions
    r"|regularly|repeatedly|frequently|often|(?:several|many|\w+)\s+times)\b",
    re.I,
)
# A count in the thousands: with a perfect ("have arrested more than 14,000 people", "has killed
# thousands") a tally over time, as no single day's act reaches it in news of this kind.
_TALLY = re.compile(r"\b(?:\d{1,3}(?:,\d{3})+|\d{5,}|thousands|millions|\d+(?:\.\d+)?\s+million)\b", re.I)
# "Since the coup, the junta has detained ...": a since-phrase that opens the sentence.
_SINCE_OPENING = re.compile(r"^\W*since\b[^,;]*,", re.I)
# A period the act is spread over, whatever its tense: "killed 300 civilians over the past month",
# "arrested 2,000 people in the past week", "so far", "during the three-month offensive".
_SPAN = re.compile(
    r"\b(?:(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:[\w-]+\s+){0,2}(?:weeks?|months?|years?|decades?)"
    r"|so\s+far|to\s+date|thus\s+far|throughout\s+the\s+[\w-]+"
    # "during the three-month offensive" (not "during the two-day visit": its days are the report's)
    r"|(?:during|over)\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+)?[\w]+-(?:week|month|year)(?:-long)?\s+[\w-]+)\b",
    re.I,
)
# "In all, 300 people were killed ...", "Since March, air strikes killed 300 ...": a sentence
# that opens on a total or on a period.
_TOTAL_OPENING = re.compile(
    r"^\W*(?:in\s+all|in\s+total|altogether|all\s+told|so\s+far|to\s+date|thus\s+far|since\b[^,;]*),", re.I
)


def accrues(sentence: str, trigger: int, start: int, end: int) -> bool:
    """Whether the event, whose clause runs from `start` to `end`, is a toll or tally that
    accrues over time: a perfect tense with an accruing phrase ("have killed 300 since 2019", "has
    arrested 120 so far this year")."""
    before = sentence[max(0, trigger - 40) : trigger]
    clause = sentence[start:end]
    coordinated = _PERFECT_COORDINATED.search(sentence[max(0, trigger - 120) : trigger])
    if not (_PERFECT_BEFORE.search(before) or coordinated):
        return False
    if _PROTRACTED_SUBJECT.match(sentence[:trigger]):
        return True
    if lasts_up_to_now(clause, before):
        return True  # "have been in talks for nearly a decade"
    return bool(_ACCRUING.search(clause) or _SINCE_OPENING.match(sentence[:trigger]) or _TALLY.search(clause))


def spans_a_period(sentence: str, trigger: int, clause: str) -> bool:
    """Whether the act, whose clause is `clause` (naming no day of its own), is a count over a
    period ("killed 300 civilians over the past month"), in any tense."""
    if re.search(r"\bsince\b", clause, re.I) and _TALLY.search(clause):
        return True  # "airstrikes killed or wounded 4,315 fighters since 2014": a total, any tense
    return bool(_SPAN.search(clause) or _TOTAL_OPENING.match(sentence[:trigger]))
