"""Training a choice among candidates: which line of a gap opens the next article, which
title-shaped line is the headline.

Both are a conditional logit over the candidates of one contest that learns a correction to a
hand-weighted score (`rule`: the weights of the raw features the hand score is made of), so that
with too little data the model falls back to the hand score rather than to chance. Contests are
cross-fitted by outlet: a fold holds whole outlets, because what the split must carry is what
holds on outlets it has not seen.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dateline.split.choice import ChoiceModel

# rows (one per candidate), index of the gold candidate, outlet, source
Group = tuple[list[list[float]], int, str, str]


def read_cases(path: Path) -> Iterator[dict[str, Any]]:
    """The cases of a JSON Lines file, one per non-empty line."""
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def fit(
    groups: list[Group], weights: npt.NDArray[np.float64], rule: Sequence[float], l2: float
) -> dict[str, Any]:
    """A conditional logit over the groups: standardisation and the correction to `rule`."""
    from scipy.optimize import minimize

    x = np.array([row for g in groups for row in g[0]], dtype=np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    sizes = [len(g[0]) for g in groups]
    starts = np.cumsum([0, *sizes[:-1]])
    owner = np.repeat(np.arange(len(groups)), sizes)
    gold = starts + np.array([g[1] for g in groups])
    total = weights.sum()
    prior = x @ np.array(rule)

    def loss(w: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        s = prior + z @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[owner])
        norm = np.add.reduceat(e, starts)
        p = e / norm[owner]
        nll = -(weights * (s[gold] - top - np.log(norm))).sum() / total
        # d/dw: sum over groups of weight * (E_p[z] - z_gold)
        grad_rows = (p * weights[owner])[:, None] * z
        grad = (grad_rows.sum(axis=0) - (weights[:, None] * z[gold]).sum(axis=0)) / total
        return float(nll + l2 * (w @ w) / (2 * len(groups))), grad + l2 * w / len(groups)

    result = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B")
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": result.x.tolist(), "prior": list(rule)}


def right(groups: list[Group], model: dict[str, Any]) -> list[bool]:
    """Whether the model's best candidate is the gold one, the model run as the pipeline runs it
    (`choice.ChoiceModel`: ties go to the first)."""
    chooser = ChoiceModel(model["mean"], model["scale"], model["coef"], model["prior"])
    return [chooser.best(rows) == gold for rows, gold, _, _ in groups]


def rule_right(groups: list[Group], rule: Sequence[float]) -> list[bool]:
    """Whether the hand score alone picks the gold candidate."""
    zero = [0.0] * len(rule)
    return right(groups, {"mean": zero, "scale": [1.0] * len(rule), "coef": zero, "prior": list(rule)})


def cross_fitted(
    groups: list[Group],
    weights: npt.NDArray[np.float64],
    rule: Sequence[float],
    l2: float,
    folds: int,
) -> npt.NDArray[np.bool_]:
    """Whether each contest is won by a model fitted on the folds its outlet is not in."""
    fold = np.array([int(hashlib.sha256(g[2].encode()).hexdigest(), 16) % folds for g in groups])
    held = np.zeros(len(groups), dtype=bool)
    for k in range(folds):
        inside = [g for g, f in zip(groups, fold, strict=True) if f != k]
        outside = [g for g, f in zip(groups, fold, strict=True) if f == k]
        if inside and outside:
            held[fold == k] = right(outside, fit(inside, weights[fold != k], rule, l2))
    return held
