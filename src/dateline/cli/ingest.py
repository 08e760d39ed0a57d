"""The commands that write into a store: `ingest` (files, folders, stdin, web addresses),
`watch` (feeds, polled), `batch` and `load` (shards through Parquet), and `demo` (the
bundled example, end to end).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer

from dateline.cli.options import (
    DEFAULT_DB,
    ActorsOption,
    DbOption,
    DelayOption,
    FieldOption,
    InputFormatOption,
    LexiconOption,
    TimeoutOption,
    actor_overrides,
    err,
    fail,
    input_options,
    load_lexicon,
    open_store,
)
from dateline.cli.output import OutputFormat, write_records
from dateline.cli.progress import DocumentSteps, ingest_progress
from dateline.cli.read import ARTICLE_COLUMNS, print_events
from dateline.ingest import list_inputs
from dateline.ingest.fetch import DELAY, TIMEOUT, Fetcher, is_url, read_url_list, unique
from dateline.intake import Intake, ingest_into
from dateline.model import Actor, RawDoc
from dateline.store import Store, StoreError
from dateline.stories.refresh import refresh_stories


def ingest_docs(
    items: list[Any],
    store: Store,
    quiet: bool = False,
    fmt: str = "auto",
    fields: dict[str, str] | None = None,
    overrides: Mapping[str, Actor] | None = None,
    fetcher: Fetcher | None = None,
) -> Intake:
    """`ingest_into` the store with a progress bar in documents and warnings on stderr."""

    def note(doc: RawDoc, message: str) -> None:
        where = doc.path or doc.url or f"document {doc.id}"
        err.print(f"[yellow]warning:[/] {where}: {message}", highlight=False, soft_wrap=True)

    with ingest_progress(err, quiet) as progress:
        steps = DocumentSteps(progress, len(items))
        return ingest_into(
            store,
            items,
            fmt=fmt,
            fields=fields,
            overrides=overrides,
            fetcher=fetcher,
            steps=steps,
            on_note=note,
        )


def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders (read recursively), .gz/.zip, - for stdin, or http(s):// addresses."
        ),
    ] = None,
    urls: Annotated[
        str | None, typer.Option("--urls", help="A text file of web addresses to fetch, one a line.")
    ] = None,
    delay: DelayOption = DELAY,
    timeout: TimeoutOption = TIMEOUT,
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    input_format: InputFormatOption = "auto",
    field: FieldOption = None,
    actors: ActorsOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Read news (text, HTML, RSS/Atom, JSONL, CSV, WARC), find its articles and events, and store them.

    Each document is stored in one transaction and keyed by its content, so
    re-running on the same input changes nothing. Files that cannot be read are
    reported at the end (exit code 2) while the others still go in.
    """
    fmt, fields = input_options(input_format, field)
    overrides = actor_overrides(actors)
    load_lexicon(lexicon)
    addresses = [p for p in paths or [] if is_url(p)]
    if urls is not None:
        try:
            addresses.extend(read_url_list(urls))
        except ValueError as exc:
            raise fail(str(exc)) from None
    files = [p for p in paths or [] if not is_url(p)]
    if not files and not addresses:
        raise fail("nothing to ingest: give files, folders, - for stdin, web addresses or --urls FILE")
    # Files first (as listed), then each web address once.
    items: list[Any] = [*(list_inputs(files) if files else []), *unique(addresses)]
    with open_store(db, must_exist=False) as store, Fetcher(delay=delay, timeout=timeout) as fetcher:
        done = ingest_docs(items, store, quiet, fmt, fields, overrides, fetcher)
        rebuilt = refresh_stories(store)
    new, unchanged, errors = done.new, done.unchanged, done.errors
    for error in errors:
        err.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
    if not quiet:
        err.print(
            f"{new} new, {unchanged} already stored, {len(errors)} failed; {rebuilt} stories updated → {db}",
            highlight=False,
        )
    if errors:
        raise typer.Exit(code=2)


def demo(
    db: Annotated[str, typer.Option("--db", help="Where to keep the demo store.")] = "dateline-demo.duckdb",
) -> None:
    """Run the bundled example (three Korea–US–Japan articles pasted from three outlets) end to end."""
    example = resources.files("dateline.examples").joinpath("korea-diplomacy.txt")
    text = example.read_text("utf-8")
    err.print(f"Example input: {example} ({len(text)} characters)", highlight=False, soft_wrap=True)
    from dateline.pipeline import process_documents

    if Path(db).exists():
        try:
            Store(db).close()
        except StoreError as exc:  # the demo's own store, from another version: start it afresh
            err.print(f"{exc}; recreating the demo store", highlight=False, soft_wrap=True)
            Path(db).unlink()
    with open_store(db, must_exist=False) as store:
        for result in process_documents([RawDoc(text=text, path="examples/korea-diplomacy.txt")]):
            store.save(result)
        refresh_stories(store)
        stored_articles = [a for a in store.articles() if a["id"] in {x.id for x in result.articles}]
        write_records(stored_articles, OutputFormat.table, ARTICLE_COLUMNS, title="Articles")
        ids = {a["id"] for a in stored_articles}
        print_events(
            [e for e in store.events() if e["article_id"] in ids], OutputFormat.table, title="Events"
        )
    err.print(
        f"Stored in {db}. Next: `dateline stories --db {db}`, `dateline events --db {db} --format json`, "
        f"or open the dashboard with `dateline serve --db {db}` and visit http://127.0.0.1:8000/",
        highlight=False,
        soft_wrap=True,
    )


class Engine(StrEnum):
    local = "local"
    ray = "ray"


def batch_command(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, globs ('news/*.warc.gz') or s3:// / gs:// paths.")
    ],
    out: Annotated[str, typer.Option("--out", help="Folder for the Parquet partitions and manifest.json.")],
    engine: Annotated[Engine, typer.Option(help="local: this process; ray: a Ray Data actor pool.")] = (
        Engine.local
    ),
    address: Annotated[
        str | None, typer.Option(help="Ray cluster: ray://head:10001, head:6379 or auto (default: local).")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Ray actors, each with one CPU and its own spaCy.")] = 2,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per spaCy batch.")] = 16,
    input_format: InputFormatOption = "auto",
    field: FieldOption = None,
) -> None:
    """Process shards of news into Parquet (documents, articles, actors, events) and a manifest.

    Re-running skips the shards already done; a shard that fails is retried once
    and then reported (exit code 2). Load the output with `dateline load`.
    """
    from dateline.scale import ScaleError, run_local, run_ray

    fmt, fields = input_options(input_format, field)
    try:
        if engine is Engine.ray:
            report = run_ray(
                inputs, out, address=address, workers=workers, batch_size=batch_size, fmt=fmt, fields=fields
            )
        else:
            report = run_local(inputs, out, batch_size=batch_size, fmt=fmt, fields=fields)
    except ScaleError as exc:
        raise fail(str(exc)) from None
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)
    for error in report.errors:
        err.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
    totals = report.totals()
    err.print(
        f"{len(report.shards)} shards: {report.count('done') - report.skipped} done, "
        f"{report.skipped} already done, {report.count('partial')} partial, {report.count('failed')} failed; "
        f"{totals['documents']} documents, {totals['articles']} articles, {totals['events']} events "
        f"→ {report.out}/manifest.json",
        highlight=False,
        soft_wrap=True,
    )
    if report.errors:
        raise typer.Exit(code=2)


def load_command(
    folder: Annotated[Path, typer.Argument(help="The --out folder of `dateline batch`.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Load `dateline batch` output into the store, then update stories; loading twice changes nothing."""
    with open_store(db, must_exist=False) as store:
        try:
            counts = store.load_parquet(folder)
        except StoreError as exc:
            raise fail(str(exc)) from None
        rebuilt = refresh_stories(store)
    err.print(
        f"{counts['shards']} shards: {counts['documents']} new documents, {counts['articles']} articles, "
        f"{counts['events']} events; {rebuilt} stories updated → {db}",
        highlight=False,
    )


def watch_command(
    sources: Annotated[
        list[str],
        typer.Argument(help="RSS/Atom feeds, sitemaps, or sites that announce a feed (http(s)://)."),
    ],
    every: Annotated[str, typer.Option("--every", help="Time between polls: 90s, 15m, 2h.")] = "15m",
    db: DbOption = DEFAULT_DB,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron).")] = False,
    delay: DelayOption = DELAY,
    timeout: TimeoutOption = TIMEOUT,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and the summary.")] = False,
    actors: ActorsOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Watch feeds: fetch every new linked article once, ingest it and refresh the stories.

    Polls with conditional GETs, asks robots.txt, waits between requests to one
    site and backs off from a failing feed. What was fetched is kept in the store,
    so a restart (even after a crash) fetches nothing twice. Ctrl-C stops between
    articles; a second Ctrl-C stops at once.
    """
    import signal
    import threading

    from dateline.watch import Watcher

    interval = watch_sources(sources, every)
    overrides = actor_overrides(actors)
    load_lexicon(lexicon)  # the watcher codes in this process, so the tables it extends are the ones used
    stop = threading.Event()

    def interrupted(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after this article (Ctrl-C again to stop now)", highlight=False)

    def report(kind: str, where: str, message: str) -> None:
        if kind == "error":
            err.print(f"[bold red]error:[/] {where}: {message}", highlight=False, soft_wrap=True)
        elif not quiet:
            label = "new" if kind == "new" else "    "
            err.print(f"{label} {where}{': ' + message if message else ''}", highlight=False, soft_wrap=True)

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        with open_store(db, must_exist=False) as store, Fetcher(delay=delay, timeout=timeout) as fetcher:
            watcher = Watcher(store, fetcher, sources, interval, report, stop, overrides)
            if not quiet and not once:
                err.print(
                    f"Watching {len(watcher.sources)} sources every {every}; Ctrl-C to stop", highlight=False
                )
            tally = watcher.run(once=once)
    finally:
        signal.signal(signal.SIGINT, previous)
    err.print(
        f"{tally.new} new, {tally.copies} copies, {tally.failed} failed; "
        f"{tally.stories} stories updated → {db}",
        highlight=False,
    )
    if once and tally.failed:
        raise typer.Exit(code=2)


def watch_sources(sources: list[str], every: str) -> float:
    """The poll interval in seconds, after checking that every source is a web address."""
    from dateline.watch import parse_every

    bad = [s for s in sources if not is_url(s)]
    if bad:
        raise fail(f"{bad[0]}: not a web address; watch takes http(s):// feeds or sites")
    try:
        return parse_every(every)
    except ValueError as exc:
        raise fail(str(exc)) from None
