"""Answers shared by the API and the pages: one page of results, and 404 for an unknown id."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
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


def events_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Rows of the `events` export as CSV text; lists become JSON text, as in `dateline export`."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([json.dumps(v) if isinstance(v, list) else v for v in row])
    return out.getvalue()
