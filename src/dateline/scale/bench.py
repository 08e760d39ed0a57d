"""How the Ray engine scales: throughput with 1 and 2 workers, overhead, memory per worker.

Opt-in (it takes minutes): `make bench-scale`, or `python -m dateline.scale.bench
[ARTICLES]`, prints one JSON object. The corpus is the benchmark CSV's texts repeated until there
are enough documents, each copy made distinct (a wider first space, which the
cleaner drops) so content-hash ids differ, as they would in a real crawl.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.scale.runner import BatchReport, run_local, run_ray


def write_corpus(texts: Sequence[str], folder: Path, documents: int, shards: int) -> list[str]:
    """Write `documents` copies of the texts round-robin into `shards` JSONL files; returns their paths."""
    paths = [folder / f"part-{n:03d}.jsonl" for n in range(shards)]
    streams = [p.open("w", encoding="utf-8") for p in paths]
    try:
        for i in range(documents):
            # Copy k widens the first space by k: readers strip the ends, the cleaner the rest.
            text = texts[i % len(texts)].replace(" ", " " * (1 + i // len(texts)), 1)
            streams[i % shards].write(json.dumps({"text": text}) + "\n")
    finally:
        for stream in streams:
            stream.close()
    return [str(p) for p in paths]


def _summary(report: BatchReport, seconds: float) -> dict[str, Any]:
    totals = report.totals()
    per_worker: dict[str, float] = {}
    worker_cpu: dict[str, float] = {}
    for s in report.shards:
        per_worker[s["worker"]] = max(per_worker.get(s["worker"], 0.0), s["peak_rss_mb"])
        worker_cpu[s["worker"]] = worker_cpu.get(s["worker"], 0.0) + s.get("cpu_seconds", 0.0)
    cpu = sum(worker_cpu.values())
    return {
        "seconds": round(seconds, 2),
        "docs_per_s": round(totals["documents"] / seconds, 2),
        "articles": totals["articles"],
        "events": totals["events"],
        "worker_cpu_seconds": round(cpu, 1),
        "docs_per_cpu_s": round(totals["documents"] / cpu, 2) if cpu else None,
        # How much of the workers' CPUs the run got: under 1.0 when other jobs share the machine.
        "cpu_share": round(cpu / (seconds * len(worker_cpu)), 3) if worker_cpu else None,
        # The busiest worker's CPU time: the run's length if each worker had a core to itself.
        "busiest_worker_cpu_seconds": round(max(worker_cpu.values(), default=0.0), 1),
        "peak_rss_mb_per_worker": sorted(per_worker.values()),
        "errors": len(report.errors),
    }


def run(
    data: Path | None = None, documents: int = 2000, workers: Sequence[int] = (1, 2), shards: int = 8
) -> dict[str, Any]:
    """Time the Ray engine on `documents` documents with each worker count, plus its tiny-input overhead.

    One local Ray session serves every run (its start-up is reported apart);
    each run starts its own actors, so their spaCy loading is counted, as it
    would be in any real run.
    """
    import ray

    from dateline.bench import load_texts

    texts, source = load_texts(data, 10**6)
    result: dict[str, Any] = {
        "data": source,
        "documents": documents,
        "shards": shards,
        "cpus": os.cpu_count(),
    }
    result["load_average_before"] = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inputs = write_corpus(texts, root, documents, shards)
        (root / "tiny").mkdir()
        tiny = write_corpus(texts[:1], root / "tiny", 1, 1)

        start = time.perf_counter()
        ray.init(num_cpus=max(2, *workers), include_dashboard=False, log_to_driver=False)
        result["ray_start_seconds"] = round(time.perf_counter() - start, 2)
        try:
            start = time.perf_counter()
            run_local(tiny, root / "tiny-local")
            local_tiny = time.perf_counter() - start
            start = time.perf_counter()
            run_ray(tiny, root / "tiny-ray", workers=1)
            ray_tiny = time.perf_counter() - start
            result["tiny_input"] = {
                "local_seconds": round(local_tiny, 2),
                "ray_seconds": round(ray_tiny, 2),
                "ray_overhead_seconds": round(ray_tiny - local_tiny, 2),
            }
            runs = {}
            for count in workers:
                start = time.perf_counter()
                report = run_ray(inputs, root / f"out-{count}", workers=count)
                runs[str(count)] = _summary(report, time.perf_counter() - start)
            result["runs"] = runs
        finally:
            ray.shutdown()
    if "1" in result["runs"] and "2" in result["runs"]:
        one, two = result["runs"]["1"], result["runs"]["2"]
        result["speedup_2_vs_1"] = round(one["seconds"] / two["seconds"], 3)
        # The same ratio from CPU time alone: what two free cores would give (start-up excluded).
        result["speedup_2_vs_1_cpu"] = round(
            one["busiest_worker_cpu_seconds"] / max(two["busiest_worker_cpu_seconds"], 1e-9), 3
        )
        result["target_speedup"] = 1.8
    result["load_average_after"] = os.getloadavg()[0]
    return result


def main(argv: Sequence[str] = ()) -> None:
    """`python -m dateline.scale.bench [DOCUMENTS]`: print the figures as one JSON object."""
    documents = int(argv[0]) if argv else 2000
    sys.stdout.write(json.dumps(run(documents=documents)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
