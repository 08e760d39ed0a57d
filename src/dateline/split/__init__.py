"""Stage `split`: cleaned lines of one document -> the articles pasted into it."""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.clean.furniture import site_description
from dateline.model import Article, CleanText, RawDoc, Span
from dateline.split.cues import AGENCIES, find_dateline, outlet_from_domain
from dateline.split.language import guess_language
from dateline.split.segment import (
    BODY,
    BYLINE,
    DATE,
    HEADLINE,
    SHORT,
    THRESHOLD,
    TypedLine,
    find_gaps,
    score_gap,
    split_point,
    type_line,
)

__all__ = ["split"]


@dataclass
class _Segment:
    """The typed lines of one article, in order."""

    lines: list[TypedLine] = field(default_factory=list)


def _segments(typed: list[TypedLine]) -> list[_Segment]:
    """Cut the typed lines into articles at the gaps that score above the threshold."""
    body = [t.index for t in typed if t.kind == BODY]
    cuts: list[int] = []  # indices of the typed lines that open a new article
    for gap in find_gaps(typed):
        if score_gap(gap, typed, body) >= THRESHOLD and gap.after is not None:
            keep = split_point(gap, typed, body)
            cuts.append(gap.lines[keep] if keep < len(gap.lines) else gap.after)
    segments: list[_Segment] = []
    bounds = [0, *cuts, len(typed)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        if end > start:
            segments.append(_Segment(lines=typed[start:end]))
    return segments


def _headline(segment: _Segment) -> str | None:
    """The first headline-shaped line before the body, else one printed after the body."""
    header: list[TypedLine] = []
    for t in segment.lines:
        if t.kind == BODY:
            break
        header.append(t)
    for t in header:
        if t.kind == HEADLINE:
            return t.text
    # Headline-shaped lines after the last body line: a headline printed after its body.
    for t in reversed(segment.lines):
        if t.kind == BODY:
            break
        if t.kind == HEADLINE:
            return t.text
    return None


def _article(segment: _Segment, doc: RawDoc, raw: str, position: int, single: bool) -> Article:
    """Fill one article's body and metadata from its lines."""
    lines = segment.lines
    first_body = next((k for k, t in enumerate(lines) if t.kind == BODY), len(lines))
    last_body = max((k for k, t in enumerate(lines) if t.kind == BODY), default=-1)
    headline = _headline(segment)
    byline = next((t.byline for t in lines[: first_body + 1] if t.kind == BYLINE), None)
    body_lines: list[str] = []
    removed: list[Span] = []
    dateline = None
    for k, t in enumerate(lines):
        if t.line.furniture is not None:
            removed.append(_furniture_span(t, raw))
        elif t.kind == DATE:
            # Date lines are metadata, not text: kept out of the body, read for the date.
            removed.append(Span(t.line.start, t.line.end, "date"))
        elif t.kind == BODY:
            text = t.text
            if k == first_body and t.dateline is not None:
                dateline = t.dateline
                text = text[dateline.length :].lstrip()
            body_lines.append(text)
        elif t.kind in (HEADLINE, SHORT) and first_body < k < last_body and t.text != headline:
            body_lines.append(t.text)  # a subhead or a short line inside the body
    if dateline is None and first_body < len(lines):
        dateline = find_dateline(lines[first_body].text)
    body = "\n".join(body_lines)
    date_text = dateline.date if dateline and dateline.date else next((t.date for t in lines if t.date), None)
    return Article(
        doc_id=doc.id,
        position=position,
        start=lines[0].line.start,
        end=lines[-1].line.end,
        body=body,
        outlet=_outlet(lines, dateline.agency if dateline else None, byline) or doc.outlet,
        url=doc.url if single else None,
        byline=byline,
        headline=headline,
        dateline=dateline.text if dateline else None,
        dateline_place=dateline.place if dateline else None,
        dateline_date=date_text,
        language=guess_language(body) if body else "und",
        removed=tuple(removed),
    )


def _furniture_span(t: TypedLine, raw: str) -> Span:
    """The raw span of a furniture line; only the description part when a headline shares the line."""
    start = t.line.start
    if t.line.headline_part:
        cut = site_description(raw[t.line.start : t.line.end])
        if cut:
            start += cut
    return Span(start, t.line.end, t.line.furniture or "furniture")


def _outlet(lines: list[TypedLine], agency: str | None, byline: str | None) -> str | None:
    """Who published the article: the dateline's agency, a known site named on the page, an agency byline."""
    if agency:
        return agency
    for t in lines:
        if t.kind != BODY:
            found = outlet_from_domain(t.line.text)
            if found:
                return found
    if byline and byline.lower() in AGENCIES:
        return AGENCIES[byline.lower()]
    return None


def split(text: CleanText, doc: RawDoc) -> list[Article]:
    """Find article boundaries and each article's metadata."""
    typed = [type_line(i, line) for i, line in enumerate(text.lines)]
    if not typed:
        return []
    segments = _segments(typed)
    single = len(segments) == 1
    return [_article(seg, doc, text.raw, pos, single) for pos, seg in enumerate(segments)]
