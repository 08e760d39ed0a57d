"""The `dateline` command line: the Typer app and its commands, in the order `--help` lists them.

Each command parses options, calls the pipeline or the store, and prints; they live by what
they do: writing into a store (`ingest`), reading one (`read`), printing what a text holds
(`extraction`), serving (`serve`), measuring (`bench`, `evaluate`) and training (`train`).
Errors the user can fix are one line on stderr and exit code 2, never a traceback (`options.fail`).
"""

from __future__ import annotations

import sys

import typer

from dateline.cli.bench import bench
from dateline.cli.evaluate import eval_app
from dateline.cli.extraction import extract_command, split_command
from dateline.cli.ingest import batch_command, demo, ingest, load_command, watch_command
from dateline.cli.options import err
from dateline.cli.read import (
    actors,
    articles,
    events,
    export_command,
    stories_command,
    story_command,
    timeline_command,
)
from dateline.cli.serve import serve_command
from dateline.cli.train import train_app

app = typer.Typer(
    help="Dateline: turn raw, messy news into event data — who did what to whom, when and where, "
    "with the evidence sentence behind every event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
# The order `--help` lists them in: ingesting and reading first, then the tools, then serving.
app.command("ingest")(ingest)
app.command("articles")(articles)
app.command("events")(events)
app.command("actors")(actors)
app.command("demo")(demo)
app.command("bench")(bench)
app.command("split")(split_command)
app.command("extract")(extract_command)
app.command("stories")(stories_command)
app.command("story")(story_command)
app.command("timeline")(timeline_command)
app.command("export")(export_command)
app.command("batch")(batch_command)
app.command("load")(load_command)
app.command("watch")(watch_command)
app.command("serve")(serve_command)


def main() -> None:
    """Entry point of the `dateline` console script."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted; everything stored so far is complete, re-run to continue")
        sys.exit(130)
