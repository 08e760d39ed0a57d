"""Event coding rules by class: CAMEO 01 comments, recipients the PLOVER manual does not
require, material giving, peacekeeping, calls, headline subjects and references to actors
named earlier in the article."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def _codes(events: list[Event]) -> set[tuple[str, str, str | None, str | None]]:
    return {(e.type, e.cameo, e.source.country, e.target.country if e.target else None) for e in events}


def _cameos(events: list[Event]) -> set[str]:
    return {e.cameo for e in events}


# ---------------------------------------------------------------- CAMEO 01 comments


def test_expressed_concern_and_optimism_are_comments(nlp) -> None:  # type: ignore[no-untyped-def]
    concern = _events(nlp, "The Japanese government expressed concern about North Korea's missile launch.")
    assert ("ACCUSE", "012", "JPN", "PRK") in _codes(concern)
    hope = _events(nlp, "Kenya expressed optimism about the talks in Nairobi.")
    assert "013" in _cameos(hope)


def test_said_it_is_skeptical_is_a_pessimistic_comment(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Egypt said it is skeptical of the Ethiopian proposal.")
    assert [(e.cameo, e.source.country) for e in events] == [("012", "EGY")]


def test_a_comment_and_an_act_in_one_sentence_are_both_found(nlp) -> None:  # type: ignore[no-untyped-def]
    # Which of the two the sentence reports is the penta-class head's choice, learned from the
    # labelled CAMEO sentences (which often code the comment beside an act: ranking every
    # comment below the acts cost penta-class check 378 -> 373 of 450); to PLOVER both are acts
    # (the manual suggests AGREE for CAMEO 015, claiming responsibility).
    events = _events(nlp, "Azerbaijan claimed responsibility for the incident and apologised to Russia.")
    assert {("AGREE", "015"), ("SUPPORT", "055")} <= {(e.type, e.cameo) for e in events}


def test_declining_to_comment_and_denying_charges_need_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    declined = _events(nlp, "The Kenyan foreign ministry declined to comment on the report.")
    assert [(e.type, e.cameo, e.target) for e in declined] == [("REJECT", "011", None)]
    denied = _events(nlp, "The Chinese government rejected accusations of genocide.")
    assert [(e.type, e.cameo) for e in denied] == [("REJECT", "016")]


def test_considering_an_act_is_a_policy_option(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Japan is considering sending aid to North Korea.")
    assert [(e.cameo, e.source.country, e.target.country if e.target else None) for e in events] == [
        ("014", "JPN", "PRK")
    ]


def test_a_hope_is_not_the_hoped_for_act(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Iran's foreign minister said he hopes Japan will persuade Washington to lift sanctions."
    )
    assert not any(e.source.country == "JPN" for e in events)


def test_agreeing_with_someone_is_accord_not_commitment(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The French foreign minister said she agreed with the German chancellor.")
    assert ("AGREE", "019", "FRA", "DEU") in _codes(events)


def test_attending_a_ceremony_is_a_symbolic_act(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Polish president attended a memorial ceremony in Kyiv.")
    assert "017" in _cameos(events)


# ---------------------------------------------------------------- recipients


def test_an_act_that_names_its_content_needs_no_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Chinese regulators launched an investigation into the collapse of the bridge.")
    assert [(e.type, e.cameo, e.target) for e in events] == [("ACCUSE", "090", None)]


def test_a_refusal_to_lift_a_ban_is_coded_without_a_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Obama said he will not lift the embargo until Havana holds free elections.")
    assert any(e.type == "REJECT" and e.source.country == "USA" for e in events)


def test_meeting_demands_is_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    refused = _events(nlp, "The Nigerian government refused to meet the demands of the striking unions.")
    assert {e.type for e in refused} == {"REJECT"}
    assert not any(e.type == "CONSULT" for e in _events(nlp, "Kenya said it could not meet its targets."))


def test_accepting_demands_yields(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Nepalese government accepted the demands of the protesters.")
    assert [(e.type, e.cameo) for e in events] == [("CONCEDE", "080")]


def test_a_decision_to_act_is_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Mexico decided to grant asylum to the former Bolivian president.")
    assert [(e.type, e.cameo, e.modality) for e in events] == [("AID", "075", "asserted")]


# ---------------------------------------------------------------- material acts


def test_giving_goods_and_money_is_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("AID", "070", "USA", "NIC") in _codes(
        _events(nlp, "The U.S. military gave medical equipment to Nicaragua.")
    )
    assert ("AID", "070", "DEU", "HTI") in _codes(_events(nlp, "Germany sent $2 million to Haiti."))


def test_letting_prisoners_free_releases_them(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Ethiopia let free 74 opposition leaders on Friday.")
    assert [(e.type, e.cameo, e.source.country) for e in events] == [("RETREAT", "0841", "ETH")]


def test_peacekeepers_sent_are_protection_and_withdrawn_are_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = _events(nlp, "Nigeria sent troops to Liberia on a peacekeeping mission.")
    assert ("AID", "074", "NGA", "LBR") in _codes(sent)
    withdrawn = _events(nlp, "Qatar withdrew its peacekeepers from Djibouti on Tuesday.")
    assert ("SANCTION", "162", "QAT", "DJI") in _codes(withdrawn)


def test_deploying_doctors_is_help_not_force(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Britain deployed a team of doctors to Sierra Leone.")
    assert [(e.type, e.source.country, e.target.country if e.target else None) for e in events] == [
        ("AID", "GBR", "SLE")
    ]


def test_joint_exercises_are_military_cooperation(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Jordan and the United States began joint military exercises on Monday.")
    assert ("COOPERATE", "062", "JOR", "USA") in _codes(events)
    # an exercise of power is no exercise together
    assert not _events(nlp, "Jordan criticised the exercise of power by the courts.") or all(
        e.type != "COOPERATE" for e in _events(nlp, "Jordan criticised the exercise of power by the courts.")
    )


def test_halting_fighting_is_de_escalation_not_an_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Armenia and Azerbaijan agreed to halt fighting over the region.")
    assert "ASSAULT" not in {e.type for e in events}
    assert ("AGREE", "035", "ARM", "AZE") in _codes(events)


def test_cancelling_a_visit_refuses_to_meet(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Pakistani prime minister cancelled a planned visit to Malaysia.")
    assert [(e.type, e.cameo) for e in events] == [("REJECT", "125")]


# ---------------------------------------------------------------- calls and appeals


def test_calling_someone_on_a_day_is_a_phone_call(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp,
        "The Israeli prime minister called the Australian prime minister on Wednesday to congratulate him.",
    )
    assert ("CONSULT", "041", "ISR", "AUS") in _codes(events)
    appeal = _events(nlp, "The UN called on Libya's government to disarm the militias.")
    assert {e.type for e in appeal} == {"REQUEST"}


def test_calling_for_sanctions_against_a_state_condemns_it(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Greece called for sanctions against Turkey on Monday.")
    assert ("ACCUSE", "111", "GRC", "TUR") in _codes(events)


def test_appeals_for_reform_need_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The opposition leader called for reform of the electoral law.")
    assert [(e.type, e.cameo) for e in events] == [("REQUEST", "024")]


# ---------------------------------------------------------------- actors in headlines and references


def test_headline_comma_subjects_meet_each_other(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Biden, Putin meet in Geneva")
    found = {(e.type, e.source.country, e.target.country if e.target else None) for e in events}
    assert found == {("CONSULT", "RUS", "USA"), ("CONSULT", "USA", "RUS")}  # a meeting is each one's


def test_the_two_leaders_are_the_last_two_named(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp,
        "U.S. President Joe Biden arrived in Geneva on Tuesday. Russian President Vladimir Putin "
        "arrived an hour later. The two leaders met for four hours.",
    )
    met = [e for e in events if e.trigger == "met"]
    assert sorted((e.source.country, e.target.country if e.target else None) for e in met) == [
        ("RUS", "USA"),
        ("USA", "RUS"),
    ]


def test_he_is_the_person_named_last(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Kenyan President William Ruto flew to Addis Ababa. He met Ethiopian Prime Minister Abiy Ahmed."
    )
    assert ("CONSULT", "040", "KEN", "ETH") in _codes(events)


def test_officeholder_surnames_and_agency_acronyms_are_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("SANCTION", "162", "USA", "PAK") in _codes(
        _events(nlp, "Trump has suspended military aid to Pakistan.")
    )
    assert ("AID", "070", "USA", "HTI") in _codes(_events(nlp, "USAID provided shelter materials to Haiti."))


def test_talks_between_him_and_someone_resolve_him(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp,
        "Kenyan President William Ruto arrived in Moscow on Monday. "
        "Talks between him and Putin lasted hours.",
    )
    assert ("CONSULT", "040", "KEN", "RUS") in _codes(events)


def test_officials_of_both_nations_are_the_two_nations(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp,
        "Iran and Saudi Arabia agreed to restore ties. "
        "The foreign ministers of both nations will meet next month.",
    )
    meet = [e for e in events if e.trigger == "meet"]
    assert sorted((e.source.country, e.target.country if e.target else None) for e in meet) == [
        ("IRN", "SAU"),
        ("SAU", "IRN"),
    ]


def test_an_ethnic_group_is_coded_by_where_it_lives(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Hundreds of ethnic Albanians demonstrated on Tuesday in Serbia.")
    assert ("PROTEST", "141", "SRB", "SRB") in _codes(events)


def test_restricting_exports_is_an_administrative_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Japan restricts chip exports to South Korea.")
    assert ("COERCE", "172", "JPN", "KOR") in _codes(events)


def test_ones_own_forces_withdrawn_are_not_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The United States will withdraw all its forces within 14 months.")
    assert [(e.type, e.source.country, e.target) for e in events] == [("AGREE", "USA", None)]
