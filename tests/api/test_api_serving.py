"""A server that holds: many threads at once on every endpoint, answers kept only while the store
is unchanged, bounded query cost, and error bodies in the documented shape."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.model import RawDoc
from dateline.pipeline import process_document
from dateline.store import QueryTimeout, Store
from dateline.store import read as store_read
from dateline.stories.refresh import refresh_stories

# Runs for minutes unless it is stopped: 10 billion rows.
SLOW_SQL = "SELECT sum((a.range * b.range) % 7) AS n FROM range(100000) a, range(100000) b"
ENVOY = "SEOUL (Yonhap) -- South Korea's foreign minister met his Japanese counterpart in Tokyo on Monday."
PROTEST = "PARIS (AFP) -- French farmers protested against the government's trade deal in Paris on Tuesday."


@pytest.fixture
def store_path(tmp_path: Path, seed_text: str, nlp: object) -> Path:
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        store.save(process_document(RawDoc(text=seed_text, path="korea.txt")))
        store.save(process_document(RawDoc(text=ENVOY, path="wire.txt")))
        refresh_stories(store)
    return path


def _every_address(client: TestClient) -> list[str]:
    event = client.get("/api/events").json()["items"][0]
    actor = client.get("/api/actors").json()["items"][0]
    story = client.get("/api/stories").json()["items"][0]
    return [
        "/api/events", "/api/events?q=minister&order=oldest", "/api/events.csv?country=KOR",
        f"/api/events/{event['id']}", "/api/actors?q=kim", f"/api/actors/{actor['id']}",
        f"/api/articles/{event['article_id']}", "/api/stories", f"/api/stories/{story['id']}",
        "/api/timeline?actor=KOR&actor=USA", "/", "/events?q=minister", f"/event/{event['id']}",
        "/actors", f"/actor/{actor['id']}", f"/article/{event['article_id']}", "/stories",
        f"/story/{story['id']}", "/dyad/KOR/USA", "/openapi.json",
    ]  # fmt: skip


def test_many_threads_on_every_endpoint_are_all_answered(store_path: Path) -> None:
    client = TestClient(create_app(str(store_path)))
    addresses = _every_address(client) * 4
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(lambda path: (path, client.get(path).status_code), addresses))
    assert [path for path, status in statuses if status != 200] == []


def test_the_dashboard_shows_what_is_stored_while_it_serves(store_path: Path, nlp: object) -> None:
    """As `serve --watch` does: the server's store open for writing, a writer in the same process."""
    client = TestClient(create_app(str(store_path), writable=True))
    before = client.get("/api/events", params={"q": "farmers"}).json()["total"]
    page = client.get("/").text
    assert before == 0 and client.get("/").text == page  # the same store: the same answer
    assert "<b>2</b>documents" in page
    with Store(store_path) as writer:
        writer.save(process_document(RawDoc(text=PROTEST, path="afp.txt")))
        refresh_stories(writer)
    assert client.get("/api/events", params={"q": "farmers"}).json()["total"] >= 1
    assert "<b>3</b>documents" in client.get("/").text


def test_a_kept_answer_still_needs_the_token(store_path: Path) -> None:
    guarded = TestClient(create_app(str(store_path), token="s3cret"))
    assert guarded.get("/api/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    refused = guarded.get("/api/events")
    assert refused.status_code == 401 and "items" not in refused.text
    assert "frame-ancestors" in refused.headers["content-security-policy"]


def _is_validation_error(body: dict[str, object], name: str) -> bool:
    """The documented 422 body (FastAPI's HTTPValidationError): a list of {loc, msg, type}."""
    detail = body["detail"]
    return (
        isinstance(detail, list)
        and all(isinstance(d, dict) and {"loc", "msg", "type"} <= d.keys() for d in detail)
        and detail[0]["loc"] == ["query", name]
    )


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ({"q": "x" * 201}, "q"),
        ({"place": "y" * 201}, "place"),
        ({"since": ""}, "since"),
        ({"since": "2019-13"}, "since"),
        ({"country": "NARNIA"}, "country"),
        ({"type": "PARTY"}, "type"),
        ({"dyad": "KOR"}, "dyad"),
        ([("actor", str(n)) for n in range(51)], "actor"),
    ],
)
def test_refused_filters_answer_in_the_documented_shape(
    store_path: Path, query: dict[str, str] | list[tuple[str, str]], name: str
) -> None:
    client = TestClient(create_app(str(store_path)))
    answer = client.get("/api/events", params=query)
    assert answer.status_code == 422 and _is_validation_error(answer.json(), name), answer.text
    schema = client.get("/openapi.json").json()["paths"]["/api/events"]["get"]["responses"]["422"]
    assert schema["content"]["application/json"]["schema"]["$ref"].endswith("/HTTPValidationError")


def test_the_dashboard_says_a_too_long_search_is_refused(store_path: Path) -> None:
    page = TestClient(create_app(str(store_path))).get("/events", params={"q": "x" * 201})
    assert page.status_code == 200 and "at most 200 characters" in page.text


def test_a_slow_read_is_stopped_with_a_clear_error(store_path: Path) -> None:
    with Store(store_path, read_only=True, query_seconds=0.2) as store:
        with pytest.raises(QueryTimeout, match="longer than 0.2 s"):
            store_read.rows(store._db, SLOW_SQL)  # noqa: SLF001 - a query no endpoint makes
        assert store.event_page(store_read.EventFilter(q="minister"))[1] >= 1  # the next read runs


def test_a_request_whose_query_runs_too_long_gets_a_503(store_path: Path) -> None:
    app = create_app(str(store_path), query_seconds=0.2)
    store = app.state.store
    store.event_page = lambda *args, **kwargs: store_read.rows(store._db, SLOW_SQL)  # noqa: SLF001
    answer = TestClient(app).get("/api/events")
    assert answer.status_code == 503 and "took longer than 0.2 s" in answer.json()["detail"]
    assert "503" in app.openapi()["paths"]["/api/events"]["get"]["responses"]
