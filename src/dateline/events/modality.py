"""Whether a trigger reports an act, and how: asserted, planned, negated, or no event.

A trigger inside a condition ("if", "unless"), an embedded question ("whether ..."), a
hope or fear, a description ("the countries invited to the summit") or the spelled-out
content of a plea reports nothing that happened. An intention ("will meet", "plans to
visit") marks the act planned; PLOVER codes planned cooperation as AGREE and planned
force as THREATEN, and a negated cooperative act is a refusal (REJECT). A clause of time
or a participle on a noun is background to the sentence's news.

These are properties of the clause around a trigger, not of its words, so they are kept
apart from the trigger (`triggers`), its code (`codes`) and its actors (`roles`).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.lexicon import GROUP_NOUNS, SECTOR_NOUNS, STATE_NOUNS
from dateline.events.lexicon import (
    ABANDON_VERBS,
    CLAIM_VERBS,
    CONSIDER_VERBS,
    CONTENT_NOUNS,
    COOPERATIVE,
    DOING_NOUNS,
    FUTURE_AUX,
    INTENT_CODES,
    INTENT_VERBS,
    NAMING_WORDS,
    OPINION_VERBS,
    PRESS_WORDS,
    REFUSAL_CODES,
    REPERCUSSION_NOUNS,
    SPEECH_VERBS,
    WISH_VERBS,
    Code,
)
from dateline.events.triggers import base_trigger, episode_of, lemma_of
from dateline.model import Modality

# Nouns whose clause is what someone expects, hopes or fears ("concerns that the Kurds
# will release them", "hopes he will share intelligence"): not a report of it.
_EXPECTATION_NOUNS = frozenset(
    {"hope", "fear", "concern", "worry", "expectation", "speculation", "possibility", "risk", "prospect"}
)
# Modals of ability: "could not provide details" is inability, not a refusal.
_ABILITY = frozenset({"can", "could", "ca"})


def _is_future(verb: Token) -> bool:
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


def _present(verb: Token) -> bool:
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
    if verb.tag_ == "VBN" or not _present(verb):
        return False
    return _time_ahead(verb)


def _future_when(verb: Token) -> bool:
    """True for a clause of time in the present under a future one ("once the troops withdraw,
    the Kurds will be exposed", "after the army pulls out, they will fight") or a forecast
    ("thousands may die as forces storm the town"): English tells what is still to come in
    the present after "when", "once", "after", "as", and such a clause sets the time of a
    forecast, as "if" sets its condition; it reports no act."""
    return (
        verb.dep_ == "advcl"
        and _present(verb)
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in _TIME_MARKS for m in verb.children)
        and (_is_future(verb.head) or _possible(verb.head))
    )


def _future_relative(verb: Token) -> bool:
    """True for a relative clause in the present on a noun of a clause that tells what will or
    may be ("will take the form of a deal where the Americans agree with the Russians", "could
    lift the embargo that prevents them from ..."): as in a clause of time, English tells in the
    present what belongs to the time of the clause around it, which is still to come or only
    possible; the clause reports no act."""
    if verb.dep_ != "relcl" or not _present(verb):
        return False
    node = verb.head
    if node.ent_type_ in ("DATE", "TIME") or node.lemma_.casefold() in ("moment", "day"):
        return False  # "on Friday, when Iran hosts a summit": arranged for then (`_future_time_clause`)
    # up through the nouns and prepositions to the first verb, however many: "will be in the
    # form of a deal between states, where the Americans agree ..." (the deal is still to come)
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX"):
            return _is_future(node) or _possible(node)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _possible(verb: Token) -> bool:
    """True for a verb under a modal of possibility ("tens of thousands may die"): a forecast,
    whose clause of time in the present ("as forces storm the town") is still to come."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return any(a in ("may", "might", "could") for a in auxes) and "have" not in auxes


def _future_time_clause(verb: Token) -> bool:
    """True for a clause in the present on a time ahead: "on Friday, when Iran hosts a summit",
    "the moment those forces are withdrawn, their allies will be ...": the future of the clause
    the time belongs to places the act, which is arranged for that time."""
    if not _present(verb):
        return False
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        # "on Friday, when ...", "the moment ...", not "at a time when" (in circumstances where)
        timed = noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.casefold() in ("moment", "day")
        if not timed:
            return False
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        return governor.pos_ in ("VERB", "AUX") and _is_future(governor)
    return False


def inability(verb: Token) -> bool:
    """True when a negated verb says someone could not do it, which is not refusing to."""
    return any(c.dep_ == "aux" and c.lower_ in _ABILITY for c in verb.children) or any(
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
    planned = _is_future(verb) or _future_time_clause(verb)
    negated = _is_negated(verb)
    node = verb
    shares_subject = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and shares_subject:
        # "would give Nigeria assistance and provide spare parts": the second verb shares
        # the first one's modal (not its negation, whose scope English leaves open)
        planned = planned or _is_future(verb.head)
        node = verb.head
    means = means_of(verb)
    if means is not None:
        planned = planned or _is_future(means)  # "will respond by imposing sanctions"
    for _ in range(3):
        if node.dep_ not in ("xcomp",) or node.head.i == node.i:
            break
        head = node.head
        if head.lemma_.casefold() in INTENT_VERBS or head.lower_ in INTENT_VERBS:
            planned = True
        planned = planned or _is_future(head)
        negated = negated or _is_negated(head)
        node = head
    # "committed to supporting Sweden's bid", "is committed to opening up the economy": a
    # commitment, like a promise, makes what it is to do a pledge (AGREE), not the act
    if verb.dep_ == "pcomp" and verb.head.lower_ == "to" and verb.head.head.lemma_.casefold() == "commit":
        planned = True
    # "is ready to", "are set to": the adjective heads the complement
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.lower_ in INTENT_VERBS:
        planned = True
    if _infinitive(verb):
        # "would send negotiators to Jeddah to hold talks": the aim of a future act is
        # itself to come, no more real than the act it is the aim of
        if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and _is_future(verb.head):
            planned = True
        # "Parties to Iran deal to resume talks", "Iran and the EU to resume talks": a
        # headline or bullet "X to do Y", with no finite verb, announces that X will do Y
        if verb.dep_ == "ROOT" or (
            verb.dep_ in ("acl", "relcl") and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")
        ):
            planned = True
    return ("planned" if planned else "asserted"), negated


def _infinitive(verb: Token) -> bool:
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


def hypothetical(verb: Token) -> bool:
    """True inside an "if"/"unless" clause (a condition, not a report), or a clause of time
    under a future one (`_future_when`)."""
    node = verb
    for _ in range(4):
        if node.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in node.children
        ):
            return True
        if _future_when(node) or _future_relative(node):
            return True  # "once the troops withdraw, the Kurds will be exposed"
        if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def excessive(verb: Token) -> bool:
    """True for what something is "too weak to prevent" or someone "too busy to attend": the
    degree word says the act is beyond them, so it is not done."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.pos_ in ("ADJ", "ADV")
        and _infinitive(verb)
        and any(c.dep_ == "advmod" and c.lower_ == "too" for c in verb.head.children)
    )


def embedded_question(verb: Token) -> bool:
    """True inside an embedded question ("unclear whether the two leaders will meet")."""
    node = verb
    for _ in range(3):
        if any(m.dep_ == "mark" and m.lower_ == "whether" for m in node.children):
            return True
        # "whether it is prepared to lay down arms": the adjective's copula takes the mark
        if node.dep_ not in ("xcomp", "conj", "acomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def description(verb: Token) -> bool:
    """True for a participle that describes a noun without saying who did it.

    "a man accused of theft", "the countries invited to the summit": what the noun went
    through is background to the sentence, not an act it reports. With its doer named
    ("the man arrested by police") it is an act.
    """
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ != "ROOT"
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def conditional(verb: Token) -> bool:
    """True when the clause sets a condition: "... unless Baghdad accepts", "... if Hamas runs"."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "advcl" and any(
                m.lower_ == "unless" for m in child.children if m.dep_ == "mark"
            ):
                return True
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def wished(verb: Token) -> bool:
    """True inside what someone hopes or fears ("said he hopes Japan will persuade Biden")."""
    node = verb
    for _ in range(4):
        if node.dep_ in ("acl", "ccomp") and node.head.lemma_.casefold() in _EXPECTATION_NOUNS:
            return True  # "with hopes he will share", "concerns that the Kurds will release"
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
        if lemma_of(node) in WISH_VERBS:
            return True
    return False


# Nouns of claiming: what a claim or allegation says is someone's assertion, not the report's.
_CLAIM_WORDS = frozenset({"claim", "allegation", "contention"})


def claimed(verb: Token) -> Token | None:
    """The noun of claiming ("claim", "allegation") whose content the trigger is, if any: "the
    ministry's claim that airstrikes killed 4,315 fighters", "the UK claim that the OPCW backed
    its analysis". A claim named by a noun is a topic the sentence talks about (disputes,
    doubts, investigates), not a report of what it claims; unless the claimant claims its own
    act (`coder` decides: a claim of responsibility reports the act, as "claimed the bombing"
    does)."""
    node = verb
    for _ in range(4):
        head = node.head
        if node.dep_ in ("ccomp", "acl") and head.pos_ == "NOUN" and lemma_of(head) in _CLAIM_WORDS:
            return head
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def content_of_noun(verb: Token) -> bool:
    """True for an infinitive that spells out a plea, offer, plan, aim or agreement ("a plea
    to X to talk", "its determination to cooperate", "the goal was to agree on a ceasefire",
    "a deal to normalize relations"), or a verb inside one ("the accord to see troops quit"),
    or the aim of one ("time for Britain to take action to curb Assad")."""
    purpose = verb.dep_ == "advcl" and _infinitive(verb) and verb.head.pos_ in ("VERB", "AUX")
    if purpose and verb.head.i != verb.i and content_of_noun(verb.head):
        return True
    node = verb
    for _ in range(2):
        if node.dep_ not in ("ccomp", "xcomp") or _infinitive(node) or node.head.i == node.i:
            break
        node = node.head  # "to see troops quit": what the accord is to see is in it too
    if node.i != verb.i:
        return node.dep_ in ("acl", "relcl") and _infinitive(node) and _content_noun(node.head)
    if not _infinitive(verb):
        return False
    if verb.dep_ in ("acl", "relcl") or (verb.dep_ == "advcl" and verb.head.pos_ == "NOUN"):
        # (spaCy hangs "an opportunity for the US to attack" on the noun as an advcl)
        # a verbless headline's own infinitive ("Iran deal to resume talks") is its news,
        # which `modality_of` reads as planned, not a noun's content
        return _content_noun(verb.head) and verb.head.dep_ != "ROOT"
    head = verb.head
    return (
        verb.dep_ in ("xcomp", "ccomp", "attr")
        and head.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lemma_.casefold() in CONTENT_NOUNS for c in head.children)
    )


def _content_noun(noun: Token) -> bool:
    """A noun whose infinitive is its content; bare "time" too ("it is time for Britain to
    act": what ought to be done), but not "the first time for the leaders to meet"."""
    lemma = noun.lemma_.casefold()
    if lemma == "time":
        return not any(c.dep_ in ("det", "amod", "poss", "nummod") for c in noun.children)
    return lemma in CONTENT_NOUNS


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


def question(verb: Token) -> bool:
    """True for asking a question, which requests nothing: "asked whether Japan would impose
    sanctions", "asked about the talks", "Asked about opposition from Budapest, he said".
    Asking someone to do something (an infinitive) or for something ("for aid") is a request."""
    if lemma_of(verb) not in ("ask", "question", "wonder", "inquire", "enquire"):
        return False
    children = list(verb.children)
    if any(c.dep_ in ("xcomp", "oprd") for c in children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
        return False
    asks_if = any(
        c.dep_ in ("ccomp", "advcl")
        and any(m.lower_ in ("whether", "if") or m.tag_ in ("WDT", "WP", "WRB") for m in c.children)
        for c in children
    )
    return asks_if or any(c.dep_ == "prep" and c.lower_ == "about" for c in children)


def without_partner(verb: Token) -> bool:
    """True for speaking or talking with nobody named to speak with: "Speaking at a news
    conference, X said", "X spoke to reporters". A consultation has a party on the other
    side ("spoke with Putin", "spoke to his Japanese counterpart"); the press is not one."""
    partners = [
        o
        for prep in verb.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ in ("with", "to")
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    partners += [c for c in verb.children if c.dep_ == "dobj"]
    return all(p.lemma_.casefold() in PRESS_WORDS for p in partners)


def press_invitation(verb: Token) -> bool:
    """True for inviting the press ("the AU invited media to a briefing"): a notice to the
    public, no appeal to a party, as speaking to reporters is no consultation."""
    guests = [c for c in verb.children if c.dep_ == "dobj"]
    return (
        lemma_of(verb) == "invite"
        and bool(guests)
        and all(g.lemma_.casefold() in PRESS_WORDS or g.lower_ in PRESS_WORDS for g in guests)
    )


# Modals of possibility and advice: "might impose sanctions", "could restore ties", "should
# withdraw" say what may or ought to happen, not what did or is planned.
_POSSIBILITY = frozenset({"might", "may", "could", "should", "ought"})
_MODALS = frozenset({"will", "would", "could", "might", "may", "shall", "can", "must", "'ll", "wo", "ca"})


def warning_of_a_state(verb: Token) -> bool:
    """True for "warned" that threatens nothing: a comment on how things are or a forecast.

    A warning threatens when it holds something over someone: a warning to someone ("warned
    Israel"), of a repercussion ("warned of consequences", `REPERCUSSION_NOUNS`), against
    something (an admonition, `triggers` codes it a disapproval), of what will follow if a
    condition holds ("would respond if Assad used chemical weapons again"), or of what the
    warner, someone named or a repercussion will do ("warned that it will launch missiles",
    "that Russia would attack", "that tariffs would follow"). A warning that things are so
    ("warned the war continued") or that a situation or someone's act may have effects
    ("warned that an assault could cause a crisis", "warned of a humanitarian catastrophe")
    is a comment or a forecast, as news reports many of them.
    """
    if lemma_of(verb) != "warn":
        return False
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ == "against":
            return False
        if prep.lower_ in ("of", "about", "over"):
            objects = [o for p in prep.children if p.dep_ == "pobj" for o in (p, *p.conjuncts)]
            if any(o.lemma_.casefold() in REPERCUSSION_NOUNS for o in objects):
                return False
    # the warned clause; a condition on the warning itself ("warned of a catastrophe if the
    # attack goes ahead") says when the forecast holds, and threatens only with a repercussion
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        if any(t.lower_ in ("if", "unless") for t in _clause_words(clause)):
            return False
        # "warned that the fighters could meet resistance": what may happen is a forecast;
        # a threat says what will be done ("will", "would")
        modal = any(c.dep_ == "aux" and c.lower_ in _MODALS - _POSSIBILITY for c in clause.children)
        if modal and _threatening_doer(clause):
            return False
    return True


def wish_in_conditional(verb: Token) -> bool:
    """True for "would welcome" and the like: an attitude verb in the conditional ("they would
    welcome a regime takeover", "would like to see talks") says what someone wants, not that
    anything was welcomed or agreed."""
    return lemma_of(verb) in ("welcome", "like", "love", "prefer") and any(
        c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children
    )


def _threatening_doer(clause: Token) -> bool:
    """True when a warned clause's subject is a pronoun, a name, a body that can act or a
    repercussion: "it will launch missiles", "Russia would attack", "the army would respond",
    "tariffs would follow"; not "an assault could cause a crisis", "this could be worse"."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        (s.pos_ == "PRON" and s.tag_ == "PRP")
        or s.pos_ == "PROPN"
        or s.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        or s.lemma_.casefold() in REPERCUSSION_NOUNS
        or s.lemma_.casefold() in SECTOR_NOUNS  # "the army would respond", "troops will move in"
        or s.lemma_.casefold() in STATE_NOUNS  # "the country has the power to ..."
        for s in subjects
    )


def _clause_words(clause: Token) -> list[Token]:
    """The auxiliaries and conjunctions of a clause and of the clauses it governs, not of
    clauses on its nouns: in "warned that there is the possibility that North Korea will
    launch missiles" the warning says how things stand; what may come is a noun's content."""
    words: list[Token] = []
    stack = [clause]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in ("aux", "mark"):
                words.append(child)
            elif child.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
                stack.append(child)
    return words


def speculative(verb: Token) -> bool:
    """True for an act under a modal of possibility or advice ("China might impose sanctions",
    "analysts say the two could restore ties"), or a second verb sharing one ("could meet and
    sign a deal"). A reported demand ("Israel should withdraw, the UN said") is coded apart, and
    so is a past act said to be likely ("hackers may have launched attacks"), an alleged act."""
    if verb.dep_ == "xcomp" and verb.head.lower_ in ("likely", "unlikely"):
        return True  # "is likely to meet Xi": a forecast
    node = verb
    shares_subject = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and shares_subject:
        node = verb.head
    scope = {verb, node}
    while node.dep_ == "xcomp" and node.head.i != node.i and len(scope) < 5:
        node = node.head  # "could help warn", "might try to strike": the modal scopes over both
        scope.add(node)
    for n in scope:
        auxes = [c.lower_ for c in n.children if c.dep_ == "aux"]
        # "may have launched attacks": a past act reported as likely, which event data codes
        if any(a in _POSSIBILITY for a in auxes) and "have" not in auxes:
            return True
    return False


# Pronouns that stand for a party a demand can be made of.
_PARTY_PRONOUNS = frozenset({"he", "she", "they", "you", "we", "i"})


def demanded_of_party(verb: Token) -> bool:
    """True when a reported "must" or "should" makes a demand: of a party ("Libya must hand
    over the suspects"), or for something to be done or to stop ("the sanctions must be
    lifted", "the oppression must end"). A state that ought to hold, with no party in it
    ("society should be strong enough", "the world should be a place of respect"), or the empty
    "it" ("it must be said that ...") asks nothing of anyone: an opinion."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.lower_ in _PARTY_PRONOUNS or names_party(s) for s in subjects):
        return True
    if all(s.lower_ in ("it", "this", "that", "there") for s in subjects):
        return False
    return not (verb.lemma_ == "be" and not any(c.dep_ == "auxpass" for c in verb.children))


def own_obligation(verb: Token) -> bool:
    """True for "we must" / "I should" and for "should have done": what speakers say they
    themselves must do is their resolve, and what ought to have been done was not; neither
    demands anything of another party (a reported "Israel must withdraw" does)."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "have" in auxes and any(a in ("must", "should", "ought") for a in auxes):
        return "should" in auxes or "ought" in auxes  # "must have done" is a guess at a past act
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "i") for c in verb.children)


# Verbs of trying: what one tries to do is an aim, not yet done.
_ATTEMPT_VERBS = frozenset({"try", "attempt", "strive", "endeavour", "endeavor"})
# Acts whose attempt is itself the act: force tried is force used ("tried to kill him": he was
# shot at; "attempted to storm the building").
_FORCE = frozenset({"ASSAULT", "COERCE"})


def attempted(verb: Token) -> Token | None:
    """The act someone "seeks to" or "tries to" do ("diplomats have sought to end the war",
    "the parties are trying to agree on steps"): an attempt, which neither asks anyone for
    anything nor reports the act, since what is tried is not yet achieved. Force is the
    exception for trying: an attempt at force uses it. None unless `verb` is such a verb."""
    lemma = lemma_of(verb)
    if lemma != "seek" and lemma not in _ATTEMPT_VERBS:
        return None
    aim = next(
        (c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)),
        None,
    )
    if aim is None or lemma == "seek":
        return aim
    inner = base_trigger(aim)
    return None if inner is not None and inner.code[0] in _FORCE else aim


def forecast(verb: Token) -> bool:
    """True for a planned act inside what someone believes or predicts ("he believes China will
    invade Taiwan", "pundits speculated that Biden would visit Kyiv"), or an infinitive of what
    someone expects or believes another will do ("Moscow expected Turkey to hand over Afrin",
    "I would expect the foreign secretary to urge ..."): a forecast. A perfect infinitive ("is
    believed to have launched the attack") tells an alleged past act, which event data codes."""
    if verb.dep_ in ("ccomp", "xcomp") and _infinitive(verb) and lemma_of(verb.head) in OPINION_VERBS:
        return not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
    if modality_of(verb)[0] != "planned":
        return False
    node = verb
    for _ in range(4):
        if node.dep_ == "ccomp" and lemma_of(node.head) in OPINION_VERBS:
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def held_view(verb: Token) -> bool:
    """True for an act told in the present inside what someone believes or claims ("Turkey
    claimed that Sweden allows PKK members to operate", "does not believe that hasty recourse to
    strikes meets these tests", "claims the government is destroying evidence"): a view of how
    things stand, not an act reported on a day. A past act so reported ("analysts think Russia
    attacked the dam") is an alleged act, which event data codes; a future one is a forecast
    (`forecast`)."""
    if not _present(verb) or _is_future(verb):
        return False
    node = verb
    for _ in range(4):
        if node.dep_ == "ccomp" and lemma_of(node.head) in OPINION_VERBS | CLAIM_VERBS:
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


# Acts of speech, threat and cooperation, which a party does, not a thing done: "the move
# cuts off aid" or "the action stops the work of aid groups" is a measure acting (kept).
_PARTIES_ACTS = frozenset(
    {"THREATEN", "ACCUSE", "REQUEST", "SUPPORT", "CONSULT", "AGREE", "COOPERATE", "REJECT"}
)


def done_by_an_act(verb: Token, kind: str) -> bool:
    """True for a verb of speech, threat or cooperation whose subject is a noun of doing
    (`doing_nouns.tsv`), not a doer: "China's actions threaten the rules-based order", "hasty
    recourse to strikes meets these tests". The sentence tells what the doing amounts to or
    brings about. Force, coercion, sanctions and the like that a measure carries out are
    reported as its own ("the action by the security council stops the work of aid groups").
    Event nouns are left out: a gathering acts through those in it ("the summit called for a
    ceasefire")."""
    if kind not in _PARTIES_ACTS:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN":
        return False
    return subject.lemma_.casefold() in DOING_NOUNS


def means_of(verb: Token) -> Token | None:
    """The verb a gerund after "by" tells the means of ("will lose the peace by withdrawing",
    "may alienate Putin by boycotting the talks", "retaliated by imposing sanctions"), if any."""
    prep = verb.head
    by = verb.dep_ == "pcomp" and prep.lower_ == "by" and prep.dep_ == "prep"
    return prep.head if by and prep.head.pos_ in ("VERB", "AUX") else None


# Modals under which an act is only possible, advised or required, not told as done or planned:
# of possibility and advice, of ability, the conditional and obligation.
_NOT_DONE = _POSSIBILITY | _ABILITY | {"would", "'d", "must"}


def unasserted_means(verb: Token) -> bool:
    """True for the means of an act that is only possible, advised or required ("Theresa May
    can make a start by withdrawing her invitation", "may not want to alienate Putin by
    boycotting the talks", "could only defeat the caliphate by attacking it from the air"): how
    it would be done is no more done than the act. The means of a done act is done ("Moscow
    retaliated by imposing economic sanctions"), and of a planned one planned (`modality_of`)."""
    means = means_of(verb)
    if means is None:
        return False
    node = means
    for _ in range(3):
        auxes = [c.lower_ for c in node.children if c.dep_ == "aux"]
        if any(a in _NOT_DONE for a in auxes) and "have" not in auxes:
            return True
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head  # "may not want to alienate Putin by ...": the modal is above
    return False


def framing_speech(verb: Token) -> bool:
    """True for a participle of speaking that frames a statement: "Speaking to the Guardian, she
    said ...", "Speaking on BBC Radio 4, he said ...": the occasion of what is said (an
    interview), not a consultation. Who is spoken to decides (`coder`): a party spoken with
    ("Speaking to Putin by phone, Macron said") is consulted."""
    return (
        lemma_of(verb) in ("speak", "talk")
        and verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and lemma_of(verb.head) in SPEECH_VERBS
    )


def anonymity_asked(verb: Token) -> bool:
    """True for a source asking how to be named: "who asked not to be named", "asked to be known
    only by her nom de guerre", "requested anonymity": a term of the interview, not a request
    made of a party."""
    if lemma_of(verb) not in ("ask", "request"):
        return False
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.casefold() in NAMING_WORDS:
            return True  # "requested anonymity"
        passive = any(c.dep_ == "auxpass" for c in child.children)
        if child.dep_ == "xcomp" and passive and lemma_of(child) in NAMING_WORDS:
            return True  # "asked not to be named", "asked to be called only by ..."
    return False


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


def background_clause(verb: Token) -> bool:
    """True for a trigger that describes rather than reports.

    A participle on a noun ("the coalition fighting the rebels", "citizens abducted by the
    state") or a clause of time ("hours after police fired on protesters") sets the scene
    for the sentence's own news.
    """
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
        return True
    if verb.dep_ in ("advcl", "pcomp"):
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        if verb.dep_ == "pcomp" or verb.head.dep_ == "prep":
            marks.add(verb.head.lower_)
        return bool(marks & {"after", "before", "since", "when", "while", "as"})
    return False


# Verbs of letting: "..., allowing X to do Y" after a clause says what that clause made possible.
_LETTING = frozenset({"allow", "enable", "let", "permit"})


def permitted_effect(verb: Token) -> bool:
    """True for a trailing participle of letting ("Raqqa will fall by October, allowing
    elections to be held"; "the strikes broke the rebels, allowing the government to tighten
    the siege"): it says what the clause before it made possible, no permission anyone gave.
    A subject of its own or a conjoined verb ("pulled out and allowed Turkish jets in") is one."""
    return (
        lemma_of(verb) in _LETTING
        and verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "mark") for c in verb.children)
    )


def purpose_of_event(verb: Token) -> bool:
    """True for an infinitive of purpose under a verb that is itself an event trigger."""
    if verb.dep_ != "advcl" or not _infinitive(verb):
        return False
    return base_trigger(verb.head) is not None


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


def counterfactual(verb: Token) -> bool:
    """True for what would or could have been done ("would have complained bitterly if ...",
    "could have prevented the attack"): the perfect under a modal of condition says it was not
    done. "may/might have launched attacks" is a guess at a past act, which event data codes."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return "have" in auxes and any(a in ("would", "could", "'d") for a in auxes)


def _clause_head(verb: Token) -> Token:
    """The verb whose clause `verb` belongs to: up through complements ("has pledged to
    destroy") and conjoined verbs sharing a subject ("fought and killed")."""
    node = verb
    for _ in range(3):
        shares = node.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        if not (node.dep_ == "xcomp" or shares) or node.head.i == node.i:
            break
        node = node.head
    return node


# Verbs of perceiving: what one sees someone doing ("saw fighters shooting people") is reported.
_PERCEPTION = frozenset({"see", "watch", "hear", "witness", "film", "show", "notice", "spot", "find"})


def names_party(noun: Token) -> bool:
    """True for a noun that names a party: a name, a nationality or a role or group noun."""
    lemma = noun.lemma_.casefold()
    return (
        noun.pos_ == "PROPN"
        or noun.ent_type_ in ("NORP", "ORG", "GPE", "PERSON")
        or lemma in SECTOR_NOUNS
        or lemma in GROUP_NOUNS
    )


# Units of time: "for 40 years", "for months" span a stretch of time.
_TIME_UNITS = frozenset({"year", "decade", "month", "week", "century", "generation"})


def durative(verb: Token) -> bool:
    """True when a verb is said to hold over a stretch of time: "for 40 years", "since 2011",
    "long", "always", "throughout the war"."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in ("long", "always"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("since", "throughout"):
            return True
        spans = any(o.dep_ == "pobj" and o.lemma_.casefold() in _TIME_UNITS for o in c.children)
        if c.dep_ == "prep" and c.lower_ == "for" and spans:
            return True
    return False


def characterising(verb: Token) -> bool:
    """True for a participle or relative clause that says what a party is or has long been
    doing ("rebels fighting the regime", "Hezbollah fighting alongside Assad's forces", "the
    PKK, which has fought Turkey for 40 years"): it tells who the party is, as background to
    the sentence's own news. A relative clause in the simple past ("troops, who shelled the
    town on Monday") reports an act and stays."""
    verb = _clause_head(verb)
    noun = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.pos_ in ("NOUN", "PROPN"):
        # a verbless headline's participle is its news; so is what someone saw the noun do
        # ("saw fighters shooting people") and "with thousands surrendering"
        seen = noun.dep_ == "dobj" and lemma_of(noun.head) in _PERCEPTION
        with_ = noun.dep_ == "pobj" and noun.head.lower_ == "with"
        # only a party is so described: "a statement calling on X", "a report accusing the
        # army", "a resolution demanding ..." report what the document does
        return names_party(noun) and noun.dep_ != "ROOT" and not seen and not with_
    if verb.dep_ != "relcl" or not names_party(noun):
        return False  # "a deal that gives Iran ...": no party described
    if any(c.dep_ == "advmod" and c.lower_ in ("when", "where") for c in verb.children):
        return False  # "Idlib, where the army has launched", "a time when talks have started"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODALS or a.lower_ == "to" for a in auxes):
        return False  # "which will meet", "who would attack": what is to come is no description
    # the present perfect over a stretch of time: what the noun has long been doing ("which
    # has fought Turkey for 40 years", "that have backed Assad since 2011"); without one it may
    # report a recent act ("which has launched an offensive"), and labelled news codes acts
    # told in a relative clause's simple present ("Hamas, which fires rockets at Israel") and
    # progressive ("which is fighting alongside the regime": tried, PLV check record -1)
    return any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes) and durative(verb)
