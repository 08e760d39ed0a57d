"""The remembered lemmas give exactly what spaCy's lemmatizer gives."""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import LEMMA

from dateline.nlp.lemmas import RememberedLemmas
from dateline.nlp.model import load_pipeline


def test_remembered_lemmas_match_the_lemmatizer(
    nlp: object, component_texts: list[str], components_before: Callable[[str], list[str]]
) -> None:
    pipeline = load_pipeline()
    lemmatizer = pipeline.get_pipe("lemmatizer")
    lemmas = RememberedLemmas(lemmatizer)
    assert lemmas.supported
    # twice over, so that the second pass reads what the first remembered
    for _ in range(2):
        with pipeline.select_pipes(enable=components_before("lemmatizer")):
            ours = list(pipeline.pipe(component_texts * 2))
            theirs = list(pipeline.pipe(component_texts * 2))
        for doc, reference in zip(lemmas.pipe(ours), theirs, strict=True):
            reference = lemmatizer(reference)
            assert (doc.to_array([LEMMA]) == reference.to_array([LEMMA])).all(), doc.text
            assert all(t.lemma_ for t in doc if not t.is_space)


def test_lemmas_of_words_not_met_come_from_a_twin_with_word_sets(
    nlp: object, components_before: Callable[[str], list[str]]
) -> None:
    pipeline = load_pipeline()
    lemmatizer = pipeline.get_pipe("lemmatizer")
    lemmas = RememberedLemmas(lemmatizer)
    twin = lemmas._lemmatize.__self__
    assert twin is not lemmatizer and twin.mode == "rule"
    index = twin.lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    # spaCy's own tables are left as they were (its pipeline is the benchmark's peer)
    assert all(isinstance(words, list) for words in lemmatizer.lookups.get_table("lemma_index").values())
    text = "The geese were running faster; studies showed militias had fled, striking better targets."
    with pipeline.select_pipes(enable=components_before("lemmatizer")):
        doc = pipeline(text)
    for token in doc:
        assert lemmas._lemmatize(token) == lemmatizer.rule_lemmatize(token), token.text
