"""Parsing only the sentences that can hold an event (`parse_events`); see the package docstring."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    IDX,
    LEMMA,
    LENGTH,
    MORPH,
    NORM,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.components import parse, run_pipeline
from dateline.nlp.model import load_pipeline

# What the model writes on a parsed run, copied back into the article's Doc.
_PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID]


def parse_all_requested() -> bool:
    """True when `DATELINE_PARSE=full` asks to parse every sentence."""
    return os.environ.get("DATELINE_PARSE", "").strip().casefold() == "full"


# Takes the sentences of one text, says which to parse.
Selector = Callable[[list[str]], list[bool]]


def parse_events(texts: Iterable[str], batch_size: int = 32, select: Selector | None = None) -> Iterator[Doc]:
    """Docs of `texts`, in order, with only the sentences `select` keeps parsed.

    `select` takes the sentences of one text and says which to parse; the default is
    `dateline.events.candidates.select_sentences`. See `dateline.nlp` for what the
    Doc holds. With `DATELINE_PARSE=full` this is `parse`.
    """
    if parse_all_requested():
        yield from parse(texts, batch_size)
        return
    if select is None:
        from dateline.events.candidates import select_sentences

        select = select_sentences
    nlp = load_pipeline()
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == batch_size:
            yield from _parse_batch(nlp, batch, select, batch_size)
            batch = []
    if batch:
        yield from _parse_batch(nlp, batch, select, batch_size)


def _parse_batch(nlp: Language, texts: list[str], select: Selector, batch_size: int) -> Iterator[Doc]:
    """Tokenize each text, parse the runs of selected sentences together, copy the parse back."""
    docs = [nlp.make_doc(text) for text in texts]
    # per token: character offset, length, trailing space, norm (read once, as arrays)
    columns = [doc.to_array([IDX, LENGTH, SPACY, NORM]) for doc in docs]
    plans = [_plan(text, cols, select) for text, cols in zip(texts, columns, strict=True)]
    pieces = [
        piece_of(doc.vocab, text, cols, s, e)
        for doc, text, cols, (_, runs) in zip(docs, texts, columns, plans, strict=True)
        for s, e in runs
    ]
    parsed = iter(run_pipeline(nlp, pieces, batch_size))
    for doc, (starts, runs) in zip(docs, plans, strict=True):
        _assemble(doc, starts, [(s, e, next(parsed)) for s, e in runs])
        yield doc


def piece_of(vocab: Any, text: str, columns: Any, start: int, end: int) -> Doc:
    """Tokens `start:end` of the Doc of `text` as a Doc of their own, as the tokenizer made them.

    `columns` is the Doc's `to_array([IDX, LENGTH, SPACY, NORM])`. The tokenizer's
    exceptions set a token's NORM ("Nov." -> "november", "n't" -> "not"), which the model
    reads; a Doc built from words alone would lose it, so it is copied too.
    """
    rows = columns[start:end]
    words = [text[i : i + n] for i, n in rows[:, :2].tolist()]
    piece = Doc(vocab, words=words, spaces=rows[:, 2].astype(bool).tolist())
    piece.from_array([NORM], rows[:, 3])
    return piece


def _plan(text: str, columns: Any, select: Selector) -> tuple[list[int], list[tuple[int, int]]]:
    """(first token of every sentence, token runs of consecutive selected sentences).

    `columns` is the Doc's `to_array([IDX, LENGTH, ...])`: token offsets, not Token objects.
    """
    from dateline.events.candidates import sentence_spans

    n = len(columns)
    offsets = columns[:, 0].astype("int64")
    token_ends = offsets + columns[:, 1].astype("int64")
    bounds: list[int] = []
    for start, _ in sentence_spans(text):
        # the token that holds (or follows) a sentence's first character
        first = int(numpy.searchsorted(token_ends, start, side="right"))
        if first < n and (not bounds or first > bounds[-1]):
            bounds.append(first)
    if not bounds or bounds[0] != 0:
        bounds.insert(0, 0)  # leading whitespace belongs to the first sentence
    ends = [*bounds[1:], n]
    # a sentence's text, as its Span would give it: first token to the end of the last
    sentences = [
        text[int(offsets[start]) : int(token_ends[end - 1])] if start < end else ""
        for start, end in zip(bounds, ends, strict=True)
    ]
    chosen = select(sentences)
    runs: list[tuple[int, int]] = []
    for start, end, keep in zip(bounds, ends, chosen, strict=True):
        if start >= end or not keep:
            continue
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end)  # parse neighbours together: the parser sees both
        else:
            runs.append((start, end))
    return [b for b in bounds if b < n], runs


def _assemble(doc: Doc, starts: list[int], runs: list[tuple[int, int, Doc]]) -> None:
    """Write the parses of `runs` into `doc`, and sentence starts everywhere."""
    if not len(doc):
        return
    values = numpy.zeros((len(doc), len(_PARSE_ATTRS)), dtype="uint64")
    parsed = numpy.zeros(len(doc), dtype=bool)
    for start, end, piece in runs:
        # heads are relative offsets, so a run's rows stay valid at their new place
        values[start:end] = piece.to_array(_PARSE_ATTRS)
        parsed[start:end] = True
    # unparsed rows stay 0: no tag, no dependency (a missing head), entity IOB "missing"
    doc.from_array(_PARSE_ATTRS, cast(Any, values))
    # The model's contextual token vectors (tok2vec), which learned heads may read; zeros on
    # unparsed sentences, as they have no other annotation either.
    width = next((piece.tensor.shape[1] for _, _, piece in runs if piece.tensor.size), 0)
    if width:
        tensor = numpy.zeros((len(doc), width), dtype="float32")
        for start, end, piece in runs:
            tensor[start:end] = piece.tensor
        doc.tensor = tensor
    # The parser set sentence starts on the runs; unparsed sentences keep the splitter's.
    sent_start = doc.to_array([SENT_START]).astype("int64")
    for first in starts:
        if not parsed[first]:
            sent_start[first] = 1
    sent_start[~parsed & (sent_start != 1)] = -1
    for start, _, _ in runs:
        sent_start[start] = 1
    doc.from_array([SENT_START], cast(Any, sent_start.astype("uint64")))
