"""Stage `actors`: entity mentions in one parsed article -> `Actor`s with country and sector."""

from dateline.actors.overrides import load_overrides
from dateline.actors.registry import build_registry
from dateline.actors.resolve import ArticleActors, find_actors

__all__ = ["ArticleActors", "build_registry", "find_actors", "load_overrides"]
