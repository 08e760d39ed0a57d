"""The PLOVER table abstains from events the system gives less than even odds
(`combine.ABSTAIN_BELOW`); the coder still returns them, for the labelled sets to measure."""

from __future__ import annotations

from dataclasses import replace

from dateline.events import plover_events
from dateline.events.combine import ABSTAIN_BELOW
from dateline.model import Actor, Event

_TURKEY, _USA = Actor("Turkey", "TUR"), Actor("United States", "USA")
_EVENT = Event("ACCUSE", "112", _TURKEY, _USA, "accused", 0, "e", "a", 0, 1)


def test_an_event_below_even_odds_is_not_printed() -> None:
    sure = replace(_EVENT, confidence=0.8)
    unsure = replace(_EVENT, trigger_start=5, confidence=ABSTAIN_BELOW - 0.01)
    assert plover_events([sure, unsure]) == [sure]


def test_an_event_at_even_odds_is_printed() -> None:
    even = replace(_EVENT, confidence=ABSTAIN_BELOW)
    assert plover_events([even]) == [even]
