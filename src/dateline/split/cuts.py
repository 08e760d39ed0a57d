"""Cuts: on which line of a gap the next article starts, learned across outlets.

The gap model (`gaps.gap_scores`) says which gaps between paragraphs start an article; inside such a
gap the lines (titles, bylines, labels, share buttons, sign-offs, teasers) belong either to the page
above or to the page below, and the cut goes between them. Every place the cut can take (above the
gap's first line, between two of its lines, or right above the next paragraph) is a candidate. A
conditional logit over the candidates of one gap (one weight per feature, the gap's candidates
competing in a softmax), trained on the fit parts of the development cases and of cases pasted from
the scrapinghub and news pages (`dateline train cuts`), weighs the hand-weighted lean of the lines
the cut puts below it (`boundaries.line_lean`, summed) against a wider line break than the text's
usual one right above the opener: a text that puts no blank line between its paragraphs and one
between two of them was most likely pasted together there. The best scored candidate is the cut.

Richer candidates did not carry across outlets: with each cue of the lean summed on its own, the
kind of line that would open the next article and of the one that would close the one above, where
the title naming the next paragraphs stands, a byline or date line under the opener, and the
opener's shape, the cut fell on the gold line in 0.73 to 0.81 of the fit development cases' gaps
cross-fitted by outlet (the lean alone: 0.84, fitted on those cases), and on the pasted cases
without the line break in 0.63 (the lean: 0.62).

The model is a JSON file of weights (`dateline/models/cut-points.json`), run as a
`choice.ChoiceModel` (as the headline chooser is); without it the hand-weighted
lean decides (`boundaries.split_point`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from dateline.split.choice import ChoiceModel, read_model
from dateline.split.features import TypedLine

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "cut-points.json"

FEATURES = (
    "rule",  # the hand-weighted lean of the lines the cut puts below it (`boundaries.line_lean`, summed)
    "wide_break",  # a wider line break than the text's usual one stands right above the opener
)


def usual_break(typed: Sequence[TypedLine]) -> int:
    """The text's usual break between two lines, in characters (the median over its lines): a paste that
    puts a blank line between all its paragraphs has no wider break between its pages."""
    breaks = sorted(b.line.start - a.line.end for a, b in zip(typed, typed[1:], strict=False))
    return breaks[len(breaks) // 2] if breaks else 1


def cut_rows(
    lines: Sequence[TypedLine], before: TypedLine, after: TypedLine, lean: Sequence[float], usual: int
) -> list[list[float]]:
    """The `FEATURES` of each cut of a gap: cut c leaves its first c `lines` to the article above
    (`before`: its last paragraph) and opens the next with the rest (`after`: the paragraph under the
    gap); `lean` is each line's hand-weighted lean, `usual` the text's usual line break."""
    n = len(lines)
    around = [before, *lines, after]
    rows: list[list[float]] = []
    total = 0.0
    for c in range(n, -1, -1):  # from the bottom up, summing the lean of the lines below the cut
        if c < n:
            total += lean[c]
        closer, opener = around[c], around[c + 1]
        rows.append([total, float(opener.line.start - closer.line.end > usual)])
    rows.reverse()
    return rows


@lru_cache(maxsize=1)
def load_cut_model(path: str | None = None) -> ChoiceModel | None:
    """The shipped cut model, or None when the package has none (the hand-weighted lean decides)."""
    return read_model(Path(path) if path else MODEL_PATH, FEATURES, "cut model", "cuts")
