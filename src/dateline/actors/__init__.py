"""Stage `actors`: entity mentions in one parsed article -> `Actor`s with country and sector."""

from dateline.actors.resolve import ArticleActors, find_actors

__all__ = ["ArticleActors", "find_actors"]
