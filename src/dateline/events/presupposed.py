"""Acts a sentence takes as known or asks about, rather than reports.

English asserts an act in a main clause, and in a clause that adds to what the sentence says
of someone ("the troops, who shelled the town on Monday, ..."). It does not assert it:

- in a restrictive relative clause that picks out whom the sentence is about by what they did,
  when the article has told of that act before ("the attorney general who sued the foundation
  is Barbara Underwood", "the fighters that we captured"): the act is given, told again to say
  who is meant, and the sentence's news is elsewhere;
- in a direct question ("Will Turkey attack Afrin?");
- in an act noun that is the subject of how the act is judged ("the siege had long been
  porous", "any attack would be reckless");
- in the noun "threat" when it names a danger ("the threat posed by China", "face the threat
  of", "represented a threat to the city") rather than a threat someone made.

These are properties of the clause or noun phrase around a trigger, like those of `modality`.
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.tokens import Token

from dateline.events.lexicon import (
    DANGER_NOUNS,
    LIGHT_VERBS,
    STAGE_ADJECTIVES,
    UTTER_VERBS,
)
from dateline.events.modality import names_party
from dateline.events.triggers import episode_of, lemma_of

# Punctuation that sets a relative clause off from its noun: a non-restrictive clause adds news.
_SETTING_OFF = frozenset({",", "–", "—", "-", "(", ";", ":"})


def identifying_clause(verb: Token) -> bool:
    """True for a trigger in a restrictive relative clause on a party: "the NY Attorney General
    who sued the Trump Foundation", "800 Isis fighters that we captured", "those defenders that
    Turkey has pledged to destroy".

    A relative clause with no comma before it restricts its noun: it tells which party is
    meant by something already known of it, and that is presupposed, not reported. Not a
    clause set off by a comma or dash ("Hezbollah, which shelled the town"), which adds news;
    not a cleft ("it was Khalilzad and Baradar who signed the agreement"), which asserts its
    clause; not a clause of place or time ("the valley where troops clashed"); not an
    infinitive ("the first secretary to visit China"); and not one on an act or a thing
    ("accusations that blamed Indian soldiers", "an embargo that prevents ...").
    """
    node = verb
    for _ in range(3):  # "that Turkey has pledged to destroy", "that we captured and put on trial"
        shares = node.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        if not (node.dep_ == "xcomp" or shares) or node.head.i == node.i:
            break
        node = node.head
    if node.dep_ != "relcl":
        return False
    noun = node.head
    if noun.i > node.i or not names_party(noun):
        return False
    children = list(node.children)
    if any(c.dep_ == "advmod" and c.lower_ in ("when", "where", "why") for c in children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    left = node.left_edge
    if left.i == 0 or left.i <= noun.i:
        return False
    before = node.doc[left.i - 1]
    if before.text in _SETTING_OFF or before.is_punct:
        return False
    return not _cleft(noun)


def told_before(verb: Token) -> bool:
    """True when the text before the trigger's sentence names the same act (a word of the same
    lemma: "sued" after "the lawsuit ... sue", "captured" after "the capture of"): the act is
    given. A sentence read alone, with nothing before it, repeats nothing."""
    lemma = lemma_of(verb)
    doc = verb.doc
    start = verb.sent.start
    if not start:
        return False
    # each distinct lemma before the sentence once, from the Doc's array (no Token per word)
    strings = doc.vocab.strings
    return any(strings[value].casefold() == lemma for value in set(doc.to_array(LEMMA)[:start].tolist()))


def _cleft(noun: Token) -> bool:
    """True for the focus of a cleft: "it was X who signed", "It is the army that shelled"."""
    head = noun
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "attr" or head.head.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.head.children)


def interrogative(verb: Token) -> bool:
    """True for a trigger in a direct question ("Will Turkey attack Afrin?", "Who shelled the
    convoy?"): its clause, or the main clause it is part of, ends in a question mark."""
    node = verb
    for _ in range(6):
        if any(c.dep_ == "punct" and c.text == "?" and c.i > verb.i for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or node.head.i == node.i:
            return False
        if node.dep_ == "ccomp" and node.i < node.head.i:
            return False  # "'Who attacked?', he asked" is a quoted question, settled below
        node = node.head
    return False


def danger(noun: Token) -> bool:
    """True for "threat" naming a danger, not a threat made: "the threat posed by China",
    "Assad no longer faces the threat of ...", "the militants represented a threat to Aleppo".

    A threat is an act when its maker owns it ("Trump's threat"), makes it ("threats by
    Ankara"), utters it ("issued a threat", `UTTER_VERBS` and the light verbs) or spells it
    out ("a threat to impose tariffs", "the threat that it would strike").
    """
    if noun.lemma_.casefold() not in DANGER_NOUNS:
        return False
    for child in noun.children:
        if child.dep_ == "poss":
            return False
        if child.dep_ == "prep" and child.lower_ == "by":
            return False
        if child.dep_ in ("acl", "relcl", "ccomp") and any(
            a.dep_ in ("aux", "mark") and a.lower_ in ("to", "that") for a in child.children
        ):
            return False
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    uttering = lemma_of(governor) in UTTER_VERBS | LIGHT_VERBS
    return not (noun.dep_ in ("dobj", "pobj") and governor.pos_ in ("VERB", "AUX") and uttering)


def assessed(noun: Token) -> bool:
    """True for an act noun that is the subject of a judgement of the act: an adjective after
    "be" ("the siege of eastern Ghouta had long been porous", "any attack against Syria would be
    reckless", "Moscow's accusation is ludicrous", "US withdrawal is likely to be messy"). The
    sentence's news is the judgement; the act is known or only supposed. An adjective that tells
    how far the act has got ("the withdrawal is complete", "talks are underway") or governs a
    verb of its own ("talks are due to resume") reports it, and "there have been attacks"
    asserts them."""
    noun = episode_of(noun)
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    if verb.lemma_ != "be" or any(c.dep_ == "expl" for c in verb.children):
        return False
    if sum(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) != 1:
        # two subjects: a misread clause ("there have been attacks by a group the regime is
        # responsible for fuelling")
        return False
    adjectives = [c for c in verb.children if c.dep_ == "acomp"]
    # (not "likely to be messy": the verb it governs is the judgement's own "be")
    governs = [c for a in adjectives for c in a.children if c.dep_ == "xcomp" and c.lemma_ != "be"]
    return bool(adjectives) and not governs and not any(a.lower_ in STAGE_ADJECTIVES for a in adjectives)
