"""Answers shared by the API and the pages: one page of results, and 404 for an unknown id."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Any

from fastapi import HTTPException, Request


def page_of(request: Request, items: Sequence[Any], total: int, offset: int, limit: int) -> dict[str, Any]:
    """`{items, total, next}`: `next` is the URL of the following page, or None at the end."""
    following = None
    if offset + limit < total:
        # A token given as ?token= stays out of links, which get copied, logged and shared.
        following = str(
            request.url.remove_query_params("token").include_query_params(offset=offset + limit, limit=limit)
        )
    return {"items": list(items), "total": total, "next": following}


def found_or_404(record: dict[str, Any] | None, kind: str, ident: str) -> dict[str, Any]:
    """The record, or a 404 that names what was asked for."""
    if record is None:
        raise HTTPException(404, f"no {kind} {ident!r}")
    return record


class Order(StrEnum):
    """Which events come first in a listing."""

    newest = "newest"
    oldest = "oldest"


def events_csv(rows: Iterator[Sequence[Any]], batch: int = 2000) -> Iterator[str]:
    """Rows of the `events` export (the header first) as CSV text, `batch` rows a chunk, written
    as `dateline export` writes them: text quoted (so CAMEO "043" stays text for readers that
    honour quotes), lists as JSON text, dates as ISO text, numbers and booleans bare, NULL empty."""
    lines = [",".join(_cell(name) for name in next(rows))]
    for row in rows:
        lines.append(",".join(_cell(v) for v in row))
        if len(lines) >= batch:
            yield "\r\n".join(lines) + "\r\n"
            lines = []
    if lines:
        yield "\r\n".join(lines) + "\r\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)
    elif not isinstance(value, str):
        return str(value)  # dates: ISO text, bare like the export's
    return '"' + value.replace('"', '""') + '"'
