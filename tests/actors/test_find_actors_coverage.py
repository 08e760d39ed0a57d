"""An actor's country from its own mention, its title or the tables, never from a neighbour:
officeholders named by one word, bodies a role acts for, regions, and one id per entity."""

from __future__ import annotations

import datetime as dt

from dateline.actors import ArticleActors, find_actors
from dateline.actors.country_names import region_country
from dateline.actors.incumbents import held_office, holder_by_word
from dateline.actors.officeholders import offices
from dateline.model import Actor, Article
from dateline.place.countries import country_name


def _actors(nlp, body: str, date: str | None = None) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body, date=date))


def _by_text(actors: ArticleActors) -> dict[str, Actor]:
    return {m.text: m.actor for m in actors.mentions}


def test_every_officeholder_row_is_well_formed() -> None:
    terms = offices()
    assert len(terms) > 600
    for term in terms:
        assert term.country is None or country_name(term.country), term
        assert term.sector in {"GOV", "MIL", "SPY", "REB", "IGO", "JUD", "LEG"}, term
        assert term.end is None or term.start < term.end, term
        assert dt.date(1940, 1, 1) < term.start < dt.date(2027, 1, 1), term


def test_an_officeholder_named_by_a_one_word_alias(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(_actors(nlp, "Abiy rejected the offer from Eritrea."))
    assert (found["Abiy"].name, found["Abiy"].code) == ("Abiy Ahmed", "ETH GOV")


def test_a_surname_of_several_officeholders_of_one_country_gives_that_country(nlp) -> None:  # type: ignore[no-untyped-def]
    assert holder_by_word("Bush") == (None, ("Bush", "USA", "GOV", ""))
    # on a date, the one in office then
    assert holder_by_word("Bush", "1990-06-01") is not None
    assert holder_by_word("Bush", "1990-06-01")[0] == "George H. W. Bush"  # type: ignore[index]
    found = _by_text(_actors(nlp, "Bush met Yeltsin in Moscow."))
    assert found["Bush"].code == "USA GOV"
    assert found["Yeltsin"].name == "Boris Yeltsin"


def test_a_common_surname_alone_is_no_officeholder(nlp) -> None:  # type: ignore[no-untyped-def]
    assert holder_by_word("Fox") is None
    assert holder_by_word("Ahmed") is None
    assert held_office("Vicente Fox") == ("Vicente Fox", "MEX", "GOV", "President")


def test_a_title_word_the_run_kept_does_not_hide_the_officeholder() -> None:
    assert held_office("Reconciliation Zalmay Khalilzad") is not None
    assert held_office("Reconciliation Zalmay Khalilzad")[1] == "USA"  # type: ignore[index]
    assert held_office("Jane Doe Smith") is None


def test_an_attorney_general_is_no_neighbours_country(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(_actors(nlp, "Attorney General Merrick Garland charged three Russian hackers."))
    assert found["Attorney General Merrick Garland"].code == "USA GOV"


def test_people_who_act_for_a_body_are_of_that_body(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(_actors(nlp, "Leaders of the G7 condemned Russia."))
    assert found["Leaders of the G7"].code == "IGO"
    found = _by_text(_actors(nlp, "Officials of Hamas rejected the Egyptian plan."))
    assert found["Officials of Hamas"].code == "PSE REB"


def test_a_titled_surname_inside_a_body_is_the_officeholder(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(_actors(nlp, "UN Secretary General Guterres urged Israel to stop."))
    actor = found["UN Secretary General Guterres"]
    assert (actor.name, actor.code) == ("Antonio Guterres", "IGO")


def test_a_region_gives_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    assert region_country("Darfur") == "SDN"
    assert region_country("Uttar Pradesh") == "IND"
    assert region_country("North") is None  # a region of Cameroon by ISO, of no one country in news
    found = _by_text(_actors(nlp, "Uttar Pradesh Chief Minister Yogi Adityanath criticised the opposition."))
    assert found["Uttar Pradesh Chief Minister Yogi Adityanath"].code == "IND GOV"


def test_a_country_of_several_words_inside_a_body_name(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(_actors(nlp, "The United States Government rejected the claim."))
    assert found["The United States Government"].code == "USA GOV"


def test_what_a_person_is_known_as_is_no_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Billionaire Roman Abramovich met Ukrainian negotiators."
    names = {m.actor.name for m in _actors(nlp, body).mentions}
    assert "Roman Abramovich" in names
    found = _by_text(_actors(nlp, "PM Narendra Modi met the Japanese envoy."))
    assert (found["PM Narendra Modi"].name, found["PM Narendra Modi"].code) == ("Narendra Modi", "IND GOV")


def test_an_acronym_with_or_without_dots_is_one_actor() -> None:
    assert Actor("U.N.", None, "IGO").id == Actor("UN", None, "IGO").id
    assert Actor("U.S. troops", "USA", "MIL").id == Actor("US troops", "USA", "MIL").id
    assert Actor("George H. W. Bush", "USA", "GOV").id != Actor("George W. Bush", "USA", "GOV").id


def test_an_outlet_is_of_its_own_country_and_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(_actors(nlp, "The New York Times reported that Biden met Zelensky."))
    actor = found["The New York Times"]
    assert (actor.name, actor.code) == ("New York Times", "USA MED")
    found = _by_text(_actors(nlp, "The Xinhua news agency said Chinese troops left."))
    assert found["The Xinhua news agency"].code == "CHN MED"


def test_a_demonym_read_as_a_person_is_still_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "A first patch of Bangladeshi peacekeeping troops arrived in Sierra Leone Tuesday."
    found = _by_text(_actors(nlp, body))
    assert found["patch of Bangladeshi peacekeeping troops"].code == "BGD MIL"
    body = "Georgian President Eduard Shevardnadze met Russian officials."
    assert _by_text(_actors(nlp, body))["Georgian President Eduard Shevardnadze"].code == "GEO GOV"


def test_a_region_has_its_country_whatever_the_tagger_calls_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Azerbaijan retook Nagorno-Karabakh in 2023. Nagorno-Karabakh was emptied of Armenians."
    karabakh = {m.actor.id for m in _actors(nlp, body).mentions if m.actor.name == "Nagorno-Karabakh"}
    assert karabakh == {Actor("Nagorno-Karabakh", "AZE").id}
