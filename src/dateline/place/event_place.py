"""Where an event happened: a place named in its clause, else its sentence, else the dateline.

A place is a city or country the gazetteer knows ("talks in Geneva"), or a landmark that
news names instead of its city ("at the White House", "the Kremlin", "in Panmunjom"); a
landmark gives its city and country with the landmark's own coordinates.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from functools import cache, lru_cache
from importlib import resources

from dateline.model import Article, Event
from dateline.place.countries import capital_of, locate, lookup, subdivisions
from dateline.place.gazetteer import places
from dateline.time.values import MONTHS, WEEKDAYS

_Found = tuple[str, str | None, float | None, float | None]

# Landmarks, seats of government and venues that stand for a place: names (";"-separated) |
# city | ISO3 | latitude | longitude. Facts, not code; extend freely.
_LANDMARKS = """
White House;Oval Office;West Wing|Washington|USA|38.8977|-77.0365
Capitol;Capitol Hill;U.S. Capitol|Washington|USA|38.8899|-77.0091
State Department;Foggy Bottom|Washington|USA|38.8945|-77.0484
Pentagon|Arlington, Virginia|USA|38.8719|-77.0563
Camp David|Thurmont, Maryland|USA|39.6483|-77.4650
Mar-a-Lago|Palm Beach, Florida|USA|26.6770|-80.0370
United Nations;United Nations headquarters;UN headquarters;U.N. headquarters|New York|USA|40.7489|-73.9680
UN Security Council;U.N. Security Council;Security Council|New York|USA|40.7489|-73.9680
UN General Assembly;U.N. General Assembly|New York|USA|40.7489|-73.9680
Kremlin;Red Square|Moscow|RUS|55.7520|37.6175
Blue House;Cheong Wa Dae;Yongsan presidential office|Seoul|KOR|37.5866|126.9748
Panmunjom;Panmunjeom;Peace House;Truce Village|Panmunjom|KOR|37.9560|126.6770
Kim Il Sung Square;Kumsusan Palace|Pyongyang|PRK|39.0194|125.7530
Kantei;Prime Minister's Office of Japan|Tokyo|JPN|35.6733|139.7432
Zhongnanhai;Great Hall of the People;Tiananmen Square;Diaoyutai State Guesthouse|Beijing|CHN|39.9033|116.3875
Downing Street;Westminster;Whitehall|London|GBR|51.5034|-0.1276
Elysee Palace;Elysee;Quai d'Orsay|Paris|FRA|48.8704|2.3167
Bundestag;Reichstag|Berlin|DEU|52.5200|13.3690
Vatican;Holy See;St. Peter's Square|Vatican City|VAT|41.9029|12.4534
Knesset|Jerusalem|ISR|31.7767|35.2055
Palais des Nations|Geneva|CHE|46.2266|6.1406
Peace Palace;International Court of Justice;International Criminal Court|The Hague|NLD|52.0866|4.2957
NATO headquarters;Berlaymont;European Commission;European Council|Brussels|BEL|50.8433|4.3826
Davos|Davos|CHE|46.8027|9.8360
Camp Humphreys|Pyeongtaek|KOR|36.9630|127.0310
Gaza Strip;Gaza|Gaza|PSE|31.5017|34.4668
West Bank|West Bank|PSE|31.9500|35.2500
"""

# "in Seoul", "at the White House", "in New York City", "In Beijing on Monday", "in a Vienna
# hotel", "in central Stockholm": a preposition of place (capitalised at a sentence start), an
# article or a word of direction, and a run of capitalised words ("U.S." allowed). A possessive
# ("at Tokyo's foreign ministry") names an institution, not where the event happened, unless a
# named venue follows ("at Istanbul's Dolmabahce Palace").
_VENUE = (
    r"Palace|Hotel|Airport|Stadium|Square|Hall|Cent(?:er|re)|Building|Residence|Castle|Guesthouse|Base"
    r"|Villa|Compound|Conference\s+Center"
)
# A visit happens where the visitor goes: "visited Beijing", "a trip to Riyadh", "flew to Hanoi".
_DESTINATION = (
    r"[Vv]isit(?:ed|s|ing)?(?:\s+to)?|(?:trip|journey|travel(?:l?ed|s|ling)?|fl(?:ew|ies|y|ying)"
    r"|arriv(?:ed|es|ing)|came|comes|went|goes|headed|heads)\s+to"
)
# A town taken by force is the object of the verb: "shelled Kharkiv", "troops recaptured Kidal".
_TAKEN = (
    r"shell(?:ed|s|ing)|bomb(?:ed|s|ing)|bombard(?:ed|s|ing)|storm(?:ed|s|ing)|(?:re)?captur(?:ed|es|ing)"
    r"|seiz(?:ed|es|ing)|raid(?:ed|s|ing)|besieg(?:ed|es|ing)|overr(?:an|uns|unning)|encircl(?:ed|es|ing)"
    r"|invad(?:ed|es|ing)|liberat(?:ed|es|ing)|(?:re)?took\s+control\s+of"
)
_TAKEN_AT_START = re.compile(_TAKEN)
# Lower-case particles inside place names: "Rio de Janeiro", "Dar es Salaam", "Ras al Ain".
_PARTICLE = r"(?:de|del|da|do|dos|das|di|du|des|la|le|el|al|es|ed|ul|bin|ibn|van|von|der|den)"
# Words that introduce a settlement by name ("the town of X", "the capital, X"): what follows is
# a place even when the gazetteer does not know it.
_SETTLEMENT = r"town|village|city|hamlet|township|community|neighbou?rhood|district|municipality|capital"
_SETTLEMENT_PHRASE = re.compile(
    rf"(?:(?:{_SETTLEMENT})(?:\s+of|\s*,)?|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+$"
)
# A country named right before the word that introduces a place: "the Syrian town of Kobani",
# "the Dominican capital, X", "Turkey's province of Hatay".
_COUNTRY_BEFORE = re.compile(
    r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:['’]s)?\s+(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?"
    rf"(?:mountain\s+|border\s+|port\s+)?(?:{_SETTLEMENT}|province|region|state)(?:\s+of|\s*,)?\s+$"
)
# A place after these words tells where a person or body is from, not where the act was:
# "a professor based in Groningen", "a Texas-born activist", "headquartered in London".
_ORIGIN_BEFORE = re.compile(
    r"\b(?:based|born|headquartered|raised|living|lives|lived|resident|residing|registered)\s+(?:in|at)\s+$"
)
# The rest of a country's name joined by "and": "Antigua and Barbuda", "Trinidad and Tobago".
_AND_NAME = re.compile(r"\s+and\s+[A-Z][\w-]*")
# A landmark that is also a body is a party, not a venue, after these words ("signed a deal
# with the United Nations").
_PARTY_BEFORE = re.compile(r"\b(?:with|and|against|between|of)\s+(?:the\s+)?$")
# "the Afghan capital", "Cuba's capital": the capital city of that country.
_CAPITAL_OF = re.compile(
    r"(?<![\w-])((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)?)(['’]s)?\s+capital\b(?!['’]s)(?!\s*(?:of\s+|,\s*)?[A-Z])"
)
# "in Syria's Idlib province", "in Nigeria's Borno state": a place qualified by its country.
_POSSESSED_PLACE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Ii]nside|[Aa]cross)\s+(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+"
    r"(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})"
)
# "Santos, Colombia --", "El Valle, Puerto Rico's capital": a place written with its country,
# which holds for that name in the rest of the article. Not "in Gaza, Israel said".
_WITH_COUNTRY = re.compile(
    r"(?<![\w-])([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}),\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}?)"
    r"(?=\s*(?:[,.;:)—–]|--|$)|['’]s\s+(?:capital|largest|biggest|second)\b"
    r"|\s+(?:on|in|at|where|when|after|before|last|this|early|late)\b)"
)
_PLACE_PHRASE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Ii]nside|on\s+the\s+sidelines\s+of\s+\S+(?:\s+\S+)?\s+in"
    rf"|{_DESTINATION}|{_TAKEN}|(?:{_SETTLEMENT}|areas?|regions?|provinces?|parts?|outskirts|suburbs?|coast)\s+of"
    r"|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|capital(?:\s+of|\s*,)?)\s+"
    r"(?:the\s+|an?\s+)?(?:(?:central|downtown|northern|southern|eastern|western|north(?:ern|-?east(?:ern)?"
    r"|-?west(?:ern)?)?|south(?:ern|-?east(?:ern)?|-?west(?:ern)?)?)\s+)?"
    rf"((?:[A-Z](?:[\w.-]|['’](?=[A-Za-z])(?!s\b))*)(?:\s+(?:of\s+(?:the\s+)?|{_PARTICLE}\s+)?"
    r"[A-Z](?:[\w.-]|['’](?=[A-Za-z])(?!s\b))*){0,4})"
    rf"(?!\w|['’]s\b(?!\s+(?:[A-Z][\w-]*\s+){{0,3}}(?:{_VENUE})\b))"
)
# "the Geneva summit", "the Anchorage talks": a meeting named after where it is held.
_MEETING_NAMED_FOR_PLACE = re.compile(
    r"(?<![\w.-])((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)\s+(?:summit|talks|meeting|conference|negotiations)\b"
)
# Where the sentence's clauses begin (a comma sets off an apposition or a relative clause).
_CLAUSE_BREAK = re.compile(r"[;:,—–]\s*|\s-\s|\bthat\s|\b(?:said|says|told|added)\b")


def _key(name: str) -> str:
    """A name for lookup: no accents, dots, leading "the", curly apostrophes or extra spaces."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).replace("’", "'")
    return re.sub(r"\s+", " ", name.replace(".", "")).casefold()


@cache
def _landmarks() -> dict[str, _Found]:
    """Normalised landmark name -> (city, ISO3, latitude, longitude)."""
    table: dict[str, _Found] = {}
    for line in _LANDMARKS.strip().splitlines():
        names, city, iso3, lat, lon = line.split("|")
        for name in names.split(";"):
            table[_key(name)] = (city, iso3, float(lat), float(lon))
    return table


@cache
def _landmark_pattern() -> re.Pattern[str]:
    names = sorted(
        {n.strip() for line in _LANDMARKS.strip().splitlines() for n in line.split("|")[0].split(";")}
    )
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    # Case-sensitive: "capitol" or "security council" in lower case may be generic.
    # A landmark naming a document or a process ("the Panmunjom Declaration") is no venue.
    named = r"\s+(?:Declaration|Accords?|Agreement|Treaty|Statement|Communiqu[eé]|Process|Protocol|Talks)\b"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-]|['’]s\b|{named})")


# Subdivision names that are also common capitalised words in news: never a place on their own.
_NOT_SUBDIVISIONS = {"capital", "central", "centre", "north", "south", "east", "west", "western", "eastern",
                     "northern", "southern", "coast", "islands", "city", "district", "national"}  # fmt: skip


@cache
def _subdivisions() -> dict[str, tuple[str, ...]]:
    """Normalised name of a state, province or region (pycountry's ISO 3166-2) -> the ISO3 of
    every country with a region of that name ("Punjab": India and Pakistan)."""
    table: dict[str, tuple[str, ...]] = {}
    for subdivision in subdivisions():
        key = _key(subdivision.name)
        country = subdivision.country
        if len(key) < 4 or key in _NOT_SUBDIVISIONS or country is None:
            continue
        if country not in table.get(key, ()):
            table[key] = (*table.get(key, ()), country)
    return table


def _region_country(name: str, prefer: tuple[str, ...] = (), town: str | None = None) -> str | None:
    """The country of the region `name`, if it is one. A name several countries give a region
    is taken in the country that also has `town` (a town written beside it: "Sialkot, Punjab"),
    else in the first country of `prefer` that has it, else where pycountry lists it first."""
    countries = _subdivisions().get(_key(name), ())
    if len(countries) > 1 and town is not None:
        with_town = [c for c in countries if any(p.country == c for p in places(town))]
        if len(with_town) == 1:
            return with_town[0]
    return next((c for c in prefer if c in countries), countries[0] if countries else None)


def _resolve(
    name: str, prefer: tuple[str, ...] = (), hinted: bool = False, home: frozenset[str] = frozenset()
) -> _Found | None:
    """A landmark, else a country, else the place of that name in the first country of `prefer`
    (the countries the article is about) that has one, else a city or country the gazetteer knows,
    else a state or province ("in Alaska": its country, no coordinates: the gazetteer has no single
    point for a region). A town of fewer than 15,000 people is taken only in a country of
    `prefer`: news that names a small town names its country too. `hinted`: the first country of
    `prefer` is named beside the place ("Paris, Texas"). `home`: the dateline's country, where a
    name means the local place."""
    landmark = _landmarks().get(_key(name))
    if landmark is not None:
        return landmark
    if not name.strip():
        return None
    name = name.rstrip(".")
    if _key(name) in _CALENDAR_WORDS or _key(name) in _not_places()[0]:
        return None  # "in March": a time; "in Congress", "the Middle East": no town
    known = lookup(name)
    found = locate(name)
    if known is not None and known[1] != "capital":
        return found  # a country by name or adjective
    homonyms = places(name)
    country = _region_country(name, prefer)
    # A city stands alone in news; a town that shares its name is qualified ("Paris, Texas"): it
    # wins only when a country or region beside it says so, or in the dateline's country.
    top = homonyms[0].population if homonyms else 0
    for position, iso3 in enumerate(prefer):
        if country == iso3 and not any(p.country == iso3 and _key(p.name) == _key(name) for p in homonyms):
            break  # a region of an article country ("in Borno"): no town of its name there wins
        place = next((p for p in homonyms if p.country == iso3), None)
        if place is not None and country == iso3 and place.population < _REGION_SEAT_MIN:
            return (name, iso3, None, None)  # "in California": the state, not a village of its name
        if place is not None:
            small_namesake = top >= 100_000 and place.population < 100_000 and place.population * 5 < top
            if small_namesake and not (hinted and position == 0) and iso3 not in home:
                continue  # "Geneva" in a story that names America is still the Swiss city
            return place.name, place.country, place.latitude, place.longitude
    if country is not None and country in prefer:
        return (name, country, *_region_point(name, country))
    # A city found only under one of its alternate names loses to a region of exactly that
    # name: "Bali" is the Indonesian island, not Bari in Italy.
    if found is not None and (country is None or _key(found[0]) == _key(name) or lookup(name)):
        return found
    return (name, country, *_region_point(name, country)) if country else None


_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


@cache
def _not_places() -> tuple[frozenset[str], frozenset[str]]:
    """(names that are never towns, words that make a run of names an organisation's name)."""
    text = resources.files("dateline.place").joinpath("not_places.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    names = frozenset(_key(name) for kind, name in rows if kind == "name")
    heads = frozenset(name.strip() for kind, name in rows if kind == "head")
    return names, heads


@cache
def _rows(kind: str) -> frozenset[str]:
    """The names of one kind in not_places.tsv, as written."""
    text = resources.files("dateline.place").joinpath("not_places.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(name.strip() for row_kind, name in rows if row_kind == kind)


@cache
def _bodies() -> frozenset[str]:
    """Landmarks that also name a body ("the Kremlin", "the United Nations"), normalised."""
    return frozenset(_key(name) for name in _rows("body"))


def _region_point(name: str, country: str) -> tuple[float | None, float | None]:
    """Coordinates for a state or province: its namesake town in that country when there is one
    ("Ghazni", "Kandahar"), else none."""
    town = next((p for p in places(name) if p.country == country), None)
    if town is None or town.population < _REGION_SEAT_MIN:
        return None, None  # a village that shares a state's name is no point for the state
    return town.latitude, town.longitude


# A town that gives a region its name and is its seat is a city ("Ghazni", "Kidal"); a smaller
# namesake is a village elsewhere in it ("California, Maryland").
_REGION_SEAT_MIN = 20_000


# What news writes right after a place to say where it is: "Kuje, Nigeria", "Kandahar city
# (Kandahar)", "Chibok in Borno state", "Gao, in northern Mali".
_BESIDE = re.compile(
    r"^(?:\s+(?:city|town|village|district|area))?\s*(?:,\s*|\(\s*|\s+in\s+)(?:in\s+)?(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)


def _beside(sentence: str, end: int, town: str | None = None) -> tuple[str, str | None] | None:
    """The country of a country or region named right after a place (`town`), if any, with the
    region's name when it is one that says where the place lies ("Kalat, Zabul province"), not
    a sentence going on ("in Gaza, Israel said")."""
    match = _BESIDE.match(sentence[end:])
    if match is None:
        return None
    words = match.group(1).split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        known = lookup(name)
        if known is not None and known[1] != "capital":
            return known[0], None
        region = _region_country(name, town=town)
        if region is not None:
            return region, name
    return None


# The capitalised word right before a name, if any.
_NAME_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w.-]*)\s+$")
# Capitalised runs of one to three words: candidate names of countries, peoples and regions.
_NAME_RUN = re.compile(r"(?<![\w-])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}")
_RUN_BREAK = re.compile(r"(?<=\.)\s+")


@lru_cache(maxsize=64)
def _named_countries(text: str) -> tuple[str, ...]:
    """The countries a text names (by name, people, capital or region), most often first."""
    counts: Counter[str] = Counter()
    # a run of capitalised words across a sentence end ("in Hyderabad. Pakistani police")
    # is two runs; "U.S." ends a run too, and still names its country
    runs = (run for match in _NAME_RUN.finditer(text) for run in _RUN_BREAK.split(match.group(0)))
    for run in runs:
        words = run.split()
        n = len(words)
        while n > 0:
            name = " ".join(words[:n]).rstrip(".,")
            known = lookup(name)
            regions = _subdivisions().get(_key(name), ()) if n > 1 or len(name) > 4 else ()
            # a region several countries have ("Punjab") does not say which one the text is about
            iso3 = known[0] if known else regions[0] if len(regions) == 1 else None
            if iso3:
                counts[iso3] += 1
            if known or regions:
                break
            n -= 1
    return tuple(iso3 for iso3, _ in counts.most_common())


def _article_countries(event: Event, article: Article) -> tuple[tuple[str, ...], frozenset[str]]:
    """The countries an event's article is about, in order of weight: the dateline's, the
    actors', then those the article names, most often first; and the dateline's country."""
    ordered: list[str] = []
    home: set[str] = set()
    if article.dateline_place:
        found = locate(article.dateline_place)
        if found is not None:
            ordered.append(found[1])
            home.add(found[1])
    for actor in (event.source, event.target):
        if actor is not None and actor.country and len(actor.country) == 3:
            ordered.append(actor.country)
    named = _named_countries(f"{article.headline or ''}\n{article.body or event.evidence}")
    ordered.extend(named)
    return tuple(dict.fromkeys(ordered)), frozenset(home)


def _candidates(
    sentence: str,
    prefer: tuple[str, ...] = (),
    home: frozenset[str] = frozenset(),
    written: dict[str, str] | None = None,
) -> list[tuple[int, _Found]]:
    """(offset, place) of every place the sentence names after a preposition, or as a landmark
    (which needs none: "The Kremlin said ..."). `written`: names the article writes with their
    country ("Santos, Colombia"), which places that name in that country."""
    found: list[tuple[int, _Found]] = []
    spans: list[tuple[int, int]] = []
    written = written or {}
    for match in _CAPITAL_OF.finditer(sentence):
        place = _capital(match.group(1))
        if place is not None:
            found.append((match.start(), place))
            spans.append(match.span())
    for match in _POSSESSED_PLACE.finditer(sentence):
        place = _possessed(match.group(1), match.group(2), home, sentence[match.end() :])
        if place is not None and not any(start <= match.start(2) < end for start, end in spans):
            found.append((match.start(2), place))
            spans.append((match.start(1), match.end(2)))
    for match in _PLACE_PHRASE.finditer(sentence):
        if any(start <= match.start(1) < end for start, end in spans):
            continue  # "the Italian capital", "Syria's Idlib": read above
        if _ORIGIN_BEFORE.search(sentence, 0, match.start() + len(match.group(0).split()[0]) + 1):
            continue  # "a professor based in Groningen": where she lives, not the act
        words = _one_sentence(match.group(1).split())
        named = _country_before(sentence, match.start(1))
        # Try the longest name first: "New York City" before "New York".
        for n in range(len(words), 0, -1):
            if n < len(words) and words[n] in _not_places()[1]:
                break  # "the Atlantic Council": an organisation, not Atlantic
            name = " ".join(words[:n])
            if n < len(words) and not _stands_before(name, words[n]):
                continue  # "Ras Baalbek" is not Ras (an alternate name of Rasht)
            known = lookup(name)
            if known is not None and known[1] == "demonym" and _TAKEN_AT_START.match(match.group(0)):
                break  # "shelled the Turkish province of Kilis": the people, not the place
            beside = _beside(sentence, match.start(1) + len(name), name) if n == len(words) else None
            hint = beside[0] if beside else written.get(_key(name)) or named
            place = _resolve(name, (hint, *prefer) if hint else prefer, hint is not None, home)
            if n < len(words) and hint is not None and (place is None or place[1] != hint):
                continue  # "the Dominican capital, San Jose X": not San Jose in Costa Rica
            if beside is not None and beside[1] is not None and place is not None and place[1] != hint:
                # "Kalat, Zabul province": the town lies in that region, whatever towns of its
                # name other countries have; the region's own point where it has one
                place = (name, beside[0], *_region_point(beside[1], beside[0]))
            elif hint is not None and hint == written.get(_key(name)) and (place is None or place[1] != hint):
                name = name.rstrip(".")
                place = (name, hint, *_region_point(name, hint))  # written with its country
            if place is not None:
                found.append((match.start(1), place))
                spans.append(match.span(1))
                break
        else:
            joined = _AND_NAME.match(sentence, match.end(1))
            whole = f"{match.group(1)}{joined.group(0)}" if joined else ""
            country = lookup(whole) if joined else None
            if joined and country is not None and country[1] == "country":
                # "the capital of Antigua and Barbuda": the country
                found.append((match.start(1), locate(whole) or (whole, country[0], None, None)))
                spans.append((match.start(1), joined.end()))
            elif _SETTLEMENT_PHRASE.search(sentence, 0, match.start(1)):
                place = _unknown_settlement(" ".join(words), (named, *prefer) if named else prefer)
                if place is not None:
                    found.append((match.start(1), place))
                    spans.append(match.span(1))
    for match in _MEETING_NAMED_FOR_PLACE.finditer(sentence):
        name = match.group(1)
        if name.split()[-1] in _not_places()[1] or _inside_a_longer_name(sentence, match.start()):
            continue  # "a National Security Council meeting": a body's meeting
        # Only a city or a region: "the Iran talks" are about Iran, seldom held there.
        known = lookup(name)
        if known is None or known[1] == "capital":
            place = _resolve(name, prefer, home=home)
            if place is not None and not any(start <= match.start() < end for start, end in spans):
                found.append((match.start(1), place))
                spans.append(match.span(1))
    for match in _landmark_pattern().finditer(sentence):
        # A landmark's name inside a longer name is not the landmark ("National Security Council").
        if _inside_a_longer_name(sentence, match.start()):
            continue
        if _key(match.group(0)) in _bodies() and _PARTY_BEFORE.search(sentence, 0, match.start()):
            continue  # "a deal with the United Nations": a party, not the venue
        if not any(start <= match.start() < end for start, end in spans):
            found.append((match.start(), _landmarks()[_key(match.group(0))]))
    return sorted(found, key=lambda item: item[0])


def _one_sentence(words: list[str]) -> list[str]:
    """A run of capitalised words cut after a sentence's last word ("Santos. In addition"); an
    abbreviation or initials ("U.S.", "St.") do not end a sentence."""
    for k, word in enumerate(words[:-1]):
        if word.endswith(".") and "." not in word[:-1] and len(word) > 4:
            return words[: k + 1]
    return words


def _country_before(sentence: str, start: int) -> str | None:
    """The country named right before the word that introduces a place ("the Syrian town of")."""
    match = _COUNTRY_BEFORE.search(sentence, 0, start)
    if match is None:
        return None
    words = match.group(1).split()
    for n in (len(words), 1) if len(words) > 1 else (1,):
        known = lookup(" ".join(words[-n:]))
        if known is not None and known[1] != "capital":
            return known[0]
    return None


def _stands_before(name: str, following: str) -> bool:
    """Whether `name` is a place of its own before the capitalised word `following` in one run:
    before a word such as "Province" or a weekday, or when it is a country, capital, landmark or
    region, not a word that opens a longer name the gazetteer lacks ("Ras Baalbek" is not Ras,
    an alternate name of Rasht; "Beni Khair" is not Beni in Congo)."""
    if following in _rows("follower") or _key(following) in _CALENDAR_WORDS:
        return True
    return lookup(name) is not None or _key(name) in _landmarks() or _key(name) in _subdivisions()


def _unknown_settlement(run: str, prefer: tuple[str, ...]) -> _Found | None:
    """A town the gazetteer does not know, introduced as one ("the village of Beni Khair"): its
    name in the article's first country, without coordinates; none when no country is known."""
    name = run.strip().rstrip(".")
    if (
        not prefer
        or len(name) < 3
        or _key(name) in _CALENDAR_WORDS
        or _key(name) in _not_places()[0]
        or lookup(name)
    ):
        return None
    return name, prefer[0], None, None


def _possessed(owner: str, run: str, home: frozenset[str], rest: str) -> _Found | None:
    """The place in "Syria's Idlib province": the run resolved in the owner's country, a region
    of it, or (before a word such as "province") the name itself in that country."""
    known = lookup(owner)
    if known is None or known[1] != "country":
        return None
    iso3 = known[0]
    words = run.split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if n < len(words) and words[n] not in _rows("follower"):
            continue
        place = _resolve(name, (iso3,), True, home)
        if place is not None and place[1] == iso3:
            return place
    head = rest.split()[0].casefold() if rest.split() else ""
    if len(words) == 1 and head in {"province", "state", "region", "district", "governorate", "county"}:
        return (words[0], iso3, *_region_point(words[0], iso3))
    return None


def _capital(owner: str) -> _Found | None:
    """The capital city of the country a name or demonym stands for ("the Afghan capital")."""
    known = lookup(owner)
    if known is None or known[1] == "capital":
        return None
    city = capital_of(known[0])
    if city is None:
        return None
    located = locate(city)
    if located is None or located[1] != known[0]:
        return None
    return located


@lru_cache(maxsize=64)
def _written_with_country(text: str) -> dict[str, str]:
    """Names an article writes with their country right after them ("Santos, Colombia --"),
    normalised name -> ISO3."""
    table: dict[str, str] = {}
    for match in _WITH_COUNTRY.finditer(text):
        known = lookup(match.group(2))
        name = match.group(1)
        if known is None or known[1] == "capital" or lookup(name) is not None:
            continue
        words = name.split()
        if words[0] in {"In", "At", "Near", "From"}:
            words = words[1:]  # a sentence's opening preposition: "In Santos, Colombia, ..."
        if words:
            table.setdefault(_key(" ".join(words)), known[0])
    return table


def _inside_a_longer_name(sentence: str, start: int) -> bool:
    """Whether a capitalised word other than a country's name or the sentence's first word comes
    right before `start` ("National Security Council")."""
    before = _NAME_BEFORE.search(sentence[:start])
    return before is not None and before.start() > 0 and lookup(before.group(1)) is None


def _clause_of(position: int, starts: list[int]) -> int:
    return sum(1 for start in starts if start <= position) - 1


def place_event(event: Event, article: Article) -> Event:
    """Give an event a place with country and coordinates, when the text says one.

    The place named in the trigger's clause wins, then one in a country the article is about,
    then the one nearest the trigger in the sentence; with none, the article's dateline. A name
    that several places share is the one in a country named beside it ("Kuje, Nigeria", "in
    Ghazni province"), else in the dateline's, the actors' or the article's countries, else the
    most populous.

    An act on the ground (an assault, coercion, protest or mobilisation) whose sentence names no
    place goes on where the sentence before it was ("Gunmen stormed a village near Kidal. They
    burned the market."), when its actors are of that place's country or of none.
    """
    prefer, home = _article_countries(event, article)
    written = _written_with_country(f"{article.headline or ''}\n{article.body or event.evidence}")
    candidates = _candidates(event.evidence, prefer, home, written)
    if candidates:
        trigger = event.trigger_start - event.sentence_start
        starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(event.evidence)]
        here = _clause_of(trigger, starts)
        _, best = min(
            candidates,
            key=lambda item: (
                _clause_of(item[0], starts) != here,
                item[1][1] not in prefer,  # a place in a country the article is not about
                abs(item[0] - trigger),
            ),
        )
        return _with_place(event, best)
    carried = _carried_place(event, article, prefer, home, written)
    if carried is not None:
        return _with_place(event, carried)
    if article.dateline_place:
        found = locate(article.dateline_place)
        if found is not None:
            return _with_place(event, found)
        return replace(event, place=article.dateline_place)
    return event


# Acts done on the ground, which a report tells in sequence at one place (PLOVER types).
_PHYSICAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
# How far back a place carries: the sentence or two before the event's.
_CARRY_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“‘'])")


def _carried_place(
    event: Event, article: Article, prefer: tuple[str, ...], home: frozenset[str], written: dict[str, str]
) -> _Found | None:
    """The last place named in the sentence or two before the event's, if the event's actors
    belong to its country or to none."""
    if event.type not in _PHYSICAL:
        return None  # a statement, demand or accord is made elsewhere than what it is about
    body = article.body or ""
    start = event.sentence_start
    if not body or not body.startswith(event.evidence[:40], start):
        return None  # a headline's event, or offsets that are not the body's
    window = body[max(0, start - _CARRY_CHARS) : start]
    if start > _CARRY_CHARS:
        first = _SENTENCE_END.search(window)
        window = window[first.end() :] if first else ""
    candidates = _candidates(window, prefer, home, written)
    if not candidates:
        return None
    found = candidates[-1][1]
    countries = {a.country for a in (event.source, event.target) if a is not None and a.country}
    if countries and found[1] not in countries:
        return None
    return found


def _with_place(event: Event, found: _Found) -> Event:
    name, country, lat, lon = found
    return replace(event, place=name, place_country=country, latitude=lat, longitude=lon)
