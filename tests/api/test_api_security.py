"""The server with untrusted input: only http(s) URLs become links, a Content-Security-Policy,
no server path or token in answers, no blank token, and concurrent readers all answered."""

from __future__ import annotations

import concurrent.futures
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dateline.api import create_app
from dateline.api.security import http_url
from dateline.cli import app as cli
from dateline.model import RawDoc
from dateline.pipeline import process_document
from dateline.store import Store
from dateline.stories.refresh import refresh_stories

HOSTILE = "javascript:alert(document.cookie)"
SAFE = "https://news.example.org/envoy"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, seed_text: str, nlp: object) -> Path:
    """The bundled example from a feed entry whose link is a script, and one story from a real URL."""
    path = tmp_path_factory.mktemp("security") / "d.duckdb"
    with Store(path) as store:
        store.save(process_document(RawDoc(text=seed_text, path="/srv/secret/feed.xml#1", url=HOSTILE)))
        text = "SEOUL (Yonhap) -- South Korea's foreign minister met his Japanese counterpart on Monday."
        store.save(process_document(RawDoc(text=text, path="/srv/secret/wire.jsonl#1", url=SAFE)))
        refresh_stories(store)
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(str(store_path)))


def test_only_http_urls_become_links(client: TestClient) -> None:
    given = (SAFE, HOSTILE, " JavaScript:x", "data:text/html,x", "//evil.example", None)
    assert [http_url(u) for u in given] == [SAFE, None, None, None, None, None]
    events = client.get("/api/events", params={"limit": 1000}).json()["items"]
    hostile = next(e for e in events if e["url"] == HOSTILE)  # stored as given: it is the record's provenance
    safe = next(e for e in events if e["url"] == SAFE)
    for path in (f"/article/{hostile['article_id']}", f"/event/{hostile['id']}"):
        page = client.get(path)
        assert page.status_code == 200 and "javascript:" not in page.text.lower(), path
    for path in (f"/article/{safe['article_id']}", f"/event/{safe['id']}"):
        assert f'href="{SAFE}"' in client.get(path).text, path
    for story in client.get("/api/stories").json()["items"]:
        assert "javascript:" not in client.get(f"/story/{story['id']}").text.lower()


def test_every_answer_carries_a_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/events", "/api/events"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'none'" in policy and "frame-ancestors 'none'" in policy, path
    assert "script-src 'self'" in client.get("/docs").headers["content-security-policy"]


def test_article_answer_has_no_server_path(client: TestClient) -> None:
    event = client.get("/api/events").json()["items"][0]
    answer = client.get(f"/api/articles/{event['article_id']}")
    assert answer.status_code == 200 and "path" not in answer.json()
    assert "/srv/secret" not in answer.text


def test_token_stays_out_of_next_links(store_path: Path) -> None:
    guarded = TestClient(create_app(str(store_path), token="s3cret"))
    page = guarded.get("/api/events", params={"token": "s3cret", "limit": 1}).json()
    assert page["next"] and "s3cret" not in page["next"] and "offset=1" in page["next"]
    assert "s3cret" not in guarded.get("/events", params={"token": "s3cret", "limit": 1}).text


def test_blank_token_is_refused(store_path: Path) -> None:
    with pytest.raises(ValueError, match="blank"):
        create_app(str(store_path), token=" ")
    result = CliRunner().invoke(cli, ["serve", "--db", str(store_path), "--token", " "])
    assert result.exit_code == 2 and "blank" in result.stderr and "Traceback" not in result.output


@pytest.fixture(scope="module")
def live(store_path: Path) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(store_path)), port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_concurrent_clients_on_actor_pages_are_all_answered(live: str) -> None:
    def status(path: str) -> int:
        try:
            with urllib.request.urlopen(live + path, timeout=30) as answer:
                return int(answer.status)
        except urllib.error.HTTPError as exc:
            return exc.code

    paths = ["/api/actors", "/actors", "/api/actors?q=kim", "/api/events", "/"] * 8
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(status, paths))
    assert statuses == [200] * len(paths)


def test_loopback_server_answers_only_its_own_names(store_path: Path) -> None:
    app = create_app(str(store_path), hosts=["127.0.0.1", "localhost", "::1"])
    local = TestClient(app, base_url="http://127.0.0.1:8000")
    assert local.get("/api/events").status_code == 200
    assert local.get("/api/events", headers={"host": "localhost:8000"}).status_code == 200
    assert local.get("/api/events", headers={"host": "[::1]:8000"}).status_code == 200
    # A page on another site, its name rebound to 127.0.0.1, sends its own name as Host.
    assert local.get("/api/events", headers={"host": "attacker.example:8000"}).status_code == 421


def test_repeated_filters_are_capped(client: TestClient) -> None:
    fifty = [("actor", f"name {n}") for n in range(50)]
    assert client.get("/api/events", params=fifty).status_code == 200
    refused = client.get("/api/events", params=[*fifty, ("actor", "one more")])
    assert refused.status_code == 422 and "at most 50" in refused.json()["detail"][0]["msg"]
    assert client.get("/api/timeline", params=[("actor", "KOR")] * 51).status_code == 422


def test_a_one_value_parameter_given_twice_is_refused(client: TestClient) -> None:
    """The framework would keep the last value silently; lists (actor) may repeat."""
    twice = client.get("/api/events", params=[("story", "a"), ("story", "b")])
    assert twice.status_code == 422 and "story: give it once" in twice.json()["detail"][0]["msg"]
    assert client.get("/api/events", params=[("since", "2023"), ("since", "2024")]).status_code == 422
    assert client.get("/api/events", params=[("actor", "KOR"), ("actor", "JPN")]).status_code == 200
