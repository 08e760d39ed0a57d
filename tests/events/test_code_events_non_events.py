"""Sentences that report no act: questions, plans called off, intentions named by a noun,
speaking to nobody in particular, negated acts. Each beside a close sentence that is an event,
so the rule cannot pass by coding nothing."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def _types(nlp, body: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.type for e in _events(nlp, body)]


@pytest.mark.parametrize(
    ("no_event", "event", "kind"),
    [
        # publishing a document frees no one; releasing people does
        (
            "Iran and Saudi Arabia released a joint communique on Friday.",
            "Iran released two French prisoners on Friday.",
            "RETREAT",
        ),
        (
            "A statement was released by the foreign ministry.",
            "The hostages were released by the rebels.",
            "RETREAT",
        ),
        # asking a question requests nothing; asking someone to act does
        (
            "Reporters asked whether Japan would impose sanctions on China.",
            "Japan asked China to release the detained diplomat.",
            "REQUEST",
        ),
        (
            "Asked about opposition from Budapest, Stoltenberg said that Hungary will ratify.",
            "Stoltenberg asked Hungary to ratify the protocol.",
            "REQUEST",
        ),
        # a plan told in the past perfect, or joined to its calling-off, did not happen
        (
            "Israel had planned to strike Iran's nuclear sites but held off after pressure from Washington.",
            "Israel plans to strike Iran's nuclear sites.",
            "THREATEN",
        ),
        (
            "Turkey planned to send troops to Syria, but the plan was abandoned.",
            "Turkey plans to send troops to Syria.",
            "THREATEN",
        ),
        # an intention or aim named by a noun is not the act
        (
            "Ukraine expressed its determination to cooperate with Poland.",
            "Ukraine cooperated with Poland.",
            "COOPERATE",
        ),
        (
            "Ukraine's goal at the talks with Russia was to agree on a ceasefire.",
            "Ukraine and Russia agreed on a ceasefire.",
            "AGREE",
        ),
        # speaking with nobody, or to the press, is a statement; speaking with someone consults
        (
            "Speaking at a news conference in Vilnius, Stoltenberg said the alliance was united.",
            "Stoltenberg spoke with Erdogan in Vilnius.",
            "CONSULT",
        ),
        (
            "Blinken spoke to reporters in Beijing after the talks.",
            "Blinken spoke to Wang Yi in Beijing.",
            "CONSULT",
        ),
        # a warning that only says how things are is a comment; one of what will happen threatens
        (
            "Putin warned that the war in Ukraine continued.",
            "Putin warned that Russia would attack Ukraine.",
            "THREATEN",
        ),
        # a forecast of what a situation or another's act may bring threatens no one; a
        # warning of what the warner's side or a repercussion will do does
        (
            "Aid agencies warned that an assault on Idlib could cause a humanitarian crisis.",
            "The Syrian army warned that it would attack Idlib.",
            "THREATEN",
        ),
        (
            "The UN warned of a humanitarian catastrophe in Idlib.",
            "Turkey warned Syria of consequences.",
            "THREATEN",
        ),
        (
            "The general warned that the advance could still meet pockets of resistance.",
            "The general warned that troops would enter the city if the militants stayed.",
            "THREATEN",
        ),
        # what a clause made possible is its effect; letting someone do something concedes
        (
            "The army took the town from the rebels, allowing Turkey to claim a victory.",
            "The army allowed Turkey to use the airspace over the town.",
            "RETREAT",
        ),
        # defending ground is fighting for it; defending a decision speaks up for it
        (
            "Kurdish fighters defended the Syrian city of Kobane for months.",
            "The French president defended the government's decision to strike Syria.",
            "SUPPORT",
        ),
        # receiving a thing or taking in refugees hosts no one; receiving a party does
        (
            "The former president received medical treatment in Germany.",
            "The Iraqi president received the Turkish foreign minister in Baghdad.",
            "CONSULT",
        ),
        (
            "Communities in Canada have stopped receiving refugees from Syria.",
            "The Canadian prime minister received the Syrian opposition leader in Ottawa.",
            "CONSULT",
        ),
        # migrants arriving somewhere move there; an envoy arriving visits
        (
            "Some 12,000 people arrived in Italy over two days.",
            "The Italian foreign minister arrived in Tripoli on Monday.",
            "CONSULT",
        ),
        # what would have been done was not done
        (
            "Moscow would have complained bitterly to Washington.",
            "Moscow complained bitterly to Washington.",
            "ACCUSE",
        ),
        # a relative clause of what a party has long done says who it is; one in the simple
        # past reports an act
        (
            "Ankara fears the PKK, which has fought Turkey for 40 years.",
            "Ankara said the PKK, which attacked Turkey on Monday, was a threat.",
            "ASSAULT",
        ),
        # a participle on a party says who it is (one on a statement says what it does,
        # `test_a_statement_does_what_its_participle_says`)
        (
            "Idlib is the last stronghold of rebels fighting the Syrian government.",
            "Rebels are fighting the Syrian government in Idlib.",
            "ASSAULT",
        ),
        # seeking to do something is an attempt; seeking something from someone asks for it
        ("Iran has sought to end the war with Iraq.", "Iran sought help from China.", "REQUEST"),
        # what might happen is no act; what may have happened is an alleged one
        ("China might impose sanctions on Australia.", "China imposed sanctions on Australia.", "COERCE"),
        (
            "Analysts say Iran and Saudi Arabia could restore ties.",
            "Iran and Saudi Arabia restored ties.",
            "SUPPORT",
        ),
        # a forecast is no act; a readiness is a plan
        ("Biden is likely to meet Xi in Bali.", "Biden is ready to meet Xi in Bali.", "AGREE"),
        # someone's forecast of an act is no plan; the actor's own word is
        ("Pundits speculated that Biden would visit Kyiv.", "Biden said he would visit Kyiv.", "AGREE"),
        # a negated act that is not a refusal is no act
        (
            "Putin said Russia would never attack Ukraine.",
            "Putin said Russia would attack Ukraine.",
            "THREATEN",
        ),
        # what someone is able, given the chance, or bid it is time to do is not done
        (
            "Egypt condemned the regime's ability to attack Gaza at will.",
            "The regime attacked Gaza.",
            "ASSAULT",
        ),
        (
            "Iran said it would give no opportunity for Israel to attack Iran.",
            "Israel attacked Iran.",
            "ASSAULT",
        ),
        (
            "It is time for France to impose sanctions on Iran.",
            "France imposed sanctions on Iran.",
            "COERCE",
        ),
        # a modal of possibility scopes over the verbs it governs
        (
            "Russia could try to attack Ukraine again.",
            "Russia tried to attack Ukraine again.",
            "ASSAULT",
        ),
        # an embedded question stays one through "is prepared to"
        (
            "Turkey has not said whether it is prepared to withdraw its troops from Syria.",
            "Turkey said it is prepared to withdraw its troops from Syria.",
            "AGREE",
        ),
        # someone's expectation of an act is a forecast, not the actor's plan
        (
            "The State Department expects Pompeo will meet Erdogan in Ankara.",
            "The State Department said Pompeo will meet Erdogan in Ankara.",
            "AGREE",
        ),
        # "would welcome" is a wish, welcoming is support
        (
            "Turkey said it would welcome a Syrian takeover of the border areas.",
            "Turkey welcomed a Syrian takeover of the border areas.",
            "SUPPORT",
        ),
        # a warning of what may happen, or against something, is no threat; of what will, is
        (
            "Germany warned that the fighters could meet resistance from Isis.",
            "Germany warned that it would impose sanctions on Isis.",
            "THREATEN",
        ),
        (
            "Turkey has warned against an assault on Idlib.",
            "Turkey warned it will launch an assault on Idlib.",
            "THREATEN",
        ),
        # trying to agree has not agreed; agreeing has
        (
            "Iran and the United States are trying to agree on steps to revive the deal.",
            "Iran and the United States agreed on steps to revive the deal.",
            "AGREE",
        ),
        # a claim named by a noun is a topic; a claim of one's own act tells it
        (
            "Moscow disputed the Turkish claim that Russian jets bombed Syrian rebels near Idlib.",
            "The Houthis claimed that they had attacked the Saudi airport of Abha.",
            "ASSAULT",
        ),
        # "should be" with no party to demand it of is an opinion; of a party, a demand
        (
            "Xi said the world should be a place of mutual respect.",
            "Xi said Japan should withdraw its troops from the islands.",
            "REQUEST",
        ),
        # "no longer" says the act has stopped
        (
            "Turkish officials no longer demand that Assad step down.",
            "Turkish officials demand that Assad step down.",
            "REQUEST",
        ),
        # support in a relative clause's present says how a party stands; said of it, an act
        (
            "Erdogan accused Washington, which supports the YPG militia, of backing terrorists.",
            "Washington voiced support for the YPG militia on Monday.",
            "SUPPORT",
        ),
        # a present clause on a noun of a forecast is still to come
        (
            "He said a solution will take the form of a deal where the Americans agree with the Russians.",
            "He said the Americans agreed with the Russians on a deal.",
            "AGREE",
        ),
        # ... through however many nouns stand between the relative clause and the future verb
        (
            "He said a solution will be in the form of a deal between states, where the Americans agree "
            "with the Russians.",
            "He said the Americans agreed with the Russians on a deal.",
            "AGREE",
        ),
        # an act told in the present inside a claim or belief is a view of how things stand;
        # a past act so told is an alleged act
        (
            "Turkey claimed that Sweden allows members of Kurdish militant groups to operate.",
            "Turkey claimed that Sweden had allowed members of Kurdish militant groups to operate.",
            "RETREAT",
        ),
        (
            "The opposition claims the government is deliberately detaining journalists.",
            "The opposition claims the government detained two journalists on Monday.",
            "COERCE",
        ),
        # a noun of doing as the subject tells what the doing amounts to; a party threatens
        (
            "China's actions threaten the rules-based order, Blinken said.",
            "China threatened Taiwan with military action, Blinken said.",
            "THREATEN",
        ),
        # an act noun judged by an adjective is not reported; one said to be under way or due is
        (
            "She says any attack against Syria by the United States would be reckless.",
            "She says the attack against Syria by the United States killed 12 civilians.",
            "ASSAULT",
        ),
        (
            "Even with such tightly defined objectives, US withdrawal from Syria is likely to be messy.",
            "The US withdrawal from Syria began on Monday, officials said.",
            "RETREAT",
        ),
        # the means of an act that is only possible is not done; of a done act it is
        (
            "Theresa May can make a start by withdrawing her invitation to Trump.",
            "Theresa May made a start by withdrawing her invitation to Trump.",
            "RETREAT",
        ),
        # an interview frames a statement; speaking to a party consults it
        (
            "Speaking to the Guardian, the Syrian foreign minister said the strikes were illegal.",
            "Speaking to Vladimir Putin by phone, Emmanuel Macron said the strikes were illegal.",
            "CONSULT",
        ),
        # asking how one is to be named is a term of an interview, not a request of a party
        (
            "The supplies are very low, said one aid official in Syria, who asked not to be named.",
            "The supplies are very low, said one aid official in Syria, who asked Damascus to open the road.",
            "REQUEST",
        ),
        (
            "A Syrian official, who requested anonymity, said the talks had failed.",
            "A Syrian official, who requested Russian help, said the talks had failed.",
            "REQUEST",
        ),
        # what someone expects another to do is a forecast; a past act believed done is alleged
        (
            "Lavrov said Moscow expected Turkey to hand over Afrin to the Syrian government.",
            "Lavrov said Turkey handed over Afrin to the Syrian government.",
            "RETREAT",
        ),
        # a state of mind the writer tells is no comment anyone made
        (
            "Turkey is concerned about continued YPG dominance near its borders.",
            "Turkey said it is concerned about continued YPG dominance near its borders.",
            "ACCUSE",
        ),
        # what someone recalls is remembered; an envoy recalled is called home
        (
            "“She told me a woman had been dragged into the crowd,” recalls sister Rose.",
            "Qatar recalled its ambassador to Chad on Monday.",
            "SANCTION",
        ),
        # a duty or a mission names what someone is to do, not what was done
        (
            "It is the secretary general's duty to warn the major powers of war.",
            "The secretary general warned the major powers of war.",
            "THREATEN",
        ),
        # caught on video is filmed; captured by fighters is taken
        (
            "A senior citizen was captured on video taunting women at a train station.",
            "Kurdish forces captured the two men in January.",
            "ASSAULT",
        ),
        # violence done to oneself reaches no other party
        (
            "The British volunteer Ryan Lock shot himself to avoid capture by Isis.",
            "Isis fighters shot the British volunteer Ryan Lock.",
            "ASSAULT",
        ),
    ],
)
def test_non_event_beside_its_event(nlp, no_event: str, event: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert kind not in _types(nlp, no_event)
    assert kind in _types(nlp, event)


@pytest.mark.parametrize(
    "own",
    [
        "The minister said: We must assist the refugees in challenging the decision.",
        "Yang said: I should have reminded the US side of its tone.",
        "Officials said Iran should have released the prisoners.",
    ],
)
def test_own_resolve_or_regret_demands_nothing(nlp, own: str) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" not in _types(nlp, own)
    assert "REQUEST" in _types(nlp, "The UN said Israel must withdraw its troops from Gaza.")


def test_the_first_time_to_meet_is_still_a_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    types = _types(nlp, "It was the first time for the three leaders to gather for a trilateral summit.")
    assert "CONSULT" in types


def test_two_named_speakers_still_consult(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Biden and Putin spoke by phone on Tuesday.")
    assert sorted((e.type, e.source.country, e.target.country if e.target else None) for e in events) == [
        ("CONSULT", "RUS", "USA"),
        ("CONSULT", "USA", "RUS"),
    ]


def test_a_negated_cooperative_act_stays_a_refusal(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "REJECT" in _types(nlp, "Russia did not withdraw its troops from the border with Ukraine.")


def test_a_past_act_said_to_be_likely_is_still_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    # a cyber attack is PLOVER's COERCE (mode `cyber`), not an armed attack
    assert "COERCE" in _types(nlp, "Chinese hackers may have launched cyber attacks on India's power system.")


def test_a_reported_should_is_a_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" in _types(nlp, "The UN said Israel should withdraw its troops from Gaza.")


def test_warning_against_an_act_is_an_objection(nlp) -> None:  # type: ignore[no-untyped-def]
    # "warned X against doing Y" objects to Y and holds nothing over X: PLOVER ACCUSE
    events = _events(nlp, "Erdogan warned Russia against treating Syria as a battlefield.")
    assert "THREATEN" not in {e.type for e in events}
    assert any(e.type == "ACCUSE" and e.target and e.target.country == "RUS" for e in events), events
    threat = _events(nlp, "Erdogan warned Russia that Turkey would retaliate.")
    assert "THREATEN" in {e.type for e in threat}


def test_a_statement_does_what_its_participle_says(nlp) -> None:  # type: ignore[no-untyped-def]
    types = _types(nlp, "Amnesty issued a statement accusing the Syrian government of torture.")
    assert "ACCUSE" in types


def test_a_crowd_does_what_its_participle_says(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Kenyan police fired tear gas at demonstrators protesting tuition fees in Nairobi."
    assert "PROTEST" in _types(nlp, body)


def test_an_act_said_to_be_under_way_or_due_is_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" in _types(nlp, "Talks between Israel and Hamas are due to resume in Cairo on Monday.")
    assert "RETREAT" in _types(nlp, "Russia's withdrawal from Kherson was complete.")


def test_the_means_of_a_planned_act_is_planned(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Russia will respond by imposing sanctions on Turkey.")
    assert [(e.type, e.modality) for e in events] == [("THREATEN", "planned")]


def test_an_act_noun_with_a_named_doer_that_is_discussed_is_no_report(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The family fled to the US after the Soviet Union's invasion of Afghanistan in 1979.",
        "Turkey's attack on the Kurdish enclave of Afrin is a new and unwelcome phase in Syria's war.",
    ):
        assert not any(e.type == "ASSAULT" for e in _events(nlp, text)), text
    # the act noun as what does harm, or what people are harmed in, is still reported
    for text in (
        "The regime's punishing attacks on rebel-held Idlib province have displaced at least 300,000 people.",
        "Dozens were killed in Israel's strikes on Gaza.",
    ):
        assert any(e.type == "ASSAULT" for e in _events(nlp, text)), text
    # a visit that marks a step is the news the sentence tells, and an act "by" someone is news
    marked = _events(
        nlp, "Blinken's visit to Beijing marks the highest-level American appointment since 2021."
    )
    assert any(e.type == "CONSULT" for e in marked)
