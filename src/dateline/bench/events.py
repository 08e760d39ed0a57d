"""Events-stage throughput against spaCy's full small pipeline, on the same article bodies.

The events stage is nlp -> actors -> events as the pipeline runs it: only sentences that
can hold an event are parsed (`dateline.nlp.parse_events`). The peer is spaCy's own
pipeline over every sentence of the same bodies, measured in the same run but in a process
of its own: in one process the two share spaCy's caches (lemmas, vectors of words met
before), and each would run on work the other had paid for. The same actors and coder are
also run on spaCy's full parse in the peer's process, which gives the unfiltered events
stage and, by comparing the events found, what the filter loses.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
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


_peer: dict[str, Any] = {}


def _warm_up(articles: list[Article]) -> None:
    """Load and warm both paths in this process, so no one-off loading is counted."""
    from dateline.actors import find_actors
    from dateline.events import code_events
    from dateline.nlp import load_pipeline, parse_events

    warm = articles or [Article(doc_id="warm", position=0, start=0, end=0, body=_WARM_TEXT)]
    list(load_pipeline().pipe([a.body for a in warm]))
    for doc, article in zip(parse_events([a.body for a in warm]), warm, strict=True):
        code_events(doc, article, find_actors(doc, article))


def _peer_start(warm: list[Article]) -> None:
    """The peer process's set-up: its own pipeline, warmed on the same article as the stage."""
    from dateline.nlp import load_pipeline

    _warm_up(warm)
    _peer["nlp"] = load_pipeline()


def _spacy_full(part: list[Article]) -> dict[str, Any]:
    """spaCy's full pipeline over the part (timed), then the actors and coder on its parse."""
    from dateline.actors import find_actors
    from dateline.events import code_events

    clock, started = time.process_time(), time.perf_counter()
    docs = list(_peer["nlp"].pipe([a.body for a in part], batch_size=32))
    cpu, wall = time.process_time() - clock, time.perf_counter() - started
    clock, started = time.process_time(), time.perf_counter()
    keys = {
        _key(event)
        for doc, article in zip(docs, part, strict=True)
        for event in code_events(doc, article, find_actors(doc, article))
    }
    return {
        "cpu": cpu,
        "wall": wall,
        "coding_cpu": time.process_time() - clock,
        "coding_wall": time.perf_counter() - started,
        "tokens": sum(len(doc) for doc in docs),
        "keys": keys,
    }


def run(texts: list[str], chunk: int = 20) -> dict[str, Any]:
    """Tokens per second of spaCy's full pipeline and of the events stage, and their ratio.

    Both run on the same chunks of articles, alternating which goes first, so that a
    change in the machine's load during the run hits both alike; the peer runs in a spawned
    process of its own, one chunk at a time, while this one waits. Seconds are each
    process's own CPU time (other processes on a shared machine do not count); wall-clock
    figures are reported too.
    """
    from dateline.actors import find_actors
    from dateline.events import code_events
    from dateline.nlp import parse_events

    articles = _bodies(texts)
    # Warm up both paths (model caches, lexicon sets, the gazetteer the actor finder loads
    # once per process), so that no one-off loading is counted on either side.
    _warm_up(articles[:1])
    peer = ProcessPoolExecutor(
        max_workers=1, mp_context=get_context("spawn"), initializer=_peer_start, initargs=(articles[:1],)
    )

    cpu = {"spacy": 0.0, "coding": 0.0, "stage": 0.0, "stage_coding": 0.0}
    wall = {"spacy": 0.0, "coding": 0.0, "stage": 0.0}
    tokens = parsed_tokens = 0
    full_events: set[tuple[str, int, str, str, str]] = set()
    stage_events: set[tuple[str, int, str, str, str]] = set()

    def spacy_full(part: list[Article]) -> None:
        nonlocal tokens
        done = peer.submit(_spacy_full, part).result()
        cpu["spacy"] += done["cpu"]
        wall["spacy"] += done["wall"]
        tokens += done["tokens"]
        # the same actors and coder on the full parse: the unfiltered events stage
        cpu["coding"] += done["coding_cpu"]
        wall["coding"] += done["coding_wall"]
        full_events.update(done["keys"])

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

    with peer:
        for k in range(0, len(articles), chunk):
            part = articles[k : k + chunk]
            order = (spacy_full, events_stage) if (k // chunk) % 2 == 0 else (events_stage, spacy_full)
            for measure in order:
                measure(part)

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
