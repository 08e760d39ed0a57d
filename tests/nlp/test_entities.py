"""The NER runs only on the stretches that can hold an entity, and finds the entities there."""

from __future__ import annotations

import numpy

from dateline.nlp.components import parse
from dateline.nlp.entities import can_be_in_entity, stretches
from dateline.nlp.model import load_pipeline


def test_words_that_can_be_in_an_entity() -> None:
    assert can_be_in_entity("Seoul", like_num=False)
    assert can_be_in_entity("2021", like_num=False)
    assert can_be_in_entity("mid-2014", like_num=False)
    assert can_be_in_entity("two", like_num=True)
    assert can_be_in_entity("hundreds", like_num=False)  # a number word the language does not count
    assert can_be_in_entity("week", like_num=False)
    assert can_be_in_entity("yesterday", like_num=False)
    assert not can_be_in_entity("protesters", like_num=False)
    assert not can_be_in_entity("the", like_num=False)


def test_stretches_take_a_margin_each_side_and_merge() -> None:
    marks = numpy.array([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0], dtype=bool)
    assert stretches(marks, margin=2) == [(3, 8), (10, 16)]
    assert stretches(numpy.zeros(5, dtype=bool)) == []
    assert stretches(numpy.zeros(0, dtype=bool)) == []


def test_entities_of_names_dates_and_amounts_are_found(nlp: object) -> None:
    text = (
        "Protesters gathered outside the parliament and chanted slogans for hours before the "
        "police arrived; South Korea's envoy Noh Kyu-duk met officials in Tokyo last week, and "
        "hundreds of people marched on 21 June 2021 after the European Union imposed sanctions."
    )
    doc = next(parse([text]))
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Noh Kyu-duk", "PERSON") in found
    assert ("Tokyo", "GPE") in found
    assert ("last week", "DATE") in found
    assert ("21 June 2021", "DATE") in found
    assert ("the European Union", "ORG") in found or ("European Union", "ORG") in found
    # a plain lower-case stretch far from any name, figure or time word is outside every entity
    assert all(t.ent_iob_ == "O" for t in doc[:8])


def test_the_pipeline_without_the_ner_is_spacy_s_own(nlp: object) -> None:
    text = "Rebels attacked the town on Monday. Police fled to Mosul, officials said."
    ours, theirs = next(parse([text])), load_pipeline()(text)
    assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.morph) for t in ours] == [
        (t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.morph) for t in theirs
    ]
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]


def test_a_capital_on_a_function_word_marks_no_stretch(nlp: object) -> None:
    from dateline.nlp.components import _entity_stretches

    doc = next(parse(["But the protesters said they would stay. The Hague court met in May."]))
    marks = dict(zip([t.text for t in doc], _entity_stretches()._marks(doc).tolist(), strict=False))
    # "But" and "The" start sentences: their capital says nothing of a name
    assert not marks["But"] and not marks["The"]
    assert marks["Hague"] and marks["May"]
    assert ("The Hague", "GPE") in {(e.text, e.label_) for e in doc.ents} or ("Hague", "GPE") in {
        (e.text, e.label_) for e in doc.ents
    }
