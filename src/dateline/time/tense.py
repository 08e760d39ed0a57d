"""Which way a clause points: the tense that decides whether an ambiguous date ("Wednesday",
"Dec. 28", "last fall" with no year) is the one before the anchor or the one after it.

`clause_tense` reads the words of the clause around an expression (reporting verbs, "will",
"scheduled", past forms, a plan in the infinitive); `parse_tense` reads the verb that governs
it in a spaCy parse, where one is given.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # spaCy is optional here: find_times works on plain text
    from spacy.tokens import Doc

Tense = Literal["past", "future"] | None


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
PUT_OFF = re.compile(
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
REPORTED = re.compile(r"\b(?:said|told|announced|reported|added|disclosed|confirmed|denied)\s+(?:on\s+)?$")


# A new clause after a comma: a conjunction or a past verb ("to pay Turkey, criticised ...",
# "to restore ties, and on Monday ..."), not the next item of a list ("to admit Poland, Hungary").
_PHRASE_BREAK = re.compile(
    rf";|,\s*(?:and|but|while|then|(?-i:[a-z]{{2,}}ed)|{_IRREGULAR_PAST})\b", re.IGNORECASE
)
_FUTURE_IN_PAST = re.compile(r"\bhad\s+(?:\w+\s+)?been\s+$", re.IGNORECASE)


def _cues(text: str, ahead: bool = False) -> list[tuple[int, bool]]:
    """(position, is_future) of every tense cue; a word that is both ("planned") counts as future;
    regular "-ed" forms count only when there is no other cue. `ahead`: `text` comes before the
    expression, so an infinitive of deciding or ordering in it governs the expression."""
    future = []
    matches = list(_FUTURE_CUE.finditer(text))
    if ahead:
        # An infinitive or a modal governs a time in its own phrase; a comma after it ends that
        # phrase ("The EU, which had agreed in 2016 to pay Turkey, criticised Ankara on Monday").
        matches += [
            m
            for m in (*_INFINITIVE_AHEAD.finditer(text), *_MODAL_AHEAD.finditer(text))
            if not _PHRASE_BREAK.search(text, m.end())
        ]
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


def clause_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around text[start:end], or None when its words do not say.

    Looks back to the start of the clause (a sentence end, "that" or "said", at most 80
    characters) for the last tense cue; a clause that begins with the expression ("On
    Friday, the two will meet") is judged by the few words after it.
    """
    window_start = max(0, start - 80)
    while window_start < start and window_start > 0 and text[window_start - 1].isalnum():
        window_start += 1  # a word cut in two is no cue ("…oenaed" is no past form)
    before = text[window_start:start]
    if REPORTED.search(before):
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
    # what a verb of saying or thinking reports is another clause: "On Wednesday, Trump warned
    # that missiles will be coming" is a past Wednesday
    complement = re.search(r"\b(?:that|said|says|who|which)\b", after)
    after = after[: complement.start()] if complement else after
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


def parse_tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb that governs text[start:end] in a spaCy parse; None when unsure.

    "will"/"shall" → future, a complement of a verb of planning → future; a past form (VBD),
    or a perfect ("has met") → past. Modal and present forms say nothing.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(4):  # from the expression up to its verb
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
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
