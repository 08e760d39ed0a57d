"""`dateline split FILE` and `dateline eval split FILE` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()

KEYS = {
    "start",
    "end",
    "headline",
    "byline",
    "outlet",
    "dateline_place",
    "date",
    "date_granularity",
    "language",
    "removed",
    "text",
}


def test_split_prints_articles_with_offsets(wire_paste: str, tmp_path: Path) -> None:
    path = tmp_path / "paste.txt"
    path.write_text(wire_paste, encoding="utf-8")
    result = runner.invoke(app, ["split", str(path)])
    assert result.exit_code == 0, result.output
    doha, brussels = json.loads(result.stdout)
    assert set(doha) == KEYS
    assert (doha["outlet"], doha["dateline_place"]) == ("AP", "Doha")
    assert doha["headline"] == "Envoys agree to resume ceasefire talks in Doha"
    assert doha["text"].startswith("Negotiators from both sides")
    assert doha["start"] == 0 and wire_paste[brussels["start"] :].startswith("Advertisement")
    copyright_start = wire_paste.index("Copyright")
    assert [copyright_start, wire_paste.index("\n", copyright_start)] in doha["removed"]
    assert brussels["outlet"] == "AFP" and brussels["language"] == "en"


def test_split_jsonl_and_text_formats(seed_text: str, tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    lines = runner.invoke(app, ["split", str(path), "--format", "jsonl"]).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["outlet"] for r in records] == ["Korea Times", "Reuters", "Yonhap"]
    assert all(seed_text[r["start"] - 1] == "\n" for r in records[1:])
    text = runner.invoke(app, ["split", str(path), "--format", "text"])
    assert text.exit_code == 0
    assert text.stdout.count("=== article") == 3
    assert "headline: Moon out of step with Biden ahead of Korea-US summit" in text.stdout


def test_split_reads_stdin(wire_paste: str) -> None:
    result = runner.invoke(app, ["split", "-", "--format", "jsonl"], input=wire_paste)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2


def test_split_bad_input_is_one_line(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["split", str(tmp_path / "missing.txt")])
    assert missing.exit_code == 2
    assert "no such file or directory" in missing.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["split", str(empty)])
    assert result.exit_code == 2 and "empty file" in result.stderr
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["split", str(junk)])
    assert result.exit_code == 2 and "binary" in result.stderr


def test_split_of_all_furniture_or_one_giant_line(tmp_path: Path) -> None:
    furniture = tmp_path / "furniture.txt"
    furniture.write_text("Share this article\nAdvertisement\n3 Min Read\n", encoding="utf-8")
    result = runner.invoke(app, ["split", str(furniture)])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) <= 1
    giant = tmp_path / "giant.txt"
    giant.write_text("The talks went on. " * 5000, encoding="utf-8")
    result = runner.invoke(app, ["split", str(giant)])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 1


def test_eval_split_prints_metrics(wire_paste: str, tmp_path: Path) -> None:
    second = wire_paste.index("Advertisement")
    case = {
        "id": "c1",
        "text": wire_paste,
        "articles": [
            {
                "start": 0,
                "end": second,
                "outlet": "apnews.com",
                "date": None,
                "headline": None,
                "labelled": False,
            },
            {"start": second, "end": len(wire_paste), "outlet": "afp.com", "date": None, "labelled": False},
        ],
        "blank_lines": False,
        "lost_apostrophes": False,
    }
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(case) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "split", str(path)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["cases"] == 1 and metrics["boundary_f1"] == 1.0
    assert metrics["outlet_accuracy"] == 1.0
    # Parts by outlet: the AFP article (fit) holds the boundary; the AP one (check) starts the case.
    fit = json.loads(runner.invoke(app, ["eval", "split", str(path), "--part", "fit"]).stdout)
    assert fit["part"] == "fit" and fit["articles"] == 1 and fit["boundary_recall"] == 1.0
    check = json.loads(runner.invoke(app, ["eval", "split", str(path), "--part", "check"]).stdout)
    assert check["articles"] == 1 and check["boundary_recall"] is None
    wrong = runner.invoke(app, ["eval", "split", str(path), "--part", "train"])
    assert wrong.exit_code == 2 and "fit, check, all" in wrong.stderr


def test_eval_split_bad_data(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "split", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "split", str(bad)])
    assert result.exit_code == 2 and "not split cases" in result.stderr
