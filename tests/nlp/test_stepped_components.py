"""The stepped parser and NER, and the remembered lemmas, give exactly what spaCy's components give."""

from __future__ import annotations

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, SENT_START

from dateline.nlp import RememberedLemmas, SteppedParser, load_pipeline

TEXTS = [
    "South Korea's new chief nuclear envoy, Noh Kyu-duk, spoke by phone with his Japanese "
    "counterpart Takehiro Funakoshi on Wednesday, the foreign ministry in Seoul said.",
    "Rebels attacked the town. Police fled.",
    "",
    "The European Union imposed sanctions on Belarus on 21 June 2021 after a Ryanair flight "
    "from Athens to Vilnius was forced to land in Minsk; NATO and the UN condemned it.",
    "\n\n",
    "Hamas fired rockets at Tel Aviv, and Israel struck Gaza City overnight, killing 12 people.",
]


def _before(name: str) -> list[str]:
    """The components that run before `name` in the pipeline."""
    names = load_pipeline().pipe_names
    return names[: names.index(name)]


def test_stepped_parser_and_ner_match_spacy(nlp: object) -> None:
    pipeline = load_pipeline()
    for name, attrs in (("parser", [HEAD, DEP, SENT_START]), ("ner", [ENT_IOB, ENT_TYPE])):
        component = pipeline.get_pipe(name)
        assert SteppedParser.supports(component)
        with pipeline.select_pipes(enable=_before(name)):
            ours = list(pipeline.pipe(TEXTS))
            theirs = list(pipeline.pipe(TEXTS))
        # a batch size that splits the texts, and one Doc at a time on spaCy's side
        stepped = list(SteppedParser(component, batch_size=4).pipe(ours))
        assert [d.text for d in stepped] == TEXTS  # in order
        for doc, reference in zip(stepped, theirs, strict=True):
            reference = component(reference)
            assert (doc.to_array(attrs) == reference.to_array(attrs)).all(), doc.text


def test_stepped_ner_keeps_entities_whole(nlp: object) -> None:
    pipeline = load_pipeline()
    with pipeline.select_pipes(enable=[]):
        docs = list(pipeline.pipe(TEXTS))
    ner = SteppedParser(pipeline.get_pipe("ner"))
    found = {(e.text, e.label_) for doc in ner.pipe(docs) for e in doc.ents}
    assert ("Noh Kyu-duk", "PERSON") in found
    assert ("Belarus", "GPE") in found


def test_only_greedy_transition_components_are_stepped(nlp: object) -> None:
    pipeline = load_pipeline()
    assert not SteppedParser.supports(pipeline.get_pipe("tagger"))
    assert not SteppedParser.supports(pipeline.get_pipe("lemmatizer"))


def test_remembered_lemmas_match_the_lemmatizer(nlp: object) -> None:
    pipeline = load_pipeline()
    lemmatizer = pipeline.get_pipe("lemmatizer")
    lemmas = RememberedLemmas(lemmatizer)
    assert lemmas.supported
    # twice over, so that the second pass reads what the first remembered
    for _ in range(2):
        with pipeline.select_pipes(enable=_before("lemmatizer")):
            ours = list(pipeline.pipe(TEXTS * 2))
            theirs = list(pipeline.pipe(TEXTS * 2))
        for doc, reference in zip(lemmas.pipe(ours), theirs, strict=True):
            reference = lemmatizer(reference)
            assert (doc.to_array([LEMMA]) == reference.to_array([LEMMA])).all(), doc.text
            assert all(t.lemma_ for t in doc if not t.is_space)


def test_lemmas_of_words_not_met_come_from_a_twin_with_word_sets(nlp: object) -> None:
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
    with pipeline.select_pipes(enable=_before("lemmatizer")):
        doc = pipeline(text)
    for token in doc:
        assert lemmas._lemmatize(token) == lemmatizer.rule_lemmatize(token), token.text
