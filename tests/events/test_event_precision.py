"""The learned precision score: the cues of a printed event, the model file, and the print threshold."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest

from dateline.actors import find_actors
from dateline.events import code_events, precision
from dateline.events.precision import PrecisionModel
from dateline.events.precision_training import Judged, curve, event_key, fit
from dateline.model import Article


def _events(nlp, body: str):  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def test_cues_say_what_the_events_stage_knew(nlp) -> None:  # type: ignore[no-untyped-def]
    (event,) = [
        e for e in _events(nlp, "Japan accused China of violating the agreement.") if e.type == "ACCUSE"
    ]
    cues = dict(event.cues)
    assert cues["type=ACCUSE"] == 1.0
    assert cues["source_country"] == 1.0 and cues["target_country"] == 1.0
    assert cues["sentence_at=0"] == 1.0 and cues["clause=root"] == 1.0
    assert {"p_type", "p_penta", "p_top", "rules"} <= cues.keys()
    assert 0.0 <= event.confidence <= 1.0


def test_cues_of_reported_and_quoted_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Kenya said that Uganda had attacked its border posts.")
    cues = dict(next(e for e in events if e.type == "ASSAULT").cues)
    assert cues.get("under_speech") == 1.0
    events = _events(nlp, "“Russia will meet Ukraine in Istanbul,” the minister said.")
    cues = dict(events[0].cues)  # a planned meeting, coded as agreed (AGREE)
    assert cues.get("in_quote") == 1.0 and cues.get("future") == 1.0


def test_model_round_trips_and_scores_by_its_weights(tmp_path: Path) -> None:
    model = PrecisionModel({"type=ASSAULT": 2.0, "target=none": -3.0}, -0.5, 0.5, "all_four")
    path = tmp_path / "precision.json"
    model.save(path, {"events": 2})
    loaded = PrecisionModel.load(path)
    assert loaded == model
    assert json.loads(path.read_text())["about"] == {"events": 2}
    assert loaded.probability([("type=ASSAULT", 1.0)]) == pytest.approx(1 / (1 + numpy.exp(-1.5)))
    assert loaded.probability([("type=ASSAULT", 1.0), ("target=none", 1.0)]) < 0.5


def test_without_a_model_the_blend_stays(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(precision, "shipped_precision", lambda: None)
    blended = {e.type: e.confidence for e in _events(nlp, "Japan accused China of violating the agreement.")}
    against = PrecisionModel({"type=ACCUSE": -9.0}, 0.0, 0.5, "all_four")
    monkeypatch.setattr(precision, "shipped_precision", lambda: against)
    scored = {e.type: e.confidence for e in _events(nlp, "Japan accused China of violating the agreement.")}
    assert scored["ACCUSE"] < 0.01 < blended["ACCUSE"]


def test_key_matches_the_judged_tool() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    import judged  # type: ignore[import-not-found]

    event = {
        "url": "u",
        "evidence": "Japan accused China.",
        "type": "ACCUSE",
        "source": {"name": "Japan", "country": "JPN", "sector": None},
        "target": {"name": "China", "country": "CHN", "sector": "GOV"},
        "date": "2020",
    }
    assert event_key("pages", event) == judged.event_key("pages", event)


def test_fit_learns_the_cue_that_tells_right_from_wrong(tmp_path: Path) -> None:
    right = {"type": "y", "source": "y", "target": "y", "date": "y"}
    wrong = {"type": "n", "source": "-", "target": "-", "date": "-"}
    examples = [
        Judged(
            f"doc{k}",
            (("type=CONSULT", 1.0),) if k % 2 else (("type=RETREAT", 1.0),),
            right if k % 2 else wrong,
        )
        for k in range(60)
    ]
    report = fit(examples, tmp_path / "m.json")
    model = PrecisionModel.load(tmp_path / "m.json")
    assert model.probability([("type=CONSULT", 1.0)]) > 0.5 > model.probability([("type=RETREAT", 1.0)])
    assert report["curve_all_four"][-1]["events"] == 60


def test_curve_is_the_right_rate_of_the_best_scored() -> None:
    rows = curve(numpy.array([0.9, 0.8, 0.2, 0.1]), numpy.array([1, 0, 1, 0]), (0.5, 1.0))
    assert [(r["events"], r["right"]) for r in rows] == [(2, 1), (4, 2)]
