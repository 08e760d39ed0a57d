"""Small repairs of parser mistakes and English constructions the coder reads through:
a subject swallowed by a fronted phrase, a title before a bare name, a shared speaker,
the doer of a foiled attempt, stand-downs in the passive, "out of the question"."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article, Event


def _events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return code_events(doc, article, find_actors(doc, article))


def _triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {
        (e.type, e.source.country or e.source.sector, e.target and (e.target.country or e.target.sector))
        for e in events
    }


def test_subject_read_into_a_fronted_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp,
        "With the signing of a Memorandum of Understanding, the Sudanese government and "
        "the SPLA have agreed to allow aid deliveries.",
    )
    agree = [e for e in events if e.type == "AGREE"]
    assert agree and agree[0].source.country == "SDN" and agree[0].target is not None


def test_title_before_a_bare_name_gives_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Kuwait's emir, Sheikh Sabah al-Ahmad, launched a mediation effort between Qatar and Egypt."
    )
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult and all(e.source.country == "KWT" and e.source.sector == "GOV" for e in consult)


def test_pronoun_after_a_joined_verb_of_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp,
        "Ivorian rebels rejected the Ghanaian peace plan, and said they opposed the "
        "deployment of a multinational force.",
    )
    assert ("REJECT", "CIV", "IGO") in _triples(events)


def test_foiled_attempt_is_done_by_the_place_and_aimed_at_the_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "An attempt to assassinate the Afghan defence minister was foiled in Kabul.")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and assault[0].target is not None and assault[0].target.sector == "GOV"
    assert assault[0].source.name == "Kabul"


def test_armed_men_demobilized_in_the_passive_stand_down(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Hundreds of Congolese militiamen have been demobilized since the peace accord.")
    assert [(e.type, e.source.country) for e in events if e.type == "RETREAT"] == [("RETREAT", "COD")]


def test_out_of_the_question_is_a_refusal_by_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Ankara said that talks with the PKK were out of the question.")
    refusal = [e for e in events if e.type == "REJECT"]
    assert refusal and refusal[0].source.country == "TUR" and refusal[0].target is not None
    assert refusal[0].trigger == "were out of the question"


def test_gerund_after_a_preposition_keeps_its_controller(nlp) -> None:  # type: ignore[no-untyped-def]
    # "accused China of violating": the accusation is the event, not a violation by Japan
    events = _events(nlp, "Japan accused China of violating the agreement.")
    assert ("ACCUSE", "JPN", "CHN") in _triples(events)
    assert not any(e.type == "ASSAULT" and e.source.country == "JPN" for e in events)


def test_intent_noun_is_owned_by_the_clause_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Kenyan army reiterated its commitment to support the Somali police.")
    assert ("SUPPORT", "KEN", "SOM") in _triples(events)
    # whose intent a possessive names is open when the verb is an event of its own
    events = _events(nlp, "Canada backs Britain and supports its decision to expel Russian diplomats.")
    assert not any(e.type == "SANCTION" and e.source.country == "CAN" for e in events)


def test_object_of_an_attempt_is_not_its_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    # with no doer named, the phrase gives no source: the official is the one aimed at
    events = _events(nlp, "An attempt to kidnap a Nigerian senator failed.")
    assert not any(e.source.sector == "LEG" for e in events)
