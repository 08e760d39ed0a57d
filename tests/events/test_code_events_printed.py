"""What an analyst reads: the kinds of wrong event that hand-judged samples of real news
pages showed most (issue 14), each beside a close sentence coded right, so a rule cannot
pass by coding nothing. Venues, topics, media and one's own partner are no targets; a
reporter is no party; "the two countries" are the pair named together before."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def _dyads(nlp, body: str) -> set[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return {
        (e.type, e.source.country, e.target.country if e.target is not None else None)
        for e in _events(nlp, body)
    }


def _target_names(nlp, body: str) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {e.target.name if e.target is not None else None for e in _events(nlp, body)}


def test_the_place_of_talks_or_an_agreement_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _dyads(
        nlp, "Ethiopia's government and Tigrayan forces agreed to end fighting after talks in South Africa."
    )
    assert found and all(target != "ZAF" for _, _, target in found)
    hailed = _dyads(
        nlp, "Turkish Foreign Minister Mevlut Cavusoglu hailed the Russia-Ukraine peace talks in Istanbul."
    )
    assert hailed and all(target != "TUR" for _, _, target in hailed)
    # the place of what is denounced names the state it concerns, and stays the target
    assert ("ACCUSE", None, "VEN") in {
        (k, None, t)
        for k, _, t in _dyads(
            nlp, "Amnesty International denounced the detentions of journalists in Venezuela."
        )
    }


def test_a_building_where_leaders_meet_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    names = _target_names(nlp, "Swiss President Guy Parmelin received Joe Biden at Villa La Grange.")
    assert "Villa La Grange" not in names
    assert "Joe Biden" in names


def test_talks_held_between_two_parties_are_theirs_not_the_venue_s(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _dyads(nlp, "Peace talks between Russia and Ukraine were held in Istanbul on Tuesday.")
    assert ("CONSULT", "RUS", "UKR") in found
    assert all(source != "TUR" for _, source, _ in found)


def test_an_owner_is_the_target_not_the_name_on_the_thing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("AGREE", "TUR", "SWE") in _dyads(
        nlp, "President Recep Tayyip Erdogan agreed to back Sweden's NATO bid."
    )
    assert _target_names(nlp, "Sweden pledged to support Turkey's EU accession process.") == {"Turkey"}


def test_what_an_act_has_in_mind_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    in_mind = _dyads(
        nlp, "Japan and South Korea agreed to strengthen their alliance with North Korea in mind."
    )
    assert in_mind and all(target != "PRK" for _, _, target in in_mind)
    assert ("AGREE", "JPN", "PRK") in _dyads(nlp, "Japan agreed to resume talks with North Korea.")


def test_two_speakers_praise_a_third_not_each_other(nlp) -> None:  # type: ignore[no-untyped-def]
    welcomed = _dyads(
        nlp, "Saudi Arabia and the United States welcomed the talks between the Sudanese army and the RSF."
    )
    assert not {("SUPPORT", "SAU", "USA"), ("SUPPORT", "USA", "SAU")} & welcomed
    # signing is done together: each side signs with the other
    signed = _dyads(nlp, "Saudi Arabia and the United States signed a defence agreement.")
    assert {("SUPPORT", "SAU", "USA"), ("SUPPORT", "USA", "SAU")} & signed


def test_the_one_who_announces_an_agreement_is_no_party_to_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Kosovo and Serbia agreed on the plan after talks on Saturday, EU envoy Josep Borrell announced."
    found = _dyads(nlp, body)
    assert ("AGREE", "XKX", "SRB") in found or ("AGREE", "SRB", "XKX") in found
    assert "Josep Borrell" not in _target_names(nlp, body)


def test_both_sides_are_the_parties_not_the_mediator_or_the_venue(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Serbia and Kosovo met with EU envoy Josep Borrell in Ohrid. "
        "The two sides had agreed the deal last month."
    )
    agreed = {(s, t) for k, s, t in _dyads(nlp, body) if k == "AGREE"}
    assert agreed and agreed <= {("SRB", "XKX"), ("XKX", "SRB")}


def test_the_channel_an_act_is_reported_through_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "In footage aired by Iranian media, Wang Yi congratulated Saudi Arabia on the deal."
    names = _target_names(nlp, body)
    assert "Iranian media" not in names
    assert "Saudi Arabia" in names


def test_the_two_countries_are_the_pair_named_together_before(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Iran and Saudi Arabia agreed to restore ties on Friday. "
        "China's top diplomat Wang Yi praised the deal in Beijing. "
        "The two countries agreed to reopen embassies within two months."
    )
    events = _events(nlp, body)
    last = {
        (e.source.country, e.target.country if e.target else None) for e in events if e.sentence_start > 100
    }
    assert last and last <= {("IRN", "SAU"), ("SAU", "IRN")}
    # the capital where the deal was praised is where, not whom
    assert "Beijing" not in {e.target.name for e in events if e.target is not None}


def test_two_leaders_who_agree_that_agree_with_each_other(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Joe Biden met Vladimir Putin in Geneva. The two leaders agreed to resume talks on arms control."
    agreed = {
        (e.source.country, e.target.country if e.target else None)
        for e in _events(nlp, body)
        if e.type == "AGREE"
    }
    assert ("USA", "RUS") in agreed or ("RUS", "USA") in agreed


def test_what_is_discussed_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Erdogan discussed Libya with U.S. President Donald Trump in a phone call."
    assert ("CONSULT", "TUR", "USA") in _dyads(nlp, body)
    assert "Libya" not in _target_names(nlp, body)
    assert "Ukraine" not in _target_names(nlp, "Blinken held talks on Ukraine with Wang Yi in Munich.")
