"""The dictionary-indexed attribute rules give exactly what spaCy's attribute_ruler gives."""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from dateline.nlp import FastAttributeRules, load_pipeline, run_pipeline

TEXTS = [
    "South Korea's new chief nuclear envoy, Noh Kyu-duk, spoke by phone with his Japanese "
    "counterpart on Wednesday, the foreign ministry said.",
    "I'm gonna go, y'all. Let's see, c'mon, we gotta leave. It ain't nothin'. He's been had.",
    "There is a man who does not know. Did you see it? I did, and it saw me. 'em ol' 'nuff",
    "Rebels  attacked \n\n the town; police were n't there and didn't come.",
]


def test_same_attributes_as_spacy(nlp: object) -> None:
    # the entities are the NER's on the stretches that can hold one (test_entity_stretches.py)
    pipeline = load_pipeline()
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    ours = list(run_pipeline(pipeline, [pipeline.make_doc(t) for t in TEXTS]))
    for text, doc in zip(TEXTS, ours, strict=True):
        reference = pipeline(text)
        assert (doc.to_array(attrs) == reference.to_array(attrs)).all(), text


def test_unsupported_patterns_fall_back_to_the_ruler(nlp: object) -> None:
    class Ruler:
        patterns = [{"patterns": [[{"ORTH": "x", "OP": "+"}]], "attrs": {"POS": "X"}, "index": 0}]

        def __call__(self, doc: object) -> object:
            return doc

    rules = FastAttributeRules(Ruler())
    assert not rules.supported
    doc = load_pipeline().make_doc("x x")
    assert rules(doc) is doc
