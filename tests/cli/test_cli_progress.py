"""The ingest progress bar counts documents: a 12-record JSONL is 12 steps, not 1."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress
from typer.testing import CliRunner

from dateline.cli import app
from dateline.cli.progress import DocumentSteps

CITIES = [
    "Seoul",
    "Tokyo",
    "Cairo",
    "Ankara",
    "Nairobi",
    "Lima",
    "Hanoi",
    "Doha",
    "Oslo",
    "Quito",
    "Rabat",
    "Accra",
]


def test_steps_become_documents_as_files_are_read() -> None:
    progress = Progress(disable=True)
    steps = DocumentSteps(progress, files=3)
    steps.file_read(136)  # a JSONL export
    for _ in range(136):
        steps.document_done()
    steps.file_read(0)  # a file that could not be read
    steps.file_read(1)  # a plain text
    steps.document_done()
    [task] = progress.tasks
    assert (task.total, task.completed) == (138, 138)


def test_ingest_of_one_jsonl_shows_one_step_per_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    bars: list[Progress] = []

    def recording(console: Console, quiet: bool) -> Progress:
        bars.append(Progress(disable=True))  # records steps without drawing
        return bars[-1]

    # `dateline.cli.ingest` is also the name of a command; the module is in sys.modules.
    monkeypatch.setattr(sys.modules["dateline.cli.ingest"], "ingest_progress", recording)
    export = tmp_path / "wire.jsonl"
    records = [{"text": f"Officials in {city} said on Monday that talks would resume."} for city in CITIES]
    export.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(export), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    [task] = bars[0].tasks
    assert (task.total, task.completed) == (12, 12)
    # Again: every record is already stored, and each still counts as a step.
    CliRunner().invoke(app, ["ingest", str(export), "--db", str(db)])
    [task] = bars[1].tasks
    assert (task.total, task.completed) == (12, 12)


def test_a_long_paste_counts_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    from importlib import resources

    from dateline import pipeline

    bars: list[Progress] = []

    def recording(console: Console, quiet: bool) -> Progress:
        bars.append(Progress(disable=True))
        return bars[-1]

    monkeypatch.setattr(sys.modules["dateline.cli.ingest"], "ingest_progress", recording)
    monkeypatch.setattr(pipeline, "PART", 1)  # stored an article at a time
    paste = tmp_path / "paste.txt"  # three articles of three outlets
    paste.write_text(resources.files("dateline.examples").joinpath("korea-diplomacy.txt").read_text("utf-8"))
    one = tmp_path / "one.txt"
    one.write_text("Officials in Lima said on Monday that talks would resume.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(paste), str(one), "--db", str(tmp_path / "news.duckdb")])
    assert result.exit_code == 0, result.stderr
    [task] = bars[0].tasks
    assert (task.total, task.completed) == (4, 4)
