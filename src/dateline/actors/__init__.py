"""Stage `actors`: entity mentions in one parsed article -> `Actor`s with country and sector.

The names below are loaded on first use (PEP 562), so that importing a data
module of this package (the officeholder table, which dating needs) does not
load spaCy through `resolve`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.actors.overrides import load_overrides
    from dateline.actors.registry import build_registry
    from dateline.actors.resolve import ArticleActors, find_actors

__all__ = ["ArticleActors", "build_registry", "find_actors", "load_overrides"]

_HOMES = {
    "ArticleActors": "dateline.actors.resolve",
    "find_actors": "dateline.actors.resolve",
    "build_registry": "dateline.actors.registry",
    "load_overrides": "dateline.actors.overrides",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'dateline.actors' has no attribute {name!r}")
