"""`dateline eval KIND PATH`: measure Dateline on labelled data, print one JSON object.

Each command reads one of the formats in the development data README and calls
the matching module of `dateline.evaluate`, which holds the metric definitions.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from dateline.cli.options import QuietOption, fail

eval_app = typer.Typer(
    help="Measure Dateline on labelled data; each command prints one JSON object of metrics.",
    no_args_is_help=True,
)

DataPath = Annotated[Path, typer.Argument(help="The labelled data (file or folder).")]
PartOption = Annotated[
    str,
    typer.Option(
        "--part",
        help="Which part of the fixed fit/check split to measure: fit (rules and models are fitted "
        "on it), check (held out: the headline figures) or all.",
    ),
]


def chosen_part(part: str) -> Any:
    """The `--part` value, or a one-line error naming the allowed values."""
    from dateline.evaluate.parts import check_part

    try:
        return check_part(part)
    except ValueError as exc:
        raise fail(str(exc)) from None


def report(metrics: dict[str, Any]) -> None:
    """Print metrics as one JSON object on stdout."""
    sys.stdout.write(json.dumps(metrics, ensure_ascii=False) + "\n")


def require(path: Path, folder: bool = False) -> None:
    """Stop with a one-line error when the data is missing or of the wrong kind."""
    if not path.exists():
        raise fail(f"{path}: no such file or directory")
    if folder and not path.is_dir():
        raise fail(f"{path}: expected a folder")
    if not folder and not path.is_file():
        raise fail(f"{path}: expected a file")


# Commands are added below, one function per kind of data.


@eval_app.command("time")
def eval_time(path: DataPath, part: PartOption = "all") -> None:
    """Temporal expressions against TimeML gold (a folder of .tml files, searched recursively)."""
    from dateline.evaluate.time import evaluate

    require(path, folder=True)
    which = chosen_part(part)
    report({"part": which, **evaluate(path, part=which)})


@eval_app.command("events")
def eval_events(
    path: DataPath,
    limit: Annotated[int | None, typer.Option(help="Code only the first N records.")] = None,
    quiet: QuietOption = False,
    part: PartOption = "all",
    label: Annotated[
        list[str] | None,
        typer.Option(help="NGEC stories (.csv) only: measure only stories with this label (repeatable)."),
    ] = None,
    cross_fit: Annotated[
        int,
        typer.Option(
            "--cross-fit",
            min=0,
            help="With --part fit: code each record with models fitted on the other N-1 folds of the fit "
            "parts (0: the shipped models).",
        ),
    ] = 0,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data", help="With --cross-fit: the events folder to fit on (default: PATH's folder)."
        ),
    ] = None,
    likely: Annotated[
        bool,
        typer.Option(
            "--likely",
            help="Only the events `dateline events --likely` lists (confidence at or above the "
            "precision score's threshold); without it, every event the store keeps.",
        ),
    ] = False,
) -> None:
    """Event coding against gold: PLOVER .jsonl, CAMEO penta-class .tsv, actor .conll, NGEC .csv.

    For NGEC stories, besides the dominant type, the share by label where some event of
    the label is found in the story and in its first sentence coded alone.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from dateline.evaluate.events import Coding, count_records, evaluate

    require(path)
    if path.suffix.casefold() not in (".jsonl", ".tsv", ".conll", ".csv"):
        raise fail(f"{path}: expected a .jsonl, .tsv, .conll or .csv file")
    which = chosen_part(part)
    labels = tuple(label or ())
    if labels and path.suffix.casefold() != ".csv":
        raise fail("--label applies to NGEC stories (.csv) only")
    coding = Coding()
    if cross_fit:
        if which != "fit":
            raise fail("--cross-fit applies to --part fit only")
        folder = data or path.parent
        if not (folder / "plv.train.jsonl").is_file():
            raise fail(f"{folder}: expected the events folder of the development data (plv.train.jsonl)")
        try:
            from dateline.evaluate.crossfit import cross_fitted

            coding = cross_fitted(folder, cross_fit, None if quiet else _say)
        except ImportError:
            raise fail("cross-fitting needs scikit-learn: pip install -e '.[dev]'") from None
        except ValueError as exc:
            raise fail(str(exc)) from None
    if likely:
        from dateline.models import likely_threshold

        coding = replace(coding, threshold=likely_threshold())
    total = count_records(path, which, labels)
    total = total if limit is None else min(limit, total)
    columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), disable=quiet, transient=True) as bar:
        task = bar.add_task("coding", total=total)
        metrics = evaluate(
            path,
            progress=lambda n: bar.advance(task, n),
            limit=limit,
            part=which,
            labels=labels,
            coding=coding,
        )
    extra: dict[str, Any] = {"cross_fit": cross_fit} if cross_fit else {}
    if likely:
        extra["likely_threshold"] = coding.threshold
    report({"part": which, **extra, **metrics})


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")


@eval_app.command("split")
def eval_split(path: DataPath, part: PartOption = "all") -> None:
    """Splitting and cleaning against pasted-scrape cases (.jsonl): boundaries, furniture, headlines.

    Parts are by outlet: each figure counts only the articles of the part's outlets.
    """
    from dateline.evaluate.split import evaluate

    require(path)
    which = chosen_part(part)
    try:
        metrics = {"part": which, **evaluate(path, which)}
    except (ValueError, KeyError, TypeError) as exc:
        raise fail(f"{path}: not split cases in JSON Lines ({exc.__class__.__name__}: {exc})") from None
    report(metrics)


@eval_app.command("extract")
def eval_extract(path: DataPath, part: PartOption = "all") -> None:
    """HTML article extraction against a scrapinghub-style folder (html/*.html.gz, ground-truth.json)."""
    from dateline.evaluate.extract import evaluate

    require(path, folder=True)
    if not (path / "ground-truth.json").is_file():
        raise fail(
            f"{path}: no ground-truth.json; expected a folder with html/*.html.gz and ground-truth.json"
        )
    which = chosen_part(part)
    report({"part": which, **evaluate(path, which)})


@eval_app.command("stories")
def eval_stories(path: DataPath, part: PartOption = "all") -> None:
    """Stories against gold stories (pages .jsonl), through `dateline ingest` and the clustering alone.

    Parts are by gold story; besides the part's pages alone (in file order), its pages are scored
    among every page of the file (through ingest, and in shuffled orders, clustering alone).
    """
    from dateline.evaluate.stories import evaluate

    require(path)
    which = chosen_part(part)
    report({"part": which, **evaluate(path, which)})


@eval_app.command("lines")
def eval_lines(path: DataPath, part: PartOption = "all") -> None:
    """Line roles (furniture kept out, body kept) on the scrapinghub and hand-labelled pages.

    PATH is the development data folder (with extraction/scrapinghub and news/); parts are by outlet.
    """
    from dateline.evaluate.lines import evaluate

    require(path, folder=True)
    which = chosen_part(part)
    report({"part": which, **evaluate(path, which)})
