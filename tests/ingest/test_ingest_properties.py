"""Mutated and truncated inputs to every reader: documents or a clear per-file error, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest import IngestError, read_documents
from dateline.model import RawDoc

SAMPLES = {
    "page.html": b"<html><head><title>Talks</title></head><body><article><p>Envoys from Seoul and Tokyo "
    b"spoke by phone on Wednesday about the talks, the ministry said in a statement.</p></article>"
    b"</body></html>",
    "feed.xml": b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    b"<item><title>Talks</title>"
    b"<link>https://x.example/1</link><description>Envoys spoke by phone on Wednesday.</description></item>"
    b"</channel></rss>",
    "data.jsonl": b'{"text": "Envoys spoke by phone on Wednesday.", "url": "https://x.example/1"}\n'
    b'{"body": "Ministers met in Tokyo.", "date": "2020-12-24"}\n',
    "data.csv": b'text,url,date\n"Envoys spoke by phone, the ministry said.",https://x.example/1,2020-12-23\n',
    "crawl.warc": b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/1\r\n"
    b"Content-Type: application/http; msgtype=response\r\nContent-Length: 90\r\n\r\n"
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    b"<html><body><p>Envoys spoke.</p></body></html>\r\n\r\n",
    "story.txt": b"SEOUL, Dec. 23 (Yonhap) -- Envoys spoke by phone on Wednesday.\n",
}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A sample cut short, with bytes flipped, inserted or deleted."""
    name = draw(st.sampled_from(sorted(SAMPLES)))
    data = bytearray(SAMPLES[name])
    for _ in range(draw(st.integers(0, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[at : at + draw(st.integers(1, 16))]
    cut = draw(st.integers(0, len(data)))
    return name, bytes(data[:cut])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_every_reader_gives_documents_or_a_clear_error(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for fmt in ("auto", name.rsplit(".", 1)[-1].replace("xml", "rss").replace("txt", "text")):
            result = read_documents(path, fmt)
            if isinstance(result, IngestError):
                assert result.reason and str(path) in str(result)
            else:
                # Good documents, and one error per damaged part naming the file.
                assert any(isinstance(r, RawDoc) for r in result)
                for r in result:
                    if isinstance(r, IngestError):
                        assert r.reason and str(path) in str(r)
                    else:
                        assert r.text
