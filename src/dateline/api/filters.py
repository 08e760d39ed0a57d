"""Turn request parameters into an `EventFilter`, or say which one is wrong and why."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.store.read import EventFilter

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


def countries(values: Sequence[str], name: str = "country") -> list[str]:
    """ISO 3166 alpha-3 codes, upper-cased; ValueError names the bad one."""
    for value in values:
        if not _COUNTRY.match(value):
            raise ValueError(f"{name}={value!r}: expected a three-letter ISO 3166 code such as KOR")
    return [v.upper() for v in values]


def event_filter(
    country: Sequence[str] = (),
    actor: Sequence[str] = (),
    type_: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    story: str | None = None,
) -> EventFilter:
    """A validated filter; raises ValueError with a reason a person can act on."""
    for value in type_:
        if value.upper() not in PLOVER_TYPES:
            raise ValueError(f"type={value!r}: expected one of {', '.join(PLOVER_TYPES)}")
    for name, day in (("since", since), ("until", until)):
        if day is not None and not _DATE.match(day):
            raise ValueError(f"{name}={day!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return EventFilter(
        countries=countries(country), actors=list(actor), types=[t.upper() for t in type_],
        since=since, until=until, q=q or None, story=story or None,
    )  # fmt: skip
