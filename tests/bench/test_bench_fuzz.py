"""The fuzzing bench part: every reader on mutated inputs, none escaping (a short run here)."""

from __future__ import annotations

import random

from dateline.bench import fuzz


def test_mutations_change_the_input_and_repeat_with_the_seed() -> None:
    sample = fuzz.samples()["jsonl"][1]
    first = [fuzz.mutate(random.Random(3), sample) for _ in range(5)]
    assert first == [fuzz.mutate(random.Random(3), sample) for _ in range(5)]
    assert all(m != sample for m in first)


def test_a_short_fuzz_run_has_no_escape(nlp: object) -> None:
    result = fuzz.run(per_reader=40)
    readers = {"text", "html", "rss", "jsonl", "csv", "warc"}
    assert readers <= set(result)
    for reader in readers:
        counts = result[reader]
        assert counts["inputs"] == 40 and counts["read"] + counts["refused"] + counts["escaped"] == 40
        assert counts["read"] > 0, reader  # most mutations leave something readable
        assert counts["escaped"] == 0, counts["examples"]
    assert result["escaped"] == 0
