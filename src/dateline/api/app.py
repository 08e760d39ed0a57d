"""FastAPI application: JSON endpoints over a read-only store.

Filters are validated here (bad ones are a 422 with the reason); the store
turns them into parameterised SQL. With a token set, every request must carry
it (`Authorization: Bearer TOKEN` or `?token=TOKEN`), else 401.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse

from dateline import __version__
from dateline.api import filters
from dateline.api.cache import ResponseCache
from dateline.api.docs import register_docs
from dateline.api.filters import DATE_RE, countries, event_filter
from dateline.api.responses import Order, events_csv, found_or_404, page_of
from dateline.api.schemas import (
    ActorDetail,
    ActorOut,
    ArticleOut,
    EventDetail,
    EventOut,
    Page,
    Problem,
    StoryDetail,
    StoryOut,
)
from dateline.api.security import (
    HostCheck,
    SecurityHeaders,
    SingleValues,
    TokenCheck,
    check_repeated,
    list_parameters,
    usable_token,
)
from dateline.store import QueryTimeout, Store
from dateline.store.read import EventFilter
from dateline.web.pages import register_pages

# The store pages with 64-bit signed offsets; a larger one is refused with 422, not a 500.
MAX_OFFSET = 2**63 - 1

# A read that runs longer is stopped, and the request answered 503.
QUERY_SECONDS = 10.0
# Dates as the schema states them, so that a client (or a test generated from the schema) knows.
DATE_PATTERN = DATE_RE.pattern

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No record with that id."}
}


def invalid(exc: ValueError) -> RequestValidationError:
    """A filter that nobody could match, as a 422 in the shape of FastAPI's own validation errors,
    so that every 422 of the API has one documented body."""
    name = getattr(exc, "name", None)
    where = ("query", name) if name else ("query",)
    return RequestValidationError([{"type": "value_error", "loc": where, "msg": str(exc)}])


def filtered(
    country: Annotated[
        list[str], Query(description="Country of source or target: ISO 3166 alpha-3 or a name")
    ] = [],  # noqa: B006
    source: Annotated[list[str], Query(description="Country of the source only")] = [],  # noqa: B006
    target: Annotated[list[str], Query(description="Country of the target only")] = [],  # noqa: B006
    dyad: Annotated[list[str], Query(description="Two countries: events between them, either way")] = [],  # noqa: B006
    actor: Annotated[list[str], Query(description="Actor id or exact name")] = [],  # noqa: B006
    type: Annotated[list[str], Query(description="PLOVER event type")] = [],  # noqa: A002, B006
    since: Annotated[str | None, Query(description="YYYY[-MM[-DD]]", pattern=DATE_PATTERN)] = None,
    until: Annotated[str | None, Query(description="YYYY[-MM[-DD]]", pattern=DATE_PATTERN)] = None,
    q: Annotated[
        str | None,
        Query(description="Text in the evidence or actor names; case and accents ignored", max_length=200),
    ] = None,
    story: Annotated[str | None, Query(description="Story id, as /api/stories lists them")] = None,
    min_sources: Annotated[int, Query(ge=1, le=10_000, description="At least this many reports")] = 1,
    place: Annotated[
        str | None,
        Query(description="Where it happened, as named, e.g. Seoul (case ignored)", max_length=200),
    ] = None,
    min_confidence: Annotated[
        float | None,
        Query(
            ge=0.0,
            le=1.0,
            description="Only events at least this likely right (the learned precision score, each "
            "event's confidence; 0.5: more likely right than wrong, as `dateline events --likely`)",
        ),
    ] = None,
) -> EventFilter:
    """The event filters every event listing takes, checked (422 with the reason when wrong)."""
    try:
        check_repeated(country=country, source=source, target=target, dyad=dyad, actor=actor, type=type)
        return event_filter(
            country,
            actor,
            type,
            since,
            until,
            q,
            story,
            source,
            target,
            min_sources,
            dyad,
            place,
            min_confidence,
        )
    except ValueError as exc:
        raise invalid(exc) from None


Filtered = Annotated[EventFilter, Depends(filtered)]
OrderQuery = Annotated[Order, Query(description="newest (default) or oldest first")]


def create_app(
    db_path: str,
    token: str | None = None,
    hosts: Sequence[str] | None = None,
    writable: bool = False,
    query_seconds: float | None = QUERY_SECONDS,
) -> FastAPI:
    """The API over the store at `db_path`, opened read-only; ValueError for a blank token.

    A read query running longer than `query_seconds` is stopped and its request answered 503.

    With `hosts`, only requests whose Host header names one of them are answered. `writable`
    opens the store for writing (the API itself never writes), so that a writer in this
    process (`dateline serve --watch`) can share its database: DuckDB lets one process write
    or many read, and a read-only and a writing connection cannot share a file in one process.
    """
    token = usable_token(token)
    store = Store(db_path, read_only=not writable, query_seconds=query_seconds)
    app = FastAPI(
        title="Dateline",
        version=__version__,
        description="Events from the news — who did what to whom, when and where — with their evidence. "
        "Columns and fields are documented in docs/schema.md.",
        # The default pages load Swagger UI and ReDoc from a CDN, blank offline: ours serve them
        # from the fastapi-offline package's files.
        docs_url=None,
        redoc_url=None,
        responses={503: {"model": Problem, "description": "The query took too long and was stopped."}},
    )

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    app.state.store = store
    register_docs(app)
    # The last added runs first: security headers on every answer (refusals too), then the Host
    # and token checks, a parameter given twice, and innermost the answers kept per store generation.
    app.add_middleware(ResponseCache, generation=lambda: store.generation)
    app.add_middleware(SingleValues, repeatable=lambda: list_parameters(app.openapi()))
    if token is not None:
        app.add_middleware(TokenCheck, token=token)
    if hosts is not None:
        app.add_middleware(HostCheck, hosts=hosts)
    app.add_middleware(SecurityHeaders)

    @app.get("/api/events", response_model=Page[EventOut], tags=["events"])
    def list_events(
        request: Request,
        where: Filtered,
        order: OrderQuery = Order.newest,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Events, newest first unless `order=oldest`, filtered; each with its evidence sentence.

        `next` is the URL of the following page (`offset` + `limit`), null on the last one.
        """
        items, total = store.event_page(where, limit, offset, newest_first=order is Order.newest)
        return page_of(request, items, total, offset, limit)

    @app.get(
        "/api/events.csv",
        tags=["events"],
        response_class=Response,
        responses={200: {"content": {"text/csv": {}}, "description": "The columns of docs/schema.md"}},
    )
    def download_events(where: Filtered, order: OrderQuery = Order.newest) -> Response:
        """Every event matching the filters as CSV, with the columns of the `events` export."""
        rows = store.event_table(where, newest_first=order is Order.newest)
        return StreamingResponse(
            events_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.csv"'},
        )

    @app.get("/api/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND, tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        """One event with its actors' ids and the trigger's place in the evidence."""
        found = found_or_404(store.event(event_id), "event", event_id)
        return found

    @app.get("/api/actors", response_model=Page[ActorOut], tags=["actors"])
    def list_actors(
        request: Request,
        q: Annotated[
            str | None,
            Query(description="Text in the name or title; case and accents ignored", max_length=200),
        ] = None,
        country: Annotated[str | None, Query(description="ISO 3166 alpha-3 or a country name")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Actors that take part in events, most active first, optionally searched."""
        try:
            code = filters.country(country) if country else None
        except ValueError as exc:
            raise invalid(exc) from None
        found, total = store.search_actors(q or None, code, limit, offset)
        return page_of(request, found, total, offset, limit)

    @app.get("/api/actors/{actor_id}", response_model=ActorDetail, responses=NOT_FOUND, tags=["actors"])
    def get_actor(actor_id: str) -> dict[str, Any]:
        """One actor, its events by type, and whom it acts with."""
        found = found_or_404(store.actor(actor_id), "actor", actor_id)
        return found

    @app.get("/api/articles/{article_id}", response_model=ArticleOut, responses=NOT_FOUND, tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        """One article: clean text, metadata, and the furniture removed from it."""
        found = found_or_404(store.article(article_id), "article", article_id)
        found.pop("path", None)  # the server's file path: never in an answer
        return {**found, "removed": json.loads(found["removed"] or "[]")}

    @app.get("/api/stories", response_model=Page[StoryOut], tags=["stories"])
    def list_stories(
        request: Request,
        since: Annotated[
            str | None, Query(description="YYYY[-MM[-DD]]: reported on or after", pattern=DATE_PATTERN)
        ] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Stories, most recently reported first."""
        try:
            event_filter(since=since)
        except ValueError as exc:
            raise invalid(exc) from None
        everything = store.stories(since)
        return page_of(request, everything[offset : offset + limit], len(everything), offset, limit)

    @app.get("/api/stories/{story_id}", response_model=StoryDetail, responses=NOT_FOUND, tags=["stories"])
    def get_story(story_id: str) -> dict[str, Any]:
        """One story: its brief with outlets, its timeline of merged events, and its source articles."""
        found = found_or_404(store.story(story_id), "story", story_id)
        return {**found, "sources": found["articles"], "articles": len(found["articles"])}

    @app.get("/api/timeline", response_model=list[EventOut], tags=["events"])
    def timeline(
        actor: Annotated[
            list[str], Query(description="ISO3 country codes; two or more: events between them")
        ] = [],  # noqa: B006
    ) -> list[dict[str, Any]]:
        """Events in date order involving one country, or between the given countries."""
        try:
            check_repeated(actor=actor)
            return store.timeline(countries(actor, "actor"))
        except ValueError as exc:
            raise invalid(exc) from None

    register_pages(app, store)
    return app
