"""What the words of a noun phrase and of its sentence say about its actor's country and sector.

`dateline.actors.phrases` finds what a noun phrase is (a person, a country, an organisation,
a role); these are the clues it reads for whose the actor is and what sector it acts in:
the title and rank words ("Opposition leader", "Colonel"), a country named in front of a
title, an officeholder named in a modifier ("the Bush administration"), the town a person
comes from, the owner "its" points back to, a patron or people in front of a force
("US-backed forces", "Kurdish-led forces").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dateline.actors.country_names import lookup
from dateline.actors.incumbents import held_office, office_index
from dateline.actors.lexicon import (
    ACT_NOUNS,
    GENERAL_OFFICES,
    GENERIC_ROLES,
    LEANING_WORDS,
    OWNER_WORDS,
    RANK_TITLES,
    SECTOR_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from dateline.actors.names import (
    NAME_DEPS,
    countries_in,
    groups_in,
    is_cap,
    is_title,
    left_part,
    prep_parts,
    title_word,
    tokens_text,
)
from dateline.model import without_accents
from dateline.place.countries import locate


def ethnic_home(head: Token, origin: str) -> str:
    """The country an "ethnic" group lives in; `origin` is the country its demonym names.

    Saying "ethnic Turks" or "ethnic Albanian guerrillas" marks a people apart from the
    state its name recalls: they are that people in another country. The place a clause
    on the phrase names ("operating in Macedonia") is that country; failing it, the
    nearest other country the sentence names.
    """
    if not any(t.lower_ == "ethnic" for t in left_part(head)):
        return origin
    for clause in head.children:
        if clause.dep_ in ("acl", "relcl"):
            home = [
                c for c in countries_in(prep_parts(clause, frozenset({"in", "inside"}))) if c[0] != origin
            ]
            if home:
                return home[0][0]
    others: list[tuple[int, str]] = []
    for tok in head.sent:
        if is_cap(tok) and tok.i != head.i and tok not in left_part(head):
            found = lookup(tok.text)
            if found is not None and found[0] != origin and found[1] != "demonym":
                others.append((abs(tok.i - head.i), found[0]))
    return min(others)[1] if others else origin


# Sectors of armed bodies that name whose forces a "forces" phrase means.
ARMED_BODIES = frozenset({"REB", "COP", "UAF", "SPY"})

# Sectors of the state; their people act abroad as often as at home.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "IGO", "NGO"})


def where_in_sentence(head: Token) -> str | None:
    """The country of the place the sentence names with "in" ("... prisoners in Iraq").

    People outside the state (civilians, rebels, kidnappers, strikers) are where they
    are: a bare "hostage-takers" in a sentence set "in Iraq" are Iraq's. The place
    nearest the role noun wins.
    """
    for pobj in prep_parts(head, frozenset({"from"})):
        # "a missionary from Calgary" says where the person comes from
        place = locate(pobj.text) if is_cap(pobj) and pobj.dep_ == "pobj" else None
        if place is not None:
            return place[1]
    places: list[tuple[int, str]] = []
    for tok in head.sent:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "inside") and is_cap(tok):
            found = countries_in([*left_part(tok), tok])
            if found:
                places.append((abs(tok.i - head.i), found[0][0]))
    return min(places)[1] if places else None


def owner_country(head: Token) -> str | None:
    """The country "its" refers to in "Venezuela and its opposition": the nearest country
    named before the phrase in its sentence.

    "Its" takes up a thing named just before it; a country's body owned by "its" ("its
    opposition", "its army") is of the country named last.
    """
    named = [c for c in countries_in(head.doc[head.sent.start : head.left_edge.i]) if c[1] == "country"]
    return named[-1][0] if named else None


def sector_of(tokens: Iterable[Token]) -> str | None:
    """The sector of the rightmost role/sector word among tokens (the one nearest the head)."""
    tokens = list(tokens)
    sector = None
    for tok in sorted(tokens, key=lambda t: t.i):
        lemma = tok.lemma_.casefold()
        full = TITLE_ABBREVIATIONS.get(tok.lower_)
        if full is not None:
            lemma = full  # "Gov." stands for "governor", whatever the tagger made of it
        if lemma == "general" and after_office(tok):
            sector = "GOV"  # "Attorney General": a civilian office, not a rank
        elif full is not None:
            sector = SECTOR_NOUNS.get(full, sector)
        elif lemma == "party" and bare_parties(tok):
            continue
        elif lemma in SECTOR_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            sector = SECTOR_NOUNS[lemma]
        elif tok.lower_ in SECTOR_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            sector = SECTOR_NOUNS[tok.lower_]
    return sector


def bare_parties(token: Token) -> bool:
    """Bare "the parties", "the two parties", "both parties": with no word saying which (political,
    opposition, ruling, a name) news means the sides of a conflict or a negotiation, and
    these are governments, armed groups or states as often as political parties."""
    if token.tag_ not in ("NNS", "NNPS") or token.lower_ != "parties":
        return False
    return not any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in token.lefts)


def after_office(token: Token) -> bool:
    """True for "General" right after an office word ("Attorney General", "Secretary-General")."""
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.text == "-" and before.i > 0:
        before = before.nbor(-1)
    return before is not None and title_word(before) in GENERAL_OFFICES


def title_sector(title: list[Token]) -> str | None:
    """The sector a person's title gives: that of its last role or sector word, or, when
    that word is a generic role ("leader", "spokesman", "commander", "president"), that of
    the body named right before it: "Opposition leader" is OPP, "Army spokesman" MIL,
    "Rebel commander" REB, "Senate President" LEG; "Government spokesman" stays GOV.
    """
    words = sorted({t.i: t for t in title}.values(), key=lambda t: t.i)  # each word once
    giving = [k for k, tok in enumerate(words) if sector_of([tok]) is not None]
    if not giving:
        return None
    last = giving[-1]
    sector = sector_of(words[: last + 1])
    role = words[last]
    if TITLE_ABBREVIATIONS.get(role.lower_, role.lemma_.casefold()) not in GENERIC_ROLES:
        return sector
    for tok in reversed(words[:last]):
        body = sector_of([tok])
        if body is not None and tok.lower_ != "security":  # "security officials" are the state's
            return body if body != "GOV" else sector
    return sector


def rank_of(title: Iterable[Token]) -> str | None:
    """The sector of the last military rank in a title ("Colonel", "Lt. Col.", "Sgt").

    A rank says less than a role word (`sector_of` comes first: "Police Sgt." is police),
    and says it only as a title: "oil majors" and "the ship's captain" are no soldiers.
    """
    sector = None
    for tok in sorted(title, key=lambda t: t.i):
        if is_cap(tok):
            sector = RANK_TITLES.get(title_word(tok), sector)
    return sector


def pick_country(found: list[tuple[str, str]]) -> str | None:
    """The first country of a `countries_in` list, or None."""
    return found[0][0] if found else None


def officeholder_country(tokens: list[Token]) -> str | None:
    """The country of the one officeholder a name modifier names ("the Bush administration")."""
    countries: set[str | None] = set()
    for tok in tokens:
        if not is_cap(tok):
            continue
        for person in office_index()[1].get(without_accents(tok.lower_), set()):
            office = held_office(person)
            if office is not None:
                countries.add(office[1])
    return next(iter(countries)) if len(countries) == 1 else None


def country_before_title(run: list[Token]) -> str | None:
    """The country named right before a titled name ("Kosovo Prime Minister Albin Kurti").

    A country word in front of a title is the title holder's country, even where the
    parser hangs it elsewhere (as a conjunct of the name before: "Vucic and Kosovo").
    """
    first = run[0]
    if first.i == 0 or not is_title(first):
        return None
    before = first.doc[first.i - 1]
    if not is_cap(before) or before.whitespace_ == "":
        return None
    found = lookup(before.text)
    return found[0] if found is not None and found[1] in ("country", "demonym") else None


# Nouns for an armed force as a whole ("Kurdish forces", "a rebel army").
FORCE_NOUNS = frozenset({"force", "troop", "unit", "army"})


def led_by_people(left: list[Token]) -> bool:
    """True for "Kurdish-led", "Kurd-led" in front of a force: led by a people, not a state
    ("the Saudi-led coalition" is led by a state and stays that state's)."""
    for tok in left:
        if tok.lower_ != "led" or tok.i < 2:
            continue
        hyphen, people = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
        glued = hyphen.text == "-" and not hyphen.whitespace_ and not people.whitespace_
        if glued and is_cap(people) and lookup(people.text) is None:
            return True
    return False


def backed_or_opposed(left: list[Token]) -> bool:
    """True when a modifier names the force's patron or the side it opposes ("US-backed",
    "Turkish-aligned", "anti-Assad"), not the side it is loyal to ("pro-regime")."""
    for tok in left:
        parts = tok.lower_.split("-")
        if LEANING_WORDS.get(parts[-1]) == "after" and (len(parts) > 1 or after_hyphen_word(tok)):
            return True
        if parts[0] == "anti":
            return True
    return False


def state_named(tokens: list[Token]) -> bool:
    """True when a word names a state body ("government forces", "regime troops")."""
    return any(SECTOR_NOUNS.get(t.lemma_.casefold()) in ("GOV", "MIL") for t in tokens)


def after_hyphen_word(tok: Token) -> bool:
    """True for a word glued after a hyphen ("Turkish-aligned": "aligned")."""
    return tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 2].whitespace_


def apposed_body(appos: Token | None) -> tuple[str | None, str] | None:
    """(country, sector) of the known organisation an apposed office names ("Johannes Hahn,
    the EU commissioner", "Staffan de Mistura, the UN envoy"), or None."""
    if appos is None:
        return None
    lemma = appos.lemma_.casefold()
    if lemma not in GENERIC_ROLES and lemma not in TITLE_WORDS and lemma not in GENERAL_OFFICES:
        return None
    found = groups_in([t for t in appos.lefts if t.dep_ in (*NAME_DEPS, "amod")])
    return found[1] if found is not None else None


def origin_country(head: Token) -> str | None:
    """The country of the town a person is said to come from ("Anna Campbell, 26, from
    Lewes"), by the gazetteer; None when no "from" phrase names a known town."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and is_cap(pobj):
                place = locate(tokens_text([t for t in pobj.subtree if t.i <= pobj.i]))
                if place is not None:
                    return place[1]
    return None


def people_named(head: Token) -> bool:
    """True when a modifier of `head` names a people or region, not a country ("Tigrayan")."""
    return any(
        tok.dep_ in ("amod", "compound")
        and tok.ent_type_ == "NORP"
        and is_cap(tok)
        and lookup(tok.text) is None
        and tok.lemma_.casefold() not in SECTOR_NOUNS
        for tok in head.lefts
    )


def act_noun(head: Token) -> bool:
    """True for a noun that names an act, not a party to it, where the party is named
    apart or not at all: "Russia's invasion" (Russia is the actor), "joint military
    exercises" (no one). "An Armenian proposal" names its party by the adjective alone, so
    the phrase stands for Armenia."""
    if head.lemma_.casefold() not in ACT_NOUNS:
        return False
    if any(child.dep_ == "poss" for child in head.children):
        return True
    return not countries_in(left_part(head))


def deed_country(head: Token, left: list[Token]) -> str | None:
    """The country a deed noun is named by, when nothing else is: "Russian support",
    "the Japanese move", "US airstrikes" (not "Russia's support", whose owner is an actor of
    its own, nor "army strikes" or "Iraqi government efforts", whose body is named)."""
    if head.pos_ != "NOUN" or head.lemma_.casefold() not in ACT_NOUNS:
        return None
    if any(child.dep_ == "poss" for child in head.children):
        return None
    mods = [t for t in left if t.head.i == head.i and t.dep_ in ("amod", "compound", "nmod")]
    if not mods or any(t.lemma_.casefold() in (OWNER_WORDS | SECTOR_NOUNS.keys()) for t in left):
        return None
    found = countries_in([t for m in mods for t in m.subtree if t.i < head.i])
    return pick_country(found) if len(found) == 1 else None
