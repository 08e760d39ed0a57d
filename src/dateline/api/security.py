"""What keeps the server safe with untrusted input: scraped URLs, tokens, other sites' pages.

Ingested records are untrusted by nature: a feed or a WARC may carry `javascript:` URLs,
so only http(s) addresses become links, and a Content-Security-Policy forbids scripts on
the dashboard (it has none; the API docs pages run their bundled ones). Tokens never go
into links or Referer headers, and a blank token is no token.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

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
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


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


def add_security_headers(app: FastAPI) -> None:
    """Every answer says: run no script but ours, never in a frame, send no Referer, sniff no type."""

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        docs = request.url.path.startswith(DOCS_PATHS)
        response.headers.setdefault("Content-Security-Policy", DOCS_POLICY if docs else PAGE_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response


def check_repeated(**values: list[str]) -> None:
    """ValueError naming the first filter given more than `MAX_REPEATED` times: each value
    widens the query, and thousands make one request cost minutes."""
    for name, given in values.items():
        if len(given) > MAX_REPEATED:
            raise ValueError(f"{name}: at most {MAX_REPEATED} values, {len(given)} given")


def host_name(header: str) -> str:
    """The host of a Host header, without its port: "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def allow_hosts(app: FastAPI, hosts: Sequence[str]) -> None:
    """Answer only requests addressed to one of `hosts` (421 otherwise).

    A token-less server on loopback trusts whoever can reach it; a web page elsewhere can make
    a browser reach it under another name (DNS rebinding), and that name shows in Host.
    """
    allowed = {h.lower() for h in hosts}

    @app.middleware("http")
    async def check_host(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if host_name(request.headers.get("host", "")) not in allowed:
            return JSONResponse({"detail": "this server answers on its own address only"}, status_code=421)
        return await call_next(request)
