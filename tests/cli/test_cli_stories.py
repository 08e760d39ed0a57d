"""Stories, timelines, exports and serving from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

SUMMIT = (
    "GENEVA (AP) — U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on "
    "Wednesday for their first summit.\n"
)
SUMMIT_AGAIN = (
    "GENEVA (Reuters) - Russian President Vladimir Putin and U.S. President Joe Biden held talks in "
    "Geneva on Wednesday at their first summit.\n"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> Path:
    folder = tmp_path_factory.mktemp("stories")
    (folder / "ap.jsonl").write_text(json.dumps({"text": SUMMIT, "date": "2021-06-16"}) + "\n", "utf-8")
    (folder / "reuters.jsonl").write_text(
        json.dumps({"text": SUMMIT_AGAIN, "date": "2021-06-16"}) + "\n", "utf-8"
    )
    db = folder / "d.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 stories updated" in result.stderr
    return db


def test_stories_story_and_timeline(store: Path) -> None:
    runner = CliRunner()
    stories = json.loads(runner.invoke(app, ["stories", "--db", str(store), "--format", "json"]).stdout)
    assert len(stories) == 1 and stories[0]["articles"] == 2
    story = runner.invoke(app, ["story", stories[0]["id"], "--db", str(store)])
    assert story.exit_code == 0 and "Timeline" in story.stdout and "Sources" in story.stdout
    # The heading counts the articles and names the outlets; the articles are listed under Sources.
    heading = story.stdout.splitlines()[1]
    assert "2021-06-16 – 2021-06-16 · 2 articles · " in heading and "{" not in heading
    timeline = json.loads(
        runner.invoke(
            app, ["timeline", "--actor", "USA", "--actor", "RUS", "--db", str(store), "-f", "json"]
        ).stdout
    )
    assert timeline and timeline[0]["type"] == "CONSULT" and timeline[0]["num_sources"] == 2
    assert {s["outlet"] for s in timeline[0]["sources"]} == {"AP", "Reuters"}


def test_unknown_story_and_bad_actor_are_one_line_errors(store: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["story", "nope", "--db", str(store)])
    assert missing.exit_code == 2 and "no story 'nope'" in missing.stderr
    bad = runner.invoke(app, ["timeline", "--actor", "Narnia", "--db", str(store)])
    assert bad.exit_code == 2 and "ISO 3166" in bad.stderr
    # A country's name is as good as its code.
    by_name = runner.invoke(app, ["timeline", "--actor", "Russia", "--db", str(store), "-f", "json"])
    by_code = runner.invoke(app, ["timeline", "--actor", "RUS", "--db", str(store), "-f", "json"])
    assert by_name.exit_code == 0 and json.loads(by_name.stdout) == json.loads(by_code.stdout) != []


def test_story_as_csv_is_its_timeline_with_urls(store: Path) -> None:
    runner = CliRunner()
    [story] = json.loads(runner.invoke(app, ["stories", "--db", str(store), "-f", "json"]).stdout)
    result = runner.invoke(app, ["story", story["id"], "--db", str(store), "-f", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["story_id"] == story["id"] and rows[0]["num_sources"] == "2"
    assert rows[0]["cameo"].isdigit() and len(rows[0]["cameo"]) >= 3


def test_export_writes_files(store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--to", str(tmp_path / "out"), "--db", str(store), "-f", "csv"]
    )
    assert result.exit_code == 0
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        "events.csv",
        "merged_events.csv",
        "articles.csv",
        "actors.csv",
        "stories.csv",
    }
    with (tmp_path / "out" / "events.csv").open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows and all(r["story_id"] for r in rows) and {r["num_sources"] for r in rows} == {"2"}


def test_serve_refuses_an_open_host_without_a_token(store: Path) -> None:
    result = CliRunner().invoke(
        app, ["serve", "--db", str(store), "--host", "0.0.0.0"], env={"DATELINE_TOKEN": ""}
    )
    assert result.exit_code == 2 and "--token" in result.stderr
