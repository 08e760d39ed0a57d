"""Temporal expressions in running news text, resolved against an anchor date.

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

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dateline.model import Granularity
from dateline.time.values import (
    ORDINALS,
    SEASONS,
    WEEKDAYS,
    TimeGranularity,
    add_months,
    bounds,
    count_number,
    day_value,
    month_number,
    month_value,
    ordinal_number,
    quarter_value,
    safe_date,
    season_value,
    week_value,
)

if TYPE_CHECKING:  # spaCy is optional here: find_times works on plain text
    from spacy.tokens import Doc

Tense = Literal["past", "future"] | None


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text: its span, its words and its resolved value."""

    start: int
    end: int
    text: str
    value: str
    granularity: TimeGranularity

    @property
    def first_day(self) -> dt.date:
        return bounds(self.value, self.granularity)[0]

    @property
    def last_day(self) -> dt.date:
        return bounds(self.value, self.granularity)[1]


@dataclass(frozen=True)
class _Context:
    """What a resolver knows: the anchor's span (None: no anchor), the tense of the clause
    (None: it does not say), and the quarter that quarterly-results prose is reporting."""

    first: dt.date | None
    last: dt.date | None
    granularity: Granularity | None
    tense: Tense
    quarter: tuple[int, int] | None = None  # (year, quarter) being reported, if any
    quarterly: bool = False  # whether the words just before speak of quarterly results
    # The preposition just before the expression ("on", "by"; "" for none).
    prep: str = ""
    # Whether the results last named are for a span longer than a quarter ("the first nine
    # months", "the year ended Sept. 30"): "a year earlier" is then that span a year before.
    span: bool = False

    @property
    def adverbial(self) -> bool:
        """Whether a preposition of time ties the expression to the clause's verb ("met on Dec. 24");
        without one it names a date of its own ("the Jan. 14 deadline", "of record Nov. 16")."""
        return self.prep in _ADVERBIAL_PREPS

    @property
    def future(self) -> bool:
        return self.tense == "future"

    @property
    def past(self) -> bool:
        return self.tense == "past"

    def at_least(self, granularity: Granularity) -> bool:
        """Whether the anchor is precise enough to resolve a `granularity`-relative expression."""
        order = {"day": 0, "month": 1, "year": 2}
        return self.granularity is not None and order[self.granularity] <= order[granularity]


_Resolved = tuple[str, TimeGranularity] | None

# Month and weekday names are matched case-insensitively and then required to be capitalised
# (see `_capitalised`): "may" and "march" are common words, "MAY" in a headline is not.
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
)
_FULL_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?![a-z])"
)
_WEEKDAY = r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![a-z])"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
# Not a year: "2082.1" (an index level), "1998%".
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d%]|\.\d)"
_PHASE = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[-\s]+)?"
# A preposition just before an expression: context only, outside the extent ("on Wednesday").
_PREP_BEFORE = re.compile(
    r"\b(?P<prep>on|in|since|until|till|by|during|from|through|throughout|before|after|of|for|to|between"
    r"|into|over)\s+$",
    re.IGNORECASE,
)
# A four-digit number followed by a unit or a plural noun is a count ("2020 people"), not a year.
# The plural must be lower-case: "the 2000 Olympics" is a year.
_NOT_A_COUNT = r"(?!\s*(?:percent|per\s+cent|people|men|women|children|police|staff|(?-i:[a-z]{3,}s))\b)"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMBER_WORD = (
    rf"(?:{_TENS}(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|hundred|an?)"
)
_COUNT = rf"(?P<count>{_NUMBER_WORD}|\d{{1,3}})"
# Counts of a duration: "three", "twenty-four", "16", "5 1/2", "a couple of", "several".
_DURATION_COUNT = (
    rf"(?P<count>\d{{1,4}}(?:\s+1/2)?|{_NUMBER_WORD}|(?:a\s+)?couple\s+of|a\s+few|several|few|many)"
    r"(?:\s+(?:more|additional|further|straight|consecutive|full|long|short|trading|business|working|calendar))?"
)
_DURATION_UNIT = (
    r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))(?P<plural>s)?"
)

# Words that make an ambiguous date ("Wednesday", "Dec. 28") refer forward rather than back.
_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|would|scheduled|expected|plan(?:s|ning)?\s+to|planned|due\s+to|set\s+to|going\s+to"
    r"|upcoming|to\s+be\s+held|intends?\s+to|next|coming|payable|effective|deadline|as\s+(?:soon|early)\s+as"
    r"|(?:is|are)\s+to|must|should|of\s+record)\b",
    re.IGNORECASE,
)
# A time after "can", "may" or "might" is ahead ("can take part in the summit in April"); after the
# time they judge what is past ("the attack on Saturday cannot go unchallenged").
_MODAL_AHEAD = re.compile(r"\b(?-i:can|cannot|may|might)\b")
# The infinitive after a verb of deciding or ordering names what is still to come, when the time
# stands in it: "decided to admit them in March", "ordered him to testify on Feb. 10" (but "On
# July 14, the parties agreed to ..." dates the agreement).
_INFINITIVE_AHEAD = re.compile(
    r"\b(?:agree|decide|vote|order|invite|urge|subpoena|summon|instruct|direct|require)(?:s|d|ed)?\s+"
    r"(?:[\w.'-]+\s+){0,3}?to\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|him|them"
    r"|us|me|be|have|date|death|power|court|office|trial|jail|prison|work)\b)(?-i:[a-z]{2,})\b",
    re.IGNORECASE,
)
# A date that something is put off to is ahead: "extended to Nov. 16", "postponed until May".
_PUT_OFF = re.compile(
    r"\b(?:extend|postpone|delay|defer|push(?:ed)?\s+back|move|adjourn)\w*\s+(?:\w+\s+){0,4}$", re.IGNORECASE
)
# Past tense: reporting verbs, auxiliaries, common irregular past forms and regular "-ed" forms
# (a participle right after "be" is left out: "will be sentenced on Friday" is future).
_IRREGULAR_PAST = (
    "said|told|was|were|had|did|met|took|began|came|went|made|gave|held|left|saw|fell|rose|won|lost|paid"
    "|sent|spent|thought|brought|bought|found|got|kept|led|ran|sold|stood|struck|wrote|spoke|broke|chose"
    "|flew|grew|knew|threw|drove|fought|became|sat|shot|swore|withdrew|underwent|undertook|overtook|arose"
)
_PAST_CUE = re.compile(
    rf"\b(?:(?:says|announced|reported|added|ago|last|earlier|previous|previously)\b|(?<!\bbe\s)(?:{_IRREGULAR_PAST})\b)",
    re.IGNORECASE,
)
# A regular "-ed" form is a weaker cue: it may be an adjective ("preferred shares") or a
# participle; it counts only when the clause has no stronger cue.
_WEAK_PAST_CUE = re.compile(r"\b(?<!\bbe\s)(?!hundred\b|need\b|indeed\b)(?-i:[a-z]{2,}(?<!e)ed)\b")
# A full stop after an initial or a title ("Daniel P. Davison", "Mr. Davison") ends no clause.
_CLAUSE_START = re.compile(
    r"(?<!\s[A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)[.!?;\n]"
    # A quotation's closing mark after the stop: '... as they may be.” The envoy, speaking on Monday'.
    r"[\"'\u2019\u201d`]*\s"
    r"|\b(?:that|said|says|where|which|who|whose|while|because)\b"
)
# An expression right after a reporting verb dates the report: "said Friday that he would".
_REPORTED = re.compile(r"\b(?:said|told|announced|reported|added|disclosed|confirmed|denied)\s+(?:on\s+)?$")


def _capitalised(match: re.Match[str], *groups: str) -> bool:
    found = match.groupdict()
    return all(not found.get(g) or found[g][0].isupper() for g in groups)


_FUTURE_IN_PAST = re.compile(r"\bhad\s+(?:\w+\s+)?been\s+$", re.IGNORECASE)


def _cues(text: str, ahead: bool = False) -> list[tuple[int, bool]]:
    """(position, is_future) of every tense cue; a word that is both ("planned") counts as future;
    regular "-ed" forms count only when there is no other cue. `ahead`: `text` comes before the
    expression, so an infinitive of deciding or ordering in it governs the expression."""
    future = []
    matches = list(_FUTURE_CUE.finditer(text))
    if ahead:
        matches += [*_INFINITIVE_AHEAD.finditer(text), *_MODAL_AHEAD.finditer(text)]
    for m in matches:
        if m.start() > 0 and text[m.start() - 1] == "-":
            continue  # part of a compound adjective: "lower-than-expected earnings"
        # A plan reported in the past perfect was overtaken: "had been due to expire Friday".
        future.append((m.start(), not _FUTURE_IN_PAST.search(text, 0, m.start())))
    spans = [range(m.start(), m.end()) for m in matches]
    past = [(m.start(), False) for m in _PAST_CUE.finditer(text) if not any(m.start() in r for r in spans)]
    if future or past:
        return future + past
    return [
        (m.start(), False) for m in _WEAK_PAST_CUE.finditer(text) if not any(m.start() in r for r in spans)
    ]


def _tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around text[start:end], or None when its words do not say.

    Looks back to the start of the clause (a sentence end, "that" or "said", at most 80
    characters) for the last tense cue; a clause that begins with the expression ("On
    Friday, the two will meet") is judged by the few words after it.
    """
    window_start = max(0, start - 80)
    while window_start < start and window_start > 0 and text[window_start - 1].isalnum():
        window_start += 1  # a word cut in two is no cue ("…oenaed" is no past form)
    before = text[window_start:start]
    if _REPORTED.search(before):
        return "past"
    clause_starts = list(_CLAUSE_START.finditer(before))
    if clause_starts:
        before = before[clause_starts[-1].end() :]
    cues = _cues(before, ahead=True)
    if cues:
        return "future" if max(cues)[1] else "past"
    after = text[end : end + 40]
    stop = re.search(r"[.!?;]", after)
    after = after[: stop.start()] if stop else after
    first_cue = _cues(after)
    if first_cue:
        return "future" if min(first_cue)[1] else "past"
    return None


# Verbs whose complement is planned: "plans to meet on Friday", "is expected to sign next month".
_PLAN_VERBS = {
    "plan",
    "expect",
    "schedule",
    "intend",
    "aim",
    "hope",
    "want",
    "set",
    "due",
    "prepare",
    "agree",
}


def _parse_tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb that governs text[start:end] in a spaCy parse; None when unsure.

    "will"/"shall" → future, a complement of a verb of planning → future; a past form (VBD),
    or a perfect ("has met") → past. Modal and present forms say nothing.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(4):  # from the expression up to its verb
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxiliaries}
    if words & {"will", "shall", "'ll", "wo"}:
        return "future"
    if words & {"would", "could", "might", "may", "should", "must", "can"}:
        return None
    if token.dep_ == "xcomp" and (token.head.lemma_ in _PLAN_VERBS or token.head.lower_ == "due"):
        # "planned to meet Friday" is a plan even when reported in the past.
        return "future"
    if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries):
        return "past"
    if token.tag_ == "VBN" and words & {"has", "have", "had"}:
        return "past"
    return None


# --- resolvers: one per pattern, each (match, context) -> (value, granularity) or None ----------


def _nearest_year(
    span: Callable[[int], tuple[dt.date, dt.date] | None], first: dt.date, last: dt.date
) -> tuple[int, int] | None:
    """(days away, year) of the year whose span lies nearest the anchor, the earlier on a tie."""
    options = []
    for year in range(first.year - 8, first.year + 9):
        found = span(year)
        if found:
            gap = max((found[0] - last).days, (first - found[1]).days, 0)
            options.append((gap, found[0] > last, abs(year - first.year), year))
    if not options:
        return None
    best = min(options)
    return best[0], best[3]


def _year_of_partial(month: int, day: int | None, ctx: _Context) -> int | None:
    """The year that puts month(/day) closest to the anchor: not after it (past), not before it (future)."""
    if ctx.first is None or ctx.last is None:
        return None

    def span(year: int) -> tuple[dt.date, dt.date] | None:
        if day is None:
            return bounds(month_value(year, month), "month")
        date = safe_date(year, month, day)
        return (date, date) if date else None

    # Up to eight years away, so that Feb. 29 finds its leap year.
    nearest = _nearest_year(span, ctx.first, ctx.last)
    if nearest is not None and (
        (ctx.tense is None and nearest[0] <= _NEAR_EITHER_SIDE) or (not ctx.adverbial and nearest[0] <= 60)
    ):
        # No tense, or a date standing on its own, within two months of the anchor: the nearest.
        return nearest[1]
    # Further away and with no tense, the past one: news reports what happened ("since the
    # Oct. 23 slaying" in May, "a record high set on Aug. 6" in February).
    if ctx.future:
        for year in range(ctx.first.year, ctx.first.year + 8):
            found = span(year)
            if found and found[1] >= ctx.first:
                return year
    else:
        for year in range(ctx.last.year, ctx.last.year - 8, -1):
            found = span(year)
            if found and found[0] <= ctx.last:
                return year
    return None


# How far (days) from the anchor a partial date with no tense may lie and still be read as the
# nearest one either side ("payable Nov. 17" in late October); beyond two months, the past one.
_NEAR_EITHER_SIDE = 60

# What an impossible date resolves to: found, so that no part of it is read as another date, and
# flagged by its granularity; it has no value and dates nothing.
_UNRESOLVED: _Resolved = ("", "unresolved")


def _month_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not _capitalised(match, "month", "weekday"):
        return None
    month = month_number(match.group("month"))
    day = int(match.group("day"))
    if month is None:
        return None
    year_text = match.group("year")
    weekday = match.groupdict().get("weekday")
    if not year_text and weekday and ctx.first is not None:
        # "Saturday, April 25": the nearby year in which that day is a Saturday.
        agreeing = [
            y
            for y in range(ctx.first.year - 1, ctx.first.year + 2)
            if (d := safe_date(y, month, day)) and d.weekday() == WEEKDAYS[weekday.lower()]
        ]
        if len(agreeing) == 1:
            year_text = str(agreeing[0])
    if day > 31 or (day > 29 and month == 2):
        # Not this month's day and no other's either ("March 35 people"): not a date at all.
        return None if day > 31 else _UNRESOLVED
    if safe_date(2000, month, day) is None:  # 2000 was a leap year: Feb. 29 passes
        return _UNRESOLVED
    if not year_text and re.match(
        r",\s*(?:(?:2[1-9]|[3-9]\d)\d\d(?!\d|,\d)|\d{5,}\b)", match.string[match.end("x") :]
    ):
        return _UNRESOLVED  # "Dec. 23, 2999": a year far ahead is flagged, not dropped to "Dec. 23"
    year = int(year_text) if year_text else _year_of_partial(month, day, ctx)
    if year is None:
        return None
    date = safe_date(year, month, day)
    # "April 31": a date that does not exist is kept, flagged, and given no value.
    return (day_value(date), "day") if date else _UNRESOLVED


def _month_year(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not _capitalised(match, "month"):
        return None
    month = month_number(match.group("month"))
    return (month_value(int(match.group("year")), month), "month") if month else None


# "the March accession", "the May elections": a month naming when a thing happens, before a noun; not
# "the March on Washington" (a name) nor "the may" (a verb is lower case, a name takes no "the").
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:on|of|to|for|and|or|in|at|by|with|from|madness|hare)\b)[a-z]{3,}\b")


def _month_as_modifier(match: re.Match[str]) -> bool:
    start, end = match.span("x")
    return bool(
        _THE_BEFORE.search(match.string, max(0, start - 5), start) and _NOUN_AFTER.match(match.string, end)
    )


def _bare_month(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not _capitalised(match, "month"):
        return None
    name = match.group("month")
    rel = (match.group("rel") or "").lower()
    # "May" and "March" are also a verb, a name ("Theresa May") and a noun: require a cue.
    # A phase before the name ("mid-March", "the end of May") makes it the month.
    phase = match.group("x")[0].islower() or match.group("x").lower().startswith(("early", "mid", "late"))
    if name in ("May", "March") and not (rel or ctx.prep or phase or _month_as_modifier(match)):
        return None
    month = month_number(name)
    if month is None or not ctx.at_least("year") or ctx.first is None or ctx.last is None:
        return None
    if rel in ("last", "this past", "past") and ctx.at_least("month"):
        year = ctx.first.year if month < ctx.first.month else ctx.first.year - 1
        if rel == "last" and month == (ctx.first.month - 2) % 12 + 1:
            # The month just ended is "last month"; "last February" said in March is a year back.
            year -= 1
    elif rel in ("next", "this coming", "coming") and ctx.at_least("month"):
        year = ctx.first.year if month > ctx.first.month else ctx.first.year + 1
    elif rel == "this" or ctx.granularity == "year":
        year = ctx.first.year
    else:
        resolved = _year_of_partial(month, None, ctx)
        if resolved is None:
            return None
        year = resolved
    return month_value(year, month), "month"


def _iso_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    date = safe_date(int(match.group("year")), int(match.group("mon")), int(match.group("day")))
    # "2020-02-30" is written as a date but is none: flagged, not read as the year alone.
    return (day_value(date), "day") if date else _UNRESOLVED


def _numeric_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    first, second, year_text = int(match.group("mon")), int(match.group("day")), match.group("year")
    # US order (month/day) unless that cannot be a date; two-digit years take the century
    # that puts them nearest the anchor (or before 2000 + 30 without one).
    month, day = (first, second) if first <= 12 else (second, first)
    year = int(year_text)
    if len(year_text) == 2:
        pivot = ctx.first.year if ctx.first else 2000
        century = pivot // 100 * 100
        year = min((century - 100 + year, century + year, century + 100 + year), key=lambda y: abs(y - pivot))
    date = safe_date(year, month, day)
    # "31/02/2020", "13/13/2020": the shape of a date with no such day; flagged, not read as a year.
    return (day_value(date), "day") if date else _UNRESOLVED


def _year(match: re.Match[str], ctx: _Context) -> _Resolved:
    return match.group("year"), "year"


def _decade(match: re.Match[str], ctx: _Context) -> _Resolved:
    return match.group("decade"), "decade"


def _month_of_relative_year(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "June last year", "April next year": that month of the year before, of or after the anchor's."""
    month = month_number(match.group("month"))
    if month is None or ctx.first is None or not ctx.at_least("year"):
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    return month_value(ctx.first.year + shift, month), "month"


# "Today" and "tomorrow" naming an age rather than a day: "today's youth", "the leaders of tomorrow".
_GENERIC_DAY = re.compile(
    r"\b(?:today|tomorrow)['’]s\s+(?:world|youth|society|generation|young|children|economy|world's)\b"
    r"|\bof\s+(?:today|tomorrow)\b(?!['’]|\s+(?:morning|afternoon|evening|night)\b)",
    re.IGNORECASE,
)


def _relative_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not ctx.at_least("day") or ctx.first is None:
        return None
    before = match.string[: match.start("x")].rstrip()
    if match.group("x")[0].isupper() and before and before[-1] not in ".!?\"'`\n:(\u201c\u2018-_":
        return None  # "This is VOA Today": a name, not the day
    if _GENERIC_DAY.search(
        match.string, max(0, match.start("x") - 8), min(len(match.string), match.end() + 40)
    ):
        return None  # "today's world", "the people of tomorrow": the present age, not a day
    words = match.group(0).lower()
    if "before yesterday" in words:
        offset = -2
    elif "after tomorrow" in words:
        offset = 2
    elif "yesterday" in words:
        offset = -1
    elif "tomorrow" in words:
        offset = 1
    elif "today" in words:
        offset = 0
    else:  # "the previous day", "a day earlier", "the day before"
        offset = -1
    return _with_part(day_value(ctx.first + dt.timedelta(days=offset)), match)


_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"


def _with_part(day: str, match: re.Match[str]) -> _Resolved:
    """A day, or that day's part ("Friday morning" → "…TMO") when the match names one."""
    part = match.groupdict().get("part")
    if part:
        return f"{day}T{_PARTS_OF_DAY[part.lower()]}", "time"
    return day, "day"


def _day_part(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "this morning", "tonight", "last night": a part of the anchor day or of the day before."""
    if not ctx.at_least("day") or ctx.first is None:
        return None
    words = match.group("x").lower().split()
    offset = -1 if words[0] == "last" else 0
    code = _PARTS_OF_DAY[words[-1]]
    return f"{day_value(ctx.first + dt.timedelta(days=offset))}T{code}", "time"


def _clock(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "10:35 a.m.", "9 a.m. Tuesday", "midnight Friday": a clock time on the anchor day or the named day."""
    if match.group("noon"):
        if not match.group("noon").islower() or re.search(r"\bhigh\s+$", match.string[: match.start("x")]):
            return None  # "High Noon", "high noon" (a film, a figure of speech)
        hour, minute = (24, 0) if match.group("noon").lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if not 1 <= hour <= 12:
            return None
        pm = match.group("ampm").lower() == "p"
        hour = (hour % 12) + (12 if pm else 0)
    if match.groupdict().get("month"):
        day = _month_day(match, ctx)
        if day is None:
            return None
        date = day[0]
    elif match.group("weekday"):
        day = _weekday(match, ctx)
        if day is None:
            return None
        date = day[0]
    elif ctx.at_least("day") and ctx.first is not None:
        date = day_value(ctx.first)
    else:
        return None
    return f"{date}T{hour:02d}:{minute:02d}", "time"


def _weekday(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not _capitalised(match, "weekday") or not ctx.at_least("day") or ctx.first is None:
        return None
    target = WEEKDAYS[match.group("weekday").lower()]
    rel = re.sub(r"\s+", " ", (match.groupdict().get("rel") or "").lower())
    anchor = ctx.first
    back = (anchor.weekday() - target) % 7  # days back to the closest such day, 0 = the anchor
    forward = (target - anchor.weekday()) % 7
    if rel in ("last", "this past", "past"):
        offset = -(back or 7)
    elif rel in ("next", "this coming", "coming"):
        offset = forward or 7
    elif ctx.future and not re.match(r"['’]s\b", match.string[match.end("x") :]):
        # A possessive ("Wednesday's ruling") names a day already past, whatever the clause's tense.
        offset = forward
    elif rel == "this" and not ctx.past:
        offset = forward  # "this Friday" with no tense to go by: the coming one
    else:
        offset = -back
    return _with_part(day_value(anchor + dt.timedelta(days=offset)), match)


def _shift(ctx: _Context, unit: str, amount: int) -> _Resolved:
    """The anchor moved by `amount` units, at that unit's granularity."""
    if ctx.first is None:
        return None
    if unit == "day" and ctx.at_least("day"):
        return day_value(ctx.first + dt.timedelta(days=amount)), "day"
    if unit == "week" and ctx.at_least("day"):
        return week_value(ctx.first + dt.timedelta(weeks=amount)), "week"
    if unit == "month" and ctx.at_least("month"):
        return month_value(*add_months(ctx.first.year, ctx.first.month, amount)), "month"
    if unit == "quarter" and ctx.at_least("month"):
        year, month = add_months(ctx.first.year, ctx.first.month, 3 * amount)
        return quarter_value(year, (month - 1) // 3 + 1), "quarter"
    if unit == "year" and ctx.at_least("year"):
        return str(ctx.first.year + amount), "year"
    if unit == "decade" and ctx.at_least("year"):
        return str(ctx.first.year + 10 * amount), "year"
    return None


def _weekend(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "last weekend", "this weekend", "over the weekend": the ISO week of that weekend + "-WE"."""
    if not ctx.at_least("day") or ctx.first is None:
        return None
    rel = match.group("rel").lower().split()[-1]  # "this past" is "past", "this coming" "coming"
    anchor = ctx.first
    last_sunday = anchor - dt.timedelta(days=(anchor.weekday() + 1) % 7)  # the anchor itself on a Sunday
    next_saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
    if rel in ("next", "coming", "this") or (rel == "the" and ctx.tense == "future"):
        day = next_saturday if anchor.weekday() < 5 or rel == "next" else anchor
    elif rel in ("last", "past"):
        day = last_sunday if anchor.weekday() != 6 else anchor - dt.timedelta(days=7)
    else:  # "the weekend" in a past or neutral clause: the one just over (or under way)
        day = anchor if anchor.weekday() >= 5 else last_sunday
    return f"{week_value(day)}-WE", "week"


def _year_in_words(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "nineteen ninety-six", "the year two thousand": a year said in words (broadcast transcripts)."""
    words = match.group("x").lower()
    year: int | None = None
    if "thousand" in words:
        rest = count_number(match.group("rest")) if match.group("rest") else 0
        year = 2000 + rest if rest is not None else None
    else:
        century = 19 if match.group("century").lower() == "nineteen" else 20
        rest = count_number(match.group("tail"))
        year = century * 100 + rest if rest is not None and 10 <= rest <= 99 else None
    if year is None:
        return None
    if match.group("month") and _capitalised(match, "month"):
        month = month_number(match.group("month"))
        return (month_value(year, month), "month") if month else None
    if match.group("season"):
        return season_value(year, SEASONS[match.group("season").lower()][0]), "season"
    return str(year), "year"


_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
}  # fmt: skip


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, 1) + dt.timedelta(days=31)
    last = last.replace(day=1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_date(name: str, year: int) -> dt.date | None:
    name = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if name in _HOLIDAYS:
        return dt.date(year, *_HOLIDAYS[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)  # fourth Thursday of November (United States)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if name == "election day":
        # The Tuesday after the first Monday of November, in even years (U.S. federal elections).
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1) if year % 2 == 0 else None
    if name in ("easter", "easter sunday"):
        return _easter(year)
    return None


def _holiday(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "Thanksgiving Day", "last Christmas", "Election Day 1998": the holiday's date that year."""
    name = match.group("holiday")
    if match.group("year"):
        date = _holiday_date(name, int(match.group("year")))
        return (day_value(date), "day") if date else None
    if ctx.first is None or ctx.last is None or not ctx.at_least("year"):
        return None
    rel = (match.group("rel") or "").lower()
    candidates = [
        d for y in range(ctx.first.year - 2, ctx.first.year + 3) if (d := _holiday_date(name, y)) is not None
    ]
    if ctx.granularity == "year" and not rel:
        candidates = [d for d in candidates if d.year == ctx.first.year]
        return (day_value(candidates[0]), "day") if candidates else None
    first, last = ctx.first, ctx.last
    past = [d for d in candidates if d <= last]
    ahead = [d for d in candidates if d >= first]
    if rel == "last" or (not rel and ctx.tense == "past"):
        chosen = max(past, default=None)
    elif rel in ("next", "this", "coming") or (not rel and ctx.tense == "future"):
        chosen = min(ahead, default=None)
    else:
        chosen = min(candidates, key=lambda d: (abs((d - first).days), d > last), default=None)
    return (day_value(chosen), "day") if chosen else None


def _relative_unit(match: re.Match[str], ctx: _Context) -> _Resolved:
    if not match.group("unit").islower():
        return None  # "This Week" (a programme's name)
    rel = match.group("rel").lower()
    unit = match.group("unit").lower()
    if unit == "quarter" and rel == "this" and ctx.quarterly and ctx.quarter is not None:
        # In results prose, "this quarter's loss" and "earned more this quarter" are the quarter
        # being reported, which closed before the report; "will ... this quarter" is the current one.
        possessive = re.match(r"['’]s\b", match.string[match.end("x") :])
        if possessive or ctx.tense == "past":
            return quarter_value(*ctx.quarter), "quarter"
    amount = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    return _shift(ctx, unit, amount)


def _ago(match: re.Match[str], ctx: _Context) -> _Resolved:
    count = count_number(match.group("count"))
    if count is None:
        return None
    unit = match.group("unit").lower()
    # "up 12% from a year earlier" in quarterly results: the same quarter a year before.
    if count == 1 and unit == "year" and ctx.quarterly and ctx.quarter is not None:
        return quarter_value(ctx.quarter[0] - 1, ctx.quarter[1]), "quarter"
    return _shift(ctx, unit, -count)


def _quarter(match: re.Match[str], ctx: _Context) -> _Resolved:
    quarter = ordinal_number(match.group("ord"))
    if quarter is None or not 1 <= quarter <= 4:
        return None
    year_text = match.group("year") or match.group("year2")
    if year_text:
        return quarter_value(int(year_text), quarter), "quarter"
    if ctx.first is None or not ctx.at_least("month"):
        return None
    year = ctx.first.year
    # A quarter that has not begun by the anchor is last year's in a past context.
    if ctx.tense == "past" and dt.date(year, 3 * quarter - 2, 1) > ctx.first:
        year -= 1
    return quarter_value(year, quarter), "quarter"


def _reported_quarter(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the quarter", "the latest quarter", "the latest period": the quarter being reported."""
    ended = _QUARTER_ENDED.match(match.string, match.end("x"))
    if ended:
        month = month_number(ended.group("month"))
        year = int(ended.group("year")) if ended.group("year") else (ctx.quarter or (None, None))[0]
        if month and year:
            year -= 1 if month == 1 else 0  # a quarter ended Jan. 31 is the last of the year before
            # A quarter ending in a month's last days is mostly that month and the one before: a
            # fiscal quarter ended July 31 (May–July) is counted as the second.
            return quarter_value(year, (month - 2) % 12 // 3 + 1), "quarter"
    if ctx.quarter is None:
        return None
    return quarter_value(*ctx.quarter), "quarter"


# "the quarter ended Sept. 30": the quarter is the one that ends that month.
_QUARTER_ENDED = re.compile(
    rf"\s+(?:ended|ending|that\s+ended|through)\s+{_MONTH}\.?(?:\s*\d{{1,2}})?(?:,?\s*{_YEAR})?"
)


def _year_earlier_quarter(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the year-earlier quarter", "the year-ago third quarter", "the 1988 period", "year-earlier"."""
    months = match.groupdict().get("months")
    if months:
        # "the year-earlier nine months": TimeML marks the span named, a length.
        return f"P{count_number(months)}M", "duration"
    ordinal = match.groupdict().get("ord")
    year_text = match.groupdict().get("year")
    if not ordinal and ctx.span and "quarter" not in match.group("x").lower():
        # "the 1988 period" after "the first nine months": that span of the year named, or of the
        # year before; TimeML gives the year.
        if year_text:
            return year_text, "year"
        return _shift(ctx, "year", -1)
    quarter = ordinal_number(ordinal) if ordinal else (ctx.quarter[1] if ctx.quarter else None)
    if quarter is None or not 1 <= quarter <= 4:
        return None
    if year_text:
        return quarter_value(int(year_text), quarter), "quarter"
    if ctx.quarter is not None:
        return quarter_value(ctx.quarter[0] - 1, quarter), "quarter"
    return None


def _year_earlier_adjective(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "year-earlier" ("year-earlier profit"): the reported quarter a year before, else last year."""
    if ctx.quarterly and ctx.quarter is not None:
        return quarter_value(ctx.quarter[0] - 1, ctx.quarter[1]), "quarter"
    return _shift(ctx, "year", -1)


def _this_year(match: re.Match[str], ctx: _Context) -> _Resolved:
    """The anchor's year ("for the full year", "by year-end"); the year before after "since"."""
    if ctx.first is None or not ctx.at_least("year"):
        return None
    since = re.search(r"\bsince\s+$", match.string[max(0, match.start("x") - 10) : match.start("x")])
    return str(ctx.first.year - (1 if since else 0)), "year"


def _relative_fiscal_year(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "last fiscal year" → the anchor's year before, "next fiscal year" the one after."""
    rel = (match.group("rel") or match.group("rel2")).lower().split()[-1]
    return _shift(ctx, "year", {"next": 1, "coming": 1, "this": 0}.get(rel, -1))


def _one_year(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the year ended Sept. 30": a twelve-month period."""
    return "P1Y", "duration"


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}  # fmt: skip


def _decade_in_words(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the nineties": the 1990s ("199")."""
    return f"19{_DECADE_WORDS[match.group('tens').lower()]}", "decade"


def _vague_duration(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "for years", "over months": a duration of unknown length ("PXY")."""
    value = _duration_value(None, match.group("unit"))
    return (value, "duration") if value else None


def _quarter_of_relative_year(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "next year's first quarter", "last year's quarter": that quarter of the year named."""
    if ctx.first is None or not ctx.at_least("month"):
        return None
    ordinal = match.group("ord")
    quarter = ordinal_number(ordinal) if ordinal else (ctx.quarter[1] if ctx.quarter else None)
    if quarter is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    return quarter_value(ctx.first.year + shift, quarter), "quarter"


def _current_quarter(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the current quarter": the one the anchor falls in."""
    return _shift(ctx, "quarter", 0)


def _half(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the first half of 1990", "the last half of 1989", "the first two quarters of 1990": "1990-H1"."""
    half = 1 if match.group("which").lower() == "first" else 2
    return f"{match.group('year')}-H{half}", "half"


_SEASON_PREPS = {
    "in", "during", "since", "until", "till", "by", "through", "throughout", "before", "after", "from", "of",
    "into", "over",
}  # fmt: skip


def _season(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "last fall", "this summer", "the spring of 1989", "in the winter": "1998-FA"."""
    code, start_month = SEASONS[match.group("season").lower()]
    rel = re.sub(r"\s+", " ", (match.group("rel") or "").lower())
    # "fall" and "spring" are common words: a season needs a relative word, a year or a preposition.
    if not (rel or match.group("year") or ctx.prep in _SEASON_PREPS) or not match.group("season").islower():
        return None
    if not match.group("year") and re.match(r"\s+of\b", match.string[match.end("x") :]):
        return None  # "the fall of the Berlin Wall"
    if match.group("year"):
        return season_value(int(match.group("year")), code), "season"
    if ctx.first is None or ctx.last is None or not ctx.at_least("year"):
        return None

    def span(year: int) -> tuple[dt.date, dt.date]:
        return bounds(season_value(year, code), "season")

    years = range(ctx.first.year - 2, ctx.first.year + 2)
    if ctx.granularity == "year" and not rel:
        return season_value(ctx.first.year, code), "season"
    if rel in ("last", "past", "this past") or (not rel and ctx.tense == "past"):
        # The latest one over by the anchor ("last fall"), or begun by it (a past "in the spring").
        over = [y for y in years if (span(y)[1] < ctx.first if rel else span(y)[0] <= ctx.last)]
        return (season_value(max(over), code), "season") if over else None
    if rel in ("next", "coming", "this coming") or (not rel and ctx.tense == "future"):
        ahead = [y for y in years if (span(y)[0] > ctx.last if rel else span(y)[1] >= ctx.first)]
        return (season_value(min(ahead), code), "season") if ahead else None
    # "this summer", or a bare season with no tense: the one of the anchor's year; a winter
    # seen from January or February began the year before.
    year = ctx.first.year - 1 if code == "WI" and ctx.first.month < 3 else ctx.first.year
    return season_value(year, code), "season"


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


def _duration(match: re.Match[str], ctx: _Context) -> _Resolved:
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


def _set(match: re.Match[str], ctx: _Context) -> _Resolved:
    every = match.group("every").lower()
    if every.endswith("ly") and _QUANTITY_BEFORE.search(
        match.string, max(0, match.start("x") - 40), match.start("x")
    ):
        return None  # a rate ("to rise 8.5% annually", "10,000 units annually"), not times that recur
    return _SET_VALUES[every], "set"


def _century(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the 20th century" → "19": TimeML names a century by the first two digits of its years."""
    number = ordinal_number(match.group("ord"))
    if number is None or not 1 <= number <= 21:
        return None
    return f"{number - 1:02d}", "century"


def _calendar_set(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "every Thursday" → XXXX-WXX-4, "Tuesday nights" → XXXX-WXX-2TNI, "each July" → XXXX-07,
    "every summer" → XXXX-SU: a day, month or season that recurs, as TimeML writes a set."""
    weekday = match.group("weekday") or match.group("weekdays")
    if weekday:
        if not weekday[0].isupper():
            return None
        value = f"XXXX-WXX-{WEEKDAYS[weekday.lower()] + 1}"
        part = match.group("part") or match.group("parts")
        return (f"{value}T{_PARTS_OF_DAY[part.lower()]}" if part else value), "set"
    if match.group("month"):
        month = month_number(match.group("month"))
        return (f"XXXX-{month:02d}", "set") if month and _capitalised(match, "month") else None
    return f"XXXX-{SEASONS[match.group('season').lower()][0]}", "set"


def _soon(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "will soon begin", "may soon seek": a time ahead of the anchor; not in a past clause."""
    return None if ctx.tense == "past" else ("FUTURE_REF", "ref")


def _week_of(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the week of March 6": the ISO week of that day."""
    day = _month_day(match, ctx)
    if day is None or day[1] != "day":
        return day
    return week_value(dt.date.fromisoformat(day[0])), "week"


def _mid_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "mid-afternoon yesterday", "by midmorning": that part of the day named, else of the anchor day."""
    if match.group("weekday"):
        return _weekday(match, ctx)  # with its part: "…TAF"
    if not ctx.at_least("day") or ctx.first is None:
        return None
    offset = {"yesterday": -1, "tomorrow": 1}.get((match.group("day") or "").lower(), 0)
    code = _PARTS_OF_DAY[match.group("part").lower()]
    return f"{day_value(ctx.first + dt.timedelta(days=offset))}T{code}", "time"


def _long(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "day-long" → P1D, "decades-long" → PXY."""
    if not match.group("unit").islower():
        return None
    value = _duration_value(None if match.group("plural") else 1, match.group("unit"))
    return (value, "duration") if value else None


def _far_year(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the year 99999": beyond any calendar a date can be given in; found and flagged."""
    return _UNRESOLVED


_UNITS_ORDINAL = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
# A day of the month as an ordinal word: "first" … "thirty-first".
_ORDINAL_WORD = (
    rf"(?:(?:twenty|thirty)[-\s](?:{_UNITS_ORDINAL})|{_UNITS_ORDINAL}|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)


def _day_ordinal(words: str) -> int | None:
    """The day an ordinal word names: "third" → 3, "twenty-third" → 23, "thirty first" → 31."""
    parts = re.split(r"[-\s]+", words.lower())
    if len(parts) == 1:
        return ORDINALS.get(parts[0])
    tens = {"twenty": 20, "thirty": 30}.get(parts[0])
    unit = ORDINALS.get(parts[1])
    return tens + unit if tens and unit and unit < 10 else None


def _spelled_day(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the twenty-third of March", "March first": a date whose day is written as a word."""
    if not _capitalised(match, "month", "weekday") or not match.group("dayword").islower():
        return None
    month = month_number(match.group("month"))
    day = _day_ordinal(match.group("dayword"))
    if month is None or day is None:
        return None
    if match.group("x").startswith(("May", "March")) and not ctx.prep:
        return None  # "May first need ...", "March first to the square": a verb, not the date
    if safe_date(2000, month, day) is None:  # 2000 was a leap year: "the twenty-ninth of February" passes
        return _UNRESOLVED
    year = int(match.group("year")) if match.group("year") else _year_of_partial(month, day, ctx)
    if year is None:
        return None
    date = safe_date(year, month, day)
    return (day_value(date), "day") if date else _UNRESOLVED


def _short_decade(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "the '90s" → "199"; "the '00s" and "the '10s" are this century's."""
    tens = int(match.group("tens"))
    return f"{20 if tens < 2 else 19}{tens}", "decade"


def _from_now(match: re.Match[str], ctx: _Context) -> _Resolved:
    """ "a week from now" → the week after the anchor's; "two days from today" → that day."""
    count = count_number(match.group("count"))
    return None if count is None else _shift(ctx, match.group("unit").lower(), count)


def _reference(value: str) -> _Resolver:
    def resolve(match: re.Match[str], ctx: _Context) -> _Resolved:
        return value, "ref"

    return resolve


_Resolver = Callable[[re.Match[str], _Context], _Resolved]

# Each pattern's extent is its group "x"; what lies outside it (a preposition) is context only.
_PATTERN_SOURCES: list[tuple[str, _Resolver]] = [
    (r"(?P<x>\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d))(?!\d)", _iso_day),
    (r"(?<![\d/])(?P<x>(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d\d))(?![\d/])", _numeric_day),
    (rf"(?P<x>\b(?:{_WEEKDAY},?\s+)?{_PHASE}{_MONTH}\s*{_DAY}(?:,?\s*{_YEAR})?)", _month_day),
    (
        rf"(?P<x>\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?)",
        _month_day,
    ),
    (rf"(?P<x>\b{_PHASE}{_MONTH},?\s+(?:of\s+)?{_YEAR})", _month_year),
    (
        rf"(?P<x>\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+)?{_PHASE}"
        rf"{_FULL_MONTH})",
        _bare_month,
    ),
    (
        r"(?P<x>\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<decade>(?:1[6-9]|20)\d)0(?:'?s)\b)",
        _decade,
    ),
    (rf"(?<![$\d.,])(?P<x>\b{_PHASE}{_YEAR})(?!-\d){_NOT_A_COUNT}", _year),
    # "fiscal 1989 sales", "post-1959 politics": a year whatever follows.
    (
        rf"(?P<x>\b(?:fiscal\s+(?:year\s+)?|(?-i:FY)\s?|(?<=\bpost-)|(?<=\bpre-)|(?<=\bmid-)){_YEAR})(?!-\d)",
        _year,
    ),
    (
        r"(?P<x>\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|yesterday|tomorrow"
        r"|the\s+(?:previous|preceding|prior)\s+day|a\s+day\s+(?:earlier|before)"
        # "the day before" alone, not "the day before the vote" or "the day before returning".
        r"|the\s+day\s+before(?=\s*[.,;:!?)\"'\u2019]|\s*$))"
        rf"{_PART})(?![\w-])",
        _relative_day,
    ),
    (r"(?P<x>\b(?:(?:this|last)\s+(?:morning|afternoon|evening|night)|tonight))\b", _day_part),
    (
        rf"(?P<x>\b(?:(?P<hour>\d{{1,2}})(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
        r"|(?P<noon>noon|midday|midnight))(?:\s+(?:[ECMP][SD]T|GMT)\b)?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<rel>last|next|this)\s+)?{_WEEKDAY}|,?\s+(?:on\s+)?{_MONTH}\s*{_DAY}(?:,?\s*{_YEAR})?)?)",
        _clock,
    ),
    (rf"(?P<x>\b{_FULL_MONTH}\s+(?P<rel>last|this|next)\s+year)\b", _month_of_relative_year),
    (
        rf"(?P<x>\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+)?{_WEEKDAY}"
        rf"{_PART})",
        _weekday,
    ),
    (
        r"(?P<x>\b(?:(?:earlier|later)\s+)?(?P<rel>last|next|this|coming)\s+"
        r"(?P<unit>week|month|quarter|year))\b",
        _relative_unit,
    ),
    (
        r"(?P<x>\b(?:(?:early|late)\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|the|past|coming)\s+weekend)\b",
        _weekend,
    ),
    (
        # With a month or a season before it: "January nineteen ninety-seven", "the winter of ...".
        rf"(?P<x>\b(?:{_FULL_MONTH},?\s+|(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+)?"
        r"(?:the\s+year\s+two\s+thousand(?:\s+and\s+(?P<rest>\w+))?"
        rf"|(?P<century>nineteen|twenty)\s+(?:hundred\s+and\s+)?(?P<tail>{_TENS}(?:[-\s]\w+)?|ten|eleven|twelve"
        r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)))\b",
        _year_in_words,
    ),
    (
        r"(?P<x>\b(?:(?P<rel>last|next|this|coming)\s+)?(?P<holiday>(?-i:Thanksgiving)(?:\s+(?-i:Day))?"
        r"|(?-i:Christmas)(?:\s+(?-i:Eve|Day))?|(?-i:New\s+Year['’]s\s+(?:Eve|Day))|(?-i:Independence\s+Day)"
        r"|(?-i:Labor\s+Day)|(?-i:Memorial\s+Day)|(?-i:Election\s+Day)|(?-i:Easter)(?:\s+(?-i:Sunday))?"
        r"|(?-i:Halloween)|(?-i:Valentine['’]s\s+Day))"
        rf"(?:,?\s+{_YEAR})?)\b",
        _holiday,
    ),
    (
        r"(?P<x>\b(?:(?:almost|nearly|about|some|more\s+than|less\s+than|roughly|around|over|just|only)\s+)?"
        rf"{_COUNT}\s+{_UNIT}\s+(?:or\s+so\s+)?(?:ago|earlier))\b",
        _ago,
    ),
    (
        rf"(?P<x>\b(?:the\s+)?(?:(?:{_YEAR}|fiscal|its|their)\s+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+quarter"
        rf"(?:(?:\s+of|,)?\s+(?:fiscal\s+)?(?P<year2>(?:1[6-9]|20)\d\d)(?!\d))?)\b",
        _quarter,
    ),
    (
        r"(?P<x>\bthe\s+(?:(?:latest|most\s+recent|just[-\s]ended)\s+)?(?:fiscal\s+)?quarter)\b(?!-)",
        _reported_quarter,
    ),
    (r"(?P<x>\bthe\s+latest\s+(?:fiscal\s+)?period)\b", _reported_quarter),
    (
        rf"(?P<x>\b(?:the\s+)?(?:year[-\s](?:earlier|ago)|{_YEAR})\s+"
        r"(?:(?P<ord>first|second|third|fourth)[-\s]+)?(?:fiscal\s+)?(?:quarter|period"
        r"|(?:first\s+)?(?P<months>three|six|nine|twelve)\s+months))\b",
        _year_earlier_quarter,
    ),
    (r"(?P<x>\byear-(?:earlier|ago))\b", _year_earlier_adjective),
    (
        r"(?P<x>\b(?P<rel>last|this|next)\s+year['’]s\s+(?:(?P<ord>first|second|third|fourth)[-\s]+)?"
        r"(?:fiscal\s+)?(?:quarter|period))\b",
        _quarter_of_relative_year,
    ),
    (r"(?P<x>\bthe\s+current\s+(?:fiscal\s+)?quarter)\b", _current_quarter),
    (
        r"(?P<x>\bthe\s+(?:(?:corresponding|comparable|same)\s+(?:quarter|period)|quarter|period)\s+"
        r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year))\b",
        _year_earlier_quarter,
    ),
    (
        rf"(?P<x>\b(?:the\s+)?(?P<which>first|second|last|latter)\s+(?:half|two\s+quarters)\s+(?:of\s+)?(?:fiscal\s+)?"
        rf"{_YEAR})",
        _half,
    ),
    (
        rf"(?P<x>\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+)?"
        rf"(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+(?:of\s+)?{_YEAR})?)(?![\w-])",
        _season,
    ),
    # Durations: "three years", "the past two months", "16-hour", "5 1/2 hours", "a few days".
    (
        r"(?P<x>\b(?:(?:the\s+)?(?:past|last|next|coming|first|previous|following|final|remaining)\s+|the\s+)?"
        r"(?:(?:more\s+than|less\s+than|nearly|almost|about|around|roughly|at\s+least|up\s+to|over)\s+)?"
        rf"{_DURATION_COUNT}[-\s]+{_DURATION_UNIT}(?P<andhalf>\s+and\s+a\s+half)?)(?![\w-])",
        _duration,
    ),
    # "the following year" is a date relative to an event, not a length: left out.
    (rf"(?P<x>\bthe\s+(?:past|last|next|coming)\s+{_DURATION_UNIT})(?![\w-])", _duration),
    (rf"(?P<x>\b(?P<count>recent|coming|past)\s+{_DURATION_UNIT})(?![\w-])", _duration),
    (
        r"\b(?:for|over|within)\s+(?P<x>(?P<unit>year|month|week|day|decade|hour)s)\b"
        r"(?!\s+(?:ago|earlier|later|of|before|after)\b)",
        _vague_duration,
    ),
    (
        r"\b(?:over|in)\s+(?P<x>the\s+(?P<unit>year|month|week|decade)s)\b(?!\s+(?:ago|of|before|after)\b)",
        _vague_duration,
    ),
    (r"(?P<x>\bthe\s+(?P<unit>year|month|week|day)s\s+ahead)\b", _vague_duration),
    # Sets: "daily", "every week" (not "the daily Al-Ahram").
    # TimeML marks "daily" as a set whether adverb or adjective ("daily flights").
    (r"(?P<x>\b(?P<every>daily|nightly|weekly|monthly|annually|yearly|hourly))\b", _set),
    (r"(?P<x>\b(?:every|each)\s+(?P<every>day|week|month|year|quarter|hour))\b", _set),
    # References to the present, the past and the future.
    (r"(?P<x>\b(?:now|currently|presently|nowadays|at\s+present|these\s+days))\b", _reference("PRESENT_REF")),
    (r"(?P<x>\b(?:recently|lately|formerly|the\s+past|recent))\b", _reference("PAST_REF")),
    # "current" as a time ("current realities"), not a flow ("current account", "alternating current").
    (
        # "The then current price" is the present of another time, not of the text.
        r"(?<!\bthen\s)(?<!\bthen-)(?P<x>\bcurrent)\b"
        r"(?!\s+(?:account|accounts|affairs|events|flow|flows|assets|liabilities)\b)",
        _reference("PRESENT_REF"),
    ),
    (
        r"(?P<x>\b(?:the\s+(?:(?:near|distant|foreseeable|immediate)\s+)?future|the\s+(?:near|short)\s+term"
        r"|as\s+soon\s+as\s+possible|a\s+later\s+date))\b",
        _reference("FUTURE_REF"),
    ),
    # The year a report covers: "for the full year", "sales for the year", "the current fiscal year".
    (
        r"(?P<x>\bthe\s+(?:full|current|current\s+fiscal|calendar)\s+year"
        r"|(?:(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bof\s))the\s+(?:fiscal\s+)?year"
        r"(?!\s+(?:before|after|earlier|ago|end|\d|two)|-|\s+end(?:ed|ing)))\b",
        _this_year,
    ),
    # "last fiscal year", "the latest fiscal year", "next fiscal year": a fiscal year counted from
    # the anchor's (the latest one is the last closed, as with "the latest quarter").
    (
        r"(?P<x>\b(?:(?P<rel>last|next|this|coming)|the\s+(?P<rel2>latest|previous|prior|most\s+recent|past|last"
        r"|next|coming))\s+fiscal\s+year)\b(?!-|\s+end(?:ed|ing)\b)",
        _relative_fiscal_year,
    ),
    (r"(?P<x>\bthe\s+(?:fiscal\s+)?year)(?=\s+end(?:ed|ing)\b)", _one_year),
    (r"(?P<x>\b(?:the\s+end\s+of\s+the\s+year|year['’]s\s+end|year[-\s]end))\b", _this_year),
    (
        r"(?P<x>\bthe\s+(?:nineteen\s+)?(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
        _decade_in_words,
    ),
    # "several years ago", "years ago": a time in the past of unknown distance, not a length.
    (
        r"(?P<x>\b(?:(?:several|a\s+few|many)\s+)?(?P<unit>year|month|week|day)s\s+ago)\b",
        _reference("PAST_REF"),
    ),
    # Centuries: "the 20th century", "the eleventh century" → "19", "10".
    (
        r"(?P<x>\b(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)"
        r"[-\s]+century)(?![\w-])",
        _century,
    ),
    # Sets of calendar days: "every Thursday", "on Mondays", "Tuesday nights", "each July", "every summer".
    (
        rf"(?P<x>\b(?:(?:every|each)\s+{_WEEKDAY}(?:\s+(?P<part>morning|afternoon|evening|night))?"
        r"|(?P<weekdays>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:s|\s+(?P<parts>morning|afternoon|evening|night)s)"
        rf"|(?:every|each)\s+{_FULL_MONTH}|(?:every|each)\s+(?P<season>spring|summer|fall|autumn|winter)))\b",
        _calendar_set,
    ),
    # "soon": a time ahead, when the clause does not speak of the past ("soon became a flood").
    (
        r"(?<!\bas\s)(?P<x>\b(?-i:[Ss]oon))\b(?!\s+(?:as|after|afterwards?|thereafter|before|enough)\b)",
        _soon,
    ),
    # "the week of March 6": the ISO week holding that day.
    (rf"(?P<x>\bthe\s+week\s+of\s+{_MONTH}\s*{_DAY}(?:,?\s*{_YEAR})?)", _week_of),
    # "mid-afternoon", "midmorning yesterday", "mid-afternoon Friday": that part of the day named,
    # or of the anchor day.
    (
        r"(?P<x>\bmid[-\s]?(?P<part>morning|afternoon)"
        rf"(?:\s+(?P<day>yesterday|today|tomorrow|{_WEEKDAY}))?)\b",
        _mid_day,
    ),
    # "day-long", "weeklong", "decades-long": an adjective of duration, one unit or an unknown number.
    (r"(?P<x>\b(?P<unit>minute|hour|day|week|month|year|decade)(?P<plural>s)?-?long)\b", _long),
    # Frequencies: "twice a week", "three times a year", "once per month" are sets of that period.
    (
        rf"(?P<x>\b(?:once|twice|thrice|(?:\d{{1,3}}|{_NUMBER_WORD})\s+times)\s+(?:a|an|per|each|every)\s+"
        r"(?P<every>day|week|month|year|quarter|hour))\b",
        _set,
    ),
    # A year of five digits or more ("the year 99999") is no calendar year: flagged, unresolved.
    (r"(?P<x>\b(?:the\s+)?year\s+\d{5,})\b", _far_year),
    # Days written as ordinal words: "the twenty-third of March", "March first", "June the fourth".
    (
        rf"(?P<x>\b(?:{_WEEKDAY},?\s+)?the\s+(?P<dayword>{_ORDINAL_WORD})\s+of\s+{_MONTH}(?:,?\s+{_YEAR})?)\b",
        _spelled_day,
    ),
    (rf"(?P<x>\b{_MONTH}\s+(?:the\s+)?(?P<dayword>{_ORDINAL_WORD})(?:,?\s+{_YEAR})?)\b", _spelled_day),
    # Decades with the century left out: "the '90s", "the mid-'80s", "the late ’70s" (the apostrophe
    # tells them from temperatures and ages: "in the mid-90s").
    (r"(?P<x>\bthe\s+(?:(?:early|mid|late)[-\s]+)?['’](?P<tens>\d)0s)(?!\w)", _short_decade),
    # "a week from now", "two days from today": the anchor moved ahead by that much.
    (rf"(?P<x>\b{_COUNT}\s+{_UNIT}\s+from\s+(?:now|today))\b", _from_now),
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
    resolver: _Resolver
    keys: tuple[str, ...]


_PATTERNS = [
    _Pattern(re.compile(source, re.IGNORECASE), resolver, keys)
    for (source, resolver), keys in zip(_PATTERN_SOURCES, _PATTERN_KEYS, strict=True)
]
# The absolute calendar dates (ISO, numeric, month and day with a year): no anchor needed.
_FULL_DATE_PATTERNS = [p for p in _PATTERNS if p.resolver in (_iso_day, _numeric_day, _month_day)]
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


_ADVERBIAL_PREPS = {
    "on", "in", "since", "during", "from", "before", "after", "between", "throughout", "over", "into",
}  # fmt: skip


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
    quarters = _QuarterContext(text, first, granularity)
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
            tense = _tense(text, start, end)
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
            if prep in ("to", "until", "till", "through") and _PUT_OFF.search(
                text, max(0, start - 60), phrase_start
            ):
                tense = "future"
            if tense is None and parse is not None:
                # The words' cues come first (they know "deadline", "scheduled", "until"); where
                # they say nothing, the verb the parse finds governing the expression.
                tense = _parse_tense(parse, start, end)
            context = _Context(
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
            if resolved is not None and _in_calendar(*resolved):
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
        chosen = _resolve_anaphora(text, chosen, first if granularity == "day" else None)
    return chosen


# Expressions that name a time relative to one the text has just mentioned, not to the anchor
# (TimeML's anaphoric expressions): "that year", "later that month", "earlier that same day",
# "the following year", "the previous Friday", "the previous day", "the next day", "two days
# later", "a year earlier", "that night". Deictic ones ("yesterday", "last week", "a year ago",
# "on Wednesday") stay with the anchor.
_WEEKDAY_NAME = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "the day before" and "a day after" only when nothing follows: "the day before the vote" names
# the vote's eve, which needs the vote's date.
_ALONE = r"(?=\s*(?:[.,;:!?)\"'\u2019\u201d]|--|_|$))"
_ANAPHORA = re.compile(
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
# only where one of its last words stands (`_shifts`): a pattern that begins with a number is
# slow to try at every word of a text.
_SHIFT_WORD = re.compile(r"\b(?:earlier|later|before|after)\b", re.IGNORECASE)
_SHIFT = re.compile(
    r"\b(?P<u>(?:(?:about|some|nearly|almost|just|only|barely|more\s+than|less\s+than)\s+)?"
    rf"(?P<ucount>{_NUMBER_WORD}|\d{{1,3}})\s+(?P<uunit>day|week|month|year|decade)s?\s+"
    r"(?P<udir>earlier|later|before|after))$",
    re.IGNORECASE,
)
_ALONE_AFTER = re.compile(_ALONE)


def _shifts(text: str) -> list[re.Match[str]]:
    """The matches of `_SHIFT` in `text` ("before" and "after" only with nothing after them)."""
    found = []
    for word in _SHIFT_WORD.finditer(text):
        match = _SHIFT.search(text, max(0, word.start() - 60), word.end())
        if match and (
            match.group("udir").lower() in ("earlier", "later") or _ALONE_AFTER.match(text, match.end())
        ):
            found.append(match)
    return found


_CALENDAR = {"time", "day", "week", "month", "quarter", "season", "half", "year"}


def _in_calendar(value: str, granularity: TimeGranularity) -> bool:
    """Whether a calendar value names days that exist (years 1 to 9999): "last year" against a
    year-1 anchor gives "0000", which no later step could turn into dates."""
    if granularity not in _CALENDAR:
        return True
    try:
        bounds(value, granularity)
    except (OverflowError, ValueError):
        return False
    return True


# The calendar expressions precise enough to count a unit from: a day from a day, a year from
# anything within a year.
_FINE_ENOUGH = {
    "day": {"time", "day"},
    "week": {"time", "day", "week"},
    "month": {"time", "day", "week", "month"},
    "year": _CALENDAR,
    "decade": _CALENDAR,
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


def _resolve_anaphora(
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
    matches = sorted([*_ANAPHORA.finditer(text), *_shifts(text)], key=lambda m: m.start())
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
                (e for e in reversed(result) if e.end <= start and e.granularity in _CALENDAR and e.value),
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
        if resolved is None or not _in_calendar(*resolved):
            continue
        result = [e for e in result if e not in inside]
        result.append(TimeExpression(start, end, text[start:end], *resolved))
        result.sort(key=lambda e: e.start)
    return _date_clock_times(result, sentences)


# "the day before", "two weeks after", "a year before" right before a time expression: counted from it
# ("the day before Thanksgiving", "two days after Oct. 12").
_COUNTED_FROM = re.compile(
    rf"\b(?:the|(?P<count>{_NUMBER_WORD}|\d{{1,3}}))\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>before|after)\s+$",
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
_ENDS_IN_DAY = re.compile(rf"{_MONTH}\.?\s*{_DAY}$", re.IGNORECASE)


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
                reported = _REPORTED.search(sentences.text, max(0, earlier.start - 20), earlier.start)
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
        return f"{day_value(day)}T{_PARTS_OF_DAY[group('tpart').lower()]}", "time"
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
        return (
            (f"{day_value(day)}T{_PARTS_OF_DAY[part.lower()]}", "time") if part else (day_value(day), "day")
        )
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


# Words of quarterly results; not a quarter-century, nor a fraction ("three-quarters", "a quarter of").
_QUARTER_WORDS = re.compile(
    r"\bquarter(?<!three-quarter)(?!-century|s?\s+of\b)|\bperiod\b|\bquarterly\b", re.IGNORECASE
)
# The period results are given for: a quarter, or a longer span ("the first nine months", "six
# months ended", "the fiscal year", "the first half"); "three months" is a quarter.
_RESULTS_PERIOD = re.compile(
    # The lookahead only lets the scan skip fast over words that cannot begin a period.
    r"(?=[qtnsfy]|[96]\s|12\s)(?:(?P<quarter>\bquarter(?<!three-quarter)(?!-century|s?\s+of\b)|\bquarterly\b|\bthree\s+months\b)"
    r"|(?P<span>\b(?:nine|six|twelve|9|6|12)\s+months\b|\b(?:first|second)\s+half\b|\bfull\s+year\b"
    r"|\b(?:fiscal\s+)?year\s+end(?:ed|ing)\b|\bfiscal\s+year\b))",
    re.IGNORECASE,
)
_PER_SHARE = re.compile(r"\ba\s+share\b|\bcents\b", re.IGNORECASE)
_NAMED_QUARTER = re.compile(
    rf"\b(?P<ord>first|second|third|fourth)[-\s]+quarter(?:(?:\s+of|,)?\s+(?:fiscal\s+)?{_YEAR})?",
    re.IGNORECASE,
)


class _QuarterContext:
    """Which quarter quarterly-results prose is reporting at each point of a text.

    The last quarter named before a point ("third-quarter profit"), else the last quarter to
    end before the anchor: results are reported after the quarter closes.
    """

    def __init__(self, text: str, first: dt.date | None, granularity: Granularity | None) -> None:
        self.text = text
        self.default: tuple[int, int] | None = None
        if first is not None and granularity in ("day", "month"):
            current = (first.month - 1) // 3 + 1
            self.default = (first.year, current - 1) if current > 1 else (first.year - 1, 4)
        self.named: list[tuple[int, tuple[int, int], bool]] = []
        self._periods: list[tuple[int, bool]] | None = None
        self._period_starts: list[int] = []
        for match in _NAMED_QUARTER.finditer(text):
            number = ordinal_number(match.group("ord"))
            year = int(match.group("year")) if match.group("year") else None
            if year is None and self.default is not None:
                # Unyeared: the anchor's year, or the year before for a quarter not yet begun.
                year = (
                    first.year if first and dt.date(first.year, 3 * (number or 1) - 2, 1) <= first else None
                )
                year = year or (first.year - 1 if first else None)
            if number and year:
                # A quarter reported in the past tense is over, whatever the calendar says: a fiscal
                # year's fourth quarter may end in September ("reported lower fourth-quarter profit").
                reported = _tense(text, match.start(), match.end()) == "past"
                self.named.append((match.start(), (year, number), reported))

    def at(self, position: int) -> tuple[int, int] | None:
        # A quarter named in the last few sentences, and already over (results come after it).
        before = [
            quarter
            for start, quarter, reported in self.named
            if position - 600 <= start < position
            and (self.default is None or quarter <= self.default or reported)
        ]
        return before[-1] if before else self.default

    def quarterly(self, position: int) -> bool:
        """Whether quarterly results are spoken of just before `position`, and not a longer span since."""
        found = _QUARTER_WORDS.search(self.text, max(0, position - 400), position) is not None
        if not found and _NAMED_QUARTER.search(self.text, 0, min(position, 400)):
            # An article whose lead reports a quarter goes on comparing that quarter's results
            # further down: "A year earlier, net income was $2.1 million, or six cents a share."
            start = max(self.text.rfind(". ", 0, position), self.text.rfind("\n", 0, position))
            found = _PER_SHARE.search(self.text, max(0, start), position + 80) is not None
        return found and not self.span(position)

    def span(self, position: int) -> bool:
        """Whether the results period named last before `position` is longer than a quarter."""
        if self._periods is None:
            # One scan of the text, the first time a period is asked for.
            self._periods = [
                (m.start(), m.group("span") is not None) for m in _RESULTS_PERIOD.finditer(self.text)
            ]
            self._period_starts = [start for start, _ in self._periods]
        index = bisect.bisect_left(self._period_starts, position) - 1
        return index >= 0 and self._periods[index][0] >= position - 400 and self._periods[index][1]


def find_full_dates(text: str) -> list[TimeExpression]:
    """The full calendar dates of `text` ("Dec. 23, 2020", "2020-12-23", "Tuesday, Sept. 8, 2020"),
    in text order: what `find_times` finds at day granularity with no anchor, but faster, as only
    the patterns of absolute dates are tried."""
    return [e for e in _find(text, None, None, None, _FULL_DATE_PATTERNS) if e.granularity == "day"]


_PARTIAL_DATE = [
    re.compile(rf"\b{_MONTH}\s*{_DAY}(?:,?\s*{_YEAR})?", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?", re.IGNORECASE),
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
