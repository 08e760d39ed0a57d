"""The trigger and actor lexicons are data files in the package, and a user's file extends them."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from dateline import lexdata
from dateline.actors import find_actors
from dateline.events import code_events, lexicon
from dateline.events.candidates import trigger_forms
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def test_every_table_is_a_shipped_file_with_a_header() -> None:
    folder = resources.files("dateline.events").joinpath("lexicon")
    shipped = {entry.name for entry in folder.iterdir() if entry.name.endswith(".tsv")}
    events_tables = {name for name, spec in lexdata._TABLES.items() if spec.package == "dateline.events"}
    assert shipped == {f"{name}.tsv" for name in events_tables}
    for name in events_tables:
        text = folder.joinpath(f"{name}.tsv").read_text("utf-8")
        assert "# columns (tab-separated):" in text, name
    assert lexicon.VERBS["meet"] == ("CONSULT", "040")
    assert lexicon.LIGHT[("sign", "deal")] == ("SUPPORT", "057")
    assert lexicon.PHRASAL_VERBS[("step", "down")] == ("RETREAT", "080")
    assert "say" in lexicon.SPEECH_VERBS and "twitter" in lexicon.MEDIA_WORDS


def test_a_users_rows_add_override_and_remove(tmp_path: Path, restored_lexicon: None) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(
        "# my additions\nverbs\tscold\tACCUSE\t111\nverbs\tmeet\tCONSULT\t043\n"
        "media_words\tsubstack\nlight\tink\tdeal\tSUPPORT\t057\n-verbs\tcondemn\n",
        encoding="utf-8",
    )
    assert lexdata.extend_from(mine) == 5
    assert lexicon.VERBS["scold"] == ("ACCUSE", "111")
    assert lexicon.VERBS["meet"] == ("CONSULT", "043")
    assert "condemn" not in lexicon.VERBS
    assert "substack" in lexicon.MEDIA_WORDS
    assert lexicon.LIGHT[("ink", "deal")] == ("SUPPORT", "057")
    assert "scolded" in trigger_forms()  # derived word forms follow the tables


def test_a_users_verb_is_coded(nlp, tmp_path: Path, restored_lexicon: None) -> None:  # type: ignore[no-untyped-def]
    body = "Germany scolded France on Monday."
    assert not [e for e in _events(nlp, body) if e.type == "ACCUSE"]
    mine = tmp_path / "mine.tsv"
    mine.write_text("verbs\tscold\tACCUSE\t111\n", encoding="utf-8")
    lexicon.extend_from(mine)
    found = [e for e in _events(nlp, body) if e.type == "ACCUSE"]
    assert [(e.cameo, e.source.name, e.target and e.target.name) for e in found] == [
        ("111", "Germany", "France")
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("nouns\tfoo\tbar", "mine.tsv:3: no table 'nouns'"),
        ("verbs\tscold\tACCUSE", "mine.tsv:3: table 'verbs' has 3 columns, this row 2"),
        ("verbs\tscold\t\t111", "mine.tsv:3: empty field"),
        ("-light\tsign", "mine.tsv:3: removing from 'light' takes its 2 key column(s)"),
    ],
)
def test_a_bad_file_is_refused_whole(tmp_path: Path, restored_lexicon: None, row: str, message: str) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(f"# a good row, then a bad one\nverbs\tscold\tACCUSE\t111\n{row}\n", encoding="utf-8")
    with pytest.raises(lexdata.LexiconError, match=re.escape(message)):
        lexdata.extend_from(mine)
    assert "scold" not in lexicon.VERBS  # nothing changed


def test_ingest_refuses_a_bad_lexicon_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    mine = tmp_path / "mine.tsv"
    mine.write_text("nouns\tfoo\n", encoding="utf-8")
    news = tmp_path / "news.txt"
    news.write_text("Germany met France.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["ingest", str(news), "--db", str(tmp_path / "x.duckdb"), "--lexicon", str(mine)]
    )
    assert result.exit_code == 2
    assert "no table 'nouns'" in result.output
    assert not (tmp_path / "x.duckdb").exists()
