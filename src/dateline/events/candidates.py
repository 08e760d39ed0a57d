"""Which sentences can hold an event: a cheap pre-filter before the parser.

The event coder needs a dependency parse, the most expensive thing Dateline does. A
sentence can only give an event when it contains a trigger: a verb of the lexicon in
some inflected form ("met", "accusing", "withdrew"), a trigger noun ("talks", "a
ceasefire"), or a modal demand ("must", "should", coded as REQUEST). Matching those
surface forms on lower-cased words costs microseconds, so the pipeline can parse only
the sentences that pass and skip the rest.

Everything here is pure: `candidate_sentences(text)` returns character spans of `text`.
"""

from __future__ import annotations

import re
from functools import cache

from dateline.events.lexicon import LIGHT, LIGHT_VERBS, NOMINAL, NOUN_GROUPS, SPEECH_VERBS, VERBS

# Verbs the coder codes by special rules (phrasal verbs, phone calls, visits by arrival).
_SPECIAL_VERBS = frozenset({"call", "hand", "force", "arrive", "phone", "sign"})
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
    return _forms(set(VERBS) | set(NOMINAL) | _SPECIAL_VERBS) - {"according"}


@cache
def _light_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(nouns that are events only with a light verb, those light verbs): "sent troops"."""
    nouns = _forms(set(NOUN_GROUPS) - set(NOMINAL)) - trigger_forms()
    verbs = _forms({verb for verb, _ in LIGHT if verb != "*"} | LIGHT_VERBS)
    return nouns, verbs


@cache
def _speech_forms() -> frozenset[str]:
    return _forms(SPEECH_VERBS | {"demand", "insist"})


# Sentence ends: . ! ? (and closing quotes/brackets) followed by space and a capital,
# digit or quote, or a line break. Abbreviations ("U.S.", "Dec.") may split a sentence
# in two, which only makes the filter keep a little less context; a trigger still
# keeps its own sentence.
_SENTENCE_END = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])|\n\s*""")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# Abbreviations that end in a period inside a sentence; no sentence ends after them.
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rep|Sen|Gov|Prof|Rev|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|Inc|Corp|Co|Ltd)\.)$"
)


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


def has_trigger(sentence: str) -> bool:
    """True when a sentence contains what the coder needs to code an event.

    A trigger verb or event noun; or a light-verb noun with a light verb ("sent troops",
    "imposed a curfew"); or "must"/"should" with a verb of saying (a reported demand).
    """
    words = set()
    for word in _WORD.findall(sentence.casefold()):
        words.add(word)
        if "-" in word:
            words.update(word.split("-"))
    if words & trigger_forms():
        return True
    nouns, verbs = _light_forms()
    if words & nouns and words & verbs:
        return True
    return bool(words & _MODAL_DEMANDS and words & _speech_forms())


def candidate_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` that can hold an event, in order.

    A pipeline parses only these spans; a sentence without any trigger form cannot give
    an event, because the coder codes nothing without a trigger.
    """
    return [(start, end) for start, end in sentence_spans(text) if has_trigger(text[start:end])]
