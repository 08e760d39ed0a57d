"""Events-stage throughput against spaCy's full small pipeline, on the same article bodies.

The events stage is nlp -> actors -> events as the pipeline runs it: only sentences that
can hold an event are parsed (`dateline.nlp.parse_events`). The peer is spaCy's own
pipeline over every sentence of the same bodies, measured in the same run. The same
actors and coder are also run on spaCy's full parse, which gives the unfiltered events
stage and, by comparing the events found, what the filter loses.
"""

from __future__ import annotations

import time
from typing import Any

from dateline.model import Article, Event, RawDoc

TARGET_RATIO = 2.0
_WARM_TEXT = "Seoul said on Monday it had asked Tokyo to hold talks."


def _bodies(texts: list[str]) -> list[Article]:
    """The English articles of the texts, as the pipeline prepares them (not timed)."""
    from dateline.pipeline import prepare

    return [a for text in texts for a in prepare(RawDoc(text=text)) if a.language == "en"]


def _key(event: Event) -> tuple[str, int, str, str, str]:
    target = event.target.id if event.target else ""
    return (event.article_id, event.trigger_start, event.type, event.source.id, target)


def run(texts: list[str], chunk: int = 20) -> dict[str, Any]:
    """Tokens per second of spaCy's full pipeline and of the events stage, and their ratio.

    Both run on the same chunks of articles, alternating which goes first, so that a
    change in the machine's load during the run hits both alike. Seconds are this
    process's CPU time (other processes on a shared machine do not count); wall-clock
    figures are reported too.
    """
    from dateline.actors import find_actors
    from dateline.events import code_events
    from dateline.nlp import load_pipeline, parse_events

    articles = _bodies(texts)
    nlp = load_pipeline()
    # Warm up both paths (model caches, lexicon sets, the gazetteer the actor finder loads
    # once per process), so that no one-off loading is counted on either side.
    warm = articles[:1] or [Article(doc_id="warm", position=0, start=0, end=0, body=_WARM_TEXT)]
    list(nlp.pipe([a.body for a in warm]))
    for doc, article in zip(parse_events([a.body for a in warm]), warm, strict=True):
        code_events(doc, article, find_actors(doc, article))

    cpu = {"spacy": 0.0, "coding": 0.0, "stage": 0.0, "stage_coding": 0.0}
    wall = {"spacy": 0.0, "coding": 0.0, "stage": 0.0}
    tokens = parsed_tokens = 0
    full_events: set[tuple[str, int, str, str, str]] = set()
    stage_events: set[tuple[str, int, str, str, str]] = set()

    def spacy_full(part: list[Article]) -> None:
        nonlocal tokens
        clock, started = time.process_time(), time.perf_counter()
        docs = list(nlp.pipe([a.body for a in part], batch_size=32))
        cpu["spacy"] += time.process_time() - clock
        wall["spacy"] += time.perf_counter() - started
        tokens += sum(len(doc) for doc in docs)
        # the same actors and coder on the full parse: the unfiltered events stage
        clock, started = time.process_time(), time.perf_counter()
        for doc, article in zip(docs, part, strict=True):
            full_events.update(map(_key, code_events(doc, article, find_actors(doc, article))))
        cpu["coding"] += time.process_time() - clock
        wall["coding"] += time.perf_counter() - started

    def events_stage(part: list[Article]) -> None:
        nonlocal parsed_tokens
        clock, started = time.process_time(), time.perf_counter()
        docs = []
        for doc, article in zip(parse_events([a.body for a in part]), part, strict=True):
            coding = time.process_time()  # part of the stage's time: its share is reported
            stage_events.update(map(_key, code_events(doc, article, find_actors(doc, article))))
            cpu["stage_coding"] += time.process_time() - coding
            docs.append(doc)
        cpu["stage"] += time.process_time() - clock
        wall["stage"] += time.perf_counter() - started
        parsed_tokens += sum(1 for doc in docs for t in doc if t.dep_)

    for k in range(0, len(articles), chunk):
        part = articles[k : k + chunk]
        first, second = (spacy_full, events_stage) if (k // chunk) % 2 == 0 else (events_stage, spacy_full)
        first(part)
        second(part)

    def per_s(seconds: float) -> float:
        return round(tokens / seconds, 1) if seconds else 0.0

    ratio = cpu["spacy"] / cpu["stage"] if cpu["stage"] else 0.0
    return {
        "spacy_tokens_per_s": per_s(cpu["spacy"]),
        "events_stage_tokens_per_s": per_s(cpu["stage"]),
        "ratio": round(ratio, 3),
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio >= TARGET_RATIO,
        "wall_ratio": round(wall["spacy"] / wall["stage"], 3) if wall["stage"] else 0.0,
        # the same actors and coder on spaCy's parse of every sentence
        "unfiltered_stage_tokens_per_s": per_s(cpu["spacy"] + cpu["coding"]),
        "parsed_token_share": round(parsed_tokens / tokens, 3) if tokens else 0.0,
        "events_unfiltered": len(full_events),
        "events": len(stage_events),
        # events the unfiltered stage finds that the filtered one also finds
        "events_kept_share": round(len(full_events & stage_events) / len(full_events), 3)
        if full_events
        else 1.0,
        "articles": len(articles),
        "tokens": tokens,
        # where the stage's CPU seconds go: parsing (nlp) and the actor finder with the coder
        "cpu_seconds": {
            "spacy": round(cpu["spacy"], 2),
            "stage": round(cpu["stage"], 2),
            "stage_nlp": round(cpu["stage"] - cpu["stage_coding"], 2),
            "stage_actors_and_coder": round(cpu["stage_coding"], 2),
        },
    }
