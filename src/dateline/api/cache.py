"""Answers kept until the store changes, so that many readers of a store being written stay quick.

Every answer of the API and the dashboard is a function of the request's address and
of what is stored. The store counts its committed writes (`Store.generation`), so an
answer given at one generation is the answer to the same request until that count
moves: a dashboard read by many while `serve --watch` ingests computes each page once
per write instead of once per reader. Without this, 20 readers of a 500-article store
queue behind each other's aggregate queries and page rendering (about 20 ms of the one
interpreter each; p50 0.4 s); with it, a repeated page costs the framework's overhead.

Only complete 200 answers to GET requests, up to `LARGEST` bytes, are kept, and only
those of the current generation. When many readers ask for the same address at once
after a write, one computes it and the others wait for its answer.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Addresses kept per generation, the bytes they may take in all, and the largest answer kept
# (a bigger CSV download is streamed, not kept). The oldest used go first.
ENTRIES = 512
BUDGET = 64 << 20
LARGEST = 4 << 20


@dataclass
class _Answer:
    start: Message
    body: list[bytes] = field(default_factory=list)
    size: int = 0
    complete: bool = False


class ResponseCache:
    """ASGI middleware: replay a GET answer computed earlier at the same store generation."""

    def __init__(
        self, app: ASGIApp, generation: Callable[[], int], entries: int = ENTRIES, budget: int = BUDGET
    ) -> None:
        self.app = app
        self.generation = generation
        self.entries = entries
        self.budget = budget
        self._size = 0
        self._answers: OrderedDict[tuple[Any, ...], _Answer] = OrderedDict()
        self._pending: dict[tuple[Any, ...], tuple[asyncio.AbstractEventLoop, asyncio.Event]] = {}
        self._kept_generation: int | None = None
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        generation = self.generation()
        host = next((v for k, v in scope["headers"] if k == b"host"), b"")
        # The host and scheme are in the key because answers carry links (`next`) built from them.
        key = (generation, scope.get("scheme"), host, scope["path"], scope["query_string"])
        loop = asyncio.get_running_loop()
        answer, pending = self._lookup(key, generation)
        # Someone in this event loop is computing this very answer: wait for it. (A server has one
        # loop; a test client may run one per thread, and an asyncio.Event serves one loop only.)
        while answer is None and pending is not None and pending[0] is loop:
            await pending[1].wait()
            answer, pending = self._lookup(key, generation)
        if answer is not None:
            await send(answer.start)
            await send({"type": "http.response.body", "body": b"".join(answer.body), "more_body": False})
            return
        mine = (loop, asyncio.Event())
        with self._lock:
            self._pending.setdefault(key, mine)
        try:
            recorded = _Answer(start={})

            async def record(message: Message) -> None:
                if message["type"] == "http.response.start":
                    recorded.start = message
                elif message["type"] == "http.response.body" and recorded.size <= LARGEST:
                    chunk = message.get("body", b"")
                    recorded.body.append(chunk)
                    recorded.size += len(chunk)
                    recorded.complete = not message.get("more_body", False)
                await send(message)

            await self.app(scope, receive, record)
            if recorded.complete and recorded.size <= LARGEST and recorded.start.get("status") == 200:
                with self._lock:
                    if generation == self._kept_generation and key not in self._answers:
                        # (else the store moved on meanwhile, or another loop kept it first)
                        self._answers[key] = recorded
                        self._size += recorded.size
                        while len(self._answers) > self.entries or self._size > self.budget:
                            self._size -= self._answers.popitem(last=False)[1].size
        finally:
            with self._lock:
                if self._pending.get(key) is mine:
                    del self._pending[key]
            mine[1].set()

    def _lookup(
        self, key: tuple[Any, ...], generation: int
    ) -> tuple[_Answer | None, tuple[asyncio.AbstractEventLoop, asyncio.Event] | None]:
        """The kept answer for `key`, and who is computing it, if anyone."""
        with self._lock:
            if generation != self._kept_generation:
                self._answers.clear()  # answers about an older store: never true again
                self._size = 0
                self._kept_generation = generation
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer, self._pending.get(key)
