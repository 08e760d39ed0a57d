"""A corpus actor registry: what earlier articles said about a name, reused for later ones.

An article that says "South Korea's Vice Foreign Minister Choi Jong-kun" teaches that Choi
Jong-kun is KOR GOV; a later article that names him bare ("Choi Jong-kun said ...") can
then code him without a title. The registry is built from stored `Actor` records with the
date each was seen; this module is pure (no database): the store reads its rows and calls
`build_registry`, and the pipeline hands the result to `find_actors`.

Only names that identify someone are learned: two or more capitalised words ("Choi
Jong-kun") or an acronym ("NUT"); a role noun ("the minister") or a country name is not a
name. When the corpus disagrees about a name, the (country, sector) seen most often wins,
the most recent sighting breaking ties, so one misread article does not poison the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dateline.model import Actor, name_key
from dateline.place.countries import lookup

# After this many years a learned sector may be stale (ministers change jobs); the country
# of a person rarely changes, so it is still used.
STALE_SECTOR_YEARS = 4


@dataclass(frozen=True)
class RegistryEntry:
    """What the corpus says about one name: country, sector, latest title, when last seen."""

    name: str
    country: str | None
    sector: str | None
    title: str | None
    last_seen: str | None  # ISO date (or year-month / year) of the latest article naming it
    count: int = 1  # how many sightings agree with this country and sector

    def actor(self, on: str | None = None) -> Actor:
        """The actor this entry stands for, as of the date `on` (ISO, may be None).

        Long after the last sighting the sector is dropped: a minister in 2020 may be
        out of office in 2030, but is still of the same country.
        """
        sector = self.sector
        if on and self.last_seen and _years_between(self.last_seen, on) > STALE_SECTOR_YEARS:
            sector = sector if sector in ("IGO", "NGO") else None
        return Actor(name=self.name, country=self.country, sector=sector, title=self.title)


Registry = Mapping[str, RegistryEntry]  # casefolded name -> entry


def registry_key(name: str) -> str:
    """The lookup key of a name: casefolded, without diacritics ("Vučić" is "Vucic"),
    hyphens and runs of spaces as one space."""
    return re.sub(r"[\s\-‐–]+", " ", name_key(name)).strip()


def is_learnable(name: str) -> bool:
    """True for names that identify one actor: two capitalised words, or an acronym.

    "Choi Jong-kun", "Forces for Defence of Democracy" and "FDD" are learnable; "minister",
    "the government" and "South Korea" (a country, known anyway) are not.
    """
    words = re.findall(r"[^\W\d_][\w'.\-]*", name)
    capitalised = [w for w in words if w[0].isupper()]
    if lookup(name) is not None:
        return False
    if len(capitalised) >= 2:
        return True
    return len(words) == 1 and len(name) >= 3 and name.isupper() and name.isalpha()


@dataclass
class _Tally:
    """Sightings of one name with one (country, sector)."""

    count: int = 0
    last: str = ""
    title: str | None = None
    name: str = ""


def build_registry(sightings: Iterable[tuple[Actor, str | None]]) -> dict[str, RegistryEntry]:
    """A name -> (country, sector, title, last seen) table from actors and the dates they were seen.

    `sightings` are (actor, ISO date of the article) pairs, in any order; an actor with
    neither country nor sector teaches nothing and is skipped.
    """
    votes: dict[str, dict[tuple[str | None, str | None], _Tally]] = {}
    for actor, seen in sightings:
        if not (actor.country or actor.sector) or not is_learnable(actor.name):
            continue
        options = votes.setdefault(registry_key(actor.name), {})
        tally = options.setdefault((actor.country, actor.sector), _Tally(name=actor.name))
        tally.count += 1
        if seen and seen >= tally.last:
            # the latest sighting gives the spelling and the current title
            tally.last, tally.name = seen, actor.name
            tally.title = actor.title or tally.title
        elif tally.title is None:
            tally.title = actor.title
    registry: dict[str, RegistryEntry] = {}
    for key, options in votes.items():
        (country, sector), best = max(options.items(), key=lambda item: (item[1].count, item[1].last))
        registry[key] = RegistryEntry(
            name=best.name,
            country=country,
            sector=sector,
            title=best.title,
            last_seen=best.last or None,
            count=best.count,
        )
    return registry


def lookup_name(registry: Registry | None, name: str, on: str | None = None) -> Actor | None:
    """The registry's actor for a full name, as of date `on`; None when unknown."""
    if not registry:
        return None
    entry = registry.get(registry_key(name))
    return entry.actor(on) if entry is not None else None


def lookup_part(registry: Registry | None, word: str, on: str | None = None) -> Actor | None:
    """The one registry person whose first or last name is `word` ("Choi"), or None.

    A surname shared by two learned people is ambiguous and gives nothing.
    """
    if not registry or not word:
        return None
    needle = word.casefold()
    found: list[RegistryEntry] = []
    for entry in registry.values():
        words = re.findall(r"[^\W\d_][\w']*", entry.name)
        if len(words) >= 2 and needle in (words[0].casefold(), words[-1].casefold()):
            found.append(entry)
            if len(found) > 1:
                return None
    return found[0].actor(on) if found else None


def _years_between(earlier: str, later: str) -> float:
    """Years from one ISO date (or year-month, year) to another; 0 when either is unreadable."""
    first, second = _as_date(earlier), _as_date(later)
    if first is None or second is None:
        return 0.0
    return (second - first).days / 365.25


def _as_date(text: str) -> dt.date | None:
    parts = text[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None
