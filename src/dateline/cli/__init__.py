"""The `dateline` command line: the only module, with `api`, that talks to people."""

from dateline.cli.app import app, main

__all__ = ["app", "main"]
