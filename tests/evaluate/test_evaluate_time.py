"""`dateline eval time`: TimeML parsing and TempEval-3-style scores on tiny hand-written documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli.app import app
from dateline.evaluate.time import canonical_value, evaluate, read_timeml

_DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>
<TEXT>
The ministers <EVENT eid="e1">met</EVENT> in Geneva
<TIMEX3 tid="t1" type="DATE" value="{v1}">on Wednesday</TIMEX3>
and agreed to talk again <TIMEX3 tid="t2" type="DATE" value="{v2}">next month</TIMEX3> &amp; later.
</TEXT>
</TimeML>
"""


def _write(
    folder: Path, name: str, dct: str = "2020-12-23", v1: str = "2020-12-23", v2: str = "2021-01"
) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_DOC.format(dct=dct, v1=v1, v2=v2), "utf-8")
    return path


def test_reads_text_dct_and_gold_spans(tmp_path: Path) -> None:
    doc = read_timeml(_write(tmp_path, "a.tml"))
    assert doc.dct == dt.date(2020, 12, 23)
    assert [doc.text[g.start : g.end] for g in doc.gold] == ["on Wednesday", "next month"]
    assert [g.value for g in doc.gold] == ["2020-12-23", "2021-01"]
    assert "& later" in doc.text and "<EVENT" not in doc.text


def test_all_right_scores_one(tmp_path: Path) -> None:
    _write(tmp_path, "a.tml")
    metrics = evaluate(tmp_path)
    assert metrics["docs"] == 1 and metrics["gold"] == 2
    # "Wednesday" overlaps the gold "on Wednesday": relaxed extent matching.
    assert metrics["value_f1"] == metrics["extent_f1"] == 1.0
    assert metrics["value_accuracy_on_gold_extents"] == 1.0


def test_wrong_value_counts_for_extent_only(tmp_path: Path) -> None:
    _write(tmp_path, "a.tml", v2="2021-02")
    metrics = evaluate(tmp_path)
    assert metrics["extent_f1"] == 1.0
    assert metrics["value_precision"] == metrics["value_recall"] == 0.5
    assert metrics["value_accuracy_on_gold_extents"] == 0.5


def test_folders_are_searched_recursively(tmp_path: Path) -> None:
    _write(tmp_path / "timebank", "a.tml")
    _write(tmp_path / "aquaint" / "deep", "b.tml")
    assert evaluate(tmp_path)["docs"] == 2


def test_missing_dct_and_malformed_xml_do_not_crash(tmp_path: Path) -> None:
    broken = _DOC.format(dct="", v1="2020-12-23", v2="2021-01").replace("&amp;", "&")  # not well-formed
    (tmp_path / "broken.tml").write_text(broken, "utf-8")
    doc = read_timeml(tmp_path / "broken.tml")
    assert doc.dct is None and len(doc.gold) == 2
    metrics = evaluate(tmp_path)
    # Without a DCT nothing relative is resolved, and nothing is guessed.
    assert metrics["found"] == 0 and metrics["value_f1"] == 0.0


def test_week_numbers_compare_whatever_their_padding() -> None:
    assert canonical_value("2000-W7") == canonical_value("2000-W07") == "2000-W07"
    assert canonical_value("1998-W33-WE") == "1998-W33-WE"


def test_cli_prints_one_json_object(tmp_path: Path) -> None:
    _write(tmp_path, "a.tml")
    result = CliRunner().invoke(app, ["eval", "time", str(tmp_path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["value_f1"] == 1.0
    missing = CliRunner().invoke(app, ["eval", "time", str(tmp_path / "nope")])
    assert missing.exit_code != 0
