"""The shapes the API promises, as pydantic models (they make the OpenAPI schema)."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    """One page of results: `next` is the URL of the following page, or null at the end."""

    items: list[Item]
    total: int
    next: str | None


class ActorRef(BaseModel):
    id: str | None = None
    name: str
    country: str | None
    sector: str | None


class EventOut(BaseModel):
    id: str
    type: str
    mode: str | None = None
    context: str | None = None
    cameo: str
    source: ActorRef
    target: ActorRef | None
    date: str | None
    date_granularity: str | None
    place: str | None
    place_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    article_id: str
    url: str | None
    outlet: str | None
    evidence: str
    negated: bool
    modality: str
    trigger: str
    confidence: float
    story_id: str | None = None
    merged_event_id: str | None = None
    num_sources: int = 1
    sources: list[str | None] = []


class EventSourceOut(BaseModel):
    event_id: str
    article_id: str
    outlet: str | None
    evidence: str
    url: str | None


class EventDetail(EventOut):
    source_id: str
    target_id: str | None
    headline: str | None
    trigger_offset: int
    reports: list[EventSourceOut] = []


class ActorOut(BaseModel):
    id: str
    name: str
    country: str | None
    sector: str | None
    title: str | None
    events: int


class TypeCount(BaseModel):
    type: str
    events: int


class Partner(BaseModel):
    id: str
    name: str
    country: str | None
    sector: str | None
    events: int


class ActorDetail(BaseModel):
    id: str
    name: str
    country: str | None
    sector: str | None
    title: str | None
    by_type: list[TypeCount]
    partners: list[Partner]


class ArticleOut(BaseModel):
    id: str
    url: str | None
    outlet: str | None
    byline: str | None
    headline: str | None
    dateline: str | None
    dateline_place: str | None
    date: str | None
    date_granularity: str | None
    date_source: str | None
    language: str
    text: str
    removed: list[list[int | str]]
    # No `path`: where the server keeps its input files is none of a client's business.
    story_id: str | None = None
    duplicate_of: str | None = None


class Problem(BaseModel):
    detail: str


class StoryOut(BaseModel):
    id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    language: str | None
    articles: int
    events: int
    outlets: list[str]


class BriefSentenceOut(BaseModel):
    text: str
    article_id: str
    outlet: str | None


class TimelineEntryOut(BaseModel):
    id: str
    story_id: str
    type: str
    mode: str | None = None
    context: str | None = None
    cameo: str
    source: ActorRef
    target: ActorRef | None
    date: str | None
    date_granularity: str | None
    dates: list[str]
    date_conflict: bool
    place: str | None
    place_country: str | None = None
    negated: bool
    modality: str
    num_sources: int
    outlets: list[str]
    evidence: str
    sources: list[EventSourceOut]


class StoryArticleOut(BaseModel):
    id: str
    outlet: str | None
    headline: str | None
    date: str | None
    url: str | None
    language: str | None
    duplicate_of: str | None


class StoryDetail(StoryOut):
    brief: list[BriefSentenceOut]
    timeline: list[TimelineEntryOut]
    sources: list[StoryArticleOut]
