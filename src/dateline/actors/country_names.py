"""Country names as news spells them: the exact lookup, forgiving a one-letter slip ("Afganistan")."""

from __future__ import annotations

import difflib
from functools import cache, lru_cache

import pycountry

from dateline.actors.lexicon import COMPASS_WORDS, REGIONS
from dateline.place.countries import lookup as _exact_lookup
from dateline.place.countries import subdivisions


@cache
def _one_word_countries() -> dict[str, str]:
    """Single-word country names (lower-cased) -> ISO3, the targets of spelling repair."""
    out: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and value.isalpha():
                out[value.casefold()] = country.alpha_3
    return out


@cache
def _repair_targets() -> dict[str, tuple[str, ...]]:
    """First letter -> the single-word country names (lower-cased) that start with it."""
    out: dict[str, list[str]] = {}
    for key in _one_word_countries():
        out.setdefault(key[0], []).append(key)
    return {first: tuple(keys) for first, keys in out.items()}


def _may_repair(folded: str) -> bool:
    """True when some country name of the same first letter is close enough to `folded`.

    The repair keeps only same-first-letter matches, so when none of those passes
    `difflib.get_close_matches`'s own tests (the same three, in its order and orientation)
    the full search over every name would find nothing usable and is skipped.
    """
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(folded)
    for target in _repair_targets().get(folded[:1], ()):
        matcher.set_seq1(target)
        if matcher.real_quick_ratio() >= 0.9 and matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9:
            return True
    return False


def _transposed(folded: str) -> str | None:
    """The one single-word country whose name is `folded` with two neighbouring letters
    swapped back ("isreal" -> Israel), keeping the first letter; None if none or several.

    Swapping two letters is the commonest typing slip; it counts as two edits, so the
    similarity test of `lookup` misses it in a short name.
    """
    found: set[str] = set()
    names = _one_word_countries()
    for target in _repair_targets().get(folded[:1], ()):
        if len(target) != len(folded):
            continue
        diff = [i for i, (a, b) in enumerate(zip(folded, target, strict=True)) if a != b]
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and folded[diff[0]] == target[diff[1]]
            and folded[diff[1]] == target[diff[0]]
        ):
            found.add(names[target])
    return next(iter(found)) if len(found) == 1 else None


# Asked for every capitalised name of every article: bounded, as news names are open-ended
# (unbounded, it grew with every name a long ingest had seen).
@lru_cache(maxsize=1 << 16)
def lookup(name: str) -> tuple[str, str] | None:
    """Country lookup that also forgives a one-letter slip in a long country name.

    Wire copy misspells country names ("Afganistan", "Quatar", "Isreal"); a capitalised
    word of six letters or more, unknown as it stands, that is one edit from a single-word
    country name (same first letter, similarity >= 0.9) or that name with two neighbouring
    letters swapped is taken as that country.
    """
    hit = _exact_lookup(name)
    first, _, rest = name.partition(" ")
    if hit is None and rest and first.casefold() in COMPASS_WORDS:
        # "Western Cambodia": a region named by compass and country is in that country
        # (a name that is itself a country, "Western Sahara", was found above)
        found = _exact_lookup(rest)
        return (found[0], "country") if found is not None and found[1] == "country" else None
    if hit is not None or len(name) < 6 or not name.isalpha() or not name[0].isupper():
        return hit
    if len(name[0].casefold()) != 1:
        return None
    swapped = _transposed(name.casefold())
    if swapped is not None:
        return swapped, "country"
    if not _may_repair(name.casefold()):
        return None  # no candidate: get_close_matches would find none that passes below
    names = _one_word_countries()
    close = difflib.get_close_matches(name.casefold(), names, n=2, cutoff=0.9)
    close = [c for c in close if c[0] == name[0].casefold()]
    if len(close) != 1:
        return None  # no match, or two equally close: no guess
    return names[close[0]], "country"


# Words that alone name a region of many countries ("North", "Central", "Coast"): ISO gives
# such names to one country's region, but news means no one country by them.
_GENERIC_PLACE_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "capital",
        "coast",
        "coastal",
        "upper",
        "lower",
        "middle",
        "island",
        "islands",
        "lake",
        "lakes",
        "river",
        "valley",
        "highlands",
        "plateau",
        "littoral",
        "far",
        "region",
        "province",
        "district",
        "city",
        "federal",
        "territory",
        "and",
        "of",
        "the",
    }
)


@cache
def _iso_regions() -> dict[str, str]:
    """First-level subdivisions of ISO 3166-2 whose name belongs to one country only:
    casefolded name -> ISO3 ("uttar pradesh" -> IND, "louisiana" -> USA)."""
    homes: dict[str, set[str | None]] = {}
    for region in subdivisions():
        words = set(region.name.casefold().replace("-", " ").split())
        if region.first_level and not words <= _GENERIC_PLACE_WORDS | COMPASS_WORDS:
            homes.setdefault(region.name.casefold(), set()).add(region.country)
    out: dict[str, str] = {}
    for name, found in homes.items():
        country = next(iter(found)) if len(found) == 1 else None
        if country is not None:
            out[name] = country
    return out


def region_country(name: str) -> str | None:
    """The country of a region named as news names it ("Darfur", "Uttar Pradesh"), or None.

    The shipped `regions` table comes first (English names, names ISO gives to two
    countries), then the ISO 3166-2 first-level subdivisions unique to one country.
    """
    key = name.strip()
    found = REGIONS.get(key)
    if found is not None:
        return found
    return _iso_regions().get(key.casefold())
