"""The day a story's narration is at: the date of a past act whose sentence names no time of
its own, from the sentences told just before it (or, for a headline, from its lead)."""

from __future__ import annotations

import datetime as dt
import re

from dateline.model import Article, Event
from dateline.time.finding import find_times
from dateline.time.resolving import TimeExpression
from dateline.time.values import to_record

# Phrases whose time belongs to another event: "since his appointment earlier this week",
# "after talks ended on Monday".
OTHER_EVENT = re.compile(
    r"\b(?:since|after|before|until|following|ahead\s+of|eve\s+of)\s+(?:\S+\s+){0,5}$", re.I
)
# "after 12 hours of talks on Saturday": what ends hours of something follows it within the day,
# so that day is the act's own, not another event's.
_HOURS_OF = re.compile(
    r"\b(?:after|following)\s+(?:(?:\d+|a\s+few|several|many|some|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|[\w-]+-hour)\s+)?(?:more\s+)?hours?\s+of\b",
    re.I,
)


def dated_by_another_event(before: str) -> bool:
    """Whether a time is in a "since/after/before ..." phrase whose words end at the time (the
    text just before it given): the time dates that other event, not the clause's. "After 12
    hours of talks on Saturday" is the exception: hours-long talks end the day they are held."""
    found = OTHER_EVENT.search(before)
    return found is not None and not _HOURS_OF.match(before, found.start())


# A verb form of the present: "has agreed", "are meeting", "is" - told as now, not as the
# story's past.
_PRESENT_BEFORE = re.compile(r"\b(?:has|have|['’]ve|is|are|am|['’]s)\s+(?:\w+\s+){0,2}$", re.I)
# The present perfect, and a past verb of saying that reports its clause: after it ('... have
# agreed," Obasanjo said', "..., the mediator said") or before it ("the envoy said they have").
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|['’]ve)\s+(?:\w+\s+){0,2}$", re.I)
_SAID_AFTER = re.compile(
    # not a saying in a clause of its own: "..., after Washington announced plans"
    r"[,\"”]\s*(?:(?!(?:after|since|when|before|as|because|while|if|until|which|who|where)\b)[\w.'’-]+\s+){0,8}?"
    r"(?:said|added|told|announced|confirmed|stated|declared)\b",
    re.I,
)
_SAID_BEFORE = re.compile(
    r"(?<!\bafter\s)(?<!\bsince\s)(?<!\bwhen\s)(?<!\bbefore\s)\b(?:said|told\s+\w+|announced|confirmed|stated"
    r"|declared)\s+(?:on\s+\w+\s+)?(?:that\s+)?[^,;.!?]*$",
    re.I,
)
# A clause told as to come, before the trigger: "will leave ..., pleading", "are due to meet".
_AHEAD_BEFORE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to)\b(?:[^.;:!?]){0,80}$", re.I
)
# A stop after a lone capital ends an initial or an abbreviation ("U.S. Secretary of State"), not
# a sentence.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])")


def narrative_day(event: Event, article: Article, last: dt.date | None) -> dt.date | None:
    """The day the story's narration is at, for a past act whose sentence names no time.

    News tells an episode in order: "Kishida, Biden and Yoon held a summit at Camp David on
    Friday. The leaders also agreed to ..." - the agreement is Friday's, not the report's
    (four days later). The day is the last one named by the nearest of the three sentences
    before that names a time, within the days before the report; an act told in the present or
    the perfect ("has agreed") keeps the report's. A headline's act is its lead sentence's.
    (Wire copy puts one sentence to a paragraph, so the sentence before may open a paragraph of
    its own.)
    """
    if last is None or article.date_granularity != "day" or not article.body:
        return None
    start = event.sentence_start
    told = event.evidence[: event.trigger_start - start]
    if _PRESENT_BEFORE.search(told) and not _reported_perfect(event.evidence, len(told)):
        return None
    if _AHEAD_BEFORE.search(told):
        return None  # "Hunt will leave the summit early, pleading ...": told as to come, not as past
    if start >= 0 and _present_simple(event.evidence, event.trigger_start - start):
        return None  # "Iran seeks approval for its troops": the report's present, not the story's past
    if start < 0:
        # A headline (at negative offsets) states the article's news, which its first sentence dates.
        return _lead_day(article.body, last, sentences=1)
    before = article.body[max(0, start - NARRATIVE_REACH) : start].rstrip()
    if not before:
        return _lead_day(article.body, last, own=start)  # the lead itself: its paragraph's day
    ends = [0, *(m.end() for m in SENTENCE_END.finditer(before))]
    # The sentences before, nearest first, back to the first that names a time: the narration's
    # day is the last one it names (a month or a year there means the story has left the day).
    for begin, end in list(zip(ends, [*ends[1:], len(before)], strict=True))[::-1][:NARRATIVE_SENTENCES]:
        previous = before[begin:end].strip()
        if "\n" in previous:
            return None  # a headline or a list item, not the narration
        times = _narration_times(previous, last)
        if not times:
            continue
        return _last_narrated_day(previous, times, last)
    # No sentence just before names a time: a sentence of the opening is at the day the opening
    # names ("..., the mediator said. Obasanjo also said on Wednesday that ..."), which a report a
    # day late does not share.
    return _lead_day(article.body, last, own=start)


def _reported_perfect(sentence: str, trigger: int) -> bool:
    """Whether the trigger is a perfect that a past verb of saying reports ("have formally
    agreed," Obasanjo said): perfect at the saying's time, which is the narration's, not the
    report's."""
    if not _PERFECT_BEFORE.search(sentence, max(0, trigger - 40), trigger):
        return False
    return bool(_SAID_AFTER.search(sentence, trigger) or _SAID_BEFORE.search(sentence, 0, trigger))


def _lead_day(
    body: str, last: dt.date, own: int | None = None, sentences: int | None = None
) -> dt.date | None:
    """The recent day an article's opening names as its news's: the last day named by the first
    of its opening sentences (three, or `sentences`) that names a time. With `own`, the offset of
    a sentence of the body: that sentence's opening's day (skipping the sentence itself), None
    for a sentence past the opening. Wire copy names the day in its first paragraphs, not always
    in the first sentence ("... have agreed, the mediator said. Obasanjo also said on Wednesday
    ..."). A headline takes its lead sentence's day only: what it announces may lie ahead of
    the days its story tells ("Biden in Bali, meeting Xi" over "Air Force One landed Sunday")."""
    starts = [0, *(m.end() for m in SENTENCE_END.finditer(body[:3000]))]
    opening = list(zip(starts, [*starts[1:], len(body)], strict=True))[: sentences or NARRATIVE_SENTENCES]
    if own is not None and not any(begin <= own < end for begin, end in opening):
        return None  # past the opening, the story has moved on from its day
    for begin, end in opening:
        sentence = body[begin:end].strip()
        if not sentence or "\n" in sentence:
            return None  # a headline or a list item, not the narration
        if own is not None and begin <= own < end:
            continue
        times = _narration_times(sentence, last)
        if times:
            return _last_narrated_day(sentence, times, last)
    return None


def _narration_times(sentence: str, last: dt.date) -> list[TimeExpression]:
    """The times a sentence names that may date the narration: "since taking office in late
    January" dates another event, not the narration."""
    return [
        e
        for e in find_times(sentence, last, "day", past=True)
        if to_record(e.value, e.granularity) is not None
        and not dated_by_another_event(sentence[max(0, e.start - 60) : e.start])
    ]


# The subject before a verb of the present simple: a name or a pronoun, after an "-ly" adverb
# or none ("Turkey backs", "Moscow tacitly accedes", "he says"); not a name inside a noun phrase
# ("the Doha talks").
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[^\w\s]\s*|\b(?!(?:the|a|an|its|their|his|her|of|in|on|at|for|with|by)\b)\w+\s+)"
    r"(?:[A-Z][\w'’.-]*|he|she|it|who|which)\s+(?:\w+ly\s+)?$"
)
_VERB_AFTER_NOUN = re.compile(
    r"\s+(?:\w+ed|were|was|are|is|will|would|have|had|has|began|broke|fell)\b", re.I
)


def _present_simple(sentence: str, trigger: int) -> bool:
    """Whether the trigger is a verb of the present simple after its subject ("Turkey backs a
    Russian peace process"): in the body of a report, what holds now or habitually."""
    word = re.match(r"[a-z]+", sentence[trigger:])
    if word is None or not word.group(0).endswith("s") or word.group(0).endswith(("ss", "us", "is")):
        return False
    if _VERB_AFTER_NOUN.match(sentence, word.end() + trigger):
        return False  # "the Kosovo talks ended": a noun, its verb after it
    return _SUBJECT_BEFORE.search(sentence[:trigger]) is not None


# A relative clause holding a time in a sentence before: "..., where the regime conducted its
# attack on April 7" dates that clause's act, not the narration's day.
_RELATIVE_CLAUSE_BEFORE = re.compile(r",\s*(?:where|which|who|whom|whose)\s[^,;:.!?—–]*$", re.I)


def _last_narrated_day(previous: str, times: list[TimeExpression], last: dt.date) -> dt.date | None:
    """The last day of the story's recent narration a sentence names, if any."""
    # the words' own reading: a time they put after the report is ahead, not last year's
    ahead = {
        (e.start, e.end)
        for e in find_times(previous, last, "day")
        if e.granularity in ("day", "time") and e.first_day > last
    }
    for expression in reversed(times):
        if expression.granularity not in ("day", "time") or (expression.start, expression.end) in ahead:
            continue
        # the story's narration is recent: a day weeks before the report is background
        if not last - dt.timedelta(days=_NARRATIVE_DAYS) <= expression.first_day <= last:
            continue
        if dated_by_another_event(previous[max(0, expression.start - 60) : expression.start]):
            continue
        if _RELATIVE_CLAUSE_BEFORE.search(previous[max(0, expression.start - 120) : expression.start]):
            continue
        return expression.first_day
    return None


# How far back from its report a story's narration runs (a weekly's week, a late report's days).
_NARRATIVE_DAYS = 10
# How many sentences back the narration's day is looked for: an episode is told over a few
# sentences after the one that dates it ("... held a summit on Friday. The leaders also agreed
# ... It was the first time ... It was also Biden's first occasion to host ...").
NARRATIVE_SENTENCES = 3
# How far back (characters) those sentences are looked for.
NARRATIVE_REACH = 1500
