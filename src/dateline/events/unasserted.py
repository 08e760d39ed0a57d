"""Clauses that report no act: what is only supposed, asked, wished, claimed or forecast.

A trigger inside a condition ("if", "unless"), an embedded question ("whether ..."), a hope
or fear, a claim or belief, the spelled-out content of a plea or plan, what may or should be
done, or what would have been done, tells of something that did not happen, or not yet, or
not in the reporter's voice. The coder drops such triggers or keeps them only where event
data codes them (a reported demand, an alleged past act).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dateline.actors.lexicon import SECTOR_NOUNS, STATE_NOUNS

# Nouns whose clause is what someone expects, hopes or fears ("concerns that the Kurds
# will release them", "hopes he will share intelligence"): not a report of it.
from dateline.events.background import names_party
from dateline.events.lexicon import (
    CLAIM_VERBS,
    CONTENT_NOUNS,
    DOING_NOUNS,
    NAMING_WORDS,
    OPINION_VERBS,
    PRESS_WORDS,
    REPERCUSSION_NOUNS,
    SPEECH_VERBS,
    WISH_VERBS,
)
from dateline.events.modality import (
    ABILITY_MODALS,
    MODALS,
    POSSIBILITY_MODALS,
    future_relative_clause,
    future_when_clause,
    infinitive,
    is_future,
    means_of,
    modality_of,
    told_in_present,
)
from dateline.events.triggers import base_trigger, lemma_of

# Nouns whose clause is what someone expects, hopes or fears ("concerns that the Kurds
# will release them", "hopes he will share intelligence"): not a report of it.
_EXPECTATION_NOUNS = frozenset(
    {"hope", "fear", "concern", "worry", "expectation", "speculation", "possibility", "risk", "prospect"}
)


# The dependencies by which a clause hangs on the clause whose report it belongs to: a
# complement ("said he would", "hopes to") or a conjunct sharing its frame.
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "conj"})


def _clause_chain(verb: Token, through: frozenset[str] = _COMPLEMENTS, steps: int = 4) -> Iterator[Token]:
    """The verb, then each clause it is a complement or conjunct of (`through`), up to `steps`
    clauses: where a frame that unsays the act ("if", "whether", "claims that") may sit."""
    node = verb
    for _ in range(steps):
        yield node
        if node.dep_ not in through or node.head.i == node.i:
            return
        node = node.head


def hypothetical(verb: Token) -> bool:
    """True inside an "if"/"unless" clause (a condition, not a report), or a clause of time
    under a future one (`future_when_clause`)."""
    for node in _clause_chain(verb):
        if node.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in node.children
        ):
            return True
        if future_when_clause(node) or future_relative_clause(node):
            return True  # "once the troops withdraw, the Kurds will be exposed"
    return False


def excessive(verb: Token) -> bool:
    """True for what something is "too weak to prevent" or someone "too busy to attend": the
    degree word says the act is beyond them, so it is not done."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.pos_ in ("ADJ", "ADV")
        and infinitive(verb)
        and any(c.dep_ == "advmod" and c.lower_ == "too" for c in verb.head.children)
    )


def embedded_question(verb: Token) -> bool:
    """True inside an embedded question ("unclear whether the two leaders will meet")."""
    # "whether it is prepared to lay down arms": the adjective's copula takes the mark
    chain = _clause_chain(verb, frozenset({"xcomp", "conj", "acomp"}), 3)
    return any(any(m.dep_ == "mark" and m.lower_ == "whether" for m in node.children) for node in chain)


def conditional(verb: Token) -> bool:
    """True when the clause sets a condition: "... unless Baghdad accepts", "... if Hamas runs"."""
    for node in _clause_chain(verb):
        for child in node.children:
            if child.dep_ == "advcl" and any(
                m.lower_ == "unless" for m in child.children if m.dep_ == "mark"
            ):
                return True
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
    for node in _clause_chain(verb):
        head = node.head
        if node.dep_ in ("ccomp", "acl") and head.pos_ == "NOUN" and lemma_of(head) in _CLAIM_WORDS:
            return head
    return None


def content_of_noun(verb: Token) -> bool:
    """True for an infinitive that spells out a plea, offer, plan, aim or agreement ("a plea
    to X to talk", "its determination to cooperate", "the goal was to agree on a ceasefire",
    "a deal to normalize relations"), or a verb inside one ("the accord to see troops quit"),
    or the aim of one ("time for Britain to take action to curb Assad")."""
    purpose = verb.dep_ == "advcl" and infinitive(verb) and verb.head.pos_ in ("VERB", "AUX")
    if purpose and verb.head.i != verb.i and content_of_noun(verb.head):
        return True
    node = verb
    for _ in range(2):
        if node.dep_ not in ("ccomp", "xcomp") or infinitive(node) or node.head.i == node.i:
            break
        node = node.head  # "to see troops quit": what the accord is to see is in it too
    if node.i != verb.i:
        return node.dep_ in ("acl", "relcl") and infinitive(node) and _content_noun(node.head)
    if not infinitive(verb):
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
        modal = any(c.dep_ == "aux" and c.lower_ in MODALS - POSSIBILITY_MODALS for c in clause.children)
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
        if any(a in POSSIBILITY_MODALS for a in auxes) and "have" not in auxes:
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
    if verb.dep_ in ("ccomp", "xcomp") and infinitive(verb) and lemma_of(verb.head) in OPINION_VERBS:
        return not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
    if modality_of(verb)[0] != "planned":
        return False
    return any(n.dep_ == "ccomp" and lemma_of(n.head) in OPINION_VERBS for n in _clause_chain(verb))


def held_view(verb: Token) -> bool:
    """True for an act told in the present inside what someone believes or claims ("Turkey
    claimed that Sweden allows PKK members to operate", "does not believe that hasty recourse to
    strikes meets these tests", "claims the government is destroying evidence"): a view of how
    things stand, not an act reported on a day. A past act so reported ("analysts think Russia
    attacked the dam") is an alleged act, which event data codes; a future one is a forecast
    (`forecast`)."""
    if not told_in_present(verb) or is_future(verb):
        return False
    views = OPINION_VERBS | CLAIM_VERBS
    return any(n.dep_ == "ccomp" and lemma_of(n.head) in views for n in _clause_chain(verb))


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


# Modals under which an act is only possible, advised or required, not told as done or planned:
# of possibility and advice, of ability, the conditional and obligation.
_NOT_DONE = POSSIBILITY_MODALS | ABILITY_MODALS | {"would", "'d", "must"}


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


def counterfactual(verb: Token) -> bool:
    """True for what would or could have been done ("would have complained bitterly if ...",
    "could have prevented the attack"): the perfect under a modal of condition says it was not
    done. "may/might have launched attacks" is a guess at a past act, which event data codes."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return "have" in auxes and any(a in ("would", "could", "'d") for a in auxes)
