"""`dateline bench`: speed and robustness against peers measured in the same run."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from dateline.cli.options import fail
from dateline.cli.output import OutputFormat, write_records


def bench(
    data: Annotated[
        Path | None,
        typer.Option(help="CSV with a `text` column for the pipeline part (default: the Guardian sample)."),
    ] = None,
    docs: Annotated[int, typer.Option(help="How many documents the pipeline part uses at most.")] = 250,
    part: Annotated[
        list[str] | None,
        typer.Option(
            help="pipeline, events, split, extract, stories, api, scale, fuzz, live, load, kill, big or end "
            "(repeatable; default: pipeline, events, split, extract, stories; fuzz runs --docs x 40 inputs "
            "per reader; live ingests --docs articles while serving; load puts 100 clients on every "
            "endpoint for 60 s; kill: --scale-docs documents ingested with three kill -9s and a resume "
            "against a clean run; big: a --big-mb JSONL and WARC read whole and ingested for --big-seconds; "
            "end: --scale-docs/2 of that JSONL's records ingested into a store filled to its size)."
        ),
    ] = None,
    api: Annotated[
        bool, typer.Option("--api", help="Add the API latency part (builds a 1M-event store).")
    ] = False,
    scale: Annotated[
        bool,
        typer.Option(
            "--scale",
            help="Add the Ray scaling part: 1 and 2 workers on --scale-docs documents "
            "(needs the ray extra; takes minutes).",
        ),
    ] = False,
    scale_docs: Annotated[
        int, typer.Option(help="How many documents the scale and kill parts process.")
    ] = 2000,
    big_dir: Annotated[
        Path | None,
        typer.Option(help="Where the big part builds (or finds) its files (default: in the temp dir)."),
    ] = None,
    big_mb: Annotated[int, typer.Option(help="The size of each of the big part's files, in MB.")] = 1024,
    big_seconds: Annotated[
        float, typer.Option(help="How long the big part ingests each file before stopping it.")
    ] = 600.0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or table")] = "table",
) -> None:
    """Measure Dateline against peers in the same run: spaCy (pipeline), TextTiling (split),
    trafilatura (extract); plus story clustering time against corpus size, API latency, and Ray
    throughput with 1 and 2 workers (scale); and robustness: kill -9 and resume (kill), big files (big)."""
    from dateline.bench import DEFAULT_PARTS, PARTS, run

    chosen = tuple(part or DEFAULT_PARTS) + (("api",) if api else ()) + (("scale",) if scale else ())
    unknown = [p for p in chosen if p not in PARTS]
    if unknown:
        raise fail(f"--part {unknown[0]!r}: use one of {', '.join(PARTS)}")
    if data is not None and not data.is_file():
        raise fail(f"{data}: no such file")
    try:
        import tempfile

        folder = big_dir or Path(tempfile.gettempdir()) / "dateline-big"
        result = run(chosen, data, docs, scale_docs, (folder, big_mb, big_seconds))
    except (OSError, ValueError) as exc:
        raise fail(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        flat = {k: (json.dumps(v) if isinstance(v, dict) else v) for k, v in result.items()}
        write_records([flat], OutputFormat.table, [(k, k) for k in flat], title="Benchmark")
