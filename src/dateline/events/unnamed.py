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
from dateline.events.lexicon import Code
from dateline.events.roles import actor_of
from dateline.lexdata import word_set
from dateline.model import Actor

# The PLOVER sector of an actor left unnamed.
UNNAMED_SECTOR = "UNK"
UNNAMED = Actor(name="unidentified actor", sector=UNNAMED_SECTOR)

# Nouns for an attack or the weapon that does it ("a car bomb killed 12").
ATTACK_NOUNS: set[str] = word_set("dateline.events", "attack_nouns")
# Causes of harm that nobody does ("killed in a car crash", "a gas explosion").
ACCIDENT_NOUNS: set[str] = word_set("dateline.events", "accident_nouns")

# Types whose doer news leaves out: violence and coercion done to people ("were killed",
# "were arrested", "were expelled"). A passive of any other type without its agent
# ("was agreed", "were invited") reports no act worth an unnamed doer.
UNNAMED_TYPES = frozenset({"ASSAULT", "COERCE"})


def unnamed_agent(
    verb: Token, subject: Token | None, passive: bool, code: Code, actors: ArticleActors
) -> tuple[Actor, Actor | None] | None:
    """The unnamed actor as source when `verb` reports violence or coercion without a doer.

    Either a passive with no "by" phrase, or with an attack or weapon as its agent
    ("twelve protesters were arrested", "killed by a roadside bomb"): then the passive
    subject must be an actor, and it is returned as the target. Or an active verb whose
    subject is the attack or its weapon ("an air strike killed four civilians"): then the
    target is found as for any verb (None here).
    """
    if code[0] not in UNNAMED_TYPES:
        return None
    if any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.casefold() in ACCIDENT_NOUNS for t in verb.subtree):
        return None  # "were killed in a car crash", "a gas explosion killed three": no doer at all
    weapon = subject is not None and subject.lemma_.casefold() in ATTACK_NOUNS
    if not passive:
        return (UNNAMED, None) if weapon else None
    if subject is not None and not weapon:
        return None  # "were killed by people he knew": an agent the coder could not place
    if verb.dep_ in ("acl", "amod", "relcl"):
        return None  # "the detained activists": a description, not a report
    if any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children):
        return None  # "a video showing him being shot": a scene described, not a report
    # the passive's subject, or the subject of "came under fire"
    patient = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    victim = actor_of(patient, actors, allow_pronoun=False)
    return (UNNAMED, victim) if victim is not None else None


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
