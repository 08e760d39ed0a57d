"""Acts whose doer the sentence leaves unnamed: "three protesters were arrested", "a car
bomb killed 12 people".

News reports violence and coercion in the passive, or with the weapon as subject, as
often as with a named doer. The PLOVER manual keeps a sector for exactly this actor, UNK
("generic unidentified actors, e.g. actor for 'two civilians were killed by a bomb'"). The
coder gives such an act that unnamed actor as its source when the sentence names the one
it was done to, so the act is not lost; the unnamed actor has no country, and nothing in
the article is made to stand for it.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors import ArticleActors
from dateline.events.groups import crowd
from dateline.events.lexicon import CASUALTY_STATES, NOMINAL, Code
from dateline.events.sources import actor_of
from dateline.events.triggers import Trigger, cyber_act, cyber_doer, episode_of, lemma_of
from dateline.lexdata import word_set
from dateline.model import Actor

# The PLOVER sector of an actor left unnamed.
UNNAMED_SECTOR = "UNK"
UNNAMED = Actor(name="unidentified actor", sector=UNNAMED_SECTOR)

# Nouns for an attack or the weapon that does it ("a car bomb killed 12").
ATTACK_NOUNS: set[str] = word_set("dateline.events", "attack_nouns")
# Fights between two sides: who is "killed in a clash with" a side was harmed by it.
FIGHT_NOUNS: set[str] = word_set("dateline.events", "fight_nouns")
# Causes of harm that nobody does ("killed in a car crash", "a gas explosion").
ACCIDENT_NOUNS: set[str] = word_set("dateline.events", "accident_nouns")

# Words that count people without naming them: "dozens were arrested", "scores wounded".
_COUNT_WORDS = frozenset(
    {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands"}
)

# Types whose doer news leaves out: violence and coercion done to people ("were killed",
# "were arrested", "were expelled"). A passive of any other type without its agent
# ("was agreed", "were invited") reports no act worth an unnamed doer.
UNNAMED_TYPES = frozenset({"ASSAULT", "COERCE"})
# Codes of other types done to people by whoever holds them: expelling people (CAMEO 166):
# "two inspectors were expelled from the country"
_UNNAMED_CODES = frozenset({"166"})


def unnamed_agent(
    verb: Token,
    subject: Token | None,
    passive: bool,
    code: Code,
    actors: ArticleActors,
    patient: Token | None = None,
) -> tuple[Actor, Actor | None] | None:
    """The unnamed actor as source when `verb` reports violence or coercion without a doer.

    Either a passive with no "by" phrase, or with an attack or weapon as its agent
    ("twelve protesters were arrested", "killed by a roadside bomb"): then the passive
    subject (or `patient`, a headline's bare participle's) must be an actor or a count of
    people (`casualties`), and it is returned as the target. Or an active verb whose
    subject is the attack or its weapon ("an air strike killed four civilians"): then the
    target is found as for any verb (None here), or is the people it counts ("the blast
    left 11 dead").
    """
    if code[0] not in UNNAMED_TYPES and code[1] not in _UNNAMED_CODES:
        return None
    if any(
        t.pos_ in ("NOUN", "PROPN", "VERB") and t.lemma_.casefold() in ACCIDENT_NOUNS for t in verb.subtree
    ):
        # "were killed in a car crash", "a gas explosion killed three", "were injured when a
        # bus crashed": no doer at all
        return None
    doer = subject
    if doer is not None and doer.lower_ in ("that", "which") and verb.dep_ == "relcl":
        doer = verb.head  # "a drone strike that killed three militants": the relative's noun
    # "a car bomb killed 12", "hackers breached the network": the means, or doers news
    # names only by what they do
    weapon = doer is not None and (doer.lemma_.casefold() in ATTACK_NOUNS or cyber_doer(doer))
    if not passive:
        if not weapon:
            return None
        counted = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if counted is not None and actors.actor_at(counted) is None:
            return UNNAMED, casualties(counted, verb, code, actors)
        return UNNAMED, None
    if subject is not None and not weapon:
        return None  # "were killed by people he knew": an agent the coder could not place
    if verb.dep_ in ("acl", "amod", "relcl") and patient is None:
        return None  # "the detained activists": a description, not a report
    if any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children):
        return None  # "a video showing him being shot": a scene described, not a report
    if patient is None:
        # the passive's subject, or the subject of "came under fire"
        patient = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    victim = actor_of(patient, actors, allow_pronoun=False) or casualties(patient, verb, code, actors)
    if victim is None and code[0] == "COERCE" and cyber_act((verb,)):
        return UNNAMED, None  # "the site was hit by a cyber attack": a system, no party, was hit
    return (UNNAMED, victim) if victim is not None else None


def count_word(token: Token) -> bool:
    """True for a word that counts people without naming them: "dozens", "hundreds", "2,000"."""
    return token.pos_ == "NUM" or token.lower_ in _COUNT_WORDS


def casualties(counted: Token | None, verb: Token, code: Code, actors: ArticleActors) -> Actor | None:
    """People a report of violence counts without saying who they are, as civilians of the place.

    "14 were killed", "four suspected Ebola sufferers were killed in an air strike in
    Sierra Leone", "dozens were arrested": news counts the victims of an attack; who they
    are, where it does not say, is people of the place where it happened (as a crowd is).
    Things are not people: the property an attack destroys or takes (CAMEO 171) is no
    count of victims ("two houses were torched").
    """
    if counted is None or code[1].startswith("171") or counted.lower_ in _NOT_COUNTED:
        return None
    members = next(
        (
            o
            for p in counted.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ),
        None,
    )
    if members is not None:
        return None  # "two of their vehicles": a count of what the "of" phrase names, an actor or no one
    number = counted.pos_ == "NUM" or counted.lower_ in _COUNT_WORDS
    counted_noun = (
        counted.pos_ == "NOUN"
        and counted.tag_ in ("NNS", "NNPS")
        and any(
            c.dep_ == "nummod" or (c.dep_ in ("amod", "quantmod", "det") and c.lower_ in _VAGUE_COUNTS)
            for c in counted.children
        )
    )
    if not (number or counted_noun):
        return None
    if counted_noun:
        name = " ".join(t.text for t in counted.subtree if t.i <= counted.i and t.dep_ != "nummod")
        name = name.strip() or "people"
    else:
        name = "people"
    return crowd(verb, actors, None, name)


# Words that count the people of a plural noun without a number: "several villagers".
_VAGUE_COUNTS = frozenset({"several", "many", "dozens", "scores", "hundreds"})
# Numbers that count no people: "one of the two", "the first".
_NOT_COUNTED = frozenset({"one", "first", "second", "both"})


def telegraphic_patient(verb: Token) -> Token | None:
    """Who suffered the act a headline tells with a bare participle, or None.

    "Three police officers wounded in grenade attack", "Two killed in bomb blast in
    Peshawar": headlines and short reports drop the "were" of a passive; a past
    participle with no auxiliary, at the head of the sentence, is one.
    """
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if verb.dep_ == "ROOT":
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    root = verb.head
    if verb.dep_ == "acl" and root.dep_ == "ROOT" and root.i < verb.i and root.pos_ in ("NUM", "NOUN"):
        return root  # "Two killed in ...": the parser takes the count as the head
    return None


def casualty_trigger(verb: Token) -> Trigger | None:
    """An attack told by what it left: "the blast left 11 people dead", "leaving dozens wounded"."""
    if lemma_of(verb) != "leave":
        return None
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    state = any(
        c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.lemma_.casefold() in CASUALTY_STATES
        for c in verb.children
    )
    return Trigger(("ASSAULT", "190"), (verb,), None) if has_object and state else None


# Verbs of dying: "two civilians died in an air raid" tells the raid by its victims.
_DYING = frozenset({"die", "perish"})
# Prepositions that put a death in an attack: "died in clashes", "perished during the shelling".
_DEATH_PREPS = frozenset({"in", "during", "under"})
# Attacks one dies in; an explosion or a blast alone may be an accident ("died in an explosion
# at a chemical plant"), so dying in one is no report of an attack.
_DEADLY_ACTS = frozenset(
    (ATTACK_NOUNS | {noun for noun, code in NOMINAL.items() if code[0] == "ASSAULT"}) - {"explosion", "blast"}
)


def death_in_attack(verb: Token) -> Token | None:
    """The attack a verb of dying names ("died in an air raid", "perished in clashes"), or None."""
    if lemma_of(verb) not in _DYING:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _DEATH_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and any(
                t.lemma_.casefold() in _DEADLY_ACTS for t in (pobj, *pobj.conjuncts)
            ):
                return pobj
    return None


def death_trigger(verb: Token) -> Trigger | None:
    """An attack told by its dead: "one soldier and two civilians died in an air raid".

    The one who died is what was done to, as in the passive "were killed in an air raid";
    the doer is the attack's "by" phrase, or no one named.
    """
    return Trigger(("ASSAULT", "190"), (verb,), None) if death_in_attack(verb) is not None else None


def attack_agent(verb: Token) -> Token | None:
    """The "by" phrase of a death in an attack: "died in an air raid by government jets"."""
    attack = death_in_attack(verb)
    if attack is None:
        return None
    for host in (attack, verb):
        for prep in host.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def undergoes(verb: Token) -> bool:
    """True for "came under fire / attack / shelling": the subject is what was attacked."""
    if verb.lemma_.casefold() not in ("come", "be"):
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "under"
        and pobj.dep_ == "pobj"
        and pobj.lemma_.casefold() in _UNDERGONE
        for prep in verb.children
        for pobj in prep.children
    )


# What one comes under: an attack, or the fire of weapons.
_UNDERGONE = frozenset(ATTACK_NOUNS | {"fire"})


# Verbs by which one owns an act: "claimed responsibility for", "admitted responsibility for".
_OWNING_VERBS = frozenset({"claim", "admit", "accept", "acknowledge", "take"})


def claimed_by(noun: Token) -> Token | None:
    """Who claims an attack as their own, or None: "IS claimed responsibility for the bombing".

    A group that claims an attack is, in news, the one that did it; a claim denied or
    doubted names no doer. The claim verb's own event (CAMEO 015) stays beside the attack.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return None
    # "for" hangs on "responsibility" or, as the parser often has it, on the verb itself
    verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    owned = [
        c for c in verb.children if c.dep_ == "dobj" and c.lemma_.casefold() in ("responsibility", "credit")
    ]
    if not owned or lemma_of(verb) not in _OWNING_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return None
    node = verb
    for _ in range(4):  # "issued a statement claiming responsibility": the statement's issuer
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None or node.dep_ not in ("advcl", "acl", "xcomp", "conj", "dobj"):
            return subject
        node = node.head
    return None


def fought_side(verb: Token, actors: ArticleActors) -> Actor | None:
    """The other side of the fight a passive act of violence happened in: "20 soldiers were
    killed in a clash with Chinese troops" -> the Chinese troops, who did the killing."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for fight in prep.children:
            if fight.dep_ not in ("pobj", "pcomp") or fight.lemma_.casefold() not in FIGHT_NOUNS:
                continue
            for with_ in fight.children:
                if with_.dep_ == "prep" and with_.lower_ == "with":
                    side = next((c for c in with_.children if c.dep_ == "pobj"), None)
                    found = actor_of(side, actors, allow_pronoun=False)
                    if found is not None:
                        return found
    return None


def deed_doer(noun: Token, actors: ArticleActors) -> Actor | None:
    """Who did an act of violence or coercion named by a noun, where no one else is named.

    The actor the noun phrase puts before the act ("a police crackdown", "an army
    offensive", "rebel attacks") did it. Else, an act reported as the subject of its own
    main clause ("clashes erupted between ...", "the attack on the convoy left four dead",
    "a wave of arrests swept the capital") is a report of that act by someone the text does
    not name: the unnamed actor, as for a passive without its agent. An act named only as
    a topic or a setting ("condemned the attack", "as the crackdown went on") is no report.
    """
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            found = actors.actor_at(child)
            if found is not None and found.sector is not None and found.sector != UNNAMED_SECTOR:
                return found
    episode = episode_of(noun)
    head = episode.head
    if episode.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.dep_ in ("ROOT", "conj", "ccomp"):
        return UNNAMED
    return None
