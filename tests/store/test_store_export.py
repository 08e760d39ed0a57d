"""Exports: the tables of docs/schema.md in Parquet, CSV and JSON, read back by DuckDB and pandas
with the documented types."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dateline.store import Store
from dateline.store.schema import TABLES, column_types, pandas_csv_options


def test_parquet_export_has_the_documented_columns_and_types(merged_store: Store, tmp_path: Path) -> None:
    files = merged_store.export(tmp_path / "out", "parquet")
    assert set(files) == {"events", "merged_events", "articles", "actors", "stories"}
    con = duckdb.connect()
    for name, path in files.items():
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        assert {row[0]: row[1] for row in described} == column_types(name), name


def test_event_rows_carry_dates_plover_ids_and_urls(merged_store: Store, tmp_path: Path) -> None:
    path = merged_store.export(tmp_path / "out", "parquet")["events"]
    frame = pd.read_parquet(path)
    day = frame[frame["date_granularity"] == "day"].iloc[0]
    month = frame[frame["date_granularity"] == "month"].iloc[0]
    assert day["event_date"] == dt.date(2021, 6, 16) and day["event_date_text"] == "2021-06-16"
    # A month-only date is the first of that month, and says so.
    assert month["event_date"] == dt.date(2021, 6, 1) and month["event_date_text"] == "2021-06"
    assert (day["event_type"], day["mode"], day["cameo"]) == ("CONSULT", "visit", "043")
    assert (day["place"], day["place_country"], day["source_country"]) == ("Geneva", "CHE", "RUS")
    actors = pd.read_parquet(path.with_name("actors.parquet")).set_index("actor_id")
    assert actors.loc[day["source_actor_id"], "name"] == "Sergei Lavrov"
    assert actors.loc[day["target_actor_id"], "events"] == 2
    # Both reports of the merged event list both URLs, as an array.
    assert list(day["urls"]) == ["https://example.net/lavrov", "https://example.org/geneva"]
    assert day["num_sources"] == 2 and day["story_id"] == "s1"


def test_merged_events_list_their_reports(merged_store: Store, tmp_path: Path) -> None:
    path = merged_store.export(tmp_path / "out", "parquet")["merged_events"]
    [row] = duckdb.connect().execute(f"SELECT * FROM read_parquet('{path}')").fetchall()
    record = dict(zip(column_types("merged_events"), row, strict=True))
    assert record["num_sources"] == 2 and sorted(record["outlets"]) == ["AFP", "Reuters"]
    assert len(record["event_ids"]) == 2 and len(record["article_ids"]) == 2
    assert record["urls"] == ["https://example.net/lavrov", "https://example.org/geneva"]
    assert record["mode"] == "visit" and record["cameo"] == "043"


def test_articles_have_story_and_copy_columns(merged_store: Store, tmp_path: Path) -> None:
    frame = pd.read_parquet(merged_store.export(tmp_path / "out", "parquet")["articles"])
    assert set(frame["story_id"]) == {"s1"}
    assert frame["duplicate_of"].isna().all()


def test_csv_reads_back_with_the_documented_types(merged_store: Store, tmp_path: Path) -> None:
    files = merged_store.export(tmp_path / "csv", "csv")
    con = duckdb.connect()
    for name, path in files.items():
        # DuckDB given the documented types reads every column back as that type...
        types = column_types(name)
        flat = {c: ("VARCHAR" if t.endswith("]") or t.startswith("STRUCT") else t) for c, t in types.items()}
        described = con.execute(f"DESCRIBE SELECT * FROM read_csv('{path}', types = $t)", {"t": flat})
        assert {r[0]: r[1] for r in described.fetchall()} == flat, name
    # ... and its own sniffer keeps the quoted CAMEO code as text.
    cameo = con.execute(f"SELECT DISTINCT cameo FROM read_csv('{files['events']}')").fetchall()
    assert cameo == [("043",)]
    frame = pd.read_csv(files["events"], **pandas_csv_options("events"))  # type: ignore[arg-type]
    assert set(frame["cameo"]) == {"043"}
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert json.loads(frame["urls"].iloc[0]) == ["https://example.net/lavrov", "https://example.org/geneva"]
    assert frame["num_sources"].tolist() == [2, 2] and frame["negated"].tolist() == [False, False]
    stories = pd.read_csv(files["stories"], **pandas_csv_options("stories"))  # type: ignore[arg-type]
    assert json.loads(stories["outlets"].iloc[0]) == ["Reuters", "AFP"]
    assert stories["first_seen"].iloc[0] == pd.Timestamp("2021-06-01")


def test_json_export_keeps_lists_and_text_codes(merged_store: Store, tmp_path: Path) -> None:
    files = merged_store.export(tmp_path / "json", "json")
    events = json.loads(files["events"].read_text())
    assert {e["cameo"] for e in events} == {"043"}
    assert all(isinstance(e["urls"], list) for e in events)
    assert {e["event_date"] for e in events} == {"2021-06-16", "2021-06-01"}
    frame = pd.read_json(files["events"], dtype={"cameo": "string"})
    assert set(frame["cameo"]) == {"043"}
    assert not list((tmp_path / "json").glob(".*partial"))


def test_every_table_exports_even_when_empty(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as empty:
        files = empty.export(tmp_path / "out", "parquet")
    assert set(files) == set(TABLES)
    assert len(pd.read_parquet(files["events"])) == 0


def test_unknown_format_is_refused(merged_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="parquet"):
        merged_store.export(tmp_path / "x", "xlsx")
