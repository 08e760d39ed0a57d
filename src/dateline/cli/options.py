"""What the commands share: the options they take alike (--db, --format, --since, ...), the
checks of their values, opening the store, and the one-line failure every command ends with
when the user can fix the problem (a missing file, a store of another version): one line on
stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dateline.cli.output import OutputFormat
from dateline.ingest import FORMATS, parse_field_options
from dateline.model import Actor
from dateline.store import Store, StoreError

err = Console(stderr=True)

DEFAULT_DB = "dateline.duckdb"
DbOption = Annotated[str, typer.Option("--db", help="The DuckDB store file.")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print the records.")]
DelayOption = Annotated[
    float, typer.Option("--delay", min=0, help="Seconds between two requests to the same site.")
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds allowed for fetching one page.")
]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many rows.")]
SinceOption = Annotated[str | None, typer.Option(help="On or after this date (YYYY[-MM[-DD]]).")]
UntilOption = Annotated[str | None, typer.Option(help="On or before this date (YYYY[-MM[-DD]]).")]
StoryOption = Annotated[str | None, typer.Option("--story", help="Only this story (an id from `stories`).")]
QueryOption = Annotated[
    str | None, typer.Option("--q", help="Text to search for (case and accents ignored: Erdogan = Erdoğan).")
]
InputFormatOption = Annotated[
    str, typer.Option("--format", "-f", help=f"Input format: {'|'.join(FORMATS)} (auto sniffs the content).")
]
FieldOption = Annotated[
    list[str] | None,
    typer.Option("--field", help="JSONL/CSV field for a document field, e.g. text=body (repeatable)."),
]

ActorsOption = Annotated[
    Path | None,
    typer.Option("--actors", help="Your actor overrides (YAML or TOML): name -> country, sector, title."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
LexiconOption = Annotated[
    Path | None,
    typer.Option(
        "--lexicon",
        help="Your lexicon rows (TSV: a table name, then its columns), added to the shipped tables.",
    ),
]


def fail(message: str) -> typer.Exit:
    """Print one line on stderr and return the exit to raise (code 2: bad input)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


def load_lexicon(path: Path | None) -> None:
    """Add the user's lexicon rows (`--lexicon`) to the trigger and actor tables."""
    if path is None:
        return
    from dateline.lexdata import LexiconError, extend_from

    try:
        extend_from(path)
    except LexiconError as exc:
        raise fail(str(exc)) from None


def open_store(path: str, must_exist: bool = True) -> Store:
    """The store at `path`; one that is missing (when it `must_exist`) or cannot be opened fails."""
    if must_exist and not Path(path).exists():
        raise fail(f"{path}: no such store; create it with `dateline ingest PATH --db {path}`")
    try:
        return Store(path)
    except StoreError as exc:
        raise store_failure(path, exc) from None


def store_failure(path: str, exc: StoreError) -> typer.Exit:
    """The one-line error for a store that cannot be opened; a lock held by another process
    (DuckDB lets one process write a file, or several read it) says what to do instead."""
    if "conflicting lock" in str(exc).casefold():
        return fail(
            f"{path}: in use by another Dateline process (`dateline serve`, `watch` or `ingest`); "
            "DuckDB lets one process write a store, so stop that one first, or let the server "
            f"ingest while it serves: `dateline serve --db {path} --watch FEED`"
        )
    return fail(str(exc))


def check_date(value: str | None, option: str) -> str | None:
    """`value` when it is a date (YYYY, YYYY-MM or YYYY-MM-DD) or None; anything else fails."""
    if value is None:
        return None
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            dt.datetime.strptime(value, pattern)
            return value
        except ValueError:
            continue
    raise fail(f"{option} {value!r}: not a date; use YYYY-MM-DD, YYYY-MM or YYYY")


def input_options(input_format: str, field: list[str] | None) -> tuple[str, dict[str, str]]:
    """The checked input format and `--field` mapping of a command that reads news."""
    if input_format not in FORMATS:
        raise fail(f"--format {input_format!r}: use one of {', '.join(FORMATS)}")
    try:
        return input_format, parse_field_options(field)
    except ValueError as exc:
        raise fail(str(exc)) from None


def actor_overrides(path: Path | None) -> dict[str, Actor] | None:
    """The user's actor overrides (`--actors`), or None when none are given."""
    if path is None:
        return None
    from dateline.actors import load_overrides
    from dateline.actors.overrides import OverridesError

    try:
        return load_overrides(path)
    except (OSError, OverridesError) as exc:
        raise fail(str(exc)) from None
