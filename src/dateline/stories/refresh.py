"""Bring a store's stories up to date after an ingest.

The clusterer resumes from the state saved in the store (its corpus counts; the stories
it builds are read from the store as the new articles' dates need them), takes the articles
that are in no story yet, and every story they touch is rebuilt from all its
articles (merged events, brief, title). The store only reads and writes; the
decisions are the pure functions of this stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Protocol

from dateline.model import Article, Event, MergedEvent, Story
from dateline.stories.cluster import (
    ClusterState,
    StoryArchive,
    StoryCluster,
    StoryClusterer,
    article_features,
    story_interval,
)

# Articles read from the store at a time: bounds memory on large stores.
CHUNK = 500
# During an ingest, stories are brought up to date each time this many stored articles are in
# no story (see `refresh_story_blocks`).
BLOCK = 100


class StoryStore(StoryArchive, Protocol):
    """What refreshing needs from a store (`dateline.store.Store` provides it)."""

    def cluster_state(self) -> dict[str, object] | None: ...
    def unassigned_articles(self) -> list[str]: ...
    def article_records(self, ids: Sequence[str]) -> list[Article]: ...
    def event_records(self, article_ids: Sequence[str]) -> dict[str, list[Event]]: ...
    def save_stories(
        self,
        state: dict[str, object],
        found: Sequence[Story],
        events: Sequence[MergedEvent],
        assignment: dict[str, str],
        retired: Sequence[str],
        redated_articles: Sequence[Article] = (),
        redated_events: Sequence[Event] = (),
        clusters: Sequence[tuple[str, int, int | None, int | None, dict[str, object]]] = (),
    ) -> None: ...


def refresh_story_blocks(store: StoryStore, block: int = BLOCK) -> int:
    """Cluster the store's new articles `block` at a time, leaving fewer than `block` unassigned.

    The blocks are cut from the store's articles in ingest order, never from where a run
    started or stopped: an ingest interrupted at any point and resumed refreshes the same
    blocks, at the same points, as one clean run, so its stories (their groupings, the
    clusterer's state, each brief's term weights) come out identical. Returns how many
    stories were (re)built.
    """
    rebuilt = 0
    waiting = len(store.unassigned_articles())
    while waiting >= block:
        rebuilt += refresh_stories(store, limit=block)
        left = len(store.unassigned_articles())
        if left >= waiting:  # nothing was placed: never loop forever
            break
        waiting = left
    return rebuilt


def refresh_stories(store: StoryStore, limit: int | None = None) -> int:
    """Cluster the store's new articles into stories and rebuild the stories they touch.

    With `limit`, only the first `limit` new articles (in ingest order). Returns how many
    stories were (re)built. Running it twice changes nothing.
    """
    from dateline.stories import make_story

    new = store.unassigned_articles()[:limit]
    if not new:
        return 0
    saved = store.cluster_state()
    clusterer = StoryClusterer(ClusterState.from_dict(saved) if saved else None, archive=store)
    for start in range(0, len(new), CHUNK):
        chunk = new[start : start + CHUNK]
        events = store.event_records(chunk)
        for article in store.article_records(chunk):
            clusterer.add(article_features(article, events.get(article.id, ())))
    state = clusterer.state
    touched = sorted({sid for a in new if (sid := state.story_of(a)) is not None})
    clusters = state.clusters()
    stories: list[Story] = []
    merged: list[MergedEvent] = []
    assignment: dict[str, str] = {}
    redated_articles: list[Article] = []
    redated_events: list[Event] = []
    # The articles of every touched story in one read (a read per story scanned the articles
    # once a story, a hundred times a block). Events are still read story by story: the order
    # of two events at one trigger (which one a merged event shows) is the order a read of
    # that story's articles gives, and a read of more articles may give them the other way.
    everyone = list(dict.fromkeys(a for story_id in touched for a in clusters.get(story_id, [])))
    records = {a.id: a for a in store.article_records(everyone)}
    for story_id in touched:
        members = clusters.get(story_id, [])
        articles = [records[a] for a in members if a in records]
        built = make_story(story_id, articles, store.event_records(members), state)
        stories.append(built.story)
        merged.extend(built.events)
        redated_articles.extend(built.redated_articles)
        redated_events.extend(built.redated_events)
        assignment.update(dict.fromkeys(members, story_id))
    store.save_stories(
        state.corpus_dict(),
        stories,
        merged,
        assignment,
        sorted(state.merged_into),
        redated_articles,
        redated_events,
        [_row(story) for story in clusterer.changed()],
    )
    return len(stories)


def _row(story: StoryCluster) -> tuple[str, int, int | None, int | None, dict[str, object]]:
    """A story under construction as the store saves it: id, order, the days it spans, its state."""
    span = story_interval(story)
    return (story.id, story.seq, *(span or (None, None)), asdict(story))
