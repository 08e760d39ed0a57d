"""The final PLOVER type and CAMEO code of a trigger, from what the sentence spells out.

A control verb takes its complement as content: "refused to meet" is REJECT 125, "vowed
to crush the rebels" a threat, "asked X to withdraw" a demand for a withdrawal. The
verb's object picks deeper CAMEO leaves (denying charges is 016, calling for sanctions a
condemnation, accepting refugees asylum 075), and civilians deployed are aid, not force.
An act that needs no recipient is coded without a target only when it names what it is
about ("launched an investigation", not "complained loudly").
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.lexicon import COLLECTIVES
from dateline.events.lexicon import (
    APPEAL_CODES,
    COOPERATIVE,
    DISCLOSURE_TOPICS,
    DISCLOSURE_VERBS,
    EXPELLED_BODIES,
    HELD_GROUND,
    INTENT_CODES,
    NO_RECIPIENT,
    PUBLISHED_THINGS,
    REFORM_NOUNS,
    REFUSAL_CODES,
    REQUEST_CODES,
    SELF_CONTAINED,
    SELF_CONTAINED_CODES,
    SETTLEMENT_NOUNS,
    Code,
)
from dateline.events.triggers import DEMANDS, Trigger, base_trigger, complement, lemma_of, peacekeeping
from dateline.model import Actor

_AGREE_FAMILY = frozenset({"agree", "offer", "promise", "pledge", "vow", "accept"})
_REJECT_FAMILY = frozenset({"refuse", "decline", "reject", "fail", "deny"})
_THREAT_FAMILY = frozenset({"threaten", "warn"})
# Commitments that, made about force or punishment, announce it: a threat, not an agreement.
_VOWS = frozenset({"vow", "pledge", "promise"})
_CHARGES = frozenset(
    {"charge", "accusation", "allegation", "claim", "report", "involvement", "responsibility", "wrongdoing"}
)
# What an appeal asks for when it is a call to punish someone.
_PUNISHMENTS = frozenset({"sanction", "punishment", "prosecution", "boycott", "embargo", "expulsion"})
_DENIALS = frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "spurn"})
_REFUGEES = frozenset({"refugee", "migrant", "asylum", "evacuee"})

# What a non-military deployment sends: rescuers, doctors, observers (help, not force).
_CIVIL_TEAMS = frozenset(
    {
        "doctor",
        "medic",
        "nurse",
        "rescuer",
        "expert",
        "worker",
        "volunteer",
        "observer",
        "monitor",
        "inspector",
    }
)


def control_code(verb: Token, base: Trigger) -> tuple[Code, Token | None]:
    """The code of a control verb given its complement ("refused to meet" -> REJECT 125)."""
    lemma = lemma_of(verb)
    comp = complement(verb)
    inner = base_trigger(comp) if comp is not None else None
    inner_type = inner.code[0] if inner else None
    if lemma in _REJECT_FAMILY:
        if lemma == "fail" and inner is None:
            return base.code, comp
        return ("REJECT", REFUSAL_CODES.get(inner_type or "", "120")), comp
    if lemma == "agree" and comp is not None and comp.dep_ == "ccomp":
        return ("AGREE", "019"), comp  # "agreed that there was an urgent need": accord
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    # "agree with the recommendation": concurring on an issue, no commitment (CAMEO 019)
    concur = "with" in preps and not preps & {"on", "to", "upon"}
    if lemma == "agree" and comp is None and concur and not any(c.dep_ == "dobj" for c in verb.children):
        return ("AGREE", "019"), comp
    if lemma in _AGREE_FAMILY and inner is not None:
        if inner_type in INTENT_CODES and inner_type in COOPERATIVE:
            return INTENT_CODES[inner_type], comp
        if lemma in _VOWS and inner_type in INTENT_CODES:
            return INTENT_CODES[inner_type], comp  # "vowed to crush the rebels": a threat (CAMEO 13)
        return base.code, comp
    if lemma in _THREAT_FAMILY and inner is not None and inner_type in INTENT_CODES:
        return ("THREATEN", INTENT_CODES[inner_type][1]) if inner_type not in COOPERATIVE else base.code, comp
    if base.code[0] == "REQUEST" and inner is not None and inner_type in REQUEST_CODES:
        leaves = APPEAL_CODES if base.code[1].startswith("02") else REQUEST_CODES
        return ("REQUEST", leaves[inner_type]), comp
    return base.code, comp


# Prepositions that say what an act is about or aimed at, not where or when it happened.
_CONTENT_PREPS = frozenset(
    {"against", "with", "to", "into", "over", "about", "of", "from", "toward", "towards"}
)


def names_content(verb: Token, base: Trigger, code: Code) -> bool:
    """True when an act that needs no recipient names what it is about.

    "launched an investigation", "rejected accusations of genocide", "will not lift the
    embargo" are events without a target; "complained loudly" is too vague to code.
    """
    if code[0] not in NO_RECIPIENT:
        return False
    if len(base.tokens) > 1:
        return True  # a light verb with its trigger noun
    return any(
        c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "dative")
        or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS)
        for c in verb.children
    )


def self_contained(code: Code) -> bool:
    """True for events that need no target: by type, or by CAMEO code."""
    return code[0] in SELF_CONTAINED or code[1] in SELF_CONTAINED_CODES


def verbal_refine(verb: Token, code: Code, targets: list[Actor]) -> Code:
    """CAMEO leaves that the verb's object decides.

    Denying charges is CAMEO 016 (deny responsibility) and declining to comment CAMEO 011;
    both stay PLOVER REJECT, as the PLOVER manual suggests for 016. Accepting refugees is
    granting asylum (AID 075), not agreement.
    """
    lemma = lemma_of(verb)
    code = taking_code(verb, code)
    objects = {c.lemma_.casefold() for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")}
    asked = objects | {
        c.lemma_.casefold()
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for c in prep.children
        if c.dep_ == "pobj"
    }
    if code[0] == "REQUEST" and asked & _PUNISHMENTS:
        return ("ACCUSE", "111")  # "called for sanctions against Nigeria": a condemnation
    if code[0] == "RETREAT" and lemma in ("withdraw", "pull") and peacekeeping(verb):
        # the PLOVER manual: withdrawing military aid or other assistance is SANCTION
        return ("SANCTION", "162")
    if code[0] == "REQUEST" and code[1] in ("020", "100") and asked & REFORM_NOUNS:
        return ("REQUEST", "024" if code[1] == "020" else "104")  # "called for reform"
    if code[0] == "REJECT" and lemma in _DENIALS and objects & _CHARGES:
        return ("REJECT", "016")  # "rejected accusations that ...": deny responsibility
    if code == ("AGREE", "030") and lemma == "accept" and objects & DEMANDS:
        return ("CONCEDE", "080")  # accepting demands is yielding to them
    if code[0] == "REJECT" and declines_comment(verb):
        return ("REJECT", "011")
    taken_in = {
        t.lemma_.casefold() for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree
    }
    if (
        code[0] == "AGREE"
        and lemma == "accept"
        and (taken_in & _REFUGEES or (targets and targets[0].sector == "REF"))
    ):
        return ("AID", "075")
    return code


# Verbs of talking that are telling the public only with nobody to talk with.
_TALKING = frozenset({"discuss", "talk", "speak"})
# Whom one speaks to when speaking to the public.
_AUDIENCE = frozenset({"reporter", "journalist", "press", "media", "medium", "newspaper", "agency"})


def declines_comment(verb: Token) -> bool:
    """True for a refusal that withholds a statement: "declined to comment", "declined comment",
    "refused to say whether ...", "refused to be named", "declined to discuss the reports", or the
    negated statement itself ("would not discuss individual cases").

    Refusing to tell the public something refuses nothing a party asked (CAMEO 011, decline
    comment). Refusing to discuss an agenda ("refused to discuss two agenda items") or to talk
    with a party ("refused to talk with the envoy") is a refusal (REJECT 125), as is declining a
    party's request ("declined a request from the AP to comment": the request is the object).
    """
    lemma = lemma_of(verb)
    if lemma in ("decline", "refuse"):
        if any(c.dep_ == "dobj" and c.lemma_.casefold() == "comment" for c in verb.children):
            return True  # "declined comment", "declined specific comment"
        withheld = complement(verb)
        return withheld is not None and withheld.dep_ == "xcomp" and _statement(withheld)
    return _statement(verb)


def _statement(verb: Token) -> bool:
    """True for telling the public: a verb of disclosure, or talking about a matter the press
    asks about with nobody (or only the press) to talk with."""
    lemma = lemma_of(verb)
    if lemma not in DISCLOSURE_VERBS:
        return False
    if lemma not in _TALKING:
        return True
    partners = [
        o
        for prep in verb.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ in ("with", "to")
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    if any(p.lemma_.casefold() not in _AUDIENCE for p in partners):
        return False  # "refused to talk with the envoy": a party to talk with
    topics = [c.lemma_.casefold() for c in verb.children if c.dep_ == "dobj"]
    topics += [
        o.lemma_.casefold()
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("about", "on")
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    if not topics:
        # "declined to discuss" alone answers a question; "refused to talk" alone may refuse
        # talks with the other side, so talking needs the press to talk to
        return lemma == "discuss" or bool(partners)
    return all(t in DISCLOSURE_TOPICS or t in PUBLISHED_THINGS for t in topics)


# Verbs of taking by force, whose object decides the act: ground taken is taken in fighting,
# property seized is confiscated.
_TAKING = frozenset({"capture", "seize", "retake", "recapture"})


# Words that count what they are "of" ("two of the men", "dozens of fighters"): the heads the
# actor finder reads as their "of" phrase, and "most" and "all", which name no group of people.
_COUNTS = frozenset(COLLECTIVES | {"most", "all"})


def _taken(verb: Token) -> list[Token]:
    """What a verb of taking took: its object, the subject of its passive, or the noun its
    participle describes ("a woman captured by Kurdish forces"); a count stands for what it
    counts ("two of the jihadists were captured")."""
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        taken.append(verb.head)
    out: list[Token] = []
    for noun in taken:
        counted = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        whole = noun.pos_ == "NUM" or noun.lemma_.casefold() in _COUNTS
        out.extend(c for head in (counted if whole and counted else [noun]) for c in (head, *head.conjuncts))
    return out


def _ground(noun: Token) -> bool:
    return noun.ent_type_ in ("GPE", "LOC", "FAC") or noun.lemma_.casefold() in HELD_GROUND | SETTLEMENT_NOUNS


def taking_code(verb: Token, code: Code) -> Code:
    """The act of seizing, from what was taken: ground ("seized a town", "seized Yemen's
    capital", "seized the last Isis strongholds") is taken in fighting, PLOVER ASSAULT (CAMEO
    192, occupy territory); property ("seized weapons", "a tanker") keeps the verb's CAMEO 171,
    seize property (COERCE). People captured stay ASSAULT, as the PLOVER manual codes combatants
    captured in conflict (`abduct', not `arrest')."""
    if lemma_of(verb) not in _TAKING or code[0] != "COERCE":
        return code
    taken = _taken(verb)
    if any(_ground(t) for t in taken):
        return ("ASSAULT", "192")
    return code


def remembered(verb: Token) -> bool:
    """True for a "recall" that remembers or tells ("recalls sister Rose", "recalled the day
    ..."): only calling someone home from a post ("recalled its ambassador", "recalled the envoy
    for consultations", "recalled her from her post") is CAMEO 161."""
    if lemma_of(verb) != "recall":
        return False
    recalled = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(t.lemma_.casefold() in EXPELLED_BODIES for r in recalled for t in r.subtree):
        return False  # "its ambassador", "Ambassador John Smith", "the head of its mission"
    home = any(p.dep_ == "prep" and p.lower_ == "from" for p in verb.children)
    return not (home and any(r.tag_ == "PRP" or r.ent_type_ == "PERSON" for r in recalled))


# What a scene is caught on: "captured on video", "caught on camera".
_RECORDINGS = frozenset({"video", "camera", "film", "tape", "cctv", "footage", "phone", "photograph"})


def recorded(verb: Token) -> bool:
    """True for "captured on video" or "caught on camera": filmed, not taken."""
    doc = verb.doc
    # the words right after "on", however the parse hangs them ("captured on video taunting")
    return lemma_of(verb) in ("capture", "catch") and any(
        p.dep_ == "prep"
        and p.lower_ == "on"
        and any(w.lemma_.casefold() in _RECORDINGS for w in doc[p.i + 1 : p.i + 3])
        for p in verb.children
    )


def civil_deployment(verb: Token) -> bool:
    """True when what is deployed are civilians: rescue teams, doctors, election observers."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            words = {t.lemma_.casefold() for t in child.subtree}
            if child.lemma_.casefold() in _CIVIL_TEAMS or (
                child.lemma_.casefold() == "team" and not words & {"military", "army", "combat", "special"}
            ):
                return True
            if words & {"rescue", "medical", "relief", "humanitarian"} and child.lemma_.casefold() != "troop":
                return True
    return False
