"""Which gaps between paragraphs start a new article: the cue score, corrected by a model learned
across outlets.

The cue score (`segment.score_gap`) weighs datelines, bylines, headlines, furniture and the
change of vocabulary, with weights fitted on the development cases of news pages. Pages of
other kinds (reviews, deal lists, recipes, Q&A) put titles and short lines between their
paragraphs as often as a paste puts a new page there, and the cue score reads their subheads
as headlines. A logistic model over the cue score and a few cues that hold on any site (`FEATURES`):
how many lines stand in the gap, whether their pattern repeats in the gaps around (a list's
items repeat one layout; pages pasted together do not), whether the paragraph before
introduces what follows (a colon), whether a title there names the paragraphs under it or those
above it, how long and how prose-like (the line-role model's P(body)) the two paragraphs are
— trained on the fit parts of the development cases and of cases pasted from the scrapinghub
pages of about 180 sites (`dateline train gaps`), says whether the gap starts an article.

The model is a small JSON file (`dateline/models/gap-boundaries.json`); running it is one dot
product per gap. Without it, the cue score alone decides, as before.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.split.segment import (
    HEADLINE,
    SHORT,
    SUBHEAD_WEIGHT,
    THRESHOLD,
    WEIGHTS,
    Continuity,
    Gap,
    TypedLine,
    is_subhead,
    language_change,
    score_gap,
)

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "gap-boundaries.json"

FEATURES = (
    "cue_score",  # the hand-weighted cue score, language and subhead included
    "subhead",  # the gap's title reads as a subhead (`segment.is_subhead`)
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
)
REPEAT_REACH = 8
SHORT_WORDS = 15
LEDE_PARAGRAPHS = 2


class GapModel:
    """A logistic model over standardised `FEATURES`; `threshold` is on its log-odds."""

    def __init__(self, weights: dict[str, Any]) -> None:
        if tuple(weights["features"]) != FEATURES:
            raise ValueError("gap model was trained on other features; run `dateline train gaps`")
        self.mean = [float(v) for v in weights["mean"]]
        self.scale = [float(v) for v in weights["scale"]]
        self.coef = [float(v) for v in weights["coef"]]
        self.intercept = float(weights["intercept"])
        self.threshold = float(weights["threshold"])
        self.info: dict[str, Any] = dict(weights.get("info", {}))
        # The weights of the raw features, the standardisation folded in: one dot product per gap.
        self.raw = [c / s for c, s in zip(self.coef, self.scale, strict=True)]
        self.bias = self.intercept - sum(c * m for c, m in zip(self.raw, self.mean, strict=True))

    def logit(self, row: Sequence[float]) -> float:
        """The log-odds that a gap with these feature values starts an article."""
        return self.bias + sum(w * v for w, v in zip(self.raw, row, strict=True))


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
    gaps: Sequence[Gap], typed: list[TypedLine], body: list[int], cont: Continuity, exact: bool = True
) -> list[list[float] | None]:
    """`FEATURES` of each gap between two paragraphs (None for the leading and trailing runs).

    With `exact` false the cue score leaves out the change of language, which `gap_scores` adds
    only where it could matter (the costliest cue); the subhead cue, then, is left at 0.
    """
    layouts = [_layout(g, typed) if g.lines else () for g in gaps]
    rows: list[list[float] | None] = []
    for k, gap in enumerate(gaps):
        if gap.before is None or gap.after is None:
            rows.append(None)
            continue
        prev, nxt = typed[gap.before], typed[gap.after]
        lede = back = titled = 0.0
        repeat = 0
        if gap.lines:  # most gaps are two paragraphs in a row, with no line between them
            titles = [t for i in gap.lines if (t := typed[i]).kind in (HEADLINE, SHORT) and t.words]
            if titles:
                titled = 1.0
                pos = bisect_left(body, gap.after)
                after = frozenset().union(
                    *(typed[body[j]].words for j in range(pos, min(len(body), pos + LEDE_PARAGRAPHS)))
                )
                before = frozenset().union(
                    *(typed[body[j]].words for j in range(max(0, pos - LEDE_PARAGRAPHS), pos))
                )
                lede = max(len(t.words & after) / len(t.words) for t in titles)
                back = max(len(t.words & before) / len(t.words) for t in titles)
            layout = layouts[k]
            for j in range(max(0, k - REPEAT_REACH), min(len(gaps), k + REPEAT_REACH + 1)):
                repeat += j != k and layouts[j] == layout
        if exact:
            cue = score_gap(gap, typed, body, cont)
            subhead = is_subhead(gap, typed, body)
        else:
            cue = score_gap(gap, typed, body, cont, math.inf)  # language left out, no subhead asked
            subhead = 0.0
        rows.append(
            [
                cue,
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
            ]
        )
    return rows


_LANGUAGE = WEIGHTS["language"]


def gap_scores(gaps: Sequence[Gap], typed: list[TypedLine], body: list[int], cont: Continuity) -> list[float]:
    """For each gap, how strongly it starts a new article, as log-odds over its threshold: a gap
    starts an article when its score is at least 0 (the leading and trailing runs get -inf).

    With the learned model, its log-odds less its threshold; else the cue score less THRESHOLD.
    The change of language and the subhead cue are asked only where they could lift or lower
    a score across the threshold.
    """
    model = load_gap_model()
    if model is None:
        return [
            score_gap(g, typed, body, cont, THRESHOLD) - THRESHOLD
            if g.before is not None and g.after is not None
            else -math.inf
            for g in gaps
        ]
    cue_w = model.raw[0]
    # What a subhead does to the log-odds: the cue score's subhead weight and the model's own.
    subhead_effect = cue_w * SUBHEAD_WEIGHT + model.raw[1]
    # The largest rise the change of language and the subhead cue can give.
    rise = max(0.0, cue_w * _LANGUAGE) + max(0.0, subhead_effect)
    scores: list[float] = []
    for gap, row in zip(gaps, gap_rows(gaps, typed, body, cont, exact=False), strict=True):
        if row is None:
            scores.append(-math.inf)
            continue
        logit = model.logit(row) - model.threshold
        if logit + rise >= 0:
            assert gap.before is not None and gap.after is not None
            logit += cue_w * _LANGUAGE * language_change(typed[gap.before], typed[gap.after])
            if (logit >= 0) != (logit + subhead_effect >= 0):
                logit += subhead_effect * is_subhead(gap, typed, body)
        scores.append(logit)
    return scores
