"""Coercion and mobilisation news reports in words the verb lexicon alone misses: cyber
attacks told by what they did, police raids, armed men called up (PLOVER COERCE, MOBILIZE)."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def _types(nlp, body: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in _events(nlp, body)}


@pytest.mark.parametrize(
    "text",
    [
        "A cyber attack crippled a major power plant in eastern Syria on Monday.",
        "Hackers breached Rwanda's Defense Ministry network on Monday.",
        "A French nuclear power plant was hit by a cyber attack on Wednesday.",
        "Hackers attacked the website of the Kenyan interior ministry on Monday.",
    ],
)
def test_a_cyber_attack_told_by_what_it_did_is_coercion(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    types = _types(nlp, text)
    assert "COERCE" in types and "ASSAULT" not in types, text


@pytest.mark.parametrize(
    "text",
    [
        "The army hit rebel positions in Idlib on Monday.",
        "Gunmen attacked a police station in Kano on Monday.",
    ],
)
def test_an_armed_attack_stays_an_assault(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    types = _types(nlp, text)
    assert "ASSAULT" in types and "COERCE" not in types, text


def test_a_police_raid_is_coercion_and_a_troops_raid_an_assault(nlp) -> None:  # type: ignore[no-untyped-def]
    police = _events(nlp, "Kenyan police carried out raids on opposition offices in Nairobi on Monday.")
    assert [e.type for e in police if "raid" in e.trigger] == ["COERCE"]
    troops = _events(nlp, "Israeli troops carried out a raid on the Jenin camp.")
    assert [e.type for e in troops if "raid" in e.trigger] == ["ASSAULT"]


def test_armed_men_called_up_are_mobilised(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" in _types(nlp, "The Serbian army on Wednesday called up 5,000 reservists.")
    # a call for troops asks for them; a call to a leader is a phone call
    assert "MOBILIZE" not in _types(nlp, "Mali's president called for more UN troops on Monday.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Montserrat on Friday expelled a human rights activist.", "COERCE"),
        ("A British journalist was expelled from Zimbabwe on Tuesday.", "COERCE"),
        # envoys and agencies sent away cut relations (CAMEO 166)
        ("Russia expelled two British diplomats on Monday.", "SANCTION"),
        ("Kenya expelled the Chinese ambassador.", "SANCTION"),
        ("Ethiopia expelled UN peacekeepers on Monday.", "SANCTION"),
    ],
)
def test_an_individual_expelled_is_deported(nlp, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in _events(nlp, text) if e.trigger.startswith("expel")] == [kind], text


def test_counted_soldiers_moved_are_mobilised(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" in _types(
        nlp, "The U.S. military has begun moving dozens of soldiers into South Korea."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The opposition leader was placed under house arrest on Sunday.",
        "Police put the activists in detention on Sunday.",
        "Police rounded up dozens of opposition supporters in Lusaka.",
        "The government imposed a media blackout in tribal areas on Monday.",
    ],
)
def test_arrests_and_restrictions_in_other_words_are_coercion(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "COERCE" in _types(nlp, text), text


def test_rounding_up_support_is_no_arrest(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "COERCE" not in _types(nlp, "The campaign rounded up support from donors.")


def test_the_state_of_a_state_of_emergency_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = [
        e for e in _events(nlp, "Ethiopia declared a state of emergency on Monday.") if e.type == "COERCE"
    ]
    assert events and events[0].source.country == "ETH"
    assert events[0].target is None or events[0].target.name.casefold() != "state"


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired an intercontinental ballistic missile toward the East Sea on Friday.",
        "Pyongyang launched a short-range ballistic missile into the sea on Thursday.",
        "Iran tested a new medium-range missile on Saturday.",
    ],
)
def test_a_missile_aimed_at_no_one_is_a_show_of_force(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    types = _types(nlp, text)
    assert "MOBILIZE" in types and "ASSAULT" not in types, text


@pytest.mark.parametrize(
    "text",
    [
        "Russia fired cruise missiles at Kyiv on Monday.",
        "The Houthis fired a missile into southern Saudi Arabia on Sunday.",
    ],
)
def test_a_missile_fired_at_someone_is_an_attack(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in _types(nlp, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Police stepped up security in the capital ahead of the vote.",
        "Authorities tightened security around the parliament on Friday.",
        "North Korea raised the combat readiness of its artillery units.",
        "The interior minister deployed riot police around the square.",
    ],
)
def test_security_tightened_readiness_raised_and_police_deployed_mobilise(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" in _types(nlp, text), text


@pytest.mark.parametrize(
    "text",
    [
        "The two countries agreed to strengthen security cooperation.",
        "Iran expressed its readiness to resume talks with the United States.",
        "The family sent a letter to police demanding answers.",
    ],
)
def test_security_policy_readiness_to_act_and_letters_to_police_mobilise_no_one(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" not in _types(nlp, text), text


def test_the_state_one_is_expelled_from_expels(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "A British journalist was expelled from Zimbabwe on Monday.")
    assert any(e.type == "COERCE" and e.source.country == "ZWE" for e in events), events


@pytest.mark.parametrize(
    "text",
    [
        "About 2,000 US troops arrived in Poland on Monday.",
        "Hundreds of soldiers arrived in the city on Tuesday to restore order.",
    ],
)
def test_troops_arriving_are_deployed_not_visiting(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    types = _types(nlp, text)
    assert "MOBILIZE" in types and "CONSULT" not in types, text


def test_an_envoy_arriving_still_visits(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" in _types(nlp, "The Japanese foreign minister arrived in Seoul on Monday.")


def test_ngos_banned_without_a_named_doer_are_coerced(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Three human rights NGOs were banned on May 17 for ties to foreign governments.")
    assert any(e.type == "COERCE" and e.target is not None and e.target.sector == "NGO" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "A cyberattack targeted the main communications node of a popular news portal on Monday.",
        "The local news site has been hit with a multi-million dollar cyber attack.",
        "Hackers launched a massive DDoS attack on Monday.",
    ],
)
def test_a_cyber_attack_on_systems_no_one_named_owns_is_reported(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in _events(nlp, text) if e.type == "COERCE"]
    assert found and found[0].source.sector == "UNK", text


def test_an_unnamed_doer_still_needs_a_named_victim_outside_computers(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "COERCE" not in _types(nlp, "The documents were seized on Monday.")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("It is expected to accelerate with a major buildup of U.S. forces in Japan.", "U.S. forces"),
        ("The deployment of 2,000 soldiers to the border began on Monday.", "2,000 soldiers"),
        ("Hundreds of Marines, sailors and soldiers were deployed to the island on Monday.", "soldiers"),
    ],
)
def test_forces_moved_without_a_named_sender_stand_as_its_source(nlp, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in _events(nlp, text) if e.type == "MOBILIZE"]
    assert found and found[0].source.name == source, text


@pytest.mark.parametrize(
    "text",
    [
        "Putin ordered troops to the border with Ukraine.",
        "Lukashenko ordered police to the Minsk Central Prison on Sunday.",
    ],
)
def test_armed_men_ordered_to_a_place_are_deployed(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" in _types(nlp, text), text


def test_an_order_to_troops_with_no_place_is_no_deployment(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" not in _types(nlp, "The general ordered troops to withdraw from the town.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Soldiers loyal to the government seized a town in the east of the country.", "ASSAULT"),
        ("The insurgents seized Yemen's capital, Sana'a, in January 2015.", "ASSAULT"),
        ("Two British Isis militants have been captured by US-backed Kurdish fighters in Syria.", "ASSAULT"),
        ("The navy seized an Iranian tanker off Gibraltar.", "COERCE"),
    ],
)
def test_what_is_taken_decides_capture(nlp, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Ground and people taken by force are taken in fighting (PLOVER ASSAULT; the manual codes
    combatants captured as `abduct'); property seized is confiscated (COERCE)."""
    assert kind in _types(nlp, text), text


def test_what_is_suspended_decides_whether_it_is_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The Home Office is to suspend cooperation with the US.",
        "The African Union suspended Mali from the bloc.",
        "The EU suspended aid to Niger.",
    ):
        assert any(e.type == "SANCTION" for e in _events(nlp, text)), text
    for text in (
        "A Turkish court suspended the remainder of the American pastor's sentence.",
        "Israel suspended its annexation plan for the West Bank.",
    ):
        assert not any(e.type == "SANCTION" for e in _events(nlp, text)), text
