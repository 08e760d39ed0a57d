"""Trigger lexicons: English verbs and nouns -> PLOVER 2.0 type and CAMEO code.

Codes follow the CAMEO codebook and the CAMEO->PLOVER 2021 table (in the shared data);
where a verb is vague we give the CAMEO root or its 0 leaf ("040"). Asking, urging and
appealing are CAMEO 02 (appeal), demanding is CAMEO 10; both are PLOVER REQUEST. The one deliberate
exception: agreeing "in a declaration/treaty" is AGREE with CAMEO 057 (the project's
convention), while *signing* one is SUPPORT 057 as the mapping table says.

The vocabulary is data: each table and word list below is read from a TSV file of the
same name in `dateline/events/lexicon/` (`VERBS` from `verbs.tsv`, `LIGHT` from
`light.tsv`...), whose header says what its columns are and whose comments say why an
entry is there. Only closed sets that are grammar, not vocabulary (modal auxiliaries,
type sets, code-to-code mappings), are written here. A user adds or overrides entries
with a file of their own rows, each led by its table's name (`verbs  torpedo  REJECT  120`):
`extend_from(path)` here, or `dateline ingest --lexicon FILE`; see `dateline.lexdata`.
"""

from __future__ import annotations

from dateline.lexdata import extend_from as extend_from  # the user's additions (see above)
from dateline.lexdata import table, word_set

_HERE = "dateline.events"  # the package whose lexicon/ folder holds the files

Code = tuple[str, str]  # (PLOVER type, CAMEO code)

# Verb lemma -> event. Used when the verb has an actor subject and an actor target.
VERBS: dict[str, Code] = table(_HERE, "verbs", 1, 2)

# Verbs whose complement ("refused to meet") is the content of the event they name.
CONTROL_VERBS: set[str] = word_set(_HERE, "control_verbs")
# Verbs of intention: their complement is a planned event ("plans to visit").
INTENT_VERBS: set[str] = word_set(_HERE, "intent_verbs")
# Modal auxiliaries that put an event in the future.
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "going"})
# Verbs of saying: not events themselves; the clause they report is.
SPEECH_VERBS: set[str] = word_set(_HERE, "speech_verbs")
# Verbs of talking over a topic: their object is what is discussed, not a party.
TOPIC_OBJECT_VERBS: set[str] = word_set(_HERE, "topic_object_verbs")
# Phrasal verbs that name an event only with their particle: (verb, particle) -> event.
PHRASAL_VERBS: dict[tuple[str, str], Code] = table(_HERE, "phrasal_verbs", 2, 2)
# Verbs that fail to: "failed to reach agreement" is a REJECT.
FAIL_VERBS: set[str] = word_set(_HERE, "fail_verbs")

# Nominal triggers: noun lemma -> group; the group with its light verb decides the code.
NOUN_GROUPS: dict[str, str] = table(_HERE, "noun_groups")

# Less-lethal crowd-control weapons, (noun lemma, modifier or "-"): "tear gas", "baton".
CROWD_WEAPONS: set[tuple[str, str]] = table(_HERE, "crowd_weapons", 2, 0)  # type: ignore[assignment]

# Verbs by which a crowd goes out into the streets ("poured into the streets").
STREET_VERBS: set[str] = word_set(_HERE, "street_verbs")

# Verbs by which something brings an act about without doing it ("sparked protests").
CAUSE_VERBS: set[str] = word_set(_HERE, "cause_verbs")

# Nouns that count or time an act named in their "of" phrase: "a day of rioting".
EPISODE_NOUNS: set[str] = word_set(_HERE, "episode_nouns")

# Verbs that lend any trigger noun its default code ("held talks", "launched an attack").
LIGHT_VERBS: set[str] = word_set(_HERE, "light_verbs")

# (light verb lemma, group) -> code; ("*", group) is the default for any verb.
LIGHT: dict[tuple[str, str], Code] = table(_HERE, "light", 2, 2)

# Cooperative types said as intent become AGREE; conflictual ones become THREATEN.
INTENT_CODES: dict[str, Code] = {
    "CONSULT": ("AGREE", "036"),
    "SUPPORT": ("AGREE", "032"),
    "COOPERATE": ("AGREE", "031"),
    "AID": ("AGREE", "033"),
    "CONCEDE": ("AGREE", "035"),
    "RETREAT": ("AGREE", "035"),
    "ASSAULT": ("THREATEN", "138"),
    "COERCE": ("THREATEN", "130"),
    "SANCTION": ("THREATEN", "131"),
    "MOBILIZE": ("THREATEN", "138"),
    "PROTEST": ("THREATEN", "133"),
}
# Refusing a cooperative act is a REJECT with the matching CAMEO leaf.
REFUSAL_CODES: dict[str, str] = {
    "CONSULT": "125",
    "AGREE": "120",
    "SUPPORT": "120",
    "COOPERATE": "121",
    "AID": "122",
    "CONCEDE": "124",
    "RETREAT": "124",
    "REQUEST": "120",
}
# Asking for an act (CAMEO 02 appeal): REQUEST with the matching CAMEO leaf.
APPEAL_CODES: dict[str, str] = {
    "CONSULT": "026",
    "AGREE": "027",
    "COOPERATE": "021",
    "AID": "023",
    "CONCEDE": "025",
    "RETREAT": "025",
    "SUPPORT": "022",
}
# Demanding an act (CAMEO 10 demand): REQUEST with the matching CAMEO leaf.
REQUEST_CODES: dict[str, str] = {
    "CONSULT": "106",
    "AGREE": "107",
    "COOPERATE": "101",
    "AID": "103",
    "CONCEDE": "105",
    "RETREAT": "105",
    "SUPPORT": "102",
}
COOPERATIVE = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})

# Types an actor can do on its own, with nobody on the other side: a protest, a
# mobilisation, a retreat or resignation, a concession. Other types need a target.
SELF_CONTAINED = frozenset({"PROTEST", "MOBILIZE", "RETREAT", "CONCEDE"})
# Types the PLOVER manual codes without a recipient ("Requires recipient: No"); the coder
# takes them without a target when the trigger names what the act is about ("launched an
# investigation", "rejected accusations of genocide"), not from a bare verb ("complained").
NO_RECIPIENT = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "COERCE", "ASSAULT"}
)
# CAMEO codes whose acts have no particular target: an intent to yield ("agreed to
# resign"), a curfew or state of emergency over one's own territory, a ceasefire broken.
SELF_CONTAINED_CODES = frozenset(
    {
        *("035", "1723", "1724", "196", "0813", "0814"),
        # a threatened strike or protest, like a protest, needs nobody on the other side
        "133",
        # comments, denials, symbolic acts, and appeals for reform need nobody on the other side
        *("011", "012", "013", "014", "015", "016", "017", "019", "024", "104"),
    }
)
# CAMEO 01 comments: subordinate to any other event of their sentence (the CAMEO codebook
# codes a comment only when it implies nothing more), so they get a lower confidence.
COMMENT_CODES = frozenset({"010", "011", "012", "013", "015", "017", "019"})
# CAMEO 013, an optimistic comment ("hopes for progress", "expressed confidence that Turkey
# will approve"): CAMEO codes it (penta-class 0), but hoping does nothing to anyone, and
# PLOVER, which dropped CAMEO's comments, has no event type for it. A pessimistic comment
# (012, "expressed concern over X's launches") finds fault with someone: PLOVER's ACCUSE.
# Declining to comment (CAMEO 011: "declined to comment on the case") refuses nothing a party
# asked: the judged protocol and PLOVER, which has no statement types, print no event for it.
UNCODED_COMMENTS = frozenset({"011", "013"})
# CAMEO 012, a pessimistic comment: PLOVER's ACCUSE only when it is about someone ("expressed
# concern over China's actions"); "President Yoon expressed concern" alone accuses no one.
FAULT_COMMENTS = frozenset({"012"})
# What an appeal for political change asks for (CAMEO 024 appeal, 104 demand).
REFORM_NOUNS: set[str] = word_set(_HERE, "reform_nouns")
# Adjectives of a comment ("said it is skeptical of ..."): CAMEO 012 and 013.
COMMENT_ADJECTIVES: dict[str, Code] = table(_HERE, "comment_adjectives", 1, 2)
# Verbs of weighing an option: what they govern is CAMEO 014 (consider policy option).
CONSIDER_VERBS: set[str] = word_set(_HERE, "consider_verbs")
# Verbs of hoping and fearing: the clause they govern is someone's wish, not an event.
WISH_VERBS: set[str] = word_set(_HERE, "wish_verbs")
# Verbs of believing and predicting: a future act in their clause is a forecast.
OPINION_VERBS: set[str] = word_set(_HERE, "opinion_verbs")
# Verbs of claiming: an act in the present in their clause is a view of how things stand.
CLAIM_VERBS: set[str] = word_set(_HERE, "claim_verbs")
# Nouns of doing ("actions", "the move"): as a subject they tell what the doing brings about.
DOING_NOUNS: set[str] = word_set(_HERE, "doing_nouns")
# Adjectives that tell how far an act has got ("the withdrawal is complete", "talks are underway").
STAGE_ADJECTIVES: set[str] = word_set(_HERE, "stage_adjectives")
# Verbs and nouns of how a source is named ("asked not to be named", "requested anonymity").
NAMING_WORDS: set[str] = word_set(_HERE, "naming_words")
# Nouns of asking, offering and planning: an infinitive under them is their content.
CONTENT_NOUNS: set[str] = word_set(_HERE, "content_nouns")
# Verbs by which a threat is uttered ("issued a threat"); nouns of a threat that also name a
# danger ("the threat posed by China"), an act only when uttered.
UTTER_VERBS: set[str] = word_set(_HERE, "utter_verbs")
DANGER_NOUNS: set[str] = word_set(_HERE, "danger_nouns")
# Verbs that call a plan off ("held off", "abandoned"): the plan joined to them is no event.
ABANDON_VERBS: set[str] = word_set(_HERE, "abandon_verbs")
# The public a statement is made to ("spoke to reporters"): no party to a consultation.
PRESS_WORDS: set[str] = word_set(_HERE, "press_words")
# What a warning holds over someone when it is a threat ("warned of consequences").
REPERCUSSION_NOUNS: set[str] = word_set(_HERE, "repercussion_nouns")
# Ground held by force: defending it is fighting, not speaking up ("defended the city").
HELD_GROUND: set[str] = word_set(_HERE, "held_ground")
# Settlements and areas named with "of" ("the town of Adi Keyh"): the name is a place's.
SETTLEMENT_NOUNS: set[str] = word_set(_HERE, "settlement_nouns")
# Weapons whose launch shows force unless aimed at someone, the verbs that launch them, and the
# open water they fall into when aimed at no one.
LAUNCHED_WEAPONS: set[str] = word_set(_HERE, "launched_weapons")
LAUNCH_VERBS: set[str] = word_set(_HERE, "launch_verbs")
# Verbs that deploy armed men when they name where to (see dispatch_verbs.tsv).
DISPATCH_VERBS: set[str] = word_set(_HERE, "dispatch_verbs")
OPEN_WATERS: set[str] = word_set(_HERE, "open_waters")

# Nouns that name an event by themselves ("Palestinian riots", "talks between X and Y").
NOMINAL: dict[str, Code] = table(_HERE, "nominal", 1, 2)

# Verbs too vague to code without a direct object ("return to Geneva").
NEEDS_OBJECT: set[str] = word_set(_HERE, "needs_object")
PUBLISHED_THINGS: set[str] = word_set(_HERE, "published_things")
# Verbs of telling the public, whose refusal is declining to comment (CAMEO 011).
DISCLOSURE_VERBS: set[str] = word_set(_HERE, "disclosure_verbs")
# What the press asks about: the topics of a declined comment ("declined to discuss the case").
DISCLOSURE_TOPICS: set[str] = word_set(_HERE, "disclosure_topics")
# Verbs that name a protest only without an object or a clause ("demonstrates that ...").
WITHOUT_OBJECT: set[str] = word_set(_HERE, "without_object")

# Verbs of harm to computer systems: a cyber attack when a cyber attack or hackers do it.
CYBER_VERBS: set[str] = word_set(_HERE, "cyber_verbs")
# Modifiers that make an attack one made in words ("a scathing attack"): criticism.
VERBAL_ATTACK_MODS: set[str] = word_set(_HERE, "verbal_attack_mods")
# Verbs of harm: what one is harmed in or by ("killed in strikes") is violence.
HARM_VERBS: set[str] = word_set(_HERE, "harm_verbs")
# Verbs whose doer, when a strike, makes it an attack ("the strikes hit a school"), and the
# people and trades whose strike is a stoppage of work ("a rail strike", "the union's strike").
STRIKE_FORCE_VERBS: set[str] = word_set(_HERE, "strike_force_verbs") | HARM_VERBS
STRIKE_WORKERS: set[str] = word_set(_HERE, "strike_workers")
STRIKE_STATE_DOERS: set[str] = word_set(_HERE, "strike_state_doers")
# Verbs whose subject is discussed, not reported ("Turkey's attack is a new phase").
DISCUSSING_VERBS: set[str] = word_set(_HERE, "discussing_verbs")
# What can be suspended as a sanction: ties, aid, talks, a treaty, people or bodies from a post
# (not a prison sentence, a plan or one's own campaign).
SANCTION_SUSPENSIONS: set[str] = word_set(_HERE, "sanction_suspensions")

# Envoys, missions and bodies expelled in a cut of relations, or that one is expelled from.
EXPELLED_BODIES: set[str] = word_set(_HERE, "expelled_bodies")

# Channels a statement is made on or in: never the one it is aimed at.
MEDIA_WORDS: set[str] = word_set(_HERE, "media_words")

# What an attack leaves people as ("left 11 people dead", "leaving dozens wounded").
CASUALTY_STATES: set[str] = word_set(_HERE, "casualty_states")
# Verbs of a crowd coming together: a protest when they have an aim against someone.
GATHER_VERBS: set[str] = word_set(_HERE, "gather_verbs")
# "the two sides", "both parties", "the warring factions": nouns that stand for parties
# named before (`groups.pair_of`), with the kind of party; and the words that count them.
PARTY_NOUNS: dict[str, str] = table(_HERE, "party_nouns")
PARTY_MARKERS: set[str] = word_set(_HERE, "party_markers")
# Who hosts, brokers or mediates the parties' act: neither partner nor target (`targets`).
MEDIATION_VERBS: set[str] = word_set(_HERE, "mediation_verbs")
MEDIATION_NOUNS: set[str] = word_set(_HERE, "mediation_nouns")
# Nouns of a matter ("relations", "security"): never the head of a target.
TOPIC_NOUNS: set[str] = word_set(_HERE, "topic_nouns")
