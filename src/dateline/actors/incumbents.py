"""Who held which office when: officeholders looked up by full name, alias or surname, on a date."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from dateline.actors.lexicon import COMMON_SURNAMES
from dateline.actors.officeholders import Office, offices
from dateline.model import without_accents

# Countries whose names put the family name first, as English-language news keeps it.
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "MNG", "KHM"})


# Words after a name that are no surname ("Ferdinand Marcos Jr.", "Benigno Aquino III").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

_Held = tuple[str, str | None, str, str]  # (person, country, sector, title)


def _alone_names(office: Office) -> set[str]:
    """The words (lower-case) that name this officeholder alone in news.

    A one-word name or alias is the name itself ("Suharto", "Abiy", "Thaksin"); and the
    surname: the last word, or the first where the family name comes first (Xi Jinping,
    Moon Jae-in). A given name alone ("Mr. Ahmed", "Ali") is someone else far more
    often than the officeholder, and so is a surname that many people bear ("Fox").
    """
    out: set[str] = set()
    for name in office.names:
        words = re.findall(r"[A-Za-z]+", without_accents(name))
        if len(words) == 1 and name.strip()[:1].isupper():
            out.add(words[0].casefold())
    for name in office.names:
        words = re.findall(r"[A-Za-z]+", without_accents(name))
        if len(words) >= 2:
            first = office.country in _FAMILY_NAME_FIRST
            out.update(w.casefold() for w in ((words[0], words[-1]) if first else (words[-1],)))
    return {word for word in out if word not in COMMON_SURNAMES and word not in _SUFFIXES}


@cache
def office_index() -> tuple[dict[str, tuple[Office, ...]], dict[str, set[str]]]:
    """(full or alias name -> the person's terms, word that names them alone -> persons)."""
    full: dict[str, list[Office]] = {}
    parts: dict[str, set[str]] = {}
    for office in offices():
        for name in office.names:
            full.setdefault(without_accents(name).casefold(), []).append(office)
        for word in _alone_names(office):
            parts.setdefault(word, set()).add(office.person)
    return {name: tuple(terms) for name, terms in full.items()}, parts


def holder_by_word(word: str, on: str | None = None) -> tuple[str | None, _Held] | None:
    """The officeholder a single word names ("Putin", "Abiy"), as (person, office), or None.

    A word several officeholders bear names the one in office on the date `on`, when
    exactly one of them was; failing that, when all of them serve one country, that
    country is known though the person is not ("Bush" alone, undated, is of the United
    States): the person is then None, and the office gives the country (and the sector
    and title only where they all agree).
    """
    persons = office_index()[1].get(without_accents(word).casefold(), set())
    if not persons:
        return None
    if len(persons) == 1:
        person = next(iter(persons))
        held = held_office(person, on)
        return (person, held) if held is not None else None
    day = _as_day(on)
    terms = [t for t in offices() if t.person in persons]
    if day is not None:
        current = {t.person for t in terms if t.holds_on(day)}
        if len(current) == 1:
            person = next(iter(current))
            held = held_office(person, on)
            return (person, held) if held is not None else None
    countries = {t.country for t in terms}
    if len(countries) != 1 or None in countries:
        return None
    sectors = {t.sector for t in terms}
    titles = {t.title for t in terms}
    sector = next(iter(sectors)) if len(sectors) == 1 else ""
    title = next(iter(titles)) if len(titles) == 1 else ""
    return None, (word, next(iter(countries)), sector, title)


def held_office(name: str, on: str | None = None, country: str | None = None) -> _Held | None:
    """The office a named officeholder held on the date `on` (ISO; None: undated).

    One person holds several offices in turn, of other sectors or bodies (a defence
    minister who becomes President of the European Commission): a dated article takes
    the term that held on its day, or the nearest one; an undated text the term listed first.
    `country`, the country the mention itself names, picks among terms in several countries.
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
    if not terms and len(words) >= 3:
        # a word of a title the name run kept ("Reconciliation Zalmay Khalilzad"): the
        # longest tail of two words or more that is an officeholder's name
        for k in range(1, len(words) - 1):
            terms = office_index()[0].get(" ".join(words[k:]).casefold())
            if terms:
                break
    if not terms:
        return None
    if country is not None and any(t.country == country for t in terms):
        # the mention's own title says which of a person's offices is meant ("Georgian
        # President Eduard Shevardnadze", once the Soviet foreign minister)
        terms = tuple(t for t in terms if t.country == country)
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
    """A word that names an officeholder alone -> the persons it may name: a one-word name
    or alias, or the last word of a longer name (not a common surname)."""
    out: dict[str, set[str]] = {}
    for office in offices():
        for name in office.names:
            words = re.findall(r"[A-Za-z]+", without_accents(name))
            if len(words) == 1 and not name.strip()[:1].isupper():
                continue
            word = words[-1].casefold() if words else ""
            if word and word not in COMMON_SURNAMES and word not in _SUFFIXES:
                out.setdefault(word, set()).add(office.person)
    return out
