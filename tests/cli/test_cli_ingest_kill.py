"""kill -9 at any point of an ingest, then a resume: the store one clean run leaves (issue 16).

Real `dateline ingest` processes are killed with SIGKILL (no chance to clean up) right after
the store commits something (a document, a part of a long paste, a block of stories) or
while a document is being coded, three times, then left to finish; every table must equal a
clean run's. Stories are refreshed every 2 articles and the paste is stored an article at a
time, so a few documents cross many commit points. (`dateline bench --part kill` does the
same on 2,000 documents.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest
from test_cli_ingest_resume import TEXTS, _dump
from typer.testing import CliRunner

from dateline import pipeline
from dateline.cli import app
from dateline.store import Store
from dateline.stories import refresh

PASTE = resources.files("dateline.examples").joinpath("korea-diplomacy.txt").read_text("utf-8")
# `dateline ingest` with stories refreshed every 2 articles and long pastes stored per article.
SMALL_STEPS = (
    "import sys; from dateline import pipeline; from dateline.stories import refresh; "
    "refresh.BLOCK = 2; pipeline.PART = 1; from dateline.cli import main; sys.argv[0] = 'dateline'; main()"
)


def _start(folder: Path, db: Path, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", SMALL_STEPS, "ingest", str(folder), "--db", str(db), "--quiet"]
    with log.open("ab") as out:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=out)


def _wal_size(db: Path) -> int:
    try:
        return os.path.getsize(f"{db}.wal")
    except OSError:
        return -1


def _kill_after_commits(process: subprocess.Popen[bytes], db: Path, commits: int) -> None:
    """SIGKILL once the store's write-ahead log has grown `commits` times (or the run ended)."""
    seen, size = 0, _wal_size(db)
    deadline = time.monotonic() + 300  # generous: a loaded machine starts and parses slowly
    while seen < commits and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
        if (now := _wal_size(db)) != size:
            seen, size = seen + 1, now
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(30)


def _stored(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return len(store.documents())


def test_kill_9_at_three_points_then_resume_equals_a_clean_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    (folder / "3-paste.txt").write_text(PASTE, encoding="utf-8")  # three articles, among the others
    monkeypatch.setattr(refresh, "BLOCK", 2)
    monkeypatch.setattr(pipeline, "PART", 1)
    clean = tmp_path / "clean.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(clean), "--quiet"])
    assert result.exit_code == 0, result.output

    db, log = tmp_path / "killed.duckdb", tmp_path / "ingest.log"
    stored = []
    for commits in (3, 4, 5):  # schema, then documents, paste parts and story blocks
        _kill_after_commits(_start(folder, db, log), db, commits)
        stored.append(_stored(db))
    # The kills fell inside the run: something stored, and not everything.
    assert 0 < stored[0] < len(TEXTS) + 1, (stored, log.read_text())
    process = _start(folder, db, log)
    assert process.wait(600) == 0, log.read_text()
    expected, found = _dump(clean), _dump(db)
    assert expected["events"] and expected["stories"]
    for table, rows in expected.items():
        assert found[table] == rows, table
    assert "Traceback" not in log.read_text()
