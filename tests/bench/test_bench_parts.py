"""Benchmark parts run and report their figures (speed itself is never asserted in tests)."""

from __future__ import annotations

from dateline.bench import pipeline, stories
from dateline.bench.split import _texttiling_starts

PASTE = "\n".join(
    [
        f"The finance ministry said tax revenue rose in the quarter as exports grew, line {i}."
        for i in range(12)
    ]
    + [
        f"Heavy rain flooded villages along the river and rescue teams evacuated families, line {i}."
        for i in range(12)
    ]
)


def test_pipeline_part_compares_with_spacy_on_the_same_texts(nlp: object) -> None:
    texts, source = pipeline.load_texts(None, 3)
    result = pipeline.run(texts)
    assert set(result) >= {"dateline_tokens_per_s", "spacy_tokens_per_s", "ratio", "peak_rss_mb", "docs"}
    assert result["docs"] == len(texts) == 3 and result["tokens"] > 0
    assert result["ratio"] > 0 and source


def test_texttiling_starts_are_line_starts() -> None:
    starts = _texttiling_starts(PASTE)
    line_starts = {0} | {i + 1 for i, ch in enumerate(PASTE) if ch == "\n"}
    assert starts[0] == 0 and set(starts) <= line_starts


def test_story_clustering_curve_has_one_point_per_size() -> None:
    texts = [("Parliament approved the budget after a long debate on taxes.", "2020-03-01")] * 3
    result = stories.run(texts, sizes=(5, 10))
    assert [p["articles"] for p in result["curve"]] == [5, 10]
    assert all(p["stories"] >= 1 for p in result["curve"])
