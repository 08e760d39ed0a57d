"""Shared fixtures: the bundled example, a two-agency paste, the spaCy pipeline, and ../shared/data."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The user's example: three articles pasted together by a scraper."""
    return resources.files("dateline.examples").joinpath("korea-diplomacy.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def wire_paste() -> str:
    """Two agency stories pasted together: AP with an em-dash dateline and a sign-off, then
    furniture, then AFP with a dated dateline."""
    return (
        "Envoys agree to resume ceasefire talks in Doha\n"
        "DOHA, Qatar (AP) \u2014 Negotiators from both sides agreed on Sunday to resume ceasefire talks "
        "next week, the Qatari foreign ministry said.\n"
        "The talks had stalled in March after a dispute over prisoner exchanges and the timing of a "
        "withdrawal.\n"
        "Copyright 2024 The Associated Press. All rights reserved.\n"
        "Advertisement\n"
        "Farmers block roads in Brussels over trade deal\n"
        "BRUSSELS, March 3 (AFP) - Hundreds of tractors blocked the streets around the European "
        "Parliament on Monday as farmers protested against a proposed trade agreement.\n"
        "Police used water cannon to disperse crowds near the parliament building, officials said.\n"
    )


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


@pytest.fixture
def restored_lexicon() -> Iterator[None]:
    """Put every lexicon table back as shipped after a test that extends them (`--lexicon`)."""
    from dateline import lexdata

    saved = {name: copy.copy(spec.live) for name, spec in lexdata._TABLES.items()}
    yield
    for name, spec in lexdata._TABLES.items():
        spec.live.clear()
        spec.live.update(saved[name])  # type: ignore[arg-type]
    for callback in lexdata._ON_CHANGE:
        callback()
