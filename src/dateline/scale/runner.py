"""Run the per-document pipeline over shards, in this process or on a Ray cluster.

Both engines do the same thing per shard (`run_shard`): read its files with
`dateline.ingest`, run `process_batch` (the one per-batch function), write the
Parquet partitions, then the shard's marker. They differ only in who calls
`run_shard`: a loop here, or a Ray Data actor pool whose actors each load
spaCy once and take one shard at a time.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import platform
import resource
import socket
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from dateline.ingest import IngestError
from dateline.scale.output import (
    MANIFEST,
    PartitionWriter,
    check_writable,
    has_partitions,
    read_markers,
    write_json,
    write_marker,
)
from dateline.scale.rows import TABLES, Rows, process_batch
from dateline.scale.shards import SHARD_BYTES, SHARD_FILES, Shard, plan_shards, read_shard

COUNTS = tuple(TABLES)
# Documents processed between two hand-overs of rows to the shard's writer: bounds worker memory.
CHUNK_DOCS = 256


class ScaleError(Exception):
    """The run cannot start or go on (output not writable, Ray not reachable); the message says why."""


@dataclass
class BatchReport:
    """What a batch run did: one record per shard (as in the manifest) and every error."""

    out: Path
    engine: str
    shards: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for s in self.shards if s["status"] == status)

    @property
    def skipped(self) -> int:
        return sum(1 for s in self.shards if s.get("skipped"))

    def totals(self) -> dict[str, int]:
        return {name: sum(s.get("counts", {}).get(name, 0) for s in self.shards) for name in COUNTS}


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def run_shard(
    shard: Shard,
    out: Path,
    fmt: str = "auto",
    fields: Mapping[str, str] | None = None,
    batch_size: int = 16,
    retries: int = 1,
) -> dict[str, Any]:
    """Process one shard and write its partitions and marker; returns the marker record.

    Files that cannot be read and documents whose processing raised are listed
    as errors and the rest is written (status `partial`, run again next time).
    Any other exception (writing the partitions) is retried `retries` times,
    then the shard is `failed` with the reason and nothing of it is written.
    """
    start, cpu_start = time.perf_counter(), time.process_time()
    record: dict[str, Any] = {
        "id": shard.id,
        "files": [f.path for f in shard.files],
        "bytes": shard.bytes,
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }
    failure = ""
    for attempt in range(1, retries + 2):
        record["attempts"] = attempt
        try:
            docs, unreadable = read_shard(shard, fmt, fields)
            writer = PartitionWriter(out, shard.id)
            try:
                rows = Rows()
                for start_at in range(0, len(docs), CHUNK_DOCS):
                    chunk = docs[start_at : start_at + CHUNK_DOCS]
                    writer.add(process_batch(chunk, batch_size=batch_size, shard=shard.id, rows=rows))
                writer.write()
            finally:
                writer.close()
        except Exception as exc:  # noqa: BLE001 - reported in the manifest, never dropped
            failure = f"{type(exc).__name__}: {exc}".splitlines()[0]
            continue
        errors = [str(e) for e in unreadable] + rows.errors
        record.update(
            status="partial" if errors else "done",
            counts=rows.counts(),
            errors=errors,
            warnings=rows.warnings,
        )
        break
    else:
        record.update(
            status="failed",
            counts={},
            errors=[f"shard {shard.id} failed after {retries + 1} attempts: {failure}"],
        )
    record["seconds"] = round(time.perf_counter() - start, 3)
    # CPU time of this process: wall time alone would hide a worker starved by a busy machine.
    record["cpu_seconds"] = round(time.process_time() - cpu_start, 3)
    record["peak_rss_mb"] = _peak_rss_mb()
    write_marker(out, record)
    return record


def _versions(engine: str) -> dict[str, str | None]:
    from dateline import __version__
    from dateline.nlp import MODEL

    def version(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    return {
        "dateline": __version__,
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "model": f"{MODEL} {version(MODEL.replace('_', '-'))}",
        "duckdb": version("duckdb"),
        "ray": version("ray") if engine == "ray" else None,
    }


@dataclass
class _Run:
    """The plan of one run and how to record it."""

    inputs: list[str]
    out: Path
    engine: str
    settings: dict[str, Any]
    shards: list[Shard]
    input_errors: list[IngestError]
    done_before: dict[str, dict[str, Any]]
    started: str

    @property
    def todo(self) -> list[Shard]:
        return [s for s in self.shards if s.id not in self.done_before]

    def finish(self, records: Mapping[str, dict[str, Any]], run_error: str | None = None) -> BatchReport:
        """Write the manifest from this run's records and earlier markers; return the report."""
        report = BatchReport(self.out, self.engine, errors=[str(e) for e in self.input_errors])
        for shard in self.shards:
            if shard.id in self.done_before:
                report.shards.append({**self.done_before[shard.id], "skipped": True})
            elif shard.id in records:
                report.shards.append({**records[shard.id], "skipped": False})
            else:
                # Not reached (the run stopped first): pending, with the run's error below.
                report.shards.append(
                    {
                        "id": shard.id,
                        "files": [f.path for f in shard.files],
                        "bytes": shard.bytes,
                        "status": "pending",
                        "counts": {},
                        "errors": [],
                        "skipped": False,
                    }
                )
        for s in report.shards:
            if not s.get("skipped"):
                report.errors.extend(s.get("errors", []))
                report.warnings.extend(s.get("warnings", []))
        if run_error:
            report.errors.append(run_error)
        write_json(
            self.out / MANIFEST,
            {
                "engine": self.engine,
                "inputs": self.inputs,
                "settings": self.settings,
                "started": self.started,
                "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "versions": _versions(self.engine),
                "totals": {
                    **report.totals(),
                    "shards": len(report.shards),
                    "done": report.count("done"),
                    "partial": report.count("partial"),
                    "failed": report.count("failed"),
                    "pending": report.count("pending"),
                    "skipped": report.skipped,
                },
                "shards": report.shards,
                "errors": report.errors,
                "warnings": report.warnings,
            },
        )
        return report


def _plan(
    inputs: Sequence[str],
    out: str | Path,
    engine: str,
    settings: dict[str, Any],
    shard_bytes: int,
    shard_files: int,
) -> _Run:
    # Absolute, because Ray workers do not share the driver's working directory.
    folder = Path(out).expanduser().resolve()
    problem = check_writable(folder)
    if problem:
        raise ScaleError(f"{out}: {problem}")
    shards, input_errors = plan_shards(inputs, shard_bytes, shard_files)
    markers = read_markers(folder)
    # Only complete shards are skipped: `partial` and `failed` ones run again.
    done = {
        s.id: markers[s.id]
        for s in shards
        if markers.get(s.id, {}).get("status") == "done" and has_partitions(folder, s.id)
    }
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return _Run(list(inputs), folder, engine, settings, shards, input_errors, done, started)


def run_local(
    inputs: Sequence[str],
    out: str | Path,
    *,
    batch_size: int = 16,
    fmt: str = "auto",
    fields: Mapping[str, str] | None = None,
    retries: int = 1,
    shard_bytes: int = SHARD_BYTES,
    shard_files: int = SHARD_FILES,
    on_shard: Callable[[dict[str, Any]], None] | None = None,
) -> BatchReport:
    """Process every shard not already done, one after another in this process."""
    settings = {"batch_size": batch_size, "format": fmt, "fields": dict(fields or {}), "retries": retries}
    run = _plan(inputs, out, "local", settings, shard_bytes, shard_files)
    records: dict[str, dict[str, Any]] = {}
    interrupted: str | None = None
    try:
        for shard in run.todo:
            records[shard.id] = run_shard(shard, run.out, fmt, fields, batch_size, retries)
            if on_shard:
                on_shard(records[shard.id])
    except KeyboardInterrupt:
        interrupted = "interrupted; finished shards are kept, re-run to continue"
        raise
    finally:
        report = run.finish(records, interrupted)
    return report


class ShardWorker:
    """A Ray Data actor: loads spaCy once, then processes the shards it is handed, one per batch."""

    def __init__(self, out: str, fmt: str, fields: dict[str, str], batch_size: int, retries: int) -> None:
        from dateline.nlp import load_pipeline

        load_pipeline()  # once per actor, not once per shard
        self.out = Path(out)
        self.fmt, self.fields, self.batch_size, self.retries = fmt, fields, batch_size, retries

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import json

        import numpy as np

        records = []
        for spec in batch["shard"]:
            shard = Shard.from_json(json.loads(str(spec)))
            record = run_shard(shard, self.out, self.fmt, self.fields, self.batch_size, self.retries)
            records.append(json.dumps(record))
        return {"record": np.array(records, dtype=object)}


def _check_address(address: str) -> None:
    """Fail fast, with a clear message, when a `host:port` Ray address does not answer."""
    target = address.removeprefix("ray://")
    if address in ("auto", "local") or ":" not in target:
        return
    host, _, port = target.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=5):
            return
    except (OSError, ValueError) as exc:
        raise ScaleError(f"cannot reach the Ray cluster at {address} ({exc})") from None


def run_ray(
    inputs: Sequence[str],
    out: str | Path,
    *,
    address: str | None = None,
    workers: int = 2,
    batch_size: int = 16,
    fmt: str = "auto",
    fields: Mapping[str, str] | None = None,
    retries: int = 1,
    shard_bytes: int = SHARD_BYTES,
    shard_files: int = SHARD_FILES,
) -> BatchReport:
    """Process every shard not already done with a pool of `workers` Ray actors.

    Connects to `address` (`ray://head:10001`, `head:6379` or `auto`), or uses
    the Ray session already started in this process, or starts a local one.
    The output folder must be one every worker can write (local disk for a
    local Ray, a shared filesystem on a cluster).
    """
    try:
        import ray
        import ray.data
    except ImportError:
        raise ScaleError("the ray engine needs Ray: pip install 'dateline[ray]'") from None
    settings = {
        "batch_size": batch_size,
        "format": fmt,
        "fields": dict(fields or {}),
        "retries": retries,
        "workers": workers,
        "address": address,
    }
    run = _plan(inputs, out, "ray", settings, shard_bytes, shard_files)
    todo = run.todo
    if not todo:
        return run.finish({})
    started_here = False
    if not ray.is_initialized():
        try:
            if address:
                _check_address(address)
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "logging_level": logging.ERROR,
                "log_to_driver": False,
            }
            if address:
                ray.init(address=address, **kwargs)
            else:
                # Never fewer CPUs than actors asked for, or the pool would wait for ever.
                ray.init(num_cpus=max(os.cpu_count() or 1, workers), **kwargs)
            started_here = True
        except ScaleError as exc:
            run.finish({}, str(exc))
            raise
        except Exception as exc:  # noqa: BLE001 - Ray raises many kinds; all mean "cannot connect"
            message = f"cannot start or reach Ray{f' at {address}' if address else ''} ({exc})"
            run.finish({}, message.splitlines()[0])
            raise ScaleError(message.splitlines()[0]) from None
    records: dict[str, dict[str, Any]] = {}
    run_error: str | None = None
    try:
        import json

        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        # Ray Data logs each execution plan at INFO; the manifest is the record of a run.
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        items = [{"shard": json.dumps(s.to_json())} for s in todo]
        results = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            ShardWorker,
            fn_constructor_kwargs={
                "out": str(run.out),
                "fmt": fmt,
                "fields": dict(fields or {}),
                "batch_size": batch_size,
                "retries": retries,
            },
            batch_size=1,
            # One shard at a time per actor, so a long shard never holds others in its queue.
            compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=1),
            num_cpus=1,
        )
        for row in results.take_all():
            record = json.loads(row["record"])
            records[record["id"]] = record
    except Exception as exc:  # noqa: BLE001 - the manifest says which shards finished before it
        run_error = f"the Ray run stopped: {type(exc).__name__}: {exc}".splitlines()[0]
        # Shards that finished before the failure wrote their markers: keep them.
        for shard_id, marker in read_markers(run.out).items():
            if shard_id in {s.id for s in todo} and shard_id not in records:
                records[shard_id] = marker
    finally:
        if started_here:
            ray.shutdown()
    return run.finish(records, run_error)
