"""The REST API over a store (FastAPI). With `cli`, the only code that talks to people."""

from dateline.api.app import create_app

__all__ = ["create_app"]
