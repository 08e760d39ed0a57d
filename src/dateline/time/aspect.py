"""The tense and aspect an event's verb is told in, and what they say of the act's date.

English news tells its news in the simple past ("troops shelled the town on Monday") and, in its
opening, in the "hot news" perfect ("Iran and Saudi Arabia have agreed to restore ties"). Further
into the body, a perfect with no time of its own places an act somewhere in the recent past,
without saying when ("because Iran has rejected direct talks", "the PKK, which has fought the
state"): the report's day is not its day, the recent months are (a perfect in a main clause may
still be the day's news: British news tells it so throughout). The past perfect places
an act before the news ("Turkey had earlier accused Sweden"); the perfect progressive tells of an
activity running up to now ("have been holding regular consultations"), no single day's act. A
participle set off after its clause ("Turkey had stalled the process, accusing Sweden of ...")
shares the tense of that clause's verb. Reported speech is the exception throughout: a perfect
that someone says or is quoted saying ("Erdogan has agreed, Stoltenberg said") is news at the
saying's time, and "said they had made concessions" is the saying's past shifted back.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.time.narration import NARRATIVE_SENTENCES, SENTENCE_END

_WORD = re.compile(r"[A-Za-z]+")
# The present perfect before a participle: "has launched", "have already met", "'ve signed".
_HAS_BEFORE = re.compile(
    r"\b(?:has|have|['’]ve)\s+(?:(?:not|never|also|already|just|now|since|\w+ly)\s+){0,2}$", re.I
)
_PARTICIPLE = re.compile(
    r"[a-z]+(?:ed|en|wn)|met|held|made|sent|said|told|fought|struck|hit|put|left|led|won|lost|begun|brought"
    r"|bought|caught|kept|paid|sold|built|shot|set|cut|spent|agreed|fled|done|gone|come|become|seen|taken|given",
    re.I,
)
# "had agreed", "had earlier accused": an act told as before the reported news, whose day the
# article's date is not.
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:also|already|earlier|previously|once|long|\w+ly)\s+){0,2}$", re.I)
# A past perfect right after a verb of saying or of showing and its subject: "said they had
# made", "told reporters that he had met", "images showed that ships had deployed" (no stop,
# quotation or "earlier"-like word between): reported speech shifts the speaker's past back.
_BACKSHIFTED = re.compile(
    r"\b(?:said|told(?:\s+\w+){0,2}?|announced|added|confirmed|stated|insisted|acknowledged|admitted"
    r"|reported|showed|shown|revealed|claimed|alleged|wrote|tweeted|found|indicated|suggested)\s+"
    r"(?:that\s+)?(?:[^,;:.!?\"“”]\s*){0,60}?\bhad\s+(?:(?:also|been)\s+)?$",
    re.I,
)
# A perfect, active or passive, before the trigger: "has spoken", "have been killed", "had also
# been seized".
_ANY_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have|['’]ve)\s+(?:(?:not|never|also|already|just|now|\w+ly)\s+){0,2}(?:been\s+(?:\w+ly\s+)?)?$",
    re.I,
)
# The perfect progressive before an "-ing" trigger: "have been holding", "has long been seeking".
_PROGRESSIVE_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have|had|['’]ve)\s+(?:(?:also|long|\w+ly)\s+)?been\s+(?:\w+ly\s+)?$", re.I
)
# A participle set off after its clause: ", accusing", ", also capturing".
_ADJUNCT_BEFORE = re.compile(r",\s*(?:(?:also|then|\w+ly)\s+)?$")
# The perfect or past perfect of the clause before that comma, and the participle it governs.
_AUXILIARY = re.compile(
    r"\b(?:has|have|had|['’]ve)\s+(?:(?:not|never|also|already|just|now|earlier|previously|once|long|\w+ly)\s+){0,2}"
    r"(?:been\s+)?(?=[a-z])",
    re.I,
)
# Where the clause before a comma begins.
_CLAUSE_OPENS = re.compile(r"[,;:.!?—–]")
# A verb of saying or a quotation: what the sentence reports someone saying.
_SAYING = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|announced|announces|confirmed|confirms|stated|states|declared"
    r"|declares|reported|reports|according\s+to|quoted|wrote|writes|tweeted|insisted|insists)\b"
    r"|[\"“”]",
    re.I,
)
# The words that open a clause of reason, circumstance or relation to a noun, then the clause's
# subject before its perfect ("because Iran has", "which has", "as Kurdish forces have"); not a
# main verb coordinated after them ("sees it as critical and has backed").
_SUBORDINATE = re.compile(
    r"\b(?:because|while|whereas|as|since|although|though|when|which|who|whom|whose|where)\s+"
    r"(?:(?!(?:and|but|or)\b)[^\s,;:]+\s+){0,5}$",
    re.I,
)
# "has ruled for more than 20 years", "have been in talks for nearly a decade": a span up to now.
_FOR_A_SPAN = re.compile(
    r"\bfor\s+(?:nearly|almost|more\s+than|over|about|around|at\s+least|the\s+(?:past|last))\s+"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:decades?|years?|months?)\b",
    re.I,
)
# A passive perfect right before the trigger ("has been jailed"): a span after it is its term.
_PASSIVE_BEFORE = re.compile(r"\bbeen\s+(?:\w+ly\s+)?$", re.I)
# How far back the recent past of a perfect reaches from the report (as "recent months").
_RECENT_PAST_DAYS = 90


def tense_position(sentence: str, trigger: int) -> int:
    """Where the trigger's tense is told: at the verb of its clause for a participle set off
    after that clause ("Turkey had stalled the process, accusing Sweden": at "stalled"), else at
    the trigger itself."""
    word = _WORD.match(sentence, trigger)
    if (
        word is None
        or not word.group(0).lower().endswith("ing")
        or not _ADJUNCT_BEFORE.search(sentence, 0, trigger)
    ):
        return trigger
    comma = sentence.rindex(",", 0, trigger)
    opens = [m.end() for m in _CLAUSE_OPENS.finditer(sentence, 0, comma)]
    clause_start = opens[-1] if opens else 0
    auxiliaries = list(_AUXILIARY.finditer(sentence, clause_start, comma))
    if not auxiliaries:
        return trigger
    auxiliary = auxiliaries[-1]  # the clause's last verb group, nearest the participle
    verb = _WORD.match(sentence, auxiliary.end())
    return auxiliary.end() if verb is not None and _PARTICIPLE.fullmatch(verb.group(0)) else trigger


def in_present_perfect(sentence: str, trigger: int) -> bool:
    """Whether the trigger is a participle in the present perfect ("have launched attacks"): told
    as bearing on now, so no definite past time outside its own clause is its time."""
    word = _WORD.match(sentence, trigger)
    return bool(
        word
        and _PARTICIPLE.fullmatch(word.group(0))
        and _HAS_BEFORE.search(sentence, max(0, trigger - 40), trigger)
    )


def before_the_news(sentence: str, trigger: int) -> bool:
    """Whether the trigger is in the past perfect ("had also accused"): told as before the news.

    Not so in the complement of a past verb of saying or showing ("the rebels said they had made
    concessions"): reported speech shifts the speaker's past or perfect ("we have made
    concessions") back to the past perfect, so the act is the saying's news, dated as the
    saying is; "had earlier", "had previously" still put it before.
    """
    if _PLUPERFECT.search(sentence[:trigger]) is None:
        return False
    return _BACKSHIFTED.search(sentence, max(0, trigger - 120), trigger) is None


def ongoing(sentence: str, trigger: int) -> bool:
    """Whether the trigger is in the perfect progressive ("have been holding consultations",
    "had long been seeking"): an activity over a span up to a time, no single day's act."""
    word = _WORD.match(sentence, trigger)
    return bool(
        word
        and word.group(0).lower().endswith("ing")
        and _PROGRESSIVE_PERFECT_BEFORE.search(sentence, max(0, trigger - 40), trigger)
    )


def lasts_up_to_now(clause: str, before: str) -> bool:
    """Whether a perfect's clause (the words `before` its trigger given) says the act has run for
    a span up to now ("have been in talks for nearly a decade"); after a passive ("has been
    jailed for nearly eight years") the span is a term, not how long the act has run."""
    return bool(_FOR_A_SPAN.search(clause)) and not _PASSIVE_BEFORE.search(before)


def in_background_perfect(sentence: str, trigger: int) -> bool:
    """Whether the act is told in the perfect, active or passive, in a clause that gives the
    reason or the circumstance of another ("because Iran has rejected direct talks", "while
    Ukraine has demanded", "the PKK, which has fought the state"), and not as what someone says:
    past the article's opening (`past_the_opening`), an act of the recent past, not of the
    report's day. A perfect in a main clause is not: British news, live pages above all, tells
    the day's news in it throughout ("Theresa May has summoned an emergency cabinet meeting")."""
    perfect = _ANY_PERFECT_BEFORE.search(sentence, max(0, trigger - 40), trigger)
    if perfect is None:
        return False
    opens = [m.end() for m in _CLAUSE_OPENS.finditer(sentence, 0, perfect.start())]
    if not _SUBORDINATE.search(sentence, opens[-1] if opens else 0, perfect.start()):
        return False
    word = _WORD.match(sentence, trigger)
    if word is None or not _PARTICIPLE.fullmatch(word.group(0)):
        return False
    return _SAYING.search(sentence) is None


# The words that open a clause telling what came before the clause it hangs on or caused it,
# or a relative clause on a noun, then the clause's subject (at least one word) before its
# verb: "after Kurdish forces", "since Muthana", "which Tehran", "when 46 civilians". Not "as",
# "while" or "although": those tell what holds at the same time as their clause. "soon after",
# "right after" are the same day as what they hang on.
_BACKGROUND_OPENER = re.compile(
    r"(?<!\bsoon\s)(?<!\bright\s)(?<!\bimmediately\s)(?<!\bshortly\s)(?<!\bjust\s)"
    r"\b(?:after|since|because|when|which|who|whom|whose)\s+"
    r"(?:(?!(?:and|but|or|that|then)\b)[^\s,;:]+\s+){1,6}$",
    re.I,
)
# A verb group that is not the simple past or its passive: a perfect (read by
# `in_background_perfect`), a present, a modal, an infinitive.
_NOT_SIMPLE_PAST_BEFORE = re.compile(
    r"\b(?:has|have|['’]ve|is|are|am|['’]s|['’]re|will|would|shall|should|can|could|may|might|must"
    r"|to|do|does|be|being|been)\s+(?:(?:not|\w+ly)\s+)?$",
    re.I,
)


def in_background_past(sentence: str, trigger: int) -> bool:
    """Whether the act is told in the simple past (active or passive) in a clause that hangs on
    another as what came before it, its cause or a description of a noun ("after Kurdish forces
    pulled out", "since Muthana surrendered", "an incident, which Tehran blamed on Israel", "was
    present when 46 civilians were killed"): background to the clause it hangs on, whose day
    the text does not give it. Read past the article's opening (`past_the_opening`), where news
    tells its news in such clauses too ("held a meeting after North Korea fired a missile").
    """
    word = _WORD.match(sentence, trigger)
    if word is None or not _PARTICIPLE.fullmatch(word.group(0)):
        return False
    if _NOT_SIMPLE_PAST_BEFORE.search(sentence, max(0, trigger - 30), trigger):
        return False
    return _BACKGROUND_OPENER.search(sentence, max(0, trigger - 100), trigger) is not None


def past_the_opening(body: str, sentence_start: int) -> bool:
    """Whether a sentence of the body comes after the article's opening (its first sentences,
    where news tells its news): a headline or a sentence of the opening does not."""
    if sentence_start <= 0 or not body:
        return False
    # the stop before the sentence is read with the capital that opens it
    return len(SENTENCE_END.findall(body, 0, sentence_start + 1)) >= NARRATIVE_SENTENCES


def recent_past(report_day: dt.date) -> str | None:
    """The year that holds the recent past of a report (the months before it), or None when those
    months cross into the year before."""
    first = report_day - dt.timedelta(days=_RECENT_PAST_DAYS)
    return str(report_day.year) if first.year == report_day.year else None
