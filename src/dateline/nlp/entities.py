"""The NER run only on the stretches of a Doc that can hold an entity.

The model's NER has a token-vector network of its own and takes one step per token: it
costs more than the tagger, the parser and their shared network together, yet most
tokens of news are plain lower-case words outside any entity. Names are capitalised,
figures hold digits, and dates, times and amounts are written with a few words of time
and number ("last week", "two years ago", "hundreds"; `entity_words.tsv`). A stretch of
a sentence with none of these holds no entity, so the NER is run only on each run of
tokens within `MARGIN` tokens of such a word (the margin gives the network its context
on both sides, and lets an entity begin with "the" or "of"), each run as a Doc of its
own; every other token is outside any entity (IOB "O"), as the NER would mostly say. A
capital on a word the tagger puts in a closed class (a determiner, pronoun, preposition,
conjunction or modal: "The", "But", "He" starting a sentence) marks nothing by itself: an
entity such a word begins ("The Hague") holds a name word of its own, which marks it.

This changes the NER's output a little: a run's edges cut the context the full NER
would see (its network reads four tokens either side), so an entity near an edge may
get another label or other bounds. Everything else is the component's own: the same
model and moves (`SteppedParser`) and the same labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from itertools import islice
from typing import Any, cast

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE, IDX, LENGTH, NORM, ORTH, SPACY, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc

from dateline.nlp.selected import piece_of

# Tokens each side of a word that can be in an entity, run through the NER with it.
MARGIN = 2
_ENTITY_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]
_OUTSIDE = 2  # ENT_IOB of a token outside any entity
# What a word says of its stretch (`EntityStretches._marks`): nothing, that it can be in an
# entity, or that it can unless the tagger makes it a function word (a capital only)
_NO, _YES, _UNLESS_CLOSED = 0, 1, 2
# Tags of the closed word classes: determiners, pronouns, prepositions, conjunctions, modals.
_CLOSED_TAGS = ("DT", "PDT", "PRP", "PRP$", "IN", "CC", "WDT", "WP", "WP$", "WRB", "EX", "MD", "TO")


@cache
def _closed_tags() -> frozenset[int]:
    return frozenset(get_string_id(tag) for tag in _CLOSED_TAGS)


@cache
def entity_words() -> frozenset[str]:
    """Lower-case words of time and number that can be part of an entity (`entity_words.tsv`)."""
    text = files("dateline.nlp").joinpath("entity_words.tsv").read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def can_be_in_entity(word: str, like_num: bool) -> bool:
    """True when a word may be part of an entity: a capital first, a digit, a number word
    (`like_num`, the language's own test) or a word of time or number (`entity_words`)."""
    if word[:1].isupper() or like_num or any(c.isdigit() for c in word):
        return True
    return word.casefold() in entity_words()


def stretches(marks: Any, margin: int = MARGIN) -> list[tuple[int, int]]:
    """(start, end) of the runs of tokens within `margin` tokens of a marked one, in order."""
    n = len(marks)
    if not n or not marks.any():
        return []
    near = numpy.convolve(marks.astype("int32"), numpy.ones(2 * margin + 1, dtype="int32"), mode="same") > 0
    # starts and ends of the runs of True
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], near.astype("int8"), [0]))))
    return [(int(s), int(e)) for s, e in zip(edges[::2], edges[1::2], strict=True)]


class EntityStretches:
    """The NER (a `SteppedParser` over the NER component) on the stretches that can hold an entity."""

    def __init__(self, stepped: Any, memo_entries: int) -> None:
        self.stepped = stepped
        self.memo_entries = memo_entries
        # word (ORTH hash) -> can it be part of an entity; news repeats its words
        self._memo: dict[int, int] = {}

    def _marks(self, doc: Doc) -> Any:
        vocab, memo = doc.vocab, self._memo
        closed = _closed_tags()
        marks = numpy.zeros(len(doc), dtype=bool)
        for i, (orth, tag) in enumerate(doc.to_array([ORTH, TAG]).tolist()):
            known = memo.get(orth)
            if known is None:
                if len(memo) > self.memo_entries:  # words grow with the vocabulary
                    memo.clear()
                lexeme = vocab[orth]
                word = lexeme.orth_
                known = memo[orth] = (
                    _NO
                    if not can_be_in_entity(word, bool(lexeme.like_num))
                    else _UNLESS_CLOSED
                    if word.istitle() and not word.isupper() and not any(c.isdigit() for c in word)
                    else _YES
                )
            # a word of a closed class written with a capital ("The", "But", "He" starting a
            # sentence) is no name by itself: an entity it begins ("The Hague") holds a
            # capitalised name word of its own, which marks its stretch
            marks[i] = known == _YES or (known == _UNLESS_CLOSED and tag not in closed)
        return marks

    def _annotate(self, docs: list[Doc]) -> None:
        runs: list[tuple[int, int, int]] = []
        pieces: list[Doc] = []
        for k, doc in enumerate(docs):
            found = stretches(self._marks(doc))
            if not found:
                continue
            text, columns = doc.text, doc.to_array([IDX, LENGTH, SPACY, NORM])
            for start, end in found:
                runs.append((k, start, end))
                pieces.append(piece_of(doc.vocab, text, columns, start, end))
        values = [numpy.zeros((len(doc), len(_ENTITY_ATTRS)), dtype="uint64") for doc in docs]
        for rows in values:
            rows[:, 0] = _OUTSIDE
        for (k, start, end), piece in zip(runs, self.stepped.pipe(pieces), strict=True):
            values[k][start:end] = piece.to_array(_ENTITY_ATTRS)
        for doc, rows in zip(docs, values, strict=True):
            if len(doc):
                doc.from_array(_ENTITY_ATTRS, cast(Any, rows))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Set the entities of a stream of Docs, in order, a batch at a time."""
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            self._annotate(batch)
            yield from batch
