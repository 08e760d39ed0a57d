"""`dateline.evaluate.events`: the metrics of each labelled format, on tiny hand-made files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.events import evaluate, lead_sentence, pentaclass, story_country, story_type
from dateline.events import precision
from dateline.model import Actor, Event


def _gold(text: str, kind: str, source: tuple[str | None, str | None], target: tuple[str | None, str | None]):  # type: ignore[no-untyped-def]
    def side(actor: tuple[str | None, str | None]) -> list[dict[str, str | None]]:
        return [{"text": "x", "country": actor[0], "sector": actor[1]}]

    return {
        "id": text[:10],
        "text": text,
        "date": None,
        "events": [{"type": kind, "source": side(source), "target": side(target), "trigger": ""}],
    }


def test_jsonl_metrics(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "gold.jsonl"
    records = [
        # right on every count
        _gold("Japan accused China of violating the agreement.", "ACCUSE", ("JPN", None), ("CHN", None)),
        # right type and source, wrong target country in the gold
        _gold("Germany criticized Russia over the attack.", "ACCUSE", ("DEU", None), ("FRA", None)),
        # an IGO source is compared on sector
        _gold("The United Nations condemned Israel for the raid.", "ACCUSE", (None, "IGO"), ("ISR", None)),
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    metrics = evaluate(path)
    assert metrics["records"] == 3 and metrics["gold_events"] == 3
    assert metrics["type_accuracy"] == 1.0
    assert metrics["source_country_accuracy"] == 1.0
    assert metrics["target_country_accuracy"] == pytest.approx(2 / 3, abs=0.001)
    assert metrics["record_accuracy"] == pytest.approx(2 / 3, abs=0.001)
    assert metrics["macro_f1"] == 1.0
    assert metrics["events_per_record"] >= 1.0


def test_span_gold_and_yield(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """PLV records give actors as text spans, and YIELD stands for CONCEDE or RETREAT."""

    def plv(text: str, kind: str, source: str, target: str) -> dict[str, object]:
        event = {"type": kind, "source": [{"text": source}], "target": [{"text": target}]}
        return {"id": text[:12], "text": text, "date": None, "events": [event]}

    path = tmp_path / "plv.jsonl"
    records = [
        plv("Japan accused China of violating the agreement.", "ACCUSE", "Japan", "China"),
        # the target span names someone the coder did not take as target
        plv("Germany criticized Russia over the attack.", "ACCUSE", "Germany", "the attack"),
        plv("Russia withdrew its troops from Syria.", "YIELD", "Russia", "Syria"),
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    metrics = evaluate(path)
    assert metrics["type_accuracy"] == 1.0
    assert metrics["source_country_accuracy"] == 1.0
    assert metrics["target_country_accuracy"] == pytest.approx(2 / 3, abs=0.001)
    assert metrics["record_accuracy"] == pytest.approx(2 / 3, abs=0.001)


def test_tsv_pentaclass(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "penta.tsv"
    path.write_text(
        "Iraqi troops attacked Kurdish fighters near Kirkuk.\t4\n"
        "Japan accused China of violating the agreement.\t0\n"
        "The weather was mild on Sunday.\t1\n",
        "utf-8",
    )
    metrics = evaluate(path)
    assert metrics["sentences"] == 3
    assert metrics["pentaclass_accuracy"] == pytest.approx(1 / 3, abs=0.001)


def test_pentaclass_bins() -> None:
    assert [pentaclass(c) for c in ("020", "036", "057", "073", "112", "163", "141", "190")] == [
        0,
        1,
        1,
        2,
        3,
        3,
        4,
        4,
    ]
    assert pentaclass("") is None


def test_conll_roles(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "roles.conll"
    tokens = [("Japan", "B-S"), ("accused", "O"), ("China", "B-T"), ("of", "O"), ("spying", "O"), (".", "O")]
    path.write_text("\n".join(f"{t} {g}" for t, g in tokens) + "\n\n", "utf-8")
    metrics = evaluate(path)
    assert metrics == {"sentences": 1, "source_f1": 1.0, "target_f1": 1.0}


def test_csv_doc_type(nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # the metric's arithmetic, on the heads' blended confidence (the learned precision score
    # rates the accusation, with two named states, above the attack on "positions")
    monkeypatch.setattr(precision, "shipped_precision", lambda: None)
    path = tmp_path / "stories.csv"
    path.write_text(
        "text,label\n"
        '"Russian troops attacked Ukrainian positions near Kharkiv on Monday. '
        'Ukraine accused Russia of shelling civilians.",ASSAULT\n'
        '"Nothing happened here.",PROTEST\n',
        "utf-8",
    )
    metrics = evaluate(path)
    assert metrics["stories"] == 2 and metrics["doc_type_accuracy"] == 0.5
    # by label: some event of the label in the story, and in its first sentence coded alone
    assert metrics["by_label"] == {
        "ASSAULT": {"stories": 1, "found": 1.0, "lead_found": 1.0},
        "PROTEST": {"stories": 1, "found": 0.0, "lead_found": 0.0},
    }
    assert evaluate(path, labels=("assault",))["by_label"].keys() == {"ASSAULT"}


def test_csv_country_of_the_prompt(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "stories.csv"
    path.write_text(
        "text,title,prompt,label\n"
        '"Gunmen killed three villagers near Gao in Mali. More were hurt.",'
        '"{country_1} attack","Mali attack\n\n(AFP) --",ASSAULT\n'
        '"Gunmen killed three villagers near Gao in Mali.",'
        '"{country_1} attack","Niger attack\n\n(AFP) --",ASSAULT\n'
        '"Police arrested two men in Kano.","Arrests","Arrests\n\n(AFP) --",COERCE\n',
        "utf-8",
    )
    by_label = evaluate(path)["by_label"]
    # only the story that names its prompt's country counts; its event is placed there
    assert by_label["ASSAULT"]["naming_country"] == 1 and by_label["ASSAULT"]["found_in_country"] == 1.0
    assert by_label["ASSAULT"]["leads_naming_country"] == 1
    assert "naming_country" not in by_label["COERCE"]  # no country slot in its title


def test_story_country() -> None:
    row = {
        "title": "{country_1} and {country_2} Establish Ties",
        "prompt": "Cuba and Ghana Establish Ties\n\n(AP) --",
    }
    assert story_country(row) == ("CUB", "Cuba")
    assert story_country({"title": "Ties", "prompt": "Ties"}) is None
    assert story_country({"title": "{country_1} votes", "prompt": "Atlantis votes"}) is None


def test_lead_sentence() -> None:
    assert lead_sentence("Two killed in Kabul. Police said more.") == "Two killed in Kabul."
    assert lead_sentence("No full stop") == "No full stop"


def test_story_type_weighs_confidence() -> None:
    def event(kind: str, confidence: float) -> Event:
        return Event(kind, "010", Actor("A", "USA"), None, "t", 0, "e", "a", 0, 1, confidence=confidence)

    assert story_type([event("ACCUSE", 0.5), event("ASSAULT", 0.6), event("ACCUSE", 0.4)]) == "ACCUSE"
    assert story_type([]) is None


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("x", "utf-8")
    with pytest.raises(ValueError):
        evaluate(path)


def test_coding_gives_each_record_its_own_models(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # what cross-fitting relies on: the models for a record come from `coding.models_for`
    import numpy

    from dateline.evaluate.events import Coding
    from dateline.events.classify import EventTypeModel, Head

    def _sure_of_assault() -> EventTypeModel:  # a type model that reads every act as an attack
        bias = numpy.array([-20.0, 20.0], dtype=numpy.float32)
        weights = numpy.zeros((0, 2), dtype=numpy.float32)
        return EventTypeModel({}, {"type": Head(("ACCUSE", "ASSAULT"), weights, bias)})

    text = "Kenya accused Uganda of arming rebels on Tuesday."
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_gold(text, "ACCUSE", ("KEN", None), ("UGA", None))) + "\n", "utf-8")
    assert evaluate(path)["type_accuracy"] == 1.0
    asked: list[str] = []

    def models_for(text: str) -> dict[str, object]:
        asked.append(text)
        return {"model": _sure_of_assault()}

    metrics = evaluate(path, coding=Coding(models_for))
    assert asked == [text]
    assert metrics["type_accuracy"] == 0.0


def test_jsonl_coverage(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A record with no event is lost to coverage; the type accuracy where found leaves it out."""
    path = tmp_path / "gold.jsonl"
    records = [
        _gold("Japan accused China of violating the agreement.", "ACCUSE", ("JPN", None), ("CHN", None)),
        # nothing the coder reads as an act: lost before any type is chosen
        _gold("The weather was mild in Tokyo on Sunday.", "ACCUSE", ("JPN", None), ("CHN", None)),
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    metrics = evaluate(path)
    assert metrics["type_accuracy"] == 0.5
    assert metrics["coverage"] == 0.5
    assert metrics["type_accuracy_where_found"] == 1.0
