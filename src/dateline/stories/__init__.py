"""Cross-article work: stories across outlets, one event per real-world event, timelines, briefs.

`build_stories` is the whole stage over processed documents; the pieces
(`StoryClusterer`, `merge_events`, `story_timeline`, `write_brief`) are pure
functions over records that the store can call on its own data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dateline.model import Article, Event, MergedEvent, ProcessedDoc, Story
from dateline.stories.brief import Brief, write_brief
from dateline.stories.cluster import (
    ArticleFeatures,
    ClusterConfig,
    ClusterState,
    StoryClusterer,
    article_features,
    cluster,
)
from dateline.stories.dating import date_from_story
from dateline.stories.merge import merge_events
from dateline.stories.timeline import TimelineEntry, actor_timeline, story_timeline

__all__ = [
    "ArticleFeatures",
    "Brief",
    "BuiltStory",
    "ClusterConfig",
    "ClusterState",
    "StoryClusterer",
    "StoryResult",
    "TimelineEntry",
    "actor_timeline",
    "article_features",
    "build_stories",
    "cluster",
    "date_from_story",
    "make_story",
    "merge_events",
    "story_timeline",
    "write_brief",
]


@dataclass(frozen=True)
class StoryResult:
    """What `build_stories` found: stories, their merged events, and the clusterer's state to resume from."""

    stories: tuple[Story, ...]
    events: tuple[MergedEvent, ...]
    assignment: dict[str, str]  # article id -> story id
    state: ClusterState
    # Articles dated from their story (`date_from_story`) and their events, dated again.
    redated_articles: tuple[Article, ...] = ()
    redated_events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class BuiltStory:
    """One story as `make_story` builds it, with what it dated from the story's other reports."""

    story: Story
    events: list[MergedEvent]
    redated_articles: list[Article]
    redated_events: list[Event]


def build_stories(
    docs: Iterable[ProcessedDoc], state: ClusterState | None = None, config: ClusterConfig | None = None
) -> StoryResult:
    """Cluster the documents' articles (in order, resuming `state`) and build every story they touch.

    The stories are built from the articles and events given here. When resuming a
    saved state, a story may also hold articles from earlier runs: rebuild it with
    `make_story` from all its articles (`state.clusters()[story_id]`), and move the
    articles of stories listed in `state.merged_into` to the surviving story.
    """
    clusterer = StoryClusterer(state, config)
    articles: dict[str, Article] = {}
    events_of: dict[str, list[Event]] = defaultdict(list)
    for doc in docs:
        by_article: dict[str, list[Event]] = defaultdict(list)
        for event in doc.events:
            by_article[event.article_id].append(event)
        for article in doc.articles:
            articles[article.id] = article
            events_of[article.id] = by_article[article.id]
            # From the article and its events only, as `refresh_stories` reads them back from a
            # store (which keeps no mentions): the stories a user's ingest gives are these.
            clusterer.add(article_features(article, by_article[article.id]))
    st = clusterer.state
    members: dict[str, list[Article]] = defaultdict(list)
    for article_id, article in articles.items():
        story_id = st.story_of(article_id)
        if story_id is not None:
            members[story_id].append(article)
    stories: list[Story] = []
    merged: list[MergedEvent] = []
    redated_articles: list[Article] = []
    redated_events: list[Event] = []
    for story_id, story_articles in members.items():
        built = make_story(story_id, story_articles, events_of, st)
        stories.append(built.story)
        merged.extend(built.events)
        redated_articles.extend(built.redated_articles)
        redated_events.extend(built.redated_events)
    assignment = {a: s for a in articles if (s := st.story_of(a)) is not None}
    return StoryResult(
        stories=tuple(stories),
        events=tuple(merged),
        assignment=assignment,
        state=st,
        redated_articles=tuple(redated_articles),
        redated_events=tuple(redated_events),
    )


def make_story(
    story_id: str,
    articles: list[Article],
    events_of: Mapping[str, Sequence[Event]],
    state: ClusterState | None = None,
) -> BuiltStory:
    """One story from its articles (in reporting order) and their events: merged events, brief, title.

    Articles that nothing of their own dates take their story's date first (`date_from_story`).
    """
    redated, redated_events = date_from_story(articles, events_of)
    if redated:
        by_id = {a.id: a for a in redated}
        articles = [by_id.get(a.id, a) for a in articles]
        events_of = {**events_of, **redated_events}
    story_events = merge_events(
        story_id, [e for a in articles for e in events_of.get(a.id, ())], {a.id: a for a in articles}
    )
    brief = write_brief(articles, state.df if state else None, state.n_docs if state else 0)
    # Reports dated by the story itself say nothing new about when it was reported.
    dates = sorted(a.date for a in articles if a.date and a.date_source != "story")
    languages = [a.language for a in articles]
    story = Story(
        id=story_id,
        articles=tuple(a.id for a in articles),
        events=tuple(e.id for e in story_events),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        title=brief.title,
        brief=brief.sentences,
        language=max(sorted(set(languages)), key=languages.count) if languages else "en",
        outlets=tuple(dict.fromkeys(a.outlet for a in articles if a.outlet)),
    )
    return BuiltStory(story, story_events, redated, [e for events in redated_events.values() for e in events])
