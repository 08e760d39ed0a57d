"""The date of one event: the time expression that governs its clause, else its sentence's,
else its article's."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateline.model import Article, Event, Granularity
from dateline.time.aspect import (
    before_the_news,
    in_background_past,
    in_background_perfect,
    in_present_perfect,
    ongoing,
    past_the_opening,
    recent_past,
    tense_position,
)
from dateline.time.finding import find_times
from dateline.time.narration import OTHER_EVENT, dated_by_another_event, narrative_day
from dateline.time.preceding import refer_back
from dateline.time.recent import past_at_a_distance, recent_span
from dateline.time.resolving import TimeExpression
from dateline.time.tolls import accrues, spans_a_period
from dateline.time.values import bounds, month_value, parse_iso, to_record


def date_event(event: Event, article: Article) -> Event:
    """Give an event the date of the expression governing it, else the article's.

    The expression is the one in the trigger's clause, else the nearest in the evidence
    sentence, resolved against the article's date. An expression in a "since/after ..." phrase
    ("since his appointment earlier this week") dates another event and is not used. An
    asserted (past) event never gets a date after the article's; a planned one may ("will
    meet next month"). Durations, sets and references to the present ("now") date nothing.

    A date that modifies a noun ("the 2016 coup", "Sunday's attack") dates that thing, not the
    event, unless the event is that thing. "A day after <X on Sunday>" is Monday. An event
    with no single day gets no date: a cumulative toll ("have killed 300 since 2019") and a
    background state of the past ("then governed by", "at the time"). A date more than a century
    before or decades after its article is a misreading, not a news event's date.

    A clause that "when" hangs on a time takes that time ("since 1975, when troops ambushed ...");
    an act in an offset phrase whose clause names no time is counted from the day that clause is
    told at ("came a day after North Korea fired ..."); a day owning the act's object dates that
    thing ("condemned Sunday's raid"), and a year on the thing an act happened in dates the act
    ("killed in the 2016 coup"). Two sentences a web page ran together ("2020.The") do not date
    each other's events.
    """
    anchor = parse_iso(article.date) if article.date else None
    planned = event.modality == "planned" or (
        event.sentence_start >= 0
        and _told_as_scheduled(event.evidence, event.trigger_start - event.sentence_start)
    )
    expressions = find_times(
        event.evidence,
        anchor[0] if anchor else None,
        article.date_granularity if anchor else None,
        past=not planned,
    )
    if anchor:  # "Later that year, ...": a phrase counting from the time the sentences before set
        expressions = refer_back(expressions, event, article, anchor[0], past=not planned)
    trigger = event.trigger_start - event.sentence_start
    sentence = event.evidence
    # Where the words alone (no tense forced) put a date after the report ("signed a deal to
    # end fighting starting on November 10" in a 9 November report), it is a time ahead that
    # a past event cannot have, not the same day a year before.
    ahead: set[tuple[int, int]] = set()
    if not planned and anchor:
        last = _article_last_day(article)
        ahead = {
            (e.start, e.end)
            for e in find_times(event.evidence, anchor[0], article.date_granularity)
            if last is not None and to_record(e.value, e.granularity) is not None and e.first_day > last
        }
    if planned and anchor:
        # "In September, the rebels said they were ready to observe a ceasefire": the date is
        # the saying's, which is past, though what was said lies ahead
        said = {
            (e.start, e.end): e
            for e in find_times(event.evidence, anchor[0], article.date_granularity, past=True)
        }
        expressions = [
            said.get((e.start, e.end), e) if _dates_the_saying(sentence, e, trigger) else e
            for e in expressions
        ]
    article_last = _article_last_day(article)
    earliest, latest = _plausible_years(anchor[0] if anchor else None)
    own = _glued_sentence(sentence, trigger)
    tense_at = tense_position(sentence, trigger)  # a participle after its clause: at that clause's verb
    perfect = not planned and in_present_perfect(sentence, tense_at)
    state = not planned and event.sentence_start >= 0 and _present_state(sentence, trigger)
    report_day = anchor[0] if anchor else dt.date.max
    usable: list[TimeExpression] = []
    for expression in expressions:
        if to_record(expression.value, expression.granularity) is None:
            continue
        if not earliest <= expression.first_day.year <= latest:
            continue  # "in 9000 years", a count read as a year: no news event's date
        if not planned and article_last is not None and expression.first_day > article_last:
            continue  # a past event cannot come after its report
        if (expression.start, expression.end) in ahead:
            continue
        if not own[0] <= expression.start < own[1]:
            continue  # in another sentence the page ran into this one ("Feb. 15, 2020.The talks")
        scheduled = _SCHEDULED_FOR.search(sentence, max(0, expression.start - 40), expression.start)
        if scheduled is not None and not scheduled.start() - 40 <= trigger < expression.end:
            continue  # "the congress, initially set for 18 November": the day of what was set
        if _WHEN_CLAUSE.match(sentence, expression.end, trigger):
            # "since October 1975, when troops ambushed a patrol": the time the clause hangs on
            return _with_date(event, expression, None if planned else article_last)
        if (
            perfect
            and expression.first_day <= report_day
            and not _same_clause(sentence, expression.start, trigger)
            and not _dates_the_saying(sentence, expression, trigger)
        ):
            continue  # "figures have risen as forces have launched attacks": a past time is another clause's
        if state and expression.start > trigger and expression.last_day < report_day:
            continue  # "the YPG is worried about a repeat of the occupation in March": a present state
        if _modifies_a_noun(sentence, expression, trigger) or _of_a_participle(sentence, expression, trigger):
            continue
        if _in_an_aside(sentence, expression, trigger) or _in_a_relative_clause(
            sentence, expression, trigger, event.trigger
        ):
            continue
        shifted = _days_after(sentence, expression, trigger)
        if shifted is not None:
            if planned or article_last is None or shifted.first_day <= article_last:
                usable.append(shifted)
            continue
        if _governed_by_another_event(sentence, expression, trigger):
            continue
        usable.append(expression)
    if not planned and anchor and article.date_granularity == "day":
        # "has threatened an incursion in recent days": a day of that span, held by its month
        recent = recent_span(sentence, trigger, anchor[0])
        if recent is not None and not any(_same_clause(sentence, e.start, trigger) for e in usable):
            return dataclasses.replace(event, date=recent[0], date_granularity=recent[1])
    if not planned and anchor and not usable:
        # "resumed relations decades ago", "Years ago, Britain imposed sanctions": a time back from
        # the report the text gives no day for, held by a month or year when one holds it
        distance = past_at_a_distance(
            sentence, trigger, anchor[0] if article.date_granularity == "day" else None
        )
        if distance is not None:
            return dataclasses.replace(event, date=distance[0], date_granularity=distance[1])
    if (
        _accrues(sentence, trigger)
        or _recurs(sentence, expressions, trigger)
        or _spans_a_period(sentence, trigger, usable)
        or (
            not usable
            and (
                _in_background(sentence, trigger)
                or (not planned and (before_the_news(sentence, tense_at) or ongoing(sentence, trigger)))
            )
        )
    ):
        return dataclasses.replace(event, date=None, date_granularity=None)
    offset = _offset_holding(sentence, trigger)
    if offset is not None:
        usable = _counted_back(usable, offset)
    if usable:
        clauses = _clause_starts(sentence)
        here = _clause_of(trigger, clauses)
        best = min(
            usable,
            key=lambda e: (
                _clause_of(e.start, clauses) != here,
                _distance(e, trigger),
                e.granularity != "day",
            ),
        )
        return _with_date(event, best, None if planned else article_last)
    if (
        not planned
        and offset is None
        and anchor
        and article.date_granularity == "day"
        and in_background_perfect(sentence, tense_at)
        # (counting the sentences before this one only when its clause is such a perfect)
        and past_the_opening(article.body, event.sentence_start)
    ):
        # "Biden has spoken to each leader individually", told in the body: an act of the recent
        # past, whose day the text does not give; the year holds it when the recent months do
        year = recent_past(anchor[0])
        return dataclasses.replace(event, date=year, date_granularity="year" if year else None)
    if (
        not planned
        and offset is None
        and anchor
        and in_background_past(sentence, tense_at)
        and past_the_opening(article.body, event.sentence_start)
    ):
        # "The announcement came after an incident, which Tehran blamed on Israel", told in the
        # body with no time of its own: an earlier act, not the day's news
        return dataclasses.replace(event, date=None, date_granularity=None)
    if not planned:
        told = narrative_day(event, article, article_last)
        if offset is not None and offset[2] and not _RELATIVE_BEFORE.search(sentence, 0, offset[0]):
            # "The visit came a day after North Korea fired missiles": a day before the day the
            # clause it hangs on is told at, the report's when no other is named
            day = told or (anchor[0] if anchor and article.date_granularity == "day" else None)
            if day is not None:
                return dataclasses.replace(
                    event, date=(day + dt.timedelta(days=offset[2])).isoformat(), date_granularity="day"
                )
        if told is not None:
            return dataclasses.replace(event, date=told.isoformat(), date_granularity="day")
    return dataclasses.replace(event, date=article.date, date_granularity=article.date_granularity)


# A present state, the trigger being or following "is/are": "is concerned", "are worried about".
_STATE_WORD = re.compile(r"(?:is|are|am)\s+(?!\w+ing\b)\w+", re.I)
_STATE_BEFORE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?$", re.I)


def _present_state(sentence: str, trigger: int) -> bool:
    """Whether the trigger is a present state ("Turkey is concerned", "officials are worried"):
    what holds at the report, whatever past time its complement names."""
    if _STATE_WORD.match(sentence, trigger):
        return True
    word = _WORD.match(sentence, trigger)
    return bool(
        word
        and not word.group(0).endswith("ing")
        and _STATE_BEFORE.search(sentence, max(0, trigger - 30), trigger)
    )


def _same_clause(sentence: str, first: int, second: int) -> bool:
    """Whether two offsets fall in one clause of the sentence."""
    clauses = _clause_starts(sentence)
    return _clause_of(first, clauses) == _clause_of(second, clauses)


# A relative clause still open: "Begum, who married a fighter 10 days after arriving" tells of a
# past the report's day does not date.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|whom|whose)\b[^,;:.!?—–]*$", re.I)


def _with_date(event: Event, expression: TimeExpression, last: dt.date | None) -> Event:
    """The event dated by one expression (a week by the month that holds most of it)."""
    record = to_record(expression.value, expression.granularity)
    assert record is not None  # callers pass only expressions with a record
    if expression.granularity == "week":
        record = _month_of_week(expression, last)
    return dataclasses.replace(event, date=record[0], date_granularity=record[1])


# A time something was set for: "a congress initially set for 18 November", "talks scheduled for
# Monday". It dates that thing (a plan), not another act of the sentence.
_SCHEDULED_FOR = re.compile(r"\b(?:set|scheduled|slated|planned|due)\s+(?:for|on)\s+(?:\w+\s+)?$", re.I)
# A clause that "when" hangs on a time, holding the trigger: "since 2014, when gunmen killed ...",
# "on Monday when he arrived". The clause ends at a stop, a colon, a dash or a later comma.
_WHEN_CLAUSE = re.compile(r",?\s+when\s+[^,;:.!?—–()]{0,80}$", re.I)
# Where a web page ran two sentences together without a space: "... Feb. 15, 2020.The new talks",
# "withdrew from in 2018.Current U.S. President" (not "U.S.", "p.m.", "No.5").
_GLUED_STOP = re.compile(r"(?<=[a-z0-9]{2})[.!?][\"”’']?(?=[A-Z][a-z])")


def _glued_sentence(sentence: str, position: int) -> tuple[int, int]:
    """The span of the run-together sentence that holds `position` (the whole text when none)."""
    start, end = 0, len(sentence)
    for stop in _GLUED_STOP.finditer(sentence):
        if stop.end() <= position:
            start = stop.end()
        elif stop.start() >= position:
            end = stop.start()
            break
    return start, end


# Where a new clause begins: punctuation that ends one, a reporting verb's complement ("said
# that ..."), and the words that open a subordinate or coordinate clause after a comma.
# A comma is taken as a break too (not one grouping a number's digits, "14,000"): an apposition
# or a relative clause ("The minister, who arrived on Monday, met ...") then stands apart from
# the main clause.
_CLAUSE_BREAK = re.compile(r"(?:[;:—–]|,(?!\d{3}\b))\s*|\s-\s|\bthat\s|\b(?:said|says|told|added)\b")
# A date written as a noun's modifier: after a determiner or possessive ("the 2016 coup", "a 1972
# accord", "its March 2019 report") or before a possessive ("Sunday's attack").
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|whose)|['’]s)\s+(?:[a-z][\w-]*\s+)?$", re.I
)
# The trigger in a relative clause on the modified noun: "March's attack, which killed".
_RELATIVE_TO_TRIGGER = re.compile(r"[^;.]{0,60}?,?\s*\b(?:which|that)\s+(?:\w+\s+){0,2}")
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\s+\w")
# The word after such a date is the noun it modifies unless it is a function word or a verb
# form that ends the phrase ("in the 1990s when ...", "the 2016 election was ...").
_NOUN_AFTER = re.compile(r"^\s+([A-Za-z][\w-]*)")
_NOT_A_HEAD = re.compile(
    r"(?:and|or|but|to|as|when|while|after|before|since|until|in|on|at|by|for|of|from|with|that|which"
    r"|who|where|is|was|were|are|has|had|have|will|would|the|a|an|it|he|she|they|this|these|those)$",
    re.I,
)
# "a day after", "two days before", "hours after", "the day after", "a week after".
_OFFSET = (
    r"\b(?:(?P<count>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>day|days|week|weeks)"
    r"|(?P<same>hours|minutes|moments|shortly|just|only\s+hours)|the\s+(?P<next>day|week))\s+"
    r"(?P<dir>after|before)\s+"
)
_OFFSET_BEFORE = re.compile(_OFFSET + r"(?:\S+\s+){0,10}$", re.I)
_OFFSET_WORDS = re.compile(_OFFSET, re.I)
# A past state told as background: "then governed by", "at the time", "once ruled", "formerly".
_THEN_BEFORE = re.compile(r"(?<![,;])\s(?<!\band\s)(?:then|once|formerly|previously)\s+$", re.I)
# "The region, then held by rebels, ...": a passive participle set off after "then".
_APPOSED_THEN = re.compile(r",\s*then\s+$", re.I)
_BY_AFTER = re.compile(r"^\w+\s+by\b")
# An aside set off by commas that is a clause of its own: a participle or relative clause on
# a noun ("The Quad, mooted by Japan in 2007, has met ..."; "Obasanjo, who stepped down in
# 2007, praised ...").
_ASIDE_OPENING = re.compile(
    r"^\s*(?:who|which|whose|whom|(?:first\s+|originally\s+|once\s+|later\s+)?(?:[a-z]+(?:ed|en|wn|ng)|set\s+up"
    r"|built|held|made|led|struck|won|lost|brought|fought|sent|begun|shot|hit|kept|paid|sold|bought|laid|put|cut))\b",
    re.I,
)
_AT_THE_TIME = re.compile(r"\bat\s+the\s+time\b", re.I)
_AT_THE_TIME_OPENING = re.compile(r"^\W*at\s+the\s+time\s*,", re.I)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


# A past verb of saying, and what may stand between it and a time it governs ("said on",
# "told reporters late on").
_SAID = re.compile(
    r"\b(?:said|told|announced|added|stated|declared|confirmed|reported|wrote|tweeted|noted|claimed|explained)\b",
    re.I,
)
_SAID_THEN = re.compile(r"^\s+(?:\w+\s+){0,2}(?:on|in|late|early|last)?\s*$", re.I)


def _dates_the_saying(sentence: str, expression: TimeExpression, trigger: int) -> bool:
    """Whether the expression dates a past verb of saying that reports the trigger's clause:
    "On Monday, Xi said he would visit", "Xi said on Monday he would visit"."""
    if expression.end > trigger:
        return False
    for said in _SAID.finditer(sentence, 0, trigger):
        if expression.end <= said.start() and "." not in sentence[expression.end : said.start()]:
            return True  # the time comes first, then who said it
        if said.end() <= expression.start and _SAID_THEN.match(sentence[said.end() : expression.start]):
            return True
    return False


def _plausible_years(anchor: dt.date | None) -> tuple[int, int]:
    """The years a news event's date may fall in: from 1900 to three decades after the article."""
    year = (anchor or dt.date.today()).year
    return 1900, year + 30


def _modifies_a_noun(sentence: str, expression: TimeExpression, trigger: int) -> bool:
    """Whether the expression is a year or month that modifies a noun ("the 2016 coup", "March's
    attack") whose noun is not the event's trigger nor its relative clause ("the 2016 coup, which
    killed ..."). A day so used ("Sunday's attack") is left alone: a reaction to it mostly comes
    within a day or two, so that day is no worse a guess than the article's."""
    after = sentence[expression.end :]
    if expression.granularity in ("day", "time") and _POSSESSIVE_AFTER.match(after):
        # "condemned Sunday's attack": a day that owns the trigger's object dates that thing; the
        # reaction to it is told at its own time (a day owning the subject, "Sunday's attack
        # killed 20", is the act's: the head test below keeps it)
        if trigger > expression.start:
            return False
    elif expression.granularity not in ("year", "month"):
        return False
    elif _IN_THE_DATED_THING.search(sentence, max(trigger, expression.start - 60), expression.start) and (
        _acts_in_the_thing(sentence, trigger, expression.start)
    ):
        return False  # "were killed in the 2016 coup": the act happened in the thing the date dates
    of = _NOUN_OF_BEFORE.search(sentence, max(0, expression.start - 40), expression.start)
    if of is not None and not _NOT_A_THING.fullmatch(of.group("noun")):
        # "the nuclear deal of 2015", "the coup of July 2016": the year dates the noun before "of",
        # unless that noun is the event or the event is told in a relative clause on it
        if of.start("noun") <= trigger < of.end("noun"):
            return False
        told = sentence[expression.end : trigger]
        return not (trigger > expression.end and _RELATIVE_TO_TRIGGER.fullmatch(told))
    if _POSSESSIVE_AFTER.match(after):
        head_start = expression.end + after.index(" ") if " " in after else len(sentence)
    elif expression.text[:1].isdigit() or expression.text[:1].isupper():  # "2016", "March 2016"
        if not _DETERMINER_BEFORE.search(sentence[max(0, expression.start - 40) : expression.start]):
            return False
        noun = _NOUN_AFTER.match(after)
        if noun is None or _NOT_A_HEAD.match(noun.group(1)):
            return False
        head_start = expression.end
    else:
        return False
    # The event is the thing named ("the 2016 coup" coded as the coup): the date is its own.
    if head_start <= trigger <= head_start + 30:
        return False
    return not (trigger > head_start and _RELATIVE_TO_TRIGGER.fullmatch(sentence[head_start:trigger]))


# A date on a noun in a phrase of "in/during/amid": "killed in the 2016 coup", "during a 2014 offensive".
_IN_THE_DATED_THING = re.compile(r"\b(?:in|during|amid)\s+(?:the|a|an|its|their)\s+$", re.I)


def _acts_in_the_thing(sentence: str, trigger: int, date_start: int) -> bool:
    """Whether the "in the <date> <noun>" phrase before `date_start` is the trigger's own: it
    follows the trigger's verb within a few words ("were killed in", "arrested dozens of people
    in"), with no comma nor another verb form between."""
    if trigger >= date_start:
        return False
    verb_end = _WORD_END.search(sentence, trigger)
    between = sentence[verb_end.end() if verb_end else trigger : date_start]
    words = between.split()
    if "," in between or len(words) > 6:
        return False
    # a verb form or another preposition between makes the phrase someone else's: "charged 20
    # people arrested in the 2019 protests", "sentenced them over their role in a 2016 coup"
    return not any(_NOT_THE_VERBS_OWN.fullmatch(word) for word in words[:-2])


_NOT_THE_VERBS_OWN = re.compile(
    r"[a-z]+(?:ed|en)|over|for|about|against|with|without|on|at|by|from|to|into|after|before|since|role|part",
    re.I,
)


_WORD_END = re.compile(r"\w+")
# A noun and "of" right before a date: "the deal of 2015", "the Vienna Convention of 1961".
_NOUN_OF_BEFORE = re.compile(r"\b(?P<noun>[A-Za-z][\w-]*)\s+of\s+$")
# Nouns before "of <date>" that name a time or a part of it ("the end of March", "the summer of
# 2016") or make a preposition ("because of", "as of"): the date is then the phrase's own.
_NOT_A_THING = re.compile(
    r"(?:end|ends|beginning|start|middle|summer|spring|autumn|fall|winter|month|months|week|weeks|year|years"
    r"|night|morning|evening|afternoon|day|days|half|quarter|part|course|rest|remainder|close|turn|height"
    r"|period|season|first|last|late|early|mid|all|most|some|much|each|one|none|both|any|because|instead"
    r"|out|ahead|as|dawn|eve|spring|term|session|time|times|top|bottom|side|sides)",
    re.I,
)


# A reduced relative clause: "the deal signed in 1994", "an accord reached on Monday".
_PARTICIPLE_BEFORE = re.compile(
    # the head noun is a common noun; a name may stand before it ("the EU plan reached last month");
    # a relative pronoun ends the noun phrase ("an operation that ended on Monday": a clause)
    r"\b(?:the|a|an|its|his|her|their)\s+(?:(?!(?:that|which|who)\s)[\"“‘']?[A-Za-z][\w-]*[\"”’']?\s+)?"
    r"(?!(?:that|which|who)\s)[\"“‘']?[a-z][\w-]*[\"”’']?\s+"
    r"(?P<verb>[a-z]{3,}ed|taken|given|written|chosen|stolen|shown|seen|made|held|built|won|lost|struck"
    r"|brought|fought|sent|spent|begun|set|hit|shot|caught|sold|bought|laid|paid|kept)"
    r"\s+(?:in|on|during|since)?\s*$"
)


# A word that opens a subordinate clause: the "-ed" word after its subject is a finite verb.
_SUBORDINATOR_BEFORE = re.compile(
    r"\b(?:after|before|when|since|as|until|till|while|because|once|if|though|although|that)\s+$", re.I
)


def _of_a_participle(sentence: str, expression: TimeExpression, trigger: int) -> bool:
    """Whether the expression dates a participle that modifies a noun ("rejected the deal signed in
    1994"), when that participle is not the trigger and the trigger comes before it."""
    window = max(0, expression.start - 60)
    found = _PARTICIPLE_BEFORE.search(sentence[window : expression.start])
    if found is None:
        return False
    noun_phrase = window + found.start()
    if _SUBORDINATOR_BEFORE.search(sentence, max(0, noun_phrase - 12), noun_phrase):
        return False  # "after the ceasefire expired on Monday": a clause's own verb, not a participle
    if (
        _IN_BEFORE.search(sentence, max(0, noun_phrase - 8), noun_phrase)
        and len(sentence[trigger:noun_phrase].split()) <= 3
    ):
        return False  # "as agreed in a deal brokered this year": what the act happened in, its time
    return trigger < noun_phrase


_IN_BEFORE = re.compile(r"\b(?:in|during|amid)\s+$", re.I)


def _in_an_aside(sentence: str, expression: TimeExpression, trigger: int) -> bool:
    """Whether the expression sits in an aside set off by commas that is a clause of its own
    ("The Quad, mooted by Japan in 2007, has met ...") and does not hold the trigger: it dates
    what the aside tells, not the sentence's news."""
    opening = sentence.rfind(",", 0, expression.start)
    closing = sentence.find(",", expression.end)
    if closing < 0 and opening >= 0 and trigger < opening:
        closing = len(sentence)  # an aside that ends the sentence: "denied the charge, first made in 2014."
    if opening < 0 or closing < 0 or opening <= trigger < closing:
        return False
    if ";" in sentence[opening:closing] or not _ASIDE_OPENING.match(sentence[opening + 1 : expression.start]):
        return False
    if _TAKES_PLACE.search(sentence[opening:closing]):
        return False  # "the summit, which was held on Monday": an occasion, whose time its acts share
    return trigger >= closing or trigger < opening


def _days_after(sentence: str, expression: TimeExpression, trigger: int) -> TimeExpression | None:
    """ "a day after protesters stormed parliament on Sunday": the Monday, when the event lies
    outside that phrase and the other event's day is known."""
    if expression.granularity not in ("day", "time"):
        return None
    window = max(0, expression.start - 120)
    found = _OFFSET_BEFORE.search(sentence[window : expression.start])
    if found is None or window + found.start() <= trigger < expression.start:
        return None
    day = expression.first_day + dt.timedelta(days=_offset_days(found))
    text = sentence[window + found.start() : expression.end]
    return TimeExpression(window + found.start(), expression.end, text, day.isoformat(), "day")


def _month_of_week(week: TimeExpression, last: dt.date | None) -> tuple[str, Granularity]:
    """The month a week's event most likely fell in: the month holding most of the week's days,
    those after the report left out for a past event ("this week" in a Wednesday 2 November
    report is 31 October to 2 November: November, not October, the month of its Monday)."""
    first, final = bounds(week.value, "week")
    if last is not None and first <= last < final:
        final = last
    middle = first + (final - first) / 2
    return month_value(middle.year, middle.month), "month"


def _recurs(sentence: str, expressions: list[TimeExpression], trigger: int) -> bool:
    """Whether the trigger's clause says the act recurs ("shelled Kharkiv every day this week",
    "arrests protesters daily"): many days, no single one."""
    clauses = _clause_starts(sentence)
    here = _clause_of(trigger, clauses)
    return any(e.granularity == "set" and _clause_of(e.start, clauses) == here for e in expressions)


def _accrues(sentence: str, trigger: int) -> bool:
    """Whether the event is a toll or tally that accrues over time (`tolls.accrues`)."""
    clauses = _clause_starts(sentence)
    here = _clause_of(trigger, clauses)
    end = clauses[here + 1] if here + 1 < len(clauses) else len(sentence)
    return accrues(sentence, trigger, clauses[here], end)


def _in_background(sentence: str, trigger: int) -> bool:
    """Whether the event is a past state told as background: "then governed by", "once ruled",
    "the president at the time", "the region, then held by rebels"."""
    before = sentence[max(0, trigger - 40) : trigger]
    if _THEN_BEFORE.search(" " + before):
        return True
    if _APPOSED_THEN.search(before) and _BY_AFTER.match(sentence[trigger:]):
        return True
    if _AT_THE_TIME_OPENING.match(sentence[:trigger]):
        return True  # "At the time, Washington imposed sanctions": the time of another sentence
    clauses = _clause_starts(sentence)
    here = _clause_of(trigger, clauses)
    end = clauses[here + 1] if here + 1 < len(clauses) else len(sentence)
    return bool(_AT_THE_TIME.search(sentence[clauses[here] : end]))


def _clause_starts(sentence: str) -> list[int]:
    """Offsets where the sentence's clauses begin, the first at 0."""
    return [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)]


def _clause_of(position: int, starts: list[int]) -> int:
    """The index of the clause holding `position`."""
    return sum(1 for start in starts if start <= position) - 1


def _governed_by_another_event(sentence: str, expression: TimeExpression, trigger: int) -> bool:
    """Whether the expression sits in a "since/after/before ..." phrase about another event (one
    that does not hold the trigger: "before Biden takes office next month" dates "takes office")."""
    window = max(0, expression.start - 60)
    found = OTHER_EVENT.search(sentence[window : expression.start])
    if found is None or window + found.start() <= trigger < expression.start:
        return False
    return dated_by_another_event(sentence[window : expression.start])


def _distance(expression: TimeExpression, position: int) -> int:
    """Characters between the expression and a position (0 when it covers it)."""
    if expression.start <= position < expression.end:
        return 0
    return expression.start - position if expression.start > position else position - expression.end


def _article_last_day(article: Article) -> dt.date | None:
    """The last day the article's date covers (its month's last day for a month)."""
    if article.date is None or article.date_granularity is None or parse_iso(article.date) is None:
        return None
    return bounds(article.date, article.date_granularity)[1]


def _offset_days(found: re.Match[str]) -> int:
    """The days an offset phrase counts ("a day after" +1, "two days before" -2, "hours after" 0)."""
    if found.group("same"):
        days = 0
    elif found.group("next"):
        days = 7 if found.group("next").lower() == "week" else 1
    else:
        count = found.group("count").lower()
        days = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        if found.group("unit").lower().startswith("week"):
            days *= 7
    return -days if found.group("dir").lower() == "before" else days


# What ends the phrase an offset opens: a clause break.
_PHRASE_END = re.compile(r"[,;:—–()]|\s-\s")
# An aside between two commas, and a comma before a participle that follows its clause.
_ASIDE_PAIR = re.compile(r",\s[^,;:—–()]{1,80},\s")
_PARTICIPLE_COMMA = re.compile(r",\s+(?=(?:\w+ly\s+)?[a-z]+ing\b)")


def _offset_holding(sentence: str, trigger: int) -> tuple[int, int, int] | None:
    """The offset phrase the trigger stands in, as (start, end, days from the time of the clause
    it hangs on to the trigger's act): "arrested them on Sunday, a day after protesters clashed
    with troops" puts "clashed" a day before Sunday (-1)."""
    found = None
    for match in _OFFSET_WORDS.finditer(sentence, max(0, trigger - 120), trigger):
        found = match
    if found is None:
        return None
    # An aside set off by a pair of commas ("a day after Kim, the leader's sister, warned ...") and
    # a participle set off after its clause ("..., struck a note, warning ...") stay in the phrase.
    word = _WORD_END.match(sentence, trigger)
    between = sentence[found.end() : word.end() if word else trigger]  # the trigger's word too
    while _ASIDE_PAIR.search(between):
        between = _ASIDE_PAIR.sub(" ", between, count=1)
    between = _PARTICIPLE_COMMA.sub(" ", between)
    if _PHRASE_END.search(between) or len(between.split()) > 11:
        return None
    end = _PHRASE_END.search(sentence, trigger)
    return found.start(), end.start() if end else len(sentence), -_offset_days(found)


def _counted_back(usable: list[TimeExpression], offset: tuple[int, int, int]) -> list[TimeExpression]:
    """The times that date an act told in an offset phrase: a day the phrase names is its own
    ("a day after meeting Biden on Monday"); else the day of the clause the phrase hangs on,
    moved by the offset ("on Sunday, a day after ..." is Saturday). A month or a year is kept."""
    start, end, days = offset
    if any(start <= e.start < end for e in usable):
        return usable
    return [
        TimeExpression(e.start, e.end, e.text, (e.first_day + dt.timedelta(days=days)).isoformat(), "day")
        if e.granularity in ("day", "time")
        else e
        for e in usable
    ]


# A relative clause: ", which had agreed in 2016", "the agreement that was signed in 2001",
# "Pretoria, where the talks began on 25 October" (not "when": it shares the main clause's time).
_RELATIVE_OPENER = re.compile(r"(?:,\s*|\s)(?:that|which|who|whom|whose|where)\s", re.I)
# A reporting clause after a comma ends a relative clause: "..., the Secretary General said on".
_REPORTING_AFTER_COMMA = re.compile(
    r",\s*(?:[\w.'’-]+\s+){0,6}?(?:said|says|told|added|announced|stated|reported|confirmed)\b"
)
# A relative clause that only says its noun took place names an occasion ("attended the summit,
# which was held on Monday"): what is done at it shares its time.
_TAKES_PLACE = re.compile(
    r"\b(?:took|takes|take|taking)\s+place\b|\b(?:was|were|is|are|be|been)\s+held\b|\b(?:happened|occurred)\b",
    re.I,
)
# The act happened in the thing the clause tells of: "had taken the town in an offensive that was
# launched in 2016".
_IN_THE_THING = re.compile(r"\b(?:in|during|amid)\s+(?:[\w'’“”\"-]+\s+){0,4}[\w'’“”\"-]+\W*$", re.I)


def _in_a_relative_clause(
    sentence: str, expression: TimeExpression, trigger: int, trigger_words: str
) -> bool:
    """Whether the expression dates the verb of a relative clause after the trigger ("Riyadh and
    Tehran agreed to reactivate the pact that was signed in 2001"), not the trigger's act.

    The clause's time is the act's when the clause is on the act's own noun ("held talks, which
    began on Monday"), tells of an occasion ("which was held on Monday") or of what the act
    happened in ("in an offensive that was launched in 2016")."""
    if trigger >= expression.start:
        return False
    opener = None
    for match in _RELATIVE_OPENER.finditer(sentence, trigger, expression.start):
        opener = match
    if opener is None or re.search(r"[;.!?]", sentence[opener.end() : expression.start]):
        return False
    if _REPORTING_AFTER_COMMA.search(sentence, opener.end(), expression.start):
        return False  # ", Stoltenberg said on Monday": the report's clause, after the relative one
    between = sentence[trigger : opener.start()]
    word = opener.group(0).strip(" ,").casefold()
    if _TAKES_PLACE.search(sentence[opener.end() : expression.end + 20]):
        return False
    if word != "where" and _IN_THE_THING.search(between):  # "in Pretoria, where": a place, not an act
        return False
    noun = re.search(r"([\w-]+)\W*$", between)
    if noun is None:
        return True
    if noun.start() == 0:
        # right after the trigger: a verb's complement ("denied that its navy seized ...") or,
        # after a noun that is the act, what the act did ("the attack, which killed ...")
        return word == "that" and "," not in opener.group(0)
    return noun.group(1).casefold() not in trigger_words.casefold().split()


def _spans_a_period(sentence: str, trigger: int, usable: list[TimeExpression]) -> bool:
    """Whether the act is a count over a period ("killed 300 civilians over the past month"), in
    any tense, when its clause names no day of its own."""
    clauses = _clause_starts(sentence)
    here = _clause_of(trigger, clauses)
    if any(e.granularity in ("day", "time") and _clause_of(e.start, clauses) == here for e in usable):
        return False
    end = clauses[here + 1] if here + 1 < len(clauses) else len(sentence)
    return spans_a_period(sentence, trigger, sentence[clauses[here] : end])


# A weekday in a clause: what a present tense with it is scheduled for.
_WEEKDAY_WORD = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# The present progressive before an "-ing" trigger: "are meeting", "is visiting".
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:am|is|are|['’]re)\s+(?:\w+ly\s+)?$", re.I)
# The word before a bare verb that makes it no present tense ("to meet", "will meet", "did not").
_NOT_PRESENT_BEFORE = re.compile(
    r"\b(?:to|will|would|shall|should|can|could|may|might|must|did|does|do|not|n['’]t|let|help|make|had|has|have)\s+$",
    re.I,
)
_WORD = re.compile(r"[A-Za-z]+")


def _told_as_scheduled(sentence: str, trigger: int) -> bool:
    """Whether the trigger is a present tense with a weekday in its clause, which English news uses
    for what is scheduled: "EU leaders meet in Brussels on Thursday", "Erdogan hosts Putin on
    Monday", "are meeting on Thursday" (the past is "met"). Headlines, where the present tells
    what happened, are not read here."""
    clauses = _clause_starts(sentence)
    here = _clause_of(trigger, clauses)
    end = clauses[here + 1] if here + 1 < len(clauses) else len(sentence)
    clause_start = clauses[here]
    # "On Monday, Erdogan hosts Putin": a weekday opening the sentence stands in its own clause
    opening = here == 1 and _WEEKDAY_WORD.search(sentence, 0, clause_start)
    if not (_WEEKDAY_WORD.search(sentence, clause_start, end) or opening):
        return False
    word = _WORD.match(sentence, trigger)
    if word is None or word.group(0)[:1].isupper():
        return False
    verb = word.group(0)
    before = sentence[max(0, trigger - 30) : trigger]
    if verb.endswith("ing"):
        return bool(_PROGRESSIVE_BEFORE.search(before))
    if verb.endswith(("ed", "ss", "us", "is")) or _NOT_PRESENT_BEFORE.search(before):
        return False
    previous = re.search(r"([A-Za-z'’.-]+)\s+$", before)
    if previous is None:
        return False
    if verb.endswith("s"):  # "Erdogan hosts", "he meets": a name or a pronoun as its subject
        return previous.group(1)[:1].isupper() or previous.group(1).lower() in ("he", "she", "it", "who")
    # a bare form after a plural subject: "leaders meet", "the two sides meet" (not a past of the
    # same form: "protesters hit police on Monday")
    subject = previous.group(1).lower()
    return subject.endswith("s") and not subject.endswith("ss") and not _SAME_PAST.fullmatch(verb.lower())


# Verbs whose past is their bare form.
_SAME_PAST = re.compile(
    r"put|hit|cut|set|shut|quit|spread|let|cast|broadcast|burst|hurt|cost|bet|bid|upset|thrust|split|beat|rid|read"
)
