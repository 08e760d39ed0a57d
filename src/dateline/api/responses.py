"""Answers shared by the API and the pages: one page of results, and 404 for an unknown id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import HTTPException, Request


def page_of(request: Request, items: Sequence[Any], total: int, offset: int, limit: int) -> dict[str, Any]:
    """`{items, total, next}`: `next` is the URL of the following page, or None at the end."""
    following = None
    if offset + limit < total:
        following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"items": list(items), "total": total, "next": following}


def found_or_404(record: dict[str, Any] | None, kind: str, ident: str) -> dict[str, Any]:
    """The record, or a 404 that names what was asked for."""
    if record is None:
        raise HTTPException(404, f"no {kind} {ident!r}")
    return record
