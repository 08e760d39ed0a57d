"""A store read back as pandas DataFrames (or DuckDB relations), for notebooks and scripts.

The frames have exactly the columns and types of the exported tables
(`docs/schema.md`), so code written against an export runs against a live
store and the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from dateline.store.duck import Store
from dateline.store.read import EventFilter
from dateline.store.schema import TABLES, table_sql

if TYPE_CHECKING:
    import pandas as pd


def _many(value: str | Sequence[str] | None) -> list[str]:
    """One value or several, as a list (so `countries="KOR"` does not mean K, O, R)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


class Dataset:
    """A Dateline store opened read-only; each method returns one table as a pandas DataFrame.

    >>> import dateline
    >>> with dateline.open("news.duckdb") as data:
    ...     events = data.events(countries="KOR", types=["CONSULT", "AGREE"], since="2020")
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if not Path(path).exists():
            raise FileNotFoundError(f"{path}: no such store; create it with `dateline ingest PATH --db FILE`")
        self._store = Store(path, read_only=True)

    def close(self) -> None:
        """Release the file (other processes can then write to it)."""
        self._store.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Dataset({self.path!r})"

    @property
    def tables(self) -> list[str]:
        """The names `relation` and `frame` accept: events, merged_events, articles, actors, stories."""
        return list(TABLES)

    def relation(self, name: str) -> duckdb.DuckDBPyRelation:
        """A whole table as a lazy DuckDB relation, to filter, join or aggregate before fetching."""
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
        return self._store.relation(table_sql(name))

    def frame(self, name: str) -> pd.DataFrame:
        """A whole table as a DataFrame."""
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
        return self._store.frame(table_sql(name))

    def events(
        self,
        countries: str | Sequence[str] | None = None,
        types: str | Sequence[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        actors: str | Sequence[str] | None = None,
        q: str | None = None,
        story: str | None = None,
    ) -> pd.DataFrame:
        """Event reports (one row per sentence), oldest first, filtered like `dateline events`.

        `countries` (ISO3) match the source's or the target's country; `types` are PLOVER types;
        `since`/`until` (YYYY[-MM[-DD]]) keep events whose period overlaps the range; `actors` are
        actor ids or exact names; `q` searches the evidence and names; `story` is a story id.
        """
        where = EventFilter(
            countries=_many(countries), actors=_many(actors), types=_many(types), since=since,
            until=until, q=q, story=story,
        )  # fmt: skip
        clause, params = where.sql()
        if not clause:
            return self.frame("events")
        sql = table_sql("events", where=f"e.id IN (SELECT q.id FROM event_search q {clause})")
        return self._store.frame(sql, params)

    def merged_events(self, story: str | None = None) -> pd.DataFrame:
        """Real-world events, each with every report of it (outlets, event ids, URLs as lists)."""
        if story is None:
            return self.frame("merged_events")
        return self._store.frame(table_sql("merged_events", where="m.story_id = ?"), [story])

    def articles(self, story: str | None = None) -> pd.DataFrame:
        """Articles with their story and, for wire copies, the document they copy."""
        if story is None:
            return self.frame("articles")
        return self._store.frame(table_sql("articles", where="x.story_id = ?"), [story])

    def actors(self) -> pd.DataFrame:
        """Every actor with its country, sector, title and number of events."""
        return self.frame("actors")

    def stories(self) -> pd.DataFrame:
        """Stories, most recently reported first, with their outlets and brief."""
        return self.frame("stories")

    def query(self, name: str, **filters: Any) -> pd.DataFrame:
        """The method of that table name, called with these filters (handy in loops over `tables`)."""
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
        method = getattr(self, name)
        frame: pd.DataFrame = method(**filters)
        return frame
