"""spaCy's rule-based lemmatizer, each lemma remembered per word, POS and morphology."""

from __future__ import annotations

from typing import Any, cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens import Doc

from dateline.nlp.per_doc import MEMO_ENTRIES, PerDoc


class RememberedLemmas(PerDoc):
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
