"""Benchmarks: each part measures Dateline against a peer in the same run, as ratios.

Absolute times depend on the machine and on what else runs on it; a ratio of
two measurements taken side by side is what can be compared across runs.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

from dateline.bench.pipeline import load_texts

SHARED = Path("../shared/data")
PARTS = (
    "pipeline",
    "events",
    "split",
    "extract",
    "stories",
    "api",
    "scale",
    "fuzz",
    "live",
    "load",
    "kill",
    "big",
    "end",
)
DEFAULT_PARTS = ("pipeline", "events", "split", "extract", "stories")


def _guardian(limit: int) -> list[tuple[str, str | None]]:
    path = SHARED / "news" / "guardian-sdf.csv"
    if not path.is_file():
        return []
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as stream:
        return [(r["text"], r.get("date") or None) for r in csv.DictReader(stream) if r["text"].strip()][
            :limit
        ]


def _news(limit: int) -> list[str]:
    """Up to `limit` real news texts: the Guardian sample, then the scrapinghub article bodies, then
    the dev pages as scraped (566 in all), for parts that need more articles than one set has."""
    import json

    texts = [text for text, _ in _guardian(limit)]
    truth = SHARED / "extraction" / "scrapinghub" / "ground-truth.json"
    if truth.is_file():
        texts += [page["articleBody"] for page in json.loads(truth.read_text("utf-8")).values()]
    pages = SHARED / "news" / "pages.dev.jsonl"
    if pages.is_file():
        with pages.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return [t for t in texts if t.strip()][:limit]


def run(
    parts: tuple[str, ...],
    data: Path | None = None,
    docs: int = 250,
    scale_docs: int = 2000,
    big: tuple[Path, int, float] | None = None,
) -> dict[str, Any]:
    """Run the chosen parts; parts whose data is missing say so instead of failing."""
    result: dict[str, Any] = {}
    if "pipeline" in parts:
        from dateline.bench import pipeline

        texts, source = load_texts(data, docs)
        result.update(pipeline.run(texts))
        result["data"] = source
    if "events" in parts:
        from dateline.bench import events

        result["events"] = events.run(load_texts(data, docs)[0])
    if "split" in parts:
        cases = SHARED / "split" / "cases.dev.jsonl"
        if cases.is_file():
            from dateline.bench import split

            result["split"] = split.run(cases)
        else:
            result["split"] = {"skipped": f"{cases} not found"}
    if "extract" in parts:
        folder = SHARED / "extraction" / "scrapinghub"
        if folder.is_dir():
            from dateline.evaluate.extract import evaluate

            result["extract"] = evaluate(folder)
        else:
            result["extract"] = {"skipped": f"{folder} not found"}
    if "stories" in parts:
        from dateline.bench import stories

        articles = _guardian(docs)
        result["stories"] = stories.run(articles) if articles else {"skipped": "guardian-sdf.csv not found"}
    if "api" in parts:
        from dateline.bench import api
        from dateline.model import RawDoc

        result["api"] = api.run([RawDoc(text=t, date=d) for t, d in _guardian(60)] or [RawDoc(text=texts[0])])
    if "fuzz" in parts:
        from dateline.bench import fuzz

        # Inputs per reader: 40 per --docs, so 10,000 with the default 250.
        result["fuzz"] = fuzz.run(per_reader=max(docs * 40, 100))
    if "live" in parts:
        from dateline.bench import live

        # --docs articles ingested by `serve --watch` while 20 readers use the dashboard and API.
        texts = load_texts(data, docs)[0] if data is not None else _news(docs) or load_texts(None, docs)[0]
        result["live"] = live.run(texts)
    if "load" in parts:
        from dateline.bench import load
        from dateline.model import RawDoc

        # 100 clients on every endpoint of `dateline serve` for 60 s, over a store of --docs articles.
        result["load"] = load.run([RawDoc(text=t) for t in _news(docs) or load_texts(None, docs)[0]])
    if "kill" in parts:
        from dateline.bench import kill

        # --scale-docs documents ingested cleanly and, beside it, with three kill -9s and a resume.
        result["kill"] = kill.run(data, documents=scale_docs)
    if "big" in parts:
        import tempfile

        from dateline.bench import big as big_files

        folder, size_mb, seconds = big or (Path(tempfile.gettempdir()) / "dateline-big", 1024, 600.0)
        result["big"] = big_files.run(folder, size_mb, seconds)
    if "end" in parts:
        import tempfile

        from dateline.bench import big as big_files

        folder, size_mb, _ = big or (Path(tempfile.gettempdir()) / "dateline-big", 1024, 600.0)
        result["end"] = big_files.end_at_size(folder, size_mb, docs=scale_docs // 2)
    if "scale" in parts:
        try:
            from dateline.scale import bench as scale_bench
        except ImportError:
            result["scale"] = {"skipped": "Ray is not installed: pip install 'dateline[ray]'"}
        else:
            result["scale"] = scale_bench.run(data, documents=scale_docs)
    return result
