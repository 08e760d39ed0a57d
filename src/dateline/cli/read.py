"""The commands that read a store and print: `articles`, `events`, `actors`, `stories`,
`story`, `timeline`, and `export` (to files); with the columns each format shows, the same
whatever the filters.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from dateline.cli.options import (
    DEFAULT_DB,
    DbOption,
    FormatOption,
    LimitOption,
    QueryOption,
    SinceOption,
    StoryOption,
    UntilOption,
    check_date,
    err,
    fail,
    open_store,
)
from dateline.cli.output import OutputFormat, write_records
from dateline.store.read import EventFilter, search_key

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
    """Print events: as a table with actor labels and negation or plans shown, else with the flat
    fields every format has."""
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
    since, until = check_date(since, "--since"), check_date(until, "--until")
    with open_store(db) as store:
        found = store.articles(story, outlet or (), since, until, q, limit)
    write_records(found, fmt, ARTICLE_COLUMNS, title="Articles", fields=ARTICLE_FIELDS)


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
    likely: Annotated[
        bool,
        typer.Option(
            "--likely",
            help="Only events more likely right than wrong by the learned precision score (its "
            "threshold); far fewer events, and drops many right ones.",
        ),
    ] = False,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Only events whose confidence (how likely the event is right) is at least this.",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List events in date order: who did what to whom, when and where, and the sentence that says so.

    Every event's confidence is the learned precision score (`dateline train precision`): how likely
    judges would find its type, source, target and date all right. `--likely` lists only those more
    likely right than wrong, `--min-confidence` those at or above another value; by default every
    stored event is listed, since a threshold drops right events too. Filters combine with AND; an
    unknown type or country is an error (exit 2) that lists what is accepted. Every format has the
    same columns whatever the filters.
    """
    from dateline.api.filters import event_types
    from dateline.models import likely_threshold

    since, until = check_date(since, "--since"), check_date(until, "--until")
    where = EventFilter(
        countries=_countries(actor, "--actor"), sources=_countries(source, "--source"),
        targets=_countries(target, "--target"), types=_filter_values(type_, event_types, "--type"),
        since=since, until=until, story=story, q=q or None, min_sources=min_sources, place=place or None,
        min_confidence=likely_threshold() if likely and min_confidence is None else min_confidence,
    )  # fmt: skip
    with open_store(db) as store:
        if story and store.story(story) is None:
            raise fail(f"--story {story!r}: no such story; `dateline stories --db {db}` lists them")
        records = store.events(where=where, limit=limit, newest_first=newest)
    print_events(records, fmt, title="Events")


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


def stories_command(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="Stories reported on or after this date.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List stories: articles across outlets about one happening, most recent first."""
    since = check_date(since, "--since")
    with open_store(db) as store:
        found = store.stories(since)
    if fmt is OutputFormat.table:
        found = [{**s, "outlets": ", ".join(s["outlets"][:4])} for s in found]
    write_records(found, fmt, STORY_COLUMNS, title="Stories")


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
