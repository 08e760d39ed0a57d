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

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dateline.clean import clean
from dateline.evaluate.parts import Part, in_part, outlet_key
from dateline.split.boundaries import cut_features, ruled_cut, title_of_next
from dateline.split.choice_training import Group, cross_fitted, fit, read_cases, rule_right
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
        title = title_of_next(gap, typed, body)
        if ruled_cut(gap, typed, title) is not None:
            continue
        last = len(gap.lines) if title is None else title
        if gold > last:
            continue  # the gold start is under the title that names the next paragraphs: out of reach
        rows = cut_features(gap, typed, body, usual)[: last + 1]
        yield rows, gold, outlet, source


def dataset(shared: Path, part: Part = "fit", shuffles: int = SHUFFLES) -> list[Group]:
    """The examples of `part`: the development cases, and the scrapinghub and news pages pasted."""
    from dateline.evaluate.lines import pasted_cases

    streams: list[tuple[str, Iterable[dict[str, Any]]]] = [
        ("news", read_cases(shared / "split" / "cases.dev.jsonl"))
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


def train(shared: Path, out: Path = MODEL_PATH, part: Part = "fit") -> dict[str, Any]:
    """Train on `part` of the data under `shared` (the `data` folder) and write the model to `out`."""
    groups = dataset(shared, part)
    weights = _weights(groups)
    model = fit(groups, weights, RULE, L2)
    held = cross_fitted(groups, weights, RULE, L2, FOLDS)
    rule = np.array(rule_right(groups, RULE))
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
