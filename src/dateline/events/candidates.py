"""Which sentences can hold an event: a cheap pre-filter before the parser.

The event coder needs a dependency parse, the most expensive thing Dateline does. A
sentence can only give an event when it contains a trigger: a verb of the lexicon in
some inflected form ("met", "accusing", "withdrew"), a trigger noun ("talks", "a
ceasefire"), or a modal demand ("must", "should", coded as REQUEST). Matching those
surface forms on lower-cased words costs microseconds, so the pipeline can parse only
the sentences that pass and skip the rest.

It must also name someone who can act: every event has a source actor, and actors are
capitalised names ("Seoul", "Noh Kyu-duk", "Israeli") or role nouns ("police", "rebels").

Everything here is pure: `candidate_sentences(text)` returns character spans of `text`.
The lists come from the coder's own lexicons (`dateline.events.lexicon`,
`dateline.actors.lexicon`), so a trigger added there is kept here too; the few words
the coder handles by special rules are listed below, with the particle they need.
"""

from __future__ import annotations

import re
from functools import cache

from dateline import lexdata
from dateline.actors.lexicon import SECTOR_NOUNS, TITLE_ABBREVIATIONS, TITLE_WORDS
from dateline.events.lexicon import (
    CASUALTY_STATES,
    COMMENT_ADJECTIVES,
    CROWD_WEAPONS,
    GATHER_VERBS,
    LIGHT,
    LIGHT_VERBS,
    NOMINAL,
    NOUN_GROUPS,
    PHRASAL_VERBS,
    SPEECH_VERBS,
    STREET_VERBS,
    VERBS,
)

# Verbs the coder codes by special rules whatever follows (visits by arrival, phone calls).
_SPECIAL_VERBS = frozenset({"arrive", "phone", "sign", "push"})
# Verbs the coder codes only with one of these words ("forced ... out", "called for",
# "called off", "called by phone"); alone they are no trigger ("government forces").
_PARTICLE_VERBS: dict[str, frozenset[str]] = {
    "force": frozenset({"out"}),
    "hand": frozenset({"over"}),
    "lay": frozenset({"down"}),
    "back": frozenset({"down"}),
    "call": frozenset({"for", "on", "upon", "off", "phone", "telephone", "video"}),
    "find": frozenset({"guilty"}),  # "found him guilty": a conviction
}
# Words that give a gathering an aim without a trigger verb (see `groups.gathering_trigger`).
_GATHER_AIMS = frozenset({"against", "protest", "solidarity", "defiance"})
# Words that make a reported demand ("X must drop barriers") a REQUEST whatever the verb.
_MODAL_DEMANDS = frozenset({"must", "should"})

# Irregular past and participle forms of trigger verbs (facts of English morphology).
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("met",),
    "speak": ("spoke", "spoken"),
    "seek": ("sought",),
    "fight": ("fought",),
    "shoot": ("shot",),
    "strike": ("struck", "stricken"),
    "beat": ("beaten",),
    "slay": ("slew", "slain"),
    "withdraw": ("withdrew", "withdrawn"),
    "forgive": ("forgave", "forgiven"),
    "overrun": ("overran",),
    "retake": ("retook", "retaken"),
    "hold": ("held",),
    "give": ("gave", "given"),
    "send": ("sent",),
    "make": ("made",),
    "break": ("broke", "broken"),
    "bring": ("brought",),
    "take": ("took", "taken"),
    "burn": ("burnt",),
    "pay": ("paid",),
    "lead": ("led",),
    "cut": ("cut",),
    "set": ("set",),
    "put": ("put",),
    "sell": ("sold",),
    "tell": ("told",),
    "say": ("said",),
    "freeze": ("froze", "frozen"),
    "seize": ("seized",),
    "undertake": ("undertook", "undertaken"),
    "win": ("won",),
    "lose": ("lost",),
    "lay": ("laid",),
    "begin": ("began", "begun"),
    "have": ("has", "had"),
    "fly": ("flew", "flown"),
    "go": ("went", "gone", "goes"),
    "come": ("came",),
    "draw": ("drew", "drawn"),
    "throw": ("threw", "thrown"),
    "stand": ("stood",),
    "keep": ("kept",),
    "leave": ("left",),
    "build": ("built",),
    "buy": ("bought",),
    "lend": ("lent",),
    "spend": ("spent",),
    "fall": ("fell", "fallen"),
    "flee": ("fled",),
    "feed": ("fed",),
    "hit": ("hit",),
    "bear": ("bore", "borne"),
    "shake": ("shook", "shaken"),
    "sink": ("sank", "sunk"),
    "blow": ("blew", "blown"),
    "bind": ("bound",),
    "grind": ("ground",),
    "hang": ("hung",),
    "hide": ("hid", "hidden"),
    "ride": ("rode", "ridden"),
    "rise": ("rose", "risen"),
    "drive": ("drove", "driven"),
    "write": ("wrote", "written"),
    "steal": ("stole", "stolen"),
    "swear": ("swore", "sworn"),
    "tear": ("tore", "torn"),
    "wear": ("wore", "worn"),
    "bid": ("bid",),
    "let": ("let",),
    "shut": ("shut",),
    "quit": ("quit",),
    "split": ("split",),
    "spread": ("spread",),
    "upset": ("upset",),
    "find": ("found",),
    "teach": ("taught",),
    "catch": ("caught",),
    "think": ("thought",),
    "sit": ("sat",),
    "get": ("got", "gotten"),
    "choose": ("chose", "chosen"),
    "forbid": ("forbade", "forbidden"),
    "overthrow": ("overthrew", "overthrown"),
    "override": ("overrode", "overridden"),
    "withhold": ("withheld",),
    "uphold": ("upheld",),
    "mislead": ("misled",),
    "foresee": ("foresaw", "foreseen"),
    "see": ("saw", "seen"),
    "do": ("did", "done", "does"),
}
_VOWELS = set("aeiou")


def inflections(lemma: str) -> set[str]:
    """The lower-cased surface forms of an English verb or noun lemma.

    Regular morphology (-s/-es/-ies, -ed/-d/-ied, -ing, consonant doubling for short
    verbs) plus the irregular forms above; over-generation is harmless for a filter.
    """
    forms = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        # "ban" -> "banned", "kidnap" -> "kidnapped": a final consonant after a single vowel
        short = len(lemma) >= 3 and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS
        if short and lemma[-1] not in _VOWELS | {"w", "x", "y"}:
            double = lemma + lemma[-1]
            forms |= {double + "ed", double + "ing"}
    return forms


def _forms(lemmas: set[str] | frozenset[str]) -> frozenset[str]:
    out: set[str] = set()
    for lemma in lemmas:
        out |= inflections(lemma)
    return frozenset(out)


@cache
def trigger_forms() -> frozenset[str]:
    """Word forms that give an event by themselves: trigger verbs and event nouns."""
    # "according to" is a preposition, not an accord
    words = set(VERBS) | set(NOMINAL) | _SPECIAL_VERBS
    return (_forms(words) | frozenset(COMMENT_ADJECTIVES)) - {"according"}


@cache
def _particle_forms() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(surface forms of a particle verb, the words it needs), for verbs not triggers alone.

    The coder's phrasal verbs ("stepped down", "cracked down") are among them, so a
    sentence that holds one is parsed.
    """
    alone = trigger_forms()
    needs: dict[str, set[str]] = {verb: set(words) for verb, words in _PARTICLE_VERBS.items()}
    # "the blast left 11 people dead": an attack told by what it left
    needs.setdefault("leave", set()).update(CASUALTY_STATES)
    # "gathered against the law", "assembled in protest": a crowd with an aim (an aim told
    # by a trigger verb, "gathered to demand", passes as that verb)
    for verb in GATHER_VERBS:
        needs.setdefault(verb, set()).update(_GATHER_AIMS)
    # "poured into the streets": a crowd out in protest
    for verb in STREET_VERBS:
        needs.setdefault(verb, set()).update({"street", "streets"})
    for verb, particle in PHRASAL_VERBS:
        needs.setdefault(verb, set()).add(particle)
    return tuple((_forms({verb}) - alone, frozenset(words)) for verb, words in needs.items())


@cache
def _actor_forms() -> frozenset[str]:
    """Lower-case role nouns that name an actor without a capital ("police", "rebels")."""
    return _forms(set(SECTOR_NOUNS))


@cache
def _light_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(nouns that are events only with a light verb, those light verbs): "sent troops"."""
    nouns = _forms((set(NOUN_GROUPS) | {noun for noun, _ in CROWD_WEAPONS}) - set(NOMINAL)) - trigger_forms()
    verbs = _forms({verb for verb, _ in LIGHT if verb != "*"} | LIGHT_VERBS)
    return nouns, verbs


@cache
def event_words() -> frozenset[str]:
    """Every surface form of a word that is a trigger or part of one: trigger verbs and nouns,
    particle verbs, light verbs and the nouns they make events of. Not names, never."""
    nouns, verbs = _light_forms()
    particles = frozenset().union(*(forms for forms, _ in _particle_forms()))
    return trigger_forms() | nouns | verbs | particles


@cache
def _speech_forms() -> frozenset[str]:
    return _forms(SPEECH_VERBS | {"demand", "insist"})


def _forget_forms() -> None:
    """Drop the surface forms derived from the lexicons, after a user extends them."""
    for derived in (trigger_forms, _particle_forms, _actor_forms, _light_forms, event_words, _speech_forms):
        derived.cache_clear()


lexdata.on_change(_forget_forms)


# Sentence ends: . ! ? (and closing quotes/brackets) followed by space and a capital,
# digit or quote, or a line break. Abbreviations ("U.S.", "Dec.") may split a sentence
# in two, which only makes the filter keep a little less context; a trigger still
# keeps its own sentence.
_SENTENCE_END = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])|\n\s*""")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_CAPITAL = re.compile(r"\b[A-Z][\w'’.-]*")
# Abbreviations that end in a period inside a sentence; no sentence ends after them: the
# titles of the actors lexicon ("Lt. Gen.", "Brig.", "Supt."), and these.
_OTHER_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|Inc|Corp|Co|Ltd"
)
_TITLES = "|".join(
    sorted({re.escape(w[0].upper() + w[1:-1]) for w in TITLE_ABBREVIATIONS if w.endswith(".")})
)
_ABBREVIATIONS = re.compile(rf"(?:\b(?:[A-Z]\.){{1,3}}|\b(?:{_OTHER_ABBREVIATIONS}|{_TITLES})\.)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans of `text` (start, end), without the parser."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if "\n" not in match.group() and _ABBREVIATIONS.search(
            text[max(start, match.start() - 8) : match.start()]
        ):
            continue  # "U.S. envoy", "Dec. 23": no sentence end
        end = match.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _words(sentence: str) -> set[str]:
    words = set()
    for word in _WORD.findall(sentence.casefold()):
        words.add(word)
        if "-" in word:
            words.update(word.split("-"))
    return words


def _has_trigger(words: set[str]) -> bool:
    if words & trigger_forms():
        return True
    if any(words & forms and words & needs for forms, needs in _particle_forms()):
        return True
    nouns, verbs = _light_forms()
    if words & nouns and words & verbs:
        return True
    return bool(words & _MODAL_DEMANDS and words & _speech_forms())


def has_trigger(sentence: str) -> bool:
    """True when a sentence contains what the coder needs to code an event.

    A trigger verb or event noun; or a particle verb with its particle ("forced ... out");
    or a light-verb noun with a light verb ("sent troops", "imposed a curfew"); or
    "must"/"should" with a verb of saying (a reported demand).
    """
    return _has_trigger(_words(sentence))


# Capitalised words that start a sentence without naming anyone.
_FUNCTION_STARTS = frozenset(
    {
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "after",
        "before",
        "when",
        "while",
        "as",
        "if",
        "since",
        "though",
        "although",
        "however",
        "meanwhile",
        "also",
        "then",
        "still",
        "now",
        "today",
        "yesterday",
        "last",
        "next",
    }
)


# Pronouns the coder resolves to the person named last before them ("Biden ... He met Putin").
_PERSONAL = frozenset({"he", "she", "him", "her"})


def _has_name(sentence: str) -> bool:
    capitals = _CAPITAL.findall(sentence)
    return len(capitals) > 1 or bool(capitals and capitals[0].casefold() not in _FUNCTION_STARTS)


def has_actor_word(sentence: str, words: set[str] | None = None) -> bool:
    """True when a sentence has a word that can name an actor: a capitalised word (other
    than a function word starting the sentence), a role noun ("police", "rebels"), or a
    personal pronoun (the coder takes "he" to be the person named last before it)."""
    if _has_name(sentence):
        return True
    words = words if words is not None else _words(sentence)
    return bool(words & _actor_forms() or words & _PERSONAL)


def can_hold_event(sentence: str) -> bool:
    """True when the coder could find an event in `sentence`: a trigger and an actor word."""
    words = _words(sentence)
    return _has_trigger(words) and has_actor_word(sentence, words)


def candidate_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` that can hold an event, in order.

    A pipeline parses only these spans; a sentence without any trigger form or without
    any actor word cannot give an event, because the coder codes nothing without them.
    """
    return [(start, end) for start, end in sentence_spans(text) if can_hold_event(text[start:end])]


# A run of two or more capitalised words: a full name ("Paul Ronalds", "Choi Jong-kun").
_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+")


def _name_words(sentence: str) -> set[str]:
    """The capitalised words of a sentence, except a function word that starts it."""
    words = {w.casefold().rstrip(".") for w in _CAPITAL.findall(sentence)}
    return words - _FUNCTION_STARTS


def event_sentences(sentences: list[str]) -> list[bool]:
    """Which sentences can give an event: a trigger and an actor word (`can_hold_event`), and
    not dropped by the learned sentence filter (`dateline.events.sentence_filter`)."""
    from dateline.events.sentence_filter import keeps

    chosen = [can_hold_event(s) for s in sentences]
    verdicts = iter(keeps([s for s, c in zip(sentences, chosen, strict=True) if c]))
    return [c and next(verdicts) for c in chosen]


def select_sentences(sentences: list[str]) -> list[bool]:
    """Which sentences of one article to parse: those that can give an event
    (`event_sentences`), and context.

    Context is the first sentence that spells out in full a name an event sentence uses
    ("Paul Ronalds, the chief executive, ..." before "Ronalds said Australia should ...").
    The actor finder learns the full name, title and country there and gives them to the
    bare name; without it "Ronalds" would be nobody. And an event sentence with "he" or
    "she" also takes the nearest sentence before it that names someone, since the coder
    reads the pronoun as the person named last.
    """
    chosen = event_sentences(sentences)
    for k in range(len(sentences)):
        if chosen[k] and _words(sentences[k]) & _PERSONAL:
            named = next((j for j in range(k - 1, -1, -1) if _has_name(sentences[j])), None)
            if named is not None:
                chosen[named] = True
    wanted: set[str] = set()
    for sentence, keep in zip(sentences, chosen, strict=True):
        if keep:
            wanted |= _name_words(sentence)
    if not wanted:
        return chosen
    for k, sentence in enumerate(sentences):
        if chosen[k]:
            continue
        found: set[str] = set()
        for run in _NAME_RUN.findall(sentence):
            # a full name: two words or more besides titles ("President Erdogan" is not one)
            names = {w.casefold().rstrip(".") for w in run.split()} - TITLE_WORDS
            if len(names) >= 2:
                found |= names & wanted
        if found:
            chosen[k] = True
            wanted -= found  # the first full mention is enough
    return chosen
