"""Article boundaries: one scored decision per gap between body paragraphs.

Every line is typed (body, headline-shaped, byline, date, furniture). The
non-body lines between two body lines form a gap. Each gap gets a score, the
log-odds of a logistic model over all the cues together (a dateline opening
the next paragraph, a byline, a date line, a headline, furniture, a last
sentence cut off, a lower-case or quoted continuation, a change of language,
a dip in tf-idf cohesion, few shared words, new names, a long lede sentence
that says on what day, a paragraph opening with a pronoun or connective, a
change of quotation marks from curly to straight); gaps scoring above a
threshold start a new article. Inside a chosen gap, each line leans to the page
before (sign-offs, related lists, a sentence cut off with the page) or to the
next (section labels, a headline over its deck or over pictures and bylines,
lines about what follows), and the cut maximises the lean of the lines after it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain, filterfalse
from operator import mul
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from dateline.model import Line
from dateline.split.cues import (
    DANGLING,
    Dateline,
    ends_truncated,
    find_byline,
    find_date_line,
    find_dateline,
    is_headline_shaped,
    reads_cut_off,
)
from dateline.split.language import guess_language, lower_blanked
from dateline.split.roles import load_model

BODY, HEADLINE, BYLINE, DATE, FURNITURE = "body", "headline", "byline", "date", "furniture"
SHORT = "short"  # a few words without final punctuation: a label, a caption credit, a cut-off word
HEADLINE_WORDS = 20  # at most this many words in a headline printed right above its byline
DECK_WORDS = 40  # at most this many words in a deck printed between a headline and its byline or date

# Where a line of a gap goes (`line_lean`): weights fitted on the development cases so that the cut
# of `split_point` lands on the line where the next page starts (an averaged structured perceptron,
# checked on two halves of the cases), rounded to quarters; positive means the line opens the next
# article.
LEAN_WEIGHTS: dict[str, float] = {
    "bias": 2.5,
    "headline": -1.75,
    "short": -0.25,
    "byline_or_date": 0.5,
    "head_furniture": 2.75,  # navigation, site names, section labels in lower case ("news")
    "tail_furniture": -6.0,  # sign-offs, copyright, comment forms, related lists, page scripts
    "other_furniture": 0.75,
    "label": -1.75,  # a lone capitalised word: a section label, or the first word of a cut paragraph
    "label_over_headline": 2.25,  # ... right above a headline: a section label
    "first": -1.0,  # the line right after the body
    "cut_off": -2.25,  # ... reads as a sentence cut off with the page
    "dangling": -1.75,  # ... ends in a function word
    "after_full_stop": -1.25,  # the body before ends a sentence, so the page may go on with its tail
    "headline_list": -1.0,  # one of several headlines in a row: a list of related stories
    "topic": 4.75,  # shares more words with the next paragraphs than with the previous ones
    "over_deck": 3.5,  # a longer line on the same subject follows: a headline over its deck
    "last_title": 0.75,  # the last title of the gap, with only pictures, credits and metadata below it
    "gap_topic": 2.5,  # shares more words with the gap's lines below it than with those above it
    "over_meta": 2.0,  # a title right above a byline or date line: its page opens there (set by hand)
}
HEAD_FURNITURE = frozenset(
    {"navigation", "site-description", "number", "photo-credit", "gallery", "share", "read-time"}
)
TAIL_FURNITURE = frozenset({"code", "comments", "sign-off", "copyright", "related"})

# Furniture that closes a page rather than opens one.
TAIL_REASONS = frozenset({"sign-off", "copyright", "related", "comments", "notice"})
# Furniture that opens a page.
HEAD_REASONS = frozenset({"navigation"})
# Furniture that sits inside articles as often as between them: advertisement slots.
_INSIDE = frozenset({"advertisement"})

# Words that carry no topic, for cohesion: those a sentence cannot end on, and more.
_MORE_STOP = """
about after all also any been before being first he here i into it just last may might more most
mr ms new no one only other our out over said say says she some such them then there these they
those two up we what when where while whom you your
"""
_STOP = DANGLING | frozenset(_MORE_STOP.split())
_TOKEN = re.compile(r"[^\W\d_]{3,}")
# On lower-cased ASCII text the words `_TOKEN` finds are the runs of three letters a to z or more:
# a simpler pattern, found by one scan in C.
_ASCII_TOKEN = re.compile(r"[a-z]{3,}")
_is_stop = _STOP.__contains__

# Weights of the boundary cues: a logistic model fitted on the development cases (pasted pages of
# many outlets), then rounded to halves; the dateline, byline, sign-off, closing-furniture and
# language weights are set by hand (the fit, misled by live blogs and by pages that repeat in the
# cases, gives them little or less; every change of language in the cases is a change of page).
# A gap whose score reaches THRESHOLD starts a new article.
# Positive weights are cues that a page ended or began; negative ones say the text goes on.
WEIGHTS: dict[str, float] = {
    "bias": -4.5,
    "dateline": 3.0,  # the next paragraph opens with a dateline (only articles open with one)
    "byline": 1.0,  # a byline in the gap
    "date": 1.0,  # a date line ("Published: ...", "Updated 5:36 a.m. ET, November 14, 2022")
    "headline": 2.0,  # a headline-shaped line
    "furniture": 1.0,  # per furniture line, up to three
    "truncated": 3.5,  # the paragraph before ends without final punctuation
    "lowercase": -3.0,  # the next paragraph starts in lower case: a sentence continued
    "language": 5.5,  # the two paragraphs are in different languages
    "no_gap": -2.0,  # two paragraphs with nothing between them
    # Sign-offs and related lists close a page, but often far from the next one (set by hand: the
    # fit, on older cleaning, made them count against a boundary, which no reader would do).
    "tail_furniture": 0.0,
    "sign_off": 0.0,  # "(END)", "Reporting by ...": an agency closes its story
    "head_furniture": 0.5,  # navigation opens a page
    "site": 0.5,  # a site's name and description
    "list": -0.5,  # two items of one bulleted list
    "quote": -1.5,  # the next paragraph opens a quotation: reported speech goes on
    "depth": 5.5,  # how far the tf-idf cosine dips below its neighbours on both sides (TextTiling's depth)
    "novelty": 1.0,  # share of the names in the next paragraphs that the text before never used
    "novelty_next": 1.5,  # ... in the next paragraph alone, against the twelve before
    "overlap_1": -3.5,  # content-word overlap (cosine of sets) of the paragraphs right before and after
    "overlap_2": -2.5,  # ... of the two paragraphs on each side
    "long_lede": 0.5,  # the next paragraph's first sentence is long: a lede packs who, what, when, where
    "quote_end": -1.0,  # the paragraph before closes a quotation: reported speech, mid-article
    "weekday": 1.5,  # the next paragraph's first sentence says on what day: a lede says when
    "anaphor": -1.0,  # the next paragraph opens with a pronoun or a connective: it refers back
    "cohesion": -1.0,  # the tf-idf cosine of the windows of paragraphs before and after the gap
    "marks_change": 1.0,  # quotation marks printed one way (curly, straight) before the gap, the other after
}
_WEIGHT_VALUES = tuple(WEIGHTS.values())  # in the order `gap_features` gives the cues
_LANGUAGE_WEIGHT = WEIGHTS["language"]  # positive: a change of language only raises a score
LANGUAGE_CHARACTERS = 80  # paragraphs longer than this are long enough to tell their language
THRESHOLD = -0.25  # probability 0.44
# A gap whose title reads as a subhead (`is_subhead`: a question or a list item, or a title its
# paragraph neither reports as a lede nor names) lowers the score by this much; chosen on the fit
# parts (the pasted scrapinghub cases and the development cases), where -2 to -4 gave the same figures.
SUBHEAD_WEIGHT = -2.0
LEDE_PARAGRAPHS = 2  # the paragraphs under a title that a headline names
SUBHEAD_WORDS = 10  # a subhead is a few words; a longer line may be a sentence cut off with its page
_QUESTION_OR_ITEM = re.compile(r"\?[\"'\u201d\u2019]?$|^(?:\d{1,2}[.)]\s|[-\u2022\u00b7*\u25cf]\s)")
WINDOW = 4  # body lines on each side compared for the vocabulary change
CHUNK = 64  # body positions whose vocabulary change is computed at once (`_window_cues`)
NAMES_BEFORE, NAMES_AFTER = 8, 2  # body lines whose names are compared across a gap
NAMES_BEFORE_LONG = 12  # ... and for the next paragraph alone, against a longer stretch before it
WRAP_WIDTH = 90  # lines no longer than this, one ending mid-sentence, may be text wrapped by width
LEDE_WORDS = 25  # a first sentence this long packs who, what, when and where: a lede
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+(?=[A-Z\"\u201c])")
_QUOTE_ENDS = '"\u201d'
# A lede says when: a weekday, "today" or "yesterday" in its first sentence (searched this far in).
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b")
LEDE_REACH = 300
# A paragraph that opens with a pronoun or a connective refers back to the one before it.
_ANAPHOR = re.compile(
    r"(?:He|She|They|It|His|Her|Their|Its|This|These|That|Those|But|And|Also|However|Meanwhile|Still|Yet"
    r"|Moreover|Furthermore|Earlier|Later|Both|The two)\b"
)
# A capitalised word (or run of them) not at the start of the text or of a sentence. The capital is
# matched first and what precedes it checked after, so the search skips ahead to capitals instead of
# testing the conditions at every character.
_NAME = re.compile(r"[A-Z](?<!\w[A-Z])(?<![.!?]\s[A-Z])(?<!^[A-Z])[a-z]{2,}(?:[- ][A-Z][a-z]+)*")
TYPE_REACH = 3  # paragraphs on each side whose quotation marks are compared (`_typography`)
DEPTH_REACH = 3  # gaps on each side searched for the cosine peaks around a dip
_BULLETS = "-\u2022\u00b7*\u25cf\u2013"
_QUOTES = "\"\u201c\u2018'"
# A line closed like a sentence: a full stop, question or exclamation mark, maybe a quotation mark.
_CLOSED = re.compile(r"[.!?][\"'\u201d\u2019]?$")


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
    tokens: list[str] = field(default_factory=list)  # the content words in order, repeats included
    names: frozenset[str] | None = None  # the names it uses, once asked for (`_line_names`)
    prose: float = 1.0  # the line-role model's P(body) of a line the rules typed as body, headline or short
    furniture_p: float = 0.0  # ... and its P(furniture)
    meta_p: float = 0.0  # ... and its P(headline, byline or date line)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of three letters or more that are not function words."""
    return frozenset(_content_tokens(text))


def _content_tokens(text: str) -> list[str]:
    """The content words of `text` in order, repeats included: lower-cased words of three letters or
    more that are not function words. ASCII text, most of it, is searched with a simpler pattern, and
    the function words are dropped by a filter that runs in C, with no Python step per word."""
    low = lower_blanked(text)
    if not low.isascii():
        return list(filterfalse(_is_stop, _lower_tokens(text)))
    return list(filterfalse(_is_stop, _ASCII_TOKEN.findall(low)))


def _lower_tokens(text: str) -> list[str]:
    """The words of `text`, lower-cased: the whole line at once, unless lower-casing changed its length
    (the Turkish dotted I becomes "i" plus a combining dot, which is not a word letter); then word by word."""
    low = text.lower()
    if len(low) == len(text):
        return _TOKEN.findall(low)
    return [t.lower() for t in _TOKEN.findall(text)]


def _typed(index: int, line: Line, kind: str, text: str, **cues: object) -> TypedLine:
    """A typed line with its content words found once (cohesion and headline choice reuse them)."""
    tokens = _content_tokens(text)
    return TypedLine(index, line, kind, text, words=frozenset(tokens), tokens=tokens, **cues)  # type: ignore[arg-type]


def type_line(index: int, line: Line) -> TypedLine:
    """Give one line its role: furniture, date, byline, headline or body."""
    text = line.text
    if line.furniture is not None:
        if line.headline_part:
            part = line.headline_part
            return _typed(index, line, HEADLINE, part)
        return TypedLine(index, line, FURNITURE, text)
    dateline = find_dateline(text)
    if dateline is not None:
        return _typed(index, line, BODY, text, dateline=dateline)
    byline = find_byline(text)
    if byline is not None:
        return TypedLine(index, line, BYLINE, text, byline=byline)
    date = find_date_line(text)
    if date is not None:
        return TypedLine(index, line, DATE, text, date=date)
    if is_headline_shaped(text):
        kind = HEADLINE
    # Fewer than five words: splitting off five at most tells, without cutting a paragraph into words.
    elif len(text.split(None, 4)) < 5 and not text.endswith((".", "?", "!", '"', "\u201d")):
        kind = SHORT
    else:
        kind = BODY
    return _typed(index, line, kind, text)


def type_lines(lines: tuple[Line, ...] | list[Line]) -> list[TypedLine]:
    """Type every line, then let a line's neighbours correct it.

    A short line printed right above a byline is the headline even when it ends in a full stop
    ("... reaffirm commitment: State Dept."): nothing else sits between a page's title and its byline.
    A sentence between a title and the byline or date line under it is the title's deck, not the
    first paragraph.
    """
    typed = [type_line(i, line) for i, line in enumerate(lines)]
    for k, t in enumerate(typed[:-1]):
        below = typed[k + 1].kind  # tested first: most lines are paragraphs over paragraphs
        if (
            below not in (BYLINE, DATE)
            or t.kind != BODY
            or t.dateline is not None
            or not t.text[:1].isupper()
        ):
            continue
        words = len(t.text.split())
        title = below == BYLINE and words <= HEADLINE_WORDS
        deck = below in (BYLINE, DATE) and k > 0 and typed[k - 1].kind == HEADLINE and words <= DECK_WORDS
        if title or deck:
            t.kind = HEADLINE
    _learned_furniture(typed, lines)
    return typed


# A paragraph the rules kept is furniture when the line-role model gives furniture at least this
# probability and the title role (headline, byline, date) less than LEARNED_META. Both were chosen
# on the fit part (cases, scrapinghub and news pages); lower thresholds took more furniture on the
# scrapinghub pages and cost the cases' boundaries and headlines.
LEARNED_FURNITURE = 0.85
LEARNED_META = 0.05


def _learned_furniture(typed: list[TypedLine], lines: tuple[Line, ...] | list[Line]) -> None:
    """Mark as furniture the paragraphs the rules kept as text that the line-role model (learned
    across many sites, `dateline.split.roles`) reads as furniture: promotions, cookie notices,
    comments, teasers of sites no pattern was written for.

    Only lines typed as body are asked about: short lines and headline-shaped ones sit around
    headlines, whose choice stays the rules' (letting the model take them cost headlines on the
    fit cases); datelines stay the rules' to read.
    """
    model = load_model()
    if model is None or not typed:
        return
    asked = [
        t.kind in (BODY, HEADLINE, SHORT) and t.dateline is None and t.line.furniture is None for t in typed
    ]
    probabilities = model.roles(lines, asked)
    for t, ask, p in zip(typed, asked, probabilities, strict=True):
        if not ask:
            continue
        t.prose, t.furniture_p, t.meta_p = float(p[0]), float(p[1]), float(p[2])
        if t.kind == BODY and p[1] >= LEARNED_FURNITURE and p[2] < LEARNED_META:
            t.line = replace(t.line, furniture="learned")
            t.kind = FURNITURE


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


def cohesion(typed: list[TypedLine], body: list[int]) -> list[float]:
    """Tf-idf cosine between the WINDOW body lines before and after each body line (index: position in body).

    Words are weighted by how few lines of the document use them, so the names and topic words of
    one article, not words every article shares, decide whether two paragraphs belong together.
    """
    return _window_cues(typed, body)[0]


def _window_cues(typed: list[TypedLine], body: list[int]) -> tuple[list[float], list[float], list[float]]:
    """The tf-idf cosine of the windows around each body line (`cohesion`), and the overlap of the word
    sets of one and of two paragraphs on each side (`Continuity`), all indexed by position in `body`.

    The body lines become a matrix of tf-idf weights (a row per line, a column per word), so that
    every window is a sum of rows and every cue a few array operations, not a loop over words in
    Python. A long text is done in blocks of CHUNK positions, each with the WINDOW lines around it,
    so the matrix stays small however many lines are pasted.
    """
    n = len(body)
    sims, overlap_1, overlap_2 = [0.0] * max(n, 1), [0.0] * n, [0.0] * n
    tokens = list(chain.from_iterable(typed[i].tokens for i in body))
    if n < 2 or not tokens:
        return sims, overlap_1, overlap_2
    # Each word's column, in order of first use, given in the same pass that numbers the tokens: most
    # words of a page are used once, and one pass over them beats building the vocabulary first.
    vocab: dict[str, int] = {}
    codes = np.array([vocab.setdefault(token, len(vocab)) for token in tokens], dtype=np.int64)
    in_lines = np.fromiter(
        map(vocab.__getitem__, chain.from_iterable(typed[i].words for i in body)), dtype=np.int64
    )
    idf = math.log(n + 1) - np.log(np.bincount(in_lines, minlength=len(vocab)))
    lengths = [len(typed[i].tokens) for i in body]
    lines = np.repeat(np.arange(n, dtype=np.int64), lengths)
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    for first in range(1, n, CHUNK):
        last = min(n, first + CHUNK)
        top, bottom = max(0, first - WINDOW), min(n, last + WINDOW)
        block = slice(offsets[top], offsets[bottom])  # the tokens of body lines top..bottom-1
        if top == 0 and bottom == n:
            columns, inverse = None, codes
        else:
            columns, inverse = np.unique(codes[block], return_inverse=True)
        width = len(vocab) if columns is None else len(columns)
        # WINDOW rows of zeros on each side stand for the lines past the ends of the text; row r
        # of the block is body line top + r - WINDOW.
        height = bottom - top + 2 * WINDOW
        cells = (lines[block] - top + WINDOW) * width + inverse
        counts = np.bincount(cells, minlength=height * width).reshape(height, width)
        grid = counts * (idf if columns is None else idf[columns])
        cues = _block_cues(grid, counts > 0, first - top, last - top)
        for out, values in zip((sims, overlap_1, overlap_2), cues, strict=True):
            out[first:last] = values
    return sims, overlap_1, overlap_2


def _block_cues(
    grid: npt.NDArray[np.float64], words: npt.NDArray[np.bool_], a: int, b: int
) -> tuple[list[float], list[float], list[float]]:
    """The cues of the positions whose lines are rows a + WINDOW to b + WINDOW - 1 of a block of
    tf-idf rows (`grid`, padded with WINDOW rows of zeros at each end) and of word sets (`words`)."""
    # windows[j] sums the WINDOW rows from row j: the window left of a position whose line is
    # row r starts at row r - WINDOW, the one right of it at row r.
    windows = grid[: len(grid) - WINDOW + 1].copy()
    for k in range(1, WINDOW):
        windows += grid[k : len(grid) - WINDOW + 1 + k]
    norms = np.einsum("ij,ij->i", windows, windows)
    across = np.einsum("ij,ij->i", windows[a:b], windows[a + WINDOW : b + WINDOW])
    product = norms[a:b] * norms[a + WINDOW : b + WINDOW]
    # Windows that share no word have a cosine of exactly 0, as an empty sum gives.
    cosine = np.divide(across, np.sqrt(product), out=np.zeros_like(across), where=across != 0)
    # overlap_1 compares a line's words with the line above, overlap_2 the pair of lines from it
    # with the pair two rows above.
    pairs = words[:-1] | words[1:]
    here = slice(a + WINDOW, b + WINDOW)
    one = _set_overlap(words[a + WINDOW - 1 : b + WINDOW - 1], words[here])
    two = _set_overlap(pairs[a + WINDOW - 2 : b + WINDOW - 2], pairs[here])
    return cosine.tolist(), one.tolist(), two.tolist()


def _set_overlap(a: npt.NDArray[np.bool_], b: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
    """Row by row, the cosine overlap of two word sets given as rows of booleans: the words they share
    over the geometric mean of their sizes; 0 when either is empty."""
    shared = (a & b).sum(axis=1)
    product = a.sum(axis=1) * b.sum(axis=1)
    return np.divide(shared, np.sqrt(product), out=np.zeros(len(shared)), where=product > 0)


@dataclass
class Continuity:
    """How each body paragraph carries on from those before it; lists indexed by position in `body`.

    `sims` is the windowed tf-idf cosine (`cohesion`); `novelty` the share of the names in the
    paragraph and the next that the NAMES_BEFORE paragraphs before never used, `novelty_next` the
    same for the paragraph alone against NAMES_BEFORE_LONG paragraphs; `overlap_1` and `overlap_2`
    the content-word overlap of one and of two paragraphs on each side.
    """

    sims: list[float]
    novelty: list[float]
    novelty_next: list[float]
    overlap_1: list[float]
    overlap_2: list[float]
    depth: list[float] = field(default_factory=list)  # how far `sims` dips at each position (`_depths`)
    # Whether the paragraphs before and after each position print quotation marks and apostrophes the
    # same way (-1: all curly or all straight), two ways (1), or cannot tell (0) (`_typography`).
    typography: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.depth:
            self.depth = _depths(self.sims)


def _depths(sims: list[float]) -> list[float]:
    """How far the cosine at each position dips below its highest neighbour within DEPTH_REACH on each
    side, the two summed (TextTiling's depth score); position 0 has no gap before it."""
    n = len(sims)
    depth = [0.0] * n
    for pos in range(1, n):
        here = sims[pos]
        # Each side's stretch includes the position itself, so a peak is never below `here`.
        left_peak = max(sims[max(1, pos - DEPTH_REACH) : pos + 1])
        right_peak = max(sims[pos : pos + DEPTH_REACH + 1])
        depth[pos] = (left_peak - here) + (right_peak - here)
    return depth


def continuity(typed: list[TypedLine], body: list[int]) -> Continuity:
    """Every paragraph's continuity with the text before it, in one pass over the body lines."""
    n = len(body)
    line_names = [_line_names(typed[i]) for i in body]
    novelty, novelty_next = [0.5] * n, [0.5] * n
    # Where each name was last used: a name is known at p when some paragraph of the stretch
    # before p used it, that is when its last use before p lies within the stretch.
    last_used: dict[str, int] = dict.fromkeys(line_names[0] if n else (), 0)
    used = last_used.get
    for p in range(1, n):
        here = line_names[p]
        new = here.union(*line_names[p + 1 : p + NAMES_AFTER])
        if new:
            since = max(0, p - NAMES_BEFORE)
            novelty[p] = len([name for name in new if used(name, -1) < since]) / len(new)
        if here:
            since = max(0, p - NAMES_BEFORE_LONG)
            novelty_next[p] = len([name for name in here if used(name, -1) < since]) / len(here)
        last_used.update(dict.fromkeys(here, p))
    sims, overlap_1, overlap_2 = _window_cues(typed, body)
    typography = _typography([typed[i].text for i in body])
    return Continuity(sims, novelty, novelty_next, overlap_1, overlap_2, typography=typography)


def _quote_style(text: str) -> int:
    """Which quotation marks and apostrophes a paragraph uses: 1 curly, 2 straight, 0 none or both."""
    curly = "\u2019" in text or "\u201c" in text or "\u201d" in text or "\u2018" in text
    straight = "'" in text or '"' in text
    return 0 if curly == straight else (1 if curly else 2)


def _typography(texts: list[str]) -> list[int]:
    """At each position, whether the TYPE_REACH paragraphs before and those from it on print their
    quotation marks the same way (-1) or not (1), or 0 when either side shows none or both ways.
    An outlet sets all its articles one way, so a change of marks is a change of page."""
    styles = [_quote_style(text) for text in texts]
    out = [0] * len(texts)
    for pos in range(1, len(texts)):
        before = set(styles[max(0, pos - TYPE_REACH) : pos])
        before.discard(0)
        if len(before) != 1:
            continue  # most positions stop here: the window after need not be read
        after = set(styles[pos : pos + TYPE_REACH])
        after.discard(0)
        if len(after) == 1:
            out[pos] = -1 if before == after else 1
    return out


def gap_features(
    gap: Gap, typed: list[TypedLine], body: list[int], cont: Continuity, language: bool = True
) -> dict[str, float]:
    """The cues around a gap between two body lines, each a number (most are 0 or 1); with `language`
    false, the change of language is left at 0 (`score_gap` tells it only where it could matter)."""
    return dict(zip(WEIGHTS, _cue_values(gap, typed, body, cont, language), strict=True))


def _cue_values(
    gap: Gap, typed: list[TypedLine], body: list[int], cont: Continuity, language: bool
) -> tuple[float, ...]:
    """The cues of `gap_features` in the order of WEIGHTS, as a tuple: scoring pairs them with the
    weights by position, and a tuple is quicker to build than a dictionary for each gap."""
    assert gap.before is not None and gap.after is not None
    prev, nxt = typed[gap.before], typed[gap.after]
    if gap.lines:
        gap_lines = [typed[i] for i in gap.lines]
        lines, first = _gap_line_cues(gap_lines), gap_lines[0]
    else:  # most gaps: two paragraphs in a row, with no line between them to look at
        lines, first = _NO_LINES, None
    pos = bisect_left(body, gap.after)  # body is in order: no linear search per gap
    long_lede, weekday, anaphor = _lede_cues(nxt)
    return (
        1.0,  # bias
        float(nxt.dateline is not None),
        lines.byline,
        lines.date,
        lines.headline,
        lines.furniture,
        float(_truncated(prev, nxt, first)),
        float(nxt.text[:1].islower()),  # lowercase
        language_change(prev, nxt) if language else 0.0,
        lines.no_gap,
        lines.tail_furniture,
        lines.sign_off,
        lines.head_furniture,
        lines.site,
        float(_is_list_item(prev) and _is_list_item(nxt)),  # list
        float(nxt.text[:1] in _QUOTES),  # quote
        cont.depth[pos],
        cont.novelty[pos],
        cont.novelty_next[pos],
        cont.overlap_1[pos],
        cont.overlap_2[pos],
        long_lede,
        float(prev.text.rstrip()[-1:] in _QUOTE_ENDS),  # quote_end (a blank line counts too)
        weekday,
        anaphor,
        cont.sims[pos],  # cohesion
        float(cont.typography[pos] == 1),  # marks_change
    )


class _LineCues(NamedTuple):
    """The cues of the lines between two paragraphs: which kinds of line, and which furniture, stand there."""

    byline: float
    date: float
    headline: float
    furniture: float
    no_gap: float
    tail_furniture: float
    sign_off: float
    head_furniture: float
    site: float


def _gap_line_cues(gap_lines: list[TypedLine]) -> _LineCues:
    """The cues of the lines of a gap (`_LineCues`)."""
    kinds = {t.kind for t in gap_lines}
    reasons = {t.line.furniture for t in gap_lines}
    # Advertisement slots sit inside articles as often as between them: they say nothing.
    furniture = min(sum(t.kind == FURNITURE and t.line.furniture not in _INSIDE for t in gap_lines), 3)
    return _LineCues(
        byline=float(BYLINE in kinds),
        date=float(DATE in kinds),
        headline=float(HEADLINE in kinds),
        furniture=float(furniture),
        no_gap=float(not gap_lines),
        tail_furniture=float(bool(reasons & TAIL_REASONS)),
        sign_off=float("sign-off" in reasons),
        head_furniture=float(bool(reasons & HEAD_REASONS)),
        site=float("site-description" in reasons),
    )


_NO_LINES = _gap_line_cues([])  # the cues of a gap with no line in it


def _truncated(prev: TypedLine, nxt: TypedLine, first: TypedLine | None) -> bool:
    """The page before was cut off mid-sentence: its last paragraph ends without final punctuation
    (list items end so by custom; two short lines so are text wrapped at a fixed width), or it was
    cut to a few words ("This is", "Redwan and Getachew gr"), the gap's first line `first`."""
    return (not _is_list_item(prev) and ends_truncated(prev.text) and not _wrapped(prev, nxt)) or (
        first is not None and is_fragment(first)
    )


def _lede_cues(nxt: TypedLine) -> tuple[float, float, float]:
    """Whether a paragraph reads as a lede, past its dateline: a long first sentence, saying on what
    day; and whether it opens with a pronoun or a connective instead, referring back."""
    lede = nxt.text[nxt.dateline.length :] if nxt.dateline else nxt.text
    # A paragraph with too few words for a long lede needs no search for its first sentence's end.
    long_lede = lede.count(" ") >= LEDE_WORDS - 1
    if long_lede:
        lede = _first_sentence(lede)
        long_lede = lede.count(" ") >= LEDE_WORDS - 1
    # Every weekday, "today" and "yesterday" hold "day": a substring test spares most ledes the pattern.
    weekday = "day" in lede[:LEDE_REACH] and _WEEKDAY.search(lede, 0, LEDE_REACH) is not None
    return float(long_lede), float(weekday), float(_ANAPHOR.match(lede) is not None)


@lru_cache(maxsize=8192)
def _language(text: str) -> str:
    """The language of one paragraph, remembered: each paragraph meets two gaps."""
    return guess_language(text)


@lru_cache(maxsize=8192)
def names(text: str) -> frozenset[str]:
    """Capitalised words inside sentences (not sentence-initial): the people, places and bodies named."""
    return frozenset(m.group(0).lower() for m in _NAME.finditer(text) if m.group(0).lower() not in _STOP)


def _first_sentence(text: str) -> str:
    """The first sentence of a paragraph (all of it when no sentence end is found)."""
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text


def _line_names(t: TypedLine) -> frozenset[str]:
    """The names of one typed line, found once: each body line is compared across several gaps."""
    if t.names is None:
        t.names = names(t.text)
    return t.names


def score_gap(
    gap: Gap,
    typed: list[TypedLine],
    body: list[int],
    cont: Continuity | None = None,
    threshold: float | None = None,
) -> float:
    """How strongly the cues around `gap` say that a new article starts there (a log-odds).

    Given a `threshold`, the score is exact only where it reaches it: the language of the two
    paragraphs, the costliest cue, is guessed only when a change of language could lift the score
    to the threshold; a gap that cannot reach it gets a score below it.
    """
    if gap.before is None or gap.after is None:
        return -math.inf
    cont = continuity(typed, body) if cont is None else cont
    features = _cue_values(gap, typed, body, cont, language=threshold is None)
    # The cues come in the order of WEIGHTS, so the weights are paired by position, not looked up.
    score: float = sum(map(mul, _WEIGHT_VALUES, features))
    if threshold is not None and score + _LANGUAGE_WEIGHT >= threshold:
        score += _LANGUAGE_WEIGHT * language_change(typed[gap.before], typed[gap.after])
    if threshold is None or score >= threshold:
        # Asked only where a gap could start an article (most never reach the threshold).
        score += SUBHEAD_WEIGHT * is_subhead(gap, typed, body)
    return score


def is_subhead(gap: Gap, typed: list[TypedLine], body: list[int]) -> float:
    """1 when the title in a gap reads as a subhead of the article before, not a new report's headline.

    The only evidence of a new page is a title: the gap holds headline-shaped or short lines and
    nothing else (no byline, date line or furniture), the next paragraph opens with no dateline, the
    paragraph before ends its sentence, and no line of the gap is cut off or long enough to be a cut
    sentence. Then the title is a subhead when every line of it is a question ("Don't tariffs
    produce revenue?") or a numbered or bulleted item ("2. Start small") over a paragraph that is no
    lede packing who, what and when (a long first sentence saying on what day); or when the paragraph
    under it is no lede at all (neither long nor saying when) and the first paragraphs under it do
    not name it: a headline reports what its lede tells.
    """
    if not gap.lines or gap.before is None or gap.after is None or typed[gap.after].dateline is not None:
        return 0.0
    lines = [typed[i] for i in gap.lines]
    if any(
        t.kind not in (HEADLINE, SHORT)
        or reads_cut_off(t.text)
        or is_fragment(t)
        or "," in t.text
        or t.text.count(" ") >= SUBHEAD_WORDS
        for t in lines
    ):
        return 0.0
    prev, nxt = typed[gap.before], typed[gap.after]
    if _truncated(prev, nxt, lines[0]):
        return 0.0
    long_lede, weekday, _ = _lede_cues(nxt)
    if all(_QUESTION_OR_ITEM.search(t.text) for t in lines):
        return float(not (long_lede and weekday))
    if long_lede or weekday:
        return 0.0
    pos = bisect_left(body, gap.after)
    title = frozenset().union(*(t.words for t in lines))
    named = any(title & typed[body[j]].words for j in range(pos, min(len(body), pos + LEDE_PARAGRAPHS)))
    return float(not named)


def language_change(prev: TypedLine, nxt: TypedLine) -> float:
    """1 when two paragraphs, each long enough to tell, are in two different languages, else 0."""
    if min(len(prev.text), len(nxt.text)) <= LANGUAGE_CHARACTERS:
        return 0.0
    languages = {_language(prev.text), _language(nxt.text)}
    return float(len(languages) == 2 and "und" not in languages)


def clear_caches() -> None:
    """Forget the paragraphs' remembered languages and names (for timing runs that must start cold)."""
    _language.cache_clear()
    names.cache_clear()


def _wrapped(prev: TypedLine, nxt: TypedLine) -> bool:
    """Whether two paragraphs are lines of text wrapped at a fixed width: both short."""
    return len(prev.text) <= WRAP_WIDTH and len(nxt.text) <= WRAP_WIDTH


def is_fragment(t: TypedLine) -> bool:
    """A few words cut off mid-sentence: a short line ending in a function word or in a scrap of a
    word in lower case ("This is", "Israel s", "Redwan and Getachew gr")."""
    if t.kind != SHORT:
        return False
    last = t.text.rsplit(None, 1)[-1]
    return last.islower() and (last in DANGLING or len(last) <= 2)


def _is_list_item(t: TypedLine) -> bool:
    """A bulleted line, which ends without a full stop by custom."""
    return t.text[:1] in _BULLETS


def _topic_lean(t: TypedLine, typed: list[TypedLine], body: list[int], gap: Gap) -> float:
    """How much more a line shares with the next article's first paragraphs than with the last ones before."""
    if not t.words or gap.before is None or gap.after is None:
        return 0.0
    before, after = bisect_left(body, gap.before), bisect_left(body, gap.after)
    words_before = frozenset().union(*(typed[body[j]].words for j in range(max(0, before - 1), before + 1)))
    words_after = frozenset().union(*(typed[body[j]].words for j in range(after, min(len(body), after + 2))))
    return (len(t.words & words_after) - len(t.words & words_before)) / len(t.words)


def line_lean(k: int, gap: Gap, typed: list[TypedLine], body: list[int]) -> float:
    """Log-odds that the k-th line of a gap opens the next article rather than closing the one before.

    Headlines, bylines, dates and navigation open pages; sign-offs, comment forms, related lists
    and page scripts close them; a sentence cut off right after the body ends it; a line about
    what follows belongs to what follows.
    """
    features = lean_features(k, gap, typed, body)
    return sum(map(mul, map(LEAN_WEIGHTS.__getitem__, features), features.values()))


def lean_features(k: int, gap: Gap, typed: list[TypedLine], body: list[int]) -> dict[str, float]:
    """The cues of where the k-th line of a gap belongs, each a number (most are 0 or 1)."""
    t = typed[gap.lines[k]]
    n = len(gap.lines)
    # A headline glued to the site's description is a title: the description says nothing of where it goes.
    reason = None if t.kind == HEADLINE else t.line.furniture
    nxt = typed[gap.lines[k + 1]] if k + 1 < n else None
    words = t.text.split()
    label = reason == "label"
    features: dict[str, float] = {
        "bias": 1.0,
        "headline": float(t.kind == HEADLINE),
        "short": float(t.kind == SHORT),
        "byline_or_date": float(t.kind in (BYLINE, DATE)),
        # A cut paragraph begins with a capital; a lone word in lower case is a section label
        # (a word, not a scrap of code such as "s.parentNo").
        "head_furniture": float(
            reason in HEAD_FURNITURE or (label and t.text[:1].islower() and t.text.replace(" ", "").isalpha())
        ),
        "tail_furniture": float(reason in TAIL_FURNITURE),
        "other_furniture": float(
            t.kind == FURNITURE and reason not in HEAD_FURNITURE | TAIL_FURNITURE | {"label"}
        ),
        "label": float(label and not (t.text[:1].islower() and t.text.replace(" ", "").isalpha())),
        "label_over_headline": float(label and nxt is not None and nxt.kind == HEADLINE),
        "first": float(k == 0),
        "cut_off": float(k == 0 and t.kind in (HEADLINE, SHORT) and reads_cut_off(t.text)),
        "dangling": float(k == 0 and bool(words) and words[-1].lower() in DANGLING),
        "after_full_stop": float(
            gap.before is not None and typed[gap.before].text.rstrip()[-1:] in '.!?"\u201d'
        ),
        # A title over another title is a list of related stories; over a closed sentence, a
        # headline over its deck.
        "headline_list": float(
            t.kind == HEADLINE and nxt is not None and nxt.kind == HEADLINE and not _CLOSED.search(nxt.text)
        ),
        "topic": _topic_lean(t, typed, body, gap),
        "over_deck": float(t.kind == HEADLINE and nxt is not None and _is_deck(t, nxt)),
        "last_title": float(t.kind == HEADLINE and _last_title(k, gap, typed)),
        "gap_topic": _gap_topic(k, gap, typed),
        "over_meta": float(t.kind == HEADLINE and nxt is not None and nxt.kind in (BYLINE, DATE)),
    }
    return features


# Lines that sit between a page's title and its first paragraph: pictures, credits, metadata.
_BELOW_TITLE = frozenset(
    {"caption", "photo-credit", "read-time", "gallery", "share", "advertisement", "source"}
)


def _is_deck(title: TypedLine, below: TypedLine) -> bool:
    """Whether the line below a title is its deck or lede: longer, and on the same subject."""
    return (
        below.kind in (HEADLINE, SHORT, BODY)
        and len(below.text) > len(title.text)
        and bool(title.words & below.words)
    )


def _last_title(k: int, gap: Gap, typed: list[TypedLine]) -> bool:
    """Whether only pictures, credits, bylines, dates and short labels stand between the k-th line of
    a gap and the paragraph after it: where a page's title stands."""
    for i in gap.lines[k + 1 :]:
        t = typed[i]
        if t.kind in (BYLINE, DATE, SHORT) or (t.kind == FURNITURE and t.line.furniture in _BELOW_TITLE):
            continue
        return False
    return True


def _gap_topic(k: int, gap: Gap, typed: list[TypedLine]) -> float:
    """How much more a line shares with the lines of the gap below it (and the paragraph after) than with
    those above it (and the paragraph before): captions and decks under a title repeat its words."""
    t = typed[gap.lines[k]]
    if not t.words:
        return 0.0
    below = [gap.after, *gap.lines[k + 1 :]] if gap.after is not None else gap.lines[k + 1 :]
    above = [gap.before, *gap.lines[:k]] if gap.before is not None else gap.lines[:k]
    words_below = frozenset().union(*(_words(typed[i]) for i in below))
    words_above = frozenset().union(*(_words(typed[i]) for i in above))
    return (len(t.words & words_below) - len(t.words & words_above)) / len(t.words)


def _words(t: TypedLine) -> frozenset[str]:
    """The content words of a line of any kind (furniture lines are not tokenised when typed)."""
    return t.words or content_words(t.text)


def split_point(gap: Gap, typed: list[TypedLine], body: list[int]) -> int:
    """How many of the gap's lines stay with the article before; the rest open the next one.

    Each line leans to the start of a page or to the end of one (`line_lean`); the cut
    maximises the lean of the lines after it. A page cut off mid-sentence ends right there.
    """
    n = len(gap.lines)
    if (
        gap.before is not None
        and ends_truncated(typed[gap.before].text)
        and not _is_list_item(typed[gap.before])
    ):
        return 0
    first = typed[gap.lines[0]] if n else None
    if (
        first is not None
        and first.kind in (HEADLINE, SHORT)
        and n >= 2
        and (reads_cut_off(first.text) or is_fragment(first))
    ):
        # The page's last sentence, cut off, follows its body: the next page starts right after it.
        return 1
    lean = [line_lean(k, gap, typed, body) for k in range(n)]
    best_cut, best = 0, sum(lean)
    for cut in range(1, n + 1):
        total = sum(lean[cut:])
        if total > best:
            best_cut, best = cut, total
    return best_cut
