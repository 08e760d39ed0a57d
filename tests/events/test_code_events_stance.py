"""Acts a clause tells as a party's habit or view, not as done on a day: an act verb in the
simple present in a subordinate clause (beside the presents that stay acts: leads and
captions, reported speech, "as" clauses), and agreeing that something is so. Each beside a
close sentence that reports the act, so no rule passes by coding nothing."""

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
        # a relative clause in the present says who a party is
        (
            "Erdogan accused Washington, which supports the Kurdish militia, of arming terrorists.",
            "Erdogan accused Washington, which supported the Kurdish militia on Monday, of arming rebels.",
            "SUPPORT",
        ),
        (
            "Britain could lift the embargo that prevents the Kurds from buying weapons.",
            "Turkey prevented the Kurds from buying weapons on Monday.",
            "COERCE",
        ),
        # an adverbial clause in the present gives a standing reason or concession
        (
            "Diplomats say the talks resumed because Washington accepts the Iranian proposal.",
            "Diplomats say the talks resumed after Washington accepted the Iranian proposal.",
            "AGREE",
        ),
    ],
)
def test_a_present_in_a_subordinate_clause_is_no_event(nlp, no_event: str, event: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert kind not in _types(nlp, no_event)
    assert kind in _types(nlp, event)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # leads, headlines and captions tell news in the present
        ("Obama lifts the US embargo on arms sales to Vietnam.", "RETREAT"),
        ("Japan imposes export controls on South Korea", "COERCE"),
        # the present of a speaker's own words is their act of saying
        ("Harris said the United States condemns the missile launch by North Korea.", "ACCUSE"),
        ("“Saudi Arabia and the US urge both sides to end the war,” reads a statement.", "REQUEST"),
        # what is under way as the report is made
        ("Turkish jets bombed Afrin as Turkish troops besiege the town.", "COERCE"),
    ],
)
def test_presents_that_report_acts_stay_events(nlp, sentence: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert kind in _types(nlp, sentence)


@pytest.mark.parametrize(
    ("no_event", "event", "kind"),
    [
        # agreeing that something is so shares a view; agreeing on what is to be done is an agreement
        (
            "The cabinet agreed that the Assad regime has a record of using chemical weapons.",
            "The two states agreed that their foreign ministers would meet in Beijing.",
            "AGREE",
        ),
        # a report frame parsed as the verb's clause is no view agreed to
        (
            "The cabinet agreed that the Assad regime has a record of using chemical weapons.",
            "Kosovo and Serbia agreed on the EU plan after 12 hours of talks, the EU envoy announced.",
            "AGREE",
        ),
        (
            "Britain and France agreed that Russia was behind the poisoning.",
            "Britain and France agreed to expel Russian diplomats.",
            "AGREE",
        ),
    ],
)
def test_assent_to_a_view_is_no_agreement(nlp, no_event: str, event: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert kind not in _types(nlp, no_event)
    assert kind in _types(nlp, event)
