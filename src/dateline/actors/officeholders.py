"""The table of officeholders and their terms (`officeholders.tsv`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Office:
    """One person's term in one office."""

    person: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str
    title: str
    start: dt.date
    end: dt.date | None  # None: still in office

    @property
    def names(self) -> tuple[str, ...]:
        return (self.person, *self.aliases)

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@cache
def offices() -> tuple[Office, ...]:
    """Every term in the bundled table, in file order."""
    text = resources.files("dateline.actors").joinpath("officeholders.tsv").read_text("utf-8")
    rows: list[Office] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        person, aliases, country, sector, title, start, end = (line.split("\t") + [""] * 7)[:7]
        rows.append(
            Office(
                person=person,
                aliases=tuple(a for a in aliases.split("|") if a),
                country=None if country in ("", "IGO", "NGO") else country,
                sector=sector,
                title=title,
                start=dt.date.fromisoformat(start),
                end=dt.date.fromisoformat(end) if end.strip() else None,
            )
        )
    return tuple(rows)
