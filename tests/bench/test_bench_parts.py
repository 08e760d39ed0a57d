"""Benchmark parts run and report their figures (speed itself is never asserted in tests)."""

from __future__ import annotations

import pytest

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

# A weather report: dated, placed, and without a single event.
QUIET = (
    "LONDON (Reuters) - Heavy rain fell across southern England on Monday, and forecasters expect "
    "more of it through the week.\n"
    "Temperatures will stay around 12 degrees Celsius, close to the average for the season.\n"
    "Rivers in the region are high but below flood levels, the latest readings show.\n"
)


def test_pipeline_part_compares_with_spacy_on_the_same_texts(nlp: object) -> None:
    texts, source = pipeline.load_texts(None, 3)
    result = pipeline.run(texts)
    assert set(result) >= {"dateline_tokens_per_s", "spacy_tokens_per_s", "ratio", "peak_rss_mb", "docs"}
    assert result["docs"] == len(texts) == 3 and result["tokens"] > 0
    assert result["ratio"] > 0 and source
    # Dateline's memory is measured apart from the peer's (which runs in a child process)
    assert result["peak_rss_mb"] > 0 and result["spacy_peak_rss_mb"] > 0


def test_texttiling_starts_are_line_starts() -> None:
    starts = _texttiling_starts(PASTE)
    line_starts = {0} | {i + 1 for i, ch in enumerate(PASTE) if ch == "\n"}
    assert starts[0] == 0 and set(starts) <= line_starts


def test_story_clustering_curve_has_one_point_per_size() -> None:
    texts = [("Parliament approved the budget after a long debate on taxes.", "2020-03-01")] * 3
    result = stories.run(texts, sizes=(5, 10))
    assert [p["articles"] for p in result["curve"]] == [5, 10]
    assert all(p["stories"] >= 1 for p in result["curve"])


def test_events_part_compares_the_events_stage_with_spacy_on_the_same_bodies(
    nlp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.bench import events

    # The Guardian sample when ../shared is there, else the bundled example (every sentence of
    # which can hold an event); with a bundled report whose sentences hold none, so the filter
    # always has something to leave unparsed, with or without ../shared.
    texts, _ = pipeline.load_texts(None, 2)
    result = events.run([*texts, QUIET])
    assert result["tokens"] > 0 and result["articles"] >= 3
    assert result["spacy_tokens_per_s"] > 0 and result["events_stage_tokens_per_s"] > 0
    assert result["ratio"] > 0 and result["target_ratio"] == 2.0
    assert result["events"] > 0
    assert 0 < result["parsed_token_share"] < 1  # some sentences hold no event and are not parsed
    assert 0 < result["events_kept_share"] <= 1
    # The candidate sentences alone lose none of these events; the learned filter (which may
    # drop an event, or a sentence that named an actor in full) never parses more.
    monkeypatch.setenv("DATELINE_FILTER", "off")
    unfiltered = events.run([*texts, QUIET])
    assert unfiltered["events_kept_share"] == 1.0
    assert result["parsed_token_share"] <= unfiltered["parsed_token_share"]
