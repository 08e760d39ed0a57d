"""JSON Lines streamed record by record: no cap on the file, a limit per record, errors per line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dateline.ingest import IngestError, iter_documents, read_documents, readers, stream

STORY = "Officials in {city} met Japanese envoys on Monday to discuss trade, the ministry said."
CITIES = ["Seoul", "Cairo", "Lima", "Oslo", "Quito", "Hanoi"]


def export(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


@pytest.mark.parametrize("name", ["export.jsonl", "export.jsonl.gz"])
def test_an_export_over_the_file_cap_is_streamed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 200)  # far below the export's size
    path = export(tmp_path / name, [json.dumps({"text": STORY.format(city=c)}) for c in CITIES])
    refused = read_documents(path)
    assert isinstance(refused, IngestError) and "too large" in refused.reason  # read whole, it would be
    docs = list(iter_documents(path))
    assert [d.path for d in docs] == [f"{path}#{n}" for n in range(1, 7)]
    assert [d.text for d in docs] == [STORY.format(city=c) for c in CITIES]  # type: ignore[union-attr]


def test_streamed_records_match_the_whole_file_reader_and_bad_lines_are_errors(tmp_path: Path) -> None:
    lines = [json.dumps({"text": STORY.format(city=c), "url": f"https://x.example/{c}"}) for c in CITIES[:3]]
    path = export(tmp_path / "export.jsonl", [lines[0], "{broken", lines[1], "[1, 2]", lines[2][:20]])
    streamed = list(iter_documents(path))
    whole = read_documents(path)
    assert isinstance(whole, list)
    assert [str(x) for x in streamed] == [str(x) for x in whole]
    assert [x.path for x in streamed if isinstance(x, IngestError)] == [f"{path}#{n}" for n in (2, 4, 5)]


def test_an_over_long_record_is_one_error_and_reading_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "MAX_RECORD_BYTES", 1000)
    long = json.dumps({"text": "word " * 5000})
    path = export(tmp_path / "export.jsonl", [json.dumps({"text": STORY.format(city="Lima")}), long,
                                               json.dumps({"text": STORY.format(city="Oslo")})])  # fmt: skip
    found = list(iter_documents(path))
    assert [type(x).__name__ for x in found] == ["RawDoc", "IngestError", "RawDoc"]
    assert "line 2: over" in found[1].reason  # type: ignore[union-attr]


def test_a_file_that_is_not_json_lines_is_one_error(tmp_path: Path) -> None:
    path = export(tmp_path / "notes.jsonl", [f"{{not json {n}" for n in range(100)])
    [error] = list(iter_documents(path))
    assert isinstance(error, IngestError) and error.path == str(path) and "invalid JSON" in error.reason
    no_text = export(tmp_path / "meta.jsonl", [json.dumps({"headline": "x"})])
    [hint] = list(iter_documents(no_text))
    assert isinstance(hint, IngestError) and "--field text=" in hint.reason


def test_a_truncated_gzip_export_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    lines = [json.dumps({"text": STORY.format(city=c) + " " + "More words. " * 200}) for c in CITIES]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    found = list(iter_documents(path))
    assert 0 < sum(not isinstance(x, IngestError) for x in found) < len(CITIES)
    assert isinstance(found[-1], IngestError) and "truncated" in found[-1].reason


def test_a_csv_export_over_the_file_cap_is_streamed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 200)
    rows = "".join(f'"{STORY.format(city=c)}\nSecond paragraph.",https://x.example/{c}\n' for c in CITIES)
    path = tmp_path / "export.csv.gz"
    path.write_bytes(gzip.compress(("text,url\n" + rows).encode()))
    assert isinstance(read_documents(path), IngestError)  # read whole, it is too large
    docs = list(iter_documents(path))
    assert [d.url for d in docs] == [f"https://x.example/{c}" for c in CITIES]  # type: ignore[union-attr]
    assert docs[0].text == STORY.format(city="Seoul") + "\nSecond paragraph."  # type: ignore[union-attr]
    assert [d.path for d in docs] == [f"{path}#{n}" for n in range(2, 8)]


def test_streamed_csv_matches_the_whole_file_reader_and_keeps_rows_before_damage(tmp_path: Path) -> None:
    good = "text\tsite\n" + "".join(f"{STORY.format(city=c)}\tYonhap\n" for c in CITIES)
    path = tmp_path / "export.tsv"
    path.write_text(good, encoding="utf-8")
    assert [str(d) for d in iter_documents(path, "csv")] == [str(d) for d in read_documents(path, "csv")]  # type: ignore[union-attr]
    no_text = tmp_path / "meta.csv"
    no_text.write_text("story,site\nhello,x\n", encoding="utf-8")
    [hint] = list(iter_documents(no_text))
    assert isinstance(hint, IngestError) and "--field text=" in hint.reason and "story" in hint.reason
