"""One event per real-world event: merge the reports of a story's articles.

Two reports are the same event when they have the same PLOVER type (and the same
negation), the same actors (the same pair in either order for undirected types
such as CONSULT, in the same order for directed ones such as ACCUSE), dates that
can be the same day, and places that do not contradict each other. Actors match
by canonical name ("Biden" is "Joe Biden") or, when a name is not a person's, by
country and sector ("Seoul" stands for the KOR GOV as "Moon Jae-in" does). A
country named as an actor stands for its state: "Russia met Ukraine" and "Putin
met Zelensky" on the same day report one meeting, so a country matches its own
government and armed forces (never its opposition, rebels or businesses). A place
that the report's sentence does not name (the article's dateline, where the
reporter filed from) cannot contradict the place another report names.

Dates that disagree by a few days are kept on the merged event and flagged
(`date_conflict`), never averaged: an outlet that resolved "Wednesday" to the
wrong week is a fact an analyst should see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from dateline.model import Actor, Article, Event, EventSource, Granularity, MergedEvent, Modality, stable_id
from dateline.stories.cluster import date_interval

# Interactions with no direction: "A met B" and "B met A" report the same meeting.
UNDIRECTED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

_GRAIN_RANK = {"day": 0, "month": 1, "year": 2, None: 3}

# Sectors through which a country acts as a state: "Russia" may be reported as its
# president, its foreign ministry or its troops, but not as its opposition.
STATE_SECTORS = frozenset({"GOV", "MIL"})


@dataclass
class _Group:
    members: list[Event] = field(default_factory=list)


def merge_events(
    story_id: str,
    events: Iterable[Event],
    articles: Mapping[str, Article],
    max_date_gap_days: int = 3,
) -> list[MergedEvent]:
    """The merged events of one story, most reported first.

    `articles` maps article id to article (for outlet and publication date).
    Reports whose dates differ by at most `max_date_gap_days` beyond their
    granularity merge with `date_conflict` set; further apart they stay apart.
    """
    groups: list[_Group] = []
    for event in events:
        for group in groups:
            if all(_same_event(event, other, max_date_gap_days) for other in group.members):
                group.members.append(event)
                break
        else:
            groups.append(_Group([event]))
    merged = [_merged(story_id, group.members, articles) for group in groups]
    # Stable order: most sources (distinct articles) first, then most outlets, then events
    # with a target (an interaction says more than a lone act), then earliest date, then id.
    merged.sort(key=lambda m: (-m.num_sources, -len(m.outlets), m.target is None, m.date or "9999", m.id))
    return merged


def actors_match(a: Actor, b: Actor) -> bool:
    """Whether two actors of different reports can be the same: same name, or same country and sector."""
    if names_compatible(a.name, b.name):
        return True
    if _looks_like_person(a) and _looks_like_person(b):
        # Two named people are one only with the same surname and no contradicting country
        # ("Anthony Blinken" misspelt for "Antony Blinken"); otherwise two actors, whatever their country.
        same_surname = a.name.split()[-1].casefold() == b.name.split()[-1].casefold()
        return same_surname and (not a.country or not b.country or a.country == b.country)
    if not a.country or a.country != b.country:
        return False
    if a.sector == b.sector:
        return True
    # A country itself (no sector) and one of its state organs or leaders.
    return (a.sector is None) != (b.sector is None) and (a.sector or b.sector) in STATE_SECTORS


def names_compatible(a: str, b: str) -> bool:
    """Whether one name's words are all in the other ("Biden" and "Joe Biden")."""
    wa, wb = set(a.casefold().replace(".", "").split()), set(b.casefold().replace(".", "").split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _looks_like_person(actor: Actor) -> bool:
    # A country itself (a country code, no sector) is never a person, however it is spelt
    # ("United States", "South Korea").
    if actor.country and actor.sector is None:
        return False
    words = actor.name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _pair_match(a: Event, b: Event) -> bool:
    def same(x: Actor | None, y: Actor | None) -> bool:
        return (x is None and y is None) or (x is not None and y is not None and actors_match(x, y))

    if same(a.source, b.source) and same(a.target, b.target):
        return True
    return a.type in UNDIRECTED_TYPES and same(a.source, b.target) and same(a.target, b.source)


def _same_event(a: Event, b: Event, max_gap: int) -> bool:
    if a.type != b.type or a.negated != b.negated or not _pair_match(a, b):
        return False
    if _date_gap(a, b) > max_gap:
        return False
    if _named_place(a) and _named_place(b) and str(a.place).casefold() != str(b.place).casefold():
        # Geneva and Switzerland can both be right; Geneva and Moscow cannot.
        return bool(a.place_country) and a.place_country == b.place_country
    return True


def _named_place(event: Event) -> bool:
    """Whether the report's own sentence names its place (not only the article's dateline)."""
    return event.place is not None and event.place.casefold() in event.evidence.casefold()


def _date_gap(a: Event, b: Event) -> int:
    """Days between the nearest days two dates may mean; 0 when they may be the same day or one is missing."""
    ia, ib = date_interval(a.date, a.date_granularity), date_interval(b.date, b.date_granularity)
    if ia is None or ib is None:
        return 0
    return max(0, ia[0] - ib[1], ib[0] - ia[1])


def _spot(event: Event) -> tuple[str, int, int]:
    """Where a report's trigger is: its article, sentence and offset."""
    return (event.article_id, event.sentence_start, event.trigger_start)


def _merged(story_id: str, members: Sequence[Event], articles: Mapping[str, Article]) -> MergedEvent:
    # A joint act is one event per party ("the two leaders agreed": A with B and B with A),
    # reported by one trigger; which of them stands for the group must not depend on the order
    # the reports arrive in (a resumed ingest reads them in another order), so the lowest id
    first = min((e for e in members if _spot(e) == _spot(members[0])), key=lambda e: e.id)
    sources = tuple(
        EventSource(
            event_id=e.id,
            article_id=e.article_id,
            outlet=articles[e.article_id].outlet if e.article_id in articles else None,
            evidence=e.evidence,
            date=e.date,
            date_granularity=e.date_granularity,
            published=_published(articles.get(e.article_id)),
            confidence=e.confidence,
        )
        for e in members
    )
    # Orient every report like the first one, so undirected pairs count their names together.
    sources_side: list[Actor] = []
    targets_side: list[Actor] = []
    for e in members:
        if e.target is not None and first.target is not None and not actors_match(e.source, first.source):
            sources_side.append(e.target)
            targets_side.append(e.source)
        else:
            sources_side.append(e.source)
            if e.target is not None:
                targets_side.append(e.target)
    date, grain, dates, conflict = _dates(members)
    places = Counter(e.place for e in members if e.place)
    place = places.most_common(1)[0][0] if places else None
    place_country = next((e.place_country for e in members if e.place == place and e.place_country), None)
    if place is None:
        place_country = next((e.place_country for e in members if e.place_country), None)
    published = sorted(s.published for s in sources if s.published)
    modality: Modality = "asserted" if any(e.modality == "asserted" for e in members) else "planned"
    return MergedEvent(
        id=stable_id("merged", story_id, first.id),
        story_id=story_id,
        type=first.type,
        cameo=Counter(e.cameo for e in members).most_common(1)[0][0],
        source=_representative(sources_side),
        target=_representative(targets_side) if targets_side else None,
        date=date,
        date_granularity=grain,
        place=place,
        place_country=place_country,
        sources=sources,
        dates=dates,
        date_conflict=conflict,
        negated=first.negated,
        modality=modality,
        first_seen=published[0] if published else None,
        last_seen=published[-1] if published else None,
    )


def _published(article: Article | None) -> str | None:
    """When the article came out, if it says so itself (a date inferred from its story does not)."""
    if article is None or article.date_source == "story":
        return None
    return article.date


def _representative(actors: Sequence[Actor]) -> Actor:
    """The most reported actor; among equals, the fullest name (and one that has a country)."""
    counts = Counter(a.name.casefold() for a in actors)
    return max(actors, key=lambda a: (counts[a.name.casefold()], a.country is not None, len(a.name)))


def _dates(members: Sequence[Event]) -> tuple[str | None, Granularity | None, tuple[str, ...], bool]:
    dated = [(e.date, e.date_granularity) for e in members if e.date]
    if not dated:
        return None, None, (), False
    intervals = [date_interval(d, g) for d, g in dated]
    support = Counter(dated)

    # A date is supported by every report it is compatible with; the finest of the best-supported wins.
    def backing(item: tuple[str, Granularity | None]) -> int:
        own = date_interval(*item)
        return sum(
            n
            for other, n in support.items()
            if own and (iv := date_interval(*other)) and iv[0] <= own[1] and own[0] <= iv[1]
        )

    best = min(support, key=lambda item: (-backing(item), _GRAIN_RANK[item[1]], item[0]))
    conflict = any(
        a is not None and b is not None and (a[1] < b[0] or b[1] < a[0]) for a in intervals for b in intervals
    )
    return best[0], best[1], tuple(sorted({d for d, _ in dated})), conflict
