"""Articles: the lines of each article (`boundaries.segments`) -> its body and metadata.

Each article's headline is the title of its header that best names its first paragraphs (or
one printed after its body); its byline, dateline, date and outlet are read from its lines; its
text is its body lines, with subheads kept and the furniture around and inside it reported as
removed spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.clean.furniture import site_description
from dateline.model import Article, RawDoc, Span
from dateline.split.boundaries import Segment
from dateline.split.cues import AGENCIES, outlet_from_domain
from dateline.split.features import BODY, BYLINE, DATE, FURNITURE, HEADLINE, SHORT, TypedLine, is_fragment
from dateline.split.headline_model import candidate_rows, load_headline_model
from dateline.split.language import guess_language, language_of_words, sample_words

FIRST_TITLE_BONUS = 1.5  # how much the first title on the story's subject is preferred to later ones
LEDE_LINES = 2  # the first paragraphs, whose words a headline shares
# A headline-shaped or short line between two paragraphs of one article is a subhead, kept as text,
# unless the line-role model gives it furniture at least this probability (a teaser, a tag list, a
# menu between paragraphs); one above or below the article's text is then reported as removed.
# Chosen on the fit part (0.5 to 0.85 tried): 0.7 took most of the scrapinghub pages' furniture
# and the least of the development cases' text.
INNER_FURNITURE = 0.7
# A subhead stands alone over the paragraph it heads; a title or short line in a run of such lines
# inside an article (teasers with their times and photo counts, share buttons) is furniture from
# this lower probability (0.4 and 0.5 tried on the fit part).
RUN_FURNITURE = 0.5
# The learned chooser decides among this many candidate titles or more: a whole page's header, its
# menus, teasers and site names around the headline. Among two or three (a headline, its deck, a
# kicker) the hand-weighted score was as good on the fit part, cross-fitted by outlet (news cases
# 60/65 either way; scrapinghub pages and pastes 126/155 either way, against 37/52 by the model and
# 30/52 by the score with four or more), and it keeps a short label over a headline from winning.
MODEL_CANDIDATES = 4
LABEL_WORDS = 3  # at most this many capitalised words over the text make a topic label, not a headline

# A line closed like a sentence: a full stop, question or exclamation mark, maybe a quotation mark.
_CLOSED = re.compile(r"[.!?][\"'\u201d\u2019]?$")
# A photo caption with its credit: a sentence closed and a source in parentheses after it ("...
# in 2004. (NASA/JPL)"), a credit named as such ("Credit...", "(Credit: ...)", "Photo: ..."), or a
# credit glued to the caption's full stop when the page was pasted ("... in Austria.Leonhard Foeger").
_CAPTION = re.compile(
    r"[.!?][\"'\u201d\u2019]?\s*\([^()]{2,80}\)$"
    r"|\b(?:Credit|Photo|Image|Picture)s?\s*(?::|\.\.\.|\u2026)"
    r"|(?:[a-z]{3}|\d{4})\.[A-Z][a-z]*\.? [A-Z]"
)
# Every caption `_CAPTION` reads holds one of these (a sentence's end, or a credit named as such).
_CAPTION_HINTS = (".", "?", "!", "Credit", "Photo", "Image", "Picture")


def _reads_as_caption(text: str) -> bool:
    """Whether a line reads as a photo caption with its credit (`_CAPTION`); substring tests first,
    as most titles hold none of what a caption must."""
    return any(hint in text for hint in _CAPTION_HINTS) and _CAPTION.search(text) is not None


def from_segments(segments: Sequence[Segment], doc: RawDoc, raw: str) -> list[Article]:
    """The article of each segment of a document, in order (`raw`: the document's text as received)."""
    single = len(segments) == 1
    ledes = [_lede(seg) for seg in segments] + [frozenset()]
    texts = [_body_words(seg) for seg in segments]
    found = [_headline_index(seg, texts[pos], ledes[pos], ledes[pos + 1]) for pos, seg in enumerate(segments)]
    return [
        _article(
            seg,
            doc,
            raw,
            pos,
            single,
            found[pos],
            _title_above(segments[pos - 1], found[pos - 1], texts[pos - 1], seg, texts[pos])
            if pos and found[pos] is None
            else None,
        )
        for pos, seg in enumerate(segments)
    ]


def _title_above(
    previous: Segment, taken: int | None, above: frozenset[str], segment: Segment, text: frozenset[str]
) -> str | None:
    """The title printed right above an article that opens without one: the last line of the article
    before it (past any furniture), when that article did not take it as its headline.

    A page's headline sits over its deck, its picture or its byline; where the cut between two pasted
    pages fell under the headline, the headline still names the story below it (`text`: the words of
    that article's text) more than the one above (`above`), whose last paragraph it follows. A photo
    caption, a sentence, a line cut off, or a title of a few words (a slogan, a section's name) is no
    such headline.
    """
    if not text or not segment.lines or segment.lines[0].kind == HEADLINE:
        return None
    lines = previous.lines
    for k in range(len(lines) - 1, -1, -1):
        t = lines[k]
        if t.kind == FURNITURE:
            continue
        if (
            t.kind != HEADLINE
            or k == taken
            or len(t.text.split()) <= LABEL_WORDS + 1
            or t.cut_off
            or _CLOSED.search(t.text)
            or _reads_as_caption(t.text)
        ):
            return None
        return t.text if len(t.words & text) > len(t.words & above) else None
    return None


def _body_words(segment: Segment) -> frozenset[str]:
    """The content words of an article's text."""
    return frozenset().union(*(t.words for t in segment.lines if t.kind == BODY))


def _lede(segment: Segment) -> frozenset[str]:
    """The content words of an article's first two paragraphs: what its headline names."""
    body = [t for t in segment.lines if t.kind == BODY][:LEDE_LINES]
    return frozenset().union(*(t.words for t in body))


def _headline_score(k: int, header: list[TypedLine], lede: frozenset[str]) -> float:
    """How much a headline-shaped line of the header reads as the article's headline.

    The headline sits right above the byline, the date line or the first paragraph, and names
    what the first paragraphs are about; section titles and slogans above it do neither.
    """
    t = header[k]
    following = next((h for h in header[k + 1 :] if h.kind != FURNITURE), None)
    score = 0.0
    if following is None or following.kind in (BYLINE, DATE):
        score += 1.0
    if t.words:
        score += 2.0 * len(t.words & lede) / len(t.words)
    words = len(t.text.split())
    # Headlines are a few words long, and do not close a sentence the way a deck or a quote does.
    if words > 14:
        score -= 1.0
    if words <= 3:
        score -= 1.0
    if _CLOSED.search(t.text):
        score -= 1.5
    return score


def _is_topic_label(k: int, header: list[TypedLine]) -> bool:
    """A few capitalised words set straight over the text ("Camp David Summit", "Ukraine Crisis"):
    a topic or section label, not a headline. A page's short title is followed by its byline or
    date; a label runs straight into the first paragraph."""
    words = header[k].text.split()
    if len(words) > LABEL_WORDS or any(h.kind in (BYLINE, DATE) for h in header[k + 1 :]):
        return False
    return all(w[0].isupper() for w in words if w[0].isalpha())


def _is_trailing_headline(t: TypedLine, above: frozenset[str], below: frozenset[str]) -> bool:
    """A headline printed after its body: glued to the site's description, or in title case, never a
    sentence cut off or closed by a full stop or a quotation mark.

    It repeats the names and topic of the body above it (`above`: that body's words): at least half of
    its words, and more of them than the next article's opening (`below`) has, whose headline it
    would otherwise be. A masthead or a slogan ("The Daily PostNews You Can Trust") names no one in
    the story.
    """
    if t.line.headline_part:
        return True
    shared = len(t.words & above)
    if 2 * shared < len(t.words) or shared <= len(t.words & below):
        return False
    if t.cut_off or t.text[-1:] in ".\"\u201d'\u2019":
        return False
    longer = [w for w in t.text.split() if len(w) > 3 and w[0].isalpha()]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.6 * len(longer)


def header_candidates(segment: Segment, body_words: frozenset[str]) -> tuple[list[TypedLine], list[int]]:
    """The lines of an article above its first paragraph, and which of them may be its headline: the
    headline-shaped ones that are no topic label or caption and (when it has text) share a word with
    its text (`body_words`)."""
    header: list[TypedLine] = []
    for t in segment.lines:
        if t.kind == BODY:
            break
        header.append(t)
    candidates = [
        k
        for k, t in enumerate(header)
        if t.kind == HEADLINE and not _is_topic_label(k, header) and not _reads_as_caption(t.text)
    ]
    if body_words:
        # A headline names what its story is about: a title that shares no word with the text
        # is another page's (a teaser, a section front's title, a promotion).
        candidates = [k for k in candidates if header[k].words & body_words]
    return header, candidates


def candidate_features(
    header: list[TypedLine],
    candidates: list[int],
    lede: frozenset[str],
    body_words: frozenset[str],
    rows_wanted: bool = True,
) -> tuple[dict[int, float], list[list[float]]]:
    """The hand-weighted score of each candidate title (`_headline_score`, the first title on the
    story's subject preferred) and, if `rows_wanted`, the features the headline chooser reads
    (`headline_model`; else no rows)."""
    scores = {k: _headline_score(k, header, lede) for k in candidates}
    # A page opens with its own title; decks, subheads and related links come after it. The first
    # title on the story's subject (not a site's slogan) is preferred, and ties go to the earlier line.
    first = _title_block_start(header, candidates)
    rows = candidate_rows(header, candidates, lede, body_words, scores, first) if rows_wanted else []
    if header[first].words & lede:
        scores[first] += FIRST_TITLE_BONUS
    return scores, rows


def _headline_index(
    segment: Segment, body_words: frozenset[str], lede: frozenset[str], next_lede: frozenset[str]
) -> int | None:
    """The headline-shaped line of the header that best fits the body (`body_words`: its words;
    `lede`: the words of its first paragraphs), else one printed after the body (`next_lede`: the
    words of the next article's first paragraphs, which may own that line instead).

    Among MODEL_CANDIDATES or more the learned chooser (`headline_model`) decides when the package
    has one, else the hand-weighted score."""
    header, candidates = header_candidates(segment, body_words)
    if len(candidates) == 1:
        return _without_trail(header, candidates[0])
    if candidates:
        model = load_headline_model() if len(candidates) >= MODEL_CANDIDATES else None
        scores, rows = candidate_features(header, candidates, lede, body_words, model is not None)
        if model is not None:
            return _without_trail(header, candidates[model.best(rows)])
        return _without_trail(header, max(candidates, key=lambda k: (scores[k], -k)))
    for k in range(len(segment.lines) - 1, -1, -1):
        t = segment.lines[k]
        if t.kind == BODY:
            break
        if t.kind == HEADLINE and _is_trailing_headline(t, body_words, next_lede):
            return k
    return None


def _without_trail(header: list[TypedLine], k: int) -> int:
    """The headline itself when the chosen title is a breadcrumb trail glued to it ("HomeLatest
    NewsFloods force thousands from homes"): a page prints its trail of sections over its headline,
    and a pasted page loses the separators between them; a line of the header next to it that is the
    trail's end, of three words or more, is the headline."""
    text = header[k].text
    for j in (k + 1, k - 1, k + 2):
        if 0 <= j < len(header):
            other = header[j].text
            if len(other) < len(text) and other.count(" ") >= 2 and text.endswith(other):
                return j
    return k


def _title_block_start(header: list[TypedLine], candidates: list[int]) -> int:
    """Where the page's own title block starts: the first of the titles set right over the first
    byline or date line, else the first title of the header.

    A live page or a section front prints its tab title and topic labels above the story; the
    story's headline is the title its byline and date hang from ("Live Updates" then
    "Biden and Xi meet in Bali" then "By ...").
    """
    stamp = next((k for k, t in enumerate(header) if t.kind in (BYLINE, DATE)), None)
    if stamp is None:
        return candidates[0]
    start = None
    for k in range(stamp - 1, -1, -1):
        kind = header[k].kind
        if kind == FURNITURE:
            continue
        if kind != HEADLINE or k not in candidates:
            break
        start = k
    return candidates[0] if start is None else start


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
    one is; `above`: else the title printed right above it, `_title_above`)."""
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
            body_runs.append(t.runs if text is t.text else None)
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
            or (t.kind == HEADLINE and _is_topic_label(k, lines[:first_body]))
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
            # Titles and short lines around the article that the line-role model reads as furniture
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
