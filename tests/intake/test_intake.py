"""The intake loop: documents stored one by one, failures kept to themselves, progress counted."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.intake import ingest_into
from dateline.store import Store

GOOD = (
    "BEIRUT (Reuters) - Lebanese President Michel Aoun met the U.N. envoy in Beirut on Tuesday, "
    "March 2, 2021, to discuss the formation of a new government.\n"
)


class Counted:
    """Steps that remember what they were told."""

    def __init__(self) -> None:
        self.found = self.done = self.unread = 0

    def file_read(self, documents: int) -> None:
        self.unread += documents == 0

    def document_found(self, first: bool) -> None:
        self.found += 1

    def document_done(self) -> None:
        self.done += 1

    def part_done(self, doc_id: str, articles: int, all_articles: int, last: bool) -> None:
        pass


def test_a_broken_input_costs_only_itself_and_a_rerun_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"text": "cut off', encoding="utf-8")
    records = [{"text": GOOD}, {"text": "Talks were held in Doha on Monday."}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    inputs = [str(tmp_path / name) for name in ("good.txt", "broken.json", "feed.jsonl")]
    steps = Counted()
    with Store(tmp_path / "news.duckdb") as store:
        first = ingest_into(store, inputs, steps=steps)
        assert (first.new, first.unchanged) == (3, 0)
        assert [e.path for e in first.errors] == [str(tmp_path / "broken.json")]
        assert steps.found == 3 and steps.done == 3 and steps.unread == 1
        again = ingest_into(store, inputs)
        assert (again.new, again.unchanged, len(again.errors)) == (0, 3, 1)
        assert len(store.documents()) == 3
