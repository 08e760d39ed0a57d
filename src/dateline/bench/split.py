"""Splitting and cleaning: our throughput, and our boundaries against TextTiling's on the same cases.

TextTiling (NLTK) is the classic topic segmenter, the only off-the-shelf peer for
finding where pasted articles change. It wants paragraphs, so every line is
given to it as one; its segment starts are then scored exactly like ours.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.clean import clean
from dateline.evaluate.split import _Counts, load_cases, predict, score_case, split_throughput, summarise
from dateline.model import Article
from dateline.stories.text import STOPWORDS

# Passes over the cases for each throughput figure, the fastest kept: on a shared machine a pass of
# under a second of CPU moves by several per cent with the load, and the fastest of five moves less
# than the fastest of three (four runs each at load 15-16: 0.690-0.705 s against 0.683-0.711 s).
PASSES = 5


def _texttiling_starts(text: str) -> list[int]:
    """Where TextTiling starts a new segment, as character offsets into `text`."""
    from nltk.tokenize.texttiling import TextTilingTokenizer

    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if len(lines) < 4:
        return [0]
    joined = "\n\n".join(line for _, line in lines)
    # Our own function-word list, so NLTK needs no corpus download.
    tiler = TextTilingTokenizer(stopwords=sorted(STOPWORDS))
    try:
        segments = tiler.tokenize(joined)
    except ValueError:  # too little text for its windows: one segment
        return [0]
    # The segments concatenate back to `joined`: map each one's first line to its offset.
    starts, consumed = [], 0
    for segment in segments:
        first_char = consumed + len(segment) - len(segment.lstrip())
        line = joined.count("\n\n", 0, first_char)
        starts.append(lines[min(line, len(lines) - 1)][0])
        consumed += len(segment)
    return sorted(set(starts))


def _as_articles(starts: Sequence[int], text: str) -> list[Article]:
    bounds = [*starts, len(text)]
    return [Article(doc_id="", position=i, start=s, end=bounds[i + 1], body="") for i, s in enumerate(starts)]


def _clean_throughput(texts: Sequence[str], repeat: int = PASSES) -> float | None:
    """Megabytes (UTF-8) per CPU second of cleaning alone, the fastest of `repeat` passes: set beside
    the clean+split figure, it shows how the time divides between the two stages."""
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    best = float("inf")
    for _ in range(max(1, repeat)):
        started = time.process_time()
        for text in texts:
            clean(text)
        best = min(best, time.process_time() - started)
    return round(megabytes / best, 3) if best > 0 else None


def run(cases_path: Path, limit: int | None = None) -> dict[str, Any]:
    """Throughput of clean+split, and boundary scores of Dateline and TextTiling on the same cases."""
    cases = list(load_cases(cases_path))[:limit]
    ours, tiling = _Counts(), _Counts()
    started = time.perf_counter()
    for case in cases:
        score_case(case, predict(case["text"]), ours)
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for case in cases:
        score_case(case, _as_articles(_texttiling_starts(case["text"]), case["text"]), tiling)
    tiling_seconds = time.perf_counter() - started
    mine, theirs = summarise(ours), summarise(tiling)
    keys = ("boundary_f1", "boundary_f1_1line", "pk", "windowdiff")
    return {
        "cases": len(cases),
        "throughput": split_throughput([c["text"] for c in cases], repeat=PASSES),
        "clean_only_mb_per_s": _clean_throughput([c["text"] for c in cases]),
        "dateline": {k: mine[k] for k in keys},
        "texttiling": {k: theirs[k] for k in keys},
        "dateline_seconds": round(ours_seconds, 2),
        "texttiling_seconds": round(tiling_seconds, 2),
    }
