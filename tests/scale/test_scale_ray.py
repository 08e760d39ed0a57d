"""The Ray engine gives what the local engine gives (Ray in local mode, 2 CPUs, one session)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dateline.scale import run_local, run_ray

ray = pytest.importorskip(
    "ray", reason="Ray is an optional extra: pip install 'dateline[ray]' (make test does)"
)

STORIES = [
    "BEIJING (AP) - China's foreign minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing "
    "on Monday, and the two sides agreed to keep talking, the ministry said.",
    "CAIRO (Reuters) - Egypt condemned an Israeli air strike on a school in Gaza on Saturday, calling on "
    "the United Nations to act.",
    "BRUSSELS (AFP) - NATO Secretary General Jens Stoltenberg warned Russia on Thursday against any "
    "attack on its members.",
    "ANKARA, Turkey - Turkish President Recep Tayyip Erdogan hosted Swedish Prime Minister Ulf Kristersson "
    "on Wednesday for talks on Sweden's bid to join NATO.",
]


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    """One local Ray session for the module: starting Ray takes seconds."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def make_shards(root: Path) -> list[str]:
    """Two JSONL shards and a folder of text (three shards), so both actors get work."""
    for number, part in enumerate((STORIES[:2], STORIES[2:3])):
        lines = "".join(
            json.dumps({"text": t, "date": "2023-06-0" + str(i + 1)}) + "\n" for i, t in enumerate(part)
        )
        (root / f"shard-{number}.jsonl").write_text(lines, encoding="utf-8")
    (root / "pages").mkdir()
    (root / "pages" / "ankara.txt").write_text(STORIES[3], encoding="utf-8")
    return [str(root / "shard-0.jsonl"), str(root / "shard-1.jsonl"), str(root / "pages")]


def rows(out: Path, name: str) -> list[tuple[object, ...]]:
    return duckdb.sql(f"SELECT * FROM read_parquet('{out}/{name}/*.parquet') ORDER BY ALL").fetchall()


def test_unreachable_cluster_is_one_clear_error(tmp_path: Path) -> None:
    """Runs before the module's Ray session starts, so the address is really tried."""
    from typer.testing import CliRunner

    from dateline.cli.app import app

    inputs = make_shards(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", *inputs, "--out", str(out), "--engine", "ray", "--address", "127.0.0.1:9"]
    )
    assert result.exit_code == 2
    assert "cannot reach the Ray cluster at 127.0.0.1:9" in result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["totals"]["pending"] == 3 and manifest["totals"]["done"] == 0
    assert not ray.is_initialized()


def test_ray_and_local_give_identical_output(tmp_path: Path, ray_session: None) -> None:
    inputs = make_shards(tmp_path)
    local = run_local(inputs, tmp_path / "local")
    distributed = run_ray(inputs, tmp_path / "ray", workers=2)
    assert distributed.errors == [] and [s["status"] for s in distributed.shards] == ["done"] * 3
    assert rows(tmp_path / "ray", "events"), "the stories report meetings and condemnations"
    for name in ("documents", "articles", "actors", "events"):
        assert rows(tmp_path / "ray", name) == rows(tmp_path / "local", name), name
    manifest = json.loads((tmp_path / "ray" / "manifest.json").read_text())
    assert manifest["engine"] == "ray" and manifest["versions"]["ray"] == ray.__version__
    assert manifest["totals"] == {**json.loads((tmp_path / "local" / "manifest.json").read_text())["totals"]}
    assert all(s["peak_rss_mb"] > 0 for s in manifest["shards"])
    # Resumable across engines: the local output is complete, so Ray has nothing to do.
    again = run_ray(inputs, tmp_path / "local", workers=2)
    assert again.skipped == 3 and local.totals() == again.totals()
