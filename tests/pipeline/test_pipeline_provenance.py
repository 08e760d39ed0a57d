"""Every article keeps the address of its source: a page's canonical URL or og:url, a feed
entry's link, a WARC record's target URI, a JSONL record's url, even when a paste splits."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest.html import extract_page, page_doc
from dateline.pipeline import prepare

BODY = (
    "<p>SEOUL (Yonhap) -- South Korea's new chief nuclear envoy, Noh Kyu-duk, spoke by phone with his "
    "Japanese counterpart in their first talks since his appointment earlier this week, the foreign "
    "ministry said.</p><p>His talks with Takehiro Funakoshi, the new director-general for Asian and "
    "Oceanian affairs at Tokyo's foreign ministry, came as Seoul seeks closer cooperation with Japan to "
    "resume nuclear diplomacy with North Korea.</p><p>The two sides agreed to work closely together for "
    "the denuclearisation of the Korean peninsula, the ministry said in a statement after the call.</p>"
)


def page(head: str) -> str:
    title = "<title>Envoys talk by phone</title>"
    return f"<html><head>{title}{head}</head><body><article>{BODY}</article></body></html>"


CANONICAL = page('<link rel="canonical" href="https://news.example.org/envoy">')
# No date anywhere but in the address the page gives itself.
OG_URL = page('<meta property="og:url" content="https://wire.example.org/2020/12/23/envoys-talk">')
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.org/</link>
<item><title>Envoys talk by phone</title><link>https://wire.example.org/feed/1</link>
<pubDate>Wed, 23 Dec 2020 08:00:00 GMT</pubDate><description>{BODY.replace("<", "&lt;")}</description></item>
</channel></rss>"""


def warc(url: str, html: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
    )
    return buffer.getvalue()


def test_a_page_is_dated_from_the_address_it_declares() -> None:
    [article] = prepare(page_doc(extract_page(OG_URL), "page.html"))
    assert article.url == "https://wire.example.org/2020/12/23/envoys-talk"
    assert (article.date, article.date_source) == ("2020-12-23", "metadata")


def test_every_stored_article_and_document_keeps_its_source_url(
    tmp_path: Path, seed_text: str, nlp: object
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "canonical.html").write_text(CANONICAL, encoding="utf-8")
    (folder / "og.html").write_text(OG_URL.replace("Japanese", "Japan's"), encoding="utf-8")
    (folder / "feed.xml").write_text(RSS.replace("Japanese", "Tokyo's"), encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(
        warc("https://crawl.example.org/envoy", CANONICAL.replace("the call", "it"))
    )
    # A scraper's paste of three articles, with the address it was scraped from.
    (folder / "paste.jsonl").write_text(
        json.dumps({"text": seed_text, "url": "https://paste.example.org/x"}) + "\n"
    )
    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        documents = dict(con.sql("SELECT path, url FROM documents").fetchall())
        articles = con.sql(
            "SELECT d.path, a.url FROM articles a JOIN documents d ON d.id = a.doc_id"
        ).fetchall()
    urls = {Path(path.split("#")[0]).name: url for path, url in documents.items()}
    assert urls == {
        "canonical.html": "https://news.example.org/envoy",
        "og.html": "https://wire.example.org/2020/12/23/envoys-talk",
        "feed.xml": "https://wire.example.org/feed/1",
        # The record's own address (the WARC target) comes before the one the page declares.
        "crawl.warc.gz": "https://crawl.example.org/envoy",
        "paste.jsonl": "https://paste.example.org/x",
    }
    assert len(articles) >= 7, "the paste holds three articles"
    assert all(url == documents[path] for path, url in articles)
