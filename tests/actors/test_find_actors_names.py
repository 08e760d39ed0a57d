"""Actor names the tagger misreads: officeholders by surname, acronyms, demonym pairs."""

from __future__ import annotations

from dateline.actors import ArticleActors, find_actors
from dateline.actors.country_names import lookup
from dateline.model import Article


def _actors(nlp, body: str) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))


def _codes(actors: ArticleActors) -> dict[str, str]:
    return {m.text: m.actor.code for m in actors.mentions}


def test_an_officeholder_surname_alone_is_the_officeholder(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actors(nlp, "Trump has suspended military aid to Pakistan.")
    assert _codes(found)["Trump"] == "USA GOV"
    assert next(m.actor.name for m in found.mentions if m.text == "Trump") == "Donald Trump"


def test_an_acronym_is_a_name_whatever_its_tag(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _codes(_actors(nlp, "USAID provided shelter materials to Haiti."))["USAID"] == "USA GOV"


def test_a_people_of_one_country_living_in_another(nlp) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(_actors(nlp, "Bosnian Serbs demanded a truce with Moslem forces in east Bosnia."))
    assert codes["Bosnian Serbs"] == "BIH"


def test_a_language_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(_actors(nlp, "The court cancelled restrictions on the use of the Russian language."))
    assert not any("language" in text for text in codes)


def test_a_misspelt_country_name_is_still_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(_actors(nlp, "Pakistan rejected a fresh offer from Afganistan for direct talks."))
    assert codes["Afganistan"] == "AFG"
    # a name that is merely near to a country, or short, is not guessed
    codes = _codes(_actors(nlp, "Minister Gordon Brown met Jordan's King Abdullah in Amman."))
    assert "Gordon" not in {k for k, v in codes.items() if v.startswith("JOR")}


def test_a_country_name_with_two_letters_swapped_is_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(_actors(nlp, "Trump says that the UAE and Isreal have agreed to normalize relations."))
    assert codes["Isreal"].startswith("ISR")
    assert lookup("Kuwiat") == ("KWT", "country")
    # a swap that leaves the first letter, or a word of five letters, is no guess
    assert lookup("Sirael") is None and lookup("Itlay") is None


def test_an_unknown_name_that_acts_or_is_acted_on_is_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actors(nlp, "Pltavchenko cancelled a planned visit to the city.")
    assert [m.actor.name for m in found.mentions] == ["Pltavchenko"]
    found = _actors(nlp, "The president has accused Gulen of plotting against the state.")
    assert "Gulen" in {m.actor.name for m in found.mentions}
    # an unknown name that is neither doer nor undergoer is no actor
    assert not _actors(nlp, "The report was written in Qalbeya.").mentions


def test_an_officeholder_takes_the_office_held_on_the_articles_day(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Ursula von der Leyen met the prime minister in Brussels."

    def coded(date: str) -> str:
        doc = nlp(body)
        article = Article(doc_id="t", position=0, start=0, end=len(body), body=body, date=date)
        return next(m.actor.code for m in find_actors(doc, article).mentions if "Leyen" in m.text)

    assert coded("2016-05-01") == "DEU MIL"  # Germany's defence minister then
    assert coded("2023-05-01").endswith("IGO")  # President of the European Commission then


def test_a_lower_case_particle_is_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    names = {
        m.actor.name for m in _actors(nlp, "Osama bin Laden's network threatened the United States.").mentions
    }
    assert "Osama bin Laden" in names
    body = "Iraqi judges issued an arrest warrant for the former governor, Nawfal al-Akoub."
    assert "Nawfal al-Akoub" in {m.actor.name for m in _actors(nlp, body).mentions}


def test_an_organisation_keeps_its_own_title_words(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The Federal Foreign Office has provided 28 million euros to Yemen."
    assert "Federal Foreign Office" in {m.actor.name for m in _actors(nlp, body).mentions}
