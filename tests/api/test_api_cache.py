"""Answers kept per store generation: computed once while the store is unchanged, again once it
changes; only complete 200 answers, within a count and a byte budget."""

from __future__ import annotations

from collections import Counter

from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient

from dateline.api.cache import ResponseCache


def _app(generation: list[int], entries: int = 512, budget: int = 1 << 20) -> tuple[FastAPI, Counter[str]]:
    computed: Counter[str] = Counter()
    app = FastAPI()

    @app.get("/page/{name}")
    def page(name: str) -> dict[str, str]:
        computed[name] += 1
        if name == "missing":
            raise HTTPException(404, "no such page")
        return {"name": name, "padding": "x" * 1000}

    app.add_middleware(ResponseCache, generation=lambda: generation[0], entries=entries, budget=budget)
    return app, computed


def test_an_answer_is_computed_once_per_generation() -> None:
    generation = [0]
    app, computed = _app(generation)
    client = TestClient(app)
    first = client.get("/page/a")
    assert client.get("/page/a").json() == first.json() and computed["a"] == 1
    assert client.get("/page/a?x=1").status_code == 200 and computed["a"] == 2  # another address
    generation[0] += 1  # the store changed
    client.get("/page/a")
    assert computed["a"] == 3


def test_only_successful_answers_are_kept() -> None:
    app, computed = _app([0])
    client = TestClient(app)
    assert [client.get("/page/missing").status_code for _ in range(2)] == [404, 404]
    assert computed["missing"] == 2


def test_the_oldest_answers_go_past_the_count_or_the_byte_budget() -> None:
    app, computed = _app([0], entries=2)
    client = TestClient(app)
    for name in ("a", "b", "c", "a"):
        client.get(f"/page/{name}")
    assert computed == {"a": 2, "b": 1, "c": 1}  # "a" was the oldest when "c" came
    app, computed = _app([0], budget=1500)  # room for one answer of ~1 KB
    client = TestClient(app)
    for name in ("a", "b", "a"):
        client.get(f"/page/{name}")
    assert computed == {"a": 2, "b": 1}
