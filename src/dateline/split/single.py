"""One page, one article: a document its source gives as one article is cut only where the
text itself opens another report.

A web page, a feed entry or a record with a title or an address is one article as its
source presents it. The splitter's gaps (a change of vocabulary, a headline-shaped line)
cut listicles, recipes and live pages into many "articles"; in such a document only a gap
followed by a report's own opening (a byline, or a dateline at its first paragraph:
"SEOUL, Dec. 23 (Yonhap) --") starts a new article. A pasted scrape that arrives as one
record (the bundled example as a JSONL line) still splits where each report opens. Text
with no source metadata (a plain file, stdin, a bare record) is split as a paste.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.model import RawDoc
from dateline.split.boundaries import Segment
from dateline.split.features import BODY, BYLINE, TypedLine


def one_article_source(doc: RawDoc) -> bool:
    """Whether the source presents the document as one article: it names a title or an
    address, or it is a web page (whose documents carry `canonical_url`, set or not)."""
    return doc.title is not None or doc.source_url is not None or hasattr(doc, "canonical_url")


def opens_report(lines: Sequence[TypedLine]) -> bool:
    """Whether these lines begin as a report of their own: a byline before the first
    paragraph, or a dateline at its start."""
    for t in lines:
        if t.kind == BYLINE:
            return True
        if t.kind == BODY:
            return t.dateline is not None
    return False


def reports_only(segments: Sequence[Segment]) -> list[Segment]:
    """The segments of a one-article source joined back, except where a report opens (`opens_report`)."""
    joined = [Segment(lines=list(segments[0].lines))]
    for segment in segments[1:]:
        if opens_report(segment.lines):
            joined.append(Segment(lines=list(segment.lines)))
        else:
            joined[-1].lines.extend(segment.lines)
    return joined
