"""Acts of groups that no name identifies: crowds that protest, workers who strike, the two sides.

"Thousands took to the streets in Brussels": the crowd is the source, though no actor
names it; news codes such a crowd as civilians of the country where it protests. "Teachers
in Ghana have been striking since Monday": a strike without an object, by people who
work, is a walkout (CAMEO 143), not an attack. "The two parties have agreed", "the three
leaders met": the parties named together before are the ones acting, one with the other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Token

from dateline.actors import ArticleActors
from dateline.events.lexicon import GATHER_VERBS, PARTY_MARKERS, PARTY_NOUNS, TOPIC_NOUNS, Code
from dateline.events.sources import WHERE_PREPS, coordinated_pair, person_like
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


# How far back (characters) parties named together are still the ones "the two sides" takes up.
_PAIR_REACH = 1000
# Modifiers that make "the leaders" one side's ("the Chinese leaders", "Taliban negotiators").
_ONE_SIDE_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC"})
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _counted(noun: Token) -> bool:
    """True for a group noun counted or set at odds: "the two sides", "both parties",
    "all three leaders", "the warring factions"."""
    return any(
        c.lower_ in PARTY_MARKERS for c in noun.children if c.dep_ in ("nummod", "det", "predet", "amod")
    )


def _count(noun: Token) -> int:
    """How many parties a group noun counts: "the three leaders" 3, "both sides" 2 (at least)."""
    for child in noun.children:
        if child.dep_ == "nummod" and child.lower_ in _NUMBERS:
            return _NUMBERS[child.lower_]
    return 2


# Prepositions whose object names the parties of a meeting or a deal ("talks between Russia
# and Ukraine", "cooperation among Japan, the US and South Korea", "met with X and Y").
_PARTY_PREPS = frozenset({"between", "among", "with"})


def _acting_list(token: Token) -> bool:
    """True for a list of actors named as the ones acting or met: the subject or object of a
    clause, or "between X and Y"; not a list named inside another phrase ("the interests of
    the Sudanese nation and its people", "with North Korea and China in mind")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _PARTY_PREPS and not kept_in_mind(token)


def kept_in_mind(token: Token) -> bool:
    """True for an actor in "with X in mind": what the act has in view, not whom it is done to."""
    while token.dep_ in ("conj", "compound") and token.head.i != token.i:
        token = token.head  # "with North Korea and China in mind"
    if token.dep_ != "pobj" or token.head.lower_ != "with":
        return False
    after = token.head.right_edge.i + 1
    doc = token.doc
    return after + 1 < len(doc) and doc[after].lower_ == "in" and doc[after + 1].lower_ == "mind"


def _definite_plural(noun: Token, actors: ArticleActors) -> bool:
    """True for "the parties", "the leaders": a plural group with "the" and nothing that
    makes it one side's (a possessive, a country or a name before it, "of" one actor)."""
    if noun.tag_ not in ("NNS", "NNPS") or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    ):
        return False
    for child in noun.children:
        if child.dep_ == "poss" or (child.i < noun.i and child.ent_type_ in _ONE_SIDE_ENTITIES):
            return False
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            return False  # "the leaders of Hamas"; a counted "of" group is read before
    return True


def _group_noun(token: Token) -> Token:
    """The noun that counts the parties: the phrase's own, or its "of" / "from" group's
    ("the foreign ministers of both nations", "delegates from both sides", "the leaders of
    Sudan's warring factions")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for pobj in prep.children:
                kind = PARTY_NOUNS.get(pobj.lemma_.casefold())
                if pobj.dep_ == "pobj" and kind in ("state", "party") and _counted(pobj):
                    return pobj
    return token


def _named(token: Token, actors: ArticleActors) -> Actor | None:
    """The actor a listed word names, or the name set beside it ("its rival, the RSF")."""
    actor = actors.by_token.get(token.i)
    if actor is None:
        appos = next((c for c in token.children if c.dep_ == "appos"), None)
        actor = actors.by_token.get(appos.i) if appos is not None else None
    return actor


def _two_sides(one: Actor, other: Actor) -> bool:
    """True for actors named together that can be two sides: any two but two people of one
    country ("Biden and Blinken" are one side; "the government and the rebel authorities",
    "the Maduro government and the Unitary Platform" of one country are two)."""
    if one.id == other.id:
        return False
    return one.country != other.country or not (person_like(one) and person_like(other))


def pair_of(
    token: Token | None, actors: ArticleActors, joint: bool = False, besides: Sequence[Actor] = ()
) -> tuple[Actor, Actor] | None:
    """The first two parties a group phrase stands for: "the two leaders", "both sides",
    "the three leaders", "the warring parties"; with `joint` (the phrase is the subject of a
    joint act: "the parties agreed"), "the parties" and "the leaders" too.

    The parties are those the article last named together (in one list) before the phrase,
    a few sentences back at most; a counted phrase ("the two countries") failing that takes
    the last two actors of two countries named before it. "Israeli and Palestinian
    negotiators" is a pair too, named by the phrase itself. A place ("met in Ohrid") or an
    international body mediating ("both sides ... the AU") is no party, nor is one of
    `besides` or of their countries ("Saudi Arabia and the US urged both sides": not the
    urging pair, nor "Riyadh and Washington" named before).
    """
    if token is None:
        return None
    coordinated = coordinated_pair(token, actors)
    if coordinated is not None:
        return coordinated
    limit = token.left_edge.idx  # only actors named before the phrase itself
    noun = _group_noun(token)
    kind = PARTY_NOUNS.get(noun.lemma_.casefold())
    if kind is None:
        return None
    counted = _counted(noun)
    if not counted and not (joint and noun is token and _definite_plural(noun, actors)):
        return None
    doc = token.doc
    outside = {a.id for a in besides} | {a.country for a in besides if a.country}

    def fitting(actor: Actor, root: Token | None) -> bool:
        where = root is not None and root.dep_ == "pobj" and root.head.lower_ in WHERE_PREPS
        party = bool(actor.country or actor.sector) and actor.sector not in ("IGO", "NGO") and not where
        matter = root is not None and (root.lemma_.casefold() in TOPIC_NOUNS or root.lower_ in TOPIC_NOUNS)
        if actor.id in outside or actor.country in outside or matter:
            return False  # "the Japan-U.S. and South Korea-U.S. alliances": matters, not parties
        if kind == "state":
            party = party and actor.sector is None  # "the two countries" are two states
        return person_like(actor) if kind == "person" else party

    # "Iran and Saudi Arabia ... China ... the two countries": a pair named together a few
    # sentences before is the pair the phrase takes up, whoever was named after it
    for mention in reversed(actors.mentions):
        if mention.end > limit or mention.start < limit - _PAIR_REACH:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not fitting(mention.actor, span.root) or not _acting_list(span.root):
            continue
        others = [
            (conj, other)
            for conj in span.root.conjuncts
            if (other := _named(conj, actors)) is not None
            and _two_sides(mention.actor, other)
            and fitting(other, conj)
        ]
        if len(others) + 1 < _count(noun):
            continue  # "the three leaders" are not two named together
        if others:
            conj, other = others[0]
            return (mention.actor, other) if span.root.i < conj.i else (other, mention.actor)
    if not counted or _count(noun) > 2:
        return None  # "the parties", "the three leaders" take up only parties named together
    seen: list[Actor] = []
    for mention in reversed(actors.mentions):
        if mention.end > limit:
            continue
        actor = mention.actor
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        fits = fitting(actor, span.root if span is not None else None)
        new = all(actor.id != a.id for a in seen)
        # two actors of one country are not "both sides"
        if fits and new and (not seen or actor.country != seen[0].country or actor.country is None):
            seen.append(actor)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None
