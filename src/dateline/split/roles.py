"""Line roles: body, furniture, or the article's title and metadata (headline, byline, date line).

Each line's first role cue (`dateline.split.features.read_line`) is corrected by its neighbours
(`type_lines`: a line over a byline is a title, a sentence between a title and its byline a
deck), then by a model learned across many sites.

The hand-written furniture patterns know the sites they were written on; a line of a site
never seen ("Support independent journalism", a menu of section names, a teaser list) is
told by its shape. Each cleaned line is described by features that carry from one site to
another — its length, punctuation, capitals, digits, the share of short lower-case words
(function words in most languages, no word list needed), its place on the page, whether
it repeats, what its neighbours look like, and what the rules made of it — and small
networks (five from fixed seeds, their probabilities averaged) trained across the scrapinghub
pages (about 180 sites) and the hand-labelled news pages (`dateline train lines`, fit parts
only) give each line the probability of each role.

The model is a JSON file of weights (`dateline/models/line-roles.json`); running it is a
few matrix products per document with numpy, no other dependency.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dateline.model import Line
from dateline.split.cues import find_split_byline
from dateline.split.features import BODY, BYLINE, DATE, FURNITURE, HEADLINE, SHORT, TypedLine, read_line
from dateline.split.language import unspaced_words

ROLES = ("BODY", "FURNITURE", "META")  # META: headline, byline, date line — the article's metadata
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "line-roles.json"

_SENTENCE_END = frozenset(".!?\u3002\uff01\uff1f")
_CLOSERS = "\"'\u201d\u2019)\u00bb"
_SEPARATORS = re.compile(r"[|\u2022\u00b7\u00bb\u203a/>]")
_PROSE_WORDS = 12  # a line with this many words that ends a sentence is prose
# Characters counted by regular expressions, which run in C (a Python loop over the characters of
# every line took more time than the rest of the split).
_UPPER = re.compile(r"[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]")
_DIGIT = re.compile(r"\d")


def _character_classes() -> bytes:
    """A table from each ASCII character to its class, for the counts of `_shape`: U a capital, a a
    lower-case letter, 0 a digit, | a separator (`_SEPARATORS`), a space for any whitespace, ~ the rest."""
    table = bytearray(b"~" * 256)
    for code in range(128):
        char = chr(code)
        if char.isspace():
            table[code] = ord(" ")
        elif "A" <= char <= "Z":
            table[code] = ord("U")
        elif "a" <= char <= "z":
            table[code] = ord("a")
        elif char.isdigit():
            table[code] = ord("0")
        elif _SEPARATORS.match(char):
            table[code] = ord("|")
    return bytes(table)


_CLASSES = _character_classes()
# The marks past ASCII that most lines of English news hold, each with an ASCII character of the
# same class (`_character_classes`): typographic quotes and dashes are neither letters, digits,
# separators nor spaces; the no-break space is a space; the closing guillemet a separator. A line
# past ASCII only in these is counted as an ASCII line.
_ASCII_STAND_INS = (
    ("\u2019", "~"),
    ("\u201c", "~"),
    ("\u201d", "~"),
    ("\u2018", "~"),
    ("\u2014", "~"),
    ("\u2013", "~"),
    ("\u2026", "~"),
    ("\u00ab", "~"),
    ("\u00bb", "|"),
    ("\u00a0", " "),
)

FEATURES = (
    "bias",
    "log_chars",
    "log_words",
    "ends_sentence",
    "ends_colon",
    "ends_other",
    "first_lower",
    "first_digit",
    "first_symbol",
    "upper_share",
    "digit_share",
    "title_share",
    "short_lower_share",
    "mean_word_length",
    "commas_per_word",
    "separators",
    "webby",
    "rule_furniture",
    "position",
    "near_top",
    "near_bottom",
    "repeated",
    "context_log_chars",
    "context_prose",
    "context_furniture",
    "inside_prose",
    "log_distance_to_prose",
    "prose",
    "prev_prose",
    "next_prose",
)


def _webby(text: str) -> bool:
    """An address, a handle or a copyright sign: substring tests, far cheaper than a pattern."""
    return "@" in text or "://" in text or "www." in text or ".com" in text or "\u00a9" in text


def _words_and_key(text: str) -> tuple[int, str]:
    """How many words a split on whitespace gives, and the line as its repetitions are matched (its
    words joined by single spaces, case folded). Most lines are printable with single spaces between
    their words (every whitespace character but the space is unprintable), and need not be split."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return (text.count(" ") + 1 if text else 0), text.casefold()
    words = text.split()
    return len(words), " ".join(words).casefold()


def _shape(text: str, split_words: int) -> list[float]:
    """The features of one line taken alone after the first three (`FEATURES[4:17]`), given how many
    words a split on whitespace gives (`_words_and_key`)."""
    n_chars = len(text)
    n_words = max(split_words, 1)
    last = text.rstrip(_CLOSERS)[-1:] if text else ""
    first = text[:1]
    letters = (n_chars - text.count(" ")) or 1  # characters that are not spaces
    counts = _class_counts(text)
    if counts is not None:
        upper, digits, separators, titled, short_lower = counts
    else:
        words = text.split()
        upper = len(_UPPER.findall(text))
        digits = len(_DIGIT.findall(text))
        separators = len(_SEPARATORS.findall(text))
        titled = sum(map(str.isupper, [w[0] for w in words]))
        short_lower = sum(len(w) <= 3 and w.islower() and w.isalpha() for w in words if len(w) <= 3)
    return [
        float(last == ":"),
        float(bool(last) and not last.isalnum() and last not in _SENTENCE_END and last != ":"),
        float(first.islower()),
        float(first.isdigit()),
        float(bool(first) and not first.isalnum() and first not in "\"'\u201c\u2018("),
        upper / letters,
        digits / max(n_chars, 1),
        titled / n_words,
        short_lower / n_words,
        min((n_chars - split_words + 1) / n_words, 20.0) / 10,
        text.count(",") / n_words,
        min(separators, 5) / 5,
        float(_webby(text)),
    ]


def _class_counts(text: str) -> tuple[int, int, int, int, int] | None:
    """The capitals, digits and separators of a line, its words that start with a capital, and its
    words of one to three lower-case letters; None for a line past ASCII other than in its quotes,
    dashes and spaces (`_ASCII_STAND_INS`), which the caller counts character by character.

    Each character becomes its class (`_CLASSES`) in one pass in C, and every count is a count of
    classes or of runs of them: a capital after a space starts a word; with every space doubled, a
    short lower-case word is a run of one to three letters between two spaces.
    """
    if not text.isascii():
        for mark, stand_in in _ASCII_STAND_INS:
            if mark in text:
                text = text.replace(mark, stand_in)
        if not text.isascii():
            return None
    classes = text.encode("ascii").translate(_CLASSES)
    spaced = b" " + classes.replace(b" ", b"  ") + b" "
    return (
        classes.count(b"U"),
        classes.count(b"0"),
        classes.count(b"|"),
        classes.count(b" U") + classes.startswith(b"U"),
        spaced.count(b" a ") + spaced.count(b" aa ") + spaced.count(b" aaa "),
    )


_NO_SHAPE = [0.0] * 13


def line_features(lines: Sequence[Line], asked: Sequence[bool] | None = None) -> npt.NDArray[np.float64]:
    """One row of `FEATURES` per line of a cleaned document.

    When `asked` is given, only the lines it marks get their full shape (the others, whose roles
    nobody asks for, keep only what their neighbours' rows use): the shape is most of the cost.
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    texts = [line.text for line in lines]
    split_words, keys_of = zip(*map(_words_and_key, texts), strict=True)
    log_chars = np.log1p(np.array([len(t) for t in texts], dtype=np.float64))
    # Chinese and Japanese lines are one "word" to a split: their characters count instead.
    n_words = np.array(
        [w + unspaced_words(t) for t, w in zip(texts, split_words, strict=True)], dtype=np.float64
    )
    ends = np.array([float(t.rstrip(_CLOSERS)[-1:] in _SENTENCE_END) for t in texts])
    shapes = [
        _shape(t, w) if asked is None or asked[i] else _NO_SHAPE
        for i, (t, w) in enumerate(zip(texts, split_words, strict=True))
    ]
    furniture = np.array([float(line.furniture is not None) for line in lines])
    prose = ends * (n_words >= _PROSE_WORDS)  # ends a sentence and is long
    keys = Counter(keys_of)
    prose_at = np.flatnonzero(prose)
    first_prose = prose_at[0] if len(prose_at) else n
    last_prose = prose_at[-1] if len(prose_at) else -1
    # Means over the two lines on each side (the line itself left out), as windowed sums.
    window = np.ones(5)

    def windowed(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.convolve(values, window)[2 : n + 2]

    counts = windowed(np.ones(n)) - 1
    counts[counts == 0] = 1

    def around(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return (windowed(values) - values) / counts

    index = np.arange(n)
    if len(prose_at):
        k = np.clip(np.searchsorted(prose_at, index), 0, len(prose_at) - 1)
        before = np.clip(k - 1, 0, len(prose_at) - 1)
        nearest = np.minimum(np.abs(index - prose_at[k]), np.abs(index - prose_at[before]))
    else:
        nearest = np.full(n, n)
    repeated = np.array([float(keys[k] > 1) for k in keys_of])
    prev_prose = np.concatenate(([0.0], prose[:-1]))
    next_prose = np.concatenate((prose[1:], [0.0]))
    columns = np.column_stack(
        [
            np.ones(n),
            log_chars,
            np.log1p(n_words),
            ends,
            np.array(shapes),
            furniture,
            index / max(n - 1, 1),
            (index < 3).astype(float),
            (index >= n - 3).astype(float),
            repeated,
            around(log_chars),
            around(prose),
            around(furniture),
            ((index >= first_prose) & (index <= last_prose)).astype(float),
            np.log1p(nearest),
            prose,
            prev_prose,
            next_prose,
        ]
    )
    return columns.astype(np.float64)


class LineRoleModel:
    """Networks of one hidden layer over standardised `FEATURES`, their P(role) averaged.

    The networks run as one: their hidden layers side by side in one matrix product, and their
    output layers as one block-diagonal matrix (a third quicker than a product per network).
    """

    def __init__(self, weights: dict[str, Any]) -> None:
        if tuple(weights["features"]) != FEATURES or tuple(weights["roles"]) != ROLES:
            raise ValueError("line-role model was trained on other features or roles; run `make model`")
        nets = weights.get("nets") or [weights]
        self.mean = np.array(weights["mean"])
        self.scale = np.array(weights["scale"])
        self.w1 = np.hstack([np.array(n["w1"]) for n in nets])
        self.b1 = np.concatenate([np.array(n["b1"]) for n in nets])
        outputs = [np.array(n["w2"]) for n in nets]  # hidden x roles, one per network
        hidden, k = outputs[0].shape
        self.nets = len(nets)
        self.w2 = np.zeros((hidden * self.nets, k * self.nets))
        for i, w2 in enumerate(outputs):
            self.w2[i * hidden : (i + 1) * hidden, i * k : (i + 1) * k] = w2
        self.b2 = np.concatenate([np.array(n["b2"]) for n in nets])
        self.info: dict[str, Any] = dict(weights.get("info", {}))

    def probabilities(self, features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """P(role) for each row of features, columns in `ROLES` order."""
        if len(features) == 0:
            return np.zeros((0, len(ROLES)))
        hidden = np.tanh(((features - self.mean) / self.scale) @ self.w1 + self.b1)
        logits = (hidden @ self.w2 + self.b2).reshape(len(features), self.nets, len(ROLES))
        logits -= logits.max(axis=2, keepdims=True)
        exp = np.exp(logits)
        return (exp / exp.sum(axis=2, keepdims=True)).mean(axis=1)

    def roles(self, lines: Sequence[Line], asked: Sequence[bool] | None = None) -> npt.NDArray[np.float64]:
        """P(role) of every line of a cleaned document (meaningful for the lines `asked` marks, if given)."""
        return self.probabilities(line_features(lines, asked))


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> LineRoleModel | None:
    """The shipped line-role model, or None when the package has none (the rules alone then decide)."""
    file = Path(path) if path else MODEL_PATH
    if not file.is_file():
        return None
    return LineRoleModel(json.loads(file.read_text("utf-8")))


# The roles of a document's lines: each line's first cue (`features.read_line`), corrected by its
# neighbours, then by the model above.

HEADLINE_WORDS = 20  # at most this many words in a headline printed right above its byline
DECK_WORDS = 40  # at most this many words in a deck printed between a headline and its byline or date


def type_lines(lines: tuple[Line, ...] | list[Line]) -> list[TypedLine]:
    """Type every line, then let a line's neighbours correct it.

    A short line printed right above a byline is the headline even when it ends in a full stop
    ("... reaffirm commitment: State Dept."): nothing else sits between a page's title and its byline.
    A sentence between a title and the byline or date line under it is the title's deck, not the
    first paragraph.
    """
    typed = [read_line(i, line) for i, line in enumerate(lines)]
    _split_bylines(typed)
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


def _split_bylines(typed: list[TypedLine]) -> None:
    """Type as a byline the two lines of a byline split in two ("By" over "Jane Doe | Fox News"), so that
    the title over it reads as one over its byline (`find_split_byline`)."""
    for k, t in enumerate(typed[:-1]):
        # A lead word is a short line: the test on its length spares the others the lower-casing.
        if len(t.text) > 12 or t.kind not in (FURNITURE, SHORT):
            continue
        below = typed[k + 1]
        name = find_split_byline(t.text, below.text) if below.kind in (HEADLINE, SHORT, BYLINE) else None
        if name is None:
            continue
        for line in (t, below):
            line.kind, line.byline = BYLINE, name
            if line.line.furniture is not None:
                line.line = replace(line.line, furniture=None)


# A paragraph the rules kept is furniture when the line-role model gives furniture at least this
# probability and the title role (headline, byline, date) less than LEARNED_META. Both were chosen
# on the fit part (cases, scrapinghub and news pages); lower thresholds took more furniture on the
# scrapinghub pages and cost the cases' boundaries and headlines.
LEARNED_FURNITURE = 0.85
LEARNED_META = 0.05
# Furniture is short: of the fit lines over this many words, 90 are text and 6 furniture. The model
# saw few lines so long, and its reading of one (a whole article pasted as one paragraph) moved with
# its training seed, so such a paragraph stays text.
LEARNED_MAX_WORDS = 100


def _learned_furniture(typed: list[TypedLine], lines: tuple[Line, ...] | list[Line]) -> None:
    """Mark as furniture the paragraphs the rules kept as text that the line-role model (learned
    across many sites, `LineRoleModel`) reads as furniture: promotions, cookie notices,
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
    # As Python floats: read three times a line, they are quicker than the array's own numbers.
    probabilities = model.roles(lines, asked).tolist()
    for t, ask, p in zip(typed, asked, probabilities, strict=True):
        if not ask:
            continue
        t.prose, t.furniture_p, t.meta_p = p
        if (
            t.kind == BODY
            and p[1] >= LEARNED_FURNITURE
            and p[2] < LEARNED_META
            and t.text.count(" ") < LEARNED_MAX_WORDS
        ):
            t.line = replace(t.line, furniture="learned")
            t.kind = FURNITURE
