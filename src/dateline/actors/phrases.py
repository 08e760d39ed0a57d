"""Describe one noun phrase as an actor draft: its name, kind, country, sector and title.

Every noun phrase head is described from its parse: the proper-name run that ends at
it, the title words and country words in front of it ("South Korea's Deputy Foreign
Minister Choi Jong-kun"), an apposition ("Noh Kyu-duk, ... envoy") and a prepositional
phrase ("director-general ... at Tokyo's foreign ministry"). spaCy's entity labels are
used as hints only: its small model often tags a Korean surname as ORG or GPE, so a
capitalised run is enough. The clues to an actor's country and sector that the words
around the phrase give (titles, ranks, patrons, origins) are read in `dateline.actors.clues`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import LEMMA, ORTH, POS, TAG
from spacy.symbols import NOUN, NUM, PROPN
from spacy.tokens import Doc, Token

from dateline.actors.clues import (
    ARMED_BODIES,
    FORCE_NOUNS,
    STATE_SECTORS,
    act_noun,
    after_office,
    apposed_body,
    backed_or_opposed,
    bare_parties,
    country_before_title,
    deed_country,
    ethnic_home,
    led_by_people,
    officeholder_country,
    origin_country,
    owner_country,
    people_named,
    pick_country,
    rank_of,
    sector_of,
    state_named,
    title_sector,
    where_in_sentence,
)
from dateline.actors.country_names import lookup, region_country
from dateline.actors.incumbents import held_office
from dateline.actors.lexicon import (
    COLLECTIVES,
    DOCUMENT_NOUNS,
    GENERIC_ROLES,
    GROUP_MODIFIERS,
    GROUP_NOUNS,
    MEMBER_NOUNS,
    MULTINATIONAL_WORDS,
    NOT_ACTORS,
    ORG_HEAD_SECTORS,
    OWNER_WORDS,
    RELATION_NOUNS,
    SECTOR_NOUNS,
    STATE_NOUNS,
    THING_ACRONYMS,
    WIRE_AGENCIES,
)
from dateline.actors.names import (
    NAME_DEPS,
    after_hyphen,
    bare_name,
    countries_in,
    country_token,
    group_rightward,
    groups_in,
    is_cap,
    is_title,
    leaning_words,
    left_part,
    name_run,
    officeholder_surname,
    prep_parts,
    region_in,
    title_word,
    tokens_text,
)
from dateline.model import Actor
from dateline.place.countries import country_name, locate

# Entity labels that are never actors.
_NON_ACTOR_ENTS = frozenset(
    {
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
        "LANGUAGE",
        "PRODUCT",
    }
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"})
# A named person's own prepositional phrase gives a country only by origin ("of", "from").
_PERSON_PREPS = frozenset({"of", "from"})


@dataclass
class Draft:
    """What one noun-phrase head says about its actor before coreference."""

    head: Token
    start: int  # token span of the mention
    end: int
    kind: str  # person | country | group | org | role
    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    resolved: Actor | None = None


def apposition(head: Token) -> Token | None:
    return next((c for c in head.rights if c.dep_ == "appos"), None)


def _named_collective(head: Token) -> bool:
    """True for a collective noun that starts a known organisation's name ("the Group of
    Seven", "the Group of 20"): the organisation, not its members, is the actor."""
    if not is_cap(head):
        return False
    spelled = group_rightward(head, head)
    return spelled is not None and spelled[2] > head.i + 1


def _acronym(token: Token) -> bool:
    """A capitalised abbreviation the tagger may call an adjective ("G-7 finance ministers")."""
    return token.dep_ == "amod" and is_cap(token) and (token.is_upper or any(c.isdigit() for c in token.text))


# Penn tags of wh-words: "how", "which", "what", "whose".
_WH_TAGS = frozenset({"WRB", "WDT", "WP", "WP$"})

# The dependencies of the doer of a verb, and of a doer joined to one by "and".
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def acronym_doer(head: Token) -> bool:
    """An all-capital abbreviation of letters, in mixed-case text, that does an act: the
    name of an organisation ("ICE returned the antiquities", "the NCB ordered"), whatever
    the tagger made of the word. Abbreviations of things ("COVID", "GDP") are not, nor is
    a word of a line written all in capitals (a headline shouts every word).
    """
    text = head.text
    if not (text.isalpha() and text.isupper() and 2 <= len(text) <= 6) or text.lower() in THING_ACRONYMS:
        return False
    doer = head
    while doer.dep_ == "conj" and doer.head.i != doer.i:
        doer = doer.head
    if doer.dep_ not in _SUBJECT_DEPS:
        return False
    words = [t for t in head.sent if t.is_alpha and t.i != head.i]
    return any(not t.is_upper for t in words)


def _is_person_like(bare: list[Token], run: list[Token]) -> bool:
    words = [t for t in bare if t.text != "-"]
    if not words:
        return False
    if any(t.ent_type_ == "PERSON" for t in words):
        return True
    if held_office(tokens_text(bare)):
        return True
    if len(words) == 1 and officeholder_surname(words[0]):
        return True
    # A titled capitalised name ("Minister Dubem Oniya") is a person even when NER missed it.
    titled = len(run) > len(bare) and any(is_title(t) for t in run[: len(run) - len(bare)])
    return titled and all(t.pos_ == "PROPN" or after_hyphen(t) for t in words) and len(words) >= 2


def _sector_group(head: Token) -> Draft | None:
    """An unnamed group whose modifier gives its sector: "the main Hutu rebel group" (REB),
    "a Kenyan human rights group" (KEN NGO), "militant networks" (REB).

    A known organisation in front ("the Islamic State group") is left to the name rules.
    """
    if head.lemma_.casefold() not in GROUP_NOUNS:
        return None
    left = left_part(head)
    if groups_in([t for t in left if t.dep_ in NAME_DEPS]) is not None:
        return None
    appos = apposition(head)
    if appos is not None and is_cap(appos):
        named = describe(appos)
        if named is not None and named.kind == "group":
            return None  # "the militant group Hamas": the name says more than the noun
    sector = None
    for tok in sorted(left, key=lambda t: t.i):
        if tok.head.i != head.i or tok.dep_ not in ("compound", "amod", "nmod"):
            continue
        word = tok.lower_
        found = GROUP_MODIFIERS.get(word) or SECTOR_NOUNS.get(tok.lemma_.casefold()) or SECTOR_NOUNS.get(word)
        if found is not None and found != "GOV":
            sector = found  # the modifier nearest the head decides ("armed opposition group")
    if sector is None:
        return None
    country = pick_country(countries_in(left)) or pick_country(
        countries_in(prep_parts(head, frozenset({"of", "in", "from"})))
    )
    start = min([t.i for t in left if t.dep_ != "det" and t.tag_ != "PRP$"] + [head.i])
    name = tokens_text([t for t in left if t.dep_ != "det" and t.tag_ != "PRP$"] + [head])
    return Draft(head, start, head.i + 1, "role", name, country, sector)


def _acting_body(head: Token) -> Draft | None:
    """One organised body named by its kind alone that does an act: "the committee
    declared", "the group announced" (a body the story named before, or names no
    further). Its sector is not told; a plural ("groups") is no one body.
    """
    if head.tag_ != "NN" or head.dep_ not in _SUBJECT_DEPS or head.head.pos_ not in ("VERB", "AUX"):
        return None
    words = [t for t in left_part(head) if t.dep_ != "det" and t.tag_ != "PRP$"]
    if any(t.dep_ in NAME_DEPS and t.head.i == head.i for t in words):
        return None  # "the al-Qaeda network": a name in front is the body, left to the name rules
    start = min([t.i for t in words] + [head.i])
    return Draft(head, start, head.i + 1, "role", tokens_text([*words, head]), None, None, head.text)


# Modifiers that count or point rather than name ("around 3,000", "the", "some").
_COUNTING_DEPS = frozenset({"det", "nummod", "quantmod", "predet", "advmod", "punct", "poss", "case"})


def _members(head: Token) -> Draft | None:
    """The people of a body named in front of a member noun: "Syrian opposition members"
    (SYR OPP), "Islamic State members" (the group), "Bosnian Serb units" (armed men).

    Every word in front must name the body: a known organisation, a role or sector noun,
    or a country or people; "board members" or "housing units" name no one.
    """
    lemma = head.lemma_.casefold()
    if lemma not in MEMBER_NOUNS or head.tag_ not in ("NNS", "NN"):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights):
        return None  # "members of the militia": the collective rule reads the "of" phrase
    words = [t for t in left_part(head) if t.dep_ not in _COUNTING_DEPS and t.pos_ not in ("NUM", "DET")]
    words = [t for t in words if t.tag_ != "HYPH" and t.text != "-"]
    if not words:
        return None
    start = min(t.i for t in words)
    name = tokens_text([*words, head])
    spelled = groups_in(words)
    if spelled is not None:
        gname, (gcountry, gsector) = spelled
        return Draft(head, start, head.i + 1, "group", gname, gcountry, gsector)
    sector = None
    for tok in sorted(words, key=lambda t: t.i):
        body = GROUP_MODIFIERS.get(tok.lower_) or SECTOR_NOUNS.get(tok.lemma_.casefold())
        if body is not None:
            sector = body  # the word nearest the noun decides ("armed opposition members")
        elif not countries_in([tok]):
            return None  # "board members", "settlement units": not a body
    country = pick_country(countries_in(words))
    sector = sector or MEMBER_NOUNS[lemma]
    if sector is None:
        return None  # "Syrian members": of what?
    return Draft(head, start, head.i + 1, "role", name, country, sector, head.text)


def _region_states(head: Token) -> Draft | None:
    """States named as a group by their region: "Western nations", "the Southeast Asian
    nations", "Gulf states" act together, for no single country."""
    if head.tag_ != "NNS" or head.lemma_.casefold() not in STATE_NOUNS or is_cap(head):
        return None
    words = [t for t in left_part(head) if t.dep_ in ("amod", "compound") and t.head.i == head.i]
    if not words or not all(_region_word(t) for t in words):
        return None
    region = [t for w in words for t in w.subtree]
    if countries_in(region) or groups_in(region) is not None:
        return None  # "EU member states", "Iraqi states": other rules say whose
    # several states acting as one, coded as a multinational body (as a multinational force
    # is), so that no one country of the article is taken for theirs
    name = tokens_text([*region, head])
    return Draft(head, min(t.i for t in region), head.i + 1, "role", name, None, "IGO")


def _region_word(token: Token) -> bool:
    """A capitalised word that names a region, not one capitalised by starting the sentence."""
    if not is_cap(token):
        return False
    return not token.is_sent_start or token.pos_ == "PROPN" or token.ent_type_ in ("NORP", "LOC", "GPE")


def describe(head: Token) -> Draft | None:
    """Describe the actor headed by `head`, or None when the phrase is no actor."""
    # this runs on nearly every token, most of which the first tests turn away: read the
    # token's attributes once (each read builds a Python string from spaCy's store)
    head_lemma = head.lemma_.casefold()
    head_pos = head.pos_
    if (head_lemma in COLLECTIVES or head_pos == "NUM") and not _named_collective(head):
        # "a group of Moroccan diplomats", "thousands of Nigerians": the actor is the members
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                inner = describe(pobj) if pobj is not None else None
                if inner is not None:
                    inner.start = min(inner.start, head.i)
                    inner.head = head
                    return inner
        grouped = _sector_group(head) or _members(head)
        if grouped is not None:
            return grouped
        # "the Islamic State group": a known organisation named in front of the collective
        if head_pos == "NUM":
            return None
        if groups_in([t for t in left_part(head) if t.dep_ in NAME_DEPS]) is None:
            # "the group announced": one body doing an act, its kind told by no word
            return _acting_body(head) if head_lemma in GROUP_NOUNS and not is_cap(head) else None
    elif head_lemma in GROUP_NOUNS and not is_cap(head):
        grouped = _sector_group(head)
        if grouped is not None:
            return grouped
    elif head_lemma in STATE_NOUNS:
        grouped = _region_states(head)
        if grouped is not None:
            return grouped
    if (
        head_pos not in ("NOUN", "PROPN")
        and not (is_cap(head) and head.tag_.startswith("NN"))
        # an all-capital acronym is a name whatever the tagger made of it ("USAID provided")
        and not (head.is_upper and head.is_alpha and len(head) > 1)
    ):
        return None
    if head.lower_ in _PRONOUNS:
        return None
    if head.ent_type_ in _NON_ACTOR_ENTS and groups_in([head]) is None:
        return None  # (a known organisation the tagger calls a product: "the G-20")
    if head.lower_ in NOT_ACTORS and not is_cap(head):
        return None
    if head.lower_ in WIRE_AGENCIES or head.lower_ in DOCUMENT_NOUNS:
        # "..., YONHAP reports": an agency reports the act; "Joint Statement of the United
        # States", "the Doha accord": a document or deal is what was agreed, not who agreed
        return None
    run = name_run(head)
    left = _own_left(head)
    appos = apposition(head)
    appos_part: list[Token] = []
    if appos is not None:
        appos_part = [appos, *left_part(appos), *prep_parts(appos)]
    preps = prep_parts(head)
    start = min([t.i for t in left if t.dep_ != "det" and t.tag_ != "PRP$"] + [head.i])
    run_text = tokens_text(run)
    # a patron or a side leaned to ("US-backed", "pro-Russian") is no country or body of
    # the actor's own: its words stay in the name but give no country or group
    lean = leaning_words([*left, *run])
    own_left = [t for t in left if t.i not in lean]
    own_run = [t for t in run if t.i not in lean]

    # 1. a known organisation anywhere in the phrase's name or modifiers
    spelled = group_rightward(head, run[0] if run else head)
    if spelled is not None and spelled[2] > head.i + 1:
        gname, (gcountry, gsector), end = spelled
        return Draft(head, min(start, (run or [head])[0].i), end, "group", gname, gcountry, gsector)
    group = groups_in(own_run) or groups_in(
        [t for t in own_left if t.dep_ in NAME_DEPS or t.dep_ == "poss" or t.tag_ == "HYPH" or _acronym(t)]
        + [head]
    )
    if group is None and head.lemma_.casefold() in RELATION_NOUNS:
        # "its European common market partners", "NATO allies": the members of a body
        # ("European" and "common" hang on the noun as adjectives) act as the body
        group = groups_in([t for t in own_left if t.dep_ in (*NAME_DEPS, "amod")])
    if group is not None and (head in run or head.lemma_.casefold() in SECTOR_NOUNS or not run):
        gname, (gcountry, gsector) = group
        # "a Hamas official", "a Taliban commander": a generic role keeps the group's sector
        own = None if head.lemma_.casefold() in GENERIC_ROLES else sector_of([head])
        # (an outlet's own words, "news agency", make it no government body)
        sector: str | None = gsector if gsector in ("IGO", "NGO", "MED") else (own or gsector)
        if gsector in ARMED_BODIES and own == "MIL":
            sector = gsector  # "Houthi forces", "Hezbollah fighters": the group's own armed men
        name = run_text if head in run and len(run_text) > len(gname) else gname
        bare = bare_name(run) if head in run else []
        words = [t for t in bare if t.text != "-"]
        # a full name, or an officeholder's surname ("UN Secretary-General Guterres")
        titled = len(bare) < len(run) and (
            len(words) >= 2 or (len(words) == 1 and officeholder_surname(words[0]))
        )
        # (the group's own name is no person: "The New York Times" is not "York Times")
        inside = tokens_text(bare) in gname or gname in tokens_text(bare)
        if titled and not inside and _is_person_like(bare, run):
            # "UN Secretary-General Antonio Guterres", "Hamas leader Ismail Haniyeh": a
            # titled person of the organisation, who acts for it
            return Draft(
                head,
                start,
                head.i + 1,
                "person",
                tokens_text(bare),
                gcountry,
                gsector,
                tokens_text(run[: len(run) - len(bare)]),
            )
        return Draft(head, start, head.i + 1, "group", name, gcountry, sector)

    # 2. the head names a country or capital itself ("South Korea", "Seoul", "Palestinians")
    if run:
        hit = lookup(run_text) or lookup(tokens_text(bare_name(run)) or run_text)
        if hit is None and head.ent_type_ in ("GPE", "NORP", ""):
            hit = lookup(head.text)
        # "Democratic People's Republic of Korea": a name with a possessive inside
        whole = head.doc[head.left_edge.i : head.i + 1]
        while len(whole) > 1 and whole[0].dep_ == "det":
            whole = whole[1:]
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if "'s" in whole.text and whole[0].is_title and of is not None:
            longer = head.doc[whole.start : of.right_edge.i + 1]
            found = lookup(longer.text)
            if found is not None:  # the longer name wins over "Republic of Korea"
                hit, run, run_text = found, list(whole), whole.text
        if hit is None and "'s" in whole.text and whole[0].is_title:
            hit = lookup(whole.text)
            if hit is not None:
                run = list(whole)
                run_text = whole.text
        if hit is not None and (head.ent_type_ != "PERSON" or hit[1] != "capital"):
            iso3, kind = hit
            sector = "GOV" if kind == "capital" else None
            if kind == "demonym" and head.tag_ in ("NNS", "NNPS"):
                # "ethnic Albanians in south Serbia": a people is coded by where it lives
                home = countries_in(prep_parts(head, frozenset({"in", "of"})))
                iso3 = home[0][0] if home else ethnic_home(head, iso3)
            # "US", "U.S." and "the United States" are one actor: an abbreviated country
            # takes its common name (full names keep their words: "Britain", "Soviet Union")
            abbreviated = len(run_text) <= 6 and run_text.replace(".", "").isupper()
            name = country_name(iso3) if kind == "country" and abbreviated else run_text
            return Draft(head, run[0].i, head.i + 1, "country", name, iso3, sector)
        if hit is None and head.tag_ in ("NNS", "NNPS") and (lookup(head.text) or ("", ""))[1] == "demonym":
            # "Bosnian Serbs": the people of one country living in another, coded by the latter
            home = [c for c in countries_in([t for t in run if t.i != head.i]) if c[1] == "demonym"]
            # the tagger may read "Bosnian Serbs" as a person's name: look the words up alone
            home = home or [
                found
                for t in run
                if t.i != head.i and (found := lookup(t.text)) is not None and found[1] == "demonym"
            ]
            if home:
                return Draft(head, run[0].i, head.i + 1, "country", run_text, home[0][0], None)
        # after "in", a name the tagger took for an organisation is as often a town
        # ("thwarted in Khanty-Mansiysk"): the preposition says place
        located = (
            head.dep_ == "pobj"
            and head.head.lower_ in ("in", "near", "outside")
            and head.ent_type_ != "PERSON"
        )
        if (head.ent_type_ == "GPE" or located) and groups_in(run) is None:
            # a town or region the gazetteer knows ("Jericho", "Mosul"): news codes the
            # place of an attack or protest as an actor of its country
            # the whole name before its tail: "New York" is not York
            place = locate(run_text) or locate(tokens_text(bare_name(run)) or run_text)
            if place is not None:
                return Draft(head, run[0].i, head.i + 1, "country", run_text, place[1], None)
        if head.ent_type_ != "PERSON":
            # a province or territory ("Darfur", "Uttar Pradesh") is of its country, whatever
            # the tagger calls it (it calls "Hokkaido" an organisation as often as a place)
            region = region_country(run_text)
            if region is not None:
                return Draft(head, run[0].i, head.i + 1, "country", run_text, region, None)
    elif head.pos_ == "NOUN" and head.tag_ == "NNS":
        hit = lookup(head.text)  # "the Palestinians" in lower-case parse noise
        if hit and hit[1] == "demonym" and is_cap(head):
            return Draft(head, head.i, head.i + 1, "country", head.text, hit[0], None)

    context_countries = countries_in(
        [t for t in own_left if t not in run] + [t for t in own_run if t not in bare_name(run)]
    )
    lemma = head.lemma_.casefold()

    # 3. a person's name, possibly with title and country in front
    bare = bare_name(run)
    if bare and head in bare and _is_person_like(bare, run):
        prefix = [t for t in run if t not in bare] + left
        # "King Hassan of Morocco" is of Morocco; "Biegun in Seoul" is only there
        own_preps = prep_parts(head, _PERSON_PREPS)
        # the country in the person's own title is nearer than any word further left
        # ("Netanyahu and UAE Crown Prince Mohammed bin Zayed" is of the UAE)
        country = (
            pick_country(countries_in([t for t in own_run if t not in bare]))
            or pick_country(context_countries)
            or pick_country(countries_in(appos_part + own_preps))
            # "Ruhul Amin, from Aberdeen": the town a person comes from is in their country
            or origin_country(head)
            or country_before_title(run)
            # a region in the title: "Uttar Pradesh Chief Minister Yogi Adityanath"
            or region_in([t for t in run if t not in bare])
        )
        sector = title_sector(prefix) or rank_of(prefix) or sector_of(appos_part)
        title = tokens_text([t for t in run if t not in bare]) or None
        start = min(start, run[0].i)
        if appos is not None and appos.lemma_.casefold() in SECTOR_NOUNS and title is None:
            title = tokens_text([t for t in left_part(appos) if t.dep_ != "det"] + [appos]) or None
        office_body = apposed_body(appos) if country is None else None
        if office_body is not None and appos is not None:
            # "Johannes Hahn, the EU commissioner": an office in a known body is that body's
            country, sector = office_body
            title = title or tokens_text([t for t in left_part(appos) if t.dep_ != "det"] + [appos])
        return Draft(head, start, head.i + 1, "person", tokens_text(bare), country, sector, title)

    # A sentence-initial capital hides a plural role noun from the tagger ("Rebels attacked").
    if head.is_sent_start and head.pos_ == "PROPN" and lemma not in SECTOR_NOUNS:
        singular = head.lower_[:-1] if head.lower_.endswith("s") else head.lower_
        if singular in SECTOR_NOUNS and len(run) == 1:
            lemma = singular
    # a hyphenated role noun is split by the tokenizer: "hostage - takers", "asylum - seekers"
    if after_hyphen(head) and head.i >= 2 and not head.doc[head.i - 2].whitespace_:
        joined = f"{head.doc[head.i - 2].lower_}-{lemma}"
        lemma = joined if joined in SECTOR_NOUNS else lemma
    # ... and news writes the same compound open as often: "asylum seekers", "hostage takers"
    before = head.doc[head.i - 1] if head.i else None
    if (
        before is not None
        and before.dep_ == "compound"
        and before.head.i == head.i
        and lemma not in SECTOR_NOUNS
    ):
        joined = f"{before.lower_}-{lemma}"
        lemma = joined if joined in SECTOR_NOUNS else lemma
    # 4. a role or sector noun ("envoy", "the government", "Israeli troops")
    if lemma in SECTOR_NOUNS or (head.lower_ in SECTOR_NOUNS and head.pos_ == "NOUN"):
        sector = SECTOR_NOUNS.get(lemma) or SECTOR_NOUNS[head.lower_]
        if lemma == "general" and after_office(head):
            sector = "GOV"  # "the US Attorney General": a civilian office, not a rank
        if lemma in GENERIC_ROLES:
            # "opposition leaders", "rebel commanders", "party officials": the body they
            # speak or act for gives the sector, not the generic role word
            for tok in sorted(left, key=lambda t: t.i):
                body = SECTOR_NOUNS.get(tok.lemma_.casefold()) or SECTOR_NOUNS.get(tok.lower_)
                # "security officials" are the state's, not police
                if tok.lower_ == "security":
                    continue
                if tok.head.i == head.i and tok.dep_ in ("compound", "amod", "nmod") and body:
                    sector = body if body != "GOV" else sector
        elif lemma in FORCE_NOUNS:
            # "rebel forces", "militia units", "police troops", "a rebel army": armed men of that body
            for tok in left:
                body = SECTOR_NOUNS.get(tok.lemma_.casefold())
                # ("security forces" keep the armed forces' sector, as before)
                armed = body in ARMED_BODIES and tok.lower_ != "security"
                if tok.head.i == head.i and tok.dep_ in ("compound", "amod") and armed:
                    sector = body
        if sector == "CVL" and any(t.lower_ == "armed" and t.head.i == head.i for t in left):
            sector = "REB"  # "armed men", "armed youths": an armed group whose name is not given
        if lemma == "party" and bare_parties(head):
            sector = None  # "the two parties to the conflict": sides, not political parties
        country = (
            pick_country(context_countries)
            # a country spelled in more than one word inside the name ("the United States
            # Government"): bare_name strips only one-word country names
            or pick_country(countries_in([t for t in own_run if t.i != head.i]))
            or region_in([t for t in own_run if t.i != head.i])
            # "the Hokkaido government": a region named in front of a role noun
            or region_in([t for t in own_left if t.head.i == head.i and t.dep_ in ("compound", "poss")])
            or pick_country(countries_in(preps))
            or officeholder_country([t for t in own_left if t.dep_ in ("compound", "poss")])
        )
        if country is None and lemma in GENERIC_ROLES:
            # people who act for a known body are of that body: "leaders of the G7" and
            # "an official of the UN" of no one country, "officials of Hamas" of Hamas's
            owner = groups_in(prep_parts(head, frozenset({"of"})))
            if owner is not None:
                country, sector = owner[1]
        if (
            sector == "MIL"
            and lemma in FORCE_NOUNS
            and (
                (not context_countries and people_named(head))
                or led_by_people(left)
                or (lean and not context_countries and backed_or_opposed(left) and not state_named(own_left))
            )
        ):
            # "Tigrayan forces", "Kurdish-led forces", "US-backed forces", "anti-Assad
            # forces": named by a people, a patron or a side it fights, not by a state, an
            # armed force is not a state's military
            sector = "REB"
        if sector == "MIL" and not context_countries and any(t.lower_ in MULTINATIONAL_WORDS for t in left):
            # "a regional peacekeeping force", "the multinational force": several states' troops
            country, sector = None, "IGO"
        partners = _partner_countries(head, left)
        name_tokens = [
            t
            for t in left
            if t.dep_ != "det" and t.tag_ != "PRP$" and t.tag_ != "POS" and t.i not in partners
        ]
        kept = sorted({*name_tokens, head}, key=lambda t: t.i)
        if partners:
            # "US and Chinese diplomats" -> "US diplomats": the words left, a space where others were
            name = "".join(
                t.text + (t.whitespace_ if n.i == t.i + 1 else " ")
                for t, n in zip(kept, kept[1:], strict=False)
            )
            name += head.text
        else:
            name = tokens_text(kept) if name_tokens else head.text
        if country is not None and not prep_parts(head, frozenset({"in", "of"})):
            country = ethnic_home(head, country)  # "ethnic Albanian guerrillas operating in Macedonia"
        if country is None and any(c.dep_ == "poss" and c.lower_ == "its" for c in head.children):
            country = owner_country(head)  # "the government of Venezuela and its opposition"
        if country is None and sector not in STATE_SECTORS:
            country = where_in_sentence(head)
        draft = Draft(head, start, head.i + 1, "role", name, country, sector, head.text)
        # "South Korea's new chief nuclear envoy, Noh Kyu-duk": the apposed name is the person
        if appos is not None:
            inner = describe(appos)
            if inner is not None and inner.kind == "person":
                inner.country = inner.country or country
                inner.sector = inner.sector or sector
                inner_left = [t for t in left if t.dep_ != "det" and t.tag_ != "PRP$"]  # not "his"
                inner.title = inner.title or tokens_text([*inner_left, head])
                inner.start, inner.end = start, appos.i + 1
                inner.head = head
                return inner
        return draft

    # 5. a deed named by its country alone: "Russian support", "the Turkish deployment"
    # stand for the country that does it (the deed itself is no party to anything)
    doer = None if run else deed_country(head, left)
    if doer is not None:
        return Draft(head, start, head.i + 1, "country", country_name(doer), doer, None)

    # 6. a thing or group of a country: "Iraqi towns", "German goods"; a post or vehicle of
    # an armed or state body carries its sector ("a police station", "army positions")
    if head.pos_ == "NOUN" and head.lower_ not in NOT_ACTORS and not run and not act_noun(head):
        owners = [
            t
            for t in left
            if t.head.i == head.i and t.dep_ in ("compound", "amod") and t.lemma_.casefold() in OWNER_WORDS
        ]
        sector = SECTOR_NOUNS[owners[-1].lemma_.casefold()] if owners else None
        country = pick_country(context_countries)
        if head.lemma_.casefold() in RELATION_NOUNS:
            # "Israel's militia ally in southern Lebanon": an ally is not of its patron's country
            patron = {t.i for c in head.lefts if c.dep_ == "poss" for t in c.subtree}
            country = pick_country(countries_in([t for t in left if t.i not in patron]))
        if sector is not None and country is None:
            country = pick_country(countries_in(prep_parts(head, frozenset({"of", "in"}))))
        if country is not None or sector is not None:
            name = tokens_text([t for t in left if t.dep_ != "det" and t.tag_ != "PRP$"] + [head])
            return Draft(head, start, head.i + 1, "thing", name, country, sector)

    # 7. another proper name (an organisation or an unknown name)
    if (
        run
        and (head.pos_ == "PROPN" or acronym_doer(head))
        and head.lower_ not in NOT_ACTORS
        and head.ent_type_ in ("ORG", "PERSON", "NORP", "GPE", "FAC", "")
    ):
        words = [t for t in bare if t.text != "-"]
        if not words:
            return None
        kind = "person" if head.ent_type_ == "PERSON" else "org"
        country = (
            pick_country(context_countries)
            or (pick_country(countries_in([t for t in run if t.i != head.i])) if kind == "org" else None)
            or (region_in([t for t in run if t.i != head.i]) if kind == "org" else None)
            or pick_country(countries_in(appos_part + preps))
        )
        sector = sector_of(run + appos_part) if kind == "org" else sector_of(run[: len(run) - len(bare)])
        if kind == "org" and sector is None:
            sector = ORG_HEAD_SECTORS.get(head.lower_)  # "the Third World Water Forum"
        name = tokens_text(bare) if kind == "person" else _org_name(run)
        return Draft(head, run[0].i, head.i + 1, kind, name, country, sector)
    if head_lemma in GROUP_NOUNS and not is_cap(head):
        return _acting_body(head)  # "the committee declared": one body whose kind no word tells
    return None


def _partner_countries(head: Token, left: list[Token]) -> set[int]:
    """Tokens of the further countries in "US and Chinese diplomats" (the "and Chinese").

    Such a phrase names one group per country: the phrase stands for the first one
    ("US diplomats"), and each further country word is an actor of its own (see
    `dateline.actors.resolve`), so it is no part of the first one's name.
    """
    out: set[int] = set()
    for mod in left:
        if mod.head.i != head.i or mod.dep_ not in ("amod", "nmod", "compound"):
            continue
        for conj in mod.conjuncts:
            if conj.i < mod.i or conj.i > head.i or lookup(conj.text) is None:
                continue
            out.update(t.i for t in conj.subtree)
            # the "and" (and a comma) between them
            out.update(t.i for t in mod.children if t.dep_ in ("cc", "punct") and mod.i < t.i < conj.i)
            out.update(t.i for t in conj.children if t.dep_ in ("cc", "punct") and mod.i < t.i)
    return out


def _org_name(run: list[Token]) -> str:
    """An organisation's own name: its run without the country words in front.

    Title words are an organisation's own words ("the Iraqi Supreme Judicial Council" is
    the "Supreme Judicial Council", "The Federal Foreign Office" is not "Office"); only a
    leading country or demonym says whose it is. A role noun followed by more words is a
    person's title whatever the tagger says ("Agriculture Minister Gaymard" is "Gaymard").
    """
    k = 0
    while k < len(run) - 1 and (country_token(run[k]) or run[k].text == "-"):
        k += 1
    for j in range(len(run) - 2, k - 1, -1):
        word = title_word(run[j])
        if is_title(run[j]) and word in SECTOR_NOUNS:
            # "Agriculture Minister Gaymard": a role noun before a name titles a person
            return tokens_text(run[j + 1 :])
    return tokens_text(run[k:])


# Parts of speech `describe` looks further at whatever the word (see `describable`).
_DESCRIBED_POS = frozenset({int(NOUN), int(PROPN), int(NUM)})


def describable(doc: Doc) -> list[bool]:
    """Per token of `doc`: False where `describe` surely returns None, True elsewhere.

    `describe` turns a token away at once unless it is a noun, a proper noun or a number,
    a capitalised word tagged as a noun, an all-capital word of letters, or a collective,
    group or state noun (by lemma). This asks the same of the Doc's arrays, each word and
    lemma once per Doc, without building a `Token` for every word (most are verbs,
    function words and punctuation, and the words of unparsed sentences).
    """
    if not len(doc):
        return []
    strings = doc.vocab.strings
    words: dict[tuple[int, int], bool] = {}  # (word, tag) -> a name-like word?
    lemmas: dict[int, bool] = {}  # lemma -> a collective, group or state noun?
    out: list[bool] = []
    for pos, tag, lemma, orth in doc.to_array([POS, TAG, LEMMA, ORTH]).tolist():
        if pos in _DESCRIBED_POS:
            out.append(True)
            continue
        named = words.get((orth, tag))
        if named is None:
            text = strings[orth]
            capitalised_noun = bool(text) and text[0].isupper() and strings[tag].startswith("NN")
            acronym = text.isupper() and text.isalpha() and len(text) > 1
            named = words[(orth, tag)] = capitalised_noun or acronym
        if not named:
            group = lemmas.get(lemma)
            if group is None:
                word = strings[lemma].casefold() if lemma else ""
                group = lemmas[lemma] = word in COLLECTIVES or word in GROUP_NOUNS or word in STATE_NOUNS
            named = group
        out.append(named)
    return out


def phrase_heads(doc: Doc, among: list[bool] | None = None) -> Iterable[Token]:
    """The tokens that head a phrase of their own, in order; with `among` (a flag per
    token, as `describable` gives), only those flagged."""
    for tok in doc if among is None else (doc[i] for i, keep in enumerate(among) if keep):
        if (
            tok.dep_ in NAME_DEPS
            and tok.head.i != tok.i
            and tok.head.i > tok.i
            and not _lost_possessive(tok)
            and not _joined_name(tok)
            and not _line_break_between(tok, tok.head)
        ):
            continue  # a modifier inside a longer name or phrase
        if tok.tag_ == "HYPH" or tok.dep_ == "punct":
            continue
        yield tok


def _line_break_between(first: Token, last: Token) -> bool:
    """True when a line break separates two tokens (the first before the last)."""
    return any("\n" in first.doc[i].text_with_ws for i in range(first.i, last.i))


def _joined_name(tok: Token) -> bool:
    """A person's name joined by "and" to the name the parser hangs it on: "Prime
    Minister Netanyahu and UAE Crown Prince Mohammed bin Zayed" names two people."""
    return tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and any(c.dep_ == "cc" for c in tok.children)


def _own_left(head: Token) -> list[Token]:
    """The words in front of `head` that belong to its own phrase, on its own line.

    A person's name joined by "and" and hung on this head by the parser heads a phrase
    of its own (see `_joined_name`): it and the words before it are left out.
    """
    left = left_part(head)
    # a phrase never runs across a line break: what stands on an earlier line (a
    # headline the parser joined to the first sentence) is not part of it
    cut = max((t.i for t in left if "\n" in t.text_with_ws), default=-1)
    joined = [t.i for t in left if t.dep_ == "cc" and _joined_name(t.head)]
    cut = max([cut, *joined])
    # a wh-word in front asks about the phrase or opens the clause it heads ("how armed
    # men stormed", "which militants attacked"): it is no word of the actor's name
    return [t for t in left if t.i > cut and t.tag_ not in _WH_TAGS]


def _lost_possessive(tok: Token) -> bool:
    """A plural role noun right before the noun it modifies: a possessive whose apostrophe
    was lost in the paste ("meet hostage-takers demands", "the rebels offer").

    English makes a noun modifier singular ("rebel demands"); a plural one is an owner.
    """
    if tok.tag_ != "NNS" or tok.dep_ != "compound" or tok.head.i != tok.i + 1:
        return False
    # the tagger may call the owned noun a verb ("demands"); its role in the clause says noun
    if tok.head.pos_ != "NOUN" and tok.head.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj"):
        return False
    lemma = tok.lemma_.casefold()
    if after_hyphen(tok) and tok.i >= 2:
        lemma = f"{tok.doc[tok.i - 2].lower_}-{lemma}"
    return lemma in SECTOR_NOUNS and lemma not in GENERIC_ROLES
