"""Line roles: body, furniture, or the article's title and metadata (headline, byline, date line).

Each line's first role cue (`dateline.split.features.read_line`) is corrected by its neighbours
(`type_lines`: a line over a byline is a title, a sentence between a title and its byline a
deck), then by a model learned across many sites.

The hand-written furniture patterns know the sites they were written on; a line of a site
never seen ("Support independent journalism", a menu of section names, a teaser list) is
told by its shape. Each cleaned line is described by features that carry from one site to
another (`dateline.split.shape`: its length, punctuation, capitals, digits, place on the page,
repetition, neighbours, and what the rules made of it), and small networks (five from fixed
seeds, their probabilities averaged) trained across the scrapinghub pages (about 180 sites) and
the hand-labelled news pages (`dateline train lines`, fit parts only) give each line the
probability of each role.

The model is a JSON file of weights (`dateline/models/line-roles.json`); running it is a
few matrix products per document with numpy, no other dependency.
"""

from __future__ import annotations

import json
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
from dateline.split.shape import FEATURES, line_features

ROLES = ("BODY", "FURNITURE", "META")  # META: headline, byline, date line — the article's metadata
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "line-roles.json"
# The same networks trained on the same lines without the line's place in the document
# (`FURNITURE_BLIND`), read only for what an article's text leaves out (`articles`): in a paste of
# several pages a line's place in the whole says nothing of where it stood on its own page (a teaser
# under one article sits above the next), while the split itself, which finds where articles start
# and their headlines, keeps the line-role model's reading (a title opens its page).
FURNITURE_MODEL_PATH = MODEL_PATH.with_name("line-furniture.json")
FURNITURE_BLIND = ("position",)


class LineRoleModel:
    """Networks of one hidden layer over standardised `FEATURES`, their P(role) averaged.

    The networks run as one: their hidden layers side by side in one matrix product, and their
    output layers as one block-diagonal matrix (a third quicker than a product per network).
    """

    def __init__(self, weights: dict[str, Any]) -> None:
        names = tuple(weights["features"])
        if not set(names) <= set(FEATURES) or tuple(weights["roles"]) != ROLES:
            raise ValueError("line-role model was trained on other features or roles; run `make model`")
        # A model may read some of `FEATURES` (the furniture model leaves the line's position out):
        # the columns it reads, or None for all of them in order.
        self.columns = None if names == FEATURES else np.array([FEATURES.index(f) for f in names])
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
        """P(role) for each row of features (all of `FEATURES`), columns in `ROLES` order."""
        if len(features) == 0:
            return np.zeros((0, len(ROLES)))
        if self.columns is not None:
            features = features[:, self.columns]
        hidden = np.tanh(((features - self.mean) / self.scale) @ self.w1 + self.b1)
        logits = (hidden @ self.w2 + self.b2).reshape(len(features), self.nets, len(ROLES))
        # The ufuncs' own reductions: the same numbers as `.max`, `.sum` and `.mean`, without their
        # Python layers, which cost a short document more than the arithmetic.
        logits -= np.maximum.reduce(logits, axis=2, keepdims=True)
        exp = np.exp(logits)
        out: npt.NDArray[np.float64] = np.add.reduce(exp / np.add.reduce(exp, axis=2, keepdims=True), axis=1)
        return out / self.nets

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


@lru_cache(maxsize=1)
def load_furniture_model(path: str | None = None) -> LineRoleModel | None:
    """The shipped furniture model (`FURNITURE_MODEL_PATH`), or None when the package has none (the
    line-role model's P(furniture) then decides)."""
    file = Path(path) if path else FURNITURE_MODEL_PATH
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
    comments, teasers of sites no pattern was written for. This typing is what the split reads;
    each line also keeps the furniture model's P(furniture), which decides what the article's text
    leaves out (`is_learned_furniture`, `articles`).

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
    x = line_features(lines, asked)
    # As Python floats: read three times a line, they are quicker than the array's own numbers.
    probabilities = model.probabilities(x).tolist()
    furniture_model = load_furniture_model()
    furniture = (
        furniture_model.probabilities(x)[:, 1].tolist()
        if furniture_model is not None
        else [p[1] for p in probabilities]
    )
    for t, ask, p, p_furniture in zip(typed, asked, probabilities, furniture, strict=True):
        if not ask:
            continue
        t.prose, t.furniture_p, t.meta_p = p[0], p_furniture, p[2]
        if t.kind == BODY and _reads_as_furniture(p[1], p[2], t.text):
            t.line = replace(t.line, furniture="learned")
            t.kind = FURNITURE


def is_learned_furniture(t: TypedLine) -> bool:
    """Whether the furniture model reads a paragraph the rules kept as text (typed body, or furniture by
    the line-role model's reading alone) as furniture, by the thresholds the line-role model's typing
    uses (`LEARNED_FURNITURE`, `LEARNED_META` of the line-role model, `LEARNED_MAX_WORDS`)."""
    return t.dateline is None and _reads_as_furniture(t.furniture_p, t.meta_p, t.text)


def _reads_as_furniture(p_furniture: float, p_meta: float, text: str) -> bool:
    """A paragraph is furniture by a model's reading when it is likely furniture, unlikely metadata
    and not long (`LEARNED_FURNITURE`, `LEARNED_META`, `LEARNED_MAX_WORDS`)."""
    return p_furniture >= LEARNED_FURNITURE and p_meta < LEARNED_META and text.count(" ") < LEARNED_MAX_WORDS
