"""Reading plain text from files, folders and stdin, and refusing what is not text."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from dateline.ingest import IngestError, read_paths
from dateline.model import RawDoc

WIRE = "WASHINGTON (AP) — The Senate voted on Tuesday to extend sanctions on Iran.\n"


def test_reads_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    [doc] = read_paths([str(path)])
    assert isinstance(doc, RawDoc)
    assert doc.text == WIRE
    assert doc.path == str(path)


def test_same_text_gives_same_id_wherever_it_comes_from(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WIRE, encoding="utf-8")
    docs = list(read_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]))
    assert isinstance(docs[0], RawDoc) and isinstance(docs[1], RawDoc)
    assert docs[0].id == docs[1].id


def test_folder_is_read_recursively_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "sub" / "two.txt").write_text(
        "LONDON (Reuters) - Britain summoned Russia's ambassador.", "utf-8"
    )
    (tmp_path / ".hidden").write_text("not news", encoding="utf-8")
    docs = list(read_paths([str(tmp_path)]))
    assert sorted(Path(d.path or "").name for d in docs if isinstance(d, RawDoc)) == ["one.txt", "two.txt"]


def test_utf8_bom_and_utf16_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeff".encode() + WIRE.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(WIRE.encode("utf-16"))
    docs = list(read_paths([str(tmp_path / "bom.txt"), str(tmp_path / "u16.txt")]))
    assert [d.text for d in docs if isinstance(d, RawDoc)] == [WIRE, WIRE]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Séoul".encode("latin-1") + b" talks resumed", "undecodable"),
    ],
)
def test_bad_files_are_reported_not_raised(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [result] = read_paths([str(path)])
    assert isinstance(result, IngestError)
    assert reason in result.reason
    assert str(path) in str(result)


def test_missing_path_is_an_error_and_the_rest_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(WIRE, encoding="utf-8")
    results = list(read_paths([str(tmp_path / "nope.txt"), str(good)]))
    assert isinstance(results[0], IngestError) and "no such file" in results[0].reason
    assert isinstance(results[1], RawDoc)


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WIRE.encode("utf-8"))))
    [doc] = read_paths(["-"])
    assert isinstance(doc, RawDoc) and doc.text == WIRE and doc.path == "<stdin>"
