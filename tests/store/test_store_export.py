"""Exports: flat PLOVER-style event rows in Parquet, CSV and JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from dateline.model import Actor, Article, Event, ProcessedDoc, RawDoc
from dateline.store import Store

COLUMNS = [
    "event_id", "event_date", "date_granularity", "event_type", "cameo", "source_name", "source_country",
    "source_sector", "target_name", "target_country", "target_sector", "place", "country", "lat", "lon",
    "story_id", "num_sources", "urls", "evidence",
]  # fmt: skip


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    text = "GENEVA (Reuters) - Russia's foreign minister met the U.S. secretary of state in Geneva."
    doc = RawDoc(text=text, url="https://example.org/geneva")
    body = text.split(" - ", 1)[1]
    article = Article(doc_id=doc.id, position=0, start=0, end=len(text), body=body, outlet="Reuters",
                      url=doc.url, date="2021-06-16", date_granularity="day")  # fmt: skip
    event = Event(
        type="CONSULT", cameo="040", source=Actor("Sergei Lavrov", "RUS", "GOV"),
        target=Actor("Antony Blinken", "USA", "GOV"), trigger="met", trigger_start=28, evidence=body,
        article_id=article.id, sentence_start=0, sentence_end=len(body), date="2021-06-16",
        date_granularity="day", place="Geneva", place_country="CHE", latitude=46.2, longitude=6.14,
    )  # fmt: skip
    opened = Store(tmp_path / "d.duckdb")
    opened.save(ProcessedDoc(doc=doc, articles=(article,), events=(event,)))
    return opened


def test_parquet_export_has_plover_columns(store: Store, tmp_path: Path) -> None:
    files = store.export(tmp_path / "out", "parquet")
    assert set(files) == {"events", "articles", "actors", "stories"}
    con = duckdb.connect()
    rel = con.execute(f"SELECT * FROM read_parquet('{files['events']}')")
    names = [d[0] for d in rel.description]
    assert set(COLUMNS) <= set(names)
    row = dict(zip(names, rel.fetchone() or (), strict=True))
    assert (row["source_country"], row["event_type"], row["place"], row["country"]) == (
        "RUS",
        "CONSULT",
        "Geneva",
        "CHE",
    )
    assert row["urls"] == "https://example.org/geneva"


def test_csv_and_json_exports(store: Store, tmp_path: Path) -> None:
    files = store.export(tmp_path / "csv", "csv")
    with files["events"].open(newline="") as stream:
        [row] = list(csv.DictReader(stream))
    assert row["target_name"] == "Antony Blinken" and row["event_date"] == "2021-06-16"
    as_json = json.loads(store.export(tmp_path / "json", "json")["articles"].read_text())
    assert as_json[0]["outlet"] == "Reuters"
    assert not list((tmp_path / "json").glob(".*partial"))


def test_unknown_format_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="parquet"):
        store.export(tmp_path / "x", "xlsx")
