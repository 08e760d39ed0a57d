"""What keeps the server safe with untrusted input: scraped URLs, tokens, other sites' pages.

Ingested records are untrusted by nature: a feed or a WARC may carry `javascript:` URLs,
so only http(s) addresses become links, and a Content-Security-Policy forbids scripts on
the dashboard (it has none; the API docs pages run their bundled ones). Tokens never go
into links or Referer headers, and a blank token is no token.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response

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
