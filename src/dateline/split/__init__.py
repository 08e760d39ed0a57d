"""Stage `split`: cleaned lines of one document -> the articles pasted into it.

The document is read as it flows, each pass once over it:

lines (`CleanText.lines`) -> features of each line (`features`) -> line roles (`roles`) -> the
vocabulary pass over the body paragraphs (`continuity`) -> a score for each gap between
paragraphs (`gaps`) -> the lines of each article (`boundaries`) -> which of them is its headline
(`headlines`) -> articles (`articles`).
"""

from __future__ import annotations

from dateline.model import Article, CleanText, Line, RawDoc
from dateline.split.articles import from_segments
from dateline.split.boundaries import Segment, segments
from dateline.split.continuity import paragraph_continuity
from dateline.split.features import BODY
from dateline.split.gaps import find_gaps, gap_scores
from dateline.split.roles import type_lines
from dateline.split.single import one_article_source, reports_only

__all__ = ["article_segments", "split"]


def split(text: CleanText, doc: RawDoc) -> list[Article]:
    """Find article boundaries and each article's metadata."""
    found = article_segments(text.lines)
    if len(found) > 1 and one_article_source(doc):
        found = reports_only(found)
    return from_segments(found, doc, text.raw)


def article_segments(lines: tuple[Line, ...] | list[Line]) -> list[Segment]:
    """The typed lines of each article pasted into a document's cleaned lines, before its metadata is
    read (`split`; the headline chooser's training and its error counts read the same)."""
    typed = type_lines(lines)
    if not typed:
        return []
    body = [t.index for t in typed if t.kind == BODY]
    gaps = find_gaps(typed)
    return segments(gaps, gap_scores(gaps, typed, body, paragraph_continuity(typed, body)), typed, body)
