"""What keeps the server safe with untrusted input: scraped URLs, tokens, other sites' pages.

Ingested records are untrusted by nature: a feed or a WARC may carry `javascript:` URLs,
so only http(s) addresses become links, and a Content-Security-Policy forbids scripts on
the dashboard (it has none; the API docs pages run their bundled ones). Tokens never go
into links or Referer headers, and a blank token is no token.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.api.filters import FilterError

# The dashboard runs no script and loads nothing from elsewhere; its charts are inline SVG
# with inline style attributes.
PAGE_POLICY = (
    "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI and ReDoc (served from the package, see `dateline.api.docs`) start with an inline
# script, and ReDoc runs a worker from a blob.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
# Repeated filter values a request may give (`actor=` 3,000 times took 88 s on 477 events).
MAX_REPEATED = 50


def http_url(value: object) -> str | None:
    """`value` when it is an http(s) URL with a host, else None: what may become a link."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def usable_token(token: str | None) -> str | None:
    """The token to require, or None for none; ValueError for an empty or blank one, which would
    protect nothing while looking as if it did."""
    if token is None:
        return None
    if not token.strip():
        raise ValueError("--token is empty or blank; give a real secret, or none on a loopback address")
    return token


class SecurityHeaders:
    """Every answer says: run no script but ours, never in a frame, send no Referer, sniff no type.

    Plain ASGI rather than `@app.middleware`: each of those layers costs a task and a stream per
    request, a good part of what a kept answer costs (see `dateline.api.cache`).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"].startswith(DOCS_PATHS) else PAGE_POLICY
        extra = [
            (b"content-security-policy", policy.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]
        await self.app(scope, receive, _adding(send, extra))


class SingleValues:
    """Answer 422 when a query parameter that takes one value is given more than once.

    The framework keeps the last of repeated values silently, so `?story=a&story=b` would
    answer for b alone while the caller asked about both; only the parameters the API
    documents as lists (`repeatable`, read from its OpenAPI schema) may repeat.
    """

    def __init__(self, app: ASGIApp, repeatable: Callable[[], frozenset[str]]) -> None:
        self.app = app
        self.repeatable = repeatable
        self.names: frozenset[str] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            if self.names is None:
                self.names = self.repeatable()
            seen: set[str] = set()
            query = scope["query_string"].decode("latin-1")
            for name, _ in parse_qsl(query, keep_blank_values=True):
                if name in seen and name not in self.names:
                    # The shape of the framework's own 422s, which the schema documents.
                    msg = f"{name}: give it once (it takes one value)"
                    detail = [{"loc": ["query", name], "msg": msg, "type": "value_error"}]
                    await JSONResponse({"detail": detail}, status_code=422)(scope, receive, send)
                    return
                seen.add(name)
        await self.app(scope, receive, send)


def list_parameters(schema: Mapping[str, Any]) -> frozenset[str]:
    """Names of the query parameters an OpenAPI schema documents as lists, on any operation."""
    names = set()
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", ()):
                shape = parameter.get("schema", {})
                kinds = [shape, *shape.get("anyOf", ())]
                if parameter.get("in") == "query" and any(k.get("type") == "array" for k in kinds):
                    names.add(parameter["name"])
    return frozenset(names)


def _adding(send: Send, extra: Sequence[tuple[bytes, bytes]]) -> Send:
    """`send` that adds these headers to the answer, unless it has them already."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", ()))
            present = {name.lower() for name, _ in headers}
            headers += [(name, value) for name, value in extra if name not in present]
            message = {**message, "headers": headers}
        await send(message)

    return sending


class TokenCheck:
    """With a token set, every request must carry it (`Authorization: Bearer TOKEN`, `?token=TOKEN`,
    or the cookie a browser got when it first came with `?token=`), else 401."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = HTTPConnection(scope)
        in_query = request.query_params.get("token") or ""
        given = in_query
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            given = header[7:].strip()
        given = given or request.cookies.get("dateline_token", "")
        if not hmac.compare_digest(given.encode(), self.token):
            await JSONResponse({"detail": "missing or wrong token"}, status_code=401)(scope, receive, send)
            return
        if not in_query:
            await self.app(scope, receive, send)
            return
        # A browser opened with ?token= keeps it for the links it follows next.
        keeper = Response()
        keeper.set_cookie("dateline_token", self.token.decode(), httponly=True, samesite="strict")
        cookie = [(k, v) for k, v in keeper.raw_headers if k == b"set-cookie"]
        await self.app(scope, receive, _adding(send, cookie))


def check_repeated(**values: list[str]) -> None:
    """ValueError naming the first filter given more than `MAX_REPEATED` times: each value
    widens the query, and thousands make one request cost minutes."""
    for name, given in values.items():
        if len(given) > MAX_REPEATED:
            raise FilterError(name, f"{name}: at most {MAX_REPEATED} values, {len(given)} given")


def host_name(header: str) -> str:
    """The host of a Host header, without its port: "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """Answer only requests addressed to one of `hosts` (421 otherwise).

    A token-less server on loopback trusts whoever can reach it; a web page elsewhere can make
    a browser reach it under another name (DNS rebinding), and that name shows in Host.
    """

    def __init__(self, app: ASGIApp, hosts: Sequence[str]) -> None:
        self.app = app
        self.allowed = {h.lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = next((v for k, v in scope["headers"] if k == b"host"), b"").decode("latin-1")
            if host_name(host) not in self.allowed:
                refusal = {"detail": "this server answers on its own address only"}
                await JSONResponse(refusal, status_code=421)(scope, receive, send)
                return
        await self.app(scope, receive, send)
