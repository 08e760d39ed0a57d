"""Fixtures of the nlp tests: texts to compare the stand-ins with spaCy's components on."""

from __future__ import annotations

from collections.abc import Callable

import pytest

COMPONENT_TEXTS = [
    "South Korea's new chief nuclear envoy, Noh Kyu-duk, spoke by phone with his Japanese "
    "counterpart Takehiro Funakoshi on Wednesday, the foreign ministry in Seoul said.",
    "Rebels attacked the town. Police fled.",
    "",
    "The European Union imposed sanctions on Belarus on 21 June 2021 after a Ryanair flight "
    "from Athens to Vilnius was forced to land in Minsk; NATO and the UN condemned it.",
    "\n\n",
    "Hamas fired rockets at Tel Aviv, and Israel struck Gaza City overnight, killing 12 people.",
]


@pytest.fixture(scope="session")
def component_texts() -> list[str]:
    """News sentences, an empty text and a blank one."""
    return COMPONENT_TEXTS


@pytest.fixture(scope="session")
def components_before() -> Callable[[str], list[str]]:
    """The names of the components that run before a component of the pipeline."""
    from dateline.nlp import load_pipeline

    def before(name: str) -> list[str]:
        names = load_pipeline().pipe_names
        return names[: names.index(name)]

    return before
