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
    assert _codes(events) == {("CONSULT", "FRA", "DEU")}  # Berlin is where, not whom


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
