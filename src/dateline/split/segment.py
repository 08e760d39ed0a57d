"""Article boundaries: one scored decision per gap between body paragraphs.

Every line is typed (body, headline-shaped, byline, date, furniture). The
non-body lines between two body lines form a gap. Each gap gets a score
from all the cues together (a dateline opening the next paragraph, a byline,
a headline, furniture, a truncated last sentence, a change of vocabulary or
language); gaps scoring above a threshold start a new article. Inside a
chosen gap, the lines are then divided between the two articles: sign-offs
and a trailing headline stay with the article before, the rest opens the next.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from dateline.model import Line
from dateline.split.cues import (
    Dateline,
    ends_truncated,
    find_byline,
    find_date_line,
    find_dateline,
    is_headline_shaped,
)
from dateline.split.language import guess_language

BODY, HEADLINE, BYLINE, DATE, FURNITURE = "body", "headline", "byline", "date", "furniture"
SHORT = "short"  # a few words without final punctuation: a label, a caption credit, a cut-off word

# Furniture that closes a page rather than opens one.
TAIL_REASONS = frozenset({"sign-off", "copyright", "related", "comments", "notice"})
# Furniture that opens a page.
HEAD_REASONS = frozenset({"navigation"})

_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "not",
        "no",
        "said",
        "says",
        "say",
        "also",
        "than",
        "then",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "after",
        "before",
        "about",
        "over",
        "into",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "new",
        "one",
        "two",
        "first",
        "last",
        "just",
        "out",
        "up",
        "all",
        "any",
        "mr",
        "ms",
    ]
)
_TOKEN = re.compile(r"[^\W\d_]{3,}")

# Weights of the boundary cues, tuned on the development cases; a gap whose total reaches THRESHOLD
# starts a new article.
W_DATELINE = 4.0
W_BYLINE = 3.0
W_DATE = 1.5
W_HEADLINE = 2.0
W_FURNITURE = 0.8
W_TRUNCATED = 2.5
W_LANGUAGE = 3.0
W_LEXICAL = 8.0  # times (expected overlap - observed overlap) of the vocabularies around the gap
W_LOWERCASE = -2.0
EXPECTED_OVERLAP = 0.12
THRESHOLD = 2.5
WINDOW = 3  # body lines on each side compared for the vocabulary change


@dataclass
class TypedLine:
    """A cleaned line with its role and the cues found in it."""

    index: int
    line: Line
    kind: str
    text: str
    dateline: Dateline | None = None
    byline: str | None = None
    date: str | None = None
    words: frozenset[str] = field(default_factory=frozenset)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of three letters or more that are not function words."""
    return frozenset(w for w in (t.lower() for t in _TOKEN.findall(text)) if w not in _STOP)


def type_line(index: int, line: Line) -> TypedLine:
    """Give one line its role: furniture, date, byline, headline or body."""
    text = line.text
    if line.furniture is not None:
        if line.headline_part:
            part = line.headline_part
            return TypedLine(index, line, HEADLINE, part, words=content_words(part))
        return TypedLine(index, line, FURNITURE, text)
    dateline = find_dateline(text)
    if dateline is not None:
        return TypedLine(index, line, BODY, text, dateline=dateline, words=content_words(text))
    byline = find_byline(text)
    if byline is not None:
        return TypedLine(index, line, BYLINE, text, byline=byline)
    date = find_date_line(text)
    if date is not None:
        return TypedLine(index, line, DATE, text, date=date)
    if is_headline_shaped(text):
        kind = HEADLINE
    elif len(text.split()) < 5 and not text.endswith((".", "?", "!", '"', "\u201d")):
        kind = SHORT
    else:
        kind = BODY
    return TypedLine(index, line, kind, text, words=content_words(text))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine overlap of two word sets."""
    if not a or not b:
        return EXPECTED_OVERLAP
    return len(a & b) / math.sqrt(len(a) * len(b))


@dataclass
class Gap:
    """The non-body lines between two body lines (either may be missing at the ends)."""

    before: int | None  # index into the typed lines of the body line before
    lines: list[int]
    after: int | None


def find_gaps(typed: list[TypedLine]) -> list[Gap]:
    """The gaps between consecutive body lines, including the leading and trailing runs."""
    gaps: list[Gap] = []
    pending: list[int] = []
    before: int | None = None
    for t in typed:
        if t.kind == BODY:
            gaps.append(Gap(before, pending, t.index))
            pending, before = [], t.index
        else:
            pending.append(t.index)
    gaps.append(Gap(before, pending, None))
    return gaps


def _window(typed: list[TypedLine], body: list[int], pos: int, step: int) -> frozenset[str]:
    """Content words of up to WINDOW body lines from body[pos] going in direction `step`."""
    words: set[str] = set()
    for k in range(WINDOW):
        i = pos + step * k
        if 0 <= i < len(body):
            words |= typed[body[i]].words
    return frozenset(words)


def score_gap(gap: Gap, typed: list[TypedLine], body: list[int]) -> float:
    """How strongly the cues around `gap` say that a new article starts there."""
    if gap.before is None or gap.after is None:
        return -math.inf
    prev, nxt = typed[gap.before], typed[gap.after]
    kinds = [typed[i].kind for i in gap.lines]
    score = 0.0
    if nxt.dateline is not None:
        score += W_DATELINE
    if BYLINE in kinds:
        score += W_BYLINE
    if DATE in kinds:
        score += W_DATE
    if HEADLINE in kinds:
        score += W_HEADLINE
    score += W_FURNITURE * min(kinds.count(FURNITURE), 3)
    # The page before was cut off mid-sentence: its last text line (body or a fragment after it) dangles.
    last_text = prev
    if gap.lines and typed[gap.lines[0]].kind == SHORT:
        last_text = typed[gap.lines[0]]
    if ends_truncated(last_text.text) and (last_text is prev or not is_headline_shaped(last_text.text)):
        score += W_TRUNCATED
    if nxt.text[:1].islower():
        score += W_LOWERCASE
    # The two paragraphs that meet at the gap, each long enough to tell its language.
    languages = {guess_language(prev.text), guess_language(nxt.text)}
    if len(languages) == 2 and "und" not in languages and min(len(prev.text), len(nxt.text)) > 80:
        score += W_LANGUAGE
    pos = body.index(gap.after)
    left = _window(typed, body, pos - 1, -1)
    right = _window(typed, body, pos, 1)
    score += W_LEXICAL * (EXPECTED_OVERLAP - _overlap(left, right))
    return score


def split_point(gap: Gap, typed: list[TypedLine], body: list[int]) -> int:
    """How many of the gap's lines stay with the article before; the rest open the next one.

    Each line leans to the end of a page (sign-offs, a trailing headline) or to
    the start of one (navigation, a headline right before the byline or
    dateline); the cut maximises the lean of the lines after it.
    """
    lean: list[float] = []
    n = len(gap.lines)
    before_words = _window(typed, body, body.index(gap.before), -1) if gap.before is not None else frozenset()
    after_words = _window(typed, body, body.index(gap.after), 1) if gap.after is not None else frozenset()
    for k, i in enumerate(gap.lines):
        t = typed[i]
        value = 0.0
        if t.kind == FURNITURE:
            reason = t.line.furniture
            value = -1.0 if reason in TAIL_REASONS else 1.0 if reason in HEAD_REASONS else 0.0
        elif t.kind in (BYLINE, DATE):
            value = 0.5
        elif t.kind == HEADLINE:
            followed_by_start = k + 1 == n or typed[gap.lines[k + 1]].kind in (BYLINE, DATE, HEADLINE)
            closer_to_before = len(t.words & before_words) > len(t.words & after_words)
            # A headline printed after its body: cut off from the next start by furniture,
            # and about the text before.
            value = -1.0 if closer_to_before and not followed_by_start else 1.0
        lean.append(value)
    best_cut, best = 0, sum(lean)
    for cut in range(1, n + 1):
        total = sum(lean[cut:])
        if total > best:
            best_cut, best = cut, total
    return best_cut
