"""Print records as a table, JSON, JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """Nested actors become `source_name`, `source_country`... for CSV and tables."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for sub, inner in value.items():
                flat[f"{key}_{sub}"] = inner
        elif isinstance(value, list):
            # CSV cells hold text: plain values joined, records as JSON.
            simple = all(not isinstance(v, dict | list) for v in value)
            flat[key] = "; ".join(str(v) for v in value) if simple else json.dumps(value, ensure_ascii=False)
        elif key in ("source", "target") and value is None:
            for sub in ("id", "name", "country", "sector"):
                flat[f"{key}_{sub}"] = None
        else:
            flat[key] = value
    return flat


def write_records(
    records: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    table_columns: Sequence[tuple[str, str]] = (),
    title: str | None = None,
    console: Console | None = None,
    fields: Sequence[str] | None = None,
) -> None:
    """Write records to stdout in the chosen format.

    `table_columns` are (header, key) pairs for the table view; keys may name a
    flattened nested field such as `source_name`. `fields` fixes the CSV columns, so
    the header is the same whatever was found (even nothing).
    """
    if fmt is OutputFormat.json:
        json.dump(list(records), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif fmt is OutputFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    elif fmt is OutputFormat.csv:
        rows = [_flat(r) for r in records]
        columns = list(fields or (rows[0] if rows else [key for _, key in table_columns]))
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title, show_lines=False, expand=False)
        for header, _ in table_columns:
            table.add_column(header, overflow="fold")
        for record in records:
            flat = _flat(record)
            table.add_row(*("" if flat.get(key) is None else str(flat.get(key)) for _, key in table_columns))
        # Piped output has no terminal width; 80 columns would fold every name.
        (console or Console(width=None if sys.stdout.isatty() else 160)).print(table)
