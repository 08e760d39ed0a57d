"""Verbs of acts that, in some clauses, tell a party's standing relation or view instead.

Support or cooperation held over a span in the perfect ("the US has long partnered with the
SDF", "have supported the Kurds since 2014") tells how one party stands toward another, a
relation, not an act on a day; discrete acts so counted ("have spoken by phone five times
since 2020") stay acts.

Likewise agreeing or conceding that something is so ("the cabinet agreed that the regime has a
record of ...") tells a view the party shares, not an agreement reached (`assent_to_a_view`).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.background import durative, names_party
from dateline.events.lexicon import SPEECH_VERBS
from dateline.events.triggers import lemma_of

# The types of a standing alignment between parties.
_STANCES = frozenset({"SUPPORT", "COOPERATE"})


def standing_relation(verb: Token, kind: str) -> bool:
    """True for support or cooperation in the present perfect over a span ("has long partnered
    with", "have supported them since 2014") or in the simple present of a relative clause on a
    party (`_described_stance`): a relation between parties, not a dated act."""
    if kind not in _STANCES:
        return False
    node = verb
    while (
        node.dep_ == "conj"
        and node.head.i != node.i
        and not any(c.dep_ in ("aux", "nsubj") for c in node.children)
    ):
        node = node.head  # "do not consider them terrorists, and have supported them since 2014"
    auxes = [c for c in (*verb.children, *node.children) if c.dep_ == "aux"]
    perfect = any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    return (perfect and durative(verb)) or _described_stance(node)


def _described_stance(verb: Token) -> bool:
    """True for support or cooperation in the simple present of a relative clause on a party
    ("Washington, which supports the YPG", "Turkey, which backs the opposition"): the clause says
    who the party is by how it stands, as a relation, not an act reported on a day."""
    return (
        verb.dep_ == "relcl"
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and names_party(verb.head)
    )


# Types whose verb, with a clause stating a fact, tells assent to a view ("agreed that the
# regime has a record", "conceded that the offensive has crippled efforts").
_ASSENT_TYPES = frozenset({"AGREE", "CONCEDE"})
# Auxiliaries by which a complement clause tells what is to be done, not what is so.
_TO_BE_DONE = frozenset({"will", "would", "shall", "should", "must", "could", "can", "may", "might", "'ll"})


def assent_to_a_view(verb: Token, kind: str) -> bool:
    """True for agreeing or conceding with a that-clause stating a fact: "the cabinet agreed that
    the regime has a record of ...", "Central Command conceded that the offensive has crippled
    efforts". The clause is a view the subject shares or admits: an opinion, not an agreement
    reached or a concession made.

    Not a clause of what is to be done ("agreed that their ministers would meet", "agreed that
    the prisoners be released"): that is the content of an agreement.
    """
    if kind not in _ASSENT_TYPES:
        return False
    # a verb of saying is the sentence's report frame ("..., the AU announced"), not its content
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and lemma_of(c) not in SPEECH_VERBS]
    for clause in clauses:
        if any(w.tag_ == "VB" or w.lower_ in _TO_BE_DONE for w in _verb_group(clause)):
            return False  # to be done: "would meet", "should be entitled", "that the ban be lifted"
    return any(_states_a_fact(c) for c in clauses)


def _states_a_fact(clause: Token) -> bool:
    """True for a finite clause with a subject, in the present or past: "the regime has a record"."""
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return False
    return any(w.tag_ in ("VBD", "VBZ", "VBP") for w in _verb_group(clause))


def _verb_group(clause: Token) -> list[Token]:
    """A clause's verb and its auxiliaries: where its tense and mood are told."""
    return [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]


def done_to_oneself(verb: Token, kind: str) -> bool:
    """True for violence whose object is the doer ("shot himself to avoid capture", "killed
    themselves"): a suicide or self-harm, an attack on no other party. A particle verb ("blew
    themselves up" among a crowd) tells an attack on those around and stays."""
    if kind != "ASSAULT" or any(c.dep_ == "prt" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children)
