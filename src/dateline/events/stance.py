"""Verbs of acts that, in some clauses, tell a party's standing relation instead.

Support or cooperation held over a span in the perfect ("the US has long partnered with the
SDF", "have supported the Kurds since 2014") tells how one party stands toward another, a
relation, not an act on a day; discrete acts so counted ("have spoken by phone five times
since 2020") stay acts.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.modality import durative

# The types of a standing alignment between parties.
_STANCES = frozenset({"SUPPORT", "COOPERATE"})


def standing_relation(verb: Token, kind: str) -> bool:
    """True for support or cooperation in the present perfect over a span ("has long partnered
    with", "have supported them since 2014"): a relation between parties, not a dated act."""
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
    return perfect and durative(verb)
