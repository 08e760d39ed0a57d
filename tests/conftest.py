"""Shared fixtures: the bundled example, the spaCy pipeline, and ../shared/data."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The user's example: three articles pasted together by a scraper."""
    return resources.files("dateline.examples").joinpath("korea-diplomacy.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline, loaded once for the whole test session."""
    from dateline.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip: the development data is not part of the repository."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"development data not found at {SHARED_DATA} (../shared/data is absent)")
    return SHARED_DATA
