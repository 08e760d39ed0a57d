"""Dashboard pages: overview (time chart, map, country pairs), events, one event, actors, one actor,
one article, stories, one story, and a country pair (dyad)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from dateline.api.filters import PLOVER_TYPES, event_filter
from dateline.api.filters import country as country_code
from dateline.api.responses import found_or_404
from dateline.api.security import http_url
from dateline.store import Store
from dateline.store.read import EventFilter
from dateline.web.charts import network, time_bars, world_map

_WEB = resources.files("dateline.web")


# Rows per page of the events and actors pages.
PAGE = 100


def _pages(path: str, query: dict[str, str], offset: int, total: int, size: int = PAGE) -> dict[str, Any]:
    """Where this page starts and ends, and links to the previous and next pages (None at the ends)."""

    def link(start: int) -> str:
        return f"{path}?{urlencode({**query, 'offset': start})}" if start else f"{path}?{urlencode(query)}"

    return {
        "first": min(offset + 1, total), "last": min(offset + size, total), "total": total,
        "previous": link(max(offset - size, 0)) if offset > 0 else None,
        "next": link(offset + size) if offset + size < total else None,
    }  # fmt: skip


def register_pages(app: FastAPI, store: Store) -> None:
    """Add the dashboard's pages and its static files to `app`."""
    templates = Jinja2Templates(directory=str(_WEB.joinpath("templates")))
    # Scraped URLs are untrusted: only http(s) ones become links (`{{ url|http_url }}`).
    templates.env.filters["http_url"] = http_url
    app.mount("/static", StaticFiles(directory=str(_WEB.joinpath("static"))), name="static")

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        counts = store.overview()
        latest, _ = store.event_page(EventFilter(), limit=20, offset=0, newest_first=True)
        by_country, places = store.map_counts()
        points = [(p, lat, lon, n, "/events?" + urlencode({"place": p})) for p, lat, lon, n in places]
        return page(
            request, "index.html", counts=counts, chart=time_bars(counts["weekly"]), events=latest,
            stories=store.stories()[:10], world=world_map(by_country, points), dyads=store.top_dyads(12),
            located=sum(n for *_, n in places),
        )  # fmt: skip

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request) -> HTMLResponse:
        return page(request, "stories.html", stories=store.stories()[:500])

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        found = found_or_404(store.story(story_id), "story", story_id)
        return page(request, "story.html", story=found)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request,
        q: str = "",
        country: str = "",
        source: str = "",
        target: str = "",
        type: str = "",  # noqa: A002
        since: str = "",
        until: str = "",
        place: str = "",
        order: str = "newest",
        offset: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = PAGE,
    ) -> HTMLResponse:
        error = None
        found: list[dict[str, Any]] = []
        total = 0
        try:
            where = event_filter(
                [country] if country else [], [], [type] if type else [], since or None, until or None, q,
                source=[source] if source else [], target=[target] if target else [], place=place,
            )  # fmt: skip
            found, total = store.event_page(where, limit, offset, newest_first=order != "oldest")
        except ValueError as exc:  # a malformed filter typed into the form: say which, show nothing
            error = str(exc)
        query = {k: v for k, v in request.query_params.items() if k not in ("offset", "token") and v}
        # The download is every matching event, not this page of them.
        everything = {k: v for k, v in query.items() if k != "limit"}
        return page(
            request, "events.html", events=found, total=total, types=PLOVER_TYPES, error=error,
            q=q, country=country, source=source, target=target, type=type, since=since, until=until,
            place=place, order=order, pages=_pages("/events", query, offset, total, limit),
            download="/api/events.csv" + (f"?{urlencode(everything)}" if everything else ""),
        )  # fmt: skip

    @app.get("/dyad/{first}/{second}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request, first: str, second: str, offset: Annotated[int, Query(ge=0, le=2**62)] = 0
    ) -> HTMLResponse:
        try:
            a, b = country_code(first), country_code(second)
        except ValueError as exc:
            raise HTTPException(404, str(exc)) from None
        where = EventFilter(dyad=(a, b))
        found, total = store.event_page(where, PAGE, offset, newest_first=True)
        counts = store.dyad_counts(a, b)
        directions = {
            side: [(c["type"], c["events"]) for c in counts if c["source_country"] == side] for side in (a, b)
        }
        return page(
            request, "dyad.html", a=a, b=b, events=found, total=total, directions=directions,
            chart=time_bars(store.weekly(where)), pages=_pages(f"/dyad/{a}/{b}", {}, offset, total),
            download="/api/events.csv?" + urlencode([("dyad", a), ("dyad", b)]),
        )  # fmt: skip

    @app.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        found = found_or_404(store.event(event_id), "event", event_id)
        at, evidence = found["trigger_offset"], found["evidence"]
        trigger = found["trigger"].split()[0] if found["trigger"] else ""
        if not 0 <= at <= len(evidence) or not evidence[at:].startswith(trigger):
            at = max(evidence.find(trigger), 0)
        return page(
            request, "event.html", e=found, before=evidence[:at], trigger=evidence[at : at + len(trigger)],
            after=evidence[at + len(trigger) :],
        )  # fmt: skip

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(
        request: Request, q: str = "", country: str = "", offset: Annotated[int, Query(ge=0, le=2**62)] = 0
    ) -> HTMLResponse:
        error, total = None, 0
        found: list[dict[str, Any]] = []
        try:
            code = country_code(country) if country else None
            found, total = store.search_actors(q or None, code, PAGE, offset)
        except ValueError as exc:
            error = str(exc)
        query = {k: v for k, v in request.query_params.items() if k not in ("offset", "token") and v}
        return page(
            request, "actors.html", actors=found, total=total, q=q, country=country, error=error,
            pages=_pages("/actors", query, offset, total),
        )  # fmt: skip

    @app.get("/actor/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: str) -> HTMLResponse:
        found = found_or_404(store.actor(actor_id), "actor", actor_id)
        partners = [(p["name"], f"/actor/{p['id']}", p["events"]) for p in found["partners"]]
        events, _ = store.event_page(EventFilter(actors=[actor_id]), limit=500, offset=0, newest_first=True)
        return page(request, "actor.html", actor=found, graph=network(found["name"], partners), events=events)

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        found = found_or_404(store.article(article_id), "article", article_id)
        removed = [
            {"start": r[0], "end": r[1], "reason": r[2], "text": r[3] if len(r) > 3 else None}
            for r in json.loads(found["removed"] or "[]")
        ]
        events, _ = store.event_page(EventFilter(article=article_id), limit=500, offset=0)
        return page(request, "article.html", article=found, removed=removed, events=events)
