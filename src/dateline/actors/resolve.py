"""Find the actors of one parsed article.

Each noun-phrase head is described from its parse (`dateline.actors.phrases`); then an
in-article registry of full names resolves surnames ("Choi") and role nouns ("his
Japanese counterpart") in a second pass, with the officeholder table
(`dateline.actors.incumbents`), what earlier articles said and the user's overrides.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dateline.actors.country_names import lookup
from dateline.actors.incumbents import held_office, holder_by_word, office_index
from dateline.actors.lexicon import (
    DASHES,
    GROUP_NOUNS,
    GROUP_ROLES,
    GROUPS,
    MANY_COUNTRY_WORDS,
    PERSON_ROLES,
    RELATION_NOUNS,
    ROLE_TITLES,
    THING_ACRONYMS,
)
from dateline.actors.names import NAME_DEPS, group_key, remember_text, text_of
from dateline.actors.overrides import Overrides, override_for
from dateline.actors.phrases import Draft, acronym_doer, apposition, describable, describe, phrase_heads
from dateline.actors.registry import Registry, lookup_name, lookup_part
from dateline.actors.unparsed import unparsed_full_names
from dateline.model import Actor, Article, Mention, name_key, without_accents


@dataclass(frozen=True)
class ArticleActors:
    """The actor mentions of one article, and a map from parse tokens to actors."""

    mentions: tuple[Mention, ...]
    by_token: Mapping[int, Actor] = field(default_factory=dict, repr=False, compare=False)

    def actor_at(self, item: Token | Span) -> Actor | None:
        """The actor that a token (or a span's root) belongs to, or None.

        A token inside a name ("Noh" in "Noh Kyu-duk") climbs to the head of its name.
        """
        token = item.root if isinstance(item, Span) else item
        seen = 0
        while seen < 6:
            actor = self.by_token.get(token.i)
            if actor is not None:
                return actor
            if token.dep_ not in NAME_DEPS and not (token.dep_ == "punct" and token.tag_ == "HYPH"):
                return None
            if token.head.i == token.i:
                return None
            token = token.head
            seen += 1
        return None


def _person_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z']*", without_accents(name)) if w[0].isupper()]


def find_actors(
    doc: Doc,
    article: Article,
    registry: Registry | None = None,
    overrides: Overrides | None = None,
) -> ArticleActors:
    """The actors mentioned in one article (`doc` is the parse of `article.body`).

    What the article itself says (titles, appositions, country words) comes first, then
    the officeholder table, then `registry` (what earlier articles said about a bare name,
    see `dateline.actors.registry`). `overrides` (the user's file, see
    `dateline.actors.overrides`) wins over all of them.
    """
    on = article.date
    # `doc` is the parse of the body, so the body is its text: spare spaCy rebuilding it
    # (a cheap check that the two belong together; failing it, the doc's own text is built)
    body = article.body
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(body):
        remember_text(doc, body)
    text = text_of(doc)
    found: list[Draft] = []
    # (only the heads `describe` does not turn away at once: the same drafts, found sooner)
    for head in phrase_heads(doc, describable(doc)):
        draft = describe(head)
        if draft is not None:
            found.append(draft)
    # A phrase inside a longer actor phrase ("State" in "Secretary of State Stephen Biegun",
    # the apposed "Noh Kyu-duk") is not a mention of its own; a possessive ("South Korea's
    # foreign ministry") is, since it names a second actor.
    # Each head gives at most one draft, so `drafts` only grows: the tokens its phrases
    # cover can be kept as a set rather than scanning every kept draft for every draft.
    drafts: dict[int, Draft] = {}
    covered: set[int] = set()
    for draft in sorted(found, key=lambda d: d.start - d.end):
        if draft.head.i in covered and draft.head.dep_ != "poss":
            continue
        drafts[draft.head.i] = draft
        covered.update(range(draft.start, draft.end))

    # Registry of full person names; all mentions of one person share the merged actor.
    persons: dict[str, Actor] = {}
    for draft in drafts.values():
        if draft.kind != "person" or len(_person_words(draft.name)) < 2:
            continue
        office = held_office(draft.name, on, draft.country)
        name = office[0] if office else draft.name
        # "Vučić" and "Vucic" in one article are one person, named as first written
        known = persons.get(name_key(name))
        learned = None if office else lookup_name(registry, name, on)
        persons[name_key(name)] = Actor(
            name=known.name if known else name,
            # the officeholder table is a fact about the person; a country read off the
            # words around a name ("Putin, a Turkish presidential source") may be a neighbour's
            country=(office[1] if office else None)
            or (known.country if known else None)
            or draft.country
            or (learned.country if learned else None),
            sector=(known.sector if known else None)
            or draft.sector
            or (office[2] if office else None)
            or (learned.sector if learned else None),
            title=(known.title if known else None)
            or draft.title
            or (office[3] if office else None)
            or (learned.title if learned else None),
        )
    # A surname alone ("Assad") whose full name ("Bashar al-Assad") was written only in a
    # sentence the pipeline did not parse (the learned filter skips it): the one full name
    # there that holds the word is the person, read from the words without a parse.
    # Most surnames already stand beside their full name in the parse; the unparsed words are
    # read only when one does not, and only in the unparsed sentences that hold the surname.
    named_words = {word for p in persons.values() for word in _person_words(p.name)}
    bare = [
        (draft, words[0])
        for draft in drafts.values()
        if draft.kind in ("person", "org")
        and len(words := _person_words(draft.name)) == 1
        and words[0] not in named_words
    ]
    written = unparsed_full_names(doc, {word for _, word in bare}) if bare else set()
    for draft, word in bare if written else ():
        holding = {full for full in written if word in _person_words(full)}
        if len(holding) != 1:
            continue  # none, or two people of one surname ("Hafez" and "Bashar al-Assad")
        full = next(iter(holding))
        office = held_office(full, on, draft.country)
        name = office[0] if office else full
        if office is not None and draft.country not in (None, office[1]):
            continue  # the article's word names someone of another country
        persons.setdefault(
            name_key(name),
            Actor(
                name,
                (office[1] if office else None) or draft.country,
                draft.sector or (office[2] if office else None) or None,
                draft.title or (office[3] if office else None) or None,
            ),
        )
    # An officeholder named by surname alone ("Putin") is as much a person of the article
    # as one named in full: "his Russian counterpart" may stand for him.
    for draft in drafts.values():
        words = _person_words(draft.name)
        if draft.kind not in ("person", "org") or len(words) != 1:
            continue
        if any(words[0] in _person_words(p.name) for p in persons.values()):
            continue
        holder = holder_by_word(words[0], on)
        if holder is None or holder[0] is None:
            continue  # no officeholder, or one of several: no person to stand for
        held = holder[1]
        if draft.country in (None, held[1]):
            persons.setdefault(name_key(held[0]), Actor(held[0], held[1], held[2], held[3]))
    by_word: dict[str, set[str]] = {}
    for name, person in persons.items():
        for word in _person_words(person.name):
            by_word.setdefault(word.casefold(), set()).add(name)

    by_token: dict[int, Actor] = {}
    mentions: list[Mention] = []
    for i, draft in sorted(drafts.items()):
        mention_text = text[doc[draft.start].idx : doc[draft.end - 1].idx + len(doc[draft.end - 1].text)]
        actor = override_for(overrides, draft.name, mention_text) or _resolve(
            draft, persons, by_word, registry, on
        )
        if actor is None:
            continue
        by_token[i] = actor
        start, end = _phrase_extent(draft)
        first, last = doc[start], doc[end - 1]
        mentions.append(
            Mention(first.idx, last.idx + len(last.text), text[first.idx : last.idx + len(last.text)], actor)
        )
        appos = apposition(draft.head)
        if appos is not None and appos.i not in drafts and draft.kind == "person":
            by_token[appos.i] = actor
    # An apposition names the same actor as its anchor ("Takehiro Funakoshi, the new director-general").
    for i, draft in drafts.items():
        appos = apposition(draft.head)
        if appos is not None and i in by_token and draft.kind == "person":
            by_token[appos.i] = by_token[i]
    # ... and so does a role phrase set off by a dash right after a name, which the parser
    # seldom reads as one ("Blinken — the first secretary of state to visit China —")
    for i, draft in drafts.items():
        named = _dashed_after(draft)
        if named is None or i not in by_token or draft.kind != "role":
            continue
        # the name is the surname of one person of the article (the parser may not tag it)
        same = by_word.get(doc[named].text.casefold(), set())
        described = persons[next(iter(same))] if len(same) == 1 else None
        if described is None or described.sector is None:
            continue
        mentions = _named_as(draft, described, by_token, mentions)
    # "The diplomat said": a bare singular role noun takes up the person named just before
    named_ids = {p.id for p in persons.values()}
    for i, draft in drafts.items():
        if i not in by_token or not _taken_up(draft):
            continue
        before = [m for m in mentions if m.end <= draft.head.idx and m.actor.id in named_ids]
        if before and _holds(before[-1].actor, draft.head.lemma_.casefold()):
            mentions = _named_as(draft, before[-1].actor, by_token, mentions)
    # "Hamas said ... the group added": a body named by its kind alone takes up the body
    # named just before it (a person or a country is no group)
    for i, draft in drafts.items():
        if i not in by_token or not _bare_body(draft):
            continue
        before = [m for m in mentions if m.end <= draft.head.idx and _a_body(m.actor, named_ids)]
        if before:
            mentions = _named_as(draft, before[-1].actor, by_token, mentions)
    # "Israeli and Palestinian negotiators" are two actors: the phrase is coded with the
    # first country; each further coordinated country word maps to its own actor.
    for i, draft in drafts.items():
        if draft.kind == "role" and i in by_token:
            for token, partner in _coordinated_partners(draft.head, by_token[i]):
                by_token.setdefault(token, partner)
    # "Britain said its fighters ...": a role owned by "its" is of the clause's subject
    for i, draft in drafts.items():
        role = by_token.get(i)
        if role is None or role.country or draft.kind != "role":
            continue
        owner = _its_owner(draft.head, by_token)
        if owner is not None and owner.country:
            owned = replace(role, country=owner.country)
            by_token[i] = owned
            at = doc[_phrase_extent(draft)[0]].idx
            mentions = [replace(m, actor=owned) if m.start == at and m.actor == role else m for m in mentions]
    acted_on = _countries_acted_on(drafts, by_token)
    stateless = {by_token[i].id for i, draft in drafts.items() if i in by_token and _of_many_countries(draft)}
    return _with_overrides(_with_context_country(tuple(mentions), by_token, acted_on, stateless), overrides)


# Subjects that stand for the noun a relative clause hangs on ("the ministry, which ...").
_RELATIVES = frozenset({"which", "that", "who"})


def _its_owner(head: Token, by_token: Mapping[int, Actor]) -> Actor | None:
    """The actor "its" stands for in front of `head`: the subject of the nearest clause
    above the phrase ("Britain has said its fighters can return", "the government pleads
    with its citizens", "the ministry, which provides help for its citizens").

    English lets "its" in a clause refer to that clause's subject, or to the subject of
    the clause it is reported in; an object between them is seldom meant.
    """
    if not any(c.dep_ == "poss" and c.lower_ == "its" for c in head.children):
        return None
    node = head
    for _ in range(8):
        if node.head.i == node.i:
            return None
        below, node = node, node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject = next((c for c in subjects if c.i not in (below.i, head.i)), None)
        if subject is None:
            continue
        if subject.lower_ in _RELATIVES and node.dep_ == "relcl":
            subject = node.head
        return by_token.get(subject.i)
    return None


def _of_many_countries(draft: Draft) -> bool:
    """True for a role phrase that names people of many or of other countries: "the
    international community", "world leaders", "Western diplomats", "foreign fighters",
    "his counterparts" (a relation noun names the other side of its possessor: `RELATION_NOUNS`).

    They are of no one country, and least of all of the one the story is about.
    """
    if draft.kind != "role" or draft.country is not None:
        return False
    head = draft.head
    if head.lemma_.casefold() in RELATION_NOUNS:
        return True
    plural = head.tag_ in ("NNS", "NNPS")
    for tok in head.lefts:
        heads = MANY_COUNTRY_WORDS.get(tok.lower_)
        if tok.dep_ in ("amod", "compound", "nmod") and (heads == "any" or (heads == "plural" and plural)):
            return True
    return False


def _named_as(
    draft: Draft, person: Actor, by_token: dict[int, Actor], mentions: list[Mention]
) -> list[Mention]:
    """The mentions once a role phrase is known to name `person`: its head token and its
    mention (`by_token` is updated in place) stand for that person, not the role."""
    role = by_token[draft.head.i]
    by_token[draft.head.i] = person
    at = draft.head.doc[_phrase_extent(draft)[0]].idx
    return [replace(m, actor=person) if m.start == at and m.actor == role else m for m in mentions]


# Sectors a bare group noun never takes up: unorganised people (civilians, refugees) and
# the government a capital stands for ("Kabul"): a group is no state.
_PEOPLE_SECTORS = frozenset({"CVL", "REF", "GOV"})


def _bare_body(draft: Draft) -> bool:
    """True for "the group", "the committee": a body named by a group noun alone, with
    neither country nor sector (`phrases._acting_body`)."""
    return (
        draft.kind == "role"
        and draft.country is None
        and draft.sector is None
        and draft.head.lemma_.casefold() in GROUP_NOUNS
    )


def _a_body(actor: Actor, persons: set[str]) -> bool:
    """True for an organised body an earlier sentence named by its name: an organisation
    or a group ("the Taliban", "Hamas"), not a person, a country by its name alone, nor
    people described by a role noun ("Afghan soldiers", "30,000 civilians", which carry
    the noun as their title)."""
    return (
        actor.id not in persons
        and actor.sector is not None
        and actor.sector not in _PEOPLE_SECTORS
        and actor.title is None
    )


def _taken_up(draft: Draft) -> bool:
    """True for "the diplomat", "the minister": a singular role noun with "the" and nothing
    else, no country of its own, which news uses for a person it has just named.

    A phrase that says more ("the first minister to ...", "the official, who ...") or
    names a country ("the Chinese minister") introduces someone, and "an official" is new.
    """
    head = draft.head
    if draft.kind != "role" or draft.country or head.tag_ != "NN":
        return False
    lemma = head.lemma_.casefold()
    if lemma not in PERSON_ROLES and lemma not in ROLE_TITLES:
        return False
    return [(c.dep_, c.lower_) for c in head.children] == [("det", "the")]


def _holds(person: Actor, role: str) -> bool:
    """True when `person`'s title is one news takes up by `role` ("the president": a
    President; "the diplomat": a Secretary of State or a foreign minister)."""
    title = f" {(person.title or '').casefold()} "
    titles = [role, *(t.strip() for t in ROLE_TITLES.get(role, "").split(";") if t.strip())]
    return any(f" {t} " in title for t in titles)


def _dashed_after(draft: Draft) -> int | None:
    """The name a role phrase follows across a dash (its last token's index), or None.

    "Antony Blinken — the first secretary of state to visit China since 2018 — described
    ...": a noun phrase set off by dashes right after a name describes that name.
    """
    doc = draft.head.doc
    k = _phrase_extent(draft)[0] - 1
    if k < 1 or doc[k].text not in DASHES or doc[k].whitespace_ == "":
        return None  # "Kabul-based officials": a hyphen inside a word is no dash
    # set off on both sides: a dateline's dash ("MEXICO CITY -- Representatives") is not
    closing = any(t.text in DASHES and t.whitespace_ for t in doc[draft.head.i + 1 : draft.head.sent.end])
    return k - 1 if doc[k - 1].is_title and closing else None


# Prepositions whose object a verb's subject acts on or goes to ("sanctions against
# Nigeria", "a visit to Russia", "talks with Iran").
_ACTED_ON_PREPS = frozenset({"against", "to", "on", "with", "over", "toward", "towards", "into"})


# Sectors of a country's state, and None for the country itself.
_STATE = frozenset({None, "GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _countries_acted_on(drafts: Mapping[int, Draft], by_token: Mapping[int, Actor]) -> dict[str, set[str]]:
    """For each named person who is the subject of a verb: the countries that verb's
    clause names as what the person acts on or goes to ("criticised Russia", "called for
    sanctions against Nigeria", "visited Egypt").

    A person is seldom of the country they act on; `_with_context_country` does not give
    them that country as the article's.
    """
    out: dict[str, set[str]] = {}
    for i, draft in drafts.items():
        actor = by_token.get(i)
        if draft.kind != "person" or actor is None or actor.country or draft.head.dep_ != "nsubj":
            continue
        verb = draft.head.head
        found: set[str] = set()
        for tok in verb.subtree:
            # a thing of a country ("defended China's expansion") is not the country
            if tok.i in by_token and _acted_on(tok, verb) and drafts.get(tok.i, draft).kind != "thing":
                other = by_token[tok.i]
                # a country or its state, not its people: a leader acts on his own people
                # ("his commitment to the Zambian people")
                if other.country and other.id != actor.id and other.sector in _STATE:
                    found.add(other.country)
        if found:
            out.setdefault(actor.id, set()).update(found)
    return out


def _acted_on(tok: Token, verb: Token) -> bool:
    """True for the object of `verb`, or of a preposition of acting on within its clause."""
    if tok.dep_ == "dobj" and tok.head.i == verb.i:
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ not in _ACTED_ON_PREPS:
        return False
    node = tok.head.head  # what the preposition hangs on: the verb or a noun of its clause
    for _ in range(4):
        if node.i == verb.i:
            return True
        if node.dep_ not in ("dobj", "pobj", "prep", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


# Words in front of a noun phrase that belong to the phrase but not to the actor's name:
# articles, demonstratives, possessive pronouns, "all" ("the Chinese government", "his
# counterpart").
_PHRASE_OPENERS = frozenset({"det", "predet", "poss"})
# Modifiers after the head that belong to the phrase: "police in the Gaza Strip".
_PHRASE_TAILS = frozenset({"prep"})


def _phrase_extent(draft: Draft) -> tuple[int, int]:
    """The token span of the whole noun phrase a draft names (its mention in the text).

    A mention is the noun phrase that refers to the actor: it takes the article or
    possessive pronoun in front of the name ("the Chinese government", "his counterpart")
    and the prepositional phrases right after its head ("police in the Gaza Strip"); the
    actor's name does not. A place named inside the phrase stays a mention of its own.
    """
    start = draft.start
    doc = draft.head.doc
    while start > 0:
        before = doc[start - 1]
        opener = before.dep_ in _PHRASE_OPENERS and before.tag_ in ("DT", "PDT", "PRP$")
        if not (opener and before.head.i == draft.head.i):
            break
        start -= 1
    end = draft.end
    for child in draft.head.rights:
        if child.i != end:
            break
        if child.dep_ in _PHRASE_TAILS:
            end = child.right_edge.i + 1
    return start, end


def _coordinated_partners(head: Token, actor: Actor) -> list[tuple[int, Actor]]:
    """(token index, actor) for each further country in "U.S. and Russian negotiators".

    The country words are conjoined modifiers of the role noun; each one names the same
    kind of actor (same sector and title) of another country.
    """
    out: list[tuple[int, Actor]] = []
    for child in head.lefts:
        if child.dep_ not in ("amod", "nmod", "compound"):
            continue
        for conj in child.conjuncts:
            if conj.i > head.i or conj.i < child.i:
                continue
            hit = lookup(conj.text)
            if hit is None or hit[1] == "capital" or hit[0] == actor.country:
                continue
            name = f"{conj.text} {head.text}"
            out.append((conj.i, Actor(name, hit[0], actor.sector, actor.title)))
    return out


def _with_overrides(found: ArticleActors, overrides: Overrides | None) -> ArticleActors:
    """Every actor the user's overrides file names, as the file says (after coreference)."""
    if not overrides:
        return found

    def swap(actor: Actor) -> Actor:
        return override_for(overrides, actor.name) or actor

    return ArticleActors(
        mentions=tuple(replace(m, actor=swap(m.actor)) for m in found.mentions),
        by_token={i: swap(a) for i, a in found.by_token.items()},
    )


def _with_context_country(
    mentions: tuple[Mention, ...],
    by_token: dict[int, Actor],
    acted_on: Mapping[str, set[str]] | None = None,
    stateless: set[str] | None = None,
) -> ArticleActors:
    """Give actors with a role but no country the article's main country.

    News names the foreign side of a story and leaves its own side bare: "President
    Laurent Gbagbo extended the curfew in Abidjan", "rebels demanded ...". A role actor
    (official, rebels, police, students) with no country of its own is taken to belong
    to the country the article mentions most (the first one on a tie); a named person
    counts once however often quoted, since a foreign mediator or commentator quoted at
    length ("Obasanjo said ... Obasanjo added") is one actor of his country, not the
    country the story is about. International
    and non-governmental organisations keep no country. A named person is not given a
    country their own clause acts on (`acted_on`: "Senator John Smith criticised Russia"
    is no Russian); the next most mentioned one, or none. Actors of many or other countries
    (`stateless`: "world leaders", "foreign fighters") get none.
    """
    counts: dict[str, int] = {}
    seen: set[str] = set()
    for mention in mentions:
        if mention.actor.country and not (_named_person(mention.actor) and mention.actor.id in seen):
            counts[mention.actor.country] = counts.get(mention.actor.country, 0) + 1
        seen.add(mention.actor.id)
    if not counts:
        return ArticleActors(mentions=mentions, by_token=by_token)
    main = max(counts, key=counts.__getitem__)  # the first of the most frequent
    replaced: dict[str, Actor] = {}

    def fill(actor: Actor) -> Actor:
        # (the sides of a conflict, "the two parties", are of it though they have no sector)
        sides = actor.sector is None and (actor.title or "").casefold() == "parties"
        if actor.country or not (actor.sector or sides) or actor.sector in ("IGO", "NGO"):
            return actor
        if GROUPS.get(group_key(actor.name)) == (None, "REB"):
            return actor  # a movement with no home country (al-Qaeda, Islamic State) keeps none
        if stateless and actor.id in stateless:
            return actor
        if actor.id not in replaced:
            barred = (acted_on or {}).get(actor.id, set())
            home = main
            if home in barred:
                others = {c: n for c, n in counts.items() if c not in barred}
                home = max(others, key=others.__getitem__) if others else ""
            replaced[actor.id] = replace(actor, country=home or None)
        return replaced[actor.id]

    return ArticleActors(
        mentions=tuple(replace(m, actor=fill(m.actor)) for m in mentions),
        by_token={i: fill(a) for i, a in by_token.items()},
    )


def _named_person(actor: Actor) -> bool:
    """A named person: a name of two words or more with an office or sector."""
    return actor.title is not None and len(_person_words(actor.name)) >= 2


def _resolve(
    draft: Draft,
    persons: dict[str, Actor],
    by_word: dict[str, set[str]],
    registry: Registry | None = None,
    on: str | None = None,
) -> Actor | None:
    """The final actor for a draft: coreference for surnames and role nouns, merged persons."""
    words = _person_words(draft.name)
    if draft.kind in ("person", "org") and words:
        if len(words) >= 2 and draft.kind == "person":
            office = held_office(draft.name, on, draft.country)
            return persons.get(name_key(office[0] if office else draft.name))
        # a surname or given name alone: the one person of that name in the article
        matches = by_word.get(words[0].casefold(), set())
        if len(matches) > 1:
            # several people in the article share the word: the one officeholder of that
            # surname among them is meant ("Putin" beside a misread "Putin Meet Face")
            holders = {name_key(p) for p in office_index()[1].get(words[0].casefold(), set())}
            matches = matches & holders or matches
        if len(matches) == 1:
            return persons[next(iter(matches))]
        if not matches:
            found = holder_by_word(words[0], on)
            if found is not None:
                person, held = found
                # a name part of an officeholder of another country is someone else ("King
                # Hassan of Morocco" is not Hassan Rouhani); several officeholders of one
                # country ("Bush") give that country, the name staying as written
                if draft.country in (None, held[1]):
                    return Actor(
                        person or draft.name,
                        draft.country or held[1],
                        draft.sector or held[2] or None,
                        held[3] or None,
                    )
            if not office_index()[1].get(words[0].casefold()) and draft.kind == "person" and len(words) == 1:
                # a surname the corpus has learned for exactly one person
                learned = lookup_part(registry, words[0], on)
                if learned is not None and draft.country in (None, learned.country):
                    return learned
    if draft.kind == "org" and draft.country is None and draft.sector is None:
        learned = lookup_name(registry, draft.name, on)
        if learned is not None:
            return learned  # an organisation earlier articles described
    if (
        draft.kind == "role"
        and draft.head.lemma_.casefold() in PERSON_ROLES
        and draft.country
        and not (draft.head.tag_ in ("NNS", "NNPS") and draft.head.lemma_.casefold() in GROUP_ROLES)
    ):
        # "his Japanese counterpart": the one named official of that country in the article;
        # the plural of a role a country has many holders of ("Ukrainian negotiators",
        # "Hungary's top diplomats") is a group of officials, never that one person
        same = [
            a for a in persons.values() if a.country == draft.country and a.sector in ("GOV", draft.sector)
        ]
        if len(same) == 1:
            return same[0]
    if (
        draft.kind == "org"
        and draft.country is None
        and draft.sector is None
        and draft.head.ent_type_ not in ("ORG", "NORP")
        and not _named_party(draft.head)
        and not acronym_doer(draft.head)
    ):
        return None  # an unknown capitalised word is too weak to be an actor
    if draft.kind == "person" and draft.country is None and draft.sector is None:
        return Actor(draft.name, None, None, draft.title)
    return Actor(draft.name, draft.country, draft.sector, draft.title)


# Clause roles of a noun that does or undergoes the verb's act.
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _named_party(head: Token) -> bool:
    """True for a proper name that is the subject or object of a verb ("Malloy says",
    "accused Gulen of"): someone who acts or is acted on, a person or a body.

    A capitalised word elsewhere may be a place, a product or a title of a work; as the
    doer or the undergoer of a verb, an unknown name is an actor. A sentence's first word
    is capitalised whatever it is, so it counts only when the tagger calls it a name; a
    plural name ("the two Koreas") stands for several parties, not for one.
    """
    if head.tag_ != "NNP" or head.dep_ not in _PARTY_DEPS or head.lower_ in THING_ACRONYMS:
        return False  # ("GDP fell", "COVID killed": an abbreviation of a thing is no party)
    return head.head.pos_ == "VERB" and head.ent_type_ in ("", "PERSON", "ORG", "NORP", "GPE")
