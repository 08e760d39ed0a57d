"""`dateline ingest` and `dateline batch`: a document that raises is one error line, the rest go in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import pipeline
from dateline.cli import app
from dateline.model import RawDoc

STORIES = [
    "CAIRO (Reuters) - Egypt condemned an Israeli air strike on a school in Gaza on Saturday, calling on "
    "the United Nations to act.",
    "ANKARA, Turkey - Turkish President Recep Tayyip Erdogan hosted Swedish Prime Minister Ulf Kristersson "
    "on Wednesday for talks on Sweden's bid to join NATO.",
    "BRUSSELS (AFP) - NATO Secretary General Jens Stoltenberg warned Russia on Thursday against any "
    "attack on its members.",
]
BEIJING = (
    "BEIJING (AP) - China's foreign minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing "
    "on Monday, and the two sides agreed to keep talking, the ministry said."
)


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a text file and a three-record JSONL whose second record makes a stage raise."""
    real = pipeline.prepare

    def prepare(doc: RawDoc) -> list:  # type: ignore[type-arg]
        if "Ankara" in doc.text or "ANKARA" in doc.text:
            raise OverflowError("date value out of range")
        return real(doc)

    monkeypatch.setattr(pipeline, "prepare", prepare)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "beijing.txt").write_text(BEIJING, encoding="utf-8")
    lines = [json.dumps({"text": t, "date": "2023-06-01"}) for t in STORIES]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_ingest_reports_the_failing_record_and_stores_the_others(inputs: Path, nlp: object) -> None:
    db = inputs.parent / "news.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "wire.jsonl#2" in errors[0] and "OverflowError: date value out of range" in errors[0]
    assert "3 new, 0 already stored, 1 failed" in result.stderr
    # The failed record is not stored, so a run after the fix picks it up.
    again = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert "0 new, 3 already stored, 1 failed" in again.stderr


def test_batch_reports_the_failing_record_and_writes_the_others(inputs: Path, nlp: object) -> None:
    out = inputs.parent / "out"
    result = CliRunner().invoke(app, ["batch", str(inputs), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "1 partial, 0 failed; 3 documents, 3 articles" in result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    [shard] = manifest["shards"]
    assert shard["status"] == "partial" and shard["attempts"] == 1
    assert len(shard["errors"]) == 1 and "wire.jsonl#2" in shard["errors"][0]
