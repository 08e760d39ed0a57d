"""A learned choice among candidates, as the pipeline runs it: which place in a gap the cut takes
(`cuts`), which title of an article's header is its headline (`headlines`).

Both are a linear score over a tuple of features: the hand-weighted score (`prior`, weights on the
raw features) plus a correction learned on the standardised features (`coef`, with the features'
`mean` and `scale`), trained by a conditional logit over the candidates of one contest
(`choice_training`) and shipped as a small JSON file. The candidate of highest score wins; ties go to
the first. Scores are computed up to a constant (the same for all the candidates of a contest), with
one weight per raw feature: the prior plus the learned weight unstandardised.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any


class ChoiceModel:
    """A linear score over a tuple of features: the hand-weighted `prior` on the raw features plus the
    learned `coef` on the standardised ones (`mean`, `scale`)."""

    def __init__(
        self,
        mean: Sequence[float],
        scale: Sequence[float],
        coef: Sequence[float],
        prior: Sequence[float] | None = None,
        info: dict[str, Any] | None = None,
    ) -> None:
        self.mean = list(mean)
        self.scale = list(scale)
        self.coef = list(coef)
        self.prior = list(prior) if prior is not None else [0.0] * len(self.coef)
        self.info: dict[str, Any] = dict(info or {})
        # One weight per feature on the raw values: the prior plus the learned weight unstandardised
        # (the learned terms' constant, minus coef * mean / scale summed, is the same for every candidate).
        self.weight = [p + c / s for p, c, s in zip(self.prior, self.coef, self.scale, strict=True)]

    @classmethod
    def from_weights(
        cls, weights: dict[str, Any], features: Sequence[str], what: str, command: str
    ) -> ChoiceModel:
        """The model of a shipped JSON file's `weights`; refuses one trained on other `features` than the
        code computes (`what`: the model's name, `command`: the `dateline train` command that makes it)."""
        if tuple(weights["features"]) != tuple(features):
            raise ValueError(f"{what} was trained on other features; run `dateline train {command}`")
        return cls(
            weights["mean"], weights["scale"], weights["coef"], weights.get("prior"), weights.get("info")
        )

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The score of each candidate's row (up to a constant, the same for every candidate)."""
        weight = self.weight
        return [sum(w * x for w, x in zip(weight, row, strict=True)) for row in rows]

    def best(self, rows: Sequence[Sequence[float]]) -> int:
        """The index of the candidate of highest score (ties: the first)."""
        scores = self.scores(rows)
        return max(range(len(scores)), key=lambda n: (scores[n], -n))


def read_model(file: Path, features: Sequence[str], what: str, command: str) -> ChoiceModel | None:
    """The model in `file`, or None when there is none (the hand-weighted score decides)."""
    if not file.is_file():
        return None
    return ChoiceModel.from_weights(json.loads(file.read_text("utf-8")), features, what, command)
