"""The `dateline` command line, end to end on the bundled example and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app

EVENT_KEYS = {
    "id",
    "type",
    "cameo",
    "source",
    "target",
    "date",
    "date_granularity",
    "place",
    "article_id",
    "url",
    "outlet",
    "evidence",
    "negated",
}
ARTICLE_KEYS = {
    "id",
    "url",
    "outlet",
    "byline",
    "headline",
    "dateline_place",
    "date",
    "date_granularity",
    "language",
    "text",
}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, seed_text: str, runner: CliRunner) -> Path:
    """A store with the bundled example ingested once."""
    folder = tmp_path_factory.mktemp("seeded")
    (folder / "korea.txt").write_text(seed_text, encoding="utf-8")
    db = folder / "d.duckdb"
    result = runner.invoke(app, ["ingest", str(folder / "korea.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _json(runner: CliRunner, *args: str) -> list[dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_articles_json_has_the_three_pasted_articles(runner: CliRunner, seeded: Path) -> None:
    rows = _json(runner, "articles", "--db", str(seeded))
    assert [r["outlet"] for r in rows] == ["Korea Times", "Reuters", "Yonhap"]
    assert all(ARTICLE_KEYS | {"story_id", "duplicate_of", "date_source"} == set(r) for r in rows)
    assert rows[0]["byline"] == "Kang Seung-woo"
    assert rows[2]["date"] == "2020-12-23"


def test_events_json_keys_and_the_phone_call(runner: CliRunner, seeded: Path) -> None:
    rows = _json(runner, "events", "--db", str(seeded))
    assert rows and all(set(r) >= EVENT_KEYS for r in rows)
    calls = [r for r in rows if r["source"]["name"] == "Noh Kyu-duk" and r["type"] == "CONSULT"]
    assert calls and calls[0]["target"]["country"] == "JPN" and calls[0]["date"] == "2020-12-23"
    assert "spoke by phone" in calls[0]["evidence"]


def test_events_filters(runner: CliRunner, seeded: Path) -> None:
    everything = _json(runner, "events", "--db", str(seeded))
    prk = _json(runner, "events", "--db", str(seeded), "--actor", "PRK")
    assert prk and all("PRK" in (r["source"]["country"], (r["target"] or {}).get("country")) for r in prk)
    assert len(prk) < len(everything)
    requests = _json(runner, "events", "--db", str(seeded), "--type", "REQUEST")
    assert requests and {r["type"] for r in requests} == {"REQUEST"}
    recent = _json(runner, "events", "--db", str(seeded), "--since", "2020-01-01", "--until", "2020-12-31")
    assert recent and all(r["date"].startswith("2020") for r in recent)


def test_events_lists_every_event_and_likely_those_at_the_threshold(runner: CliRunner, seeded: Path) -> None:
    from dateline.models import likely_threshold

    every = _json(runner, "events", "--db", str(seeded))
    likely = _json(runner, "events", "--db", str(seeded), "--likely")
    threshold = likely_threshold()
    assert every and {r["id"] for r in likely} <= {r["id"] for r in every}
    if threshold is not None:
        assert {r["id"] for r in every if r["confidence"] >= threshold} == {r["id"] for r in likely}
    low = _json(runner, "events", "--db", str(seeded), "--min-confidence", "0.2")
    assert {r["id"] for r in low} == {r["id"] for r in every if r["confidence"] >= 0.2}
    assert all(0.0 <= r["confidence"] <= 1.0 for r in every)


def test_csv_and_jsonl_formats(runner: CliRunner, seeded: Path) -> None:
    csv_out = runner.invoke(app, ["events", "--db", str(seeded), "--format", "csv"])
    header = csv_out.stdout.splitlines()[0].split(",")
    assert {"source_name", "source_country", "target_name", "evidence"} <= set(header)
    jsonl = runner.invoke(app, ["actors", "--db", str(seeded), "--format", "jsonl"])
    names = {json.loads(line)["name"] for line in jsonl.stdout.splitlines()}
    assert {"Noh Kyu-duk", "Choi Jong-kun", "Stephen Biegun"} <= names


def test_reingesting_changes_nothing(runner: CliRunner, seeded: Path, seed_text: str, tmp_path: Path) -> None:
    before = _json(runner, "events", "--db", str(seeded))
    again = tmp_path / "again.txt"
    again.write_text(seed_text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(again), "--db", str(seeded)])
    assert result.exit_code == 0
    assert "0 new, 1 already stored, 0 failed; 0 stories updated" in result.stderr
    assert _json(runner, "events", "--db", str(seeded)) == before


def test_demo_prints_articles_and_events(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert result.exit_code == 0, result.output
    for expected in ("Korea Times", "Reuters", "Yonhap", "CONSULT", "REQUEST", "Noh Kyu-duk"):
        assert expected in result.stdout


def test_bad_inputs_fail_clearly_and_the_good_file_still_goes_in(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 20)
    (folder / "latin1.txt").write_bytes("Réunion talks".encode("latin-1"))
    (folder / "good.txt").write_text(
        "LONDON (Reuters) - Britain's foreign secretary met French President Emmanuel Macron in Paris.\n",
        encoding="utf-8",
    )
    db = tmp_path / "d.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("photo.jpg" in e and "binary" in e for e in errors)
    assert any("latin1.txt" in e and "UTF-8" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)
    assert "Traceback" not in result.output
    assert len(_json(runner, "articles", "--db", str(db))) == 1


def test_store_problems_are_one_line_errors(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no such store" in missing.stderr
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute(
        "CREATE TABLE meta (key VARCHAR, value VARCHAR); INSERT INTO meta VALUES ('schema_version', '0')"
    )
    con.close()
    result = runner.invoke(app, ["articles", "--db", str(old)])
    assert result.exit_code == 2 and "schema version 0" in result.stderr
    assert "Traceback" not in result.output


def test_bad_date_option_is_explained(runner: CliRunner, seeded: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(seeded), "--since", "last tuesday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_unknown_type_or_country_exits_2_and_says_what_is_allowed(runner: CliRunner, seeded: Path) -> None:
    bad_type = runner.invoke(app, ["events", "--db", str(seeded), "--type", "FOO"])
    assert bad_type.exit_code == 2 and "CONSULT" in bad_type.stderr and "ASSAULT" in bad_type.stderr
    bad_country = runner.invoke(app, ["events", "--db", str(seeded), "--actor", "Narnia"])
    assert bad_country.exit_code == 2 and "ISO 3166" in bad_country.stderr
    assert bad_type.stdout == bad_country.stdout == ""


def test_country_names_work_where_codes_do(runner: CliRunner, seeded: Path) -> None:
    by_code = _json(runner, "events", "--db", str(seeded), "--actor", "USA")
    assert by_code
    assert _json(runner, "events", "--db", str(seeded), "--actor", "United States") == by_code
    assert _json(runner, "events", "--db", str(seeded), "--country", "usa") == by_code


def test_csv_has_the_same_columns_whatever_the_filter(runner: CliRunner, seeded: Path) -> None:
    def header(*args: str) -> str:
        result = runner.invoke(app, ["events", "--db", str(seeded), "--format", "csv", *args])
        assert result.exit_code == 0
        return result.stdout.splitlines()[0]

    everything = header()
    assert everything == header("--actor", "JPN") == header("--type", "ASSAULT") == header("--since", "2090")
    assert {"source_id", "target_id", "mode", "context", "place_country"} <= set(everything.split(","))


def test_event_direction_story_text_limit_and_order(runner: CliRunner, seeded: Path) -> None:
    db = str(seeded)
    everything = _json(runner, "events", "--db", db)
    sources = _json(runner, "events", "--db", db, "--source", "KOR")
    assert sources and all(r["source"]["country"] == "KOR" for r in sources)
    targets = _json(runner, "events", "--db", db, "--target", "South Korea")
    assert all(r["target"]["country"] == "KOR" for r in targets)
    assert {r["id"] for r in sources} != {r["id"] for r in targets}
    story = everything[0]["story_id"]
    in_story = _json(runner, "events", "--db", db, "--story", story)
    assert in_story and {r["story_id"] for r in in_story} == {story}
    missing = runner.invoke(app, ["events", "--db", db, "--story", "nope"])
    assert missing.exit_code == 2 and "no such story" in missing.stderr
    found = _json(runner, "events", "--db", db, "--q", "FUNAKOSHI")
    assert found and all("Funakoshi" in r["evidence"] + str(r["target"]) for r in found)
    assert len(_json(runner, "events", "--db", db, "--limit", "2")) == 2
    newest = [r["date"] for r in _json(runner, "events", "--db", db, "--newest")]
    assert newest == sorted(newest, reverse=True)
    # Every event of the example has one report; asking for two or more finds none.
    assert _json(runner, "events", "--db", db, "--min-sources", "2") == []
    assert len(_json(runner, "events", "--db", db, "--min-sources", "1")) == len(everything)


def test_article_filters(runner: CliRunner, seeded: Path) -> None:
    db = str(seeded)
    assert [r["outlet"] for r in _json(runner, "articles", "--db", db, "--outlet", "yonhap")] == ["Yonhap"]
    assert [r["outlet"] for r in _json(runner, "articles", "--db", db, "--since", "2021")] == ["Korea Times"]
    assert [r["outlet"] for r in _json(runner, "articles", "--db", db, "--q", "Funakoshi")] == ["Yonhap"]
    assert len(_json(runner, "articles", "--db", db, "--limit", "1")) == 1
    story = _json(runner, "articles", "--db", db)[1]["story_id"]
    assert {r["story_id"] for r in _json(runner, "articles", "--db", db, "--story", story)} == {story}
    empty = runner.invoke(app, ["articles", "--db", db, "--outlet", "Nowhere", "--format", "csv"])
    assert empty.stdout.splitlines()[0].startswith("id,url,outlet")


def test_python_dash_m_dateline_is_the_dateline_command() -> None:
    import subprocess
    import sys

    src = Path(__file__).resolve().parents[2] / "src"
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "eval", "--help"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "events" in done.stdout


def test_eval_label_is_for_ngec_stories_only(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "1", "text": "Japan met China.", "events": []}\n', "utf-8")
    result = runner.invoke(app, ["eval", "events", str(gold), "--label", "PROTEST"])
    assert result.exit_code == 2 and "--label" in result.stderr and "Traceback" not in result.output


def test_eval_cross_fit_is_for_the_fit_part_of_the_dev_data(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "1", "text": "Japan met China.", "events": []}\n', "utf-8")
    result = runner.invoke(app, ["eval", "events", str(gold), "--part", "check", "--cross-fit", "5"])
    assert result.exit_code == 2 and "--cross-fit" in result.stderr and "Traceback" not in result.output
    # the folder beside the file is not the development data's events folder
    result = runner.invoke(app, ["eval", "events", str(gold), "--part", "fit", "--cross-fit", "5"])
    assert result.exit_code == 2 and "plv.train.jsonl" in result.stderr and "Traceback" not in result.output
