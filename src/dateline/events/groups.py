"""Acts of groups that no name identifies: crowds that protest, workers who strike.

"Thousands took to the streets in Brussels": the crowd is the source, though no actor
names it; news codes such a crowd as civilians of the country where it protests. "Teachers
in Ghana have been striking since Monday": a strike without an object, by people who
work, is a walkout (CAMEO 143), not an attack.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from dateline.actors import ArticleActors
from dateline.events.lexicon import GATHER_VERBS, Code
from dateline.events.triggers import Trigger, base_trigger, episode_of, lemma_of
from dateline.lexdata import word_set
from dateline.model import Actor

_HERE = "dateline.events"
_NO_ACT = Trigger(("", ""), ())

# Words that alone, as a protest's subject, stand for the people protesting.
CROWD_WORDS: set[str] = word_set(_HERE, "crowd_words")
# Sectors of people who strike by stopping work.
LABOUR_SECTORS: set[str] = word_set(_HERE, "labour_sectors")

# Prepositions that put an act in a place ("protested in Lagos", "marched through Nairobi",
# "took to the streets of Harare").
_PLACE_PREPS = frozenset({"in", "through", "across", "throughout", "outside", "near", "at", "on", "to"})


def crowd_source(verb: Token, subject: Token | None, code: Code, actors: ArticleActors) -> Actor | None:
    """The crowd that protests when the subject is a crowd word ("thousands marched").

    The crowd gets the country of the place where it protests (`crowd`). A crowd of
    members the actor finder knows is that actor (found before this); of members it does
    not know ("thousands of garment workers marched"), a crowd of protesters all the same.
    """
    if code[0] != "PROTEST" or subject is None or subject.lemma_.casefold() not in CROWD_WORDS:
        return None
    return crowd(verb, actors)


def protest_crowd(noun: Token, actors: ArticleActors) -> Actor | None:
    """The crowd behind a protest noun that is the subject of its own clause, with no one named.

    "A riot broke out in Kathmandu", "protests spread to Benghazi": those protesting are
    civilians of the place. A protest named as the object of an act ("banned protests") or
    as a topic, or in a clause that sets the scene of another act, is not given a crowd.
    """
    episode = episode_of(noun)  # "a second day of rioting broke out": the day is the subject
    head = episode.head
    if (
        episode.dep_ == "pobj"
        and head.lower_ in ("in", "during")
        and head.head.dep_ in ("ROOT", "conj", "ccomp")
    ):
        # "seven people were killed during violent protests in Benghazi": the protest is
        # reported with its toll (violence or arrests in it), not only as a setting
        verb = head.head
        toll = verb.pos_ == "VERB" and (base_trigger(verb) or _NO_ACT).code[0] in ("ASSAULT", "COERCE")
        return crowd(verb, actors, noun) if toll else None
    if episode.dep_ != "nsubj" or episode.head.pos_ not in ("VERB", "AUX"):
        return None
    if episode.head.dep_ not in ("ROOT", "conj", "ccomp"):
        return None  # "police detained dozens as protests continued": the setting of another act
    return crowd(episode.head, actors, noun)


def crowd(verb: Token, actors: ArticleActors, noun: Token | None = None, name: str = "protesters") -> Actor:
    """Protesters (CVL) of the country of the place where they act, else of the article's country.

    `name` names the group: people news counts but does not name ("14 were killed in
    Borno") are, like a crowd, civilians of the place (`unnamed.casualties`).
    """
    country = None
    node = verb
    places: list[Token] = [*noun.subtree] if noun is not None else []
    while True:
        # "thousands took to the streets in Brussels to protest": the place of the main act
        places.extend(
            t
            for prep in node.children
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS
            for t in prep.subtree
        )
        if node.dep_ not in ("xcomp", "advcl", "conj") or node.head.i == node.i:
            break
        node = node.head
    for token in places:
        place = actors.actor_at(token)
        if place is not None and place.country:
            country = place.country
            break
    if country is None:
        # the country the article mentions most, as the actor finder gives bare roles
        counts = Counter(m.actor.country for m in actors.mentions if m.actor.country)
        country = counts.most_common(1)[0][0] if counts else None
    return Actor(name=name, country=country, sector="CVL")


def labour_strike(verb: Token, code: Code, source: Actor) -> Code:
    """A strike with no object by people who work is a walkout (PROTEST 143), not an attack.

    A strike they plan ("workers will strike on Monday") is a threat to protest (THREATEN
    133), not a threat of force.
    """
    if source.sector not in LABOUR_SECTORS or code not in (("ASSAULT", "190"), ("THREATEN", "138")):
        return code
    striker = verb if lemma_of(verb) == "strike" else None
    if striker is None:  # "decided to strike", "will go on to strike"
        striker = next((c for c in verb.children if c.dep_ == "xcomp" and lemma_of(c) == "strike"), None)
    if striker is None or any(c.dep_ in ("dobj", "nsubjpass") for c in striker.children):
        return code  # "villagers struck the man with sticks"
    return ("PROTEST", "143") if code[0] == "ASSAULT" else ("THREATEN", "133")


# What the aim of a gathering does when it is a protest: protests, demands, accusations
# and rejections ("gathered to demand", "to denounce", "to reject the results").
_PROTEST_AIMS = frozenset({"PROTEST", "REQUEST", "ACCUSE", "REJECT"})
# "gathered in protest / in solidarity / in defiance of the ban"
_AIM_NOUNS = frozenset({"protest", "solidarity", "defiance"})


def gathering_trigger(verb: Token) -> Trigger | None:
    """A crowd that gathers with an aim against someone demonstrates (CAMEO 141).

    "Around 200 residents gathered outside the governor's office to demand the release of
    activists", "assembled against the new law", "gathered in protest": a gathering alone
    ("families gathered for the festival") is no act.
    """
    if lemma_of(verb) not in GATHER_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "against":
            return Trigger(("PROTEST", "141"), (verb,), None)
        aimed = any(o.dep_ == "pobj" and o.lemma_.casefold() in _AIM_NOUNS for o in child.children)
        if child.dep_ == "prep" and child.lower_ == "in" and aimed:
            return Trigger(("PROTEST", "141"), (verb,), None)
        if child.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in child.children):
            aim = base_trigger(child)
            if aim is not None and aim.code[0] in _PROTEST_AIMS:
                return Trigger(("PROTEST", "141"), (verb,), None)
    return None
