"""The dashboard pages render the bundled example, offline (no external scripts)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.model import RawDoc
from dateline.pipeline import process_document
from dateline.store import Store
from dateline.stories.refresh import refresh_stories


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, seed_text: str, nlp: object) -> TestClient:
    path = tmp_path_factory.mktemp("web") / "d.duckdb"
    with Store(path) as store:
        store.save(process_document(RawDoc(text=seed_text, path="korea.txt")))
        refresh_stories(store)
    return TestClient(create_app(str(path)))


def _links(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({prefix}[^"]+)"', html)


def test_overview_counts_chart_and_no_external_resources(client: TestClient) -> None:
    html = client.get("/").text
    assert "Overview" in html and "<svg" in html and "Noh Kyu-duk" in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "the dashboard must not load anything remote"
    assert client.get("/static/style.css").status_code == 200


def test_click_through_event_actor_article(client: TestClient) -> None:
    events = client.get("/events", params={"q": "phone"}).text
    [event_link] = _links(events, "/event/")
    event = client.get(event_link).text
    assert "<mark>spoke</mark>" in event and "CAMEO 041" in event
    actor = client.get(_links(event, "/actor/")[0]).text
    assert "Noh Kyu-duk" in actor and "Takehiro Funakoshi" in actor and "<svg" in actor
    article = client.get(_links(event, "/article/")[0]).text
    assert "Yonhap" in article and "South Korea&#39;s new chief nuclear envoy" in article
    story = client.get(_links(article, "/story/")[0]).text  # an article links its story
    assert "Takehiro Funakoshi" in story


def test_events_filter_form_and_bad_filters(client: TestClient) -> None:
    assert "Choi Jong-kun" in client.get("/events", params={"type": "REQUEST"}).text
    page = client.get("/events", params={"since": "not a date"})
    assert page.status_code == 200 and "since=" in page.text and "YYYY-MM-DD" in page.text


def test_unknown_pages_are_404(client: TestClient) -> None:
    assert client.get("/event/nope").status_code == 404
    assert client.get("/actor/nope").status_code == 404


def test_story_page_has_brief_timeline_and_sources(client: TestClient) -> None:
    listing = client.get("/stories").text
    story_links = _links(listing, "/story/")
    assert len(story_links) >= 1
    pages = [client.get(link).text for link in story_links]
    yonhap = next(p for p in pages if "Takehiro Funakoshi" in p)
    assert "Brief" in yonhap and "Timeline" in yonhap and "Sources" in yonhap
    event = client.get(_links(yonhap, "/event/")[0]).text
    assert "<mark>" in event


def test_overview_has_a_time_axis_legend_map_and_pairs(client: TestClient) -> None:
    html = client.get("/").text
    assert 'class="timechart"' in html and 'class="legend"' in html and "CONSULT" in html
    assert html.count("<path d=") > 150 and "event-dot" in html  # world outline and the events' places
    [seoul] = set(re.findall(r'href="(/events\?place=Seoul)"', html))
    assert "Noh Kyu-duk" in client.get(seoul).text
    assert "Dec 2020" in html or "2020" in html  # a labelled time axis, not one label per bar
    [pair] = [link for link in _links(html, "/dyad/") if link in ("/dyad/KOR/USA", "/dyad/JPN/KOR")][:1]
    dyad = client.get(pair).text
    assert "events between them" in dyad and "→" in dyad
    assert client.get("/dyad/KOR/Narnia").status_code == 404


def test_events_are_newest_first_with_pages_and_a_download_link(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 2}).text
    assert "1–2 of" in first and 'class="next"' in first
    [following] = set(re.findall(r'class="next" href="([^"]+)"', first))
    second = client.get(following.replace("&amp;", "&")).text
    assert "3–4 of" in second and 'class="previous"' in second
    dates = re.findall(r"<tr>\s*<td>([^<]*)</td>", first)
    assert dates == sorted(dates, reverse=True)
    [download] = set(re.findall(r'class="download" href="([^"]+)"', client.get("/events?type=CONSULT").text))
    assert download == "/api/events.csv?type=CONSULT"


def test_actors_page_searches(client: TestClient) -> None:
    html = client.get("/actors", params={"q": "funakoshi"}).text
    assert "Takehiro Funakoshi" in html and "Noh Kyu-duk" not in html
    assert "Noh Kyu-duk" in client.get("/actors", params={"country": "South Korea"}).text


def test_story_sources_are_never_untitled(client: TestClient) -> None:
    for link in _links(client.get("/stories").text, "/story/"):
        sources = client.get(link).text.split("<h2>Sources</h2>", 1)[1]
        assert "Untitled" not in sources
