"""Clauses that describe rather than report: the scene a sentence's news is set in.

A participle on a noun ("the countries invited to the summit", "rebels fighting the regime"),
a clause of time ("hours after police fired on protesters"), what a clause made possible
("..., allowing elections to be held") or a party's long-running doing ("the PKK, which has
fought Turkey for 40 years") tells who or what, not what happened on the day.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.lexicon import GROUP_NOUNS, SECTOR_NOUNS

# Nouns whose clause is what someone expects, hopes or fears ("concerns that the Kurds
# will release them", "hopes he will share intelligence"): not a report of it.
from dateline.events.modality import MODALS, infinitive
from dateline.events.triggers import base_trigger, lemma_of


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
    if verb.dep_ != "advcl" or not infinitive(verb):
        return False
    return base_trigger(verb.head) is not None


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
    if any(a.lower_ in MODALS or a.lower_ == "to" for a in auxes):
        return False  # "which will meet", "who would attack": what is to come is no description
    # the present perfect over a stretch of time: what the noun has long been doing ("which
    # has fought Turkey for 40 years", "that have backed Assad since 2011"); without one it may
    # report a recent act ("which has launched an offensive"), and labelled news codes acts
    # told in a relative clause's simple present ("Hamas, which fires rockets at Israel") and
    # progressive ("which is fighting alongside the regime": tried, PLV check record -1)
    return any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes) and durative(verb)
