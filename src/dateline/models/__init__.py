"""Learned models shipped with Dateline (weights as data files; see `dateline train`)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

PRECISION_FILE = "event-precision.json"


@cache
def print_threshold() -> float | None:
    """The confidence at or above which `dateline events` prints an event by default: the shipped
    precision score's threshold (`dateline.events.precision`), or None (print all) without one.
    Read here, without the events stage, so listing events loads no parser."""
    path = resources.files("dateline") / "models" / PRECISION_FILE
    if not path.is_file():
        return None
    return float(json.loads(path.read_text("utf-8"))["threshold"])
