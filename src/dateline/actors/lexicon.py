"""Word lists for actor coding: sector nouns, title words, international and armed groups.

Sector codes are the CAMEO/PLOVER agent codes. These are facts about English usage and
about well-known organisations, not rules tuned to any text.

The lists are data: each one below is read from a TSV file of the same name in
`dateline/actors/lexicon/` (`GROUPS` from `groups.tsv`, `SECTOR_NOUNS` from
`sector_nouns.tsv`...), whose header says what its columns are and whose comments say why
an entry is there; `-` stands for "no country". Only the prepositions that attach a country
(`COUNTRY_PREPS`, grammar) are written here. A user adds or overrides entries with a file
of their own rows, each led by its table's name (`groups  wagner group  RUS  UAF`):
`dateline.events.lexicon.extend_from(path)`, or `dateline ingest --lexicon FILE`; see
`dateline.lexdata`. Named actors a user knows are better given as `--actors` overrides.
"""

from __future__ import annotations

from dateline import lexdata
from dateline.lexdata import table, word_set

_HERE = "dateline.actors"  # the package whose lexicon/ folder holds the files

# Lemma of a role/sector noun -> sector ("the government", "Israeli troops" -> ISR MIL).
SECTOR_NOUNS: dict[str, str] = table(_HERE, "sector_nouns")

# Nouns for an organised group whose kind its modifier tells ("a rebel group").
GROUP_NOUNS: set[str] = word_set(_HERE, "group_nouns")
# Words that, in front of a common noun, make it part of a body ("a police station").
OWNER_WORDS: set[str] = word_set(_HERE, "owner_words")

# Nouns for a party related to another ("Israel's ally"): the possessor is the patron.
RELATION_NOUNS: set[str] = word_set(_HERE, "relation_nouns")

# Modifiers of such a group noun that are no sector noun of their own.
GROUP_MODIFIERS: dict[str, str] = table(_HERE, "group_modifiers")

# Role nouns that usually stand for one named person of a country ("his Japanese counterpart").
PERSON_ROLES: set[str] = word_set(_HERE, "person_roles")
# General role nouns -> the titles whose holders news takes up by them ("the diplomat").
ROLE_TITLES: dict[str, str] = table(_HERE, "role_titles")

# Role nouns a country has many holders of at once: their plural is a group, not one person.
GROUP_ROLES: set[str] = word_set(_HERE, "group_roles")

# Offices whose title ends in "General" ("Attorney General"): a civilian office, no rank.
GENERAL_OFFICES: set[str] = word_set(_HERE, "general_offices")

# Role nouns that say nothing of the body a person belongs to ("rebel commander" is REB).
GENERIC_ROLES: set[str] = word_set(_HERE, "generic_roles")

# Words of a title in front of a name; stripped to get the bare name.
TITLE_WORDS: set[str] = word_set(_HERE, "title_words")

# Abbreviated titles as written ("lt.", "gov.", "sgt") -> the title word each stands for.
TITLE_ABBREVIATIONS: dict[str, str] = table(_HERE, "title_abbreviations")

# Ranks that give a sector only as a title in front of a name ("Colonel Ahmed Saleh").
RANK_TITLES: dict[str, str] = table(_HERE, "rank_titles")

# International organisations and well-known NGOs: name or abbreviation -> (country, sector).
GROUPS: dict[str, tuple[str | None, str]] = table(_HERE, "groups", 1, 2)

# Lower-case particles inside personal names ("Osama bin Laden", "Lula da Silva").
NAME_PARTICLES: set[str] = word_set(_HERE, "name_particles")

# Nouns that name an act, not a party to it ("Russia's invasion", "military exercises").
ACT_NOUNS: set[str] = word_set(_HERE, "act_nouns")

# Nouns that never head an actor even when capitalised at the start of a sentence.
NOT_ACTORS: set[str] = word_set(_HERE, "not_actors")

# All-capital abbreviations of things, not bodies ("COVID", "GDP", "CEO"): an unknown
# all-capital subject of an act is an organisation unless it is one of these.
THING_ACRONYMS: set[str] = word_set(_HERE, "thing_acronyms")

# Wire agencies: who reports an act, never who does it (and no part of a name after them).
WIRE_AGENCIES: set[str] = word_set(_HERE, "wire_agencies")

# Documents and deals: a titled one ("Joint Statement", "the Doha accord") is no actor.
DOCUMENT_NOUNS: set[str] = word_set(_HERE, "document_nouns")

# Dashes as news types them, as tokens: what sets off a dateline ("KABUL --") or an
# apposition ("Blinken — the first secretary of state —").
DASHES = frozenset({"--", "-", "\u2014", "\u2013"})

# Words that, as a prepositional phrase, attach a country to an actor phrase.
COUNTRY_PREPS = frozenset({"of", "at", "in", "from", "for", "throughout", "across", "inside"})

# Heads that stand for their "of" phrase: "a group of diplomats", "thousands of students".
COLLECTIVES: set[str] = word_set(_HERE, "collectives")

# Nouns for the people of a body named in front of them ("opposition members", "Serb
# units") -> the sector they give when only a country or people is named (None: none).
MEMBER_NOUNS: dict[str, str | None] = table(_HERE, "member_nouns")

# Nouns for states as a group that a region word in front makes an actor ("Gulf states").
STATE_NOUNS: set[str] = word_set(_HERE, "state_nouns")

# Modifiers that make an armed force a body of several states ("a multinational force").
MULTINATIONAL_WORDS: set[str] = word_set(_HERE, "multinational_words")

# The last word of an organisation's own name that tells its kind ("the Ford Foundation").
ORG_HEAD_SECTORS: dict[str, str] = table(_HERE, "org_head_sectors")

# Compass words that name part of a country ("western Cambodia", "Northern Mali").
COMPASS_WORDS: set[str] = word_set(_HERE, "compass_words")

# Words that make a country named with them an actor's patron or side, not the actor
# ("US-backed", "pro-Russian") -> the side of the hyphen they stand on ("after", "before").
LEANING_WORDS: dict[str, str] = table(_HERE, "leaning_words")

# Modifiers that make a role noun people of many or other countries ("world leaders",
# "foreign fighters") -> the heads they count with ("any", or "plural" only).
MANY_COUNTRY_WORDS: dict[str, str] = table(_HERE, "many_country_words")

# Two-word demonyms of part of a continent ("South American"): no country's people.
CONTINENT_DEMONYMS: set[str] = word_set(_HERE, "continent_demonyms")

# Regions news names by an English name -> the country they lie in ("Darfur" -> SDN).
REGIONS: dict[str, str] = table(_HERE, "regions")

# Surnames shared by too many people to name an officeholder alone ("Fox", "Martin").
COMMON_SURNAMES: set[str] = word_set(_HERE, "common_surnames")


def _forget_lookups() -> None:
    """Country lookups read COMPASS_WORDS ("Western Cambodia") and the officeholder index
    COMMON_SURNAMES: drop them after a user's rows."""
    from dateline.actors.country_names import lookup
    from dateline.actors.incumbents import office_index, surname_bearers

    lookup.cache_clear()
    office_index.cache_clear()
    surname_bearers.cache_clear()


lexdata.on_change(_forget_lookups)
