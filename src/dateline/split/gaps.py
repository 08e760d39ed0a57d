"""Gaps: which gaps between body paragraphs start a new article.

The non-body lines between two body lines form a gap (`find_gaps`). Each gap gets a cue score
(`score_gap`), the log-odds of a logistic model over all the cues together: a dateline opening
the next paragraph, a byline, a date line, a headline, furniture, a last sentence cut off, a
lower-case or quoted continuation, a change of language, a dip in tf-idf cohesion, few shared
words, new names (`continuity`), a long lede sentence that says on what day, a paragraph opening
with a pronoun or connective, a change of quotation marks from curly to straight.

The cue score's weights were fitted on the development cases of news pages. Pages of other
kinds (reviews, deal lists, recipes, Q&A) put titles and short lines between their paragraphs
as often as a paste puts a new page there, and the cue score reads their subheads as
headlines. A small ensemble of boosted decision trees over the cue score, each of its cues, and
cues that hold on any site (`FEATURES`): how many lines and how much furniture stand in the gap,
whether their pattern repeats in the gaps around (a list's items repeat one layout; pages pasted
together do not), whether the paragraph before introduces what follows (a colon), whether a title
there names the paragraphs under it or those above it, or stands over a byline or date line, how
long and how prose-like (the line-role model's P(body)) the two paragraphs are, whether the years
named before and after differ — trained on the fit parts of the development cases and of cases
pasted from the scrapinghub pages of about 180 sites (`dateline train gaps`), says whether the gap
starts an article (`gap_scores`).

The model is a small JSON file (`dateline/models/gap-boundaries.json`); running it is a walk of
flat arrays, all the gaps of a document and all the trees at once. Without it, the cue score
alone decides.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter, mul
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from dateline.split.continuity import Continuity
from dateline.split.features import (
    BODY,
    BYLINE,
    DATE,
    FURNITURE,
    HEADLINE,
    SHORT,
    TypedLine,
    is_fragment,
)

# Furniture that closes a page rather than opens one.
TAIL_REASONS = frozenset({"sign-off", "copyright", "related", "comments", "notice"})
# Furniture that opens a page.
HEAD_REASONS = frozenset({"navigation"})
# Furniture that sits inside articles as often as between them: advertisement slots.
_INSIDE = frozenset({"advertisement"})


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
WRAP_WIDTH = 90  # lines no longer than this, one ending mid-sentence, may be text wrapped by width
_QUOTE_ENDS = '"\u201d'
_QUOTES = "\"\u201c\u2018'"


@dataclass
class Gap:
    """The non-body lines between two body lines (either may be missing at the ends)."""

    before: int | None  # index into the typed lines of the body line before
    lines: list[int]
    after: int | None
    pos: int = 0  # the position of the body line after among the body lines (their count, at the end)
    # The words of the paragraphs around the gap (`lede_words`), read on first use and kept.
    _words: tuple[frozenset[str], frozenset[str]] | None = field(default=None, repr=False, compare=False)


def lede_words(gap: Gap, typed: list[TypedLine], body: list[int]) -> tuple[frozenset[str], frozenset[str]]:
    """The content words of the LEDE_PARAGRAPHS body paragraphs after a gap, and of those before it:
    what a title in the gap names if it heads the next article or closes the one before. Read once
    per gap, however many cues ask (the gap model's, the subhead's, where the cut falls)."""
    if gap._words is None:
        pos = gap.pos
        after = frozenset().union(
            *(typed[body[j]].words for j in range(pos, min(len(body), pos + LEDE_PARAGRAPHS)))
        )
        before = frozenset().union(*(typed[body[j]].words for j in range(max(0, pos - LEDE_PARAGRAPHS), pos)))
        gap._words = (after, before)
    return gap._words


def find_gaps(typed: list[TypedLine]) -> list[Gap]:
    """The gaps between consecutive body lines, including the leading and trailing runs."""
    gaps: list[Gap] = []
    pending: list[int] = []
    before: int | None = None
    for t in typed:
        if t.kind == BODY:
            gaps.append(Gap(before, pending, t.index, len(gaps)))
            pending, before = [], t.index
        else:
            pending.append(t.index)
    gaps.append(Gap(before, pending, None, len(gaps)))
    return gaps


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
    pos = gap.pos
    long_lede, weekday, anaphor = nxt.lede
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
        float(prev.list_item and nxt.list_item),  # list
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
    return (not prev.list_item and prev.truncated and not _wrapped(prev, nxt)) or (
        first is not None and is_fragment(first)
    )


def score_gap(
    gap: Gap,
    typed: list[TypedLine],
    body: list[int],
    cont: Continuity,
    threshold: float | None = None,
) -> float:
    """How strongly the cues around `gap` say that a new article starts there (a log-odds).

    Given a `threshold`, the score is exact only where it reaches it: the language of the two
    paragraphs, the costliest cue, is guessed only when a change of language could lift the score
    to the threshold; a gap that cannot reach it gets a score below it. `cont` is the document's
    vocabulary pass (`continuity.paragraph_continuity`), made once for all its gaps.
    """
    if gap.before is None or gap.after is None:
        return -math.inf
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
        or t.cut_off
        or is_fragment(t)
        or "," in t.text
        or t.text.count(" ") >= SUBHEAD_WORDS
        for t in lines
    ):
        return 0.0
    prev, nxt = typed[gap.before], typed[gap.after]
    if _truncated(prev, nxt, lines[0]):
        return 0.0
    long_lede, weekday, _ = nxt.lede
    if all(_QUESTION_OR_ITEM.search(t.text) for t in lines):
        return float(not (long_lede and weekday))
    if long_lede or weekday:
        return 0.0
    title = frozenset().union(*(t.words for t in lines))
    return float(not title & lede_words(gap, typed, body)[0])


def language_change(prev: TypedLine, nxt: TypedLine) -> float:
    """1 when two paragraphs, each long enough to tell, are in two different languages, else 0.

    Paragraphs too short to tell their language may still show two writing systems (a line of
    Russian under one of Indonesian, Korean under English): a change of page as sure as one of language.
    """
    if min(len(prev.text), len(nxt.text)) <= LANGUAGE_CHARACTERS:
        if prev.text.isascii() and nxt.text.isascii():  # most paragraphs: both in the Latin alphabet
            return 0.0
        systems = {prev.system, nxt.system}
        return float(len(systems) == 2 and "und" not in systems)
    languages = {prev.language, nxt.language}
    return float(len(languages) == 2 and "und" not in languages)


def _wrapped(prev: TypedLine, nxt: TypedLine) -> bool:
    """Whether two paragraphs are lines of text wrapped at a fixed width: both short."""
    return len(prev.text) <= WRAP_WIDTH and len(nxt.text) <= WRAP_WIDTH


# The gap model: a small ensemble of decision trees learned across outlets over the cue score, the cues
# themselves and cues that hold on any site (`FEATURES`), which decides each gap when the package ships
# it (`gap_scores`).

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "gap-boundaries.json"

# The cues the model reads one by one besides their hand-weighted sum: all but the bias and the change
# of language (a feature of its own, asked only where it could matter).
_CUE_NAMES = tuple(name for name in WEIGHTS if name not in ("bias", "language"))
_cues_read = itemgetter(*(i for i, name in enumerate(WEIGHTS) if name in _CUE_NAMES))
FEATURES = (
    "cue_score",  # the hand-weighted cue score, the change of language and the subhead cue included
    "language",  # the two paragraphs are in different languages (`language_change`)
    "subhead",  # the gap's title reads as a subhead (`is_subhead`)
    "lines",  # log(1 + the number of lines in the gap)
    "colon",  # the paragraph before ends with a colon: it introduces what follows
    "title_lede",  # the largest share of a title's words found in the two paragraphs under it
    "title_back",  # ... in the two paragraphs above it
    "title",  # a headline-shaped or short line stands in the gap
    "repeat",  # log(1 + the gaps among the REPEAT_REACH on each side laid out like this one)
    "next_prose",  # the line-role model's P(body) of the paragraph after
    "prev_prose",  # ... of the paragraph before
    "next_length",  # log(1 + characters) of the paragraph after
    "prev_length",  # ... of the paragraph before
    "next_short",  # the paragraph after has fewer than SHORT_WORDS words
    "prev_short",  # ... the paragraph before
    "furniture_run",  # log(1 + the furniture lines in the gap), however many
    "title_over_meta",  # a headline-shaped line stands over a byline or date line: a page's header
    "year_change",  # the years the FIT_REACH + 1 paragraphs on each side name: both name some, none the same
    "under_title",  # log(1 + the paragraphs between the last gap above holding a title and this gap)
    "under_title_length",  # log(1 + their characters): a title over a deck or caption alone is no article
    *_CUE_NAMES,  # the cues of the cue score (`WEIGHTS`), one by one
)
REPEAT_REACH = 8
SHORT_WORDS = 15
FIT_REACH = 3  # paragraphs beyond the two next to a gap whose years are compared
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


_NO_WORDS: frozenset[str] = frozenset()


def year_change(typed: list[TypedLine], body: list[int]) -> list[float]:
    """For each position among the body paragraphs, 1 when the FIT_REACH + 1 paragraphs before it and
    those from it on both name years (1900-2099) and none the same: reports of other times."""
    # Most paragraphs name no year: the regular expression runs only where a year could be.
    years = [
        frozenset(_YEAR.findall(text)) if "19" in text or "20" in text else _NO_YEARS
        for text in (typed[i].text for i in body)
    ]
    out = [0.0] * len(body)
    if not any(years):  # no paragraph names a year: no position changes them
        return out
    for pos in range(1, len(body)):
        before = _NO_YEARS.union(*years[max(0, pos - 1 - FIT_REACH) : pos])
        if before:
            after = _NO_YEARS.union(*years[pos : pos + 1 + FIT_REACH])
            out[pos] = float(bool(after) and not before & after)
    return out


_NO_YEARS: frozenset[str] = frozenset()


class GapModel:
    """Boosted decision trees over `FEATURES`: their summed leaf values are a gap's log-odds of starting
    an article, and it starts one from `threshold`.

    Each tree is laid out as a complete binary tree of its depth (node i has children 2i + 1 and
    2i + 2; a leaf above the last level passes its rows on to the left down to its value), so a
    document's gaps go down all the trees at once, one array step per level.
    """

    def __init__(self, weights: dict[str, Any]) -> None:
        if tuple(weights["features"]) != FEATURES:
            raise ValueError("gap model was trained on other features; run `dateline train gaps`")
        self.depth = depth = int(weights["depth"])
        trees = weights["trees"]
        width = 2 ** (depth + 1) - 1  # nodes of a complete tree of this depth
        self.feature = np.zeros((len(trees), width), dtype=np.int64)
        self.split = np.full((len(trees), width), np.inf)  # +inf: every row goes left
        self.value = np.zeros((len(trees), width))
        for t, tree in enumerate(trees):
            # (node of the tree as trained, its place in the complete layout, its depth)
            stack = [(0, 0, 0)]
            while stack:
                node, place, level = stack.pop()
                left, right = tree["left"][node], tree["right"][node]
                if left < 0:  # a leaf: its value waits at the leftmost place of the last level under it
                    self.value[t, (place + 1) * 2 ** (depth - level) - 1] = float(tree["value"][node])
                    continue
                self.feature[t, place] = int(tree["feature"][node])
                self.split[t, place] = float(tree["threshold"][node])
                stack += [(left, 2 * place + 1, level + 1), (right, 2 * place + 2, level + 1)]
        self.offsets = np.arange(len(trees)) * width
        # Each node's left child, as an index into the flat arrays of all the trees (the right child
        # is the next one); the last level has no children and keeps 0.
        places = np.arange(width)
        inner = places < 2**depth - 1
        self.left = (self.offsets[:, None] + np.where(inner, 2 * places + 1, -self.offsets[:, None])).ravel()
        self.feature, self.split, self.value = self.feature.ravel(), self.split.ravel(), self.value.ravel()
        self.base = float(weights["base"])
        self.threshold = float(weights["threshold"])
        self.info: dict[str, Any] = dict(weights.get("info", {}))

    def logits(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The log-odds of each row of `x` (one row of `FEATURES` per gap)."""
        # The trees were grown on single-precision features, as scikit-learn compares them.
        x32 = np.asarray(x, dtype=np.float32)
        # Each row's features read from the flat array (`take` on flat indices is quicker than
        # indexing by row and column).
        flat = x32.ravel()
        starts = (np.arange(len(x32)) * x32.shape[1])[:, None]
        node = self.offsets  # every tree's root, then for each row the node it reached
        for _ in range(self.depth):
            passed = flat.take(starts + self.feature.take(node)) > self.split.take(node)
            node = self.left.take(node) + passed
        out: npt.NDArray[np.float64] = self.base + np.add.reduce(self.value.take(node), axis=1)
        return out

    def logit(self, row: Sequence[float]) -> float:
        """The log-odds that a gap with these feature values starts an article."""
        return float(self.logits(np.array([row], dtype=np.float64))[0])


@lru_cache(maxsize=1)
def load_gap_model(path: str | None = None) -> GapModel | None:
    """The shipped gap model, or None when the package has none (the cue score alone then decides)."""
    file = Path(path) if path else MODEL_PATH
    if not file.is_file():
        return None
    return GapModel(json.loads(file.read_text("utf-8")))


def _layout(gap: Gap, typed: list[TypedLine]) -> tuple[str, ...]:
    return tuple(typed[i].kind for i in gap.lines)


def gap_rows(
    gaps: Sequence[Gap], typed: list[TypedLine], body: list[int], cont: Continuity
) -> list[list[float] | None]:
    """`FEATURES` of each gap between two paragraphs (None for the leading and trailing runs)."""
    layouts = [_layout(g, typed) if g.lines else () for g in gaps]
    years = year_change(typed, body)
    rows: list[list[float] | None] = []
    # The paragraphs since the last gap that held a headline-shaped line (the document's start when
    # none did): an article opens with a title over a body, and a title over one short paragraph (its
    # deck, a caption read as prose) with no title below it before the next cut is rarely a page.
    since, since_length = 0, 0
    for k, gap in enumerate(gaps):
        under, under_length = math.log1p(since), math.log1p(since_length)
        if gap.lines and any(typed[i].kind == HEADLINE for i in gap.lines):
            since, since_length = 0, 0
        if gap.after is not None:
            since += 1
            since_length += len(typed[gap.after].text)
        if gap.before is None or gap.after is None:
            rows.append(None)
            continue
        prev, nxt = typed[gap.before], typed[gap.after]
        lede = back = titled = over_meta = 0.0
        repeat = furniture = 0
        if gap.lines:  # most gaps are two paragraphs in a row, with no line between them
            gap_lines = [typed[i] for i in gap.lines]
            titles = [t for t in gap_lines if t.kind in (HEADLINE, SHORT) and t.words]
            if titles:
                titled = 1.0
                after, before = lede_words(gap, typed, body)
                lede = max(len(t.words & after) / len(t.words) for t in titles)
                back = max(len(t.words & before) / len(t.words) for t in titles)
            furniture = sum(t.kind == FURNITURE for t in gap_lines)
            seen_title = False
            for t in gap_lines:
                if t.kind == HEADLINE:
                    seen_title = True
                elif seen_title and t.kind in (BYLINE, DATE):
                    over_meta = 1.0
                    break
            layout = layouts[k]
            for j in range(max(0, k - REPEAT_REACH), min(len(gaps), k + REPEAT_REACH + 1)):
                repeat += j != k and layouts[j] == layout
        cues = _cue_values(gap, typed, body, cont, language=False)
        language = language_change(prev, nxt)
        subhead = is_subhead(gap, typed, body)
        rows.append(
            [
                # The cue score as `score_gap` gives it (the cues came with the language left at 0).
                sum(map(mul, _WEIGHT_VALUES, cues)) + _LANGUAGE_WEIGHT * language + SUBHEAD_WEIGHT * subhead,
                language,
                subhead,
                math.log1p(len(gap.lines)),
                float(prev.text.rstrip().endswith(":")),
                lede,
                back,
                titled,
                math.log1p(repeat),
                nxt.prose,
                prev.prose,
                math.log1p(len(nxt.text)),
                math.log1p(len(prev.text)),
                float(nxt.text.count(" ") + 1 < SHORT_WORDS),
                float(prev.text.count(" ") + 1 < SHORT_WORDS),
                math.log1p(furniture),
                over_meta,
                years[gap.pos],
                under,
                under_length,
                *_cues_read(cues),
            ]
        )
    return rows


def gap_scores(gaps: Sequence[Gap], typed: list[TypedLine], body: list[int], cont: Continuity) -> list[float]:
    """For each gap, how strongly it starts a new article, as log-odds over its threshold: a gap
    starts an article when its score is at least 0 (the leading and trailing runs get -inf).

    With the learned model, its log-odds less its threshold (all the gaps of a document at once);
    else the cue score less THRESHOLD.
    """
    model = load_gap_model()
    if model is None:
        return [
            score_gap(g, typed, body, cont, THRESHOLD) - THRESHOLD
            if g.before is not None and g.after is not None
            else -math.inf
            for g in gaps
        ]
    rows = gap_rows(gaps, typed, body, cont)
    inner = [k for k, row in enumerate(rows) if row is not None]
    scores = [-math.inf] * len(gaps)
    if inner:
        logit = model.logits(np.array([rows[k] for k in inner], dtype=np.float64)) - model.threshold
        for k, value in zip(inner, logit.tolist(), strict=True):
            scores[k] = value
    return scores
