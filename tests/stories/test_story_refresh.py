"""Stories kept up to date in the store as articles arrive, ingest after ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model import RawDoc
from dateline.pipeline import process_documents
from dateline.store import Store
from dateline.stories.refresh import refresh_stories

GENEVA_AP = (
    "GENEVA (AP) — U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on "
    "Wednesday for their first summit, a meeting both sides called constructive.\n"
    "The two leaders agreed to return their ambassadors to Moscow and Washington.\n"
)
GENEVA_REUTERS = (
    "GENEVA (Reuters) - Russian President Vladimir Putin and U.S. President Joe Biden held talks in "
    "a lakeside villa in Geneva on Wednesday, their first summit since Biden took office.\n"
    "Putin said the summit had been constructive and that the ambassadors would return to their posts.\n"
)
FLOODS = (
    "DHAKA (AFP) - Monsoon floods have cut off hundreds of villages in northern Bangladesh, officials "
    "said on Monday, as rivers rose above danger levels and rescue boats ferried families to shelters.\n"
)


def _ingest(store: Store, *texts: str, date: str = "2021-06-16") -> None:
    for result in process_documents(RawDoc(text=t, date=date) for t in texts):
        store.save(result)


@pytest.fixture()
def store(tmp_path: Path, nlp: object) -> Store:
    return Store(tmp_path / "d.duckdb")


def test_reports_of_one_summit_form_one_story_and_floods_another(store: Store) -> None:
    _ingest(store, GENEVA_AP, FLOODS, GENEVA_REUTERS)
    assert refresh_stories(store) == 2
    stories = {s["title"]: s for s in store.stories()}
    summit = next(s for s in stories.values() if s["articles"] == 2)
    assert set(summit["outlets"]) == {"AP", "Reuters"}
    assert any(s["articles"] == 1 for s in stories.values())
    assigned = {a["story_id"] for a in store.articles()}
    assert len(assigned) == 2 and None not in assigned


def test_refresh_twice_changes_nothing_and_a_new_report_joins(store: Store) -> None:
    _ingest(store, GENEVA_AP, FLOODS)
    refresh_stories(store)
    before = store.stories()
    assert refresh_stories(store) == 0 and store.stories() == before
    _ingest(store, GENEVA_REUTERS)
    assert refresh_stories(store) == 1
    summit = max(store.stories(), key=lambda s: s["articles"])
    assert summit["articles"] == 2
    detail = store.story(summit["id"])
    assert detail is not None and len(detail["articles"]) == 2 and detail["brief"]
    consults = [e for e in detail["timeline"] if e["type"] == "CONSULT"]
    assert consults and max(e["num_sources"] for e in consults) == 2


def test_rebuilt_stories_replace_their_rows_one_row_an_id(store: Store) -> None:
    # Schema 8: the story tables have no primary key; the writer deletes what it replaces.
    _ingest(store, GENEVA_AP, FLOODS)
    refresh_stories(store)
    _ingest(store, GENEVA_REUTERS)
    refresh_stories(store)  # rebuilds the summit story, its merged events and their sources
    refresh_stories(store)
    keyed = {
        "stories": "id",
        "story_articles": "article_id",
        "story_events": "id",
        "story_event_sources": "event_id",
        "cluster_stories": "id",
        "cluster_keys": "id",
        "cluster_state": "id",
        "actors": "id",
    }
    for table, column in keyed.items():
        rows, ids = store._db.execute(
            f"SELECT count(*), count(DISTINCT {column}) FROM {table}"
        ).fetchone() or (0, 0)
        assert rows == ids > 0, table
    assert store._db.execute("SELECT count(*) FROM story_articles").fetchone() == (3,)


def test_events_carry_their_story_and_sources(store: Store) -> None:
    _ingest(store, GENEVA_AP, GENEVA_REUTERS)
    refresh_stories(store)
    events = store.events(types=["CONSULT"])
    assert events and all(e["story_id"] for e in events)
    assert max(e["num_sources"] for e in events) == 2
