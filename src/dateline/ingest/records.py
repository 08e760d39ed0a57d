"""Read JSON Lines and CSV exports: one news record a line or row, fields mapped to `RawDoc`.

Tools name their fields differently, so each `RawDoc` field has a list of
names tried in order (`text|body|content`, `url|link`, ...), and the user can
name the field outright (`--field text=body`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from typing import Any

from dateutil import parser as date_parser

from dateline.ingest.text import IngestError
from dateline.model import RawDoc
from dateline.time.values import parse_iso

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "url": ("url", "link"),
    "date": ("date", "published"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site"),
}


class RecordError(ValueError):
    """A record file that cannot be read as a whole; the message says where and why."""


def parse_field_options(options: list[str] | None) -> dict[str, str]:
    """`["text=body", "date=pubdate"]` -> `{"text": "body", "date": "pubdate"}`; ValueError if malformed."""
    mapping: dict[str, str] = {}
    for option in options or []:
        key, sep, value = option.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not value or key not in DEFAULT_FIELDS:
            raise ValueError(
                f"--field {option!r}: expected NAME=COLUMN with NAME one of {', '.join(DEFAULT_FIELDS)}"
            )
        mapping[key] = value
    return mapping


def iso_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value, or None when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Epoch seconds (or milliseconds, as some exports write them).
        seconds = value / 1000 if value > 1e11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).strftime("%Y-%m-%d")
        except (OverflowError, OSError, ValueError):
            return None
    iso = parse_iso(str(value))
    if iso is not None and iso[1] == "day":
        # The common case (ISO 8601, as page metadata writes it) without the general parser.
        return iso[0].isoformat()
    try:
        # A fixed default so missing parts never come from today's date.
        parsed = date_parser.parse(str(value)[:64], default=dt.datetime(1, 1, 1), ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.strftime("%Y-%m-%d") if parsed.year > 1 else None


def _pick(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    lowered = {str(k).casefold(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name.casefold())
        if value not in (None, ""):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = "\n\n".join(str(v) for v in value if v is not None)
    text = str(value).strip()
    return text or None


def record_doc(
    record: Mapping[str, Any], path: str, fields: Mapping[str, str] | None = None
) -> RawDoc | None:
    """The `RawDoc` of one record, or None when it has no text."""
    names = {
        key: ((fields[key],) if fields and key in fields else default)
        for key, default in DEFAULT_FIELDS.items()
    }
    text = _as_text(_pick(record, names["text"]))
    if text is None:
        return None
    return RawDoc(
        text=text,
        path=path,
        url=_as_text(_pick(record, names["url"])),
        outlet=_as_text(_pick(record, names["outlet"])),
        title=_as_text(_pick(record, names["title"])),
        date=iso_date(_pick(record, names["date"])),
    )


def text_field_hint(fields: Mapping[str, str] | None) -> str:
    """The error for records with no text field: which names were tried, and how to name one."""
    names = (fields["text"],) if fields and "text" in fields else DEFAULT_FIELDS["text"]
    return f"no text field ({' or '.join(names)}); name it with --field text=NAME"


def read_jsonl(data: str, path: str, fields: Mapping[str, str] | None = None) -> list[RawDoc | IngestError]:
    """Every record of a JSON Lines file (or a JSON array of objects), in file order.

    A line that is not valid JSON, or not an object, is one `IngestError` among the
    documents (a scrape cut off mid-line loses that line, not the file). `RecordError`
    when nothing in the file is a record: not JSON Lines at all, or no text field.
    """
    stripped = data.lstrip()
    read: list[tuple[int, Any] | IngestError] = []
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise RecordError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
        except RecursionError:
            raise RecordError("too deeply nested to read") from None
        read.extend(enumerate(items if isinstance(items, list) else [items], 1))
    else:
        for number, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                read.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                read.append(IngestError(f"{path}#{number}", f"line {number}: invalid JSON ({exc.msg})"))
            except RecursionError:
                read.append(IngestError(f"{path}#{number}", f"line {number}: too deeply nested to read"))
    found: list[RawDoc | IngestError] = []
    records = 0
    for entry in read:
        if isinstance(entry, IngestError):
            found.append(entry)
            continue
        number, item = entry
        if not isinstance(item, dict):
            found.append(
                IngestError(
                    f"{path}#{number}",
                    f"record {number}: expected a JSON object, found {type(item).__name__}",
                )
            )
            continue
        records += 1
        doc = record_doc(item, f"{path}#{number}", fields)
        if doc is not None:
            found.append(doc)
    docs = [d for d in found if isinstance(d, RawDoc)]
    if not docs:
        errors = [e for e in found if isinstance(e, IngestError)]
        if records:
            raise RecordError(text_field_hint(fields))
        if errors:
            # Not one line is a record: the file is not JSON Lines, and one reason says so.
            more = f" (and {len(errors) - 1} more lines)" if len(errors) > 1 else ""
            raise RecordError(errors[0].reason + more)
    return found


def read_csv(data: str, path: str, fields: Mapping[str, str] | None = None) -> list[RawDoc]:
    """Every row of a CSV (or TSV) file with a header row; `RecordError` if it has no text column."""
    # The header row decides the delimiter: article text is full of commas, the header is not.
    header_line = data.split("\n", 1)[0]
    delimiter = max(",\t;|", key=header_line.count)
    # Articles are long: lift the csv module's default field size limit for this read.
    csv.field_size_limit(max(csv.field_size_limit(), len(data) + 1))
    reader = csv.DictReader(io.StringIO(data, newline=""), delimiter=delimiter)
    header = [str(name).casefold() for name in (reader.fieldnames or [])]
    names = (fields["text"],) if fields and "text" in fields else DEFAULT_FIELDS["text"]
    if not any(name.casefold() in header for name in names):
        raise RecordError(f"{text_field_hint(fields)}; the columns are: {', '.join(header) or 'none'}")
    docs: list[RawDoc] = []
    try:
        for number, row in enumerate(reader, 2):
            # Extra cells land under the key None; they are no field of ours.
            doc = record_doc({k: v for k, v in row.items() if k is not None}, f"{path}#{number}", fields)
            if doc is not None:
                docs.append(doc)
    except csv.Error as exc:
        raise RecordError(f"line {reader.line_num}: malformed CSV ({exc})") from None
    return docs
