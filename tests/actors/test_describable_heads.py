"""`describable` flags every token `describe` may make an actor of, without building Tokens."""

from __future__ import annotations

from dateline.actors.phrases import describable, describe, phrase_heads
from dateline.nlp import parse, parse_events

TEXTS = [
    "Thousands of Nigerians marched in Abuja on Monday, and USAID said Western nations "
    "would send aid. A group of Moroccan diplomats met the police chief.",
    "The weather in Seoul was cold. NATO allies and Gulf states backed the talks, "
    "two officials said; 300 troops left.",
]


def test_tokens_not_flagged_are_never_actors(nlp: object) -> None:
    for doc in [*parse(TEXTS), *parse_events(TEXTS)]:
        flags = describable(doc)
        assert len(flags) == len(doc)
        assert all(describe(t) is None for t, flag in zip(doc, flags, strict=True) if not flag)
        # the heads among the flagged ones are the heads that can give a draft
        heads = [t.i for t in phrase_heads(doc) if describe(t) is not None]
        assert [t.i for t in phrase_heads(doc, flags) if describe(t) is not None] == heads


def test_names_numbers_acronyms_and_collectives_are_flagged(nlp: object) -> None:
    doc = next(parse(TEXTS[:1]))
    flags = dict(zip((t.text for t in doc), describable(doc), strict=False))
    assert flags["Nigerians"] and flags["USAID"] and flags["Thousands"] and flags["group"]
    assert not flags["marched"] and not flags["on"] and not flags["."]


def test_an_empty_doc_has_no_flags(nlp: object) -> None:
    assert describable(next(parse([""]))) == []
