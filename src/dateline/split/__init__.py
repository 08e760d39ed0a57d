"""Stage `split`: cleaned lines of one document -> the articles pasted into it.

The document is read as it flows, each pass once over it:

lines (`CleanText.lines`) -> features of each line (`features`) -> line roles (`roles`) -> the
vocabulary pass over the body paragraphs (`continuity`) -> a score for each gap between
paragraphs (`gaps`) -> the lines of each article (`boundaries`) -> articles (`articles`).
"""

from __future__ import annotations

from dateline.model import Article, CleanText, RawDoc
from dateline.split.articles import from_segments
from dateline.split.boundaries import segments
from dateline.split.continuity import paragraph_continuity
from dateline.split.features import BODY
from dateline.split.gaps import find_gaps, gap_scores
from dateline.split.roles import type_lines
from dateline.split.single import one_article_source, reports_only

__all__ = ["split"]


def split(text: CleanText, doc: RawDoc) -> list[Article]:
    """Find article boundaries and each article's metadata."""
    typed = type_lines(text.lines)
    if not typed:
        return []
    body = [t.index for t in typed if t.kind == BODY]
    cont = paragraph_continuity(typed, body)
    gaps = find_gaps(typed)
    found = segments(gaps, gap_scores(gaps, typed, body, cont), typed, body)
    if len(found) > 1 and one_article_source(doc):
        found = reports_only(found)
    return from_segments(found, doc, text.raw)
