"""`dateline train roles`: fit the target ranker on the fit parts of ../shared.

Every labelled text of the fit parts is parsed and coded by the rules (without the
ranker); each rule event's candidate targets (the sentence's actors, `role_model`) are
labelled from the gold:

- PLV sentences (`plv.train.jsonl`): an actor whose mention overlaps the gold target span
  (for "X and Y met", coded with two sources and no target, the other source);
- GSR records (`plover-gsr.dev.jsonl`): the same, with the gold target's text;
- CAMEO actor roles (`cameo-actors.dev.conll`): an actor whose mention overlaps a token
  tagged T (or R, reciprocal).

One logistic regression (fixed seed) scores the candidates; its regularisation and the
two decision thresholds are chosen on out-of-fold scores (5 folds, grouped by text), so
the reported figure is cross-fitted. scikit-learn is needed here only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
from spacy.tokens import Token

from dateline.actors import ArticleActors, find_actors
from dateline.evaluate.events import _Located, records_of, type_matches
from dateline.evaluate.parts import Part
from dateline.events.coder import rule_events
from dateline.events.role_model import Candidate, RoleModel, SentenceView, event_candidates, event_groups
from dateline.model import Article, Event, stable_id
from dateline.nlp import parse

SEED = 20261206
MIN_COUNT = 2
C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: never


@dataclass
class Group:
    """The candidates of one rule event group, with their gold labels."""

    text: int  # index of the labelled text (the unit of folds)
    kind: str  # which labelled set
    features: list[list[str]]
    labels: list[bool]
    ruled: list[bool]  # which candidates the rules chose
    none: bool = False  # the gold names no target


def heads_span(token: Token | None, start: int, end: int) -> bool:
    """True when `token` heads a phrase inside the gold span [start, end): it lies in the span
    and its head does not, so "Israel" in "Israel's militia ally" is not the span's actor."""
    if token is None:
        return False
    inside = start <= token.idx < end
    head = token.head
    return inside and (head.i == token.i or not start <= head.idx < end)


def _find(text: str, span: str) -> tuple[int, int] | None:
    at = text.find(span)
    if at < 0:
        at = text.casefold().find(span.casefold())
    return (at, at + len(span)) if span and at >= 0 else None


@dataclass(frozen=True)
class _Gold:
    """What one labelled text says about the targets of its events."""

    sources: list[tuple[int, int]]  # character spans of gold sources
    targets: list[tuple[int, int]]  # ... of gold targets (for "X and Y met", each of X, Y)
    none: bool  # the gold names no target (or one the text does not contain)

    def is_source(self, cand: Candidate) -> bool:
        return cand.token is not None and any(heads_span(cand.token, s, e) for s, e in self.sources)

    def is_target(self, cand: Candidate, source: Candidate | None) -> bool:
        """A gold target headed by the candidate, other than the span the event's source heads."""
        for s, e in self.targets:
            if heads_span(cand.token, s, e) and not (
                source is not None and source.token is not None and heads_span(source.token, s, e)
            ):
                return True
        return False


def _record_gold(record: dict[str, Any], text: str, located: _Located) -> _Gold:
    sources: list[tuple[int, int]] = []
    targets: list[tuple[int, int]] = []
    none = True
    for gold in record["events"]:
        found = [_find(text, a.get("text") or "") for a in gold["source"]]
        sources.extend(f for f in found if f)
        if gold["target"]:
            spans = [_find(text, a.get("text") or "") for a in gold["target"]]
            targets.extend(f for f in spans if f)
            none = none and all(located.implicit(a) for a in gold["target"])
        elif len(found) >= 2:
            targets.extend(f for f in found if f)  # "X and Y met": one is the other's target
            none = False
    return _Gold(sources, targets, none)


def conll_gold(tokens: list[tuple[str, str]]) -> _Gold:
    regions: dict[str, list[tuple[int, int]]] = {"S": [], "T": [], "R": []}
    offset = 0
    last = ""
    for token, tag in tokens:
        start, end = offset, offset + len(token)
        offset = end + 1
        letter = tag.split("-")[-1] if tag != "O" else ""
        if letter in regions:
            if tag.startswith("I-") and last == letter and regions[letter]:
                regions[letter][-1] = (regions[letter][-1][0], end)
            else:
                regions[letter].append((start, end))
        last = letter
    targets = regions["T"] + regions["R"]
    return _Gold(regions["S"] + regions["R"], targets, not targets)


def _source_candidate(verb: Token, event: Event, actors: ArticleActors) -> Candidate | None:
    """The event's source as a mention in the sentence (the one nearest the trigger)."""
    tokens = [t for t in verb.sent if (a := actors.by_token.get(t.i)) is not None and a.id == event.source.id]
    if not tokens:
        return None
    return Candidate(event.source, min(tokens, key=lambda t: abs(t.i - verb.i)), [])


def _items(data: Path, part: Part) -> list[tuple[str, str, Any]]:
    """(set, text, gold) of every labelled text of `part`."""
    out: list[tuple[str, str, Any]] = []
    for name, kind in (("plv.train.jsonl", "plv"), ("plover-gsr.dev.jsonl", "gsr")):
        if (data / name).is_file():
            out.extend((kind, r["text"], r) for r in records_of(data / name, part))
    conll = data / "cameo-actors.dev.conll"
    if conll.is_file():
        out.extend(("conll", " ".join(t for t, _ in s), s) for s in records_of(conll, part))
    return out


def count_texts(data: Path) -> int:
    """How many texts `train` will parse (for a progress bar)."""
    return len(_items(data, "fit"))


def load_groups(data: Path, part: Part = "fit", progress: Callable[[int], None] | None = None) -> list[Group]:
    """The labelled candidate groups of every rule event in the `part` of the events folder."""
    items = _items(data, part)
    groups: list[Group] = []
    for k, doc in enumerate(parse([text for _, text, _ in items])):
        kind, text, gold = items[k]
        article = Article(doc_id=stable_id("train", k, text), position=0, start=0, end=len(text), body=text)
        actors = find_actors(doc, article)
        events = rule_events(doc, article, actors, learned_roles=False)
        spans: dict[str, list[tuple[int, int]]] = {}
        for mention in actors.mentions:
            spans.setdefault(mention.actor.id, []).append((mention.start, mention.end))
        located = _Located(text, spans)
        if kind == "conll":
            gold_of = conll_gold(gold)
        else:
            gold_of = _record_gold(gold, text, located)
            wanted = [e for e in events if any(type_matches(e.type, g["type"]) for g in gold["events"])]
            events = wanted or events  # the scorer falls back to every event the same way
        by_idx = {t.idx: t for t in doc}
        views = {sent.start: SentenceView(sent) for sent in doc.sents}
        for group in event_groups(events):
            verb = by_idx.get(group[0].trigger_start)
            if verb is None:
                continue
            candidates = event_candidates(views[verb.sent.start], verb, group, actors)
            source = _source_candidate(verb, group[0], actors)
            # only events whose doer is the gold's: another act's target says nothing of this one
            if not candidates or source is None or not gold_of.is_source(source):
                continue
            ruled = {e.target.id for e in group if e.target is not None}
            groups.append(
                Group(
                    k,
                    kind,
                    [c.features for c in candidates],
                    [gold_of.is_target(c, source) for c in candidates],
                    [c.actor.id in ruled for c in candidates],
                    gold_of.none,
                )
            )
        if progress is not None:
            progress(1)
    return groups


def _decide(scores: Sequence[float], ruled: Sequence[bool], replace_at: float, add_at: float) -> int | None:
    """The index of the chosen target (the rules' first if kept), as `RoleModel.choose` decides."""
    best = max(range(len(scores)), key=lambda k: scores[k])
    rule = next((k for k, r in enumerate(ruled) if r), None)
    if ruled[best]:
        return rule
    if rule is not None:
        return best if scores[best] >= replace_at else rule
    return best if scores[best] >= add_at else None


def objective(
    groups: Sequence[Group], scores: Sequence[Sequence[float]], replace_at: float, add_at: float
) -> float:
    """Share of groups whose chosen target is a gold one, less wrong targets on the tagged set.

    For the CAMEO role set, whose score is token F1, a target where the gold has none costs
    as much as a missed one.
    """
    good = bad = 0
    for group, score in zip(groups, scores, strict=True):
        chosen = _decide(score, group.ruled, replace_at, add_at)
        if (chosen is not None and group.labels[chosen]) or (chosen is None and group.none):
            good += 1
        elif chosen is not None and group.kind == "conll":
            bad += 1
    return (good - bad) / max(1, len(groups))


def _matrix(groups: Sequence[Group], vocabulary: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    r = 0
    for group in groups:
        for features in group.features:
            for column in sorted({vocabulary[f] for f in features if f in vocabulary}):
                rows.append(r)
                cols.append(column)
            r += 1
    return csr_matrix((numpy.ones(len(rows)), (rows, cols)), shape=(r, len(vocabulary)))


def _fit_one(groups: Sequence[Group], c: float) -> tuple[dict[str, int], numpy.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for g in groups for fs in g.features for f in set(fs))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    labels = numpy.array([y for g in groups for y in g.labels])
    model = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    model.fit(_matrix(groups, vocabulary), labels)
    return vocabulary, model.coef_[0].astype(numpy.float64), float(model.intercept_[0])


def _scores(
    groups: Sequence[Group], vocabulary: dict[str, int], weights: numpy.ndarray, bias: float
) -> list[list[float]]:
    z = _matrix(groups, vocabulary) @ weights + bias
    p = 1.0 / (1.0 + numpy.exp(-z))
    out: list[list[float]] = []
    at = 0
    for group in groups:
        out.append([float(x) for x in p[at : at + len(group.labels)]])
        at += len(group.labels)
    return out


def fit(
    groups: Sequence[Group], folds: int = 5, c_grid: Sequence[float] = C_GRID
) -> tuple[RoleModel, dict[str, Any]]:
    """Choose C (among `c_grid`) and thresholds on out-of-fold scores, then fit on all groups."""
    fold_of = [numpy.random.default_rng(SEED + g.text).integers(folds) for g in groups]
    best: tuple[float, float, float, float] | None = None  # (objective, C, replace_at, add_at)
    for c in c_grid:
        oof: list[list[float]] = [[] for _ in groups]
        for k in range(folds):
            train = [g for g, f in zip(groups, fold_of, strict=True) if f != k]
            held = [i for i, f in enumerate(fold_of) if f == k]
            vocabulary, weights, bias = _fit_one(train, c)
            for i, s in zip(held, _scores([groups[i] for i in held], vocabulary, weights, bias), strict=True):
                oof[i] = s
        for replace_at in THRESHOLDS:
            for add_at in THRESHOLDS:
                value = objective(groups, oof, replace_at, add_at)
                if best is None or value > best[0] + 1e-9:
                    best = (value, c, replace_at, add_at)
    assert best is not None
    value, c, replace_at, add_at = best
    vocabulary, weights, bias = _fit_one(groups, c)
    baseline = objective(groups, [[1.0 if r else 0.0 for r in g.ruled] for g in groups], 2.0, 2.0)
    report = {
        "groups": len(groups),
        "candidates": sum(len(g.labels) for g in groups),
        "vocabulary": len(vocabulary),
        "C": c,
        "replace_at": replace_at,
        "add_at": add_at,
        "cv_objective": round(value, 3),
        "rules_objective": round(baseline, 3),
    }
    return RoleModel(vocabulary, weights, bias, replace_at, add_at), report


def train(data: Path, out: Path, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Fit on the fit part of `data` (the events folder) and write the ranker to `out`."""
    model, report = fit(load_groups(data, "fit", progress))
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    report["file"] = str(out)
    report["bytes"] = out.stat().st_size
    return report
