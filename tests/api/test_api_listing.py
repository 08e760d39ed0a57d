"""Listings analysts use: newest first with real pages, CSV of a filtered view, actor search,
country names, direction and dyads, every report of a merged event, offline API docs."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.model import RawDoc
from dateline.pipeline import process_document
from dateline.store import Store
from dateline.stories.refresh import refresh_stories

TURKEY = (
    "ANKARA (Reuters) - Turkish President Tayyip Erdoğan met Swedish Prime Minister Ulf Kristersson "
    "in Ankara on Tuesday, March 14, 2023.\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, seed_text: str, nlp: object) -> TestClient:
    path = tmp_path_factory.mktemp("api-listing") / "d.duckdb"
    with Store(path) as store:
        store.save(process_document(RawDoc(text=seed_text, path="korea.txt")))
        store.save(process_document(RawDoc(text=TURKEY, path="turkey.txt", url="https://example.org/ankara")))
        refresh_stories(store)
    return TestClient(create_app(str(path)))


def test_events_are_newest_first_and_offset_pages_through_all(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    dates = [e["date"] for e in everything if e["date"]]
    assert dates == sorted(dates, reverse=True)
    oldest = client.get("/api/events", params={"order": "oldest", "limit": 1}).json()["items"][0]
    assert oldest["date"] == min(dates)
    seen, url = [], "/api/events?limit=2"
    while url:
        page = client.get(url).json()
        seen += [e["id"] for e in page["items"]]
        url = page["next"]
    assert seen == [e["id"] for e in everything]
    assert client.get("/api/events", params={"limit": 2, "offset": 2}).json()["items"][0]["id"] == seen[2]


def test_search_ignores_accents_and_countries_take_names(client: TestClient) -> None:
    plain = client.get("/api/events", params={"q": "Erdogan"}).json()
    accented = client.get("/api/events", params={"q": "ERDOĞAN"}).json()
    assert plain["total"] >= 1 and plain == accented
    by_name = client.get("/api/events", params={"country": "Turkey"}).json()
    assert by_name == client.get("/api/events", params={"country": "TUR"}).json()
    actors = client.get("/api/actors", params={"q": "erdogan"}).json()
    assert [a["country"] for a in actors["items"]] == ["TUR"] and actors["total"] == 1


def test_direction_and_dyad_filters(client: TestClient) -> None:
    kor_usa = client.get("/api/events", params=[("dyad", "KOR"), ("dyad", "United States")]).json()
    assert kor_usa["total"] >= 2
    for e in kor_usa["items"]:
        assert {e["source"]["country"], e["target"]["country"]} == {"KOR", "USA"}
    sources = client.get("/api/events", params={"source": "USA", "target": "KOR"}).json()["items"]
    assert sources and all(e["source"]["country"] == "USA" for e in sources)
    assert client.get("/api/events", params={"dyad": "KOR"}).status_code == 422


def test_csv_download_of_a_filtered_view(client: TestClient) -> None:
    response = client.get("/api/events.csv", params={"country": "JPN"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    api = client.get("/api/events", params={"country": "JPN"}).json()
    assert [r["event_id"] for r in rows] == [e["id"] for e in api["items"]]
    assert all(r["cameo"].startswith("0") and len(r["cameo"]) >= 3 for r in rows)
    assert all(isinstance(json.loads(r["urls"]), list) for r in rows)
    assert client.get("/api/events.csv", params={"type": "PARTY"}).status_code == 422


def test_an_event_lists_every_report_with_its_url(client: TestClient) -> None:
    [event] = client.get("/api/events", params={"q": "Kristersson"}).json()["items"]
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["reports"] and detail["reports"][0]["url"] == "https://example.org/ankara"
    assert detail["source"]["id"] == detail["source_id"]


def test_api_docs_load_nothing_from_elsewhere(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert "http://" not in html.replace("http://testserver", "") and "https://" not in html
    assert "/static/api-docs/swagger-ui-bundle.js" in client.get("/docs").text
    assert client.get("/static/api-docs/swagger-ui-bundle.js").status_code == 200
    assert "/api-docs/redoc.js" in client.get("/redoc").text
    script = client.get("/api-docs/redoc.js").text
    assert len(script) > 100_000 and "cdn.redoc.ly" not in script


def test_place_filter_matches_where_it_happened(client: TestClient) -> None:
    ankara = client.get("/api/events", params={"place": "ankara"}).json()["items"]
    assert ankara and {e["place"] for e in ankara} == {"Ankara"}
    assert client.get("/api/events", params={"place": "Nowhere"}).json()["total"] == 0


def test_min_confidence_lists_the_events_at_least_that_likely_right(client: TestClient) -> None:
    every = client.get("/api/events", params={"limit": 500}).json()["items"]
    sure = client.get("/api/events", params={"limit": 500, "min_confidence": 0.5}).json()["items"]
    assert every and all(0.0 <= e["confidence"] <= 1.0 for e in every)
    assert {e["id"] for e in sure} == {e["id"] for e in every if e["confidence"] >= 0.5}
    assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422
