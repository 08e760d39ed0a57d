"""Train the gap model (`dateline train gaps`) from the fit parts of the development data.

Two sources of labelled gaps, both split by outlet (`dateline.evaluate.parts`):

- the development cases (`split/cases.dev.jsonl`): news pages of many outlets pasted together;
- cases pasted from the scrapinghub pages (`extraction/scrapinghub`, about 180 sites, news and
  reviews, lists, recipes, Q&A), each article with a few lines of its page's furniture
  (`dateline.evaluate.lines.pasted_cases`).

Every gap between two paragraphs of a case is one example, labelled by whether a gold article
starts in it, and it belongs to the part of the outlet of that article (or, when none starts
there, of the article it lies in). Only fit examples are read. The features are computed by
the same code the pipeline runs (`dateline.split.gaps.gap_rows`); the model is a logistic
regression from scikit-learn (deterministic), and its figures on the fit part are
cross-fitted by outlet (five folds).
"""

from __future__ import annotations

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

# The pasted scrapinghub cases weigh this much per gap against the development cases: they have
# long pages of many gaps, few of which start an article, and should not drown the news pastes.
# Chosen by cross-fitting on the fit part (0.3 to 1 tried).
PASTED_WEIGHT = 0.6
# A gap starts an article when the model gives it at least this probability: the highest of 0.3,
# 0.35, 0.4 and 0.5 at which no figure of the development cases' fit part fell below the cue
# score's (higher ones cut the pasted pages less but merged more news pages).
PROBABILITY = 0.3
C = 1.0  # inverse strength of the L2 penalty
FOLDS = 5

Examples = tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], list[str], list[str]]


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


def pasted(shared: Path, part: Part) -> list[dict[str, Any]]:
    """The cases pasted from the scrapinghub pages of `part` (as `dateline eval lines` scores them)."""
    from dateline.evaluate.lines import pasted_cases

    return pasted_cases(list(scrapinghub_pages(shared / "extraction" / "scrapinghub", part)))


def dataset(shared: Path, part: Part = "fit") -> Examples:
    """Features, labels, sources and outlets of the labelled gaps of `part`."""
    rows: list[list[float]] = []
    labels: list[int] = []
    sources: list[str] = []
    outlets: list[str] = []
    streams: dict[str, Iterable[dict[str, Any]]] = {
        "news": _cases(shared / "split" / "cases.dev.jsonl"),
        "pasted": pasted(shared, part),
    }
    for source, cases in streams.items():
        for case in cases:
            for row, label, outlet in case_examples(case, part):
                rows.append(row)
                labels.append(label)
                sources.append(source)
                outlets.append(outlet)
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=np.int64), sources, outlets


def _fit(x: npt.NDArray[np.float64], y: npt.NDArray[np.int64], w: npt.NDArray[np.float64]) -> Any:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit((x - mean) / scale, y, sample_weight=w)
    return model, mean, scale


def _f1(predicted: npt.NDArray[np.bool_], y: npt.NDArray[np.int64]) -> float:
    tp = int((predicted & (y == 1)).sum())
    wrong = int((predicted != (y == 1)).sum())
    return round(2 * tp / (2 * tp + wrong), 4) if tp + wrong else 1.0


def cross_fitted(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.int64], w: npt.NDArray[np.float64], outlets: list[str]
) -> npt.NDArray[np.float64]:
    """Each example's probability from a model fitted on the folds its outlet is not in."""
    import hashlib

    fold = np.array([int(hashlib.sha256(o.encode()).hexdigest(), 16) % FOLDS for o in outlets])
    out = np.zeros(len(y))
    for k in range(FOLDS):
        held = fold == k
        model, mean, scale = _fit(x[~held], y[~held], w[~held])
        out[held] = model.predict_proba((x[held] - mean) / scale)[:, 1]
    return out


def train(shared: Path, out: Path = MODEL_PATH, part: Part = "fit") -> dict[str, Any]:
    """Train on `part` of the data under `shared` (the `data` folder) and write the model to `out`."""
    x, y, sources, outlets = dataset(shared, part)
    w = np.where(np.array(sources) == "pasted", PASTED_WEIGHT, 1.0)
    model, mean, scale = _fit(x, y, w)
    held = cross_fitted(x, y, w, outlets) >= PROBABILITY
    cue = x[:, 0] >= THRESHOLD  # the cue score alone, as before the model
    source = np.array(sources)
    info: dict[str, Any] = {
        "part": part,
        "gaps": int(len(y)),
        "starts": int(y.sum()),
        "seed": "deterministic",
    }
    for name in ("news", "pasted"):
        mask = source == name
        info[f"{name}_gaps"] = int(mask.sum())
        info[f"{name}_gap_f1_cross_fitted"] = _f1(held[mask], y[mask])
        info[f"{name}_gap_f1_cue_score"] = _f1(cue[mask], y[mask])
    weights = {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": round(math.log(PROBABILITY / (1 - PROBABILITY)), 6),
        "info": info,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(weights, indent=1) + "\n", "utf-8")
    return info
