"""Line shape: each line of a cleaned document as the numbers the line-role model reads (`FEATURES`).

The features carry from one site to another: a line's length, punctuation, capitals, digits,
the share of short lower-case words (function words in most languages, no word list needed),
its place on the page, whether it repeats, what its neighbours look like, and what the rules
made of it (`roles` runs the model over them). They are read once per line, each count by a
pass in C (`_class_counts`), and the features of the document's lines around each line by
windowed sums over the whole document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from dateline.model import Line
from dateline.split.language import unspaced_words

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
        return (text.count(" ") + 1 if text else 0), _folded(text)
    words = text.split()
    return len(words), _folded(" ".join(words))


def _folded(text: str) -> str:
    """`text.casefold()`: for ASCII text, the same as lower-casing, which has a fast path for it that
    case folding lacks (several times quicker on a line of prose)."""
    return text.lower() if text.isascii() else text.casefold()


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
    classes or of runs of them: a capital after a space starts a word; cut at every space, a short
    lower-case word is a piece of one to three letters.
    """
    if not text.isascii():
        for mark, stand_in in _ASCII_STAND_INS:
            if mark in text:
                text = text.replace(mark, stand_in)
        if not text.isascii():
            return None
    classes = text.encode("ascii").translate(_CLASSES)
    words = classes.split(b" ")  # the classes of each word (and an empty piece between two spaces)
    return (
        classes.count(b"U"),
        classes.count(b"0"),
        classes.count(b"|"),
        classes.count(b" U") + classes.startswith(b"U"),
        words.count(b"a") + words.count(b"aa") + words.count(b"aaa"),
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
    prose_at = np.flatnonzero(prose)
    first_prose = prose_at[0] if len(prose_at) else n
    last_prose = prose_at[-1] if len(prose_at) else -1
    index, position, counts = _positions(n)
    # The matrix is filled column by column in place: a document is a few dozen lines, and each
    # array made and stacked costs more than the arithmetic in it.
    out = np.empty((n, len(FEATURES)))
    out[:, 0] = 1.0
    out[:, 1] = log_chars
    out[:, 2] = np.log1p(n_words)
    out[:, 3] = ends
    out[:, 4:17] = shapes
    out[:, 17] = furniture
    out[:, 18] = position
    out[:, 19] = index < 3
    out[:, 20] = index >= n - 3
    if len(set(keys_of)) == n:  # most documents: no line repeats, told without counting them
        out[:, 21] = 0.0
    else:
        keys = Counter(keys_of)
        out[:, 21] = [keys[k] > 1 for k in keys_of]
    # Means over the two lines on each side (the line itself left out), as windowed sums.
    out[:, 22] = (_windowed(log_chars) - log_chars) / counts
    out[:, 23] = (_windowed(prose) - prose) / counts
    out[:, 24] = (_windowed(furniture) - furniture) / counts
    out[:, 25] = (index >= first_prose) & (index <= last_prose)
    if len(prose_at):
        k = np.minimum(np.searchsorted(prose_at, index), len(prose_at) - 1)
        before = np.maximum(k - 1, 0)
        out[:, 26] = np.log1p(np.minimum(np.abs(index - prose_at[k]), np.abs(index - prose_at[before])))
    else:
        out[:, 26] = np.log1p(np.full(n, n))
    out[:, 27] = prose
    out[:, 28] = 0.0
    out[1:, 28] = prose[:-1]
    out[:, 29] = 0.0
    out[:-1, 29] = prose[1:]
    return out


_WINDOW = np.ones(5)


def _windowed(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The sum of each value and the two on each side of it."""
    return np.convolve(values, _WINDOW)[2 : len(values) + 2]


@lru_cache(maxsize=512)
def _positions(n: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """For a document of `n` lines: each line's index, its relative position, and how many lines
    stand within two of it (at least 1), which depend on nothing else and are made once per length."""
    index = np.arange(n)
    counts = _windowed(np.ones(n)) - 1
    counts[counts == 0] = 1
    for array in (index, counts):
        array.flags.writeable = False
    position = index / max(n - 1, 1)
    position.flags.writeable = False
    return index, position, counts
