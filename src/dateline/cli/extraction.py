"""The commands that print what Dateline reads from news and store nothing: `split` (the
articles pasted into one text, cleaned) and `extract` (each document's text and metadata).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from dateline.cli.options import FieldOption, err, fail, input_options
from dateline.ingest import FORMATS, IngestError, list_inputs, read_input
from dateline.model import RawDoc


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


def split_command(
    file: Annotated[str, typer.Argument(help="A text file of pasted news, or - for stdin.")],
    fmt: Annotated[SplitFormat, typer.Option("--format", "-f", help="How to print the articles.")] = (
        SplitFormat.json
    ),
) -> None:
    """Find the articles pasted into one text and print them, cleaned; nothing is stored.

    Each article has `start` and `end` (character offsets into the input), its
    headline, byline, outlet, dateline place, date, language, the furniture
    removed from it (`removed`, a list of start and end offsets) and its cleaned body.
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

    in_fmt, fields = input_options(input_format, field)
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
