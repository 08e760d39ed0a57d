"""The vocabulary pass: how each body paragraph carries on from those before it, in one pass.

Over the body lines of a document (`roles.type_lines`), in order: the tf-idf cosine of the
windows of paragraphs before and after each one (TextTiling's cohesion, and how far it dips),
the overlap of their content words, the share of names never used before, and whether the
quotation marks change their style. The gaps between paragraphs read these by position
(`gaps`), so the text is gone over once, however many gaps ask.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import numpy.typing as npt

from dateline.split.features import TypedLine

WINDOW = 4  # body lines on each side compared for the vocabulary change
CHUNK = 64  # body positions whose vocabulary change is computed at once (`_window_cues`)
NAMES_BEFORE, NAMES_AFTER = 8, 2  # body lines whose names are compared across a gap
NAMES_BEFORE_LONG = 12  # ... and for the next paragraph alone, against a longer stretch before it
TYPE_REACH = 3  # paragraphs on each side whose quotation marks are compared (`_typography`)
DEPTH_REACH = 3  # gaps on each side searched for the cosine peaks around a dip


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
    lengths = [len(typed[i].tokens) for i in body]
    lines = np.repeat(np.arange(n, dtype=np.int64), lengths)
    offsets = np.concatenate(([0], np.add.accumulate(lengths)))
    whole = n <= CHUNK + 1  # one block holds every body line: most documents
    if not whole:
        # How many lines use each word: the distinct (line, word) pairs, counted by word.
        pairs = np.unique(lines * len(vocab) + codes)
        idf = math.log(n + 1) - np.log(np.bincount(pairs % len(vocab), minlength=len(vocab)))
    for first in range(1, n, CHUNK):
        last = min(n, first + CHUNK)
        top, bottom = max(0, first - WINDOW), min(n, last + WINDOW)
        block = slice(offsets[top], offsets[bottom])  # the tokens of body lines top..bottom-1
        if whole:
            columns, inverse = None, codes
        else:
            columns, inverse = np.unique(codes[block], return_inverse=True)
        width = len(vocab) if columns is None else len(columns)
        # WINDOW rows of zeros on each side stand for the lines past the ends of the text; row r
        # of the block is body line top + r - WINDOW.
        height = bottom - top + 2 * WINDOW
        cells = (lines[block] - top + WINDOW) * width + inverse
        counts = np.bincount(cells, minlength=height * width).reshape(height, width)
        words = counts > 0
        if whole:
            # The block is the whole text: how many lines use each word is a sum of its rows of words.
            idf = math.log(n + 1) - np.log(np.add.reduce(words, axis=0))
        grid = counts * (idf if columns is None else idf[columns])
        cues = _block_cues(grid, words, first - top, last - top)
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
    # The ufunc's own reduction: the same sums as `.sum`, without its Python layers (a few dozen such
    # calls per document are much of the cost of a short one).
    shared = np.add.reduce(a & b, axis=1)
    product = np.add.reduce(a, axis=1) * np.add.reduce(b, axis=1)
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
    if n < 2:
        return [0.0] * n
    here = np.array(sims)
    # Each side's stretch includes the position itself, so a peak is never below `here`; the stretch
    # on the left starts at position 1, the first with a gap before it.
    left, right = here.copy(), here.copy()
    for k in range(1, min(DEPTH_REACH, n - 1) + 1):
        left[k + 1 :] = np.maximum(left[k + 1 :], here[1 : n - k])
        right[: n - k] = np.maximum(right[: n - k], here[k:])
    depth = (left - here) + (right - here)
    depth[0] = 0.0
    return list(depth.tolist())


def paragraph_continuity(typed: list[TypedLine], body: list[int]) -> Continuity:
    """Every paragraph's continuity with the text before it, in one pass over the body lines."""
    n = len(body)
    line_names = [typed[i].named for i in body]
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
