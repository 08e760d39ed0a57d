"""Timelines: a story's merged events, or one actor's or pair's, in date order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.model import Actor, EventSource, Granularity, MergedEvent
from dateline.stories.cluster import date_interval


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a timeline: a merged event with its best evidence."""

    date: str | None
    date_granularity: Granularity | None
    type: str
    source: Actor
    target: Actor | None
    num_sources: int
    evidence: str
    outlet: str | None
    event_id: str
    story_id: str
    date_conflict: bool = False


def story_timeline(events: Iterable[MergedEvent]) -> list[TimelineEntry]:
    """All the events given (typically one story's), chronological; undated events last."""
    return _timeline(events)


def actor_timeline(events: Iterable[MergedEvent], actors: Sequence[str]) -> list[TimelineEntry]:
    """Events involving one actor, or between two (in either direction), chronological.

    An actor is given as an ISO 3166 alpha-3 code ("KOR"), a code with sector
    ("KOR GOV"), an actor id or a name ("Joe Biden"; a surname matches too).
    """
    if not actors:
        return _timeline(events)
    if len(actors) == 1:
        return _timeline(e for e in events if _involves(e, actors[0]))
    a, b = actors[0], actors[1]
    return _timeline(
        e
        for e in events
        if e.target is not None
        and (
            (actor_matches(e.source, a) and actor_matches(e.target, b))
            or (actor_matches(e.source, b) and actor_matches(e.target, a))
        )
    )


def actor_matches(actor: Actor, query: str) -> bool:
    """Whether an actor is the one a user names by code, id or name."""
    q = query.strip()
    if not q:
        return False
    if q == actor.id or q.upper() in (actor.country, actor.code):
        return True
    words = set(actor.name.casefold().split())
    return set(q.casefold().split()) <= words


def best_source(event: MergedEvent) -> EventSource:
    """The report to quote: the most confident one that gives the event's date, earliest published first."""
    return max(
        event.sources,
        key=lambda s: (s.confidence, s.date == event.date, -_day(s.published), -len(s.evidence)),
    )


def _involves(event: MergedEvent, query: str) -> bool:
    return actor_matches(event.source, query) or (
        event.target is not None and actor_matches(event.target, query)
    )


def _day(date: str | None) -> int:
    interval = date_interval(date)
    return interval[0] if interval else 10**7


def _timeline(events: Iterable[MergedEvent]) -> list[TimelineEntry]:
    entries = []
    for event in events:
        source = best_source(event)
        entries.append(
            TimelineEntry(
                date=event.date,
                date_granularity=event.date_granularity,
                type=event.type,
                source=event.source,
                target=event.target,
                num_sources=event.num_sources,
                evidence=source.evidence,
                outlet=source.outlet,
                event_id=event.id,
                story_id=event.story_id,
                date_conflict=event.date_conflict,
            )
        )
    # Chronological by the first day a date may mean; the same day: most reported first.
    entries.sort(key=lambda e: (_day(e.date), -e.num_sources, e.event_id))
    return entries
