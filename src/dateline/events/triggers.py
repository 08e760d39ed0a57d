"""What a verb or a noun names: the trigger of an event and the code it starts with.

A verb is a trigger by its lemma ("accused"), as a light verb with a trigger noun ("held
talks", "imposed a curfew"), or by a construction the lexicon cannot list ("called for",
"took to the streets", "set fire to"). A noun names an act only in the sense its
modifiers give it (a *military* exercise, a *hunger* strike, not a press release) and
only where a sentence reports an event rather than a topic. A reported "X must do Y" is
a demand, and "Y is out of the question" a refusal, whatever Y is.

Everything here reads one token and its dependents. Whether the clause asserts the act
(`modality`), who acts on whom (`roles`) and the final code (`codes`) are decided later,
so a trigger found here is only a candidate.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from dateline.events.lexicon import (
    COMMENT_ADJECTIVES,
    CONTROL_VERBS,
    CROWD_WEAPONS,
    CYBER_VERBS,
    DISPATCH_VERBS,
    EPISODE_NOUNS,
    HARM_VERBS,
    LAUNCH_VERBS,
    LAUNCHED_WEAPONS,
    LIGHT,
    LIGHT_VERBS,
    NEEDS_OBJECT,
    NOMINAL,
    NOUN_GROUPS,
    OPEN_WATERS,
    PHRASAL_VERBS,
    PUBLISHED_THINGS,
    REQUEST_CODES,
    SANCTION_SUSPENSIONS,
    SPEECH_VERBS,
    STREET_VERBS,
    STRIKE_FORCE_VERBS,
    STRIKE_STATE_DOERS,
    STRIKE_WORKERS,
    VERBAL_ATTACK_MODS,
    VERBS,
    WITHOUT_OBJECT,
    Code,
)
from dateline.lexdata import NONE
from dateline.time.values import WEEKDAYS

_PHONE_WORDS = frozenset({"phone", "telephone", "call", "video"})
_DEAL_WORDS = frozenset({"declaration", "accord", "treaty", "agreement", "pact", "memorandum"})

# Heads whose "of" phrase names the thing: "25,000 tons of aid", "a state of emergency".
_OF_HEADS = frozenset(
    {
        "ton",
        "tonne",
        "worth",
        "million",
        "billion",
        "thousand",
        # counts of people: "hundreds of Marines were deployed", "moving dozens of soldiers"
        "hundred",
        "dozen",
        "shipment",
        "consignment",
        "package",
        "lot",
        "state",
        # parts and groups: "some of the military equipment", "a round of joint exercises"
        "some",
        "part",
        "batch",
        "team",
        "round",
        "series",
        "number",
        "range",
        "variety",
    }
)
_STATE_VERBS = frozenset({"go", "be", "remain", "stay", "put", "place", "keep"})
DEMANDS = frozenset({"demand", "condition", "term", "ultimatum"})
_HELP_VERBS = frozenset({"help", "assist", "aid"})

# Forms the small English model lemmatises wrongly ("hoped" -> "hop").
_LEMMA_FIXES = {"hoped": "hope", "hoping": "hope", "hopes": "hope"}


def lemma_of(token: Token) -> str:
    """The token's lemma, lower-cased, with the model's known mistakes corrected."""
    return _LEMMA_FIXES.get(token.lower_) or token.lemma_.casefold()


@cache
def _senses() -> dict[str, dict[str, Code]]:
    """Every word of the lexicon -> the PLOVER types it can name, each with its first code.

    A verb's senses are its own entry, its phrasal forms and its entries as a light verb
    ("call": a phone call, or a call for something); a trigger noun's, its own entry and
    every light-verb entry of its group ("strike": a walkout, or an air strike).
    """
    table: dict[str, dict[str, Code]] = {}

    def add(word: str, code: Code) -> None:
        table.setdefault(word, {}).setdefault(code[0], code)

    for word, code in VERBS.items():
        add(word, code)
    for word, code in NOMINAL.items():
        add(word, code)
    for (verb, _), code in PHRASAL_VERBS.items():
        add(verb, code)
    by_group: dict[str, list[Code]] = {}
    for (verb, group), code in LIGHT.items():
        by_group.setdefault(group, []).append(code)
        if verb != "*":
            add(verb, code)
    for noun, group in NOUN_GROUPS.items():
        for code in by_group.get(group, ()):
            add(noun, code)
    return table


def trigger_senses(sent: Span, trigger_start: int, trigger: str) -> dict[str, Code]:
    """The PLOVER types (with a code each) the words of one event's trigger can name.

    `trigger` is the event's trigger text (the verb, and the noun of a light verb) and
    `trigger_start` the verb's offset; the other words are found by their text in `sent`.
    A noun whose modifiers decide its sense ("a cyber attack", "a hunger strike") has no
    other: ask `sense_fixed` first and leave such a trigger as it is.
    """
    words = trigger.split(" ")
    tokens = [t for t in sent if t.idx == trigger_start or (t.idx > trigger_start and t.text in words[1:])]
    senses: dict[str, Code] = {}
    for token in tokens:
        for kind, code in _senses().get(lemma_of(token), {}).items():
            senses.setdefault(kind, code)
    return senses


def sense_fixed(sent: Span, trigger_start: int, trigger: str) -> bool:
    """Whether a noun of the trigger has modifiers that decide its sense ("a cyber attack").

    Such a noun names one act whatever its head word names elsewhere (a cyber attack
    coerces, PLOVER's COERCE in mode `cyber`; a hunger strike protests), so the words, not
    the sentence around them, give the event's type.
    """
    words = trigger.split(" ")
    return any(
        t.idx > trigger_start and t.text in words[1:] and _attack_sense(t, NO_TRIGGER.code) != NO_TRIGGER.code
        for t in sent
    )


@dataclass(frozen=True)
class Trigger:
    code: Code
    tokens: tuple[Token, ...]  # the verb, and the trigger noun of a light verb
    noun: Token | None = None


def base_trigger(verb: Token) -> Trigger | None:
    """The event a verb names by itself and its object noun, before control and modality."""
    if verb.pos_ not in ("VERB", "AUX") and not (verb.pos_ == "NOUN" and verb.dep_ == "ROOT"):
        return None
    lemma = lemma_of(verb)
    # spaCy finds a token's children by scanning its whole subtree (the sentence, for a
    # main verb) on every access; the rules below ask for them many times
    children = list(verb.children)
    nouns = [c for c in children if c.dep_ in ("dobj", "attr", "nsubjpass")]
    # "provided 25,000 tons of food aid": the measure's "of" phrase names the thing
    nouns.extend(
        pobj
        for n in list(nouns)
        if n.lemma_.casefold() in _OF_HEADS
        for prep in n.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    )
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "in", "upon", "for", "under"):
            nouns.extend(c for c in prep.children if c.dep_ == "pobj")
    # "mediation efforts", "artillery and rocket fire": a compound or conjunct names the act
    nouns = [
        *nouns,
        *(c for n in nouns for c in (*n.conjuncts, *n.children) if c.dep_ in ("compound", "conj")),
    ]
    # "withdrew from the talks", "pulled out of the treaty", "took them into custody": these
    # nouns count only with the verbs listed with them (no light-verb default: "emerged
    # from talks" is no event)
    left = [
        pobj
        for prep in (*children, *(g for c in children if c.lower_ == "out" for g in c.children))
        if prep.dep_ == "prep"
        and (prep.lower_ in ("from", "into") or (prep.lower_ == "of" and prep.head.lower_ == "out"))
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for noun in [*nouns, *left]:
        group = noun_group(noun)
        if group is None or not _sense_fits(noun, group):
            continue
        code = LIGHT.get((lemma, group))
        if code is None and lemma in LIGHT_VERBS and noun not in left:
            code = LIGHT.get(("*", group))
        if code is not None and group == "operation" and peacekeeping(noun):
            code = ("AID", "074")  # "participate in peacekeeping operations"
        if code is not None and group == "attack":
            code = _attack_sense(noun, code)
        if code is not None:
            return Trigger(_refine(verb, code), (verb, noun), noun)
    if lemma in ("meet", "satisfy", "fulfil", "fulfill") and any(
        c.dep_ == "dobj" and c.lemma_.casefold() in _TERMS for c in children
    ):
        # "meet demands" yields to them; "meet targets" is no meeting at all
        demand = any(c.dep_ == "dobj" and c.lemma_.casefold() in DEMANDS for c in children)
        return Trigger(("CONCEDE", "080"), (verb,)) if demand else None
    if lemma in ("stop", "halt", "down", "lay") and any(
        c.dep_ == "dobj"
        and c.lemma_.casefold() in ("work", "tool")
        and not any(p.dep_ == "poss" for p in c.children)
        for c in children
    ):
        # "workers stopped work", "downed tools": a strike (CAMEO 143), not a halt in fighting
        return Trigger(("PROTEST", "143"), (verb,))
    if lemma in _STOP_VERBS:
        # "agreed to halt fighting", "ended hostilities": de-escalation (CAMEO 087)
        for child in children:
            if child.dep_ in ("dobj", "xcomp") and (
                VERBS.get(lemma_of(child), ("", ""))[0] == "ASSAULT"
                or NOUN_GROUPS.get(child.lemma_.casefold()) == "attack"
            ):
                return Trigger(("RETREAT", "087"), (verb, child), child)
    if lemma in ("let", "set"):
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        loose = any(c.lower_ in ("free", "go", "loose") for c in children)
        if loose or (after is not None and after.lower_ in ("free", "loose")):
            return Trigger(("RETREAT", "0841"), (verb,))  # "let free the activists", "set them free"
    if lemma == "set" and any(
        (prep.lower_ == "on" and any(c.lower_ == "fire" for c in prep.children))
        or (prep.dep_ == "dobj" and prep.lower_ == "fire")
        for prep in children
    ):
        return Trigger(("ASSAULT", "1712"), (verb,))  # "set the station on fire", "set fire to": arson
    if lemma == "find" and any(c.lower_ == "guilty" for c in children):
        return Trigger(VERBS["convict"], (verb,))  # "found him guilty": a conviction
    if lemma in STREET_VERBS and any(
        prep.lower_ in ("to", "into", "onto") and any(c.lemma_.casefold() == "street" for c in prep.children)
        for prep in children
    ):
        # "took to the streets", "poured into the streets": a demonstration
        return Trigger(("PROTEST", "141"), (verb,))
    if lemma == "walk" and any(
        prep.lower_ == "off" and any(c.lemma_.casefold() in ("job", "work") for c in prep.children)
        for prep in children
    ):
        return Trigger(("PROTEST", "143"), (verb,))  # "walked off the job": a strike
    if lemma == "be" and _said(verb):
        # "said it is skeptical of ...": a comment (CAMEO 012/013); told by the writer ("Turkey is
        # concerned about YPG dominance") it is a state of mind, which no one has voiced
        for child in children:
            comment = COMMENT_ADJECTIVES.get(child.lower_) if child.dep_ == "acomp" else None
            if comment is not None:
                return Trigger(comment, (verb, child), child)
    particles = {c.lower_ for c in children if c.dep_ == "prt"}
    if lemma == "call":
        called_up = next(
            (
                c
                for c in children
                if c.dep_ in ("dobj", "nsubjpass") and noun_group(c) in ("troops", "police")
            ),
            None,
        )
        if particles & {"up", "out", "in"} and called_up is not None:
            # "called up 5,000 reservists", "called out the army", "called in riot police":
            # armed men mobilised (CAMEO 154)
            return Trigger(("MOBILIZE", "154"), (verb, called_up), called_up)
        meeting = any(
            NOUN_GROUPS.get(c.lemma_.casefold()) in ("talks", "visit") for c in children if c.dep_ == "dobj"
        )
        if "off" in particles and meeting:
            return Trigger(("REJECT", "125"), (verb,))  # "called off talks": refuses to meet
        if "off" in particles:
            return Trigger(("CONCEDE", "082"), (verb,))  # "called off a strike": eases dissent
        # "called for", "called on" ask; "called" alone may be a phone call
        preps = {c.lower_ for c in children if c.dep_ == "prep"}
        has_object = any(c.dep_ in ("dobj", "oprd") for c in children)
        # "called on X to": an appeal; "called X on Wednesday": a time, not an appeal
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        on_someone = (
            after is not None
            and after.lower_ in ("on", "upon")
            and not any(c.ent_type_ in ("DATE", "TIME") for c in after.children)
        )
        if "for" in preps or on_someone:
            return Trigger(("REQUEST", "020"), (verb,))
        if any(t.lower_ in _PHONE_WORDS - {"call"} for t in verb.subtree):
            return Trigger(("CONSULT", "041"), (verb,))
        purpose = any(
            c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in children
        )
        if has_object and purpose:
            return Trigger(("CONSULT", "041"), (verb,))  # "called Erdogan to apologise": a phone call
        return None
    if lemma == "push":  # "pushed for reforms", "pushed Congress to act"; not "pushed back"
        preps = {c.lower_ for c in children if c.dep_ == "prep"}
        pushes = "for" in preps or (any(c.dep_ == "dobj" for c in children) and complement(verb) is not None)
        # pushing hard for something is a demand (CAMEO 10); plain pushing, an appeal (02)
        hard = any(c.dep_ == "advmod" and c.lower_ in ("hard", "strongly") for c in children)
        pressed: Code = ("REQUEST", "100" if hard else "020")
        return Trigger(pressed, (verb,)) if pushes and not particles else None
    if lemma == "hand" and "over" in particles:
        return Trigger(("RETREAT", "0841"), (verb,))
    # "forced the agency out of the country": the parser often reads "out" as a preposition
    outs = particles | {c.lower_ for c in children if c.dep_ in ("prep", "advmod") and c.lower_ == "out"}
    if lemma == "force" and "out" in outs:
        return Trigger(("SANCTION", "166"), (verb,))  # "forced the UN agency out": expel
    if lemma == "lay" and "down" in particles:
        return Trigger(("RETREAT", "0873"), (verb,))  # "lay down arms": demobilise
    if lemma == "back" and "down" in particles:
        return Trigger(("CONCEDE", "080"), (verb,))  # "backed down": yields
    # the parser tags "stepped down" or "pulled back" as a particle or an adverb
    adverbs = particles | {c.lower_ for c in children if c.dep_ == "advmod"}
    phrasal = next((PHRASAL_VERBS[(lemma, p)] for p in sorted(adverbs) if (lemma, p) in PHRASAL_VERBS), None)
    if phrasal is not None:
        return Trigger(phrasal, (verb,))  # "stepped down", "cracked down", "pulled out"
    if lemma == "arrive":
        # a visit ("arrived in Amman on a visit"); peacekeepers arriving are protection (074)
        subject_words = {t.lemma_.casefold() for c in children if c.dep_ == "nsubj" for t in c.subtree}
        if any(w.startswith("peacekeep") for w in subject_words):
            return Trigger(("AID", "074"), (verb,))
        # "2,000 US troops arrived in Poland", "hundreds of riot police arrived": armed men
        # arriving somewhere are deployed there (CAMEO 154, police 153), no visit
        arrived = [
            t
            for c in children
            if c.dep_ == "nsubj"
            for t in (
                c,
                *(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children),
            )
        ]
        force = next((g for t in arrived if (g := noun_group(t)) in ("troops", "police")), None)
        if force is not None:
            return Trigger(("MOBILIZE", "153" if force == "police" else "154"), (verb,))
        return Trigger(("CONSULT", "042"), (verb,))
    if lemma in CYBER_VERBS and any(cyber_doer(d) for d in _doers(children)):
        return Trigger(("COERCE", "170"), (verb,))  # "hackers breached the ministry's network"
    if lemma in DISPATCH_VERBS:
        # "ordered troops to the border", "rushed riot police into the streets": armed men
        # sent to a place are deployed there (CAMEO 154, police 153); with no place ("ordered
        # troops to withdraw") the order is of another act, coded by its own verb
        sent = next((c for c in children if c.dep_ == "dobj" and noun_group(c) in ("troops", "police")), None)
        placed = any(
            c.dep_ == "prep" and c.lower_ in ("to", "into") and any(g.dep_ == "pobj" for g in c.children)
            for c in children
        )
        if sent is not None and placed:
            force = noun_group(sent)
            return Trigger(("MOBILIZE", "153" if force == "police" else "154"), (verb, sent), sent)
    if lemma in _HELP_VERBS and not any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in children):
        return None  # "helped lead efforts to ...": a share in some act, not aid to anyone
    if lemma in NEEDS_OBJECT and not any(c.dep_ in ("dobj", "nsubjpass") for c in children):
        return None  # "return to Geneva", "fire at": the bare verb is too vague to code
    if lemma == "release" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.casefold() in PUBLISHED_THINGS for c in children
    ):
        return None  # "released a joint communique": a publication, no one freed
    if lemma in WITHOUT_OBJECT and any(c.dep_ in ("dobj", "ccomp") for c in children):
        return None  # "the refusal demonstrates that ...": shows, no protest
    weapon = _launched_weapon(lemma, children)
    if weapon is not None and not _aimed(children):
        # "fired an ICBM toward the East Sea", "tested a new missile": a show of force (150)
        return Trigger(("MOBILIZE", "150"), (verb, weapon), weapon)
    if lemma == "welcome" and _welcomes_a_visitor(children):
        return Trigger(("CONSULT", "043"), (verb,))  # "welcomed Modi to the White House": a host
    if lemma == "suspend" and not _suspends_a_sanction(children):
        return None  # "suspended his prison sentence", "suspended her campaign": no sanction
    code = VERBS.get(lemma)
    if code is None:
        return None
    return Trigger(_refine(verb, code), (verb,))


# Names of those one can suspend as a sanction: people, bodies and states.
_SUSPENDED_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _suspends_a_sanction(children: list[Token]) -> bool:
    """True when what is suspended makes the suspension a sanction (sanction_suspensions.tsv):
    ties, aid, talks, cooperation, a treaty, membership, or a named person, body or state, or
    anyone suspended "from" a post or body. A prison sentence, a plan or one's own campaign
    suspended is no sanction. With no object, or a pronoun, the verb keeps its code."""
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in children):
        return True  # "suspended Russia from the council", "suspended him from the party"
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return True
    for obj in objects:
        heads = [
            obj,
            *(
                g
                for p in obj.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
            ),
        ]
        if any(
            h.pos_ == "PRON" or h.ent_type_ in _SUSPENDED_NAMES or _listed(h, SANCTION_SUSPENSIONS)
            for h in heads
        ):
            return True
    return False


# Names of states, places and bodies: welcoming one "to" something admits it, hosts no visitor.
_PLACES_AND_BODIES = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def _welcomes_a_visitor(children: list[Token]) -> bool:
    """True for welcoming a person to or at a place ("welcomed the Indian prime minister to the
    summit", "welcomed Macron at the airport"): hosting a visit, not endorsing anything."""
    person = any(
        c.dep_ == "dobj"
        and (c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and c.ent_type_ not in _PLACES_AND_BODIES))
        for c in children
    )
    return person and any(
        c.dep_ == "prep" and c.lower_ in ("to", "at", "in", "into") and _untimed_objects(c) for c in children
    )


# Modifiers that make an attack a cyber attack (PLOVER COERCE `cyber`).
_CYBER = frozenset({"cyber", "ddos", "ransomware", "malware", "hacking", "phishing", "hacker"})
# Modifiers of a strike that make it a work stoppage (CAMEO 143).
_LABOUR_STRIKE = frozenset(
    {"general", "nationwide", "national", "labor", "labour", "union", "workers", "indefinite", "wildcat"}
)
# Modifiers of a strike that make it an attack from the air or by fire (CAMEO 195).
_MILITARY_STRIKE = frozenset(
    {
        *("air", "aerial", "airstrike", "missile", "drone", "military", "rocket", "artillery", "nuclear"),
        *("punitive", "retaliatory", "precision", "targeted", "surgical", "pre-emptive", "preemptive"),
    }
)
NO_TRIGGER = Trigger(("", ""), ())


def _aimed_at(noun: Token) -> bool:
    """True for a strike "on" something that is not a time ("a strike on a school bus", "the
    second such strike on the jihadists"): an attack lands on its target; a walkout is "on
    Monday", "for better pay", "over wages", "by teachers" (and "against" the government)."""
    return any(
        prep.dep_ == "prep" and prep.lower_ == "on" and _untimed_objects(prep) for prep in noun.children
    ) or _harmed_by(noun)


def _harmed_by(noun: Token) -> bool:
    """True for what people or things are harmed in or by ("killed in strikes on Sunday",
    "the school was damaged by a strike"): violence, whatever else the noun can name."""
    while noun.dep_ == "conj":
        noun = noun.head
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("in", "by")
        and prep.head.pos_ == "VERB"
        and prep.head.lemma_.casefold() in HARM_VERBS
    )


def _untimed_objects(prep: Token) -> list[Token]:
    """The objects of a preposition that are not times ("on the convoy", not "on Friday" or "at
    dawn"): what an act can land on."""
    return [
        c
        for c in prep.children
        if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME") and c.lemma_.casefold() not in WEEKDAYS
    ]


def _launched_weapon(lemma: str, children: list[Token]) -> Token | None:
    """The missile a launch verb fires ("fired an intercontinental ballistic missile"), if any."""
    if lemma not in LAUNCH_VERBS:
        return None
    for child in children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.casefold() in LAUNCHED_WEAPONS:
            return child
    return None


def _aimed(children: list[Token]) -> bool:
    """True when a launch is aimed at someone: fired "at", "on" or "against" something, or
    "into" a place that is not open water ("into southern Israel", not "into the sea")."""
    for prep in children:
        if prep.dep_ != "prep":
            continue
        objects = _untimed_objects(prep)
        if prep.lower_ in ("at", "on", "upon", "against") and objects:
            return True
        if prep.lower_ == "into" and any(o.lemma_.casefold() not in OPEN_WATERS for o in objects):
            return True
    return False


def noun_group(noun: Token) -> str | None:
    """The trigger-noun group of a noun; "martial law" is a state of emergency (CAMEO 1724)."""
    lemma = noun.lemma_.casefold()
    if lemma == "law" and any(c.lower_ == "martial" for c in noun.children):
        return "emergency"
    if crowd_weapon(noun) or any(crowd_weapon(c) for c in noun.children if c.dep_ in ("compound", "nmod")):
        return "crowd_control"  # "fired tear gas", "used water cannon", "tear gas canisters"
    return NOUN_GROUPS.get(lemma)


def crowd_weapon(noun: Token) -> bool:
    """True for a weapon of less-lethal crowd control: "tear gas", "rubber bullets", "batons"."""
    lemma = noun.lemma_.casefold()
    if (lemma, NONE) in CROWD_WEAPONS:
        return True
    return any(
        (lemma, c.lower_) in CROWD_WEAPONS for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
    )


# Nouns of an attack that a cyber modifier makes a cyber attack ("a DDoS attack", "a breach").
_CYBER_ATTACKS = frozenset({"attack", "assault", "raid", "strike", "breach", "intrusion", "campaign"})


def cyber_doer(token: Token) -> bool:
    """True when a verb's doer is a cyber attack or hackers: "a cyber attack", "a
    cyberattack", "Russian hackers", "cybercriminals"; the act they do is one on computers."""
    lower, lemma = token.lower_, token.lemma_.casefold()
    if lemma in ("hacker", "cybercriminal") or lower.startswith("cyber"):
        return True
    mods = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
    return lemma in _CYBER_ATTACKS and bool(mods & _CYBER)


def cyber_act(tokens: tuple[Token, ...]) -> bool:
    """True when a trigger (its verb, and the trigger noun of a light verb) names an act on
    computers: "hackers breached the network", "the site was hit by a cyber attack",
    "launched a DDoS attack". What such an act is done to is a system (a site, a network,
    servers), which is no party; news reports the attack whoever owns it.
    """
    verb, *nouns = tokens
    if lemma_of(verb) in CYBER_VERBS and any(cyber_doer(d) for d in _doers(list(verb.children))):
        return True
    return any(_attack_sense(n, NO_TRIGGER.code) == ("COERCE", "170") for n in nouns)


def _doers(children: list[Token]) -> list[Token]:
    """A verb's doers: its subject, or the "by" ("hit with") phrase of a passive."""
    found = [c for c in children if c.dep_ == "nsubj"]
    passive = any(c.dep_ == "nsubjpass" for c in children)
    found.extend(
        o
        for c in children
        if c.dep_ == "agent" or (passive and c.dep_ == "prep" and c.lower_ == "with")
        for o in c.children
        if o.dep_ == "pobj"
    )
    return found


def _verbal(noun: Token) -> bool:
    """True for an attack made in words: "a scathing attack", "a thinly veiled attack"."""
    return any(
        c.dep_ in ("amod", "compound", "advmod")
        and c.lower_ in VERBAL_ATTACK_MODS
        or (c.dep_ == "amod" and any(a.lower_ in VERBAL_ATTACK_MODS for a in c.children))
        for c in noun.children
    )


def _attack_sense(noun: Token, code: Code) -> Code:
    """An attack noun's sense by its modifiers: a cyber attack coerces, a hunger strike protests."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & _CYBER or noun.lower_.startswith("cyber"):
        return ("COERCE", "170")
    if _verbal(noun):
        return ("ACCUSE", "111")  # "launched a scathing attack on the government": criticism
    if noun.lemma_.casefold() == "strike":
        if "hunger" in mods:
            return ("PROTEST", "142")
        if mods & _LABOUR_STRIKE:
            return ("PROTEST", "143")
    return code


# What one meets without meeting anyone: demands, targets, deadlines.
_TERMS = DEMANDS | frozenset(
    {
        *("requirement", "deadline", "need", "target"),
        *("expectation", "criterion", "obligation", "standard", "goal", "commitment", "cost"),
    }
)
# Verbs of stopping: stopping an attack is de-escalation.
_STOP_VERBS = frozenset({"halt", "stop", "end", "cease", "suspend", "stem"})

# Modifiers that make an exercise military and joint, or an operation an attack.
_EXERCISE_MODS = frozenset({"joint", "military", "naval", "war", "combined", "air", "army"})
_OPERATION_MODS = frozenset(
    {"military", "offensive", "ground", "air", "counterterrorism", "counter-terrorism", "combat"}
)


# Modifiers of "security" that keep it the guarding of a place ("heavy security", "extra security").
_GUARD_MODS = frozenset(
    {"tight", "heavy", "extra", "additional", "more", "police", "military", "border", "airport"}
)


def _sense_fits(noun: Token, group: str) -> bool:
    """True when the noun has the sense its group codes: a *military* exercise, an *offensive* operation."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if group == "exercise":
        return bool(mods & _EXERCISE_MODS)
    if group == "venture":
        return "joint" in mods  # a joint venture, not any venture
    if group == "operation":
        return (
            bool(mods & _OPERATION_MODS)
            or peacekeeping(noun)
            or any(c.dep_ == "prep" and c.lower_ == "against" for c in noun.children)
        )
    if group == "security":
        # the security a place is kept under ("tightened security at the airport"), not a
        # field of policy named by its modifier ("food security", "security cooperation")
        # as the object only: "security was tightened" names no one who tightened it
        return noun.dep_ in ("dobj", "conj") and mods <= _GUARD_MODS
    if group == "alert":
        # "raised its combat readiness", not a readiness to do something ("readiness to talk")
        return not any(c.dep_ in ("acl", "xcomp", "relcl") for c in noun.children)
    if group == "police":
        # police sent or massed are the object; police a thing goes to are not ("sent a
        # letter to police", "handed over to police")
        return noun.dep_ != "pobj"
    return True


def _refine(verb: Token, code: Code) -> Code:
    """Deeper CAMEO codes the sentence spells out: by phone (041), in a declaration (057), a
    warning against something (an objection, 111)."""
    kind, cameo = code
    if kind == "CONSULT" and cameo == "040":
        words = {t.lower_ for t in verb.subtree if t.i < verb.i + 8} | {c.lower_ for c in verb.children}
        if words & (_PHONE_WORDS - {"call"}):
            return ("CONSULT", "041")
    if (
        kind == "THREATEN"
        and lemma_of(verb) == "warn"
        and any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children)
    ):
        # "warned Russia against treating Syria as a proxy war", "warned against an assault":
        # an objection to an act, which holds nothing over anyone (PLOVER ACCUSE disapprove)
        return ("ACCUSE", "111")
    if kind == "AGREE" and cameo.startswith("03"):
        for prep in verb.children:
            in_deal = prep.dep_ == "prep" and prep.lower_ in ("in", "under", "through")
            if in_deal and any(c.lemma_.casefold() in _DEAL_WORDS for c in prep.children if c.dep_ == "pobj"):
                return ("AGREE", "057")
    return code


def complement(verb: Token) -> Token | None:
    """The clause a verb governs ("agreed to meet", "demanded that X leave"), if any.

    A trailing attribution is not one: the parser often hangs "..., Borrell announced" on
    the reported verb as its clausal complement.
    """
    kids = verb.children
    return next(
        (
            c
            for c in kids
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and not attribution(verb, c)
        ),
        None,
    )


def attribution(verb: Token, clause: Token) -> bool:
    """True for "..., X said" after a reported clause: a speech verb that follows the verb
    across a comma, with a subject of its own and no "that" or "whether" of a complement."""
    if clause.dep_ != "ccomp" or clause.i < verb.i or lemma_of(clause) not in SPEECH_VERBS:
        return False
    kids = list(clause.children)
    if any(c.dep_ == "mark" for c in kids) or not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        return False
    return any(t.text == "," for t in verb.doc[verb.i : clause.left_edge.i])


def episode_of(noun: Token) -> Token:
    """The noun that counts or times the act `noun` names ("a day of rioting" -> day), else `noun`."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.casefold() in EPISODE_NOUNS:
        return head.head
    return noun


def _said(verb: Token) -> bool:
    """True for a clause someone says: the complement of a verb of saying, up through clauses
    joined to it ("said it is concerned and remains wary"), or a quotation ("'We are concerned,'
    she said")."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("ccomp", "conj", "xcomp", "parataxis") or node.head.i == node.i:
            return False
        node = node.head
        if lemma_of(node) in SPEECH_VERBS:
            return True
    return False


def event_position(noun: Token) -> bool:
    """True when a noun stands where a sentence reports an event, not a topic.

    "Palestinian riots continued", "staged rallies", "converged for a rally" report one;
    "exchanged views on ways for cooperation" only names a topic. An act counted or timed
    by another noun ("a second day of rioting broke out") stands where that noun stands.
    """
    noun = episode_of(noun)
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT", "appos"):
        return True
    if noun.dep_ == "conj":
        return event_position(noun.head)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.casefold() in _STATE_VERBS:
        return True  # "went on strike", "remained on alert"
    return (
        noun.dep_ == "pobj"
        and head.lower_ in ("in", "during", "for", "at", "into", "with", "after")
        and head.head.pos_ in ("VERB", "AUX")
    )


def nominal_refine(noun: Token, code: Code) -> Code | None:
    """Nouns whose sense their modifiers decide: a hunger strike, an air strike, a general strike."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    if noun.lemma_.casefold() == "release" and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    ):
        return None  # "a press release"; a freeing is "the release of" someone
    if noun.lemma_.casefold() in ("attack", "assault", "raid") and (mods & _CYBER):
        return ("COERCE", "170")  # "a cyber attack on the ministry's servers"
    if noun.lemma_.casefold() in ("attack", "assault") and _verbal(noun):
        return ("ACCUSE", "111")  # "her scathing attack on the report": criticism
    if noun.lemma_.casefold() == "strike":
        kind = _strike_kind(noun)
        if kind == "hunger":
            return ("PROTEST", "142")
        if kind == "attack" or (kind in (None, "state") and _strikes_military(noun.doc)):
            # (a bare "the strikes" after "air strikes": `_strikes_military`)
            return ("ASSAULT", "195")
        return ("PROTEST", "143")
    return code


def _strike_kind(noun: Token) -> str | None:
    """What a "strike" noun's own words make it: "hunger", a "walkout" ("a general strike", "on
    strike"), an "attack" ("air strikes", "a strike on the depot", "killed in strikes"), or None
    when they do not say."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    if "hunger" in mods:
        return "hunger"
    if mods & _LABOUR_STRIKE or (noun.dep_ == "pobj" and noun.head.lower_ == "on") or _workers_strike(noun):
        return "walkout"
    if mods & _MILITARY_STRIKE or _aimed_at(noun) or _strike_does_harm(noun):
        return "attack"
    if _state_strike(noun):
        return "state"
    return None


def _listed(token: Token, words: Collection[str]) -> bool:
    """Whether a word is listed as written or by its lemma (tables list "teachers'" as "teacher",
    and the small model lemmatises some forms wrongly)."""
    return token.lower_ in words or token.lemma_.casefold() in words


def _strike_doers(noun: Token) -> list[Token]:
    """Who a strike's own words say makes it: its owner and modifiers ("Israel's strikes",
    "Turkish strikes", "the union's strike") and the objects of its "by" ("strikes by
    teachers")."""
    return [
        *(c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")),
        *(
            g
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ == "by"
            for g in p.children
            if g.dep_ == "pobj"
        ),
    ]


def _workers_strike(noun: Token) -> bool:
    """True for a strike of people who work or of their trade ("a rail strike", "the
    teachers' strike", "a strike by dockers"): a stoppage of work."""
    return any(_listed(d, STRIKE_WORKERS) for d in _strike_doers(noun))


def _state_strike(noun: Token) -> bool:
    """True for a strike of a state, its people or its army ("Israel's strikes", "Turkish
    strikes", "US strikes", "strikes by government forces"): states strike with weapons."""
    return any(d.ent_type_ in ("GPE", "NORP") or _listed(d, STRIKE_STATE_DOERS) for d in _strike_doers(noun))


def _strike_does_harm(noun: Token) -> bool:
    """True for a strike that kills, hits, targets or destroys ("the strikes killed 10 people",
    "strikes hit a school", "the strikes seemed to be aimed at the depot"): an attack, since
    a stoppage of work harms no one in that way."""
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(v.lemma_.casefold() in STRIKE_FORCE_VERBS for v in verbs)


def _strikes_military(doc: Doc) -> bool:
    """True when the article's strikes are attacks: it names some strike as one from the air or
    by fire ("air strikes", "a missile strike", "airstrikes", "a strike on the depot") and none
    as a walkout ("a general strike", "on strike"). A word keeps one sense through one text,
    so a bare "the strikes" later in it is the same kind of strike."""
    military = False
    for token in doc:
        lemma = token.lemma_.casefold()
        if lemma.startswith("airstrike") or lemma == "air-strike":
            military = True
        elif lemma == "strike" and token.pos_ in ("NOUN", "PROPN"):
            kind = _strike_kind(token)
            if kind in ("hunger", "walkout"):
                return False
            military = military or kind in ("attack", "state")
    return military


def peacekeeping(verb: Token) -> bool:
    """True when troops go to keep the peace: a peacekeeping force or mission in the clause."""
    return any(t.lower_.startswith("peacekeep") for t in verb.subtree)


def controls(head: Token) -> bool:
    """True when `head` is a control verb that codes its complement itself."""
    lemma = lemma_of(head)
    return lemma == "fail" or (lemma in CONTROL_VERBS and base_trigger(head) is not None)


def must_request(verb: Token) -> Trigger | None:
    """A reported 'X must/should do Y' is a demand on X ("said Libya must hand over ...")."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.casefold() not in SPEECH_VERBS | {"demand", "insist"}:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children):
        return None
    inner = base_trigger(verb)
    cameo = REQUEST_CODES.get(inner.code[0], "100") if inner else "100"
    return Trigger(("REQUEST", cameo), (verb,))


def ruled_out(verb: Token) -> Trigger | None:
    """A reported "Y is out of the question" rules Y out: the speaker refuses it (CAMEO 120)."""
    if verb.lemma_ != "be" or verb.dep_ != "ccomp" or verb.head.lemma_.casefold() not in SPEECH_VERBS:
        return None
    for out in verb.children:
        if out.dep_ == "prep" and out.lower_ == "out":
            for of in out.children:
                for question in of.children if of.lower_ == "of" else ():
                    if question.lower_ == "question":
                        words = (verb, out, of, *question.lefts, question)  # "is out of the question"
                        return Trigger(("REJECT", "120"), words)
    return None
