"""A user's overrides file: actors as the user says they are, winning over everything else.

The file is YAML (or TOML when its name ends in `.toml`). Either a list under `actors`:

    actors:
      - name: Choi Jong-kun
        aliases: [Choi Jong Kun, Vice Minister Choi]
        country: KOR
        sector: GOV
        title: Vice Foreign Minister
      - name: Amnesty International
        sector: NGO

or a mapping from name to fields (`Choi Jong-kun: {country: KOR, sector: GOV}`). A name
or alias found in an article is coded as the override says, whatever its title, the
officeholder table or the corpus registry would give; `country: null` says "no country".
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dateline.actors.registry import registry_key
from dateline.model import Actor

Overrides = Mapping[str, Actor]  # registry_key(name or alias) -> actor

_SECTOR = re.compile(r"^[A-Z]{3}$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")


class OverridesError(ValueError):
    """The overrides file cannot be used; the message names the file and the entry."""


def load_overrides(path: str | Path) -> dict[str, Actor]:
    """Read an overrides file into a name/alias -> actor table (see the module docstring)."""
    file = Path(path)
    try:
        text = file.read_text("utf-8")
    except OSError as error:
        raise OverridesError(f"{file}: cannot read the overrides file ({error.strerror})") from error
    if file.suffix.casefold() == ".toml":
        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise OverridesError(f"{file}: not valid TOML: {error}") from error
    else:
        import yaml  # PyYAML; imported here so that only users of YAML files need it

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise OverridesError(f"{file}: not valid YAML: {error}") from error
    return parse_overrides(data, str(file))


def parse_overrides(data: Any, where: str = "overrides") -> dict[str, Actor]:
    """The name/alias -> actor table of already-parsed overrides data."""
    if data is None:
        return {}
    if isinstance(data, Mapping) and "actors" in data:
        data = data["actors"]
    entries: list[tuple[str, Any]]
    if isinstance(data, Mapping):
        entries = [(str(name), fields) for name, fields in data.items()]
    elif isinstance(data, list):
        entries = []
        for k, item in enumerate(data):
            if not isinstance(item, Mapping) or not item.get("name"):
                raise OverridesError(f"{where}: entry {k + 1} needs a 'name'")
            entries.append((str(item["name"]), item))
    else:
        raise OverridesError(f"{where}: expected a list of actors or a mapping of names")
    table: dict[str, Actor] = {}
    for name, fields in entries:
        fields = fields or {}
        if not isinstance(fields, Mapping):
            raise OverridesError(f"{where}: {name}: expected fields (country, sector, title, aliases)")
        country = _code(fields.get("country"), _COUNTRY, where, name, "country (ISO 3166 alpha-3)")
        sector = _code(fields.get("sector"), _SECTOR, where, name, "sector (a three-letter code)")
        title = fields.get("title")
        actor = Actor(name=name, country=country, sector=sector, title=str(title) if title else None)
        aliases = fields.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        for alias in [name, *aliases]:
            table[registry_key(str(alias))] = actor
    return table


def _code(value: Any, pattern: re.Pattern[str], where: str, name: str, what: str) -> str | None:
    if value is None or value == "":
        return None
    code = str(value).strip().upper()
    if not pattern.match(code):
        raise OverridesError(f"{where}: {name}: {value!r} is not a {what}")
    return code


def override_for(overrides: Overrides | None, *names: str) -> Actor | None:
    """The override for the first of `names` that the file lists, or None."""
    if not overrides:
        return None
    for name in names:
        if name:
            actor = overrides.get(registry_key(name))
            if actor is not None:
                return actor
    return None
