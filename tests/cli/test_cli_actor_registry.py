"""Bare names at ingest: the same whatever came before, and the user's overrides file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

FIRST = (
    "SEOUL (Yonhap) -- South Korea's Vice Unification Minister Kim Ki-woong met Chinese Ambassador "
    "Xing Haiming in Seoul on Monday.\n"
)
LATER = "BEIJING (AP) -- Kim Ki-woong and Xing Haiming held talks again on Friday about food aid.\n"


def _events(db: Path) -> list[dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _ingest(tmp_path: Path, name: str, text: str, db: Path, *extra: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), *extra])
    assert result.exit_code == 0, result.output


def test_a_bare_name_codes_the_same_whatever_was_ingested_before(tmp_path: Path, nlp: object) -> None:
    """Events depend on the document only, never on what earlier runs stored (issue 16, item 5):
    what another article says about a name is not carried over at ingest."""
    alone = tmp_path / "alone.duckdb"
    _ingest(tmp_path, "later.txt", LATER, alone)
    bare = _events(alone)  # the talks, one event each way
    assert len(bare) == 2 and {e["source"]["country"] for e in bare} == {None}  # nothing says who they are

    db = tmp_path / "d.duckdb"
    _ingest(tmp_path, "first.txt", FIRST, db)
    _ingest(tmp_path, "later.txt", LATER, db)
    fields = ("id", "type", "source", "target", "date", "evidence")
    later = [{k: e[k] for k in fields} for e in _events(db) if e["outlet"] == "AP"]
    assert later == [{k: e[k] for k in fields} for e in bare]


def test_overrides_file_wins(tmp_path: Path, nlp: object) -> None:
    overrides = tmp_path / "actors.yaml"
    overrides.write_text(
        "actors:\n  - name: Xing Haiming\n    country: CHN\n    sector: GOV\n"
        "    title: Ambassador to South Korea\n",
        encoding="utf-8",
    )
    db = tmp_path / "d.duckdb"
    _ingest(tmp_path, "later.txt", LATER, db, "--actors", str(overrides))
    [event] = [e for e in _events(db) if e["source"]["name"] == "Kim Ki-woong"]
    target = {k: v for k, v in event["target"].items() if k != "id"}  # the id is a hash of these
    assert target == {"name": "Xing Haiming", "country": "CHN", "sector": "GOV"}


@pytest.mark.parametrize("content", ["actors: [1, 2", "actors:\n  - name: X\n    country: Korea\n"])
def test_bad_overrides_file_is_one_line_error(tmp_path: Path, content: str) -> None:
    overrides = tmp_path / "actors.yaml"
    overrides.write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(LATER, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "d.duckdb"), "--actors", str(overrides)],
    )
    assert result.exit_code == 2 and "actors.yaml" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "d.duckdb").exists()
