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

from collections.abc import Iterable

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START, TAG
from spacy.tokens import Doc

from dateline.actors.country_names import lookup
from dateline.actors.lexicon import NAME_PARTICLES, TITLE_ABBREVIATIONS, TITLE_WORDS
from dateline.actors.names import text_of
from dateline.model import without_accents


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


def _unparsed_stretches(doc: Doc) -> list[tuple[int, int]]:
    """(first, end) token indices of each unparsed sentence (a run of tokens without a tag,
    cut where a sentence starts), read from the Doc's arrays."""
    rows = doc.to_array([TAG, SENT_START])
    unparsed = rows[:, 0] == 0
    if not unparsed.any():
        return []
    # a stretch starts at an unparsed token after a parsed one, or at a sentence's start
    starts = unparsed & (numpy.concatenate(([True], ~unparsed[:-1])) | (rows[:, 1] == 1))
    # and ends before a parsed token or before the next stretch's start
    firsts = numpy.flatnonzero(starts).tolist()
    parsed_after = numpy.flatnonzero(~unparsed).tolist()
    out: list[tuple[int, int]] = []
    cut = 0
    for k, first in enumerate(firsts):
        following = firsts[k + 1] if k + 1 < len(firsts) else len(doc)
        while cut < len(parsed_after) and parsed_after[cut] < first:
            cut += 1
        end = min(following, parsed_after[cut]) if cut < len(parsed_after) else following
        out.append((first, end))
    return out


def unparsed_full_names(doc: Doc, holding: Iterable[str] | None = None) -> set[str]:
    """The full personal names written in the unparsed sentences of `doc`. A token the
    pipeline did not parse has no tag (`parse_events`).

    With `holding` (words a name must hold to be wanted, such as surnames written alone),
    only the unparsed sentences whose text (without accents) holds one of them are read: a
    name is a stretch of its sentence's text, so a sentence without the word names no one
    who bears it, and the words of the others need not be walked.
    """
    out: set[str] = set()
    if not len(doc):
        return out
    stretches = _unparsed_stretches(doc)
    if holding is not None and stretches:
        wanted = [w for w in holding if w]
        text = text_of(doc)  # (`Doc.text` joins every token again)
        bounds = doc.to_array([IDX, LENGTH])
        kept: list[tuple[int, int]] = []
        for first, end in stretches:
            begin, stop = int(bounds[first, 0]), int(bounds[end - 1, 0] + bounds[end - 1, 1])
            written = without_accents(text[begin:stop])
            if any(w in written for w in wanted):
                kept.append((first, end))
        stretches = kept
    for first, end in stretches:
        _read_names(doc, first, end, out)
    return out


def _read_names(doc: Doc, first: int, end: int, out: set[str]) -> None:
    """Add to `out` the full names written in tokens `first:end` (one unparsed sentence)."""
    words: list[str] = []
    joins: list[str] = []

    def close() -> None:
        name = _names_of_run(words, joins)
        if name is not None:
            out.add(name)
        words.clear()
        joins.clear()

    for i in range(first, end):
        token = doc[i]
        text, space = token.text, token.whitespace_
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
