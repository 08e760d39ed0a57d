"""Violence and protest as local conflict reports word them: unnamed armed men, crowds, victims."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


@pytest.mark.parametrize(
    ("text", "kind", "source_sector", "target_sector"),
    [
        ("Armed men abducted a village chief near Goma.", "ASSAULT", "REB", None),
        ("Unknown assailants killed a journalist in the state of Guerrero.", "ASSAULT", "REB", "MED"),
        ("Militants executed six men in the desert.", "ASSAULT", "REB", "CVL"),
        ("Police arrested 15 opposition supporters in Harare.", "COERCE", "COP", "OPP"),
        ("Around 200 people protested in Lagos against police brutality.", "PROTEST", "CVL", "COP"),
        ("A mob lynched a suspected thief in Kano.", None, "CVL", "CRM"),
    ],
)
def test_unnamed_doers_and_victims(  # type: ignore[no-untyped-def]
    nlp, text: str, kind: str | None, source_sector: str, target_sector: str | None
) -> None:
    events = _events(nlp, text)
    assert events, text
    event = events[0]
    assert kind is None or event.type == kind
    assert event.source.sector == source_sector
    if target_sector is not None:
        assert event.target is not None and event.target.sector == target_sector


def test_a_participle_describing_a_noun_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The ministers of the countries invited to the summit arrived on Monday.")
    assert all(e.trigger != "invited" for e in events)
    # with its doer named it is an act
    named = _events(nlp, "A man arrested by police in Kano was released on Monday.")
    assert any(e.trigger == "arrested" and e.source.sector == "COP" for e in named)


def test_one_attack_told_twice_in_a_sentence_is_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Taliban fighters attacked a police checkpoint in Ghazni province, killing three officers."
    assaults = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].target is not None and assaults[0].target.sector == "COP"


def test_a_suicide_bomber_is_an_armed_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "A suicide bomber killed 20 people at a mosque in Quetta."
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    events = [e for e in code_events(doc, article, find_actors(doc, article)) if e.type == "ASSAULT"]
    assert events and events[0].source.sector == "REB"


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab claimed responsibility for the attack on the Kenyan army base.",
        "ISIS issued a statement claiming responsibility for a bombing that killed 27 people in Darna.",
    ],
)
def test_who_claims_an_attack_did_it(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e.type == "ASSAULT" and e.source.sector == "REB" for e in _events(nlp, text)), text


def test_a_denied_attack_names_no_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Taliban denied responsibility for the attack on the school in Kabul."
    assert not any(e.type == "ASSAULT" for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "source_sector"),
    [
        ("Six human rights groups have been barred from operating in Armenia.", "UNK"),
        ("The government prohibited journalists from entering the region of Tigray.", "GOV"),
        ("Police launched a clampdown on opposition supporters in Harare.", "COP"),
    ],
)
def test_bans_and_clampdowns_coerce(nlp, text: str, source_sector: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _events(nlp, text) if e.type == "COERCE"]
    assert events and events[0].source.sector == source_sector, text


def test_the_dead_of_an_attack_tell_the_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two civilians died in an air raid by the Eritrean Air Force near the town of Adi Keyh."
    assaults = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert assaults and assaults[0].source.sector == "MIL" and assaults[0].target is not None
    assert assaults[0].target.sector == "CVL"
    unnamed = [
        e
        for e in _events(nlp, "Three villagers died during the shelling of Avdiivka.")
        if e.type == "ASSAULT"
    ]
    assert any(e.target is not None and e.target.name == "Three villagers" for e in unnamed)
    # dying in an accident or of an illness is no attack
    for text in (
        "Four people died in a car crash near Kano.",
        "Two workers died in an explosion at a chemical plant in Tianjin.",
        "The former president died in hospital after a long illness.",
    ):
        assert not [e for e in _events(nlp, text) if e.type == "ASSAULT"], text


def test_less_lethal_crowd_control_is_an_assault(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Police fired tear gas and rubber bullets at demonstrators in Kisumu on Friday.")
    assert [(e.type, e.cameo) for e in events] == [("ASSAULT", "175")]
    assert events[0].target is not None and events[0].target.sector == "CVL"
    used = _events(nlp, "Riot police used water cannon against protesters in Basel.")
    assert ("ASSAULT", "175") in {(e.type, e.cameo) for e in used}
    assert not [
        e
        for e in _events(nlp, "The government used gas revenues to fund schools in Accra.")
        if e.type == "ASSAULT"
    ]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("A second day of rioting broke out in Kathmandu on Sunday.", "145"),
        ("At least 20,000 protesters poured into the streets of Kyiv on Sunday.", "141"),
        ("The police station in Nairobi was burned down by masked rioters.", "145"),
        ("A police officer was injured in a riot in the city of Luhansk.", "145"),
    ],
)
def test_protests_and_riots_as_reports_word_them(nlp, text: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    assert ("PROTEST", cameo) in {(e.type, e.cameo) for e in _events(nlp, text)}, text


def test_no_protest_where_nobody_protests(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The factory burned down on Sunday night after a fire broke out in the kitchen.",
        "The refusal to engage with the government demonstrates that Cuba is not cooperating.",
        "The party rallied its supporters ahead of the vote in Lusaka.",
    ):
        assert not [e for e in _events(nlp, text) if e.type in ("PROTEST", "ASSAULT")], text


def test_what_sparked_a_protest_does_not_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The killing of the journalist by soldiers sparked protests in Kabul.")
    protests = [e for e in events if e.type == "PROTEST"]
    assert protests and all(e.source.name == "protesters" and e.source.sector == "CVL" for e in protests)
    # the killing is the soldiers' act on the journalist
    assert any(e.type == "ASSAULT" and e.source.name == "soldiers" for e in events)


def test_killings_carried_out_and_unknown_perpetrators(nlp) -> None:  # type: ignore[no-untyped-def]
    carried = _events(nlp, "Bangladeshi security forces carried out the killings of six militant leaders.")
    assert any(e.type == "ASSAULT" and e.source.country == "BGD" for e in carried)
    unknown = _events(nlp, "Unknown perpetrators killed two police officers in Peshawar.")
    assert unknown and unknown[0].type == "ASSAULT" and unknown[0].source.sector == "REB"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the common English verbs of violence and detention beside "attack" and "arrest"
        ("Rebels assaulted an army base in Kidal.", "ASSAULT"),
        ("The army bombarded rebel positions in Idlib.", "ASSAULT"),
        ("Militants slaughtered 40 villagers in Ituri.", "ASSAULT"),
        ("Gunmen gunned down a police officer in Peshawar.", "ASSAULT"),
        ("Nigerian police locked up dozens of protesters in Lagos.", "COERCE"),
    ],
)
def test_verbs_of_violence_and_detention(nlp, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e.type == kind for e in _events(nlp, text)), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # violence or detention its doer makes or conducts, whoever it was done to
        ("Police made 20 arrests in Nairobi on Monday.", "COERCE"),
        ("Israeli forces conducted raids in Jenin overnight.", "ASSAULT"),
        # munitions dropped or planted
        ("Syrian helicopters dropped barrel bombs on Aleppo.", "ASSAULT"),
        ("Militants planted a bomb near the police station in Quetta.", "ASSAULT"),
    ],
)
def test_acts_done_with_a_support_verb(nlp, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e.type == kind for e in _events(nlp, text)), text


@pytest.mark.parametrize(
    "text",
    ["The minister made an assault on the budget.", "The senator attended the shooting of the film."],
)
def test_no_violence_in_figures_of_speech_or_onlookers(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.type == "ASSAULT" for e in _events(nlp, text)), text
