"""The learned sentence filter: hashed features of the text, a threshold, and how the selector uses it."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest

from dateline.events import candidates, sentence_filter
from dateline.events.sentence_filter import BITS, SentenceFilter, feature_rows, feature_strings


def test_features_read_words_bigrams_and_shape() -> None:
    features = feature_strings("“We will meet him,” Putin said?")
    assert {"w=meet", "b=will_meet", "first=we", "starts_quote", "has_quote", "question"} <= set(features)
    assert "no_end" in feature_strings("Talks in Geneva")


def test_hashed_rows_are_stable_and_in_range() -> None:
    rows = feature_rows("Seoul said on Monday it had asked Tokyo to hold talks.")
    assert rows == feature_rows("Seoul said on Monday it had asked Tokyo to hold talks.")
    assert all(0 <= r < 1 << BITS for r in rows)


def _model_against(word: str) -> SentenceFilter:
    """A filter that drops sentences with `word` and keeps everything else."""
    weights = numpy.zeros(1 << BITS, dtype=numpy.float32)
    (row,) = feature_rows(word)[:1]
    weights[row] = -5.0
    return SentenceFilter(weights, threshold=-1.0)


def test_model_round_trips_and_drops_below_threshold(tmp_path: Path) -> None:
    model = _model_against("opinion")
    path = tmp_path / "filter.npz"
    model.save(path)
    loaded = SentenceFilter.load(path)
    assert loaded.threshold == pytest.approx(-1.0)
    assert loaded.keeps("Police arrested two men in Lagos.")
    assert not loaded.keeps("In my opinion police attacked nobody.")


def test_selector_drops_what_the_filter_drops_and_off_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = ["In my opinion police attacked nobody.", "Police arrested two men in Lagos."]
    monkeypatch.setattr(sentence_filter, "shipped_filter", lambda: _model_against("opinion"))
    assert candidates.select_sentences(sentences) == [False, True]
    monkeypatch.setenv("DATELINE_FILTER", "off")
    assert candidates.select_sentences(sentences) == [True, True]


def test_without_a_model_every_candidate_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sentence_filter, "shipped_filter", lambda: None)
    assert sentence_filter.keeps(["a", "b"]) == [True, True]
