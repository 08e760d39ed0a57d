"""The stepped parser and NER give exactly what spaCy's components give."""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, SENT_START

from dateline.nlp.model import load_pipeline
from dateline.nlp.stepped import SteppedParser


def test_stepped_parser_and_ner_match_spacy(
    nlp: object, component_texts: list[str], components_before: Callable[[str], list[str]]
) -> None:
    pipeline = load_pipeline()
    for name, attrs in (("parser", [HEAD, DEP, SENT_START]), ("ner", [ENT_IOB, ENT_TYPE])):
        component = pipeline.get_pipe(name)
        assert SteppedParser.supports(component)
        with pipeline.select_pipes(enable=components_before(name)):
            ours = list(pipeline.pipe(component_texts))
            theirs = list(pipeline.pipe(component_texts))
        # a batch size that splits the texts, and one Doc at a time on spaCy's side
        stepped = list(SteppedParser(component, batch_size=4).pipe(ours))
        assert [d.text for d in stepped] == component_texts  # in order
        for doc, reference in zip(stepped, theirs, strict=True):
            reference = component(reference)
            assert (doc.to_array(attrs) == reference.to_array(attrs)).all(), doc.text


def test_stepped_ner_keeps_entities_whole(nlp: object, component_texts: list[str]) -> None:
    pipeline = load_pipeline()
    with pipeline.select_pipes(enable=[]):
        docs = list(pipeline.pipe(component_texts))
    ner = SteppedParser(pipeline.get_pipe("ner"))
    found = {(e.text, e.label_) for doc in ner.pipe(docs) for e in doc.ents}
    assert ("Noh Kyu-duk", "PERSON") in found
    assert ("Belarus", "GPE") in found


def test_only_greedy_transition_components_are_stepped(nlp: object) -> None:
    pipeline = load_pipeline()
    assert not SteppedParser.supports(pipeline.get_pipe("tagger"))
    assert not SteppedParser.supports(pipeline.get_pipe("lemmatizer"))
