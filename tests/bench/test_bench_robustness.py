"""The kill -9 and big-file bench parts: how they compare stores and build their inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.bench import big, kill
from dateline.ingest.readers import iter_documents
from dateline.model import RawDoc
from dateline.store import Store


def test_compare_counts_rows_in_one_store_and_not_the_other(tmp_path: Path) -> None:
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    for path in (first, second):
        with Store(path) as store:
            store._db.execute("INSERT INTO actors VALUES ('x', 'X', 'FRA', 'GOV', NULL)")  # noqa: SLF001
    with Store(second) as store:
        # a row stored twice counts once more; a changed row counts as one missing and one extra
        store._db.execute("INSERT INTO actor_sightings VALUES ('x', 'a1'), ('x', 'a1')")  # noqa: SLF001
    with Store(first) as store:
        store._db.execute("INSERT INTO actor_sightings VALUES ('x', 'a1')")  # noqa: SLF001
        store._db.execute("INSERT INTO cluster_state VALUES (1, 'one')")  # noqa: SLF001
    with Store(second) as store:
        store._db.execute("INSERT INTO cluster_state VALUES (1, 'two')")  # noqa: SLF001
    tables = kill.compare(first, second)
    assert tables["actors"] == {"rows": 1, "differing_rows": 0}
    assert tables["actor_sightings"] == {"rows": 1, "differing_rows": 1}
    assert tables["cluster_state"] == {"rows": 1, "differing_rows": 2}
    assert tables["events"] == {"rows": 0, "differing_rows": 0}


def test_the_big_jsonl_is_distinct_documents_the_readers_stream(tmp_path: Path, shared_data: Path) -> None:
    path = tmp_path / "big.jsonl"
    records = big.write_jsonl(path, 3 * 1024 * 1024)
    assert path.stat().st_size >= 3 * 1024 * 1024
    docs = [d for d in iter_documents(str(path)) if isinstance(d, RawDoc)]
    assert len(docs) == records == len({d.id for d in docs})  # copies of a text are documents of their own
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first["url"].startswith("https://") and first["text"].strip()


def test_big_part_is_skipped_without_the_shared_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(big, "SHARED", tmp_path / "absent")
    assert big.run(tmp_path / "files", 1, 1.0) == {"skipped": f"{tmp_path / 'absent'} not found"}
    assert not (tmp_path / "files").exists()
