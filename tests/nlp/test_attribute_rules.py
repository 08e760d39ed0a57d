"""The dictionary-indexed attribute rules give exactly what spaCy's attribute_ruler gives."""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG

from dateline.nlp.attribute_rules import FastAttributeRules
from dateline.nlp.components import run_pipeline
from dateline.nlp.model import load_pipeline

TEXTS = [
    "South Korea's new chief nuclear envoy, Noh Kyu-duk, spoke by phone with his Japanese "
    "counterpart on Wednesday, the foreign ministry said.",
    "I'm gonna go, y'all. Let's see, c'mon, we gotta leave. It ain't nothin'. He's been had.",
    "There is a man who does not know. Did you see it? I did, and it saw me. 'em ol' 'nuff",
    "Rebels  attacked \n\n the town; police were n't there and didn't come.",
]


def test_same_attributes_as_spacy(nlp: object) -> None:
    # the entities are the NER's on the stretches that can hold one (test_entities.py)
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


def test_rules_written_as_arrays_match_the_rulers_own_writes(nlp: object) -> None:
    # the same matches, set once by the ruler token by token and once as arrays
    from spacy.tokens import Doc

    pipeline = load_pipeline()
    rules = FastAttributeRules(pipeline.get_pipe("attribute_ruler"))
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for tagged in pipeline.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]):
        copy = Doc(tagged.vocab).from_bytes(tagged.to_bytes())
        matches = rules._matches(tagged)
        assert rules._set(copy, matches)
        pipeline.get_pipe("attribute_ruler").set_annotations(tagged, matches)
        assert (copy.to_array(attrs) == tagged.to_array(attrs)).all()
        assert [str(t.morph) for t in copy] == [str(t.morph) for t in tagged]


def test_rules_setting_other_fields_go_through_the_ruler(nlp: object) -> None:
    class Ruler:
        patterns = [{"patterns": [[{"TAG": "NN"}]], "attrs": {"NORM": "x"}, "index": 0}]
        attrs = [{NORM: 1}]  # a lexeme field, which the ruler also sets
        indices = [0]

    assert FastAttributeRules(Ruler())._writes() is None


def test_a_batch_gets_what_each_doc_gets_alone(nlp: object) -> None:
    # `pipe` looks each combination of field values up once per batch; the writes, the
    # two-token patterns (contractions) and the Doc edges are those of one Doc at a time
    from spacy.tokens import Doc

    pipeline = load_pipeline()
    rules = FastAttributeRules(pipeline.get_pipe("attribute_ruler"))
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    tagged = list(pipeline.pipe(TEXTS * 2, disable=["attribute_ruler", "lemmatizer", "ner"]))
    alone = [rules(Doc(d.vocab).from_bytes(d.to_bytes())) for d in tagged]
    batched = list(rules.pipe([Doc(d.vocab).from_bytes(d.to_bytes()) for d in tagged], batch_size=5))
    for one, many in zip(alone, batched, strict=True):
        assert (one.to_array(attrs) == many.to_array(attrs)).all(), one.text
        assert [str(t.morph) for t in one] == [str(t.morph) for t in many]
