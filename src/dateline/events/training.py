"""`dateline train events`: fit the event-type classifier on the fit parts of ../shared.

Reads the labelled sets of the development data (only their *fit* part, see
`dateline.evaluate.parts`), parses every text, runs the rule coder on it for its
features, and fits one logistic regression per head with a fixed seed, so the same data
always gives the same file. scikit-learn is needed here only; the pipeline reads the
result with numpy.

- type head: PLV sentences (`plv.train.jsonl`) and the PLOVER gold records;
- penta head: the CAMEO penta-class sentences and the PLV sentences' `penta` field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy
from spacy.tokens import Doc

from dateline.actors import find_actors
from dateline.evaluate.events import records_of
from dateline.evaluate.parts import Part
from dateline.events.classify import (
    CONTEXT,
    SENTENCE_HEADS,
    VECTOR_KINDS,
    EventTypeModel,
    Head,
    feature_value,
    sentence_features,
    token_vectors,
    trigger_features,
    trigger_token,
    type_class,
)
from dateline.events.coder import rule_events
from dateline.model import Article, Event, stable_id
from dateline.nlp import parse

SEED = 20261206
# A feature seen fewer times than this in training says nothing reliable.
MIN_COUNT = 2
# Inverse regularisation strength, chosen by cross-validation on the fit part.
C_GRID = (0.1, 0.3, 1.0)
# The dense features (`classify.token_vectors` kinds) each head reads beside the words.
READS: dict[str, tuple[str, ...]] = {"type": ("sentence",), "penta": ("sentence", "root")}


@dataclass
class Example:
    """One labelled text: its features, and its label for each head that has one."""

    text: str
    features: list[str]
    labels: dict[str, str] = field(default_factory=dict)
    # the text's features as a whole (`sentence_features`), for the heads that read sentences
    sentence: list[str] = field(default_factory=list)
    # dense features (`classify.token_vectors`): of the labelled event's trigger and sentence,
    # and of the whole text (its sentences' mean), for the heads that read sentences
    vectors: dict[str, numpy.ndarray] = field(default_factory=dict)
    sentence_vectors: dict[str, numpy.ndarray] = field(default_factory=dict)


Vectors = dict[str, numpy.ndarray]


def text_features(
    texts: Sequence[str],
    progress: Callable[[int], None] | None = None,
    actors: Sequence[tuple[str, ...]] = (),
) -> list[tuple[list[str], list[str], Vectors, Vectors]]:
    """The features of each text as the pipeline sees them for its labelled event, and as a whole.

    The labels say what act a text reports, not which word reports it: the event the rules
    found that the label is about is the one whose actors are the gold actors' words
    (`actors`, where the labelled set gives them), else the one nearest the root of the parse
    (the main clause's act, which a one-label sentence is labelled for). That event's
    `trigger_features` are the example's; a text the rules found nothing in gives its
    sentences' features as context. The second list is every sentence's `sentence_features`,
    which the heads in `SENTENCE_HEADS` read. The two dicts are the dense features
    (`classify.token_vectors`) of the labelled event (its trigger's and its sentence's; a
    text without one: its sentences' mean) and of the text as a whole (its sentences' mean).
    """
    out: list[tuple[list[str], list[str], Vectors, Vectors]] = []
    for k, doc in enumerate(parse(list(texts))):
        text = texts[k]
        article = Article(doc_id=stable_id("train", k, text), position=0, start=0, end=len(text), body=text)
        found = find_actors(doc, article)
        events = rule_events(doc, article, found)
        gold = actors[k] if k < len(actors) else ()
        focus = _focus(doc, events, gold)
        features: list[str] = []
        whole: list[str] = []
        per_sentence: list[Vectors] = []
        vectors: Vectors = {}
        for sent in doc.sents:
            inside = [e for e in events if sent.start_char <= e.trigger_start < sent.end_char]
            whole.extend(sentence_features(sent, inside))
            if focus is not None and focus in inside:
                others = [e for e in inside if e is not focus]
                features.extend(trigger_features(sent, focus, others))
                vectors = token_vectors(sent, trigger_token(sent, focus))
            else:
                features.extend(CONTEXT + f for f in sentence_features(sent, inside))
            per_sentence.append(token_vectors(sent))
        if focus is None:
            features.append("rule=NONE")
        mean = _mean(per_sentence)
        out.append((features, whole, vectors or mean, mean))
        if progress is not None:
            progress(1)
    return out


def _mean(vectors: Sequence[Vectors]) -> Vectors:
    """The mean of each kind of dense feature over the sentences that have it."""
    kinds = {kind for v in vectors for kind in v}
    return {kind: numpy.mean([v[kind] for v in vectors if kind in v], axis=0) for kind in sorted(kinds)}


def _words(text: str) -> set[str]:
    return {w for w in text.casefold().replace("'s", " ").split() if len(w) > 2}


def _focus(doc: Doc, events: Sequence[Event], gold: Sequence[str]) -> Event | None:
    """The rule event a text's label is about (see `text_features`)."""
    if not events:
        return None
    wanted = [_words(g) for g in gold]

    def score(event: Event) -> tuple[int, int, int]:
        names = [event.source.name] + ([event.target.name] if event.target else [])
        overlap = sum(1 for w in wanted for n in names if w & _words(n))
        token = next((t for t in doc if t.idx == event.trigger_start), None)
        depth = 0
        while token is not None and token.head.i != token.i and depth < 50:
            token = token.head
            depth += 1
        return (-overlap, depth, event.trigger_start)

    return min(events, key=score)


def _rows(data: Path, part: Part) -> list[tuple[str, dict[str, str], tuple[str, ...]]]:
    """(text, labels, gold actors' words) of every labelled item of `part` in the events folder."""
    rows: list[tuple[str, dict[str, str], tuple[str, ...]]] = []
    plv = data / "plv.train.jsonl"
    if plv.is_file():
        for record in records_of(plv, part):
            gold = record["events"][0]
            labels = {"type": type_class(gold["type"])}
            if gold.get("penta") is not None:
                labels["penta"] = str(gold["penta"])
            rows.append((record["text"], labels, _actor_texts(gold)))
    gsr = data / "plover-gsr.dev.jsonl"
    if gsr.is_file():
        for record in records_of(gsr, part):
            types = {type_class(g["type"]) for g in record["events"]}
            if len(types) == 1:
                rows.append((record["text"], {"type": types.pop()}, _actor_texts(record["events"][0])))
    penta = data / "cameo-sentences.dev.tsv"
    if penta.is_file():
        rows.extend((sentence, {"penta": str(label)}, ()) for sentence, label in records_of(penta, part))
    return rows


def _actor_texts(gold: dict[str, Any]) -> tuple[str, ...]:
    """The words of a gold event's source and target actors."""
    return tuple(a["text"] for key in ("source", "target") for a in gold.get(key) or () if a.get("text"))


def load_examples(
    data: Path, part: Part = "fit", progress: Callable[[int], None] | None = None
) -> list[Example]:
    """Labelled examples from the events folder of the development data, `part` only."""
    rows = _rows(data, part)
    features = text_features([text for text, _, _ in rows], progress, [gold for _, _, gold in rows])
    return [
        Example(text, f, labels, w, v, sv)
        for (f, w, v, sv), (text, labels, _) in zip(features, rows, strict=True)
    ]


def _features(example: Example, head: str) -> list[str]:
    """The features a head reads of an example: the sentence's or the trigger's."""
    return example.sentence if head in SENTENCE_HEADS and example.sentence else example.features


def _dense(example: Example, head: str, reads: Sequence[str], width: int) -> numpy.ndarray:
    """The dense features a head reads of an example, end to end (zeros for one missing)."""
    vectors = example.sentence_vectors if head in SENTENCE_HEADS and example.sentence else example.vectors
    zero = numpy.zeros(width, dtype=numpy.float32)
    return numpy.concatenate([vectors.get(kind, zero) for kind in reads])


def fit(
    examples: Sequence[Example],
    c_grid: Sequence[float] = C_GRID,
    reads: dict[str, tuple[str, ...]] | None = None,
) -> tuple[EventTypeModel, dict[str, Any]]:
    """Fit every head on the examples that carry its label; returns the model and a report.

    `reads` names the dense features each head reads beside the words (default `READS`);
    examples without vectors (a Doc without `tensor`) give a head none.

    The report gives each head's cross-validated accuracy on the fit part (5 folds): the
    honest "fit" figure, since the model has seen every fit example.
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    reads = READS if reads is None else reads
    if any(kind not in VECTOR_KINDS for kinds in reads.values() for kind in kinds):
        raise ValueError(f"dense features are among {VECTOR_KINDS}")
    width = next((len(v) for e in examples for v in (*e.vectors.values(), *e.sentence_vectors.values())), 0)
    counts = Counter(f for e in examples for f in {*e.features, *e.sentence})
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    vocabulary = {f: i for i, f in enumerate(names)}
    heads: dict[str, Head] = {}
    report: dict[str, Any] = {"vocabulary": len(vocabulary)}
    for head in sorted({h for e in examples for h in e.labels}):
        chosen = [e for e in examples if head in e.labels]
        rows, cols, values = [], [], []
        for r, example in enumerate(chosen):
            known = {vocabulary[f]: feature_value(f) for f in _features(example, head) if f in vocabulary}
            for column in sorted(known):
                rows.append(r)
                cols.append(column)
                values.append(known[column])
        # only the columns this head's examples use: a feature never seen with its labels keeps
        # weight 0 either way, and the optimiser is far quicker without the others
        used = numpy.unique(numpy.asarray(cols, dtype=numpy.int64))
        local = numpy.searchsorted(used, numpy.asarray(cols, dtype=numpy.int64))
        matrix = csr_matrix((numpy.asarray(values), (rows, local)), shape=(len(chosen), len(used)))
        kinds = reads.get(head, ()) if width else ()
        if kinds:
            dense = numpy.stack([_dense(e, head, kinds, width) for e in chosen]).astype(numpy.float64)
            matrix = hstack([matrix, csr_matrix(dense)]).tocsr()
        labels = numpy.array([e.labels[head] for e in chosen])
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
        scores: dict[float, float] = {c_grid[0]: float("nan")}
        for c in c_grid if len(c_grid) > 1 else ():  # one value: nothing to choose
            model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
            scores[c] = float(cross_val_score(model, matrix, labels, cv=folds).mean())
        best = max(c_grid, key=lambda c: (scores[c], -c)) if len(c_grid) > 1 else c_grid[0]
        model = LogisticRegression(C=best, max_iter=3000, random_state=SEED)
        model.fit(matrix, labels)
        coef = numpy.zeros((model.coef_.shape[0], len(vocabulary)), dtype=numpy.float64)
        coef[:, used] = model.coef_[:, : len(used)]
        dense_coef = model.coef_[:, len(used) :]
        intercept = model.intercept_
        if len(model.classes_) == 2:
            # a binary model scores the second class only; softmax over (0, score) is its sigmoid
            coef = numpy.vstack([numpy.zeros_like(coef), coef])
            dense_coef = numpy.vstack([numpy.zeros_like(dense_coef), dense_coef])
            intercept = numpy.concatenate([[0.0], intercept])
        heads[head] = Head(
            tuple(str(c) for c in model.classes_),
            numpy.ascontiguousarray(coef.T, dtype=numpy.float32),
            numpy.asarray(intercept, dtype=numpy.float32),
            tuple(kinds),
            numpy.ascontiguousarray(dense_coef.T, dtype=numpy.float32) if kinds else None,
        )
        report[head] = {
            "examples": len(chosen),
            "classes": len(model.classes_),
            "C": best,
            "cv_accuracy": round(scores[best], 3),
        }
    return EventTypeModel(vocabulary, heads), report


def count_texts(data: Path) -> int:
    """How many texts `train` will parse (for a progress bar)."""
    return len(_rows(data, "fit"))


def train(data: Path, out: Path, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Fit on the fit part of `data` (the events folder) and write the model to `out`."""
    examples = load_examples(data, "fit", progress)
    model, report = fit(examples)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    report["file"] = str(out)
    report["bytes"] = out.stat().st_size
    return report
