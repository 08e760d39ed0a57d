"""The local batch engine: shards in, Parquet partitions and a manifest out, resumable, loadable."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli.app import app
from dateline.scale import plan_shards, run_local
from dateline.scale.rows import TABLES
from dateline.store import Store

STORIES = [
    {
        "text": "SEOUL (Yonhap) -- South Korea's foreign minister met his Japanese counterpart in Tokyo "
        "on Tuesday to discuss North Korea's missile launches, the ministry said.\n\n"
        "The two ministers agreed to strengthen cooperation with the United States.",
        "url": "https://example.com/a",
        "date": "2023-03-14",
    },
    {
        "text": "KYIV (Reuters) - Ukrainian President Volodymyr Zelenskiy accused Russia of shelling "
        "residential areas of Kharkiv overnight, killing two civilians, officials said on Friday.",
        "url": "https://example.com/b",
        "date": "2022-05-06",
    },
]
PAGE = (
    "Nairobi, Kenya\n\nKenyan President William Ruto urged Ethiopia and Eritrea to resolve their border "
    "dispute through talks, his office said on Monday.\n"
)


def make_inputs(root: Path) -> list[str]:
    """A JSONL shard and a folder of text pages, as a scraper would leave them."""
    records = root / "wire.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in STORIES), encoding="utf-8")
    pages = root / "pages"
    pages.mkdir()
    (pages / "kenya.txt").write_text(PAGE, encoding="utf-8")
    return [str(records), str(pages)]


def table(out: Path, name: str) -> list[tuple[object, ...]]:
    return duckdb.sql(f"SELECT * FROM read_parquet('{out}/{name}/*.parquet') ORDER BY ALL").fetchall()


def test_plan_groups_small_files_and_reports_missing(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path)
    (tmp_path / "pages" / "second.txt").write_text(PAGE.replace("Monday", "Tuesday"), encoding="utf-8")
    shards, errors = plan_shards([*inputs, str(tmp_path / "nothing-*.jsonl")])
    assert [len(s.files) for s in shards] == [1, 2]  # the folder's pages are one shard
    assert [e.reason for e in errors] == ["no files match this pattern"]
    again, _ = plan_shards([str(tmp_path / "*.jsonl"), str(tmp_path / "pages")])
    assert [s.id for s in again] == [s.id for s in shards]  # a glob names the same shard


def test_local_run_writes_partitions_and_manifest(tmp_path: Path, nlp: object) -> None:
    out = tmp_path / "out"
    report = run_local(make_inputs(tmp_path), out, batch_size=2)
    assert report.errors == []
    assert [s["status"] for s in report.shards] == ["done", "done"]
    for name in TABLES:
        assert len(list((out / name).glob("*.parquet"))) == 2
    assert len(table(out, "documents")) == 3
    events = duckdb.sql(f"SELECT type, source_country FROM read_parquet('{out}/events/*.parquet')").fetchall()
    assert events, "the stories report meetings and attacks"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["totals"]["documents"] == 3
    assert manifest["versions"]["dateline"]
    assert manifest["shards"][0]["counts"]["events"] == report.shards[0]["counts"]["events"]


def test_rerun_skips_done_shards_and_redoes_edited_ones(tmp_path: Path, nlp: object) -> None:
    inputs = make_inputs(tmp_path)
    out = tmp_path / "out"
    first = run_local(inputs, out)
    before = table(out, "events")
    second = run_local(inputs, out)
    assert [s["skipped"] for s in second.shards] == [True, True]
    assert table(out, "events") == before
    page = tmp_path / "pages" / "kenya.txt"
    page.write_text(PAGE + "\nThe talks are expected next month.\n", encoding="utf-8")
    third = run_local(inputs, out)
    assert [s["skipped"] for s in third.shards] == [True, False]
    assert third.shards[1]["id"] != first.shards[1]["id"]


def test_unreadable_file_is_reported_and_its_shard_retried(tmp_path: Path, nlp: object) -> None:
    inputs = make_inputs(tmp_path)
    (tmp_path / "pages" / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    out = tmp_path / "out"
    report = run_local(inputs, out)
    assert [s["status"] for s in report.shards] == ["done", "partial"]
    assert any("broken.txt" in e and "binary" in e for e in report.errors)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["errors"] == report.errors
    assert manifest["totals"]["partial"] == 1
    again = run_local(inputs, out)  # a partial shard is not taken as done
    assert [s["skipped"] for s in again.shards] == [True, False]


def test_failing_shard_is_retried_then_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def broken(*args: object, **kwargs: object) -> object:
        calls.append(1)
        raise MemoryError("worker ran out of memory")

    monkeypatch.setattr("dateline.scale.runner.process_batch", broken)
    report = run_local(make_inputs(tmp_path), tmp_path / "out", retries=1)
    assert len(calls) == 4  # two shards, two attempts each
    assert [s["status"] for s in report.shards] == ["failed", "failed"]
    assert all("after 2 attempts: MemoryError" in e for e in report.errors)
    assert not list((tmp_path / "out" / "events").glob("*.parquet"))


def test_load_into_store_is_idempotent(tmp_path: Path, nlp: object) -> None:
    out = tmp_path / "out"
    run_local(make_inputs(tmp_path), out)
    with Store(tmp_path / "news.duckdb") as store:
        first = store.load_parquet(out)
        second = store.load_parquet(out)
        stored = store.events()
    assert first["documents"] == 3 and first["events"] == len(table(out, "events"))
    assert {k: v for k, v in second.items() if k != "shards"} == dict.fromkeys(
        ("documents", "articles", "actors", "events"), 0
    )
    assert sorted(e["id"] for e in stored) == sorted(r[0] for r in table(out, "events"))


def test_load_matches_ingest(tmp_path: Path, nlp: object) -> None:
    inputs = make_inputs(tmp_path)
    run_local(inputs, tmp_path / "out")
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", *inputs, "--db", str(tmp_path / "a.duckdb"), "-q"])
    loaded = runner.invoke(app, ["load", str(tmp_path / "out"), "--db", str(tmp_path / "b.duckdb")])
    assert ingested.exit_code == 0 and loaded.exit_code == 0, loaded.output
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        # Events of the same date may come in either order: compare them by id.
        assert sorted(a.events(), key=lambda e: e["id"]) == sorted(b.events(), key=lambda e: e["id"])
        assert a.actors(with_events_only=False) == b.actors(with_events_only=False)


def test_cli_batch_bad_input_and_output(tmp_path: Path, nlp: object) -> None:
    runner = CliRunner()
    inputs = make_inputs(tmp_path)
    result = runner.invoke(app, ["batch", *inputs, str(tmp_path / "gone.warc"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "gone.warc: no such file or directory" in result.output
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text())
    assert manifest["totals"]["done"] == 2 and len(manifest["errors"]) == 1
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["batch", *inputs, "--out", str(blocker / "out")])
    assert result.exit_code == 2 and "cannot write output here" in result.output
    result = runner.invoke(app, ["load", str(tmp_path / "pages"), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 2 and "not the output of `dateline batch`" in result.output


def test_chunked_shard_gives_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    inputs = make_inputs(tmp_path)
    run_local(inputs, tmp_path / "whole")
    monkeypatch.setattr("dateline.scale.runner.CHUNK_DOCS", 1)  # hand rows over after every document
    report = run_local(inputs, tmp_path / "chunked")
    assert report.shards[0]["counts"]["documents"] == 2
    for name in TABLES:
        assert table(tmp_path / "chunked", name) == table(tmp_path / "whole", name), name
