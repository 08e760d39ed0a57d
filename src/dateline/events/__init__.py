"""Stage `events`: parsed sentences and their actors -> PLOVER/CAMEO `Event`s."""

from dateline.events.combine import code_events, plover_events

__all__ = ["code_events", "plover_events"]
