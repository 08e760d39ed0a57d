"""Articles that nothing of their own dates take their story's date, and their events follow."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Actor, Article, Event
from dateline.stories import date_from_story, make_story
from dateline.stories.dating import story_date

BIDEN = Actor("Joe Biden", "USA", "GOV")
PUTIN = Actor("Vladimir Putin", "RUS", "GOV")


def article(
    body: str, position: int, date: str | None, granularity: str | None, source: str | None
) -> Article:
    return Article(
        doc_id=f"doc{position}",
        position=0,
        start=0,
        end=len(body),
        body=body,
        outlet=f"outlet{position}",
        date=date,
        date_granularity=granularity,  # type: ignore[arg-type]
        date_source=source,  # type: ignore[arg-type]
    )


def meeting(of: Article) -> Event:
    start = of.body.index("met")
    return Event(
        type="CONSULT",
        cameo="040",
        source=BIDEN,
        target=PUTIN,
        trigger="met",
        trigger_start=start,
        evidence=of.body,
        article_id=of.id,
        sentence_start=0,
        sentence_end=len(of.body),
    )


AP = article("Joe Biden met Vladimir Putin in Geneva on Wednesday.", 1, "2021-06-17", "day", "metadata")
REUTERS = article("Biden met Putin at a lakeside villa in Geneva.", 2, "2021-06-17", "day", "dateline")
BLOG = article("Biden met Putin on Wednesday for about four hours.", 3, None, None, None)


def test_an_undated_report_takes_the_day_its_story_agrees_on_and_its_weekday_resolves() -> None:
    events_of = {a.id: [meeting(a)] for a in (AP, REUTERS, BLOG)}
    changed, events = date_from_story([AP, REUTERS, BLOG], events_of)
    assert [(a.id, a.date, a.date_granularity, a.date_source) for a in changed] == [
        (BLOG.id, "2021-06-17", "day", "story")
    ]
    # "On Wednesday" in a report of Thursday 17 June 2021 is the 16th.
    assert [(e.date, e.date_granularity) for e in events[BLOG.id]] == [("2021-06-16", "day")]


def test_the_story_date_is_only_as_precise_as_its_reports_agree() -> None:
    later = article(
        "Putin met Biden and said the talks were constructive.", 4, "2021-06-18", "day", "metadata"
    )
    assert story_date([AP, later, BLOG]) == ("2021-06", "month")
    vague = article("Biden met Putin this year.", 5, "2021", "year", "inferred")
    assert story_date([AP, vague]) == ("2021", "year")
    # Nothing but undated or story-dated reports: there is nothing to agree on.
    assert story_date([BLOG]) is None
    dated_by_story = article("Biden met Putin.", 6, "2021-06-17", "day", "story")
    assert story_date([BLOG, dated_by_story]) is None


def test_an_article_dated_by_its_own_text_is_never_changed() -> None:
    changed, events = date_from_story([AP, REUTERS], {a.id: [meeting(a)] for a in (AP, REUTERS)})
    assert changed == [] and events == {}


def test_merged_events_count_the_story_dated_report_without_moving_first_seen() -> None:
    events_of = {a.id: [meeting(a)] for a in (AP, REUTERS, BLOG)}
    built = make_story("s1", [AP, REUTERS, BLOG], events_of)
    assert built.story.first_seen == built.story.last_seen == "2021-06-17"
    [merged] = built.events
    assert merged.num_sources == 3 and merged.date == "2021-06-16"
    assert [a.id for a in built.redated_articles] == [BLOG.id]


def test_ingest_dates_the_events_of_an_undated_page_from_its_story(tmp_path: Path, nlp: object) -> None:
    pages = [
        {"text": "GENEVA (AP) — U.S. President Joe Biden met Russian President Vladimir Putin in Geneva "
         "on Wednesday for their first summit.", "date": "2021-06-17", "url": "https://ap.example/a"},
        {"text": "GENEVA (Reuters) - Russian President Vladimir Putin met U.S. President Joe Biden in Geneva "
         "on Wednesday at their first summit.", "date": "2021-06-17", "url": "https://reuters.example/b"},
        {"text": "U.S. President Joe Biden met Russian President Vladimir Putin on Wednesday in Geneva, "
         "their first summit since Biden took office.", "url": "https://blog.example/c"},
    ]  # fmt: skip
    source = tmp_path / "pages.jsonl"
    source.write_text("".join(json.dumps(p) + "\n" for p in pages), "utf-8")
    db = str(tmp_path / "d.duckdb")
    runner = CliRunner()
    for _ in range(2):  # a second ingest changes nothing
        assert runner.invoke(app, ["ingest", str(source), "--db", db]).exit_code == 0
    events = json.loads(runner.invoke(app, ["events", "--db", db, "--format", "json"]).stdout)
    assert len(events) == 3
    assert {(e["date"], e["date_granularity"]) for e in events} == {("2021-06-16", "day")}
    articles = json.loads(runner.invoke(app, ["articles", "--db", db, "--format", "json"]).stdout)
    assert sorted(a["date_source"] for a in articles) == ["metadata", "metadata", "story"]
    # The search index moved with the events: a date filter finds the undated page's event too.
    found = json.loads(
        runner.invoke(app, ["events", "--db", db, "--since", "2021-06-16", "--format", "json"]).stdout
    )
    assert len(found) == 3
