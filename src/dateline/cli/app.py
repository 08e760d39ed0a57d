"""Typer commands. Each one parses options, calls the pipeline or the store, and prints.

Errors the user can fix (a missing file, a store of another version) are one
line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator, Mapping
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from dateline.cli.evaluate import eval_app
from dateline.cli.output import OutputFormat, write_records
from dateline.cli.progress import DocumentSteps, ingest_progress
from dateline.cli.train import train_app
from dateline.ingest import (
    FORMATS,
    IngestError,
    document_error,
    iter_documents,
    list_inputs,
    parse_field_options,
    read_input,
)
from dateline.ingest.fetch import DELAY, TIMEOUT, Fetcher, fetch_documents, is_url, read_url_list, unique
from dateline.model import Actor, Article, RawDoc
from dateline.store import Store, StoreError
from dateline.store.read import EventFilter, search_key
from dateline.stories.refresh import refresh_stories

app = typer.Typer(
    help="Dateline: turn raw, messy news into event data — who did what to whom, when and where, "
    "with the evidence sentence behind every event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
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


def fail(message: str) -> typer.Exit:
    """Print one line on stderr and return the exit to raise (code 2: bad input)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


def open_store(path: str, must_exist: bool = True) -> Store:
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


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            dt.datetime.strptime(value, pattern)
            return value
        except ValueError:
            continue
    raise fail(f"{option} {value!r}: not a date; use YYYY-MM-DD, YYYY-MM or YYYY")


def _documents_of(
    item: Any, fmt: str, fields: dict[str, str] | None, fetcher: Fetcher | None
) -> Iterator[RawDoc | IngestError]:
    """The documents of one input: a web address is fetched (`fetcher`), anything else read."""
    if isinstance(item, str) and is_url(item) and fetcher is not None:
        found = fetch_documents(fetcher, item, fmt)
        yield from [found] if isinstance(found, IngestError) else found
        return
    yield from iter_documents(item, fmt, fields)


def ingest_docs(
    items: list[Any],
    store: Store,
    quiet: bool = False,
    fmt: str = "auto",
    fields: dict[str, str] | None = None,
    overrides: Mapping[str, Actor] | None = None,
    fetcher: Fetcher | None = None,
) -> tuple[int, int, list[IngestError]]:
    """Read, process and store every input; returns (new documents, unchanged, errors).

    An input (a feed, a JSONL export, a WARC) may hold many documents. A document
    whose processing or storing fails is one error (file and record) and the
    others go on.

    Each document is coded on its own: what other articles said about a name (the
    corpus actor registry) is not used here, as it would depend on what was stored
    before, and so on where an earlier run stopped. The same documents give the same
    events whatever the order of runs and interruptions. Stories are brought up to date
    every `BLOCK` stored articles (`refresh_story_blocks`), so an interrupted ingest
    leaves stories for what it stored; the caller refreshes the last few.
    """
    from dateline.pipeline import PART, process_documents  # loads spaCy: only when needed
    from dateline.stories.refresh import BLOCK, refresh_story_blocks

    # A run killed after storing a block but before clustering it: catch up first.
    refresh_story_blocks(store, BLOCK)
    waiting = len(store.unassigned_articles())

    errors: list[IngestError] = []
    new = unchanged = 0
    with ingest_progress(err, quiet) as progress:
        steps = DocumentSteps(progress, len(items))

        def readable() -> Any:
            nonlocal unchanged
            for item in items:
                found = 0
                # One document at a time: a JSON Lines export is streamed, not held whole.
                for doc in _documents_of(item, fmt, fields, fetcher):
                    if isinstance(doc, IngestError):
                        errors.append(doc)
                        continue
                    steps.document_found(first=found == 0)
                    found += 1
                    if store.has_document(doc.id):
                        unchanged += 1
                        steps.document_done()
                    else:
                        yield doc
                if not found:
                    steps.file_read(0)

        def failed(doc: RawDoc, exc: Exception) -> None:
            errors.append(document_error(doc, exc))
            steps.document_done()

        def note(doc: RawDoc, message: str) -> None:
            where = doc.path or doc.url or f"document {doc.id}"
            err.print(f"[yellow]warning:[/] {where}: {message}", highlight=False, soft_wrap=True)

        def stored(articles: list[Article]) -> bool:
            return store.has_articles([a.id for a in articles])

        # A long paste is coded and committed PART articles at a time, with progress in articles.
        documents = process_documents(
            readable(), overrides=overrides, on_error=failed, on_note=note, part_size=PART, stored_part=stored
        )
        for result in documents:
            try:
                saved = store.save(result)
            except Exception as exc:  # noqa: BLE001 - one document that cannot be stored costs only itself
                failed(result.doc, exc)
                continue
            if result.parts > 1:
                done = (result.doc.id, len(result.articles), result.all_articles or 0, result.last_part)
                steps.part_done(*done)
                if not result.last_part:
                    continue
            if saved:
                new += 1
                waiting += result.all_articles or len(result.articles)
                if waiting >= BLOCK:
                    refresh_story_blocks(store, BLOCK)
                    waiting = len(store.unassigned_articles())
            else:
                unchanged += 1
            if result.parts == 1:
                steps.document_done()
    return new, unchanged, errors


InputFormatOption = Annotated[
    str, typer.Option("--format", "-f", help=f"Input format: {'|'.join(FORMATS)} (auto sniffs the content).")
]
FieldOption = Annotated[
    list[str] | None,
    typer.Option("--field", help="JSONL/CSV field for a document field, e.g. text=body (repeatable)."),
]


def _input_options(input_format: str, field: list[str] | None) -> tuple[str, dict[str, str]]:
    if input_format not in FORMATS:
        raise fail(f"--format {input_format!r}: use one of {', '.join(FORMATS)}")
    try:
        return input_format, parse_field_options(field)
    except ValueError as exc:
        raise fail(str(exc)) from None


def _load_overrides(path: Path | None) -> dict[str, Actor] | None:
    if path is None:
        return None
    from dateline.actors import load_overrides
    from dateline.actors.overrides import OverridesError

    try:
        return load_overrides(path)
    except (OSError, OverridesError) as exc:
        raise fail(str(exc)) from None


def _load_lexicon(path: Path | None) -> None:
    """Add the user's lexicon rows (`--lexicon`) to the trigger and actor tables."""
    if path is None:
        return
    from dateline.lexdata import LexiconError, extend_from

    try:
        extend_from(path)
    except LexiconError as exc:
        raise fail(str(exc)) from None


@app.command()
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
    actors: Annotated[
        Path | None,
        typer.Option("--actors", help="Your actor overrides (YAML or TOML): name -> country, sector, title."),
    ] = None,
    lexicon: Annotated[
        Path | None,
        typer.Option(
            "--lexicon",
            help="Your lexicon rows (TSV: a table name, then its columns), added to the shipped tables.",
        ),
    ] = None,
) -> None:
    """Read news (text, HTML, RSS/Atom, JSONL, CSV, WARC), find its articles and events, and store them.

    Each document is stored in one transaction and keyed by its content, so
    re-running on the same input changes nothing. Files that cannot be read are
    reported at the end (exit code 2) while the others still go in.
    """
    fmt, fields = _input_options(input_format, field)
    overrides = _load_overrides(actors)
    _load_lexicon(lexicon)
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
        new, unchanged, errors = ingest_docs(items, store, quiet, fmt, fields, overrides, fetcher)
        rebuilt = refresh_stories(store)
    for error in errors:
        err.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
    if not quiet:
        err.print(
            f"{new} new, {unchanged} already stored, {len(errors)} failed; {rebuilt} stories updated → {db}",
            highlight=False,
        )
    if errors:
        raise typer.Exit(code=2)


ARTICLE_COLUMNS = [
    ("outlet", "outlet"),
    ("date", "date"),
    ("place", "dateline_place"),
    ("byline", "byline"),
    ("headline", "headline"),
    ("id", "id"),
]
EVENT_COLUMNS = [
    ("date", "date"),
    ("type", "type"),
    ("cameo", "cameo"),
    ("source", "who"),
    ("target", "whom"),
    ("place", "place"),
    ("evidence", "evidence"),
]
# The flat columns of CSV output, the same whatever the filters (and when nothing matches).
EVENT_FIELDS = [
    "id", "type", "mode", "context", "cameo", "source_id", "source_name", "source_country", "source_sector",
    "target_id", "target_name", "target_country", "target_sector", "date", "date_granularity", "place",
    "place_country", "latitude", "longitude", "article_id", "url", "outlet", "evidence", "negated",
    "modality", "trigger", "confidence", "story_id", "merged_event_id", "num_sources", "sources",
]  # fmt: skip
ARTICLE_FIELDS = [
    "id", "url", "outlet", "byline", "headline", "dateline_place", "date", "date_granularity",
    "date_source", "language", "text", "story_id", "duplicate_of",
]  # fmt: skip
ACTOR_COLUMNS = [
    ("name", "name"),
    ("country", "country"),
    ("sector", "sector"),
    ("title", "title"),
    ("events", "events"),
]


def _actor_label(actor: dict[str, Any] | None) -> str:
    if actor is None:
        return ""
    code = " ".join(p for p in (actor.get("country"), actor.get("sector")) if p)
    return f"{actor['name']} ({code})" if code else actor["name"]


def print_events(records: list[dict[str, Any]], fmt: OutputFormat, title: str | None = None) -> None:
    if fmt is OutputFormat.table:
        shown = []
        for r in records:
            negation = "not " if r["negated"] else ""
            planned = " (planned)" if r["modality"] == "planned" else ""
            shown.append(
                {
                    **r,
                    "who": _actor_label(r["source"]),
                    "whom": _actor_label(r["target"]),
                    "type": f"{negation}{r['type']}{planned}",
                }
            )
        write_records(shown, fmt, EVENT_COLUMNS, title=title)
    else:
        write_records(records, fmt, EVENT_COLUMNS, fields=EVENT_FIELDS)


def _filter_values(values: list[str] | None, check: Any, option: str) -> list[str]:
    """Checked filter values (countries as ISO3, PLOVER types); a bad one exits 2 naming what is allowed."""
    try:
        checked: list[str] = check(values or [], option)
    except ValueError as exc:
        raise fail(str(exc)) from None
    return checked


def _countries(values: list[str] | None, option: str) -> list[str]:
    from dateline.api.filters import countries

    return _filter_values(values, countries, option)


LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many rows.")]
SinceOption = Annotated[str | None, typer.Option(help="On or after this date (YYYY[-MM[-DD]]).")]
UntilOption = Annotated[str | None, typer.Option(help="On or before this date (YYYY[-MM[-DD]]).")]
StoryOption = Annotated[str | None, typer.Option("--story", help="Only this story (an id from `stories`).")]
QueryOption = Annotated[
    str | None, typer.Option("--q", help="Text to search for (case and accents ignored: Erdogan = Erdoğan).")
]


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = OutputFormat.table,
    story: StoryOption = None,
    outlet: Annotated[
        list[str] | None, typer.Option("--outlet", help="Outlet, e.g. Reuters (case ignored); repeatable.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    q: QueryOption = None,
    limit: LimitOption = None,
) -> None:
    """List the stored articles with outlet, date, dateline place, byline, headline, story and copy-of."""
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    with open_store(db) as store:
        found = store.articles(story, outlet or (), since, until, q, limit)
    write_records(found, fmt, ARTICLE_COLUMNS, title="Articles", fields=ARTICLE_FIELDS)


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        list[str] | None,
        typer.Option(
            "--actor",
            "--country",
            help="Country of source or target: ISO 3166 alpha-3 or a name ('United States'); repeatable.",
        ),
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Country of the source (who acts); repeatable.")
    ] = None,
    target: Annotated[
        list[str] | None, typer.Option("--target", help="Country of the target (acted upon); repeatable.")
    ] = None,
    type_: Annotated[
        list[str] | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT; repeatable.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this date (YYYY[-MM[-DD]]).")] = None,
    story: StoryOption = None,
    q: QueryOption = None,
    place: Annotated[str | None, typer.Option("--place", help="Where it happened, e.g. Seoul.")] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="Only events reported by at least this many articles.")
    ] = 1,
    limit: LimitOption = None,
    newest: Annotated[bool, typer.Option("--newest", help="Newest first (default: oldest first).")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List events in date order: who did what to whom, when and where, and the sentence that says so.

    Filters combine with AND; an unknown type or country is an error (exit 2) that lists what is
    accepted. Every format has the same columns whatever the filters.
    """
    from dateline.api.filters import event_types

    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    where = EventFilter(
        countries=_countries(actor, "--actor"), sources=_countries(source, "--source"),
        targets=_countries(target, "--target"), types=_filter_values(type_, event_types, "--type"),
        since=since, until=until, story=story, q=q or None, min_sources=min_sources, place=place or None,
    )  # fmt: skip
    with open_store(db) as store:
        if story and store.story(story) is None:
            raise fail(f"--story {story!r}: no such story; `dateline stories --db {db}` lists them")
        records = store.events(where=where, limit=limit, newest_first=newest)
    print_events(records, fmt, title="Events")


@app.command()
def actors(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = OutputFormat.table,
    all_: Annotated[bool, typer.Option("--all", help="Also actors only mentioned, in no event.")] = False,
    q: QueryOption = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Country: ISO 3166 alpha-3 or a name.")
    ] = None,
    limit: LimitOption = None,
) -> None:
    """List the actors in events, with country, sector and how many events they take part in.

    --q searches names and titles (case and accents ignored); --country keeps one country's.
    """
    code = _countries([country], "--country")[0] if country else None
    with open_store(db) as store:
        if all_:
            found = store.actors(with_events_only=False)
            found = [a for a in found if code is None or a["country"] == code]
            if q:
                key = search_key(q)
                found = [a for a in found if key in search_key(f"{a['name']} {a['title'] or ''}")]
            found = found[:limit] if limit else found
        else:
            found, _ = store.search_actors(q or None, code, limit or 2**62, 0)
    write_records(
        found, fmt, ACTOR_COLUMNS, title="Actors", fields=["id"] + [key for _, key in ACTOR_COLUMNS]
    )


@app.command()
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


@app.command()
def bench(
    data: Annotated[
        Path | None,
        typer.Option(help="CSV with a `text` column for the pipeline part (default: the Guardian sample)."),
    ] = None,
    docs: Annotated[int, typer.Option(help="How many documents the pipeline part uses at most.")] = 250,
    part: Annotated[
        list[str] | None,
        typer.Option(
            help="pipeline, events, split, extract, stories, api, scale, fuzz, live, load, kill or big "
            "(repeatable; default: pipeline, events, split, extract, stories; fuzz runs --docs x 40 inputs "
            "per reader; live ingests --docs articles while serving; load puts 100 clients on every "
            "endpoint for 60 s; kill: --scale-docs documents ingested with three kill -9s and a resume "
            "against a clean run; big: a --big-mb JSONL and WARC read whole and ingested for --big-seconds)."
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


class SplitFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def split_records(doc: RawDoc) -> list[dict[str, Any]]:
    """The articles pasted into one document, as plain records: offsets, metadata, removed spans, body."""
    from dateline.clean import clean
    from dateline.split import split as split_articles
    from dateline.time import date_articles

    found = date_articles(split_articles(clean(doc.text), doc), doc)
    return [
        {
            "start": a.start,
            "end": a.end,
            "headline": a.headline,
            "byline": a.byline,
            "outlet": a.outlet,
            "dateline_place": a.dateline_place,
            "date": a.date,
            "date_granularity": a.date_granularity,
            "language": a.language,
            "removed": [[span.start, span.end] for span in a.removed],
            "text": a.body,
        }
        for a in found
    ]


@app.command("split")
def split_command(
    file: Annotated[str, typer.Argument(help="A text file of pasted news, or - for stdin.")],
    fmt: Annotated[SplitFormat, typer.Option("--format", "-f", help="How to print the articles.")] = (
        SplitFormat.json
    ),
) -> None:
    """Find the articles pasted into one text and print them, cleaned; nothing is stored.

    Each article has `start` and `end` (character offsets into the input), its
    headline, byline, outlet, dateline place, date, language, the furniture
    removed from it (`removed`, as [start, end] offsets) and its cleaned body.
    """
    doc = read_input(list_inputs([file])[0])
    if isinstance(doc, IngestError):
        raise fail(str(doc))
    records = split_records(doc)
    if fmt is SplitFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif fmt is SplitFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        for number, r in enumerate(records, 1):
            facts = [f"{r['start']}-{r['end']}", r["outlet"], r["dateline_place"], r["date"], r["language"]]
            sys.stdout.write(f"=== article {number}: " + " | ".join(str(f) for f in facts if f) + "\n")
            for key in ("headline", "byline"):
                if r[key]:
                    sys.stdout.write(f"{key}: {r[key]}\n")
            if r["removed"]:
                sys.stdout.write(f"removed: {len(r['removed'])} furniture lines\n")
            sys.stdout.write(f"\n{r['text']}\n\n")


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    text = "text"


@app.command("extract")
def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, .gz/.zip, or - for stdin.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="How to print the documents.")] = (
        ExtractFormat.jsonl
    ),
    input_format: Annotated[
        str, typer.Option("--input-format", help=f"Input format: {'|'.join(FORMATS)}.")
    ] = "auto",
    field: FieldOption = None,
) -> None:
    """Read news in any format and print each document's text and metadata; nothing is stored.

    One JSON object per document: path, url, outlet, headline, byline, date,
    language, text. Inputs that cannot be read are reported at the end (exit 2).
    """
    from dateline.ingest.extract import extract_records

    in_fmt, fields = _input_options(input_format, field)
    records: list[dict[str, Any]] = []
    errors: list[IngestError] = []
    for record in extract_records(paths, in_fmt, fields):
        if isinstance(record, IngestError):
            errors.append(record)
        elif fmt is ExtractFormat.jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt is ExtractFormat.json:
            records.append(record)
        else:
            facts = [record[k] for k in ("path", "outlet", "date", "language") if record[k]]
            sys.stdout.write("=== " + " | ".join(facts) + "\n")
            if record["headline"]:
                sys.stdout.write(f"headline: {record['headline']}\n")
            sys.stdout.write(f"\n{record['text']}\n\n")
    if fmt is ExtractFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    for error in errors:
        err.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
    if errors:
        raise typer.Exit(code=2)


STORY_COLUMNS = [
    ("id", "id"),
    ("title", "title"),
    ("first seen", "first_seen"),
    ("last seen", "last_seen"),
    ("articles", "articles"),
    ("events", "events"),
    ("outlets", "outlets"),
]
TIMELINE_COLUMNS = [
    ("date", "date"),
    ("type", "type"),
    ("source", "who"),
    ("target", "whom"),
    ("place", "place"),
    ("sources", "num_sources"),
    ("evidence", "evidence"),
]


TIMELINE_FIELDS = [
    "id", "story_id", "type", "mode", "context", "cameo", "source_id", "source_name", "source_country",
    "source_sector", "target_id", "target_name", "target_country", "target_sector", "date",
    "date_granularity", "dates", "date_conflict", "place", "place_country", "negated", "modality",
    "num_sources", "outlets", "urls", "evidence",
]  # fmt: skip


def _timeline_csv_rows(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merged events as flat rows: the reports' URLs instead of the nested reports."""
    return [
        {
            **{k: v for k, v in e.items() if k != "sources"},
            "urls": [s["url"] for s in e["sources"] if s["url"]],
        }
        for e in entries
    ]


def _timeline_rows(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merged events with the actor labels and date flags a table shows."""
    shown = []
    for e in entries:
        date = (e["date"] or "") + (" (dates disagree)" if e["date_conflict"] else "")
        shown.append({**e, "who": _actor_label(e["source"]), "whom": _actor_label(e["target"]), "date": date})
    return shown


@app.command("stories")
def stories_command(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="Stories reported on or after this date.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List stories: articles across outlets about one happening, most recent first."""
    since = _check_date(since, "--since")
    with open_store(db) as store:
        found = store.stories(since)
    if fmt is OutputFormat.table:
        found = [{**s, "outlets": ", ".join(s["outlets"][:4])} for s in found]
    write_records(found, fmt, STORY_COLUMNS, title="Stories")


@app.command("story")
def story_command(
    story_id: Annotated[str, typer.Argument(help="A story id, as `dateline stories` lists them.")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """One story: its brief with sources, a timeline of its events, and its articles.

    json and jsonl give the whole story; csv gives its timeline, one merged event a row,
    with the outlets and URLs of all its reports.
    """
    with open_store(db) as store:
        found = store.story(story_id)
    if found is None:
        raise fail(f"no story {story_id!r}; `dateline stories --db {db}` lists them")
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is OutputFormat.jsonl:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, default=str) + "\n")
        return
    if fmt is OutputFormat.csv:
        write_records(_timeline_csv_rows(found["timeline"]), fmt, fields=TIMELINE_FIELDS)
        return
    out = Console(width=None if sys.stdout.isatty() else 160)
    out.print(f"[bold]{found['title'] or 'Untitled story'}[/]", highlight=False)
    out.print(
        f"{found['first_seen'] or '?'} – {found['last_seen'] or '?'} · {len(found['articles'])} articles · "
        f"{', '.join(found['outlets'])}",
        highlight=False,
    )
    for sentence in found["brief"]:
        out.print(f"• {sentence['text']} [dim]({sentence['outlet'] or 'unknown outlet'})[/]", highlight=False)
    write_records(_timeline_rows(found["timeline"]), OutputFormat.table, TIMELINE_COLUMNS, title="Timeline")
    write_records(
        found["articles"],
        OutputFormat.table,
        [
            ("outlet", "outlet"),
            ("date", "date"),
            ("headline", "headline"),
            ("copy of", "duplicate_of"),
            ("id", "id"),
        ],
        title="Sources",
    )


@app.command("timeline")
def timeline_command(
    actor: Annotated[
        list[str] | None,
        typer.Option(
            "--actor", help="Country (ISO 3166 alpha-3 or a name); two or more: events between them."
        ),
    ] = None,
    story: Annotated[str | None, typer.Option("--story", help="Only this story's events.")] = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Merged events in date order, each with how many sources report it and its best evidence."""
    from dateline.api.filters import countries

    try:
        codes = countries(actor or [], "--actor")
    except ValueError as exc:
        raise fail(str(exc)) from None
    with open_store(db) as store:
        entries = store.story_events(story, codes)
    if fmt is OutputFormat.table:
        write_records(_timeline_rows(entries), fmt, TIMELINE_COLUMNS, title="Timeline")
    elif fmt is OutputFormat.csv:
        write_records(_timeline_csv_rows(entries), fmt, fields=TIMELINE_FIELDS)
    else:
        write_records(entries, fmt, TIMELINE_COLUMNS)


@app.command("export")
def export_command(
    to: Annotated[Path, typer.Option("--to", help="Folder to write into (created if missing).")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or json")] = "parquet",
) -> None:
    """Write events, merged events, articles, actors and stories as Parquet, CSV or JSON files.

    Columns and types are those of docs/schema.md: dates as DATE with their granularity,
    PLOVER type, mode and context, CAMEO codes as text, source lists as arrays.
    """
    if fmt not in ("parquet", "csv", "json"):
        raise fail(f"--format {fmt!r}: use parquet, csv or json")
    with open_store(db) as store:
        try:
            files = store.export(to, fmt)
        except OSError as exc:
            raise fail(f"{to}: cannot write ({exc.strerror or exc})") from None
    for name, path in files.items():
        err.print(f"{name}: {path}", highlight=False)


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command("batch")
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

    fmt, fields = _input_options(input_format, field)
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


@app.command("load")
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


@app.command("watch")
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
    actors: Annotated[
        Path | None,
        typer.Option("--actors", help="Your actor overrides (YAML or TOML): name -> country, sector, title."),
    ] = None,
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

    interval = _watch_sources(sources, every)
    overrides = _load_overrides(actors)
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


LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command("serve")
def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on; other than loopback needs a token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None, typer.Option(envvar="DATELINE_TOKEN", help="Required on every request when set.")
    ] = None,
    watch: Annotated[
        list[str] | None,
        typer.Option(
            "--watch", help="A feed or site to watch while serving (repeatable): the server ingests it."
        ),
    ] = None,
    every: Annotated[str, typer.Option("--every", help="With --watch: time between polls.")] = "15m",
    delay: Annotated[
        float, typer.Option("--delay", min=0, help="With --watch: seconds between requests to one site.")
    ] = DELAY,
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the dashboard over a store.

    With --watch, the server is also the store's one writer: it polls the feeds
    in the background (as `dateline watch` does) and the dashboard shows new
    articles as they are stored, without a restart. DuckDB lets one process write
    a file or several read it, so a separate `dateline ingest` or `dateline watch`
    cannot write into a store that is being served.
    """
    import threading

    import uvicorn

    from dateline.api import create_app

    if token is not None and not token.strip():
        raise fail("--token is empty or blank; give a real secret, or none on a loopback address")
    if host not in LOOPBACK and not token:
        raise fail(f"--host {host}: serving beyond this machine needs --token (or DATELINE_TOKEN)")
    interval = _watch_sources(watch or [], every)
    if not watch and not Path(db).exists():
        raise fail(f"{db}: no such store; create it with `dateline ingest PATH --db {db}`")
    try:
        # Token-less on loopback: answer only to this machine's names (no DNS rebinding).
        hosts = [*LOOPBACK, host] if not token else None
        if watch:
            open_store(db, must_exist=False).close()  # created if new, upgraded if old
        application = create_app(db, token, hosts, writable=bool(watch))
    except StoreError as exc:
        raise store_failure(db, exc) from None
    stop = threading.Event()
    watcher = _watch_in_background(db, watch or [], interval, delay, stop) if watch else None
    err.print(f"Dateline on http://{host}:{port}/ (API docs at /docs); Ctrl-C to stop", highlight=False)
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning")
    finally:
        stop.set()
        if watcher is not None:
            watcher.join(timeout=30)  # it stops between articles


def _watch_sources(sources: list[str], every: str) -> float:
    """The poll interval in seconds, after checking that every source is a web address."""
    from dateline.watch import parse_every

    bad = [s for s in sources if not is_url(s)]
    if bad:
        raise fail(f"{bad[0]}: not a web address; watch takes http(s):// feeds or sites")
    try:
        return parse_every(every)
    except ValueError as exc:
        raise fail(str(exc)) from None


def _watch_in_background(db: str, sources: list[str], interval: float, delay: float, stop: Any) -> Any:
    """Start a thread that watches `sources` into the served store until `stop` is set."""
    import threading

    from dateline.watch import Watcher
    from dateline.watch.run import WorkerProcessor

    def report(kind: str, where: str, message: str) -> None:
        label = {"new": "new", "error": "[bold red]error:[/]"}.get(kind)
        if label is not None:
            err.print(f"{label} {where}{': ' + message if message else ''}", highlight=False, soft_wrap=True)

    def work() -> None:
        try:
            # A second connection to the server's own database (DuckDB shares it within a process).
            with Store(db) as store, Fetcher(delay=delay) as fetcher:
                Watcher(store, fetcher, sources, interval, report, stop, process=processor).run()
        except Exception as exc:  # noqa: BLE001 - the server keeps serving what is stored
            err.print(f"[bold red]error:[/] watching stopped ({type(exc).__name__}: {exc})", highlight=False)
        finally:
            processor.close()

    # Articles are parsed in a worker process, so that readers of the server do not wait on the GIL.
    processor = WorkerProcessor()

    thread = threading.Thread(target=work, name="dateline-watch", daemon=True)
    thread.start()
    return thread


def main() -> None:
    """Entry point of the `dateline` console script."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted; everything stored so far is complete, re-run to continue")
        sys.exit(130)
