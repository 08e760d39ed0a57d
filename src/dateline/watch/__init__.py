"""`dateline watch`: poll feeds and sitemaps, fetch every new article once, ingest it."""

from dateline.watch.run import Tally, Watcher, parse_every

__all__ = ["Tally", "Watcher", "parse_every"]
