"""find_times against gold TIMEX3 values of TimeML news (skips without ../shared/data)."""

from __future__ import annotations

from pathlib import Path

from dateline.evaluate.time import evaluate


def test_values_on_timebank_and_aquaint(shared_data: Path) -> None:
    metrics = evaluate(shared_data / "time")
    assert metrics["docs"] >= 250
    # Measured 0.81 value F1 and 0.94 extent F1 (from 0.64 and 0.80 before durations, sets,
    # references, seasons, times of day and quarterly-results prose were handled); the floors
    # leave room for small trade-offs, not for regressions.
    assert metrics["value_f1"] > 0.80
    assert metrics["extent_f1"] > 0.92
