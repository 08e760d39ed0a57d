"""Who held which office when: officeholders looked up by full name, alias or surname, on a date."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from dateline.actors.officeholders import Office, offices
from dateline.model import without_accents

# Countries whose names put the family name first, as English-language news keeps it.
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "MNG", "KHM"})


_Held = tuple[str, str | None, str, str]  # (person, country, sector, title)


@cache
def office_index() -> tuple[dict[str, tuple[Office, ...]], dict[str, set[str]]]:
    """(full or alias name -> the person's terms, surname -> persons)."""
    full: dict[str, list[Office]] = {}
    parts: dict[str, set[str]] = {}
    for office in offices():
        for name in office.names:
            full.setdefault(without_accents(name).casefold(), []).append(office)
            words = re.findall(r"[A-Za-z]+", without_accents(name))
            if len(words) >= 2:
                # News names a person by surname: the last word, or the first where the
                # family name comes first (Xi Jinping, Moon Jae-in). A given name alone
                # ("Mr. Ahmed", "Ali") is someone else far more often than the officeholder.
                first = office.country in _FAMILY_NAME_FIRST
                for word in (words[0], words[-1]) if first else (words[-1],):
                    parts.setdefault(word.casefold(), set()).add(office.person)
    return {name: tuple(terms) for name, terms in full.items()}, parts


def held_office(name: str, on: str | None = None) -> _Held | None:
    """The office a named officeholder held on the date `on` (ISO; None: undated).

    One person holds several offices in turn, of other sectors or bodies (a defence
    minister who becomes President of the European Commission): a dated article takes
    the term that held on its day, or the nearest one; an undated text the term listed first.
    """
    terms = office_index()[0].get(without_accents(name).casefold())
    if not terms and "." in name:
        # a middle initial is often left out: "Donald J. Trump" is "Donald Trump"
        terms = office_index()[0].get(re.sub(r"\s[A-Z]\.(?=\s)", "", without_accents(name)).casefold())
    words = without_accents(name).split()
    if not terms and len(words) == 2:
        # East Asian names are written in either order ("Kishida Fumio", "Fumio Kishida")
        reversed_terms = office_index()[0].get(f"{words[1]} {words[0]}".casefold(), ())
        terms = tuple(t for t in reversed_terms if t.country in _FAMILY_NAME_FIRST | {"JPN"})
    if not terms:
        return None
    day = _as_day(on)
    best = terms[0]
    if day is not None and len(terms) > 1:
        best = min(terms, key=lambda term: _days_outside(term, day))
    return best.person, best.country, best.sector, best.title


def _as_day(on: str | None) -> dt.date | None:
    """An ISO date (or its year-month / year prefix) as a day; None when unreadable."""
    if not on:
        return None
    parts = on[:10].split("-")
    try:
        return dt.date(
            int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        )
    except (ValueError, IndexError):
        return None


def _days_outside(term: Office, day: dt.date) -> int:
    """How many days `day` lies outside a term (0 inside it)."""
    if day < term.start:
        return (term.start - day).days
    if term.end is not None and day >= term.end:
        return (day - term.end).days + 1
    return 0


@cache
def surname_bearers() -> dict[str, set[str]]:
    """Surname (the last word of an officeholder's name) -> the persons who bear it."""
    out: dict[str, set[str]] = {}
    for office in offices():
        words = re.findall(r"[A-Za-z]+", office.person)
        if len(words) >= 2:
            out.setdefault(words[-1].casefold(), set()).add(office.person)
    return out
