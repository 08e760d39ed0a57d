"""How a clause tells an act: done, planned or negated.

An intention ("will meet", "plans to visit") or the present told of what is arranged ("meets
Xi next week") marks the act planned; PLOVER codes planned cooperation as AGREE and planned
force as THREATEN, and a negated cooperative act is a refusal (REJECT). Inability is not
refusal, and a plan called off is no plan.

Clauses that report no act at all are told apart in `unasserted`; clauses that set the scene
for a sentence's news in `background`. All three read the clause around a trigger, not its
words, so they are kept apart from the trigger (`triggers`), its code (`codes`) and its actors
(`roles`).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.lexicon import (
    ABANDON_VERBS,
    CONSIDER_VERBS,
    COOPERATIVE,
    FUTURE_AUX,
    INTENT_CODES,
    INTENT_VERBS,
    REFUSAL_CODES,
    Code,
)
from dateline.events.triggers import episode_of, lemma_of
from dateline.model import Modality

# Nouns whose clause is what someone expects, hopes or fears ("concerns that the Kurds
# will release them", "hopes he will share intelligence"): not a report of it.


# Modals of ability: "could not provide details" is inability, not a refusal.
ABILITY_MODALS = frozenset({"can", "could", "ca"})


def is_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children) or _futurate(verb)


# Words that point a time forward from now: "next week", "tomorrow", "in the coming days",
# "later this month", "soon".
_AHEAD = frozenset({"tomorrow", "next", "coming", "later", "soon"})


# Words that say a time by themselves ("tomorrow", "soon"); "next" and "coming" only on a time
# noun ("next week", "the coming days"), not on an event ("the next round").
_AHEAD_ALONE = frozenset({"tomorrow", "later", "soon"})


_TIME_NOUNS = frozenset(
    {"day", "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night"}
)


# Dependencies that open a clause of its own, whose times are not the verb's.
_CLAUSES = frozenset({"relcl", "ccomp", "xcomp", "advcl", "acl", "conj", "parataxis", "csubj", "pcomp"})


# Conjunctions of a clause of time: "once the troops withdraw", "when Iran hosts a summit". Not
# "until": "will not end the strike until the demands are met" is a refusal on a condition.
_TIME_MARKS = frozenset({"when", "once", "after", "before", "as"})


def told_in_present(verb: Token) -> bool:
    """True for a verb told in the present: "meets", "is meeting", "are withdrawn"; not the
    perfect ("have started talks"), which tells of what is done."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (
        verb.tag_ in ("VBG", "VBN")
        and bool(auxes)
        and all(a.tag_ in ("VBZ", "VBP") and a.lemma_ != "have" for a in auxes)
    )


def _time_ahead(verb: Token) -> bool:
    """True when the verb's own clause names a time ahead of now ("next month", "on Friday next
    week", "in the coming days", "tomorrow"); "the next day" counts from a time of the story."""
    stack = list(verb.children)
    seen = 0
    while stack and seen < 40:
        word = stack.pop()
        seen += 1
        if word.dep_ in _CLAUSES or word.dep_ == "mark":
            continue
        lower = word.lower_
        if lower in _AHEAD_ALONE and word.dep_ in ("advmod", "npadvmod"):
            return True
        if lower in _AHEAD and word.dep_ in ("amod", "advmod"):
            noun = word.head
            on_time = noun.lemma_.casefold() in _TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME")
            relative = lower == "next" and any(d.dep_ == "det" and d.lower_ == "the" for d in noun.children)
            if on_time and not relative:
                return True
        stack.extend(word.children)
    return False


def _futurate(verb: Token) -> bool:
    """True for the present told of what is arranged: "Biden meets Xi next month", "is meeting
    Xi next week", "is convening talks on Friday next week". English tells a scheduled act in the
    simple or progressive present with a time ahead; a past form or a modal says otherwise."""
    if verb.tag_ == "VBN" or not told_in_present(verb):
        return False
    return _time_ahead(verb)


def future_when_clause(verb: Token) -> bool:
    """True for a clause of time in the present under a future one ("once the troops withdraw,
    the Kurds will be exposed", "after the army pulls out, they will fight") or a forecast
    ("thousands may die as forces storm the town"): English tells what is still to come in
    the present after "when", "once", "after", "as", and such a clause sets the time of a
    forecast, as "if" sets its condition; it reports no act."""
    return (
        verb.dep_ == "advcl"
        and told_in_present(verb)
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in _TIME_MARKS for m in verb.children)
        and (is_future(verb.head) or possible_only(verb.head))
    )


def future_relative_clause(verb: Token) -> bool:
    """True for a relative clause in the present on a noun of a clause that tells what will or
    may be ("will take the form of a deal where the Americans agree with the Russians", "could
    lift the embargo that prevents them from ..."): as in a clause of time, English tells in the
    present what belongs to the time of the clause around it, which is still to come or only
    possible; the clause reports no act."""
    if verb.dep_ != "relcl" or not told_in_present(verb):
        return False
    node = verb.head
    if node.ent_type_ in ("DATE", "TIME") or node.lemma_.casefold() in ("moment", "day"):
        return False  # "on Friday, when Iran hosts a summit": arranged for then (`_future_time_clause`)
    # up through the nouns and prepositions to the first verb, however many: "will be in the
    # form of a deal between states, where the Americans agree ..." (the deal is still to come)
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX"):
            return is_future(node) or possible_only(node)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def possible_only(verb: Token) -> bool:
    """True for a verb under a modal of possibility ("tens of thousands may die"): a forecast,
    whose clause of time in the present ("as forces storm the town") is still to come."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return any(a in ("may", "might", "could") for a in auxes) and "have" not in auxes


def _future_time_clause(verb: Token) -> bool:
    """True for a clause in the present on a time ahead: "on Friday, when Iran hosts a summit",
    "the moment those forces are withdrawn, their allies will be ...": the future of the clause
    the time belongs to places the act, which is arranged for that time."""
    if not told_in_present(verb):
        return False
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        # "on Friday, when ...", "the moment ...", not "at a time when" (in circumstances where)
        timed = noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.casefold() in ("moment", "day")
        if not timed:
            return False
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        return governor.pos_ in ("VERB", "AUX") and is_future(governor)
    return False


def inability(verb: Token) -> bool:
    """True when a negated verb says someone could not do it, which is not refusing to."""
    return any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for c in verb.children) or any(
        c.dep_ == "acomp" and c.lower_ == "unable" for c in verb.head.children
    )


def _is_negated(verb: Token) -> bool:
    near = [c for c in verb.children if c.i < verb.i + 3]
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in near) or any(
        _no_longer(c) for c in verb.children
    )


def _no_longer(word: Token) -> bool:
    """True for "no longer" (and "no more"): the act has stopped, so it is not done now."""
    return (
        word.dep_ == "advmod"
        and word.lower_ in ("longer", "more")
        and any(c.lower_ == "no" for c in word.children)
    )


def modality_of(verb: Token) -> tuple[Modality, bool]:
    """(modality, negated) from auxiliaries and intention verbs above the trigger."""
    planned = is_future(verb) or _future_time_clause(verb)
    negated = _is_negated(verb)
    node = verb
    shares_subject = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and shares_subject:
        # "would give Nigeria assistance and provide spare parts": the second verb shares
        # the first one's modal (not its negation, whose scope English leaves open)
        planned = planned or is_future(verb.head)
        node = verb.head
    means = means_of(verb)
    if means is not None:
        planned = planned or is_future(means)  # "will respond by imposing sanctions"
    for _ in range(3):
        if node.dep_ not in ("xcomp",) or node.head.i == node.i:
            break
        head = node.head
        if head.lemma_.casefold() in INTENT_VERBS or head.lower_ in INTENT_VERBS:
            planned = True
        planned = planned or is_future(head)
        negated = negated or _is_negated(head)
        node = head
    # "committed to supporting Sweden's bid", "is committed to opening up the economy": a
    # commitment, like a promise, makes what it is to do a pledge (AGREE), not the act
    if verb.dep_ == "pcomp" and verb.head.lower_ == "to" and verb.head.head.lemma_.casefold() == "commit":
        planned = True
    # "is ready to", "are set to": the adjective heads the complement
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.lower_ in INTENT_VERBS:
        planned = True
    if infinitive(verb):
        # "would send negotiators to Jeddah to hold talks": the aim of a future act is
        # itself to come, no more real than the act it is the aim of
        if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and is_future(verb.head):
            planned = True
        # "Parties to Iran deal to resume talks", "Iran and the EU to resume talks": a
        # headline or bullet "X to do Y", with no finite verb, announces that X will do Y
        if verb.dep_ == "ROOT" or (
            verb.dep_ in ("acl", "relcl") and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")
        ):
            planned = True
    return ("planned" if planned else "asserted"), negated


def infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Verbs whose passive says an act is arranged or awaited ("is scheduled", "are expected").
_ARRANGED = frozenset({"schedule", "expect", "plan", "set", "slate"})


def governor_modality(noun: Token) -> tuple[Modality, bool]:
    """(modality, negated) of an act noun from the verb it hangs on.

    The verb whose object it is lends both ("will hold talks", "did not hold talks"); a
    verb it is the aim or occasion of ("will travel to New Delhi for talks") lends only its
    future: the talks are to come, but not travelling for talks refuses none.
    """
    noun = episode_of(noun)  # "is convening two days of talks": the days stand for the talks
    head = noun.head
    # "talks are scheduled for Monday", "a call is expected next week", "a meeting is planned":
    # an act said to be arranged or awaited is to come
    if noun.dep_ == "nsubjpass" and head.lemma_.casefold() in _ARRANGED:
        return "planned", False
    if head.pos_ == "VERB":
        return modality_of(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for" and head.head.pos_ == "VERB":
        return modality_of(head.head)[0], False
    return "asserted", False


def _intent_head(verb: Token) -> Token | None:
    """The verb of intention whose complement the trigger is ("planned to strike"), if any."""
    node = verb
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return None
        node = node.head
        if lemma_of(node) in INTENT_VERBS or node.lower_ in INTENT_VERBS:
            return node
    return None


def calls_off(verb: Token) -> bool:
    """True for a verb that calls a plan off ("held off", "was abandoned", "called off")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = lemma_of(verb)
    return lemma in ABANDON_VERBS or (particle is not None and f"{lemma} {particle}" in ABANDON_VERBS)


def abandoned(verb: Token) -> bool:
    """True for a plan that did not happen.

    English tells an unrealised plan with the past perfect of the verb of intention ("had
    planned to strike", "had hoped to meet"), or joins the plan to its calling-off ("planned
    to send troops but held off", "..., but the plan was abandoned").
    """
    head = _intent_head(verb)
    if head is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children):
        return True
    return any(calls_off(c) for c in head.conjuncts)


# Modals of possibility and advice: "might impose sanctions", "could restore ties", "should
# withdraw" say what may or ought to happen, not what did or is planned.
POSSIBILITY_MODALS = frozenset({"might", "may", "could", "should", "ought"})


MODALS = frozenset({"will", "would", "could", "might", "may", "shall", "can", "must", "'ll", "wo", "ca"})


def means_of(verb: Token) -> Token | None:
    """The verb a gerund after "by" tells the means of ("will lose the peace by withdrawing",
    "may alienate Putin by boycotting the talks", "retaliated by imposing sanctions"), if any."""
    prep = verb.head
    by = verb.dep_ == "pcomp" and prep.lower_ == "by" and prep.dep_ == "prep"
    return prep.head if by and prep.head.pos_ in ("VERB", "AUX") else None


def considered(verb: Token) -> bool:
    """True when the act is an option being weighed ("is considering sending aid")."""
    node = verb
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.casefold() in CONSIDER_VERBS:
            return True
    return False


def prepares(verb: Token) -> bool:
    """True when force is announced by preparing for it ("prepared to resume shelling")."""
    node = verb
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.casefold() in ("prepare", "ready", "poise", "gear"):
            return True
    return False


def apply_modality(code: Code, negated: bool, modality: Modality) -> tuple[Code, bool, Modality]:
    """Intent turns cooperation into AGREE and force into THREATEN; refusal into REJECT."""
    kind, cameo = code
    if negated and kind in COOPERATIVE:
        return ("REJECT", REFUSAL_CODES.get(kind, "120")), True, modality
    if modality == "planned" and kind in INTENT_CODES:
        return INTENT_CODES[kind], negated, modality
    return code, negated, modality
