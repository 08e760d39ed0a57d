"""`dateline train precision`: fit the learned precision score on the judged printed events of the fit parts.

The judged sets (README, "Events printed from news pages, judged by hand") are the news pages of
`news/pages.dev.jsonl` and the Guardian articles of `news/guardian-sdf.csv`; judges read the
events Dateline printed from their fit parts and marked each field right or wrong
(`tools/judged/verdicts/*.tsv`, keyed by a hash of the event as printed). This command codes the
fit documents as `dateline ingest` does (`pipeline.process_documents`, each document on its own),
finds each printed event's verdict by the same key, and fits a logistic regression (scikit-learn,
fixed seed) on the events' cues (`precision.event_cues`). No check document is read.

Two labels are fitted, all four fields right and the type right, each with a few strengths,
cross-fitted in `FOLDS` folds by document (`evaluate.parts.fold_of`). The one whose out-of-fold
scores rank the all-four-right events best (area under the ROC curve) is shipped, refitted on all
the judged events, with the print threshold `THRESHOLD`: an event is printed when it is more
likely right than wrong by the label learned.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy

from dateline.evaluate.parts import fold_of, outlet_key, part_of
from dateline.events.precision import PrecisionModel

SEED = 20261207
FOLDS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0)
LABELS = ("all_four", "type")
# Printed when more likely right than wrong.
THRESHOLD = 0.5
FIELDS = ("type", "source", "target", "date")


@dataclass(frozen=True)
class Judged:
    """One judged printed event: its document, its cues and its verdict field by field."""

    group: str
    cues: tuple[tuple[str, float], ...]
    verdict: dict[str, str]

    @property
    def all_four(self) -> bool:
        return all(self.verdict.get(f) == "y" for f in FIELDS)

    @property
    def type_right(self) -> bool:
        return self.verdict.get("type") == "y"


def actor_field(actor: dict[str, Any] | None) -> str:
    """A printed actor as the judged key reads it: name|country|sector, empty for none."""
    if not actor:
        return ""
    return f"{actor.get('name') or ''}|{actor.get('country') or ''}|{actor.get('sector') or ''}"


def event_key(set_name: str, event: dict[str, Any]) -> str:
    """The hash that names a printed event (a `dateline events` record) for its judgment
    (`tools/judged.py` keys the verdicts with it)."""
    parts = [
        set_name,
        event.get("url") or "",
        event.get("evidence") or "",
        event.get("type") or "",
        actor_field(event.get("source")),
        actor_field(event.get("target")),
        event.get("date") or "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:20]


def read_verdicts(folder: Path, part: str | None = None) -> dict[str, dict[str, str]]:
    """Every verdict on file by key (of one part, or all); a later file overrides an earlier one
    (re-judged)."""
    verdicts: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row.get("key") and (part is None or row.get("part") == part):
                    verdicts[row["key"]] = row
    return verdicts


def judged_documents(data: Path, part: str) -> dict[str, list[dict[str, str]]]:
    """One part's documents of each judged set, as the JSON Lines records `dateline ingest`
    reads: the news pages split by outlet, the Guardian articles by article."""
    news = data / "news"
    out: dict[str, list[dict[str, str]]] = {"pages": [], "guardian": []}
    for line in (news / "pages.dev.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            page = json.loads(line)
            if part_of(outlet_key(page["outlet"])) == part:
                out["pages"].append(page)
    csv.field_size_limit(sys.maxsize)
    with (news / "guardian-sdf.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            url = f"guardian-sdf:{row['']}"
            if part_of(url) == part:
                out["guardian"].append(
                    {"url": url, "outlet": "The Guardian", "date": row["date"], "text": row["text"]}
                )
    return out


def _printed(records: list[dict[str, str]], progress: Callable[[int], None] | None) -> list[dict[str, Any]]:
    """The records ingested into a store of their own, and the events `dateline events` prints
    from it, each with the cues the events stage gave it (`cues`).

    The store gives what a judge read (an actor's name as stored, a date from the story);
    the cues, which the store does not keep, come from coding the same documents again, as
    `dateline ingest` codes each document (on its own, no corpus registry), by event id.
    """
    from dateline.intake import documents_of, ingest_into
    from dateline.model import RawDoc
    from dateline.pipeline import process_documents
    from dateline.store import Store
    from dateline.stories.refresh import refresh_stories

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "part.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
        docs = [d for d in documents_of(str(path)) if isinstance(d, RawDoc)]
        cues: dict[str, tuple[tuple[str, float], ...]] = {}
        for result in process_documents(docs):
            cues.update((e.id, e.cues) for e in result.events)
            if progress is not None:
                progress(1)
        with Store(str(Path(folder) / "part.duckdb")) as store:
            ingest_into(store, [str(path)])
            refresh_stories(store)
            printed = store.events(newest_first=False)
    return [{**r, "cues": cues.get(r["id"], ())} for r in printed]


def judged_events(
    data: Path, verdicts_folder: Path, progress: Callable[[int], None] | None = None
) -> tuple[list[Judged], dict[str, int]]:
    """The fit parts' printed events that have a verdict, and how many were printed and judged."""
    verdicts = read_verdicts(verdicts_folder, "fit")
    found: list[Judged] = []
    counts: dict[str, int] = {}
    for set_name, records in judged_documents(data, "fit").items():
        printed = _printed(records, progress)
        judged = 0
        for event in printed:
            verdict = verdicts.get(event_key(set_name, event))
            if verdict is not None:
                judged += 1
                found.append(Judged(event.get("url") or "", tuple(event["cues"]), verdict))
        counts[f"{set_name}_printed"] = len(printed)
        counts[f"{set_name}_judged"] = judged
    return found, counts


def _matrix(examples: list[Judged], names: list[str]) -> numpy.ndarray:
    index = {n: k for k, n in enumerate(names)}
    x = numpy.zeros((len(examples), len(names)))
    for row, example in enumerate(examples):
        for name, value in example.cues:
            if name in index:
                x[row, index[name]] = value
    return x


def _fit(x: numpy.ndarray, y: numpy.ndarray, c: float) -> tuple[numpy.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    model.fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


def _auc(scores: numpy.ndarray, y: numpy.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, scores))


def curve(scores: numpy.ndarray, right: numpy.ndarray, shares: tuple[float, ...]) -> list[dict[str, float]]:
    """The right rate among the best-scored events at each share kept."""
    order = numpy.argsort(-scores, kind="stable")
    out = []
    for share in shares:
        n = max(1, round(share * len(order)))
        out.append(
            {
                "kept": share,
                "events": n,
                "right": int(right[order[:n]].sum()),
                "rate": round(float(right[order[:n]].mean()), 3),
            }
        )
    return out


def out_of_fold(examples: list[Judged], names: list[str], label: str, c: float) -> numpy.ndarray:
    """Each event's probability from a model fitted without its document's fold."""
    x = _matrix(examples, names)
    y = numpy.array([getattr(e, label if label == "all_four" else "type_right") for e in examples], dtype=int)
    folds = numpy.array([fold_of(e.group, FOLDS) for e in examples])
    scores = numpy.zeros(len(examples))
    for fold in range(FOLDS):
        held = folds == fold
        coef, bias = _fit(x[~held], y[~held], c)
        scores[held] = 1.0 / (1.0 + numpy.exp(-(x[held] @ coef + bias)))
    return scores


def fit(examples: list[Judged], out: Path, counts: dict[str, int] | None = None) -> dict[str, Any]:
    """Fit the precision score on judged events, write it to `out`, and say how it did out of fold."""
    names = sorted({name for e in examples for name, _ in e.cues})
    right = numpy.array([e.all_four for e in examples], dtype=int)
    typed = numpy.array([e.type_right for e in examples], dtype=int)
    tried: list[dict[str, Any]] = []
    for label in LABELS:
        own = right if label == "all_four" else typed
        for c in C_GRID:
            scores = out_of_fold(examples, names, label, c)
            kept = scores >= THRESHOLD
            tried.append(
                {
                    "label": label,
                    "c": c,
                    "auc_all_four": round(_auc(scores, right), 4),
                    "auc_own": round(_auc(scores, own), 4),
                    "kept": int(kept.sum()),
                    "kept_all_four_right": int(right[kept].sum()),
                    "dropped_all_four_right": int(right[~kept].sum()),
                    "kept_type_right": int(typed[kept].sum()),
                    "scores": scores,
                }
            )
    best = max(tried, key=lambda t: (t["auc_all_four"], -t["c"]))
    x = _matrix(examples, names)
    y = right if best["label"] == "all_four" else typed
    coef, bias = _fit(x, y, best["c"])
    about = {
        "trained_on": "judged printed events of the fit parts (tools/judged/verdicts)",
        "events": len(examples),
        "all_four_right": int(right.sum()),
        "type_right": int(typed.sum()),
        "c": best["c"],
        "seed": SEED,
    }
    model = PrecisionModel(
        dict(zip(names, (float(w) for w in coef), strict=True)), bias, THRESHOLD, best["label"]
    )
    model.save(out, about)
    shares = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
    return {
        "model": str(out),
        **(counts or {}),
        **about,
        "label": best["label"],
        "threshold": THRESHOLD,
        "out_of_fold": [{k: v for k, v in t.items() if k != "scores"} for t in tried],
        "curve_all_four": curve(best["scores"], right, shares),
        "top_weights": sorted(
            ((n, round(float(w), 3)) for n, w in zip(names, coef, strict=True)), key=lambda p: -abs(p[1])
        )[:20],
    }


def train(
    data: Path, verdicts: Path, out: Path, progress: Callable[[int], None] | None = None
) -> dict[str, Any]:
    """Code the fit documents, find the judged events, fit the score, write it to `out`."""
    examples, counts = judged_events(data, verdicts, progress)
    return fit(examples, out, counts)
