"""The country gazetteer: names, short forms, demonyms and capitals -> ISO3."""

from __future__ import annotations

import pytest

from dateline.place import country_code, locate


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("United States", "USA"),
        ("America", "USA"),
        ("S. Korea", "KOR"),
        ("South Korea", "KOR"),
        ("ROK", "KOR"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("South Korean", "KOR"),
        ("Japanese", "JPN"),
        ("Chinese", "CHN"),
        ("Russian", "RUS"),
        ("Ukrainian", "UKR"),
        ("Nigerian", "NGA"),
        ("Niger's", "NER"),
        ("Seoul", "KOR"),
        ("Tokyo", "JPN"),
        ("Washington", "USA"),
        ("Pyongyang", "PRK"),
        ("Beijing", "CHN"),
        ("Moscow", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Tehran", "IRN"),
        ("Jerusalem", "ISR"),
        ("Palestinians", "PSE"),
        ("Iraqis", "IRQ"),
        ("Bhutan", "BTN"),
        ("Korea, Republic of", "KOR"),
        ("the Netherlands", "NLD"),
        ("Côte d'Ivoire", "CIV"),
    ],
)
def test_country_code_knows_names_demonyms_and_capitals(name: str, iso3: str) -> None:
    assert country_code(name) == iso3


@pytest.mark.parametrize("word", ["us", "Foreign", "Asian", "Minister", ""])
def test_country_code_rejects_words_that_are_not_countries(word: str) -> None:
    assert country_code(word) is None


def test_locate_gives_coordinates_for_cities_and_countries() -> None:
    seoul = locate("Seoul")
    assert seoul is not None and seoul[1] == "KOR" and 37 < seoul[2] < 38
    basra = locate("Basra")  # found under a geonames alternate name
    assert basra is not None and basra[1] == "IRQ"
    japan = locate("Japan")  # a country gives its capital's point
    assert japan is not None and japan[0] == "Japan" and japan[1] == "JPN"
    assert locate("Nowhereville") is None


def test_east_timor_and_its_capital() -> None:
    assert country_code("East Timor") == "TLS" and country_code("East Timorese") == "TLS"
    dili = locate("Dili")
    assert dili is not None and dili[1] == "TLS"


def test_bare_congo_is_the_democratic_republic_as_news_writes_it() -> None:
    assert country_code("Congolese") == country_code("Congo") == country_code("DR Congo") == "COD"
    assert country_code("Republic of Congo") == country_code("Congo-Brazzaville") == "COG"
    assert country_code("Brazzaville") == "COG" and country_code("Kinshasa") == "COD"


def test_east_jerusalem_is_palestinian_territory_and_jerusalem_israel_s_seat() -> None:
    assert country_code("East Jerusalem") == "PSE"
    assert country_code("Jerusalem") == "ISR"
