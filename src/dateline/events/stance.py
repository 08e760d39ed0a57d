"""Verbs of acts that, in some clauses, tell a party's standing relation or habit instead.

Support or cooperation held over a span in the perfect ("the US has long partnered with the
SDF", "have supported the Kurds since 2014") tells how one party stands toward another, a
relation, not an act on a day; discrete acts so counted ("have spoken by phone five times
since 2020") stay acts.

Likewise an act verb in the simple present in a subordinate clause ("Washington, which
supports the YPG", "because the US accepts that ...") tells what a party does as a rule: news
tells a day's acts in the past tense, and keeps the present for its leads, headlines and
captions and for what a speaker says as they say it (`habitual_present`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.events.lexicon import SPEECH_VERBS
from dateline.events.modality import durative
from dateline.events.triggers import lemma_of

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


# What ends a sentence of running text; a headline or caption ends in none of these.
_FINAL = frozenset({".", "!", "?", "…"})
_QUOTES = frozenset({'"', "“", "”", "«", "»", "'", "’"})


def _running_text(sent: Span) -> bool:
    """True for a sentence of running text: its last word is followed by a full stop, a "!" or a
    "?" (before any closing quote or bracket). Headlines, captions and datelines end bare."""
    for token in reversed(sent):
        if token.is_space or token.text in _QUOTES or token.text in (")", "]"):
            continue
        return token.text in _FINAL or token.text.endswith(tuple(_FINAL))
    return False


def _reported(verb: Token) -> bool:
    """True for a clause that reports what someone says: the complement of a verb of saying
    ("Harris said the US condemns the launch"), or one put before the verb that frames it, as
    a quotation is ("'We urge both sides to ...,' reads a statement")."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("ccomp", "parataxis"):
        return False
    return lemma_of(node.head) in SPEECH_VERBS or node.i < node.head.i


# Clauses that hang on another: a relative clause, an adverbial clause, a clausal complement.
_SUBORDINATE = frozenset({"relcl", "advcl", "ccomp", "acl", "csubj"})


def _subordinate(verb: Token) -> bool:
    """True for a verb in a clause that hangs on another (through the verbs it is conjoined
    with: "which backs the opposition and guarantees the ceasefire")."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in _SUBORDINATE


def habitual_present(verb: Token) -> bool:
    """True for an act verb in the simple present in a subordinate clause of running text,
    outside a report of speech (quoted or not): "Washington, which supports the YPG", "the
    Nato embargo that prevents the Kurds from ...", "partly because the US accepts that ...",
    "though the majority of Canadians welcome this other". Such a clause tells what a party
    does as a rule or a state it is in, which the sentence's own news leans on.

    Not a main clause: news writes its leads, headlines and captions in the present ("Obama
    lifts US embargo on arms sales to Vietnam.", "Trump attends a meeting of ..."). Not a
    headline or caption with no full stop; not a reported clause ("Harris said the US
    condemns the launch", "'China supports this agreement,' he said"), where the present is
    the speaker's act of saying; not a first-person verb ("we welcome"), which is that act
    too; and not a clause of "as" ("as Turkish forces besiege Afrin"), which tells what is
    under way as the report is made.
    """
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    children = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass") for c in children):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in children):
        return False
    if not _subordinate(verb) or not _running_text(verb.sent):
        return False
    return not _reported(verb)


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
        words = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
        if any(w.tag_ == "VB" or w.lower_ in _TO_BE_DONE for w in words):
            return False  # to be done: "would meet", "should be entitled", "that the ban be lifted"
    return any(_states_a_fact(c) for c in clauses)


def _states_a_fact(clause: Token) -> bool:
    """True for a finite clause with a subject, in the present or past: "the regime has a record"."""
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return False
    words = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
    return any(w.tag_ in ("VBD", "VBZ", "VBP") for w in words)
