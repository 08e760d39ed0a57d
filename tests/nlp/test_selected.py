"""Parsing only the sentences that can hold an event, in a Doc shaped like a full parse."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article
from dateline.nlp.components import parse
from dateline.nlp.selected import parse_events

TEXT = (
    "The weather in Seoul was cold on Wednesday. "
    "South Korea's chief nuclear envoy, Noh Kyu-duk, spoke by phone with Japan's envoy "
    "Takehiro Funakoshi on Wednesday.\n"
    "The city has many old palaces. Noh later met Funakoshi in Tokyo."
)


def _article(text: str) -> Article:
    return Article(doc_id="d", position=0, start=0, end=len(text), body=text)


def test_doc_keeps_the_whole_text_and_its_tokens(nlp: object) -> None:
    doc = next(parse_events([TEXT]))
    full = next(parse([TEXT]))
    assert doc.text == TEXT
    assert [t.idx for t in doc] == [t.idx for t in full]
    # every token is in exactly one sentence, in order
    assert [t.i for s in doc.sents for t in s] == list(range(len(doc)))


def test_only_event_sentences_are_parsed(nlp: object) -> None:
    doc = next(parse_events([TEXT]))
    sents = {s.text.strip(): s for s in doc.sents}
    weather = sents["The weather in Seoul was cold on Wednesday."]
    assert all(t.dep_ == "" and t.pos_ == "" and t.ent_type_ == "" for t in weather)
    assert all(t.head is t for t in weather)
    palaces = sents["The city has many old palaces."]
    assert not any(t.dep_ for t in palaces)
    met = sents["Noh later met Funakoshi in Tokyo."]
    assert {t.dep_ for t in met} >= {"nsubj", "ROOT"}
    assert any(e.label_ == "GPE" and e.text == "Tokyo" for e in doc.ents)


def test_actors_and_coder_see_the_same_events_as_on_a_full_parse(nlp: object) -> None:
    article = _article(TEXT)

    def coded(doc: object) -> list[tuple[str, str, str | None, str]]:
        events = code_events(doc, article, find_actors(doc, article))  # type: ignore[arg-type]
        return [(e.type, e.source.name, e.target.name if e.target else None, e.evidence) for e in events]

    filtered = coded(next(parse_events([TEXT])))
    assert filtered == coded(next(parse([TEXT])))
    assert ("CONSULT", "Noh Kyu-duk", "Takehiro Funakoshi") in {e[:3] for e in filtered}


def test_nothing_selected_is_safe_for_actors_and_coder(nlp: object) -> None:
    doc = next(parse_events([TEXT], select=lambda sentences: [False] * len(sentences)))
    assert not any(t.dep_ for t in doc) and len(list(doc.sents)) == 4
    article = _article(TEXT)
    assert code_events(doc, article, find_actors(doc, article)) == []


def test_empty_and_blank_texts(nlp: object) -> None:
    docs = list(parse_events(["", "   \n", "Iran accused Iraq of shelling its towns."]))
    assert [d.text for d in docs] == ["", "   \n", "Iran accused Iraq of shelling its towns."]
    assert any(t.dep_ == "ROOT" for t in docs[2])


def test_environment_switch_parses_every_sentence(nlp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_PARSE", "full")
    doc = next(parse_events([TEXT]))
    assert all(t.dep_ for t in doc if not t.is_space)


def test_batches_keep_order(nlp: object) -> None:
    texts = [f"Iran accused Iraq of shelling {n} towns." for n in range(5)]
    assert [d.text for d in parse_events(texts, batch_size=2)] == texts


def test_a_parsed_sentence_is_parsed_as_the_full_pipeline_parses_it(nlp: object) -> None:
    # "Nov." and "didn't" get their NORM from tokenizer exceptions; the model reads it
    text = "On Nov. 2, Rex Tillerson called Sergey Lavrov, who didn't attend the talks in Geneva."
    ours, full = next(parse_events([text])), next(parse([text]))
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in ours] == [
        (t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in full
    ]


def test_token_vectors_of_parsed_sentences_are_the_models_and_zero_elsewhere(nlp: object) -> None:
    import numpy

    text = "Rex Tillerson called Sergey Lavrov on Monday."
    ours, full = next(parse_events([text])), next(parse([text]))
    assert ours.tensor.shape == full.tensor.shape
    assert numpy.allclose(ours.tensor, full.tensor)
    doc = next(parse_events([TEXT]))
    sents = {s.text.strip(): s for s in doc.sents}
    weather = sents["The weather in Seoul was cold on Wednesday."]
    met = sents["Noh later met Funakoshi in Tokyo."]
    assert not doc.tensor[weather.start : weather.end].any()
    assert doc.tensor[met.start : met.end].any(axis=1).all()
