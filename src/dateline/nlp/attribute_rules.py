"""spaCy's `attribute_ruler`, its Matcher replaced by dictionary lookups (`FastAttributeRules`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc

from dateline.nlp.per_doc import MEMO_ENTRIES, PerDoc

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


class FastAttributeRules(PerDoc):
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
