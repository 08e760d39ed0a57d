"""Every input format: sniffed, read into RawDocs with metadata, or refused with a clear reason."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

from dateline.ingest import IngestError, read_documents, read_paths, sniff
from dateline.ingest.sniff import TooLarge, unpack
from dateline.model import RawDoc

BODY = (
    "SEOUL, Dec. 23 (Yonhap) -- South Korea's new chief nuclear envoy, Noh Kyu-duk, spoke by phone "
    "with his Japanese counterpart on Wednesday in their first talks since his appointment earlier "
    "this week, the foreign ministry said. "
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>S. Korea's new nuclear envoy holds phone talks with Japan | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Kim Soo-yeon">
<meta property="article:published_time" content="2020-12-23T09:00:00+09:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article>
<h1>S. Korea's new nuclear envoy holds phone talks with Japan</h1>
<p>{BODY}</p>
<p>His talks with Takehiro Funakoshi, the new director-general for Asian and Oceanian affairs at
Tokyo's foreign ministry, came as Seoul seeks closer cooperation with the incoming U.S.
administration of Joe Biden and Japan to resume nuclear diplomacy with North Korea.</p>
<p>The two sides agreed to work closely together for the denuclearisation of the Korean peninsula
and for lasting peace, the ministry said in a statement released after the call.</p>
<p>Sign up for our daily newsletter to get the top stories in your inbox.</p>
</article>
<footer>Copyright 2020 Example News. All rights reserved.</footer>
</body></html>"""
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.org/</link>
<item><title>Envoys talk by phone</title><link>https://wire.example.org/1</link>
<pubDate>Wed, 23 Dec 2020 08:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Ministers meet in Tokyo</title><link>https://wire.example.org/2</link>
<pubDate>Thu, 24 Dec 2020 08:00:00 GMT</pubDate>
<description>Foreign ministers met in Tokyo on Thursday.</description></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Envoys talk by phone</title><link href="https://atom.example.org/a"/>
<published>2020-12-23T10:00:00Z</published><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
</feed>"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_formats_are_sniffed_from_content_not_names() -> None:
    assert sniff(PAGE.encode(), "page.txt") == "html"
    assert sniff(RSS.encode(), "feed") == "rss"
    assert sniff(ATOM.encode(), "feed.html") == "rss"
    assert sniff(b'{"text": "x"}\n', "export.txt") == "jsonl"
    assert sniff(b"WARC/1.0\r\n", "crawl.bin") == "warc"
    assert sniff(b"text,url\nhello,x\n", "export.csv") == "csv"
    assert sniff(BODY.encode(), "story") == "text"


def test_html_page_gives_body_and_metadata_without_furniture(tmp_path: Path) -> None:
    [doc] = read_documents(write(tmp_path, "page.html", PAGE))  # type: ignore[misc]
    assert doc.text.startswith("SEOUL, Dec. 23 (Yonhap)")
    assert "Takehiro Funakoshi" in doc.text
    assert "newsletter" not in doc.text and "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.title and doc.title.startswith("S. Korea's new nuclear envoy")
    assert doc.date == "2020-12-23" and doc.outlet == "Example News"


def test_rss_and_atom_entries_become_documents(tmp_path: Path) -> None:
    docs = read_documents(write(tmp_path, "feed.xml", RSS))
    assert isinstance(docs, list) and len(docs) == 2
    assert docs[0].outlet == "Example Wire" and docs[0].url == "https://wire.example.org/1"
    assert docs[0].date == "2020-12-23" and docs[0].text.startswith("SEOUL") and "<p>" not in docs[0].text
    [entry] = read_documents(write(tmp_path, "atom.xml", ATOM))  # type: ignore[misc]
    assert (
        entry.outlet == "Atom Desk" and entry.title == "Envoys talk by phone" and entry.date == "2020-12-23"
    )


def test_jsonl_and_csv_map_fields_by_default_and_on_request(tmp_path: Path) -> None:
    record = {
        "headline": "Envoys talk",
        "body": BODY,
        "link": "https://x.example/1",
        "published": "2020-12-23",
    }
    [doc] = read_documents(write(tmp_path, "a.jsonl", json.dumps(record) + "\n"))  # type: ignore[misc]
    assert (doc.title, doc.url, doc.date) == ("Envoys talk", "https://x.example/1", "2020-12-23")
    csv_text = 'story,site,when\n"' + BODY.replace('"', '""') + '",Yonhap,23 Dec 2020\n'
    failed = read_documents(write(tmp_path, "b.csv", csv_text))
    assert isinstance(failed, IngestError) and "--field text=" in failed.reason and "story" in failed.reason
    [row] = read_documents(write(tmp_path, "b.csv", csv_text), fields={"text": "story", "date": "when"})  # type: ignore[misc]
    assert row.text == BODY.strip() and row.outlet == "Yonhap" and row.date == "2020-12-23"


def test_invalid_json_line_is_one_error_and_the_other_records_are_kept(tmp_path: Path) -> None:
    data = json.dumps({"text": BODY}) + "\n{broken\n"
    result = read_documents(write(tmp_path, "bad.jsonl", data))
    assert isinstance(result, list) and [type(r) for r in result] == [RawDoc, IngestError]
    assert "line 2" in result[1].reason and str(result[1]).startswith(str(tmp_path / "bad.jsonl#2"))
    nothing = read_documents(write(tmp_path, "worse.jsonl", "{broken\n{also broken\n"))
    assert isinstance(nothing, IngestError) and "line 1" in nothing.reason and "1 more" in nothing.reason


def test_warc_response_records_with_html_become_documents(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://news.example.org/envoy", "response", payload=io.BytesIO(PAGE.encode()), http_headers=headers
    )
    writer.write_record(record)
    path = write(tmp_path, "crawl.warc.gz", buffer.getvalue())
    [doc] = read_documents(path)  # type: ignore[misc]
    assert doc.url == "https://news.example.org/envoy" and "Takehiro Funakoshi" in doc.text
    truncated = write(tmp_path, "cut.warc.gz", buffer.getvalue()[: len(buffer.getvalue()) // 2])
    result = read_documents(truncated)
    assert isinstance(result, IngestError) and "WARC" in result.reason


def test_gzip_and_zip_are_read_transparently(tmp_path: Path) -> None:
    gz = write(tmp_path, "feed.xml.gz", gzip.compress(RSS.encode()))
    assert len(read_documents(gz)) == 2  # type: ignore[arg-type]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("one.txt", BODY)
        z.writestr("two.html", PAGE)
    docs = list(read_paths([str(write(tmp_path, "bundle.zip", archive.getvalue()))]))
    assert len(docs) == 2 and all(isinstance(d, RawDoc) for d in docs)


def test_zip_bomb_and_gzip_bomb_are_refused_with_bounded_memory() -> None:
    zeros = b"\0" * (2 * 1024 * 1024)
    with pytest.raises(TooLarge):
        unpack(gzip.compress(zeros), "bomb.gz", limit=1024 * 1024)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", zeros)
    with pytest.raises(TooLarge):
        unpack(archive.getvalue(), "bomb.zip", limit=1024 * 1024)


def test_entity_tricks_in_feeds_are_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<rss><channel><title>&b;</title><item><description>&b;</description></item></channel></rss>"
    )
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><description>&x;</description></item></channel></rss>"
    )
    for name, data in (("laughs.xml", laughs), ("xxe.xml", xxe)):
        result = read_documents(write(tmp_path, name, data))
        assert isinstance(result, IngestError) and "refused" in result.reason


def test_malformed_feed_and_empty_page_are_clear_errors(tmp_path: Path) -> None:
    result = read_documents(write(tmp_path, "feed.rss", "<rss><channel><title>x</title>"))
    assert isinstance(result, IngestError) and "feed" in result.reason
    result = read_documents(write(tmp_path, "empty.html", "<html><body><nav>Home</nav></body></html>"))
    assert isinstance(result, IngestError) and "no article text" in result.reason
