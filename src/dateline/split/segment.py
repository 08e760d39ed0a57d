"""Article boundaries: one scored decision per gap between body paragraphs.

Every line is typed (body, headline-shaped, byline, date, furniture). The
non-body lines between two body lines form a gap. Each gap gets a score, the
log-odds of a logistic model over all the cues together (a dateline opening
the next paragraph, a byline, a date line, a headline, furniture, a last
sentence cut off, a lower-case or quoted continuation, a change of language,
a dip in tf-idf cohesion and new names); gaps scoring above a threshold start
a new article. Inside a chosen gap, each line leans to the page before
(sign-offs, related lists, a sentence cut off with the page) or to the next
(section labels, headline, byline, date, lines about what follows), and the
cut maximises the lean of the lines after it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

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
from dateline.split.language import guess_language

BODY, HEADLINE, BYLINE, DATE, FURNITURE = "body", "headline", "byline", "date", "furniture"
SHORT = "short"  # a few words without final punctuation: a label, a caption credit, a cut-off word

# Where a line of a gap goes (`line_lean`): weights of a logistic model fitted on the development
# cases, rounded; positive means the line opens the next article.
LEAN_WEIGHTS: dict[str, float] = {
    "bias": 2.2,
    "headline": -0.7,
    "short": -0.65,
    "byline_or_date": 0.85,
    "head_furniture": 0.45,  # navigation, site names, section labels in lower case ("news")
    "tail_furniture": -4.5,  # sign-offs, copyright, comment forms, related lists, page scripts
    "other_furniture": 0.05,
    "label": -1.75,  # a lone capitalised word: a section label, or the first word of a cut paragraph
    "label_over_headline": 1.3,  # ... right above a headline: a section label
    "first": -1.6,  # the line right after the body
    "cut_off": -1.45,  # ... reads as a sentence cut off with the page
    "dangling": -0.85,  # ... ends in a function word
    "after_full_stop": -1.05,  # the body before ends a sentence, so the page may go on with its tail
    "headline_list": -1.2,  # one of several headlines in a row: a list of related stories
    "position": 1.2,  # how far into the gap (the later, the likelier the next page)
    "topic": 4.4,  # shares more words with the next paragraphs than with the previous ones
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

# Weights of the boundary cues: a logistic model fitted on the development cases (pasted pages of
# many outlets), then rounded. A gap whose score reaches THRESHOLD starts a new article.
# Positive weights are cues that a page ended or began; negative ones say the text goes on.
WEIGHTS: dict[str, float] = {
    "bias": -8.0,
    "dateline": 3.0,  # the next paragraph opens with a dateline (raised by hand: only articles open with one)
    "byline": 1.0,  # a byline in the gap (set by hand; the fit, misled by live blogs, gives it nothing)
    "date": 5.7,  # a date line ("Published: ...", "Updated 5:36 a.m. ET, November 14, 2022")
    "headline": 1.55,  # a headline-shaped line
    "furniture": 1.2,  # per furniture line, up to three
    "truncated": 3.15,  # the paragraph before ends without final punctuation
    "cut_off": 1.0,  # ... and reads as a sentence cut off mid-way
    "full_stop": 0.65,  # the paragraph before ends a sentence
    "lowercase": -5.1,  # the next paragraph starts in lower case: a sentence continued
    "language": 6.5,  # the two paragraphs are in different languages
    "no_gap": -1.6,  # two paragraphs with nothing between them
    "tail_furniture": -1.35,  # sign-offs and related lists close a page, usually far from the next one
    "sign_off": 0.0,  # "(END)", "Reporting by ...": an agency closes its story
    "head_furniture": 2.25,  # navigation opens a page
    "site": 3.1,  # a site's name and description
    "list": -5.4,  # two items of one bulleted list
    "quote": -1.4,  # the next paragraph opens a quotation: reported speech goes on
    "cohesion": 6.2,  # times (0.3 - tf-idf cosine of the paragraphs on each side)
    "depth": 9.1,  # how far the cosine dips below its neighbours on both sides (TextTiling's depth)
    "novelty": 3.65,  # share of the names in the next paragraphs that the text before never used
}
THRESHOLD = -0.2  # probability 0.45
WINDOW = 4  # body lines on each side compared for the vocabulary change
COHESION_BASE = 0.3
NAMES_BEFORE, NAMES_AFTER = 8, 2  # body lines whose names are compared across a gap
# A capitalised word (or run of them) not at the start of the text or of a sentence.
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}(?:[- ][A-Z][a-z]+)*")
DEPTH_REACH = 3  # gaps on each side searched for the cosine peaks around a dip
_BULLETS = "-\u2022\u00b7*\u25cf\u2013"
_QUOTES = "\"\u201c\u2018'"


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


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of three letters or more that are not function words."""
    return frozenset(w for w in _lower_tokens(text) if w not in _STOP)


def _lower_tokens(text: str) -> list[str]:
    """The words of `text`, lower-cased: the whole line at once, unless lower-casing changed its length
    (the Turkish dotted I becomes "i" plus a combining dot, which is not a word letter); then word by word."""
    low = text.lower()
    if len(low) == len(text):
        return _TOKEN.findall(low)
    return [t.lower() for t in _TOKEN.findall(text)]


def _typed(index: int, line: Line, kind: str, text: str, **cues: object) -> TypedLine:
    """A typed line with its content words found once (cohesion and headline choice reuse them)."""
    tokens = [w for w in _lower_tokens(text) if w not in _STOP]
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
    elif len(text.split()) < 5 and not text.endswith((".", "?", "!", '"', "\u201d")):
        kind = SHORT
    else:
        kind = BODY
    return _typed(index, line, kind, text)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine overlap of two word sets."""
    if not a or not b:
        return 0.0
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


def cohesion(typed: list[TypedLine], body: list[int]) -> list[float]:
    """Tf-idf cosine between the WINDOW body lines before and after each body line (index: position in body).

    Words are weighted by how few lines of the document use them, so the names and topic words of
    one article, not words every article shares, decide whether two paragraphs belong together.
    """
    counts = [Counter(typed[i].tokens) for i in body]
    lines = len(body)
    df: Counter[str] = Counter(w for c in counts for w in c)
    idf = {w: math.log((lines + 1) / d) for w, d in df.items()}
    vectors = [{w: n * idf[w] for w, n in c.items()} for c in counts]
    # A window's vector is the sum of its lines' vectors, so every dot product and norm below is a
    # sum of dot products between two lines less than 2 * WINDOW apart: each is computed once,
    # near[a][d] holding the one between line a and line a + d.
    reach = 2 * WINDOW
    near: list[list[float]] = []
    for a, va in enumerate(vectors):
        row = []
        for b in range(a, min(lines, a + reach)):
            vb = vectors[b]
            # Only the words both lines use add to the product; the set intersection finds them fast.
            row.append(sum(va[w] * vb[w] for w in va.keys() & vb.keys()))
        near.append(row)

    def window_dot(first: range, second: range) -> float:
        return sum(near[a][b - a] if a <= b else near[b][a - b] for a in first for b in second)

    norms: dict[range, float] = {}  # each window is the right one at one gap and the left one later

    def norm(window: range) -> float:
        value = norms.get(window)
        if value is None:
            value = norms[window] = window_dot(window, window)
        return value

    sims = [0.0] * max(lines, 1)
    for pos in range(1, lines):
        left = range(max(0, pos - WINDOW), pos)
        right = range(pos, min(lines, pos + WINDOW))
        across = window_dot(left, right)
        if across:
            sims[pos] = across / math.sqrt(norm(left) * norm(right))
    return sims


def gap_features(gap: Gap, typed: list[TypedLine], body: list[int], sims: list[float]) -> dict[str, float]:
    """The cues around a gap between two body lines, each a number (most are 0 or 1)."""
    assert gap.before is not None and gap.after is not None
    prev, nxt = typed[gap.before], typed[gap.after]
    gap_lines = [typed[i] for i in gap.lines]
    kinds = [t.kind for t in gap_lines]
    reasons = {t.line.furniture for t in gap_lines}
    first = gap_lines[0] if gap_lines else None
    # The two paragraphs that meet at the gap, each long enough to tell its language.
    languages = {_language(prev.text), _language(nxt.text)}
    pos = bisect_left(body, gap.after)  # body is in order: no linear search per gap
    here = sims[pos]
    left_peak = max([sims[p] for p in range(max(1, pos - DEPTH_REACH), pos)] + [here])
    right_peak = max([sims[p] for p in range(pos + 1, min(len(body), pos + DEPTH_REACH + 1))] + [here])
    return {
        "bias": 1.0,
        "dateline": float(nxt.dateline is not None),
        "byline": float(BYLINE in kinds),
        "date": float(DATE in kinds),
        "headline": float(HEADLINE in kinds),
        # Advertisement slots sit inside articles as often as between them: they say nothing.
        "furniture": float(
            min(sum(t.kind == FURNITURE and t.line.furniture not in _INSIDE for t in gap_lines), 3)
        ),
        # List items end without a full stop by custom, so only prose can be cut off.
        "truncated": float(ends_truncated(prev.text) and not _is_list_item(prev)),
        "cut_off": float(
            (reads_cut_off(prev.text) and not _is_list_item(prev))
            or (first is not None and first.kind in (HEADLINE, SHORT) and reads_cut_off(first.text))
        ),
        "full_stop": float(prev.text.rstrip()[-1:] in '.!?"\u201d'),
        "lowercase": float(nxt.text[:1].islower()),
        "language": float(
            len(languages) == 2 and "und" not in languages and min(len(prev.text), len(nxt.text)) > 80
        ),
        "no_gap": float(not gap_lines),
        "tail_furniture": float(bool(reasons & TAIL_REASONS)),
        "sign_off": float("sign-off" in reasons),
        "head_furniture": float(bool(reasons & HEAD_REASONS)),
        "site": float("site-description" in reasons),
        "list": float(_is_list_item(prev) and _is_list_item(nxt)),
        "quote": float(nxt.text[:1] in _QUOTES),
        "cohesion": COHESION_BASE - here,
        "depth": (left_peak - here) + (right_peak - here),
        "novelty": _novelty(typed, body, pos),
    }


@lru_cache(maxsize=8192)
def _language(text: str) -> str:
    """The language of one paragraph, remembered: each paragraph meets two gaps."""
    return guess_language(text)


@lru_cache(maxsize=8192)
def names(text: str) -> frozenset[str]:
    """Capitalised words inside sentences (not sentence-initial): the people, places and bodies named."""
    return frozenset(m.group(0).lower() for m in _NAME.finditer(text) if m.group(0).lower() not in _STOP)


def _novelty(typed: list[TypedLine], body: list[int], pos: int) -> float:
    """Share of the names in the body lines from `pos` on that the NAMES_BEFORE lines before never used.

    A new article brings in new people and places; a paragraph of the same article mostly names
    those already met. 0.5 when the paragraphs name no one.
    """
    before: set[str] = set()
    for k in range(1, NAMES_BEFORE + 1):
        if pos - k >= 0:
            before |= names(typed[body[pos - k]].text)
    after: set[str] = set()
    for k in range(NAMES_AFTER):
        if pos + k < len(body):
            after |= names(typed[body[pos + k]].text)
    return len(after - before) / len(after) if after else 0.5


def score_gap(gap: Gap, typed: list[TypedLine], body: list[int], sims: list[float] | None = None) -> float:
    """How strongly the cues around `gap` say that a new article starts there (a log-odds)."""
    if gap.before is None or gap.after is None:
        return -math.inf
    features = gap_features(gap, typed, body, cohesion(typed, body) if sims is None else sims)
    return sum(WEIGHTS[name] * value for name, value in features.items())


def clear_caches() -> None:
    """Forget the paragraphs' remembered languages and names (for timing runs that must start cold)."""
    _language.cache_clear()
    names.cache_clear()


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
    t = typed[gap.lines[k]]
    n = len(gap.lines)
    reason = t.line.furniture
    nxt = typed[gap.lines[k + 1]] if k + 1 < n else None
    words = t.text.split()
    label = reason == "label"
    features = {
        "bias": 1.0,
        "headline": float(t.kind == HEADLINE),
        "short": float(t.kind == SHORT),
        "byline_or_date": float(t.kind in (BYLINE, DATE)),
        # A cut paragraph begins with a capital; a lone word in lower case is a section label.
        "head_furniture": float(reason in HEAD_FURNITURE or (label and t.text[:1].islower())),
        "tail_furniture": float(reason in TAIL_FURNITURE),
        "other_furniture": float(
            t.kind == FURNITURE and reason not in HEAD_FURNITURE | TAIL_FURNITURE | {"label"}
        ),
        "label": float(label and not t.text[:1].islower()),
        "label_over_headline": float(label and nxt is not None and nxt.kind == HEADLINE),
        "first": float(k == 0),
        "cut_off": float(k == 0 and t.kind in (HEADLINE, SHORT) and reads_cut_off(t.text)),
        "dangling": float(k == 0 and bool(words) and words[-1].lower() in DANGLING),
        "after_full_stop": float(
            gap.before is not None and typed[gap.before].text.rstrip()[-1:] in '.!?"\u201d'
        ),
        "headline_list": float(t.kind == HEADLINE and nxt is not None and nxt.kind == HEADLINE),
        "position": (k + 1) / n,
        "topic": _topic_lean(t, typed, body, gap),
    }
    return sum(LEAN_WEIGHTS[name] * value for name, value in features.items())


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
    if first is not None and first.kind in (HEADLINE, SHORT) and n >= 2 and reads_cut_off(first.text):
        # The page's last sentence, cut off, follows its body: the next page starts right after it.
        return 1
    lean = [line_lean(k, gap, typed, body) for k in range(n)]
    best_cut, best = 0, sum(lean)
    for cut in range(1, n + 1):
        total = sum(lean[cut:])
        if total > best:
            best_cut, best = cut, total
    return best_cut
