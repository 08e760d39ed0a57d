"""Parties of joint acts: "the two sides" named before, mediators and topics as no target."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.events.coder import rule_events
from dateline.model import Article, Event


def _rule_events(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return rule_events(doc, article, find_actors(doc, article), learned_roles=False)


def _pairs(nlp, body: str, kind: str) -> set[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return {
        (e.source.name, e.target.name if e.target else None)
        for e in _rule_events(nlp, body)
        if e.type == kind
    }


@pytest.mark.parametrize(
    ("body", "kind", "pairs"),
    [
        # a civil war's two sides are of one country
        (
            "The Ethiopian government and the Tigray rebels met in Pretoria on Monday. "
            "The two parties formally agreed on a cessation of hostilities, the mediator said.",
            "AGREE",
            {("Ethiopian government", "Tigray rebels"), ("Tigray rebels", "Ethiopian government")},
        ),
        # "the parties", uncounted, as the subject of a joint act
        (
            "Israel and Hamas exchanged fire for a week. The parties agreed to a truce on Friday.",
            "AGREE",
            {("Israel", "Hamas"), ("Hamas", "Israel")},
        ),
    ],
)
def test_a_group_subject_of_a_joint_act_is_the_pair_named_before(
    nlp, body: str, kind: str, pairs: set
) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert _pairs(nlp, body, kind) == pairs


def test_three_countries_are_two_of_the_three_named_together(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Germany, France and Italy signed a joint statement on Friday. "
        "The three countries agreed to hold annual summits."
    )
    pairs = _pairs(nlp, body, "AGREE")
    named = {"Germany", "France", "Italy"}
    assert pairs and all(source in named and target in named for source, target in pairs), pairs


def test_two_people_of_one_country_are_not_two_sides(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Biden and Harris spoke on Monday. The leaders agreed to raise taxes."
    assert all(target is None for _, target in _pairs(nlp, body, "AGREE"))


def test_a_group_object_is_each_party_named_before_other_than_the_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Israel and Hamas fought for weeks. Qatar urged both sides to accept a ceasefire."
    assert _pairs(nlp, body, "REQUEST") == {("Qatar", "Israel"), ("Qatar", "Hamas")}


@pytest.mark.parametrize(
    "body",
    [
        "Allies of the president signed a memorandum of understanding for talks facilitated by the "
        "Norwegian government.",
        "Kosovo reached an agreement on the annex under the mediation of the European Union.",
    ],
)
def test_a_mediator_is_no_partner(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    targets = {e.target.name for e in _rule_events(nlp, body) if e.target}
    assert not targets & {"Norwegian government", "European Union"}, targets


def test_a_matter_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The United States strongly supports the normalisation of Serbia-Kosovo relations."
    assert all(e.target is None for e in _rule_events(nlp, body)), _rule_events(nlp, body)
