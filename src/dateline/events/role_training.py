"""`dateline train roles`: fit the target ranker on the fit parts of ../shared.

Every labelled text of the fit parts is parsed and coded by the rules (without the
ranker); each rule event's candidate targets (the sentence's actors, `role_model`) are
labelled right exactly when the set's own scorer (`evaluate.events`) would count them right,
so the ranker learns what is measured:

- PLV sentences (`plv.train.jsonl`): an actor any mention of which overlaps the gold target
  span (for "X and Y met", coded with two sources and no target, the other source; no
  target where the gold names none);
- GSR records (`plover-gsr.dev.jsonl`): an actor of the gold target's country (sector);
- CAMEO actor roles (`cameo-actors.dev.conll`): an actor a mention of which overlaps a token
  tagged T (or R, reciprocal); no target where none is tagged.

Only events whose source the scorer counts right are labelled: another act's target says
nothing of this one.

One conditional logit (a softmax over each event's candidates, with "no target" among them
where the rules gave none; L-BFGS from zero, deterministic) is fitted; its regularisation and
the two decision thresholds are chosen on out-of-fold scores (5 folds, grouped by text), so
the reported figure is cross-fitted. scipy is needed here only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy

from dateline.actors import find_actors
from dateline.evaluate.events import _Located, actor_matches, records_of, target_matches, type_matches
from dateline.evaluate.parts import Part
from dateline.events.coder import rule_events
from dateline.events.lexicon import SELF_CONTAINED_CODES
from dateline.events.role_model import (
    Candidate,
    RoleModel,
    SentenceView,
    event_candidates,
    event_groups,
    is_venue,
    null_features,
)
from dateline.model import Actor, Article, Event, stable_id
from dateline.nlp import parse

SEED = 20261206
MIN_COUNT = 2
C_GRID = (0.3, 1.0, 3.0)
# 1.01: never, 0.0: whenever best; of tied settings the higher thresholds win (`setting_preference`)
THRESHOLDS = (1.01, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.0)


@dataclass
class Group:
    """The candidates of one rule event group, with their gold labels."""

    text: int  # index of the labelled text (the unit of folds)
    kind: str  # which labelled set
    features: list[list[str]]
    labels: list[bool]
    ruled: list[bool]  # which candidates the rules chose
    venue: list[bool]  # which candidates are places used as locations (`role_model.is_venue`)
    none: bool = False  # leaving the event without a target is right
    null: list[str] = field(default_factory=list)  # features of "no target" where the rules gave none

    def rows(self) -> tuple[list[list[str]], list[bool]]:
        """The features and labels of the rows that compete: candidates, then "no target"."""
        if self.null:
            return [*self.features, self.null], [*self.labels, self.none]
        return self.features, self.labels


# Whether an actor (or None: no target) is right as the target of one rule event.
Judge = Callable[[Actor | None], bool]


def conll_regions(tokens: list[tuple[str, str]]) -> dict[str, list[tuple[int, int]]]:
    """The character spans of the S, T and R phrases of one tagged sentence (tokens joined by spaces)."""
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
    return regions


def conll_judge(tokens: list[tuple[str, str]], located: _Located, event: Event) -> Judge | None:
    """How the token scorer (`evaluate.events.actor_metrics`) judges `event`'s target, or None
    when its source is none of the gold's (another act's target says nothing of this one).

    A predicted role token is one inside any mention of the role's actor: an actor is right
    when a mention of it overlaps a T (or reciprocal R) phrase; no target is right when the
    sentence tags none.
    """
    regions = conll_regions(tokens)
    if not any(located.touches(event.source, s, e) for s, e in regions["S"] + regions["R"]):
        return None
    targets = regions["T"] + regions["R"]

    def right(actor: Actor | None) -> bool:
        if actor is None:
            return not targets
        return any(located.touches(actor, s, e) for s, e in targets)

    return right


def record_golds(
    record: dict[str, Any], located: _Located, events: Sequence[Event], event: Event
) -> list[dict[str, Any]]:
    """The gold events of `record` the scorer compares `event` with, whose source it matches."""
    golds = [
        g
        for g in record["events"]
        if type_matches(event.type, g["type"]) or not any(type_matches(e.type, g["type"]) for e in events)
    ]
    return [g for g in golds if actor_matches(event.source, g["source"], located)]


def gold_spans(golds: Sequence[dict[str, Any]], located: _Located) -> list[tuple[int, int]]:
    """The character spans of the gold targets' texts (each found once, as the scorer finds it)."""
    found = (located.find(actor["text"]) for gold in golds for actor in gold["target"] if actor.get("text"))
    return [span for span in found if span is not None]


def record_judge(
    record: dict[str, Any], located: _Located, events: Sequence[Event], event: Event
) -> Judge | None:
    """How the record scorer (`evaluate.events.plover_metrics`) judges `event`'s target, or None
    when its source is no gold source of a gold event it is compared with.

    An event is compared with the gold events of its type (with every gold event of a type
    no found event has, as the scorer pools them); a target is right when `target_matches`
    one of those whose source `actor_matches` (overlapping span, or country or sector).
    """
    golds = record_golds(record, located, events, event)
    if not golds:
        return None

    def right(actor: Actor | None) -> bool:
        return any(target_matches(replace(event, target=actor), g, located) for g in golds)

    return right


def _bare(text: str) -> str:
    return text.casefold().removeprefix("the ").strip(" ,.'\"")


def strict(
    right: bool,
    candidate: Candidate,
    others: Sequence[Candidate],
    spans: Sequence[tuple[int, int]],
    located: _Located,
) -> bool:
    """The training label of a candidate the scorer counts `right`, where the scorer is lenient.

    A place used as a location (`role_model.is_venue`, on the entity span the ranker's guard
    reads) is right only when a gold target span is that place alone (the scorer lets any
    overlap pass: "three cities west of the capital Tripoli" would make Tripoli right); an
    actor that matches only by country is not right when another candidate is mentioned
    inside a gold target span (the one the annotator meant). A target is an actor
    acted on, never a venue (issue 14).
    """
    if not right:
        return False
    actor = candidate.actor
    if is_venue(candidate.token):
        golds = {_bare(located.text[s:e]) for s, e in spans}
        return any(_bare(located.text[s:e]) in golds for s, e in located.spans.get(actor.id, ()))
    if any(located.touches(actor, s, e) for s, e in spans):
        return True
    return not any(
        o.actor.id != actor.id and located.touches(o.actor, s, e) for o in others for s, e in spans
    )


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
    """The labelled candidate groups of every rule event in the `part` of the events folder.

    A candidate is labelled right exactly when the set's scorer would count it right as the
    event's target (`record_judge`, `conll_judge`), so the ranker learns what is measured.
    """
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
        by_idx = {t.idx: t for t in doc}
        views = {sent.start: SentenceView(sent) for sent in doc.sents}
        for group in event_groups(events):
            verb = by_idx.get(group[0].trigger_start)
            if verb is None:
                continue
            ruled = {e.target.id for e in group if e.target is not None}
            if not ruled and group[0].cameo in SELF_CONTAINED_CODES:
                continue  # an act that takes no target gets none (`RoleModel`): nothing to learn
            if kind == "conll":
                judge = conll_judge(gold, located, group[0])
                regions = conll_regions(gold)
                gold_at = regions["T"] + regions["R"]
            else:
                judge = record_judge(gold, located, events, group[0])
                gold_at = gold_spans(record_golds(gold, located, events, group[0]), located)
            if judge is None:
                continue
            candidates = event_candidates(views[verb.sent.start], verb, group, actors)
            if not candidates:
                continue
            groups.append(
                Group(
                    k,
                    kind,
                    [c.features for c in candidates],
                    [strict(judge(c.actor), c, candidates, gold_at, located) for c in candidates],
                    [c.actor.id in ruled for c in candidates],
                    [is_venue(c.token) for c in candidates],
                    judge(None),
                    [] if ruled else null_features(group[0], verb),
                )
            )
        if progress is not None:
            progress(1)
    return groups


def _decide(p: Sequence[float], group: Group, replace_at: float, add_at: float) -> int | None:
    """The index of the chosen target (the rules' first if kept), as `RoleModel.choose` decides.

    `p` holds the group's probabilities: its candidates', then "no target"'s if it competes.
    A venue never replaces the rules' target, as in `RoleModel.choose`, so the thresholds are
    chosen for the decision the ranker makes.
    """
    n = len(group.labels)
    best = max(range(len(p)), key=lambda k: p[k])
    rule = next((k for k, r in enumerate(group.ruled) if r), None)
    if best == n:
        return None
    if group.ruled[best]:
        return rule
    if rule is not None:
        return best if p[best] >= replace_at and not group.venue[best] else rule
    return best if p[best] >= add_at else None


def objective(
    groups: Sequence[Group], scores: Sequence[Sequence[float]], replace_at: float, add_at: float
) -> float:
    """Share of groups whose chosen target is a gold one, less wrong targets the ranker adds.

    For the CAMEO role set, whose score is token F1, a target where the gold has none costs
    as much as a missed one. On every set, a wrong target given to an event the rules left
    without one costs as much as a right one gains: the ranker adds an actor only when it is
    more often right than wrong, since a wrong target printed is an error a reader sees and
    the record scorers, which count a missing and a wrong target alike, do not weigh it.
    """
    good = bad = 0
    for group, score in zip(groups, scores, strict=True):
        chosen = _decide(score, group, replace_at, add_at)
        if (chosen is not None and group.labels[chosen]) or (chosen is None and group.none):
            good += 1
        elif chosen is not None and (group.kind == "conll" or not any(group.ruled)):
            bad += 1
    return (good - bad) / max(1, len(groups))


def _matrix(groups: Sequence[Group], vocabulary: dict[str, int]) -> tuple[Any, numpy.ndarray, numpy.ndarray]:
    """The rows of every group (sparse, 0/1), where each group's rows start, and their labels."""
    from scipy.sparse import csr_matrix

    rows, cols, starts, labels = [], [], [], []
    r = 0
    for group in groups:
        features, ys = group.rows()
        starts.append(r)
        labels.extend(ys)
        for row in features:
            for column in sorted({vocabulary[f] for f in row if f in vocabulary}):
                rows.append(r)
                cols.append(column)
            r += 1
    matrix = csr_matrix((numpy.ones(len(rows)), (rows, cols)), shape=(r, len(vocabulary)))
    return matrix, numpy.array(starts, dtype=numpy.int64), numpy.array(labels, dtype=numpy.float64)


def _fit_one(groups: Sequence[Group], c: float) -> tuple[dict[str, int], numpy.ndarray, float]:
    """A conditional logit: maximise the probability the group's softmax gives its right rows.

    A group with several right rows ("X and Y met": Y, or no target) is right with any of them,
    so the likelihood is their summed probability; a group with none is left out. L2 penalty
    1/(2C), L-BFGS from zero (deterministic).
    """
    from scipy.optimize import minimize

    trained = [g for g in groups if any(g.rows()[1])]
    counts = Counter(f for g in trained for fs in g.rows()[0] for f in set(fs))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    x, starts, y = _matrix(trained, vocabulary)
    segment = numpy.repeat(numpy.arange(len(starts)), numpy.diff(numpy.append(starts, x.shape[0])))

    def loss(w: numpy.ndarray) -> tuple[float, numpy.ndarray]:
        z = x @ w
        e = numpy.exp(z - numpy.maximum.reduceat(z, starts)[segment])
        total = numpy.add.reduceat(e, starts)
        right = numpy.add.reduceat(e * y, starts)
        value = -float(numpy.sum(numpy.log(right) - numpy.log(total))) + 0.5 * float(w @ w) / c
        gradient = x.T @ (e / total[segment] - e * y / right[segment]) + w / c
        return value, gradient

    found = minimize(
        loss, numpy.zeros(len(vocabulary)), jac=True, method="L-BFGS-B", options={"maxiter": 1000}
    )
    return vocabulary, numpy.asarray(found.x, dtype=numpy.float64), 0.0


def _scores(
    groups: Sequence[Group], vocabulary: dict[str, int], weights: numpy.ndarray, bias: float
) -> list[list[float]]:
    """Each group's softmax over its rows, as `RoleModel.probabilities` gives it."""
    x, starts, _ = _matrix(groups, vocabulary)
    z = x @ weights + bias
    ends = numpy.append(starts[1:], x.shape[0])
    out: list[list[float]] = []
    for start, end in zip(starts, ends, strict=True):
        e = numpy.exp(z[start:end] - z[start:end].max())
        out.append([float(v) for v in e / e.sum()])
    return out


def setting_preference(setting: tuple[float, float, float, float]) -> tuple[float, float]:
    """Order (objective, C, replace_at, add_at) settings: the better objective first and, of
    settings that tie, the higher thresholds (the ranker overrides the rules less often).

    The objective counts groups, so equally good settings are common; without the second key a
    retrain on slightly changed data jumps to whichever tied setting was tried first.
    """
    value, _, replace_at, add_at = setting
    return (round(value, 9), replace_at + add_at)


def fit(
    groups: Sequence[Group], folds: int = 5, c_grid: Sequence[float] = C_GRID
) -> tuple[RoleModel, dict[str, Any]]:
    """Choose C (among `c_grid`) and thresholds on out-of-fold scores, then fit on all groups.

    Of equally good settings, the one with the higher thresholds (closer to the rules) wins.
    """
    fold_of = [numpy.random.default_rng(SEED + g.text).integers(folds) for g in groups]
    settings: list[tuple[float, float, float, float]] = []  # (objective, C, replace_at, add_at)
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
                settings.append((objective(groups, oof, replace_at, add_at), c, replace_at, add_at))
    best = max(settings, key=setting_preference)
    value, c, replace_at, add_at = best
    vocabulary, weights, bias = _fit_one(groups, c)
    rules = [[1.0 if r else 0.0 for r in g.ruled] + ([1.0] if g.null else []) for g in groups]
    baseline = objective(groups, rules, 2.0, 2.0)
    report = {
        "groups": len(groups),
        "candidates": sum(len(g.labels) for g in groups),
        "no_target_options": sum(bool(g.null) for g in groups),
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
