"""Groups no name identifies: crowds that protest, workers who strike, armies that clash."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def test_a_bare_crowd_that_protests_is_the_civilians_of_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _events(nlp, "Thousands took to the streets in Brussels on Saturday.")
    events = [e for e in found if e.type == "PROTEST"]
    assert events and events[0].source.sector == "CVL" and events[0].source.country == "BEL"
    # a crowd word is no actor of anything but a protest
    assert not _events(nlp, "Thousands visited the museum in Brussels on Saturday.")


def test_people_who_work_strike_by_stopping_work(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Teachers in Ghana have been striking since Monday to demand higher pay.")
    assert any(e.type == "PROTEST" and e.cameo == "143" for e in events)
    assert not any(e.type == "ASSAULT" for e in events)
    walkout = _events(nlp, "Workers in Quebec walked off the job on Monday over pensions.")
    assert any(e.type == "PROTEST" and e.cameo == "143" and e.source.sector == "LAB" for e in walkout)
    # an armed force that strikes a place attacks it
    air = _events(nlp, "Israeli warplanes struck targets in Gaza overnight.")
    assert any(e.type == "ASSAULT" for e in air)


def test_fighting_between_two_sides_is_one_against_the_other(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Fighting broke out between rebels and government troops near Goma.")
    assert any(
        e.type == "ASSAULT" and e.source.sector == "REB" and e.target is not None and e.target.sector == "MIL"
        for e in events
    )


def test_a_protest_that_breaks_out_is_the_crowd_s_act(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "A massive riot broke out in Kathmandu on Wednesday.")
    assert any(e.type == "PROTEST" and e.source.sector == "CVL" and e.source.country == "NPL" for e in events)
    # a protest that only sets the scene of another act is not coded on its own
    scene = _events(nlp, "Police detained dozens of demonstrators in Yerevan as protests continued.")
    assert not any(e.type == "PROTEST" for e in scene)


def test_a_count_of_protesters_who_fight_riot(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Thousands of protesters stormed the parliament building in Colombo.")
    assert any(e.type == "PROTEST" and e.cameo == "145" for e in events)
    assert not any(e.type == "ASSAULT" for e in events)


def test_a_crowd_that_gathers_with_an_aim_against_someone_demonstrates(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Around 200 residents gathered outside the governor's office in Kisumu to demand the release of"
        " activists.",
        "Hundreds gathered outside parliament in Nairobi against the new finance law.",
    ):
        assert any(e.type == "PROTEST" and e.cameo == "141" for e in _events(nlp, text)), text
    # a gathering without such an aim is no act
    assert not _events(nlp, "Families gathered in Nairobi for the festival.")


def test_police_who_disperse_a_crowd_repress_it(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Police dispersed protesters with tear gas in Conakry.",
        "Protesters were dispersed by police using tear gas in Conakry.",
    ):
        events = [e for e in _events(nlp, text) if e.type == "ASSAULT" and e.cameo == "175"]
        assert events and events[0].source.sector == "COP", text
        assert events[0].target is not None and events[0].target.sector == "CVL", text


def test_a_work_stoppage_is_a_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Transport workers held a work stoppage in Santiago.")
    assert any(e.type == "PROTEST" and e.cameo == "143" and e.source.sector == "LAB" for e in events)


def test_a_bare_strike_keeps_the_sense_the_article_gives_strikes(nlp) -> None:  # type: ignore[no-untyped-def]
    # an article of air strikes: "the strikes" later in it are attacks, not walkouts
    raids = _events(
        nlp,
        "American and French jets carried out air strikes on army depots near Homs on Saturday."
        " Officials in Damascus said the strikes destroyed two hangars.",
    )
    assert not any(e.type == "PROTEST" for e in raids)
    # an article of a walkout: the same words are a strike of workers
    walkout = _events(
        nlp,
        "Dock workers in Rotterdam began a general strike on Monday over pay."
        " Union leaders said the strikes would go on until Friday.",
    )
    assert not any(e.type == "ASSAULT" for e in walkout)


def test_a_strike_people_are_killed_in_is_no_walkout(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Nine villagers were killed in strikes on Tuesday, a monitoring group said.")
    assert not any(e.type == "PROTEST" for e in events)


def test_a_strike_that_kills_or_of_a_state_is_force_not_a_walkout(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Israel's strikes killed 10 people in Gaza on Tuesday.",
        "Israeli strikes hit a school in Rafah.",
    ):
        events = _events(nlp, text)
        assert any(e.type == "ASSAULT" for e in events), text
        assert not any(e.type == "PROTEST" for e in events), text
    # a strike of people who work, or of their trade, stays a stoppage of work
    rail = _events(nlp, "A rail strike by French workers paralysed Paris on Monday.")
    assert any(e.type == "PROTEST" and e.cameo == "143" for e in rail)
    unions = _events(nlp, "Nigeria's unions began a general strike on Monday.")
    assert any(e.type == "PROTEST" and e.cameo == "143" for e in unions)
