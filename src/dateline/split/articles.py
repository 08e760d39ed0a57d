"""Articles: the lines of each article (`boundaries.segments`) and its headline (`headlines`) -> its
body and metadata.

Each article's byline, dateline, date and outlet are read from its lines; its text is its body
lines, with subheads kept and the furniture around and inside it reported as removed spans.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.clean.furniture import site_description
from dateline.model import Article, RawDoc, Span
from dateline.split.boundaries import Segment
from dateline.split.cues import AGENCIES, outlet_from_domain
from dateline.split.features import BODY, BYLINE, DATE, HEADLINE, SHORT, TypedLine, is_fragment, line_runs
from dateline.split.headlines import headlines, is_topic_label
from dateline.split.language import guess_language, language_of_words, sample_words
from dateline.split.roles import is_learned_furniture

# A headline-shaped or short line between two paragraphs of one article is a subhead, kept as text,
# unless the furniture model (`roles.load_furniture_model`) gives it furniture at least this
# probability (a teaser, a tag list, a menu between paragraphs); one above or below the article's
# text is then reported as removed.
# Chosen on the fit part (0.5 to 0.85 tried): 0.7 took most of the scrapinghub pages' furniture
# and the least of the development cases' text.
INNER_FURNITURE = 0.7
# A subhead stands alone over the paragraph it heads; a title or short line in a run of such lines
# inside an article (teasers with their times and photo counts, share buttons) is furniture from
# this lower probability (0.4 and 0.5 tried on the fit part).
RUN_FURNITURE = 0.5


def from_segments(segments: Sequence[Segment], doc: RawDoc, raw: str) -> list[Article]:
    """The article of each segment of a document, in order (`raw`: the document's text as received), its
    headline chosen among its lines or the title printed above it (`headlines.headlines`)."""
    single = len(segments) == 1
    return [
        _article(seg, doc, raw, pos, single, at, above)
        for pos, (seg, (at, above)) in enumerate(zip(segments, headlines(segments), strict=True))
    ]


def _article(
    segment: Segment,
    doc: RawDoc,
    raw: str,
    position: int,
    single: bool,
    headline_at: int | None,
    above: str | None,
) -> Article:
    """Fill one article's body and metadata from its lines (`headline_at`: which is its headline, if
    one is; `above`: else the title printed right above it, `headlines.title_above`)."""
    lines = segment.lines
    first_body = next((k for k, t in enumerate(lines) if t.kind == BODY), len(lines))
    last_body = max((k for k, t in enumerate(lines) if t.kind == BODY), default=-1)
    headline = lines[headline_at].text if headline_at is not None else above
    byline = next((t.byline for t in lines[: first_body + 1] if t.kind == BYLINE), None)
    body_lines: list[str] = []
    body_runs: list[list[str] | None] = []  # the words of each body line, for its language
    removed: list[Span] = []
    dateline = None
    for k, t in enumerate(lines):
        if t.line.furniture == "learned" and not is_learned_furniture(t):
            # The paragraphs the line-role model took as furniture shaped the split; the article's
            # text is the furniture model's to decide (`roles.FURNITURE_MODEL_PATH`).
            body_lines.append(t.text)
            body_runs.append(t.runs)
        elif t.line.furniture is not None:
            removed.append(_furniture_span(t, raw))
        elif t.kind == DATE:
            # Date lines are metadata, not text: kept out of the body, read for the date.
            removed.append(Span(t.line.start, t.line.end, "date"))
        elif t.kind == BODY and is_learned_furniture(t):
            removed.append(Span(t.line.start, t.line.end, "learned"))
        elif t.kind == BODY:
            text = t.text
            if k == first_body and t.dateline is not None:
                dateline = t.dateline
                text = text[dateline.length :].lstrip()
            body_lines.append(text)
            # The first paragraph without its dateline is cut into words afresh, so that the article's
            # language is read from the words its lines were cut into, not from its text again.
            body_runs.append(t.runs if text is t.text else line_runs(text))
        elif t.kind in (HEADLINE, SHORT) and first_body < k < last_body and t.text != headline:
            alone = lines[k + 1].kind == BODY
            if t.furniture_p >= (INNER_FURNITURE if alone else RUN_FURNITURE):
                removed.append(Span(t.line.start, t.line.end, "learned"))
            else:
                body_lines.append(t.text)  # a subhead or a short line inside the body
                body_runs.append(t.runs)
        elif (
            k == last_body + 1
            and k != headline_at
            and t.kind in (HEADLINE, SHORT)
            and (t.cut_off or is_fragment(t))
        ):
            body_lines.append(t.text)  # the body's last sentence, cut off with the page
            body_runs.append(t.runs)
        elif k < first_body and (
            t.kind == SHORT
            or (t.kind == HEADLINE and headline_at is not None and k < headline_at)
            or (t.kind == HEADLINE and is_topic_label(k, lines[:first_body]))
        ):
            # Above the headline and around it, short lines and other titles are the page's
            # header: section names, topic labels, site slogans, "Live Updates", related stories.
            removed.append(Span(t.line.start, t.line.end, "header"))
        elif (
            (k < first_body or k > last_body)
            and k != headline_at
            and t.kind in (HEADLINE, SHORT)
            and t.furniture_p >= INNER_FURNITURE
        ):
            # Titles and short lines around the article that the furniture model reads as furniture
            # (share buttons, tag lists, related stories, "Click to ..."): out of the text, and said so.
            removed.append(Span(t.line.start, t.line.end, "header" if k < first_body else "trailer"))
    if not body_lines:
        # A page whose only prose is its photo captions (a picture story, a gallery, a page
        # whose article did not load) reports its story there: with nothing else left, the
        # captions are its text, so it still joins its story and its events are still read.
        captions = [(k, t) for k, t in enumerate(lines) if t.line.furniture == "caption"]
        body_lines = [t.text for _, t in captions]
        body_runs = [None] * len(body_lines)
        taken = {t.line.start for _, t in captions}
        removed = [span for span in removed if span.reason != "caption" or span.start not in taken]
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
        # A page or record whose text does not print its headline still has one in its metadata.
        headline=headline or (_metadata_title(doc.title) if single else None),
        dateline=dateline.text if dateline else None,
        dateline_place=dateline.place if dateline else None,
        dateline_date=date_text,
        language=_language(body, body_lines, body_runs) if body else "und",
        removed=tuple(removed),
    )


def _language(body: str, lines: list[str], runs: list[list[str] | None]) -> str:
    """The language of an article's text (`body`, its `lines` joined), read from the words its lines
    were cut into when typed (`runs`), as `guess_language(body)` would read them afresh."""
    words = sample_words(lines, runs)
    return guess_language(body) if words is None else language_of_words(words, body)


def _metadata_title(title: str | None) -> str | None:
    """A metadata title as a headline: one line, and not empty."""
    line = " ".join(title.split()) if title else ""
    return line or None


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
