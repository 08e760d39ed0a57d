"""Turn request parameters and CLI options into an `EventFilter`, or say which one is wrong and why.

The API and the CLI share these checks, so a filter means the same everywhere and a
value nobody could match (a type that does not exist, a country that is not one) is an
error naming the allowed values, never a silently empty answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from dateline.store.read import EventFilter

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
# Codes the actors stage gives that ISO 3166 lacks (Kosovo's user-assigned code).
_EXTRA_CODES = frozenset({"XKX"})


# The longest text a search (`q`) or a place may be: each is matched against every event's text.
MAX_TEXT = 200


class FilterError(ValueError):
    """A filter value nobody could match; `name` is the parameter, the message says what is accepted."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


@cache
def _iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | _EXTRA_CODES


def country(value: str, name: str = "country") -> str:
    """The ISO 3166 alpha-3 code of a code ("kor"), a name ("United States"), a short form ("UK")
    or a demonym ("Korean"); ValueError says what is accepted."""
    text = value.strip()
    if len(text) == 3 and text.isalpha() and text.upper() in _iso3_codes():
        return text.upper()
    from dateline.place import country_code

    found = country_code(text)
    if found is None:
        raise FilterError(
            name,
            f"{name}={value!r}: not a country; use an ISO 3166 alpha-3 code such as KOR or USA, "
            "or a country name such as 'South Korea'",
        )
    return found


def countries(values: Sequence[str], name: str = "country") -> list[str]:
    """ISO 3166 alpha-3 codes for codes or names; ValueError names the bad one."""
    return [country(v, name) for v in values]


def event_types(values: Sequence[str], name: str = "type") -> list[str]:
    """PLOVER types, upper-cased; ValueError lists the 16 types."""
    for value in values:
        if value.strip().upper() not in PLOVER_TYPES:
            raise FilterError(
                name, f"{name}={value!r}: not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}"
            )
    return [v.strip().upper() for v in values]


def check_date(value: str | None, name: str) -> str | None:
    """The date unchanged if it is YYYY, YYYY-MM or YYYY-MM-DD; ValueError otherwise."""
    if value is not None and not DATE_RE.match(value):
        raise FilterError(name, f"{name}={value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def event_filter(
    country: Sequence[str] = (),
    actor: Sequence[str] = (),
    type_: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    story: str | None = None,
    source: Sequence[str] = (),
    target: Sequence[str] = (),
    min_sources: int = 1,
    dyad: Sequence[str] = (),
    place: str | None = None,
    min_confidence: float | None = None,
) -> EventFilter:
    """A validated filter; raises ValueError with a reason a person can act on.

    `country` matches either side; `source` and `target` one side each; `dyad` (two
    countries) events between them, in either direction.
    """
    pair = countries(dyad, "dyad")
    if pair and len(pair) != 2:
        raise FilterError("dyad", f"dyad={','.join(dyad)!r}: give exactly two countries, e.g. KOR and USA")
    for name, text in (("q", q), ("place", place)):
        if text is not None and len(text) > MAX_TEXT:
            raise FilterError(name, f"{name}: at most {MAX_TEXT} characters, {len(text)} given")
    return EventFilter(
        countries=countries(country), actors=list(actor), types=event_types(type_),
        since=check_date(since, "since"), until=check_date(until, "until"), q=q or None,
        story=story or None, sources=countries(source, "source"), targets=countries(target, "target"),
        min_sources=min_sources, dyad=tuple(pair), place=place or None, min_confidence=min_confidence,
    )  # fmt: skip
