"""End-to-end throughput of Dateline against spaCy's own pipeline, in one run.

Absolute times vary with the machine, so what matters is the ratio of the two
measured side by side on the same texts.
"""

from __future__ import annotations

import csv
import resource
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.model import RawDoc

DEFAULT_DATA = Path("../shared/data/news/guardian-sdf.csv")


def load_texts(path: Path | None, limit: int) -> tuple[list[str], str]:
    """Texts to measure on: a CSV's `text` column, else the bundled example repeated."""
    if path is None and DEFAULT_DATA.is_file():
        path = DEFAULT_DATA
    if path is not None:
        csv.field_size_limit(sys.maxsize)
        with path.open(newline="", encoding="utf-8") as stream:
            reader = csv.DictReader(stream)
            if not reader.fieldnames or "text" not in reader.fieldnames:
                raise ValueError(f"{path}: no `text` column (columns: {reader.fieldnames})")
            texts = [row["text"] for row in reader if row["text"].strip()][:limit]
        return texts, str(path)
    example = resources.files("dateline.examples").joinpath("korea-diplomacy.txt").read_text("utf-8")
    # Vary each copy so content-hash ids differ, as distinct documents would.
    return [f"{example}\n" + "." * (i % 7) for i in range(min(limit, 50))], "bundled example x50"


def _spacy_peer(texts: list[str]) -> tuple[int, float, float]:
    """spaCy's full pipeline over the texts: tokens, seconds and this process's peak RSS in MB.

    Run in a child process of its own (`run`), so that what spaCy's full pipeline holds
    (about 800 MB more on the Guardian sample) does not count as Dateline's memory.
    """
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    nlp(texts[0])  # warm up
    start = time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    seconds = time.process_time() - start
    return tokens, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(texts: list[str]) -> dict[str, Any]:
    """Time spaCy's full pipeline and Dateline's over the same texts, one after the other.

    The peer runs in a spawned child process and Dateline in this one, so `peak_rss_mb` is
    Dateline's alone (its model loaded, the texts processed); the peer's is reported beside.
    """
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from dateline.pipeline import process_documents

    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as peer:
        tokens, spacy_seconds, spacy_peak_mb = peer.submit(_spacy_peer, texts).result()

    list(process_documents([RawDoc(text=texts[0])]))  # warm up
    # CPU seconds, not wall: the two run one after the other, and on a shared machine the load
    # can change between them; CPU time is what each costs whatever else runs.
    start = time.process_time()
    events = sum(len(r.events) for r in process_documents(RawDoc(text=t) for t in texts))
    dateline_seconds = time.process_time() - start

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "dateline_tokens_per_s": round(tokens / dateline_seconds, 1),
        "spacy_tokens_per_s": round(tokens / spacy_seconds, 1),
        "ratio": round(spacy_seconds / dateline_seconds, 3),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "spacy_peak_rss_mb": round(spacy_peak_mb, 1),
        "docs": len(texts),
        "tokens": tokens,
        "events": events,
    }
