"""Dateline: raw, messy news in; who did what to whom, when and where, out.

>>> import dateline
>>> result = dateline.process("SEOUL (Reuters) - ...", date="2020-12-23")
>>> [(e.source.name, e.type, e.target and e.target.name) for e in result.events]
>>> with dateline.open("news.duckdb") as data:  # a store, read back as pandas DataFrames
...     data.events(countries="KOR").groupby("event_type").size()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pathlib import Path

    from dateline.model import ProcessedDoc
    from dateline.store.frames import Dataset


def process(
    text: str, date: str | None = None, url: str | None = None, outlet: str | None = None
) -> ProcessedDoc:
    """Articles and events of one text, without a store. `date` (ISO) anchors relative dates."""
    from dateline.model import RawDoc
    from dateline.pipeline import process_document

    return process_document(RawDoc(text=text, date=date, url=url, outlet=outlet))


def open(path: str | Path) -> Dataset:  # noqa: A001 - `dateline.open` reads like `open`, on purpose
    """A store opened read-only: `.events()`, `.merged_events()`, `.articles()`, `.actors()`,
    `.stories()` give pandas DataFrames with the columns of docs/schema.md; `.relation(name)`
    gives a DuckDB relation. Use it in a `with` block, or call `.close()`, to release the file."""
    from dateline.store.frames import Dataset

    return Dataset(path)
