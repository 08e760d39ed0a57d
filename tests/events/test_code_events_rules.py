"""Event coding rules beyond verbs with two actor arguments: nominal triggers, events with
no target, conditions, reported demands, passives without an agent, places as actors."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def _codes(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source.country, e.target.country if e.target else None) for e in events}


def test_nominal_protest_takes_the_subject_of_its_support_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Thousands of Kenyan students staged demonstrations against the Ugandan government."
    )
    assert ("PROTEST", "KEN", "UGA") in _codes(events)
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.trigger == "demonstrations" and protest.cameo == "141"


def test_hunger_strike_is_its_own_cameo_leaf(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Chilean miners began a hunger strike against the government on Monday.")
    assert [e.cameo for e in events if e.type == "PROTEST"] == ["142"]


def test_events_an_actor_does_alone_need_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Georgian president resigned on Sunday.")
    assert [(e.type, e.source.country, e.target) for e in events] == [("RETREAT", "GEO", None)]
    # ... but an accusation with nobody accused is no event
    assert _events(nlp, "The Georgian president complained loudly on Sunday.") == []


def test_condition_turns_a_plan_into_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Nigeria said it will withdraw its troops from Chad unless the rebels agree to a truce."
    )
    assert _codes(events) == {("THREATEN", "NGA", "TCD")}  # the condition itself is no event


def test_reported_must_is_a_demand_on_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "A senior British minister said that Libya must hand over the two suspects.")
    assert _codes(events) == {("REQUEST", "GBR", "LBY")}


def test_passive_without_agent_takes_the_place_as_source(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "A Canadian missionary was arrested in Lebanon on Friday.")
    assert ("COERCE", "LBN", "CAN") in _codes(events)


def test_target_found_below_the_verb_and_towns_have_a_country(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Israeli tanks fired four shells at targets in Jericho.")
    assert ("ASSAULT", "ISR", "PSE") in _codes(events)


def test_topic_nouns_are_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The two sides exchanged views on ways for cooperation between Kenya and Uganda.")
    assert not [e for e in events if e.type == "COOPERATE"]


def test_joint_subject_meeting_somewhere_targets_the_co_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "French President Emmanuel Macron and German Chancellor Olaf Scholz met in Berlin.")
    assert _codes(events) == {("CONSULT", "FRA", "DEU"), ("CONSULT", "DEU", "FRA")}  # Berlin is where


@pytest.mark.parametrize(
    ("text", "kind", "cameo"),
    [
        ("The Macedonian army prepared to resume shelling Albanian rebel positions.", "MOBILIZE", "152"),
        ("The Israeli army forced out 1,000 Palestinian refugees from their homes.", "ASSAULT", "201"),
        ("The United Nations will provide 25,000 tons of food aid to Liberian refugees.", "AGREE", "033"),
    ],
)
def test_posture_expulsion_and_measured_aid(nlp, text: str, kind: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    article = Article(doc_id="t", position=0, start=0, end=len(text), body=text)
    events = code_events(doc, article, find_actors(doc, article))
    assert any((e.type, e.cameo) == (kind, cameo) for e in events), events


def test_help_with_a_verb_is_no_aid_and_a_resignation_has_no_stray_target(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Stephen Biegun, who helped lead talks with North Korea, met Choi Jong-kun.",
        "President Eduard Shevardnadze resigned as the opposition threatened to storm his residence.",
    ):
        doc = nlp(text)
        article = Article(doc_id="t", position=0, start=0, end=len(text), body=text)
        events = code_events(doc, article, find_actors(doc, article))
        assert not any(e.type == "AID" for e in events), events
        assert not any(e.type == "RETREAT" and e.target is not None for e in events), events


@pytest.mark.parametrize(
    ("text", "kind", "cameo", "source", "target"),
    [
        (
            "The United States demanded that the Democratic People's Republic of Korea give up its weapons.",
            "REQUEST",
            None,
            "USA",
            "PRK",
        ),
        ("Fatah activists staged rallies in Gaza against Israeli soldiers.", "PROTEST", None, "PSE", "ISR"),
        ("Russian President Vladimir Putin expressed condolences to Egypt.", "SUPPORT", "018", "RUS", "EGY"),
        ("Iran announced the release of two Kuwaiti nationals.", "RETREAT", "0841", "IRN", "KWT"),
        ("The Iraqi air force carried out air strikes on Syrian rebels.", "ASSAULT", None, "IRQ", "SYR"),
        ("Britain and France however have opposed the Russian plan.", "REJECT", None, "GBR", None),
        ("Nigerian troops pounded Boko Haram positions in the forest.", "ASSAULT", "195", "NGA", "NGA"),
    ],
)
def test_general_rules_of_round_two(  # type: ignore[no-untyped-def]
    nlp, text: str, kind: str, cameo: str | None, source: str, target: str | None
) -> None:
    found = [e for e in _events(nlp, text) if e.type == kind]
    assert found, _events(nlp, text)
    event = found[0]
    assert cameo is None or event.cameo == cameo
    assert event.source.country == source
    assert target is None or (event.target is not None and event.target.country == target)


def test_a_press_release_is_no_release(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Japan's foreign ministry said in a press release that talks went well.")
    assert not any(e.type == "RETREAT" for e in events)


@pytest.mark.parametrize(
    ("text", "kind", "cameo"),
    [
        (
            "The teachers' union said it has called off its strike against the Nigerian government.",
            "CONCEDE",
            "082",
        ),
        ("Serbia eased restrictions on Wednesday in Montenegro province.", "CONCEDE", "081"),
        ("Prime Minister Andrej Babis agreed to resign on Tuesday.", "AGREE", "035"),
        ("Bolivian authorities declared a state of emergency in Pando.", "COERCE", "1724"),
        ("Thousands of Argentine teachers went on strike for better pay.", "PROTEST", "143"),
        ("The Guatemalan government denied charges by the U.S. State Department.", "REJECT", "016"),
    ],
)
def test_codes_without_a_target_and_precise_leaves(nlp, text: str, kind: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    assert any((e.type, e.cameo) == (kind, cameo) for e in _events(nlp, text)), _events(nlp, text)


def test_failing_to_agree_is_a_rejection_and_providing_to_someone_is_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    failed = _events(nlp, "Palestinians and Israelis failed to reach agreement on Sunday.")
    assert any(e.type == "REJECT" and e.source.country == "PSE" for e in failed), failed
    given = _events(nlp, "Germany provided 6 million euros to Palestinian refugees in Syria.")
    assert any(e.type == "AID" and e.target and e.target.country == "PSE" for e in given), given


def test_forcing_someone_out_is_an_expulsion(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "out" as a preposition before "of the country"
    events = _events(nlp, "Kenya forced the Somali traders out of the country on Friday.")
    assert ("SANCTION", "KEN", "SOM") in _codes(events), events
    assert next(e.cameo for e in events if e.type == "SANCTION") == "166"


def test_insisting_on_demands_is_a_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Tamil rebels insisted on their demands that the Sri Lankan government lift the blockade."
    )
    assert any(e.type == "REQUEST" and e.cameo == "100" and e.target for e in events), events
    assert next(e.target.country for e in events if e.type == "REQUEST" and e.target) == "LKA"


def test_engaging_in_mediation_is_consultation(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Norway launched a mediation effort between Eritrea and Ethiopia on Monday.")
    assert ("CONSULT", "NOR", "ERI") in _codes(events), events
    assert {e.cameo for e in events if e.type == "CONSULT"} == {"045"}
    # ending it is still a sanction
    ended = _events(nlp, "Egypt ended its mediation efforts between Israel and Hamas on Monday.")
    assert {e.type for e in ended} == {"SANCTION"}, ended


def test_a_verb_joined_to_a_passive_shares_its_subject_not_its_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Georgian minister was criticised by the opposition and resigned on Sunday.")
    resigned = next(e for e in events if e.type == "RETREAT")
    assert (resigned.source.country, resigned.source.sector) == ("GEO", "GOV"), events


def test_verbs_joined_before_one_object_share_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # "donated and delivered goods to X": the parser may hang the verbs on the subject noun
    events = _events(
        nlp,
        "Nurses from two Canadian charities donated and personally delivered $20,000 worth of "
        "medicine to a Haitian hospital, risking heavy fines.",
    )
    assert ("AID", "CAN", "HTI") in _codes(events), events


def test_stopping_work_is_a_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Thousands of Nigerian dock workers stopped work on Monday over the new port law.")
    assert any((e.type, e.cameo, e.source.country) == ("PROTEST", "143", "NGA") for e in events), events
    # an organisation stopping its own work is no strike
    assert not any(e.type == "PROTEST" for e in _events(nlp, "The UN stopped its work in Darfur on Monday."))


def test_a_joined_clause_is_not_searched_for_the_first_verbs_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp,
        "Egypt's cabinet met on Sunday and decided to bar candidates of the Muslim Brotherhood "
        "from the vote.",
    )
    assert not any(e.type == "CONSULT" for e in events), events
    # ... unless the first clause leaves a preposition for the joined one to complete
    shared = _events(nlp, "Chile has established diplomatic ties with and opened an embassy in Hanoi.")
    assert ("SUPPORT", "CHL", "VNM") in _codes(shared), shared


def test_whom_a_thing_was_used_against_is_not_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp,
        "Turkey's top court opened a hearing into the legality of methods used against Kurdish prisoners.",
    )
    assert events and all(e.target is None for e in events), events
    # ... but whoever did the thing under investigation may be
    probe = _events(
        nlp,
        "Bosnian police launched an investigation into crimes committed by Serb forces against civilians.",
    )
    assert any(e.target and (e.target.country, e.target.sector) == ("SRB", "MIL") for e in probe), probe


def test_put_under_investigation_is_a_probe_by_the_state_where_it_happens(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "A French student has been put under investigation in Spain for her role in the riots."
    )
    assert ("ACCUSE", "ESP", "FRA") in _codes(events), events
    named = _events(nlp, "A British journalist was put under investigation by Turkish prosecutors on Monday.")
    assert ("ACCUSE", "TUR", "GBR") in _codes(named), named


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        # a pair named through "of": the second country is the other side
        ("The envoys of Japan and South Korea met in Seoul.", "CONSULT", "KOR"),
        # the channel of a statement is no target
        ("The president warned on Twitter that tariffs would follow.", "THREATEN", None),
    ],
)
def test_targets_are_actors_not_channels(nlp, text: str, kind: str, target: str | None) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _events(nlp, text) if e.type == kind]
    assert events, text
    assert (events[0].target.country if events[0].target else None) == target


def test_travelling_together_is_not_acting_on_each_other(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed arrived in Nairobi on Monday."
    )
    assert all(e.target is None or e.target.country != "ETH" for e in _events(nlp, text))
    talks = _events(nlp, text.replace("arrived in", "held talks in"))
    assert any(e.type == "CONSULT" and e.target and e.target.country == "ETH" for e in talks)


@pytest.mark.parametrize(
    "text", ["The ministry did not deny the report.", "Officials could not provide details of the agreement."]
)
def test_not_denying_and_being_unable_are_no_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, text) == []


def test_attorney_general_is_a_civilian_office(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Attorney General Merrick Garland charged two men with espionage.")
    assert events and events[0].source.sector == "GOV"


@pytest.mark.parametrize(
    "text",
    [
        "It is unclear whether the two leaders will meet next month.",
        "There are concerns that the Kurds will release Isis fighters.",
        "Australia helped the recruiter, with hopes he will share intelligence on the group.",
    ],
)
def test_questions_hopes_and_fears_are_not_reports(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(
        e.type not in ("CONSULT", "RETREAT", "CONCEDE", "AGREE", "COOPERATE") for e in _events(nlp, text)
    )


def test_an_officeholders_country_is_not_taken_from_a_neighbour(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Turkish President Tayyip Erdogan made that call to Vladimir Putin, a Turkish source said."
    calls = [e for e in _events(nlp, text) if e.type == "CONSULT"]
    assert calls and calls[0].target is not None and calls[0].target.country == "RUS"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a strike on someone or something is an attack; one on a day or over pay a walkout
        ("Dozens died in a strike by government forces on the rebel town.", "ASSAULT"),
        ("The punitive strikes by Russian aircraft killed nine people.", "ASSAULT"),
        ("Teachers began a strike on Monday over pay.", "PROTEST"),
    ],
)
def test_a_strike_aimed_at_something_is_an_attack(nlp, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    kinds = {e.type for e in _events(nlp, text)}
    assert kind in kinds and ({"ASSAULT", "PROTEST"} - {kind}).isdisjoint(kinds), kinds


def test_an_attack_made_in_words_is_criticism(nlp) -> None:  # type: ignore[no-untyped-def]
    words = _events(
        nlp, "The Kenyan opposition leader launched a scathing attack on President William Ruto on Monday."
    )
    assert any(e.type == "ACCUSE" for e in words) and not any(e.type == "ASSAULT" for e in words)
    force = _events(nlp, "Rebels launched an attack on an army base in northern Mali on Monday.")
    assert any(e.type == "ASSAULT" for e in force) and not any(e.type == "ACCUSE" for e in force)


def test_pressing_someone_to_act_is_a_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Brussels has been pressuring Hungary to drop its veto on aid to Ukraine.")
    assert any(e.type == "REQUEST" and e.target is not None and e.target.country == "HUN" for e in events)


def test_welcoming_a_person_to_a_place_hosts_a_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    host = _events(nlp, "President Lula welcomed Olaf Scholz to Brasilia on Monday.")
    assert any(e.type == "CONSULT" and e.cameo == "043" for e in host)
    assert not any(e.type == "SUPPORT" for e in host)
    # welcoming a decision endorses it
    endorse = _events(nlp, "Germany welcomed the decision by the Brazilian government.")
    assert any(e.type == "SUPPORT" for e in endorse)


def test_criticism_voiced_is_an_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Dutch delegation voiced sharp criticism of the Polish government on Friday.")
    assert any(e.type == "ACCUSE" and e.cameo == "111" for e in events)
    assert not any(e.type in ("AGREE", "SUPPORT") for e in events)
