"""Train the headline chooser (`dateline train headlines`) from the fit parts of the development data.

Three sources of articles with a known headline, all split by outlet (`dateline.evaluate.parts`):

- the development cases (`split/cases.dev.jsonl`): news pages of many outlets pasted together;
- the scrapinghub pages (about 180 sites) pasted whole: the article with the most text, whose
  headline is a line the page names as its title (`split.train.page_titles`);
- cases pasted from those pages (`dateline.evaluate.lines.pasted_cases`), in SHUFFLES orders.

Each text is split as the pipeline splits it; the article that covers most of a gold article has
its header's candidate titles (`headlines.header_candidates`), and where two or more compete and one
of them is the gold headline, they make one example (the pipeline asks the chooser only where
`headlines.MODEL_CANDIDATES` or more compete; it learns from all contests): a softmax over the
candidates' linear scores (a conditional logit), each the hand-weighted score (`RULE`) plus a
learned correction, fitted by L-BFGS with an L2 penalty (deterministic: no sampling, no seed
needed). Its figures on the fit part are cross-fitted with the outlets left out (five folds by a
hash of the outlet).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dateline.clean import clean
from dateline.evaluate.parts import Part, in_part, outlet_key
from dateline.evaluate.split import normalise_headline
from dateline.split import article_segments
from dateline.split.boundaries import Segment
from dateline.split.choice_training import Group, cross_fitted, fit, read_cases, rule_right
from dateline.split.features import BODY
from dateline.split.headlines import (
    FEATURES,
    FIRST_TITLE_BONUS,
    MODEL_CANDIDATES,
    MODEL_PATH,
    Printed,
    candidate_features,
    header_candidates,
    segment_lede,
    segment_words,
)
from dateline.split.train import scrapinghub_pages

SHUFFLES = 4  # orders in which the scrapinghub pages are pasted for training (as for the gap model)
PASTED_WEIGHT = 1.0  # the pasted cases weigh this much in all, whatever their number of orders
# Penalty on the learned correction (divided by the number of contests): 1 to 300 tried on the fit part,
# cross-fitted; 30 kept the rule's reading of a short label over a headline and the tests' layouts.
L2 = 30.0
FOLDS = 5
# The hand-weighted score (`headlines._headline_score` with the first title's bonus), on the raw
# features: the chooser learns a correction to it, and the L2 penalty pulls it back to the rule.
RULE = (1.0, FIRST_TITLE_BONUS) + (0.0,) * (len(FEATURES) - 2)


def _group(segment: Segment, gold: set[str | None], printed: Printed) -> tuple[list[list[float]], int] | None:
    """The candidates' rows of one article and which is the gold headline (None: no contest to learn;
    `printed`: the lines of its document)."""
    text = segment_words(segment)
    header, candidates = header_candidates(segment, text)
    if len(candidates) < 2:
        return None
    right = [n for n, k in enumerate(candidates) if normalise_headline(header[k].text) in gold]
    if not right:
        return None
    _, rows = candidate_features(header, candidates, segment_lede(segment), text, printed=printed)
    return rows, right[0]


def _case_groups(case: dict[str, Any], part: Part, source: str) -> Iterator[Group]:
    found = article_segments(clean(case["text"]).lines)
    if not found:
        return
    spans = [(seg.lines[0].line.start, seg.lines[-1].line.end) for seg in found]
    printed = Printed([t.text for seg in found for t in seg.lines])
    for gold in case["articles"]:
        outlet = outlet_key(gold.get("outlet") or gold.get("url") or "")
        if not gold.get("labelled", True) or not gold.get("headline") or not in_part(outlet, part):
            continue
        overlaps = [min(end, gold["end"]) - max(start, gold["start"]) for start, end in spans]
        pick = max(range(len(found)), key=overlaps.__getitem__)
        if overlaps[pick] <= 0:
            continue
        made = _group(found[pick], {normalise_headline(gold["headline"])}, printed)
        if made:
            yield made[0], made[1], outlet, source


def dataset(shared: Path, part: Part = "fit", shuffles: int = SHUFFLES) -> list[Group]:
    """The contests of candidate titles of `part`: the development cases, the scrapinghub pages whole,
    and the cases pasted from them."""
    from dateline.evaluate.lines import pasted_cases

    groups: list[Group] = []
    for case in read_cases(shared / "split" / "cases.dev.jsonl"):
        groups.extend(_case_groups(case, part, "news"))
    pages = list(scrapinghub_pages(shared / "extraction" / "scrapinghub", part))
    for page in pages:
        if not page.titles:
            continue
        found = article_segments(clean("\n".join(page.lines)).lines)
        if not found:
            continue
        main = max(found, key=lambda seg: sum(len(t.text) for t in seg.lines if t.kind == BODY))
        printed = Printed([t.text for seg in found for t in seg.lines])
        made = _group(main, {normalise_headline(page.lines[i]) for i in page.titles}, printed)
        if made:
            groups.append((made[0], made[1], page.outlet, "pages"))
    for k in range(shuffles):
        for case in pasted_cases(pages, k):
            groups.extend(_case_groups(case, part, f"pasted{k}"))
    return groups


def _weights(groups: list[Group]) -> npt.NDArray[np.float64]:
    """Each contest's weight: the pasted orders PASTED_WEIGHT in all."""
    shuffles = len({g[3] for g in groups if g[3].startswith("pasted")}) or 1
    return np.array([PASTED_WEIGHT / shuffles if g[3].startswith("pasted") else 1.0 for g in groups])


def train(shared: Path, out: Path = MODEL_PATH, part: Part = "fit") -> dict[str, Any]:
    """Train on `part` of the data under `shared` (the `data` folder) and write the model to `out`."""
    groups = dataset(shared, part)
    weights = _weights(groups)
    model = fit(groups, weights, RULE, L2)
    held = cross_fitted(groups, weights, RULE, L2, FOLDS)
    first = rule_right(groups, RULE)
    info: dict[str, Any] = {"part": part, "contests": len(groups), "shuffles": SHUFFLES, "l2": L2}
    sources = np.array([g[3] if not g[3].startswith("pasted") else "pasted" for g in groups])
    many = np.array([len(g[0]) >= MODEL_CANDIDATES for g in groups])
    info["contests_chosen_by_model"] = int(many.sum())
    info["right_cross_fitted_where_used"] = round(float(held[many].mean()), 4) if many.any() else None
    info["right_rule_score_where_used"] = (
        round(float(np.array(first)[many].mean()), 4) if many.any() else None
    )
    for name in ("news", "pages", "pasted"):
        mask = sources == name
        info[f"{name}_contests"] = int(mask.sum())
        info[f"{name}_right_cross_fitted"] = round(float(held[mask].mean()), 4) if mask.any() else None
        info[f"{name}_right_rule_score"] = (
            round(float(np.array(first)[mask].mean()), 4) if mask.any() else None
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    rounded = {k: [round(v, 6) for v in vals] for k, vals in model.items()}
    out.write_text(json.dumps({"features": list(FEATURES), **rounded, "info": info}) + "\n", "utf-8")
    return info
