"""Furniture learned from repetition: the same line under one outlet in many articles."""

from __future__ import annotations

from dateline.clean import clean, learn_furniture, lines_for

PITCH = "The Daily Courier, independent news since 1887"


def _article(n: int) -> str:
    return (
        f"Talks on the border dispute entered day {n} on Monday, officials said.\n"
        f"The delegations will meet again next week to discuss point {n} of the plan.\n"
        f"{PITCH}\n"
    )


def test_a_line_repeated_under_one_outlet_is_furniture() -> None:
    corpus = [("Daily Courier", _article(n)) for n in range(5)] + [("Other Times", _article(9))]
    learned = learn_furniture(corpus, min_articles=3)
    assert lines_for(learned, "Daily Courier") == {PITCH.casefold()}
    # One article is not enough to learn anything about another outlet.
    assert lines_for(learned, "Other Times") == frozenset()

    lines = clean(_article(7), learned=lines_for(learned, "Daily Courier")).lines
    assert [line.furniture for line in lines] == [None, None, "repeated"]
    # Without what was learned, the pitch reads as text.
    assert clean(_article(7)).lines[2].furniture is None


def test_the_same_page_twice_teaches_nothing() -> None:
    corpus = [("Daily Courier", _article(1))] * 4
    assert learn_furniture(corpus, min_articles=3) == {}


def test_unknown_outlet_uses_every_outlets_lines() -> None:
    corpus = [("A", _article(n)) for n in range(3)]
    assert PITCH.casefold() in lines_for(learn_furniture(corpus), None)
