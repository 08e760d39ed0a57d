"""The headline chooser: which title of an article's header is its headline, learned across outlets.

A page prints several headline-shaped lines over an article: its site's name, a section label, a
tab title, teasers of other stories, its own headline, a deck. Each candidate line
(`articles._headline_index`) is described by what carries from one site to another: where it sits
(over the byline, over the text, first of the title block), how much of the first paragraphs and
of the whole text it names, its shape (length, capitals, a closing full stop, a separator).
A conditional logit (one weight per feature, the candidates of one header competing in a softmax)
trained on the fit parts of the development cases and of the scrapinghub pages, whole and pasted
(`dateline train headlines`), scores each; the best scored is the headline.

The line-role model's probabilities for the candidates (`roles.LineRoleModel`) are not read: that
model was trained on the same fit pages, so its probabilities there are in-sample and sure, and a
chooser fitted on them leaned on them (on the development cases' check part its headline accuracy
fell from 0.911 to 0.846, and a title over its byline lost to a tab title above it).

The model is a JSON file of weights (`dateline/models/headline-chooser.json`), run as a
`choice.ChoiceModel` (as the cut model is); without it the
hand-weighted score of `articles` decides.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from dateline.split.choice import ChoiceModel, read_model
from dateline.split.features import BYLINE, DATE, FURNITURE, HEADLINE, TypedLine

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "headline-chooser.json"

FEATURES = (
    "rule_score",  # the hand-weighted score (`articles._headline_score`)
    "first_title",  # the first title of the page's title block, on the story's subject
    "over_meta",  # the next line (past furniture) is a byline or a date line
    "over_text",  # the next line (past furniture) is the first paragraph
    "under_meta",  # a byline or date line is printed above it
    "over_longer_title",  # the next line (past furniture) is a longer title: a kicker or a tab title over it
    "lede_share",  # share of its words found in the first paragraphs
    "lede_gap",  # that share less the best share among the candidates
    "text_share",  # share of its words found in the whole text
    "text_gap",  # that share less the best share among the candidates
    "log_words",  # log(1 + its words)
    "short",  # three words or fewer
    "long",  # over fourteen words
    "closed",  # ends like a sentence
    "first_candidate",  # the first candidate of the header
    "last_candidate",  # the last candidate of the header
    "lines_to_text",  # log(1 + lines between it and the first paragraph)
    "title_case",  # share of its longer words that are capitalised
    "capitals",  # written in capitals
    "separator",  # holds a pipe or a spaced dash: a site or section name may be glued on
    "colon",  # holds a colon (a kicker: "Review: ...")
    "digits",  # holds a digit
)

_CLOSED = re.compile(r"[.!?][\"'\u201d\u2019]?$")
_SEPARATOR = re.compile(r"\||\s[-\u2013\u2014]\s")


def _following(header: Sequence[TypedLine], k: int) -> TypedLine | None:
    """The line under header line `k`, past furniture; None when the text comes next."""
    return next((h for h in header[k + 1 :] if h.kind != FURNITURE), None)


def _share(words: frozenset[str], other: frozenset[str]) -> float:
    return len(words & other) / len(words) if words else 0.0


def candidate_rows(
    header: Sequence[TypedLine],
    candidates: Sequence[int],
    lede: frozenset[str],
    text: frozenset[str],
    rule_scores: dict[int, float],
    first: int,
) -> list[list[float]]:
    """The `FEATURES` of each candidate title of an article's header (`lede`: the words of its first
    paragraphs; `text`: of its whole text; `rule_scores`: the hand-weighted scores; `first`: the
    first title of the page's title block)."""
    lede_shares = [_share(header[k].words, lede) for k in candidates]
    text_shares = [_share(header[k].words, text) for k in candidates]
    best_lede, best_text = max(lede_shares), max(text_shares)
    stamp = next((k for k, t in enumerate(header) if t.kind in (BYLINE, DATE)), len(header))
    rows = []
    for n, k in enumerate(candidates):
        t = header[k]
        words = t.text.split()
        longer = [w for w in words if len(w) > 3 and w[0].isalpha()]
        letters = [c for c in t.text if c.isalpha()]
        below = _following(header, k)
        following = None if below is None else below.kind
        rows.append(
            [
                rule_scores[k],
                float(k == first and bool(t.words & lede)),
                float(following in (BYLINE, DATE)),
                float(following is None),
                float(stamp < k),
                float(following == HEADLINE and below is not None and len(below.text.split()) > len(words)),
                lede_shares[n],
                lede_shares[n] - best_lede,
                text_shares[n],
                text_shares[n] - best_text,
                math.log1p(len(words)),
                float(len(words) <= 3),
                float(len(words) > 14),
                float(_CLOSED.search(t.text) is not None),
                float(n == 0),
                float(n == len(candidates) - 1),
                math.log1p(len(header) - k - 1),
                sum(w[0].isupper() for w in longer) / len(longer) if longer else 0.0,
                float(len(letters) > 3 and all(c.isupper() for c in letters if c.isascii())),
                float(_SEPARATOR.search(t.text) is not None),
                float(":" in t.text),
                float(any(c.isdigit() for c in t.text)),
            ]
        )
    return rows


@lru_cache(maxsize=1)
def load_headline_model(path: str | None = None) -> ChoiceModel | None:
    """The shipped headline chooser, or None when the package has none (the hand-weighted score decides)."""
    return read_model(Path(path) if path else MODEL_PATH, FEATURES, "headline chooser", "headlines")
