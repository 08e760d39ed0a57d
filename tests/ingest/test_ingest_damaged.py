"""A damaged file keeps its good records: a bad JSONL line is one error, a truncated WARC
(gzipped or plain) keeps the pages before the cut and says where reading stopped."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest import IngestError, documents_and_errors, read_documents

STORY = "Officials in {city} met Japanese envoys on Monday to discuss trade and security, the ministry said."
CITIES = ["Seoul", "Cairo", "Lima"]


def page(city: str) -> bytes:
    paragraphs = "".join(f"<p>{STORY.format(city=city)} Paragraph {n}.</p>" for n in range(4))
    body = f"<body><article>{paragraphs}</article></body>"
    return f"<html><head><title>{city}</title></head>{body}</html>".encode()


def warc(gzip: bool) -> tuple[bytes, list[int]]:
    """A WARC of three HTML responses, and the offset where each record starts."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    starts = []
    for city in CITIES:
        starts.append(buffer.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://news.example.org/{city}",
            "response",
            payload=io.BytesIO(page(city)),
            http_headers=headers,
        )
        writer.write_record(record)
    return buffer.getvalue(), starts


def test_bad_and_cut_off_jsonl_lines_are_errors_among_the_records(tmp_path: Path) -> None:
    lines = [json.dumps({"text": STORY.format(city=c)}) for c in CITIES]
    data = "\n".join([lines[0], "{not json", lines[1], "[1, 2]", lines[2][:30]]) + "\n"
    path = tmp_path / "export.jsonl"
    path.write_text(data, encoding="utf-8")
    docs, errors = documents_and_errors(read_documents(path))
    assert [d.path for d in docs] == [f"{path}#1", f"{path}#3"]
    assert [(e.path, e.reason.split(":")[0]) for e in errors] == [
        (f"{path}#2", "line 2"),
        (f"{path}#4", "record 4"),
        (f"{path}#5", "line 5"),
    ]


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("where", ["payload", "header"])
def test_truncated_warc_keeps_the_pages_before_the_cut(tmp_path: Path, gzip: bool, where: str) -> None:
    data, starts = warc(gzip)
    # Inside the last record: in its page, or in its WARC header block.
    cut = len(data) - 40 if where == "payload" else starts[2] + (30 if gzip else 150)
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(data[:cut])
    result = read_documents(path)
    docs, errors = documents_and_errors(result)
    assert [d.url for d in docs] == ["https://news.example.org/Seoul", "https://news.example.org/Cairo"]
    [error] = errors
    assert error.path == str(path) and error.reason.startswith(
        ("truncated WARC", "truncated or damaged WARC")
    )
    assert "the 2 pages before it are kept" in error.reason and "AttributeError" not in error.reason
    whole = tmp_path / ("whole.warc.gz" if gzip else "whole.warc")
    whole.write_bytes(data)
    complete, none = documents_and_errors(read_documents(whole))
    assert len(complete) == 3 and none == []


def test_ingest_stores_the_good_records_of_a_damaged_file(tmp_path: Path, nlp: object) -> None:
    lines = [json.dumps({"text": STORY.format(city=c)}) for c in CITIES]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "news.duckdb")])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "export.jsonl#2: line 2: invalid JSON" in errors[0]
    assert "3 new, 0 already stored, 1 failed" in result.stderr
    assert "Traceback" not in result.output
    assert not isinstance(read_documents(path), IngestError)


@pytest.mark.parametrize("gzip", [True, False])
def test_an_endless_header_line_is_cut_off_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gzip: bool
) -> None:
    import gzip as gz

    from dateline.ingest import warc as warc_module

    monkeypatch.setattr(warc_module, "MAX_LINE_BYTES", 1024)
    data, _ = warc(gzip)
    hostile = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.org/" + b"a" * 200_000 + b"\r\n\r\n"
    )
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(data + (gz.compress(hostile) if gzip else hostile))
    docs, errors = documents_and_errors(read_documents(path))
    assert len(docs) == 3
    [error] = errors
    assert "WARC" in error.reason and "the 3 pages before it are kept" in error.reason


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_pages_come_one_at_a_time_with_the_same_outcome(tmp_path: Path, gzip: bool) -> None:
    from dateline.ingest import iter_documents

    data, starts = warc(gzip)
    for name, cut in (("whole", len(data)), ("cut", len(data) - 40), ("header", starts[0] + 20)):
        path = tmp_path / (f"{name}.warc.gz" if gzip else f"{name}.warc")
        path.write_bytes(data[:cut])
        streamed = iter_documents(path)
        whole = read_documents(path)
        expected = [whole] if isinstance(whole, IngestError) else whole
        assert [str(x) for x in streamed] == [str(x) for x in expected], name
