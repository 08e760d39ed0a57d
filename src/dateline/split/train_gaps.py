"""Train the gap model (`dateline train gaps`) from the fit parts of the development data.

Two sources of labelled gaps, both split by outlet (`dateline.evaluate.parts`):

- the development cases (`split/cases.dev.jsonl`): news pages of many outlets pasted together;
- cases pasted from the scrapinghub pages (`extraction/scrapinghub`, about 180 sites, news and
  reviews, lists, recipes, Q&A), each article with a few lines of its page's furniture
  (`dateline.evaluate.lines.pasted_cases`), pasted SHUFFLES times in orders fixed by a hash, so
  that every page meets several neighbours.

Every gap between two paragraphs of a case is one example, labelled by whether a gold article
starts in it, and it belongs to the part of the outlet of that article (or, when none starts
there, of the article it lies in). Only fit examples are read. The features are computed by
the same code the pipeline runs (`dateline.split.gaps.gap_rows`); the model is gradient-boosted
trees from scikit-learn (a fixed seed, no subsampling: the same data gives the same file), and
its figures on the fit part are cross-fitted with the outlets left out (five folds by a hash of
the outlet).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dateline.clean import clean
from dateline.evaluate.parts import Part, in_part, outlet_key
from dateline.split.continuity import paragraph_continuity
from dateline.split.features import BODY
from dateline.split.gaps import FEATURES, MODEL_PATH, THRESHOLD, find_gaps, gap_rows
from dateline.split.roles import type_lines
from dateline.split.train import scrapinghub_pages

# The pasted scrapinghub cases weigh this much in all against the development cases: they have long
# pages of many gaps, few of which start an article, and should not drown the news pastes.
PASTED_WEIGHT = 0.6
SHUFFLES = 4  # orders in which the scrapinghub pages are pasted for training (the first is the one scored)
# A gap starts an article when the model gives it at least this probability (chosen on the
# cross-fitted fit part: the best sum of the gap F1 of the two sources; with the pasted cases as
# made since session 8, 0.3 / 0.4 / 0.5 gave 0.900 + 0.667, 0.895 + 0.711, 0.887 + 0.732).
PROBABILITY = 0.5
TREES = 100
DEPTH = 4
LEARNING_RATE = 0.1
MIN_LEAF = 40  # examples in a leaf at least: a rule read off fewer pages does not carry to others
SEED = 20261206
FOLDS = 5

Examples = tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], list[str], list[str], list[int]]


def case_examples(case: dict[str, Any], part: Part) -> Iterator[tuple[list[float], int, str]]:
    """(features, label, outlet) of every gap between two paragraphs of a case whose outlet is in `part`."""
    text: str = case["text"]
    articles = sorted(case["articles"], key=lambda a: a["start"])
    starts = [a["start"] for a in articles]
    typed = type_lines(clean(text).lines)
    body = [t.index for t in typed if t.kind == BODY]
    gaps = find_gaps(typed)
    rows = gap_rows(gaps, typed, body, paragraph_continuity(typed, body))
    for gap, row in zip(gaps, rows, strict=True):
        if row is None:
            continue
        assert gap.before is not None and gap.after is not None
        low, high = typed[gap.before].line.end, typed[gap.after].line.start
        opening = [k for k, s in enumerate(starts) if k > 0 and low <= s <= high]
        # The article that starts in the gap, else the one the gap lies in.
        owner = articles[opening[0] if opening else max(0, sum(s <= high for s in starts) - 1)]
        outlet = outlet_key(owner.get("outlet") or owner.get("url"))
        if in_part(outlet, part):
            yield row, int(bool(opening)), outlet


def _cases(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def pasted(shared: Path, part: Part, shuffle: int = 0) -> list[dict[str, Any]]:
    """The cases pasted from the scrapinghub pages of `part` (shuffle 0: the ones `eval lines` scores)."""
    from dateline.evaluate.lines import pasted_cases

    return pasted_cases(list(scrapinghub_pages(shared / "extraction" / "scrapinghub", part)), shuffle)


def dataset(shared: Path, part: Part = "fit", shuffles: int = SHUFFLES) -> Examples:
    """Features, labels, sources, outlets and shuffles (0 for the development cases) of the labelled
    gaps of `part`."""
    rows: list[list[float]] = []
    labels: list[int] = []
    sources: list[str] = []
    outlets: list[str] = []
    orders: list[int] = []
    streams: list[tuple[str, int, Iterable[dict[str, Any]]]] = [
        ("news", 0, _cases(shared / "split" / "cases.dev.jsonl"))
    ]
    streams += [("pasted", k, pasted(shared, part, k)) for k in range(shuffles)]
    for source, shuffle, cases in streams:
        for case in cases:
            for row, label, outlet in case_examples(case, part):
                rows.append(row)
                labels.append(label)
                sources.append(source)
                outlets.append(outlet)
                orders.append(shuffle)
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=np.int64), sources, outlets, orders


def weights(sources: list[str], orders: list[int]) -> npt.NDArray[np.float64]:
    """Each example's weight: the pasted cases PASTED_WEIGHT in all, whatever their shuffles."""
    source = np.array(sources)
    shuffles = max(orders) + 1 if orders else 1
    return np.where(source == "pasted", PASTED_WEIGHT / shuffles, 1.0)


def fit(x: npt.NDArray[np.float64], y: npt.NDArray[np.int64], w: npt.NDArray[np.float64]) -> Any:
    """Gradient-boosted trees on the examples (deterministic: fixed seed, no subsampling)."""
    from sklearn.ensemble import GradientBoostingClassifier

    model = GradientBoostingClassifier(
        n_estimators=TREES,
        max_depth=DEPTH,
        learning_rate=LEARNING_RATE,
        min_samples_leaf=MIN_LEAF,
        random_state=SEED,
    )
    model.fit(x, y, sample_weight=w)
    return model


def export(model: Any) -> dict[str, Any]:
    """The trees of a fitted model as plain lists (`dateline.split.gaps.GapModel` reads them)."""
    prior = float(model.init_.class_prior_[1])
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        trees.append(
            {
                "feature": [int(f) for f in tree.feature],
                "threshold": [float(t) for t in tree.threshold],
                "left": [int(c) for c in tree.children_left],
                "right": [int(c) for c in tree.children_right],
                # Leaf values with the learning rate folded in; inner nodes carry none.
                "value": [
                    round(float(v) * model.learning_rate, 6) if left < 0 else 0.0
                    for v, left in zip(tree.value[:, 0, 0], tree.children_left, strict=True)
                ],
            }
        )
    return {"base": round(math.log(prior / (1 - prior)), 6), "depth": DEPTH, "trees": trees}


def outlet_folds(outlets: list[str]) -> npt.NDArray[np.int64]:
    """Each example's fold, by a hash of its outlet: an outlet's examples are left out together."""
    return np.array([int(hashlib.sha256(o.encode()).hexdigest(), 16) % FOLDS for o in outlets])


def cross_fitted(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.int64], w: npt.NDArray[np.float64], outlets: list[str]
) -> npt.NDArray[np.float64]:
    """Each example's probability from a model fitted on the folds its outlet is not in."""
    fold = outlet_folds(outlets)
    out = np.zeros(len(y))
    for k in range(FOLDS):
        held = fold == k
        model = fit(x[~held], y[~held], w[~held])
        out[held] = model.predict_proba(x[held])[:, 1]
    return out


def gap_f1(predicted: npt.NDArray[np.bool_], y: npt.NDArray[np.int64]) -> float:
    """F1 of the gaps predicted to start an article against those where one starts."""
    tp = int((predicted & (y == 1)).sum())
    wrong = int((predicted != (y == 1)).sum())
    return round(2 * tp / (2 * tp + wrong), 4) if tp + wrong else 1.0


def train(shared: Path, out: Path = MODEL_PATH, part: Part = "fit") -> dict[str, Any]:
    """Train on `part` of the data under `shared` (the `data` folder) and write the model to `out`."""
    x, y, sources, outlets, orders = dataset(shared, part)
    w = weights(sources, orders)
    model = fit(x, y, w)
    held = cross_fitted(x, y, w, outlets) >= PROBABILITY
    cue = x[:, 0] >= THRESHOLD  # the cue score alone (without the change of language and subheads)
    source, order = np.array(sources), np.array(orders)
    info: dict[str, Any] = {
        "part": part,
        "gaps": int(len(y)),
        "starts": int(y.sum()),
        "shuffles": SHUFFLES,
        "seed": SEED,
    }
    for name in ("news", "pasted"):
        mask = (source == name) & (order == 0)  # the cases as they are scored
        info[f"{name}_gaps"] = int(mask.sum())
        info[f"{name}_gap_f1_cross_fitted"] = gap_f1(held[mask], y[mask])
        info[f"{name}_gap_f1_cue_score"] = gap_f1(cue[mask], y[mask])
    weights_out = {
        "features": list(FEATURES),
        **export(model),
        "threshold": round(math.log(PROBABILITY / (1 - PROBABILITY)), 6),
        "info": info,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(weights_out, separators=(",", ":")) + "\n", "utf-8")
    return info
