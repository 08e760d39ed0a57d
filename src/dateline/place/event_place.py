"""Where an event happened: a place named in its sentence, else the article's dateline."""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.model import Article, Event
from dateline.place.countries import locate

# "in Seoul", "at the White House", "in New York City": a preposition of place
# followed by a run of capitalised words. A possessive ("at Tokyo's foreign
# ministry") names an institution, not where the event happened.
_PLACE_PHRASE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w.-]*)(?:\s+[A-Z][\w.-]*){0,3})(?!\w|['’]s\b)"
)


def place_event(event: Event, article: Article) -> Event:
    """Give an event a place with country and coordinates, when the text says one."""
    for match in _PLACE_PHRASE.finditer(event.evidence):
        words = match.group(1).split()
        # Try the longest name first: "New York City" before "New York".
        for n in range(len(words), 0, -1):
            found = locate(" ".join(words[:n]).rstrip("."))
            if found is not None:
                return _with_place(event, found)
    if article.dateline_place:
        found = locate(article.dateline_place)
        if found is not None:
            return _with_place(event, found)
        return replace(event, place=article.dateline_place)
    return event


def _with_place(event: Event, found: tuple[str, str | None, float | None, float | None]) -> Event:
    name, country, lat, lon = found
    return replace(event, place=name, place_country=country, latitude=lat, longitude=lon)
