"""Train the cut model (`dateline train cuts`) from the fit parts of the development data.

Three sources of gaps where a known article starts, all split by outlet (`dateline.evaluate.parts`):

- the development cases (`split/cases.dev.jsonl`): news pages of many outlets pasted together;
- cases pasted from the scrapinghub pages (about 180 sites; `dateline.evaluate.lines.pasted_cases`),
  in SHUFFLES orders;
- cases pasted the same way from the hand-labelled news pages (`news/pages.dev.jsonl`).

Each text is typed and its gaps found as the pipeline does; a gap between two paragraphs where one
gold article starts, on one of its lines or on the paragraph under it, with lines to cut between and
no rule settling the cut (`boundaries.ruled_cut`), is one example: its candidate cuts
(`boundaries.cut_features`) up to the title that names the next paragraphs (the cut never goes under
it), and which of them is the gold start. The model is a conditional logit over the candidates, the
hand-weighted lean (`cuts.FEATURES`'s `rule`) plus a learned correction, fitted by L-BFGS with an L2
penalty (deterministic: no sampling, no seed needed). Its figures on the fit part are cross-fitted
with the outlets left out (five folds by a hash of the outlet): the share of examples where the cut
falls on the gold line, against the hand-weighted lean's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dateline.clean import clean
from dateline.evaluate.parts import Part, in_part, outlet_key
from dateline.split.boundaries import _title_of_next, cut_features, ruled_cut
from dateline.split.cuts import FEATURES, MODEL_PATH, usual_break
from dateline.split.features import BODY
from dateline.split.gaps import find_gaps
from dateline.split.roles import type_lines
from dateline.split.train import hand_pages, scrapinghub_pages

SHUFFLES = 4  # orders in which the pages are pasted for training (as for the gap model)
# Each source of pasted pages weighs this much in all, whatever its number of orders, against one per
# example of the development cases.
PASTED_WEIGHT = 1.0
# Penalty on the learned correction (divided by the number of examples): it pulls the model back to the
# hand-weighted lean where the data say little.
L2 = 1.0
FOLDS = 5
# The hand-weighted lean (the `rule` feature) on the raw features: the model learns a correction to it.
RULE = (1.0,) + (0.0,) * (len(FEATURES) - 1)

Group = tuple[list[list[float]], int, str, str]  # rows, index of the gold cut, outlet, source


def case_groups(case: dict[str, Any], part: Part, source: str) -> Iterator[Group]:
    """The examples of one case: each gap where a gold article of `part` starts and the cut is learned."""
    text: str = case["text"]
    articles = sorted(case["articles"], key=lambda a: a["start"])
    typed = type_lines(clean(text).lines)
    if not typed:
        return
    body = [t.index for t in typed if t.kind == BODY]
    starts = [t.line.start for t in typed]
    usual = usual_break(typed)
    where: dict[int, int] = {}  # typed line -> gap holding it (on its lines or as the paragraph after)
    gaps = find_gaps(typed)
    for g, gap in enumerate(gaps):
        for i in gap.lines:
            where[i] = g
        if gap.after is not None:
            where[gap.after] = g
    for article in articles[1:]:
        outlet = outlet_key(article.get("outlet") or article.get("url") or "")
        if not in_part(outlet, part):
            continue
        # The first line at or after the gold start (every article starts at the start of a line).
        line = next((k for k, s in enumerate(starts) if s >= article["start"]), None)
        if line is None or line not in where:
            continue
        gap = gaps[where[line]]
        if gap.before is None or gap.after is None or not gap.lines:
            continue
        gold = gap.lines.index(line) if line in gap.lines else len(gap.lines)
        if ruled_cut(gap, typed, body) is not None:
            continue
        title = _title_of_next(gap, typed, body)
        last = len(gap.lines) if title is None else title
        if gold > last:
            continue  # the gold start is under the title that names the next paragraphs: out of reach
        rows = cut_features(gap, typed, body, usual)[: last + 1]
        yield rows, gold, outlet, source


def _cases(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def dataset(shared: Path, part: Part = "fit", shuffles: int = SHUFFLES) -> list[Group]:
    """The examples of `part`: the development cases, and the scrapinghub and news pages pasted."""
    from dateline.evaluate.lines import pasted_cases

    streams: list[tuple[str, Iterable[dict[str, Any]]]] = [
        ("news", _cases(shared / "split" / "cases.dev.jsonl"))
    ]
    scrapinghub = list(scrapinghub_pages(shared / "extraction" / "scrapinghub", part))
    news = list(hand_pages(shared / "news", part))
    for k in range(shuffles):
        streams.append((f"pasted{k}", pasted_cases(scrapinghub, k)))
        streams.append((f"pages{k}", pasted_cases(news, k)))
    groups: list[Group] = []
    for source, cases in streams:
        for case in cases:
            groups.extend(case_groups(case, part, source))
    return groups


def _source(group: Group) -> str:
    return group[3].rstrip("0123456789")


def _weights(groups: list[Group]) -> npt.NDArray[np.float64]:
    """Each example's weight: the orders of each pasted source PASTED_WEIGHT in all."""
    orders: dict[str, set[str]] = {}
    for g in groups:
        orders.setdefault(_source(g), set()).add(g[3])
    return np.array(
        [1.0 if _source(g) == "news" else PASTED_WEIGHT / len(orders[_source(g)]) for g in groups]
    )


def fit(groups: list[Group], weights: npt.NDArray[np.float64]) -> dict[str, Any]:
    """A conditional logit over the groups: standardisation and the weights of `FEATURES`."""
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
    prior = x @ np.array(RULE)

    def loss(w: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        s = prior + z @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[owner])
        norm = np.add.reduceat(e, starts)
        p = e / norm[owner]
        nll = -(weights * (s[gold] - top - np.log(norm))).sum() / total
        grad_rows = (p * weights[owner])[:, None] * z
        grad = (grad_rows.sum(axis=0) - (weights[:, None] * z[gold]).sum(axis=0)) / total
        return float(nll + L2 * (w @ w) / (2 * len(groups))), grad + L2 * w / len(groups)

    result = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B")
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": result.x.tolist(), "prior": list(RULE)}


def _right(groups: list[Group], model: dict[str, Any]) -> list[bool]:
    """Whether the model's best cut is the gold one (ties go to the higher cut, as in the pipeline)."""
    mean, scale, coef, prior = (np.array(model[k]) for k in ("mean", "scale", "coef", "prior"))
    out = []
    for rows, gold, _, _ in groups:
        x = np.array(rows)
        s = x @ prior + ((x - mean) / scale) @ coef
        out.append(int(np.argmax(s)) == gold)
    return out


def _folds(groups: list[Group]) -> npt.NDArray[np.int64]:
    return np.array([int(hashlib.sha256(g[2].encode()).hexdigest(), 16) % FOLDS for g in groups])


def cross_fitted(groups: list[Group], weights: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Whether each example's cut is right by a model fitted on the folds its outlet is not in."""
    fold = _folds(groups)
    held = np.zeros(len(groups), dtype=bool)
    for k in range(FOLDS):
        inside = [g for g, f in zip(groups, fold, strict=True) if f != k]
        outside = [g for g, f in zip(groups, fold, strict=True) if f == k]
        if inside and outside:
            held[fold == k] = _right(outside, fit(inside, weights[fold != k]))
    return held


def train(shared: Path, out: Path = MODEL_PATH, part: Part = "fit") -> dict[str, Any]:
    """Train on `part` of the data under `shared` (the `data` folder) and write the model to `out`."""
    groups = dataset(shared, part)
    weights = _weights(groups)
    model = fit(groups, weights)
    held = cross_fitted(groups, weights)
    zero = [0.0] * len(FEATURES)
    rule = np.array(
        _right(groups, {"mean": zero, "scale": [1.0] * len(FEATURES), "coef": zero, "prior": RULE})
    )
    info: dict[str, Any] = {"part": part, "gaps": len(groups), "shuffles": SHUFFLES, "l2": L2}
    sources = np.array([_source(g) for g in groups])
    for name in ("news", "pasted", "pages"):
        mask = sources == name
        info[f"{name}_gaps"] = int(mask.sum())
        info[f"{name}_right_cross_fitted"] = round(float(held[mask].mean()), 4) if mask.any() else None
        info[f"{name}_right_rule"] = round(float(rule[mask].mean()), 4) if mask.any() else None
    out.parent.mkdir(parents=True, exist_ok=True)
    rounded = {k: [round(v, 6) for v in vals] for k, vals in model.items()}
    out.write_text(json.dumps({"features": list(FEATURES), **rounded, "info": info}) + "\n", "utf-8")
    return info
