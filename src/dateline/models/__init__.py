"""Learned models shipped with Dateline (weights as data files; see `dateline train`)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

PRECISION_FILE = "event-precision.json"


@cache
def likely_threshold() -> float | None:
    """The confidence at or above which an event is more likely right than wrong (`dateline events
    --likely`): the shipped precision score's threshold (`dateline.events.precision`), or None
    without one. Read here, without the events stage, so listing events loads no parser."""
    path = resources.files("dateline") / "models" / PRECISION_FILE
    if not path.is_file():
        return None
    return float(json.loads(path.read_text("utf-8"))["threshold"])
