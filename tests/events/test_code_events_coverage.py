"""Kinds of events news reports that the lexicon must know: resignations, riots, strikes,
martial law, cyber attacks, censorship, custody, pardons, debt relief, patrols, warships,
quitting talks, resumed ties and joint ventures (PLOVER manual and CAMEO codebook)."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def _kinds(events: list[Event]) -> set[tuple[str, str]]:
    return {(e.type, e.cameo) for e in events}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # phrasal verbs: resigning, cracking down, pulling back
        ("Japan's prime minister Noda stepped down on Monday.", ("RETREAT", "080")),
        ("China cracked down on Uighur activists in Xinjiang.", ("COERCE", "170")),
        ("The Malian rebels pulled back from the town of Kidal.", ("RETREAT", "087")),
        # protest idioms and the violence of crowds
        ("Thousands of Egyptians took to the streets of Cairo on Friday.", ("PROTEST", "141")),
        ("Palestinian protesters clashed with Israeli police in Jerusalem.", ("PROTEST", "145")),
        ("A police station in Beirut was set on fire by Lebanese demonstrators.", ("PROTEST", "145")),
        ("Serbian protesters blocked a bridge in Belgrade.", ("PROTEST", "144")),
        ("Ukrainian workers launched a general strike against the government.", ("PROTEST", "143")),
        # state coercion
        ("The Thai army declared martial law in Bangkok on Tuesday.", ("COERCE", "1724")),
        ("Russian hackers launched a cyber attack on Estonia's government.", ("COERCE", "170")),
        ("North Korea launched cyber warfare against South Korea's banks.", ("COERCE", "170")),
        ("The Iranian government closed two reformist newspapers.", ("COERCE", "1721")),
        ("Turkish police took 20 Kurdish activists into custody.", ("COERCE", "173")),
        # concessions, aid, mobilisation, reduced and improved relations
        ("Paraguayan President Cartes pardoned 200 prisoners on Thursday.", ("CONCEDE", "080")),
        ("The IMF forgave Haiti's debt on Friday.", ("AID", "071")),
        ("The US Navy sent two warships to the Persian Gulf.", ("MOBILIZE", "154")),
        ("The Taliban pulled out of the talks with the Afghan government.", ("SANCTION", "164")),
        ("Brazil and Tanzania resumed diplomatic relations this week.", ("SUPPORT", "054")),
        ("Toyota created a joint venture with China's FAW.", ("COOPERATE", "061")),
        ("Dutch prosecutors shared evidence with Belgium about the smuggling ring.", ("COOPERATE", "064")),
        ("A Moscow court found Navalny guilty of fraud.", ("ACCUSE", "116")),
    ],
)
def test_kinds_of_events_news_reports(nlp, body: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in _kinds(_events(nlp, body))


def test_a_closed_newspaper_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Afghanistan has banned all Pakistani newspapers.")
    assert [(e.type, e.cameo, e.source.country) for e in events] == [("COERCE", "1721", "AFG")]
    assert events[0].target is not None and "newspapers" in events[0].target.name


def test_a_vow_of_force_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    assert {e.type for e in _events(nlp, "Brazilian prosecutors promised to arrest the corrupt mayors.")} == {
        "THREATEN"
    }
    # ... while a pledge of help stays an agreement
    assert {e.type for e in _events(nlp, "Japan pledged to provide aid to Haiti.")} == {"AGREE"}


def test_burning_things_while_rioting_is_the_riot(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Palestinian prisoners rioted at a jail in Israel, setting fire to their mattresses."
    )
    assert {e.type for e in events} == {"PROTEST"}


def test_a_strike_or_attack_in_another_sense_is_not_changed(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("ASSAULT", "190") in _kinds(
        _events(nlp, "Israeli jets launched an attack on Hamas positions in Gaza.")
    )
    # a hunger strike is a protest, an air strike an assault
    assert ("PROTEST", "142") in _kinds(
        _events(nlp, "Kurdish activists went on hunger strike in Diyarbakir.")
    )


def test_leaving_talks_names_no_event_for_vague_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    # "emerged from talks" is no event: "from" nouns count only with the verbs listed for them
    assert _events(nlp, "The Iranian negotiators emerged from the talks with the EU late on Monday.") == []
