"""The REST API over a store holding the bundled example."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.model import RawDoc
from dateline.pipeline import process_document
from dateline.store import Store
from dateline.stories.refresh import refresh_stories


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, seed_text: str, nlp: object) -> Path:
    path = tmp_path_factory.mktemp("api") / "d.duckdb"
    with Store(path) as store:
        store.save(process_document(RawDoc(text=seed_text, path="korea.txt")))
        refresh_stories(store)
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(str(store_path)))


def test_events_page_shape_and_filters(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    assert set(everything) == {"items", "total", "next"}
    assert everything["total"] == len(everything["items"]) >= 4 and everything["next"] is None
    jpn = client.get("/api/events", params={"country": "JPN"}).json()
    assert jpn["total"] >= 1
    assert all("JPN" in (e["source"]["country"], (e["target"] or {}).get("country")) for e in jpn["items"])
    phone = client.get("/api/events", params={"q": "by phone"}).json()
    assert [e["cameo"] for e in phone["items"]] == ["041"]
    dated = client.get("/api/events", params={"since": "2020-12-01", "until": "2020-12-31"}).json()
    assert dated["total"] >= 3 and all(e["date"].startswith("2020-12") for e in dated["items"])


def test_pagination_links_the_next_page(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"]
    second = client.get(first["next"]).json()
    assert second["items"] and second["items"][0]["id"] not in {e["id"] for e in first["items"]}


def test_event_actor_article_by_id(client: TestClient) -> None:
    event = client.get("/api/events", params={"q": "by phone"}).json()["items"][0]
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["evidence"][detail["trigger_offset"] :].startswith(detail["trigger"].split()[0])
    actor = client.get(f"/api/actors/{detail['source_id']}").json()
    assert actor["name"] == "Noh Kyu-duk" and actor["by_type"][0]["type"] == "CONSULT"
    assert actor["partners"][0]["name"] == "Takehiro Funakoshi"
    article = client.get(f"/api/articles/{event['article_id']}").json()
    assert article["outlet"] == "Yonhap" and "Noh Kyu-duk" in article["text"]


def test_timeline_between_two_countries(client: TestClient) -> None:
    pair = client.get("/api/timeline", params=[("actor", "KOR"), ("actor", "USA")]).json()
    assert pair and all({e["source"]["country"], e["target"]["country"]} == {"KOR", "USA"} for e in pair)
    dates = [e["date"] for e in pair if e["date"]]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/events/nope", 404),
        ("/api/actors/nope", 404),
        ("/api/articles/nope", 404),
        ("/api/events?type=PARTY", 422),
        ("/api/events?since=yesterday", 422),
        ("/api/events?country=NARNIA", 422),
        ("/api/events?limit=0", 422),
    ],
)
def test_bad_requests_get_clear_json_errors(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["detail"]


def test_sql_in_search_is_data(client: TestClient) -> None:
    response = client.get("/api/events", params={"q": "'; DROP TABLE events; --"})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert client.get("/api/events", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/events").json()["total"] >= 4


def test_token_is_required_when_set(store_path: Path) -> None:
    guarded = TestClient(create_app(str(store_path), token="s3cret"))
    assert guarded.get("/api/events").status_code == 401
    assert guarded.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert guarded.get("/api/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert guarded.get("/", params={"token": "s3cret"}).status_code == 200


def test_openapi_schema_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/actors/{actor_id}", "/api/timeline"} <= set(paths)


def test_stories_and_one_story(client: TestClient) -> None:
    page = client.get("/api/stories").json()
    assert page["total"] == len(page["items"]) >= 1
    yonhap = next(s for s in page["items"] if s["outlets"] == ["Yonhap"])
    story = client.get(f"/api/stories/{yonhap['id']}").json()
    assert story["brief"] and story["sources"][0]["outlet"] == "Yonhap"
    call = next(e for e in story["timeline"] if e["type"] == "CONSULT")
    assert call["source"]["name"] == "Noh Kyu-duk" and call["sources"][0]["outlet"] == "Yonhap"
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/stories", params={"since": "soon"}).status_code == 422


def test_browser_keeps_the_token_from_the_first_page(store_path: Path) -> None:
    guarded = TestClient(create_app(str(store_path), token="s3cret"))
    assert guarded.get("/stories", params={"token": "s3cret"}).status_code == 200
    assert guarded.get("/api/stories").status_code == 200  # the cookie set by the first page


def test_an_offset_past_what_the_store_can_page_is_refused_not_a_server_error(client: TestClient) -> None:
    for path in ("/api/events", "/api/actors", "/api/stories"):
        assert client.get(path, params={"offset": 2**63}).status_code == 422, path
        assert client.get(path, params={"offset": 10**6}).status_code == 200, path
