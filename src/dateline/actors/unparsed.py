"""Full personal names written in the sentences the pipeline left unparsed.

The events stage parses only the sentences that can give an event (`dateline.nlp.
parse_events`, the learned sentence filter). A sentence it skips may be the one that named
someone in full ("Syrian President Bashar al-Assad said ..."), so that a later "Assad"
finds no full name in the parse and is coded as a bare word. English news names a person
in full first and by surname after; a full name is recognisable from its words alone:
two or more capitalised words, with the lower-case particles of names between them
("al-", "bin", "van") and hyphens ("Jong-un"). Titles and country words in front are the
person's description, not the name ("President", "Syrian"). This reads those names from
the tokens of unparsed sentences, without parsing them, so that the actor finder can give
a surname of a parsed sentence the full name it stands for.
"""

from __future__ import annotations

from spacy.attrs import TAG
from spacy.tokens import Doc

from dateline.actors.country_names import lookup
from dateline.actors.lexicon import NAME_PARTICLES, TITLE_ABBREVIATIONS, TITLE_WORDS


def _capitalised(word: str) -> bool:
    """A word written as a name is: a capital, then at least one lower-case letter."""
    return word[:1].isupper() and any(c.islower() for c in word)


def _describes(word: str) -> bool:
    """A title or country word in front of a name ("President", "Syrian", "Gen.")."""
    lower = word.casefold()
    return lower in TITLE_ABBREVIATIONS or lower.strip(".") in TITLE_WORDS or lookup(word) is not None


def _names_of_run(words: list[str], joins: list[str]) -> str | None:
    """The personal name a run of tokens spells, or None: the words after the last title
    or country word, starting and ending with a capitalised word, two of them at least.

    `joins[k]` is the whitespace after `words[k]` ("" inside "al-Assad").
    """
    cut = 0
    for k, word in enumerate(words):
        if _capitalised(word) and _describes(word):
            cut = k + 1
    words, joins = words[cut:], joins[cut:]
    while words and not _capitalised(words[0]):
        words, joins = words[1:], joins[1:]
    while words and not _capitalised(words[-1]):
        words, joins = words[:-1], joins[:-1]
    if sum(1 for w in words if _capitalised(w)) < 2:
        return None
    return "".join(w + j for w, j in zip(words[:-1], joins[:-1], strict=True)) + words[-1]


def unparsed_full_names(doc: Doc) -> set[str]:
    """The full personal names written in the unparsed sentences of `doc`. A token the
    pipeline did not parse has no tag (`parse_events`)."""
    out: set[str] = set()
    if not len(doc):
        return out
    tags = doc.to_array([TAG]).tolist()
    if all(tags):
        return out  # every sentence parsed: the parse has the names
    words: list[str] = []
    joins: list[str] = []

    def close() -> None:
        name = _names_of_run(words, joins)
        if name is not None:
            out.add(name)
        words.clear()
        joins.clear()

    for i, tag in enumerate(tags):
        token = doc[i] if not tag else None
        if token is None:
            close()  # a parsed token: its sentence's names are in the parse
            continue
        text, space = token.text, token.whitespace_
        if token.is_sent_start and words:
            close()
        joined = words and not joins[-1]  # no space since the run's last token
        if not words and token.is_stop:
            close()  # "The", "But" starting a sentence: no part of a name
        elif _capitalised(text) and text.replace("-", "").replace("'", "").replace("’", "").isalpha():
            words.append(text)
            joins.append(space)
        elif words and text.casefold() in NAME_PARTICLES and not space.count("\n"):
            words.append(text)  # "bin", "al" (in "al-Assad"), "van"
            joins.append(space)
        elif joined and text == "-" and not space:
            words.append(text)
            joins.append(space)
        else:
            close()
        if "\n" in space:
            close()  # a name never runs across a line break
    close()
    return out
