"""`dateline train filter`: fit the learned sentence filter by distillation on the fit parts.

The labels are the pipeline's own: every fit text of the development data (the PLV, GSR,
penta-class and conll sentences, a fixed sample of the NGEC stories, the Guardian articles
and the news pages of the fit part) is run through the events stage as the product runs it
(candidate sentences parsed, actors, coder) with the filter off, and each candidate sentence
(`candidates.can_hold_event`) is labelled by how many events the coder found in it. No
label is made by hand, and no check item is read.

A logistic regression (scikit-learn, fixed seed) is fitted on the hashed features of
`sentence_filter.feature_rows`, each sentence weighted by its events (a sentence of two
events counts twice) or 1 when it gives none. Its strength and threshold are chosen on
out-of-fold scores (5 folds by document, `evaluate.parts.fold_of`): the threshold keeps
`RECALL` of the fit events, the strength is the one that then drops the most parsed words.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy

from dateline.evaluate.events import records_of
from dateline.evaluate.parts import fold_of, outlet_key, part_of
from dateline.events.sentence_filter import BITS, SentenceFilter, feature_rows

SEED = 20261207
# Share of the fit events (out of fold) whose sentences the filter must keep.
RECALL = 0.99
FOLDS = 5
C_GRID = (0.1, 0.3, 1.0)
# NGEC's synthetic stories are many and alike: one fit story in this many is enough.
NGEC_EVERY = 4

# (document group, article body)
Text = tuple[str, str]
# (document group, sentence, events the coder found in it)
Labelled = tuple[str, str, int]


def fit_texts(data: Path) -> list[Text]:
    """Every fit text the filter learns from, as article bodies with the document they come from."""
    from dateline.bench.events import _bodies  # the pipeline's own clean + split, not timed there

    events = data / "events"
    texts: list[Text] = []
    for name in ("plv.train.jsonl", "plover-gsr.dev.jsonl"):
        if (events / name).is_file():
            texts.extend((r["text"], r["text"]) for r in records_of(events / name, "fit"))
    if (events / "cameo-sentences.dev.tsv").is_file():
        texts.extend((s, s) for s, _ in records_of(events / "cameo-sentences.dev.tsv", "fit"))
    if (events / "cameo-actors.dev.conll").is_file():
        for sent in records_of(events / "cameo-actors.dev.conll", "fit"):
            text = " ".join(token for token, _ in sent)
            texts.append((text, text))
    if (events / "ngec-synthetic-stories.csv").is_file():
        stories = records_of(events / "ngec-synthetic-stories.csv", "fit")
        texts.extend((r["text"], r["text"]) for k, r in enumerate(stories) if k % NGEC_EVERY == 0)
    news = data / "news"
    guardian = news / "guardian-sdf.csv"
    if guardian.is_file():
        csv.field_size_limit(sys.maxsize)
        with guardian.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.DictReader(handle) if r["text"].strip()]
        for row in rows:
            url = f"guardian-sdf:{row['']}"
            if part_of(url) == "fit":
                texts.extend((url, a.body) for a in _bodies([row["text"]]))
    pages = news / "pages.dev.jsonl"
    if pages.is_file():
        for line in pages.read_text("utf-8").splitlines():
            page = json.loads(line) if line.strip() else None
            if page and part_of(outlet_key(page["outlet"])) == "fit":
                texts.extend((page["url"], a.body) for a in _bodies([page["text"]]))
    return texts


@contextmanager
def _unfiltered() -> Iterator[None]:
    """The events stage without the learned filter (the behaviour it learns to predict)."""
    before = os.environ.get("DATELINE_FILTER")
    os.environ["DATELINE_FILTER"] = "off"
    try:
        yield
    finally:
        if before is None:
            del os.environ["DATELINE_FILTER"]
        else:
            os.environ["DATELINE_FILTER"] = before


def distil(texts: list[Text], progress: Callable[[int], None] | None = None) -> list[Labelled]:
    """Each candidate sentence of the texts, with the number of events the events stage codes in it."""
    from dateline.actors import find_actors
    from dateline.events import code_events
    from dateline.events.candidates import can_hold_event, select_sentences
    from dateline.model import Article, stable_id
    from dateline.nlp import parse_events, transient

    seen: list[list[str]] = []

    def recording(sentences: list[str]) -> list[bool]:
        seen.append(sentences)
        return select_sentences(sentences)

    out: list[Labelled] = []
    batch = 64
    with _unfiltered():
        for k in range(0, len(texts), batch):
            part = texts[k : k + batch]
            seen.clear()
            with transient():
                docs = list(parse_events([body for _, body in part], select=recording))
                triggers = []
                for j, (doc, (_, body)) in enumerate(zip(docs, part, strict=True)):
                    article = Article(stable_id("filter", k + j, body), 0, 0, len(body), body)
                    triggers.append(
                        [e.trigger_start for e in code_events(doc, article, find_actors(doc, article))]
                    )
            for (group, body), sentences, starts in zip(part, seen, triggers, strict=True):
                at = 0
                for sentence in sentences:
                    begin = body.find(sentence, at) if sentence else -1
                    if begin < 0:
                        continue
                    at = begin + len(sentence)
                    if can_hold_event(sentence):
                        found = sum(1 for t in starts if begin <= t < at)
                        out.append((group, sentence, found))
            if progress is not None:
                progress(len(part))
    return out


def _matrix(sentences: list[str]) -> Any:
    from scipy.sparse import csr_matrix

    rows = [feature_rows(s) for s in sentences]
    indptr = numpy.cumsum([0] + [len(r) for r in rows])
    indices = numpy.fromiter((i for r in rows for i in r), dtype=numpy.int64, count=int(indptr[-1]))
    values = numpy.ones(len(indices), dtype=numpy.float32)
    matrix = csr_matrix((values, indices, indptr), shape=(len(rows), 1 << BITS))
    matrix.sum_duplicates()
    return matrix


def _fit(x: Any, y: numpy.ndarray, weight: numpy.ndarray, c: float) -> tuple[numpy.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=SEED)
    model.fit(x, y, sample_weight=weight)
    return model.coef_[0].astype(numpy.float32), float(model.intercept_[0])


def _threshold(scores: numpy.ndarray, events: numpy.ndarray, recall: float) -> float:
    """The highest score threshold that keeps `recall` of the events."""
    order = numpy.argsort(-scores, kind="stable")
    kept = numpy.cumsum(events[order])
    need = recall * kept[-1]
    last = int(numpy.searchsorted(kept, need - 1e-9))
    return float(scores[order][min(last, len(order) - 1)])


def train(texts: list[Text], out: Path, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Distil labels from the fit texts (`fit_texts`), fit the filter, write it to `out`, and
    say how it did."""
    return fit_labelled(distil(texts, progress), out)


def fit_labelled(labelled: list[Labelled], out: Path) -> dict[str, Any]:
    """Fit the filter on distilled sentences (`distil`), write it to `out`, and say how it did."""
    groups = [g for g, _, _ in labelled]
    sentences = [s for _, s, _ in labelled]
    events = numpy.array([n for _, _, n in labelled], dtype=numpy.float64)
    words = numpy.array([len(s.split()) for s in sentences], dtype=numpy.float64)
    y = (events > 0).astype(numpy.int32)
    weight = numpy.where(events > 0, events, 1.0)
    x = _matrix(sentences)
    folds = numpy.array([fold_of(g, FOLDS) for g in groups])
    best: dict[str, Any] | None = None
    for c in C_GRID:
        scores = numpy.zeros(len(sentences))
        for fold in range(FOLDS):
            held = folds == fold
            coef, bias = _fit(x[~held], y[~held], weight[~held], c)
            scores[held] = x[held] @ coef + bias
        cut = _threshold(scores, events, RECALL)
        dropped = scores < cut
        result = {
            "c": c,
            "threshold": cut,
            "events_kept": float(events[~dropped].sum() / events.sum()),
            "sentences_dropped": float(dropped.mean()),
            "eventless_dropped": float(dropped[events == 0].mean()),
            "words_dropped": float(words[dropped].sum() / words.sum()),
        }
        if best is None or result["words_dropped"] > best["words_dropped"]:
            best = result
    assert best is not None
    coef, bias = _fit(x, y, weight, best["c"])
    # the intercept is folded into the threshold: a sentence is kept when coef . x >= cut - bias
    SentenceFilter(coef, best["threshold"] - bias).save(out)
    return {
        "model": str(out),
        "sentences": len(sentences),
        "with_events": int(y.sum()),
        "events": int(events.sum()),
        "out_of_fold": {k: round(v, 4) if isinstance(v, float) else v for k, v in best.items()},
    }
