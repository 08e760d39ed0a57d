"""`dateline.open`: a store read back as DataFrames with the exported columns and types."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import dateline
from dateline.store import Store
from dateline.store.schema import TABLES


@pytest.fixture()
def path(merged_store: Store) -> str:
    merged_store.close()  # the writer lets go, as after `dateline ingest`
    return merged_store.path


def test_every_table_is_a_dataframe_with_the_export_columns(path: str, tmp_path: Path) -> None:
    with Store(path, read_only=True) as store:
        files = store.export(tmp_path / "out", "parquet")
    with dateline.open(path) as data:
        for name in TABLES:
            frame = data.query(name)
            assert isinstance(frame, pd.DataFrame)
            exported = pd.read_parquet(files[name])
            assert list(frame.columns) == list(exported.columns), name
            assert len(frame) == len(exported), name


def test_events_filter_like_the_cli(path: str) -> None:
    with dateline.open(path) as data:
        everything = data.events()
        assert len(everything) == 2 and set(everything["cameo"]) == {"043"}
        assert len(data.events(countries="RUS", types="CONSULT", since="2021-06-10")) == 2
        # A month-only date overlaps a range inside that month; a later range has nothing.
        assert len(data.events(since="2021-07")) == 0
        assert data.events(q="this month")["outlet"].tolist() == ["AFP"]
        assert len(data.events(story="s1")) == 2
        assert data.events(countries=["CHN"]).empty
        assert list(data.events(countries=["CHN"]).columns) == list(everything.columns)


def test_merged_events_articles_and_actors(path: str) -> None:
    with dateline.open(path) as data:
        [merged] = data.merged_events(story="s1").to_dict("records")
        assert merged["num_sources"] == 2 and len(merged["urls"]) == 2
        assert set(data.articles(story="s1")["outlet"]) == {"Reuters", "AFP"}
        actors = data.actors().set_index("name")
        assert actors.loc["Sergei Lavrov", "events"] == 2
        assert data.stories()["title"].tolist() == ["Lavrov meets Blinken"]
        counts = data.relation("events").aggregate("event_type, count(*) AS n").fetchall()
        assert counts == [("CONSULT", 2)]


def test_open_refuses_a_missing_store_and_unknown_tables(path: str, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="dateline ingest"):
        dateline.open(tmp_path / "missing.duckdb")
    with dateline.open(path) as data, pytest.raises(ValueError, match="merged_events"):
        data.frame("nope")
