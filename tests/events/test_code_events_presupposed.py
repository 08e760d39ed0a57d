"""Acts a sentence takes as given, asks about or only forecasts or asks for: each beside
a close sentence that reports the act, so no rule passes by coding nothing."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.model import Article


def _types(nlp, body: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return [e.type for e in code_events(doc, article, find_actors(doc, article))]


@pytest.mark.parametrize(
    ("no_event", "event", "kind"),
    [
        # a direct question asks; a statement reports
        (
            "Will Turkey attack the Kurds in Afrin?",
            "Turkey attacked the Kurds in Afrin on Sunday.",
            "ASSAULT",
        ),
        # "threat" as a danger is no threat made; one made, owned or spelled out is
        (
            "Putin said the militants represented a threat to the city of Aleppo.",
            "Turkey issued a threat against Greece on Monday.",
            "THREATEN",
        ),
        (
            "Assad and Iran no longer face the threat of an American presence in Syria.",
            "Erdogan repeated his threat to launch an offensive against the Kurds.",
            "THREATEN",
        ),
        # a time clause of a forecast is to come
        (
            "Officials warn that thousands may die as Syrian forces storm the rebel town of Douma.",
            "Syrian forces stormed the rebel town of Douma on Monday.",
            "ASSAULT",
        ),
        # what a control verb's complement aims at is asked for too, not done
        (
            "Renas has come forward to urge Britain to do more to support Syria's Kurds.",
            "Britain supported Syria's Kurds on Monday.",
            "SUPPORT",
        ),
        (
            "The UK government is being urged to move rapidly to help the Kurds in Syria.",
            "Britain sent aid to the Kurds in Syria.",
            "AID",
        ),
        # support held over a span is a standing relation; support given on a day is an act
        (
            "The United States has long supported the Kurdish militia in Syria.",
            "The United States praised the Kurdish militia in Syria on Monday.",
            "SUPPORT",
        ),
    ],
)
def test_given_or_asked_acts_are_not_events(nlp, no_event: str, event: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert kind not in _types(nlp, no_event)
    assert kind in _types(nlp, event)


def _second_sentence_types(nlp, before: str, sentence: str) -> list[str]:  # type: ignore[no-untyped-def]
    body = f"{before} {sentence}"
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return [e.type for e in code_events(doc, article, find_actors(doc, article)) if e.sentence_start > 0]


@pytest.mark.parametrize(
    ("before", "sentence", "kind"),
    [
        (
            "New York's attorney general sued the Trump Foundation in June.",
            "The attorney general who sued the Trump Foundation is Barbara Underwood.",
            "ACCUSE",
        ),
        (
            "Kurdish forces captured hundreds of Isis fighters last year.",
            "Europe must take back the Isis fighters that Kurdish forces captured in Syria.",
            "ASSAULT",
        ),
    ],
)
def test_a_restrictive_relative_clause_repeating_an_act_is_no_event(
    nlp,  # type: ignore[no-untyped-def]
    before: str,
    sentence: str,
    kind: str,
) -> None:
    """A restrictive relative clause says who is meant by an act told before; read alone, or set
    off by a comma, it reports the act."""
    assert kind not in _second_sentence_types(nlp, before, sentence)
    assert kind in _types(nlp, sentence)  # nothing told before: labelled sentences code it
    added = sentence.replace(" who sued the Trump Foundation", ", who sued the Trump Foundation,")
    added = added.replace(" that Kurdish forces captured in Syria", ", whom Kurdish forces captured in Syria")
    assert kind in _second_sentence_types(nlp, before, added)
