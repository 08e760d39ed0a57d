"""Dashboard pages: overview, events, one event, actors, one actor, one article."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from dateline.api.filters import PLOVER_TYPES, event_filter
from dateline.api.responses import found_or_404
from dateline.store import Store
from dateline.store.read import EventFilter
from dateline.web.charts import network, stacked_bars

_WEB = resources.files("dateline.web")


def register_pages(app: FastAPI, store: Store) -> None:
    """Add the dashboard's pages and its static files to `app`."""
    templates = Jinja2Templates(directory=str(_WEB.joinpath("templates")))
    app.mount("/static", StaticFiles(directory=str(_WEB.joinpath("static"))), name="static")

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        counts = store.overview()
        latest, _ = store.event_page(EventFilter(), limit=20, offset=0)
        return page(
            request, "index.html", counts=counts, chart=stacked_bars(counts["weekly"]), events=latest,
            stories=store.stories()[:10],
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
        type: str = "",  # noqa: A002
        since: str = "",
        until: str = "",
    ) -> HTMLResponse:
        error = None
        found: list[dict[str, Any]] = []
        total = 0
        try:
            where = event_filter(
                [country] if country else [], [], [type] if type else [], since or None, until or None, q
            )
            found, total = store.event_page(where, limit=500, offset=0)
        except ValueError as exc:  # a malformed filter typed into the form: say which, show nothing
            error = str(exc)
        return page(
            request, "events.html", events=found, total=total, types=PLOVER_TYPES, error=error,
            q=q, country=country, type=type, since=since, until=until,
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
    def actors_page(request: Request) -> HTMLResponse:
        return page(request, "actors.html", actors=store.actors()[:500])

    @app.get("/actor/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: str) -> HTMLResponse:
        found = found_or_404(store.actor(actor_id), "actor", actor_id)
        partners = [(p["name"], f"/actor/{p['id']}", p["events"]) for p in found["partners"]]
        events, _ = store.event_page(EventFilter(actors=[actor_id]), limit=500, offset=0)
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
