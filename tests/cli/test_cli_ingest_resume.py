"""An interrupted ingest, resumed, leaves the store one clean run leaves (issue 16, item 5).

Documents, articles, actors, events and stories (groupings, briefs, merged events and the
clusterer's saved state) must not depend on where a run stopped, and an interrupted ingest
already has stories for what it stored.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline import pipeline
from dateline.bench.kill import TABLES  # every stored table, the clock columns left out
from dateline.cli import app
from dateline.intake import ingest_into
from dateline.store import Store
from dateline.stories import refresh

TEXTS = [
    "SEOUL (Yonhap) -- South Korea's Vice Unification Minister Kim Ki-woong met Chinese Ambassador "
    "Xing Haiming in Seoul on Monday, June 14, 2021.\n",
    "GENEVA (AP) — U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on "
    "Wednesday, June 16, 2021 for their first summit, a meeting both sides called constructive.\n"
    "The two leaders agreed to return their ambassadors to Moscow and Washington.\n",
    "BEIJING (AP) -- Kim Ki-woong and Xing Haiming held talks again on Friday, June 18, 2021 about "
    "food aid.\n",
    "GENEVA (Reuters) - Russian President Vladimir Putin and U.S. President Joe Biden held talks in "
    "a lakeside villa in Geneva on Wednesday, June 16, 2021, their first summit since Biden took office.\n"
    "Putin said the summit had been constructive and that the ambassadors would return to their posts.\n",
    "DHAKA (AFP) - Monsoon floods have cut off hundreds of villages in northern Bangladesh, officials "
    "said on Monday, June 21, 2021, as rivers rose above danger levels and rescue boats ferried families.\n",
    "DHAKA (Reuters) - Floods in northern Bangladesh cut off hundreds of villages on Monday, June 21, "
    "2021, officials said, and rescue boats took families to shelters as rivers kept rising.\n",
]


PASTE = resources.files("dateline.examples").joinpath("korea-diplomacy.txt").read_text("utf-8")


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    folder = tmp_path / "news"
    folder.mkdir()
    paths = []
    for i, text in enumerate(TEXTS):
        path = folder / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stories refreshed every 2 articles, so that a few documents cross several blocks."""
    monkeypatch.setattr(refresh, "BLOCK", 2)


def _ingest(db: Path, paths: list[str]) -> None:
    result = CliRunner().invoke(app, ["ingest", *paths, "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output


def _interrupted(db: Path, paths: list[str]) -> None:
    """What a kill -9 right after storing `paths` leaves: no end-of-run refresh."""
    with Store(db) as store:
        done = ingest_into(store, paths)
    assert done.new == len(paths) and not done.errors


def _dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store(db, read_only=True) as store:
        return {
            table: sorted(store._db.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)  # noqa: SLF001
            for table, columns in TABLES.items()
        }


@pytest.mark.parametrize("stop", [1, 3, 4])
def test_interrupted_and_resumed_ingest_equals_a_clean_run(
    tmp_path: Path, files: list[str], stop: int, nlp: object
) -> None:
    clean = tmp_path / "clean.duckdb"
    _ingest(clean, files)
    resumed = tmp_path / "resumed.duckdb"
    _interrupted(resumed, files[:stop])
    with Store(resumed, read_only=True) as store:
        # Stories exist for every full block of what the interrupted run stored.
        assert len(store.unassigned_articles()) < 2
        assert stop < 2 or store.stories()
    _ingest(resumed, files)
    expected, found = _dump(clean), _dump(resumed)
    assert expected["events"] and expected["stories"]
    for table in TABLES:
        assert found[table] == expected[table], table


def test_the_same_documents_give_the_same_events_in_any_order(
    tmp_path: Path, files: list[str], nlp: object
) -> None:
    forward, backward = tmp_path / "forward.duckdb", tmp_path / "backward.duckdb"
    for path in files:
        _ingest(forward, [path])
    for path in reversed(files):
        _ingest(backward, [path])
    assert _dump(forward)["events"] == _dump(backward)["events"]
    assert _dump(forward)["actors"] == _dump(backward)["actors"]


@pytest.mark.parametrize("stop", [1, 2])
def test_a_long_paste_is_stored_in_parts_and_resumes_where_it_stopped(
    tmp_path: Path, files: list[str], stop: int, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    monkeypatch.setattr(pipeline, "PART", 1)  # the three articles of the paste: three parts
    paste = tmp_path / "paste.txt"
    paste.write_text(PASTE, encoding="utf-8")
    paths = [files[0], str(paste), files[1]]
    clean = tmp_path / "clean.duckdb"
    _ingest(clean, paths)

    resumed = tmp_path / "resumed.duckdb"
    real_save = Store.save

    def save(store: Store, result: Any) -> bool:
        if result.parts > 1 and result.part == stop:  # stopped as the part after `stop` parts is written
            raise KeyboardInterrupt
        return real_save(store, result)

    monkeypatch.setattr(Store, "save", save)
    with Store(resumed) as store, pytest.raises(KeyboardInterrupt):
        ingest_into(store, paths)
    monkeypatch.setattr(Store, "save", real_save)
    with Store(resumed, read_only=True) as store:
        # The parts written so far are stored; the paste itself is not yet, so it is read again.
        orphans = "SELECT count(*) FROM articles WHERE doc_id NOT IN (SELECT id FROM documents)"
        stored = store._db.execute(orphans)  # noqa: SLF001
        assert stored.fetchone() == (stop,)
        assert len(store.documents()) == 1

    coded: list[int] = []
    real_parts = pipeline._parts  # noqa: SLF001

    def parts(*args: Any) -> Any:
        for result in real_parts(*args):
            coded.append(result.part)
            yield result

    monkeypatch.setattr(pipeline, "_parts", parts)
    _ingest(resumed, paths)
    assert coded == list(range(stop, 3))  # the stored parts are not coded again
    expected, found = _dump(clean), _dump(resumed)
    assert expected["events"]
    for table in TABLES:
        assert found[table] == expected[table], table
