"""On whom: the target actor of a trigger.

The target is an actor among the verb's arguments (its object, the object of "with/to/
against ..."), never the source itself, the act's setting or venue, a medium ("warned on
Twitter"), a topic talked over or what the act has in mind; failing that, the nearest actor
under the verb, outside the subject and reported-speech frames.

Roles are decided from the parse and the article's actors. They read the code only where
English does: co-subjects ("Moon and Kim") act on each other only in joint acts.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors import ArticleActors
from dateline.events.groups import kept_in_mind, pair_of
from dateline.events.lexicon import (
    CONTROL_VERBS,
    MEDIA_WORDS,
    MEDIATION_NOUNS,
    MEDIATION_VERBS,
    PARTY_NOUNS,
    SPEECH_VERBS,
    TOPIC_NOUNS,
    TOPIC_OBJECT_VERBS,
    Code,
)
from dateline.events.sources import PRONOUNS, WHERE_PREPS, actor_of
from dateline.events.triggers import complement, lemma_of, noun_group
from dateline.model import Actor

# Last, "in": news codes the place of an attack or protest as its target ("rioted in Serbia").
_TARGET_PREPS = (
    "with",
    "to",
    "against",
    "on",
    "upon",
    "at",
    "from",
    "into",
    "toward",
    "towards",
    "for",
    "in",
)
_OBJECT_PREPS = frozenset({"of", "to", "against", "with", "from", "for", "on", "between", "by", "in"})
# Prepositions that give where or when something happened rather than to whom.
SETTING_PREPS = frozenset({"in", "at", "on", "during", "inside"})
# Types of cooperative act (talks, agreements, praise, joint work): the place where one is
# made is its setting, never whom it is done with ("hailed the talks in Istanbul", "agree to
# end fighting after talks in South Africa"). Force, protest and aid land on places
# ("shelled positions in Jericho", "rioted in Serbia"), and a denounced or requested thing's
# place names the state it concerns ("denounced detentions in Venezuela"), so they keep them.
ADDRESSED_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
# Trigger-noun groups of meetings and deals, whose place is a venue ("talks in Istanbul").
_GATHERING_GROUPS = frozenset({"talks", "deal"})
# Kinds of support two co-subjects give a third, not each other: praise, verbal defence,
# rallying support, apology, forgiveness (CAMEO 051-053, 055, 056), and comments (CAMEO 01)
# other than accord (019: "the two leaders agreed that ..." agree with each other).
_ONE_SIDED_CODES = frozenset({"051", "052", "053", "055", "056", "010", "011", "012", "013", "015", "017"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that aim a hostile act at its target ("fire against", "rockets at").
_AIM_PREPS = frozenset({"against", "at", "on", "upon", "toward", "towards"})

# Prepositions that name the other party of a thing done jointly ("a deal with the Taliban").
_PARTNER_PREPS = frozenset({"with", "between", "to"})

# Types that "X and Y did" codes as X with Y: meetings, agreements, joint work.
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})
# Visits: the place one goes to is the host, so a place there is a target, not a setting.
_VISIT_CODES = frozenset({"042", "043"})
# Prepositions that name the channel of a statement ("warned on Twitter", "said in an interview").
_MEDIUM_PREPS = frozenset({"on", "via", "through", "in", "during", "over"})

# Subordinators of a clause that reports a different happening ("resigned as the
# opposition threatened ..."); an actor inside it is not the trigger's target.
_OTHER_CLAUSE_MARKS = frozenset({"as", "while", "after", "before", "when", "since", "because", "until"})


def target_candidates(verb: Token, actors: ArticleActors, passive: bool) -> list[Token]:
    """Candidate target tokens of a verb, best first."""
    out: list[Token] = []
    if passive:
        out.extend(c for c in verb.children if c.dep_ == "nsubjpass")
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children):
            out.append(verb.head)  # "the man arrested by police": the noun is the target
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            # "the withdrawal of Serbian forces", "Turkey's efforts" ("rebels demands": a
            # possessive whose apostrophe the paste lost)
            owners = [
                c
                for c in child.children
                if c.dep_ == "poss" or (c.dep_ == "compound" and c.tag_ == "NNS" and c.i == child.i - 1)
            ]
            # "back Sweden's NATO bid": a thing's owner is whom an act on it concerns; a
            # name modifying the thing ("NATO") says what it is about
            proper_owner = [c for c in owners if c.dep_ == "poss" and c.pos_ == "PROPN"]
            thing = actors.actor_at(child) if child.pos_ == "NOUN" and proper_owner else None
            owner = actors.actor_at(proper_owner[0]) if thing is not None else None
            if thing is not None and owner is not None and owner.country != thing.country:
                out.extend([*proper_owner, child, *(c for c in owners if c not in proper_owner)])
            else:
                out.extend([child, *owners])
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in _OBJECT_PREPS:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            # "support for Seoul's efforts": the possessor is the target
                            out.extend([pobj, *(c for c in pobj.children if c.dep_ == "poss")])
    for name in _TARGET_PREPS:
        for prep in verb.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ == name:
                out.extend(c for c in prep.children if c.dep_ == "pobj")
    comp = complement(verb)
    if comp is not None:
        subject = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and lemma_of(verb) in CONTROL_VERBS:
            out.append(subject)  # "demanded that the US cancel ..."
        out.extend(target_candidates(comp, actors, False))
    if not passive and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        # "donated and delivered goods to the school": a first verb without an object shares
        # the object (and its recipient) of the verb it is joined to
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and any(c.dep_ == "dobj" for c in conj.children):
                out.extend(target_candidates(conj, actors, False))
    return out


def target_actors_among(
    targets: list[Token],
    subject: Token | None,
    source: Actor,
    actors: ArticleActors,
    code: Code | None = None,
) -> list[Actor]:
    """The first candidate that is an actor, with its conjuncts; else a reciprocal co-subject.

    Conjuncts of the target are targets too ("defended Iraq and Libya"), other candidates
    are not ("King Abdullah", not "Jordan"). "Moon and Kim agreed" is reciprocal: the first
    conjunct acts on the second.
    """
    out: list[Actor] = []
    # "Ruto and Abiy arrived in Nairobi": co-subjects act on each other only in joint acts
    # (meeting, agreeing, working together), not when they travel or attack side by side
    co_tokens = _co_subjects(subject) if joint_act(code) else []
    co_subjects = [a for a in (actor_of(c, actors) for c in co_tokens) if a]
    for tok in targets:
        if _medium(tok):
            continue
        group = None
        if tok.lemma_.casefold() in PARTY_NOUNS:
            # "urged both sides to engage in talks": the act is done to each party named
            # before, other than those doing it
            doers = [source, *(a for a in (actor_of(c, actors) for c in _co_subjects(subject)) if a)]
            group = pair_of(tok, actors, besides=doers)
        if group is not None:
            out.extend(group)
            break
        actor = actor_of(tok, actors)
        if actor is None and tok.pos_ == "NOUN" and not _owned(tok, source, actors):
            # "a camp for Congolese refugees", "a village in western Cambodia": the people or
            # place the thing belongs to
            actor = next(
                (
                    found
                    for prep in tok.children
                    if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "in")
                    for pobj in prep.children
                    if pobj.dep_ == "pobj"
                    and (found := actor_of(pobj, actors)) is not None
                    and not not_target(pobj, found, code)
                ),
                None,
            )
        if actor is None or actor.id == source.id or not_target(tok, actor, code):
            continue
        if co_subjects and tok.dep_ == "pobj" and tok.head.lower_ in SETTING_PREPS:
            # "Biden and Putin met in Geneva": the place is the setting, the co-subject the target
            continue
        if co_subjects and subject is not None and not _argument_of(tok, subject.head):
            # "the US and the Taliban agree a timetable for withdrawal of American troops": in a
            # joint act the co-subjects are each other's partner; an actor inside what they
            # agree on or set out to do is its topic
            continue
        out.append(actor)
        for conj in tok.conjuncts:
            other = actor_of(conj, actors)
            if other is not None and other.id not in {a.id for a in out} | {source.id}:
                out.append(other)
        break
    if not out and subject is not None:
        for conj in co_tokens:
            actor = actor_of(conj, actors)
            if actor is not None and actor.id != source.id:
                out.append(actor)
                break
    return out


def _argument_of(token: Token, verb: Token) -> bool:
    """True for an actor named straight to `verb`: its object ("met Trump"), the object of
    one of its prepositions ("met with Trump") or the partner of its object ("signed a deal
    with the Taliban")."""
    if token.head.i == verb.i:
        return token.dep_ in ("dobj", "dative", "iobj")
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.head.i == verb.i:
        return True
    thing = prep.head
    return prep.lower_ in _PARTNER_PREPS and thing.dep_ == "dobj" and thing.head.i == verb.i


def _owned(noun: Token, source: Actor, actors: ArticleActors) -> bool:
    """True for a thing whose owner is an actor other than the source: "Turkey's support for
    Sweden", "Sweden's bid for NATO membership". An act on someone's deed or wish (welcoming,
    backing, condemning it) is addressed to its owner; whom or what the thing is for is its
    topic. The owner follows the thing among the candidates (`target_candidates`)."""
    owners = (actor_of(c, actors, allow_pronoun=False) for c in noun.children if c.dep_ == "poss")
    return any(owner is not None and owner.id != source.id for owner in owners)


def setting_place(token: Token, actor: Actor, code: Code | None) -> bool:
    """True for a place named as where a cooperative act happens: its setting, not its target.

    The place must say where the act itself, or a meeting or deal, happens: "agreed in
    Brussels", "hailed the talks in Istanbul", "met at Villa La Grange". A place that
    locates something else ("a ceasefire in eastern Ukraine") may name the party it
    concerns, and stays a candidate. A place is an actor with no sector named by a place
    entity (a country, a city, a building, or a noun they modify: "the Red Sea city of
    Jeddah") or by a name with no country. A visit's host is the country or city one goes
    to ("arrived in Tokyo"), never a building there. A capital that stands for its
    government ("Beijing said") is a place when the sentence names it as one ("praised
    the deal in Beijing").
    """
    capital = actor.sector == "GOV" and token.ent_type_ == "GPE"
    if code is None or code[0] not in ADDRESSED_TYPES or (actor.sector is not None and not capital):
        return False
    while token.dep_ in ("compound", "poss") and token.head.i != token.i:
        token = token.head  # "Villa" of "Villa La Grange", "at Istanbul's Dolmabahce Palace"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "pobj":
        token = token.head.head  # "in the city of Jeddah": the place is the city's
    if token.dep_ != "pobj" or token.head.lower_ not in WHERE_PREPS:
        return False
    host = token.head.head
    if not (host.pos_ in ("VERB", "AUX") or noun_group(host) in _GATHERING_GROUPS):
        return False
    named_place = any(t.ent_type_ in _PLACE_ENTITIES for t in token.subtree if t.i <= token.i)
    if not (named_place or actor.country is None):
        return False
    return actor.country is None if code[1][:3] in _VISIT_CODES else True


def between_parties(verb: Token, actors: ArticleActors) -> list[tuple[Token, Actor]]:
    """The parties of a passive act noun ("talks between Russia and Ukraine were held"), in order."""
    out: list[tuple[Token, Actor]] = []
    for noun in (c for c in verb.children if c.dep_ == "nsubjpass"):
        for prep in (p for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for tok in (pobj, *pobj.conjuncts):
                    actor = actor_of(tok, actors, allow_pronoun=False)
                    if actor is not None and all(actor.id != a.id for _, a in out):
                        out.append((tok, actor))
    return out if len(out) >= 2 else []


def not_target(token: Token, actor: Actor, code: Code | None) -> bool:
    """True for an actor that the sentence names as no target of an act of type `code`:
    the act's setting (`setting_place`), what it has in mind (`kept_in_mind`), or the
    channel it is reported through (`in_medium`)."""
    return (
        setting_place(token, actor, code)
        or kept_in_mind(token)
        or in_medium(token)
        or discussed(token)
        or topic(token)
        or (code is not None and code[0] in ADDRESSED_TYPES and mediator(token))
    )


def topic(token: Token) -> bool:
    """True for a word of a phrase that names a matter, not an actor: "strengthen our
    security and defense interests", "supported the normalisation of Pristina-Belgrade
    relations". A target is an actor (issue 14: "agreed on defense" is no act on defense);
    a country word that only says whose matter it is ("Pristina-Belgrade", "Japan-U.S.")
    does not make the matter an actor. A possessor stays ("Ukraine's security": Ukraine)."""
    while token.dep_ in ("compound", "amod", "nmod", "npadvmod", "conj") and token.head.i != token.i:
        token = token.head
    return token.lemma_.casefold() in TOPIC_NOUNS or token.lower_ in TOPIC_NOUNS


def mediator(token: Token) -> bool:
    """True for a third party that hosts, brokers or mediates the parties' meeting or deal:
    "talks mediated by the African Union", "EU-backed talks", "under the mediation of the
    European Union", "with the help of Norway". It is neither partner nor target of what the
    parties do with each other (issue 14), whichever actor the parse puts nearest."""
    while token.dep_ in ("conj", "compound", "appos") and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "agent":
        return lemma_of(head.head) in MEDIATION_VERBS  # "mediated by the AU"
    if token.dep_ in ("npadvmod", "nmod", "amod") and head.tag_ == "VBN":
        return lemma_of(head) in MEDIATION_VERBS  # "EU-backed talks", "Qatar-brokered deal"
    if token.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.casefold() in MEDIATION_NOUNS  # "under the auspices of the UN"
    if token.dep_ in ("compound", "poss"):
        return head.lemma_.casefold() in MEDIATION_NOUNS  # "under EU mediation", "Norway's help"
    return False


# Prepositions that give what talk is about ("talks on Ukraine", "talked about China").
_TOPIC_PREPS = frozenset({"about", "on", "over", "regarding", "concerning"})


def discussed(token: Token) -> bool:
    """True for what is talked over: "discussed Libya with Trump", "talks on Ukraine with
    Russia". The topic of a discussion is not whom one discusses it with (issue 14: "discussed
    the outbreak" is no act on the outbreak); the partner comes with "with" or as the subject."""
    while token.dep_ in ("conj", "compound", "appos") and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ == "dobj":
        return lemma_of(head) in TOPIC_OBJECT_VERBS
    if token.dep_ == "pobj" and head.lower_ in _TOPIC_PREPS and head.head.i != head.i:
        talk = head.head
        return lemma_of(talk) in TOPIC_OBJECT_VERBS or noun_group(talk) == "talks"
    return False


def in_medium(token: Token) -> bool:
    """True for a word inside the channel of a statement: "warned on Twitter", "in the
    footage aired by Iranian media, Wang could be heard ...": the medium and whoever airs it
    carry the act, they are not acted on. The walk stops at a clause of its own ("in an
    interview in which he criticised China": China is that clause's)."""
    node = token
    for _ in range(8):
        if _medium(node):
            return True
        if node.dep_ in ("relcl", "ccomp", "advcl", "ROOT") or node.head.i == node.i:
            return False
        node = node.head
    return False


def joint_act(code: Code | None) -> bool:
    """True for an act that co-subjects do together, each to the other: meeting, agreeing,
    working together (not a visit, whose host is the place, nor praise or a comment, which
    two speakers address to a third: "Riyadh and Washington welcomed the talks")."""
    if code is None:
        return True
    return code[0] in RECIPROCAL and code[1] not in _VISIT_CODES and code[1][:3] not in _ONE_SIDED_CODES


def partners(subject: Token | None, actors: ArticleActors) -> set[str]:
    """The ids of the actors named beside the subject ("Moon and Kim"): each one's partner."""
    return {a.id for a in (actor_of(c, actors) for c in _co_subjects(subject)) if a is not None}


def home_visit(target: Actor, source: Actor, code: Code, doc_of: Token, actors: ArticleActors) -> bool:
    """True for a visit's host that is the visitor's own country: "Ruto arrived in Nairobi".

    No one visits their own country (CAMEO 042/043 are visits across borders); the place
    is where they are, not whom they meet. A place is a country (no sector) or a name
    the parser tags as a place (a capital standing for its government).
    """
    if code[1] not in _VISIT_CODES or source.country is None or target.country != source.country:
        return False
    if target.sector is None:
        return True
    doc = doc_of.doc
    return any(doc[i].ent_type_ == "GPE" for i, actor in actors.by_token.items() if actor.id == target.id)


def _medium(token: Token) -> bool:
    """True for the channel of a statement: "warned on Twitter", "said in an interview"."""
    return (
        token.dep_ == "pobj" and token.head.lower_ in _MEDIUM_PREPS and token.lemma_.casefold() in MEDIA_WORDS
    )


def _co_subjects(subject: Token | None) -> list[Token]:
    """The other subjects of a verb: conjuncts ("Moon and Kim"), or a headline's comma list.

    Headlines join subjects with a comma ("Biden, Putin meet in Geneva"), which the parser
    reads as a second subject or a loose dependent before the verb.
    """
    if subject is None:
        return []
    # the later conjuncts: a subject read out of a fronted phrase has earlier ones that are not
    out = [c for c in subject.conjuncts if c.i > subject.i and not run_on(c)]
    head = subject.head
    if subject.dep_ in ("nsubj", "nsubjpass") and head.i != subject.i:
        out.extend(
            c
            for c in head.children
            if c.i != subject.i
            and c.dep_ in ("nsubj", "dep")
            and c.i < head.i
            and c.pos_ in ("PROPN", "NOUN")
        )
    return out


def against_act(token: Token) -> bool:
    """True for the object of an "against" said of the act itself: "filed a complaint against
    Japan", "with the WTO against Japan" (where the parser may hang it on the forum), not
    "crimes against civilians" (the thing's own "against")."""
    if token.dep_ != "pobj" or token.head.lower_ != "against":
        return False
    host = token.head.head
    return host.pos_ in ("VERB", "AUX") or (host.dep_ == "pobj" and host.head.lower_ in ("with", "to"))


def run_on(conj: Token) -> bool:
    """True for a conjunct that nothing joins to the one before: no "and", "or" nor comma
    between them. Parties are listed with a conjunction or a comma; a long title run straight
    into a name ("Special Representative for Afghanistan Reconciliation Zalmay Khalilzad"),
    which the parser may split into two conjuncts, is one person."""
    if conj.dep_ != "conj" or conj.head.i >= conj.i:
        return False
    doc = conj.doc
    between = doc[conj.head.i + 1 : conj.left_edge.i]
    return not any(t.dep_ in ("cc", "punct", "preconj") for t in between)


def excluded_tokens(verb: Token, subject: Token | None) -> set[int]:
    """Tokens under `verb` that cannot hold its target: the subject, reported-speech frames, sources."""
    out: set[int] = set()
    if subject is not None:
        out.update(t.i for t in subject.subtree)
    # "established ties with and opened an embassy in Tehran": a preposition left without its
    # object shares the joined clause's, so that clause stays open to the search
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    dangling = any(
        c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for h in heads
        for c in h.children
    )
    for child in verb.children:
        frame = child.dep_ in ("parataxis", "ccomp", "advcl") and child.lemma_.casefold() in SPEECH_VERBS
        # "... resigned as the opposition threatened to storm his residence"
        other = (
            child.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _OTHER_CLAUSE_MARKS for c in child.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        )
        # "the Cabinet met Sunday and decided to bar Hamas": a joined clause is another act
        joined = child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and not dangling
        frame = frame or other or joined
        according = child.dep_ == "prep" and child.lower_ in ("according", "per")
        if frame or according or child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            out.update(t.i for t in child.subtree)
    # "a hearing into techniques used against detainees": whom a thing was used against
    # is the object of that other act, not of this verb; its doer ("crimes committed by
    # Croat forces", "a bill signed by the minister") may well be, so the agent stays
    for tok in verb.subtree:
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i != verb.i and tok.head.dep_ == "pobj":
            doer = {t.i for c in tok.children if c.dep_ == "agent" for t in c.subtree}
            out.update(t.i for t in tok.subtree if t.i not in doer)
    return out


# Prepositions of a time or circumstance: "after an analysis of the situation, he accepted".
_WHEN_PREPS = frozenset({"after", "before", "since", "during", "amid", "following", "until"})


def other_happenings(verb: Token) -> set[int]:
    """Tokens under `verb` that tell of another happening, whose actors are not its target:
    a noun's clause with a subject of its own ("dismissed reports that Abramovich had been
    poisoned": what the reports say) and a phrase of time or circumstance ("after an analysis
    of the military situation, he accepted"). The search for an actor anywhere under the verb
    (`subtree_actor`) stays out of them."""
    out: set[int] = set()
    for tok in verb.subtree:
        if tok.i == verb.i:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        when = tok.dep_ == "prep" and tok.lower_ in _WHEN_PREPS and tok.head.i == verb.i
        # "insisted on their demands that the government lift the blockade": what a demand
        # asks of someone names whom it is made of (as after "demanded that ...")
        reported = tok.dep_ == "acl" and own_subject and lemma_of(tok.head) not in CONTROL_VERBS
        if reported or when:
            out.update(t.i for t in tok.subtree)
    return out


def own_forces(actor: Actor, source: Actor) -> bool:
    """True when `actor` is the armed forces of the source's own country."""
    return actor.country is not None and actor.country == source.country and actor.sector in ("MIL", "COP")


def subtree_actor(
    verb: Token,
    actors: ArticleActors,
    excluded: set[int],
    source: Actor,
    aimed: bool = False,
    code: Code | None = None,
) -> Actor | None:
    """The nearest actor under `verb`, after it first, that is not the source nor
    named as no target of an act of type `code` (`not_target`).

    With `aimed` (a hostile act), an actor in a phrase that says where the act is aimed
    ("fired artillery against guerrilla camps", "rockets at Sderot") comes first: the
    object of such a verb is often the weapon, not the target.
    """
    after: list[Token] = []
    before: list[Token] = []
    elsewhere = other_happenings(verb)
    for tok in verb.subtree:
        if tok.i in excluded or tok.i == verb.i or tok.i in elsewhere:
            continue
        (after if tok.i > verb.i else before).append(tok)
    if aimed:
        aimed_at = {
            t.i
            for prep in verb.subtree
            if prep.dep_ == "prep" and prep.lower_ in _AIM_PREPS and prep.i not in excluded
            for t in prep.subtree
        }
        for tok in after:
            actor = actors.by_token.get(tok.i) if tok.i in aimed_at else None
            if actor is None or actor.id == source.id or tok.lower_ in PRONOUNS:
                continue
            if not not_target(tok, actor, code):  # "warned on Twitter": a channel, not an aim
                return actor
    for tok in [*after, *reversed(before)]:
        actor = actors.by_token.get(tok.i)
        if actor is None or actor.id == source.id or tok.lower_ in PRONOUNS:
            continue
        if not not_target(tok, actor, code):
            return actor
    return None
