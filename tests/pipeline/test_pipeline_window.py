"""A very long text is cleaned and split a window at a time: nothing lost or repeated at a window's end."""

from __future__ import annotations

from importlib import resources

import pytest

from dateline import pipeline
from dateline.model import RawDoc

REPORTS = [
    "GENEVA (AP) - U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on "
    "Wednesday for their first summit, a meeting both sides called constructive.",
    "DHAKA (AFP) - Monsoon floods have cut off hundreds of villages in northern Bangladesh, officials "
    "said on Monday, as rivers rose above danger levels and rescue boats ferried families to shelters.",
    "NAIROBI (Reuters) - Kenya's parliament approved a new finance bill on Tuesday after weeks of "
    "protests against tax rises, the speaker said.",
]
PASTE = resources.files("dateline.examples").joinpath("korea-diplomacy.txt").read_text("utf-8")


def test_windows_lose_and_repeat_nothing_and_keep_the_whole_texts_offsets(
    monkeypatch: pytest.MonkeyPatch, wire_paste: str
) -> None:
    doc = RawDoc(text="\n\n".join([PASTE.strip(), wire_paste.strip(), *REPORTS]) + "\n")
    # windows of about two articles: each ends inside an article, which the next one starts with
    monkeypatch.setattr(pipeline, "WINDOW", 2500)
    articles = pipeline.prepare(doc)
    assert len(articles) >= 6
    assert [a.position for a in articles] == list(range(len(articles)))
    assert all(a.end <= b.start for a, b in zip(articles, articles[1:], strict=False))
    bodies = "\n".join(a.body for a in articles)
    for report in REPORTS:  # each report's words once, however the windows fell
        assert bodies.count(report.split(" - ", 1)[1][:60]) == 1, report
    for a in articles:  # offsets into the whole text: the body's first and last words are there
        span = doc.text[a.start : a.end]
        assert a.body.split()[0] in span and a.body.split()[-1] in span
        assert all(a.start <= s.start < s.end <= a.end for s in a.removed)


def test_a_window_without_a_line_end_still_moves_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "WINDOW", 1000)
    doc = RawDoc(text="word " * 1000)  # 5,000 characters on one line
    articles = pipeline.prepare(doc)
    assert articles and all(0 <= a.start < a.end <= len(doc.text) for a in articles)
