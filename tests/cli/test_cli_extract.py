"""`dateline extract`: one JSON object per document, nothing stored, bad files reported."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli.app import app

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Envoys talk by phone</title><link>https://wire.example.org/1</link>
<pubDate>Wed, 23 Dec 2020 08:00:00 GMT</pubDate>
<description>South Korea's new chief nuclear envoy spoke by phone with his Japanese counterpart
on Wednesday.</description>
</item></channel></rss>"""


def test_extract_prints_one_record_per_document_and_reports_bad_files(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    (tmp_path / "export.csv").write_text("story,site\nhello,x\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "feed.xml"), str(tmp_path / "export.csv")])
    assert result.exit_code == 2
    [line] = result.stdout.strip().splitlines()
    record = json.loads(line)
    assert list(record) == ["path", "url", "outlet", "headline", "byline", "date", "language", "text"]
    assert (
        record["outlet"] == "Example Wire" and record["date"] == "2020-12-23" and record["language"] == "en"
    )
    assert "export.csv" in result.stderr and "--field text=" in result.stderr
    assert not list(tmp_path.glob("*.duckdb"))


def test_extract_field_mapping_and_json_output(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(
        "story,site\nEnvoys met in Seoul on Monday.,Yonhap\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["extract", str(tmp_path / "export.csv"), "--field", "text=story", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert record["text"] == "Envoys met in Seoul on Monday." and record["outlet"] == "Yonhap"
    bad = CliRunner().invoke(app, ["extract", str(tmp_path / "export.csv"), "--field", "nonsense"])
    assert bad.exit_code == 2 and "--field" in bad.stderr
