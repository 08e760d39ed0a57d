"""Inputs that are not plain files or hide what they declare: refused with one line, never a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline.ingest import IngestError, list_inputs, read_documents

BODY = "Officials in Seoul met Japanese envoys on Monday to discuss trade, the ministry said."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    [item] = list_inputs([str(fifo)])
    assert isinstance(item, IngestError) and "not a regular file" in item.reason
    # Inside a folder, a FIFO is not a file to read either.
    (tmp_path / "story.txt").write_text(BODY, encoding="utf-8")
    assert list_inputs([str(tmp_path)]) == [tmp_path / "story.txt"]


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "story.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if Path(path).name == "locked":  # as chmod 000 does for anyone but root
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list_inputs([str(tmp_path)])
    assert found[0] == tmp_path / "good" / "story.txt"
    [error] = found[1:]
    assert (
        isinstance(error, IngestError)
        and error.path.endswith("locked")
        and "Permission denied" in error.reason
    )


def test_a_dtd_after_a_leading_newline_is_still_refused(tmp_path: Path) -> None:
    feed = (
        '\n<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        '<rss version="2.0"><channel><title>X</title><item><title>t</title>'
        f"<description>&b; {BODY}</description></item></channel></rss>"
    )
    path = tmp_path / "feed.xml"
    path.write_text(feed, encoding="utf-8")
    result = read_documents(path)
    assert isinstance(result, IngestError) and "entities" in result.reason


def test_a_deeply_nested_json_array_is_refused_not_a_crash() -> None:
    from dateline.ingest import read_member

    with pytest.raises(ValueError, match="too deeply nested"):
        read_member(b"[" * 100_000, "export.json", "jsonl")
