"""Stories clustered over a store: only stories within reach of an article's date are held in
memory, the others are read back from the store when a report of their days comes in."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from dateline.model import Article, ProcessedDoc, RawDoc
from dateline.store import Store
from dateline.stories import ClusterConfig, ClusterState, StoryClusterer, article_features, cluster
from dateline.stories.cluster import date_interval
from dateline.stories.refresh import refresh_stories, refresh_story_blocks

SUMMIT = (
    "Biden and Putin meet in Geneva",
    "U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on Wednesday for "
    "their first summit at a lakeside villa. The two leaders agreed to return their ambassadors to "
    "Moscow and Washington and to start talks on strategic stability and arms control.",
)
SUMMIT_AGAIN = (
    "Putin and Biden hold Geneva summit",
    "Russian President Vladimir Putin and U.S. President Joe Biden held their first summit in a "
    "lakeside villa in Geneva on Wednesday. Both said the ambassadors would return to Moscow and "
    "Washington, and that talks on strategic stability and arms control would begin.",
)
FLOODS = (
    "Floods cut off villages in Bangladesh",
    "Monsoon floods have cut off hundreds of villages in northern Bangladesh, officials said on "
    "Monday, as rivers rose above danger levels and rescue boats ferried families to shelters in "
    "Sylhet and Sunamganj districts.",
)


def _article(headline: str, body: str, date: str | None, outlet: str | None = None) -> ProcessedDoc:
    doc = RawDoc(text=f"{headline}\n{body}", outlet=outlet, date=date)
    article = Article(
        doc_id=doc.id,
        position=0,
        start=0,
        end=len(doc.text),
        body=body,
        outlet=outlet,
        headline=headline,
        date=date,
        date_granularity="day" if date else None,
        date_source="metadata" if date else None,
    )
    return ProcessedDoc(doc=doc, articles=(article,))


def _story_of(store: Store, result: ProcessedDoc) -> str | None:
    return next(a["story_id"] for a in store.articles() if a["id"] == result.articles[0].id)


def test_a_story_months_away_is_not_held_yet_a_late_report_of_its_days_joins_it(tmp_path: Path) -> None:
    summit, floods = _article(*SUMMIT, "2021-06-16", "AP"), _article(*FLOODS, "2021-11-22", "AFP")
    with Store(tmp_path / "news.duckdb") as store:
        store.save(summit)
        refresh_stories(store)
        store.save(floods)
        refresh_stories(store)
        summit_story = _story_of(store, summit)
        assert summit_story is not None and summit_story != _story_of(store, floods)

        # A report dated in November is compared with November's stories: June's stays in the store.
        saved = store.cluster_state()
        assert saved is not None
        clusterer = StoryClusterer(ClusterState.from_dict(saved), archive=store)
        clusterer.add(article_features(_article(*FLOODS, "2021-11-23", "Reuters").articles[0]))
        assert summit_story not in clusterer.state.stories
        assert _story_of(store, floods) in clusterer.state.stories

        # A late report of the June summit is read against June's stories and joins its story.
        late = _article(*SUMMIT_AGAIN, "2021-06-17", "Reuters")
        store.save(late)
        refresh_stories(store)
        assert _story_of(store, late) == summit_story
        summit_row = next(s for s in store.stories() if s["id"] == summit_story)
        assert summit_row["articles"] == 2 and set(summit_row["outlets"]) == {"AP", "Reuters"}


def test_reach_is_where_the_time_factor_keeps_any_score_under_the_join_threshold() -> None:
    config = ClusterConfig()
    reach = config.reach_days()
    assert reach is not None
    # One day further than the reach, an article identical to the story still cannot join it.
    clusterer = StoryClusterer(config=config)
    day = 738000
    assert clusterer._time_factor((day, day), (day + reach + 1, day + reach + 1)) < config.join_threshold  # noqa: SLF001
    assert clusterer._time_factor((day, day), (day + reach - 1, day + reach - 1)) >= config.join_threshold  # noqa: SLF001
    assert ClusterConfig(time_floor=0.5).reach_days() is None


def test_dev_pages_clustered_over_a_store_in_blocks_give_the_stories_of_one_pass(
    tmp_path: Path, shared_data: Path
) -> None:
    pages = [json.loads(line) for line in (shared_data / "news" / "pages.dev.jsonl").open(encoding="utf-8")]
    results = {}
    for page in pages:
        lines = page["text"].strip().split("\n", 1)
        result = _article(lines[0], lines[-1], page.get("date") or None, page["outlet"])
        results.setdefault(result.articles[0].id, result)
    with Store(tmp_path / "pages.duckdb") as store:
        for result in results.values():
            store.save(result)
        refresh_story_blocks(store, 20)
        refresh_stories(store)
        stored = {a["id"]: a["story_id"] for a in store.articles()}
    whole = cluster(article_features(r.articles[0]) for r in results.values())

    def groups(story_of: dict[str, str | None]) -> set[frozenset[str]]:
        found: dict[str | None, set[str]] = defaultdict(set)
        for article_id, story_id in story_of.items():
            found[story_id].add(article_id)
        return {frozenset(members) for members in found.values()}

    assert None not in stored.values()
    assert groups(stored) == groups({a: whole.story_of(a) for a in results})


def test_a_state_saved_whole_before_version_7_is_split_and_its_stories_still_joined(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "v6.duckdb"
    summit = _article(*SUMMIT, "2021-06-16", "AP")
    with Store(path) as store:
        store.save(summit)
        refresh_stories(store)
        summit_story = _story_of(store, summit)
    # The state as version 6 saved it: the corpus counts, every story and every assignment in one row.
    con = duckdb.connect(str(path))
    (corpus,) = con.execute("SELECT state FROM cluster_state").fetchone() or ("{}",)
    stories = {
        r[0]: json.loads(r[1]) for r in con.execute("SELECT id, state FROM cluster_stories").fetchall()
    }
    whole = {**json.loads(corpus), "stories": stories, "assignment": {summit.articles[0].id: summit_story}}
    con.execute("UPDATE cluster_state SET state = ?", [json.dumps(whole)])
    con.execute("DROP TABLE cluster_stories; DROP TABLE document_bands; DROP TABLE document_urls")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as store:
        late = _article(*SUMMIT_AGAIN, "2021-06-17", "Reuters")
        store.save(late)
        refresh_stories(store)
        assert _story_of(store, late) == summit_story
        assert "stories" not in (store.cluster_state() or {})


def test_when_more_stories_are_within_reach_than_held_those_sharing_the_articles_keys_are_read(
    tmp_path: Path,
) -> None:
    summit, floods = _article(*SUMMIT, "2021-06-16", "AP"), _article(*FLOODS, "2021-06-16", "AFP")
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        store.save(summit)
        store.save(floods)
        refresh_stories(store)
        summit_story, floods_story = _story_of(store, summit), _story_of(store, floods)
        assert summit_story is not None and floods_story is not None and summit_story != floods_story
    # A store of schema 8 had no keys table: the upgrade fills it from the saved stories.
    import duckdb

    con = duckdb.connect(str(path))
    con.execute("DROP TABLE cluster_keys")
    con.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as store:
        day = date_interval("2021-06-17")
        assert day is not None
        keys = ["geneva", "@vladimir putin", "summit"]
        assert store.story_ids_sharing(day[0] - 5, day[1] + 5, keys, 5) == [summit_story]

        saved = store.cluster_state()
        assert saved is not None
        # Both stories are within reach, one more than this clusterer holds whole: only the story
        # sharing the report's words is read, and the report joins it.
        config = ClusterConfig(window_held=1, shared_held=1)
        clusterer = StoryClusterer(ClusterState.from_dict(saved), config=config, archive=store)
        late = _article(*SUMMIT_AGAIN, "2021-06-17", "Reuters").articles[0]
        assert clusterer.add(article_features(late)) == summit_story
        assert floods_story not in clusterer.state.stories
        # Held whole, as before, when the stories within reach fit.
        clusterer = StoryClusterer(ClusterState.from_dict(saved), archive=store)
        assert clusterer.add(article_features(late)) == summit_story
        assert floods_story in clusterer.state.stories
