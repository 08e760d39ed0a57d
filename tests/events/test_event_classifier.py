"""The learned event-type classifier: features, the shipped file, and how it weighs rule events."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest

from dateline.actors import find_actors
from dateline.events import precision
from dateline.events.classify import (
    CONTEXT_WEIGHT,
    EventTypeModel,
    Head,
    sentence_features,
    shipped_model,
    trigger_features,
    type_class,
)
from dateline.events.coder import rule_events
from dateline.events.combine import PENTA_WEIGHT, code_events, general_codes
from dateline.model import Article


def _parse(nlp, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    article = Article(doc_id="t", position=0, start=0, end=len(text), body=text)
    return doc, article, find_actors(doc, article)


def test_features_hide_names_and_carry_the_rules_reading(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, article, actors = _parse(nlp, "Japan accused China of violating the agreement.")
    events = rule_events(doc, article, actors)
    features = sentence_features(next(doc.sents), events)
    assert "w=<GPE>" in features and not any("japan" in f or "china" in f for f in features)
    assert "root=accuse" in features
    assert "rule=ACCUSE" in features and "rtrig=accused_ACCUSE" in features
    assert "rule=NONE" in sentence_features(next(doc.sents))


def test_concede_and_retreat_are_one_class() -> None:
    assert type_class("RETREAT") == type_class("CONCEDE") == "YIELD"
    assert type_class("ASSAULT") == "ASSAULT"


def _model(
    prefers: str, strength: float = 8.0, classes: tuple[str, ...] = (), feature: str = "~w=<GPE>"
) -> EventTypeModel:
    """A model that reads one feature (a name in the sentence) as evidence for one type (8: strong)."""
    if feature.startswith("~"):
        strength /= CONTEXT_WEIGHT  # a context feature counts for less
    classes = classes or (
        ("ACCUSE", "ASSAULT", prefers) if prefers not in ("ACCUSE", "ASSAULT") else ("ACCUSE", "ASSAULT")
    )
    weights = numpy.zeros((1, len(classes)), dtype=numpy.float32)
    weights[0, classes.index(prefers)] = strength
    bias = numpy.zeros(len(classes), dtype=numpy.float32)
    penta_weights = numpy.zeros((1, 5), dtype=numpy.float32)
    heads = {
        "type": Head(classes, weights, bias),
        "penta": Head(tuple("01234"), penta_weights, numpy.zeros(5, dtype=numpy.float32)),
    }
    return EventTypeModel({feature: 0}, heads)


def test_a_sure_classifier_retypes_and_an_agreeing_one_does_not(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, article, actors = _parse(nlp, "Japan accused China of violating the agreement.")
    agreeing = code_events(doc, article, actors, model=_model("ACCUSE"))
    assert [e.type for e in agreeing] == ["ACCUSE"]
    retyped = code_events(doc, article, actors, model=_model("ASSAULT"))
    assert [e.type for e in retyped] == ["ASSAULT"]
    assert retyped[0].cameo in general_codes()["ASSAULT"]
    # who did what to whom is the rules' reading either way
    assert (retyped[0].source.country, retyped[0].target and retyped[0].target.country) == ("JPN", "CHN")


def test_a_doubtful_classifier_may_only_choose_another_sense_of_the_trigger(nlp) -> None:  # type: ignore[no-untyped-def]
    # ln 2 over three classes: the preferred type 0.5, the others 0.25 each, below the
    # certainty that retypes any event
    doubtful = _model("ASSAULT", float(numpy.log(2.0)), ("ACCUSE", "ASSAULT", "PROTEST"))
    # "strike" names a walkout or an attack: the classifier may choose between them ...
    doc, article, actors = _parse(nlp, "Nigerian workers went on strike against the government in Lagos.")
    assert "PROTEST" in {e.type for e in code_events(doc, article, actors, model=_model("PROTEST"))}
    retyped = code_events(doc, article, actors, model=doubtful)
    assert [(e.type, e.cameo) for e in retyped] == [("ASSAULT", "190")]
    # ... but an accusation has no sense of force, so the rules' reading stands
    doc, article, actors = _parse(nlp, "Japan accused China of violating the agreement.")
    assert [e.type for e in code_events(doc, article, actors, model=doubtful)] == ["ACCUSE"]


def test_save_and_load_give_the_same_predictions_and_bytes(tmp_path: Path) -> None:
    model = _model("ASSAULT")
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    model.save(first)
    model.save(second)
    assert first.read_bytes() == second.read_bytes()
    loaded = EventTypeModel.load(first)
    features = ["~w=<GPE>", "w=unknown"]
    assert loaded.predict(features)["type"] == pytest.approx(model.predict(features)["type"], abs=1e-3)


def test_the_package_ships_a_model_with_both_heads() -> None:
    model = shipped_model()
    assert model is not None
    assert set(model.heads) == {"type", "penta"}
    assert "YIELD" in model.heads["type"].classes
    assert len(model.vocabulary) > 1000


def test_shipped_model_codes_clear_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "Iraqi troops attacked Kurdish fighters near Kirkuk on Monday.": "ASSAULT",
        "The European Union imposed sanctions on Belarus over the crackdown.": "COERCE",
        "Russia withdrew its troops from the border with Ukraine.": "RETREAT",
    }
    for text, kind in cases.items():
        doc, article, actors = _parse(nlp, text)
        assert kind in {e.type for e in code_events(doc, article, actors)}, text


def test_training_is_reproducible() -> None:
    pytest.importorskip("sklearn")
    from dateline.events.training import Example, fit

    examples = [
        Example(f"t{n}", [f"w={w}", "rule=ACCUSE" if n % 2 else "rule=ASSAULT"], {"type": kind})
        for n, (w, kind) in enumerate(
            [("accuse", "ACCUSE"), ("attack", "ASSAULT"), ("condemn", "ACCUSE"), ("shell", "ASSAULT")] * 10
        )
    ]
    one, _ = fit(examples, c_grid=(1.0,))
    two, _ = fit(examples, c_grid=(1.0,))
    assert numpy.array_equal(one.heads["type"].weights, two.heads["type"].weights)
    assert one.predict(["w=attack"])["type"]["ASSAULT"] > 0.5


def test_an_act_of_force_beside_the_act_the_classifier_saw_keeps_its_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters marched in Nairobi after Kenya accused Uganda of arming the rebels."
    doc, article, actors = _parse(nlp, text)
    assert {e.type for e in rule_events(doc, article, actors)} >= {"PROTEST", "ACCUSE"}
    # the classifier is sure of ACCUSE, which the rules found too: the march stays a protest
    kinds = {e.type for e in code_events(doc, article, actors, model=_model("ACCUSE"))}
    assert kinds == {"PROTEST", "ACCUSE"}
    # with no act of the preferred kind in the sentence, the classifier still retypes
    doc, article, actors = _parse(nlp, "Japan accused China of violating the agreement.")
    assert [e.type for e in code_events(doc, article, actors, model=_model("ASSAULT"))] == ["ASSAULT"]


def test_the_penta_class_head_tells_which_act_a_sentence_reports(
    nlp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # the blend of the heads, before the learned precision score replaces it
    monkeypatch.setattr(precision, "shipped_precision", lambda: None)
    text = "Protesters marched in Nairobi after Kenya accused Uganda of arming the rebels."
    doc, article, actors = _parse(nlp, text)
    rules = {e.type: e.confidence for e in rule_events(doc, article, actors)}
    # a type head with no opinion, a penta-class head sure of class 3 (accusations: CAMEO 09-13)
    classes = ("ACCUSE", "PROTEST")
    penta_weights = numpy.zeros((1, 5), dtype=numpy.float32)
    penta_weights[0, 3] = 8.0
    heads = {
        "type": Head(classes, numpy.zeros((1, 2), dtype=numpy.float32), numpy.zeros(2, dtype=numpy.float32)),
        "penta": Head(tuple("01234"), penta_weights, numpy.zeros(5, dtype=numpy.float32)),
    }
    # the penta-class head reads the whole sentence, whose features are not context
    events = code_events(doc, article, actors, model=EventTypeModel({"w=<GPE>": 0}, heads))
    by_type = {e.type: e.confidence for e in events}
    assert max(by_type, key=by_type.__getitem__) == "ACCUSE"
    # the blend: the rules' confidence, the type head's and the penta-class head's counted double
    penta = float(numpy.exp(8.0) / (numpy.exp(8.0) + 4))
    expected = (rules["ACCUSE"] + 0.5 + PENTA_WEIGHT * penta) / (2 + PENTA_WEIGHT)
    assert by_type["ACCUSE"] == pytest.approx(expected, abs=1e-3)


def test_trigger_features_read_the_trigger_and_its_clause_with_the_sentence_as_context(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters marched in Nairobi after Kenya accused Uganda of arming the rebels."
    doc, article, actors = _parse(nlp, text)
    sent = next(doc.sents)
    events = {e.type: e for e in rule_events(doc, article, actors)}
    accuse, protest = events["ACCUSE"], events["PROTEST"]
    features = trigger_features(sent, accuse, [protest])
    assert "t=accuse" in features and "rule=ACCUSE" in features
    assert "c=arm" in features and "c=march" not in features  # its own clause, not the sentence's
    assert "~w=march" in features and "~rule=PROTEST" in features  # the rest is context
    assert "t=accuse" not in trigger_features(sent, protest, [accuse])


def test_the_classifier_retypes_the_trigger_it_reads_not_its_neighbours(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters marched in Nairobi after Kenya accused Uganda of arming the rebels."
    doc, article, actors = _parse(nlp, text)
    # sure that "accuse" here names a rejection: only the accusation is retyped
    model = _model("REJECT", classes=("ACCUSE", "PROTEST", "REJECT"), feature="t=accuse")
    assert {e.type for e in code_events(doc, article, actors, model=model)} == {"PROTEST", "REJECT"}


def test_token_vectors_are_the_parsers_scaled_and_only_those_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.events.classify import VECTOR_LENGTH, token_vectors

    doc = nlp("Iraqi troops attacked Kurdish fighters near Kirkuk.")
    sent = next(doc.sents)
    trigger = next(t for t in sent if t.lemma_ == "attack")
    vectors = token_vectors(sent, trigger)
    assert set(vectors) == {"trigger", "governor", "clause", "sentence", "root"}
    for vector in vectors.values():
        assert vector.shape == (doc.tensor.shape[1],)
        assert float(numpy.linalg.norm(vector)) == pytest.approx(VECTOR_LENGTH, abs=1e-4)
    # the trigger is the root here: its vector is the root's, and the parser's own direction
    assert numpy.allclose(vectors["trigger"], vectors["root"])
    expected = doc.tensor[trigger.i] / numpy.linalg.norm(doc.tensor[trigger.i])
    assert numpy.allclose(vectors["trigger"], expected * VECTOR_LENGTH, atol=1e-5)
    assert set(token_vectors(sent, kinds=("sentence", "trigger"))) == {"sentence"}


def test_a_head_reads_the_vectors_it_names_and_saves_them(tmp_path: Path) -> None:
    classes = ("ACCUSE", "ASSAULT")
    weights = numpy.zeros((1, 2), dtype=numpy.float32)
    dense = numpy.zeros((4, 2), dtype=numpy.float32)
    dense[0, 1] = 8.0  # the first dimension of the sentence's vector says "an attack"
    head = Head(classes, weights, numpy.zeros(2, dtype=numpy.float32), ("sentence", "trigger"), dense)
    model = EventTypeModel({"w=x": 0}, {"type": head})
    assert model.reads == {"sentence", "trigger"}
    attack = {"sentence": numpy.array([1.0, 0.0], dtype=numpy.float32)}
    assert model.predict(["w=x"], vectors=attack)["type"]["ASSAULT"] > 0.99
    # without vectors (or a missing kind: zeros), the words alone
    assert model.predict(["w=x"])["type"]["ASSAULT"] == pytest.approx(0.5)
    assert model.predict(["w=x"], vectors={"trigger": attack["sentence"]})["type"][
        "ASSAULT"
    ] == pytest.approx(0.5)
    model.save(tmp_path / "m.npz")
    loaded = EventTypeModel.load(tmp_path / "m.npz")
    assert loaded.heads["type"].reads == ("sentence", "trigger")
    assert loaded.predict(["w=x"], vectors=attack)["type"] == pytest.approx(
        model.predict(["w=x"], vectors=attack)["type"]
    )


def test_training_fits_the_dense_features_a_head_reads() -> None:
    pytest.importorskip("sklearn")
    from dateline.events.training import Example, fit

    def vector(kind: str) -> dict[str, numpy.ndarray]:  # one direction for each kind of act
        return {"sentence": numpy.array([1.0, 0.0] if kind == "ASSAULT" else [0.0, 1.0], dtype=numpy.float32)}

    # the words say nothing ("w=said" in all); only the vectors tell the kinds apart
    examples = [
        Example(f"t{n}", ["w=said"], {"type": kind}, vectors=vector(kind))
        for n, kind in enumerate(["ACCUSE", "ASSAULT"] * 20)
    ]
    model, _ = fit(examples, c_grid=(1.0,), reads={"type": ("sentence",)})
    assert model.heads["type"].reads == ("sentence",)
    assert model.predict(["w=said"], vectors=vector("ASSAULT"))["type"]["ASSAULT"] > 0.6
    assert model.predict(["w=said"], vectors=vector("ACCUSE"))["type"]["ACCUSE"] > 0.6
    words_only, _ = fit(examples, c_grid=(1.0,), reads={})
    assert words_only.heads["type"].reads == () and words_only.heads["type"].dense is None
