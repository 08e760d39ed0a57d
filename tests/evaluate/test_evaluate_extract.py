"""Extraction metrics: shingle precision/recall as the scrapinghub benchmark defines them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dateline.evaluate.extract import evaluate, page_scores, shingles


def test_shingles_are_word_4grams_counted_as_a_multiset() -> None:
    assert shingles("a b c d e") == {"a b c d": 1, "b c d e": 1}
    assert shingles("one two") == {"one two": 1}
    assert page_scores("a b c d e", "a b c d e") == (1.0, 1.0)
    precision, recall = page_scores("a b c d e f", "a b c d x y")  # 1 of 3 shingles each way
    assert precision == recall == 1 / 3
    assert page_scores("a b c d", "") == (0.0, 0.0)


def test_evaluate_scores_ours_and_trafilatura_on_a_small_folder(tmp_path: Path) -> None:
    body = (
        "The foreign ministers of both countries met in Seoul on Monday to discuss the resumption of talks. "
        "They agreed to meet again next month in Tokyo, the ministry said in a statement on Tuesday."
    )
    page = f"<html><head><title>Ministers meet</title></head><body><article><p>{body}</p></article></body>"
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": body, "url": None}}))
    metrics = evaluate(tmp_path)
    assert metrics["pages"] == 1 and metrics["f1"] > 0.9 and "trafilatura_f1" in metrics


def test_scrapinghub_benchmark_beats_trafilatura(shared_data: Path) -> None:
    metrics = evaluate(shared_data / "extraction" / "scrapinghub")
    # The target, and trafilatura alone measured in the same run.
    assert metrics["f1"] >= 0.975
    assert metrics["f1"] > metrics["trafilatura_f1"] + 0.01
