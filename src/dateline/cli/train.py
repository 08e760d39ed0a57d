"""`dateline train PART`: fit a learned part of Dateline on the development data's fit part.

Each learned part has one command; it reads `../shared/data` (or `--data`), uses only the
fit part of the fixed fit/check split, starts from a fixed seed and writes a small file
into the package (`dateline/models/`), which the pipeline loads like spaCy loads a model.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from dateline.cli.options import QuietOption, fail

train_app = typer.Typer(
    help="Train Dateline's learned parts from the fit part of the development data.", no_args_is_help=True
)

DEFAULT_DATA = Path("../shared/data")
DataOption = Annotated[
    Path,
    typer.Option("--data", help="The development data folder (../shared/data: extraction/, news/, events/)."),
]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Where to write the model (default: the package's).")
]


@train_app.command("lines")
def train_lines(
    data: DataOption = DEFAULT_DATA,
    out: OutOption = None,
) -> None:
    """The line-role model (body / furniture / metadata) from the scrapinghub and hand-labelled pages,
    and beside it the furniture model (the same without the line's place on the page)."""
    from dateline.split.roles import MODEL_PATH, load_furniture_model, load_model
    from dateline.split.train import train

    if (
        not (data / "extraction" / "scrapinghub" / "ground-truth.json").is_file()
        or not (data / "news" / "labels.dev.jsonl").is_file()
    ):
        raise fail(f"{data}: expected the development data (extraction/scrapinghub, news/labels.dev.jsonl)")
    info = train(data, out or MODEL_PATH)
    load_model.cache_clear()
    load_furniture_model.cache_clear()
    sys.stdout.write(json.dumps({"model": str(out or MODEL_PATH), **info}) + "\n")


@train_app.command("gaps")
def train_gaps(
    data: DataOption = DEFAULT_DATA,
    out: OutOption = None,
) -> None:
    """The gap model (does a new article start between two paragraphs?) from the development cases
    and cases pasted from the scrapinghub pages; needs scikit-learn."""
    from dateline.split.gaps import MODEL_PATH, load_gap_model
    from dateline.split.train_gaps import train

    _train_on_cases(data, out or MODEL_PATH, "sklearn", "the gap model", train)
    load_gap_model.cache_clear()


@train_app.command("cuts")
def train_cuts(
    data: DataOption = DEFAULT_DATA,
    out: OutOption = None,
) -> None:
    """The cut model (on which line of a gap the next article starts) from the development cases and
    cases pasted from the scrapinghub and news pages; needs scipy."""
    from dateline.split.cuts import MODEL_PATH, load_cut_model
    from dateline.split.train_cuts import train

    _train_on_cases(data, out or MODEL_PATH, "scipy", "the cut model", train)
    load_cut_model.cache_clear()


@train_app.command("headlines")
def train_headlines(
    data: DataOption = DEFAULT_DATA,
    out: OutOption = None,
) -> None:
    """The headline chooser (which candidate title of an article's header is its headline) from the
    development cases and the scrapinghub pages, whole and pasted; needs scipy."""
    from dateline.split.headlines import MODEL_PATH, load_headline_model
    from dateline.split.train_headlines import train

    _train_on_cases(data, out or MODEL_PATH, "scipy", "the headline chooser", train)
    load_headline_model.cache_clear()


def _train_on_cases(
    data: Path, target: Path, needs: str, what: str, train: Callable[[Path, Path], dict[str, Any]]
) -> None:
    """Fit a split part on the development cases and the scrapinghub pages into `target`;
    refuses cleanly without the data or the library (`needs`) that training imports."""
    if (
        not (data / "extraction" / "scrapinghub" / "ground-truth.json").is_file()
        or not (data / "split" / "cases.dev.jsonl").is_file()
    ):
        raise fail(f"{data}: expected the development data (extraction/scrapinghub, split/cases.dev.jsonl)")
    try:
        importlib.import_module(needs)
    except ImportError:
        package = "scikit-learn" if needs == "sklearn" else needs
        raise fail(f"training {what} needs {package}: pip install 'dateline[dev]'") from None
    info = train(data, target)
    sys.stdout.write(json.dumps({"model": str(target), **info}) + "\n")


def _train_on_events(
    data: Path,
    target: Path,
    quiet: bool,
    count_texts: Callable[[Path], int],
    train: Callable[..., dict[str, Any]],
) -> None:
    """Fit an events part on `data`/events into `target`, with a progress bar of the texts parsed;
    refuses cleanly without the data or scikit-learn."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    events = data / "events"
    if not (events / "plv.train.jsonl").is_file():
        raise fail(f"{data}: expected the development data (events/plv.train.jsonl)")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise fail("training needs scikit-learn: pip install -e '.[dev]'") from None
    columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), disable=quiet, transient=True) as bar:
        task = bar.add_task("parsing", total=count_texts(events))
        report = train(events, target, progress=lambda n: bar.advance(task, n))
    sys.stdout.write(json.dumps(report) + "\n")


@train_app.command("events")
def train_events(
    data: DataOption = DEFAULT_DATA,
    out: OutOption = None,
    quiet: QuietOption = False,
) -> None:
    """The event-type classifier (PLOVER type and CAMEO penta-class heads); needs scikit-learn."""
    from dateline.events.classify import model_path, shipped_model
    from dateline.events.training import count_texts, train

    _train_on_events(data, out or model_path(), quiet, count_texts, train)
    shipped_model.cache_clear()


@train_app.command("roles")
def train_roles(
    data: DataOption = DEFAULT_DATA,
    out: OutOption = None,
    quiet: QuietOption = False,
) -> None:
    """The target ranker (which actor of a sentence an event is done to); needs scikit-learn."""
    from dateline.events.role_model import model_path, shipped_role_model
    from dateline.events.role_training import count_texts, train

    _train_on_events(data, out or model_path(), quiet, count_texts, train)
    shipped_role_model.cache_clear()


@train_app.command("filter")
def train_filter(
    data: DataOption = DEFAULT_DATA,
    out: OutOption = None,
    quiet: QuietOption = False,
) -> None:
    """The learned sentence filter (which candidate sentences cannot give an event), distilled
    from the events stage on the fit texts; needs scikit-learn. Train it after events and roles."""
    from dateline.events.filter_training import fit_texts, train
    from dateline.events.sentence_filter import model_path, shipped_filter

    texts = fit_texts(data) if (data / "events" / "plv.train.jsonl").is_file() else []
    _train_on_events(
        data,
        out or model_path(),
        quiet,
        lambda _: len(texts),
        lambda _, target, progress: train(texts, target, progress),
    )
    shipped_filter.cache_clear()


DEFAULT_VERDICTS = Path(__file__).resolve().parents[3] / "tools" / "judged" / "verdicts"


@train_app.command("precision")
def train_precision(
    data: DataOption = DEFAULT_DATA,
    verdicts: Annotated[
        Path,
        typer.Option("--verdicts", help="The judges' verdicts on printed events (tools/judged/verdicts)."),
    ] = DEFAULT_VERDICTS,
    out: OutOption = None,
    quiet: QuietOption = False,
) -> None:
    """The precision score (how likely a printed event is right) and the threshold of `dateline events
    --likely`, from the judged printed events of the fit parts; needs scikit-learn. Train it last."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from dateline.events.precision import model_path, shipped_precision
    from dateline.events.precision_training import judged_documents, train
    from dateline.models import likely_threshold

    news = data / "news"
    if not (news / "pages.dev.jsonl").is_file() or not (news / "guardian-sdf.csv").is_file():
        raise fail(f"{data}: expected the development data (news/pages.dev.jsonl, news/guardian-sdf.csv)")
    if not any(verdicts.glob("*.tsv")):
        raise fail(f"{verdicts}: expected the judges' verdicts (*.tsv)")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise fail("training needs scikit-learn: pip install -e '.[dev]'") from None
    target = out or model_path()
    documents = sum(len(r) for r in judged_documents(data, "fit").values())
    columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), disable=quiet, transient=True) as bar:
        task = bar.add_task("coding", total=documents)
        report = train(data, verdicts, target, progress=lambda n: bar.advance(task, n))
    sys.stdout.write(json.dumps(report) + "\n")
    shipped_precision.cache_clear()
    likely_threshold.cache_clear()
