"""Swagger UI (/docs) and ReDoc (/redoc) served from installed files, so both work offline.

FastAPI's default pages fetch their scripts from a CDN and stay blank without a
network; the `fastapi-offline` package ships the same scripts, and these routes
point the pages at them.
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS = "/static/api-docs"


# ReDoc's sidebar shows a logo from the vendor's CDN; it hides the image when it fails to load,
# so pointing it at a local file is all it takes to keep the page from calling out.
_REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def _static() -> Traversable:
    return resources.files("fastapi_offline").joinpath("static")


@functools.cache
def _redoc_script() -> str:
    return (
        _static()
        .joinpath("redoc.standalone.js")
        .read_text("utf-8")
        .replace(_REDOC_LOGO, f"{ASSETS}/favicon.png")
    )


def register_docs(app: FastAPI) -> None:
    """Add /docs, /redoc and the static files they load to `app`."""

    @app.get("/api-docs/redoc.js", include_in_schema=False)
    def redoc_script() -> Response:
        return Response(_redoc_script(), media_type="text/javascript")

    app.mount(ASSETS, StaticFiles(directory=str(_static())))
    openapi = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi,
            title=f"{app.title} API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon.png",
            # The default validator badge is fetched from the internet.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=openapi,
            title=f"{app.title} API",
            redoc_js_url="/api-docs/redoc.js",
            redoc_favicon_url=f"{ASSETS}/favicon.png",
            with_google_fonts=False,
        )
