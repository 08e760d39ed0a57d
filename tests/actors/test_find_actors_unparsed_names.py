"""A surname in a parsed sentence takes the full name written in a sentence left unparsed."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.actors.unparsed import unparsed_full_names
from dateline.model import Article
from dateline.nlp import parse_events


def _first_unparsed(text: str):  # type: ignore[no-untyped-def]
    """The Doc of `text` with its first sentence left unparsed, as the sentence filter may."""
    return next(parse_events([text], select=lambda ss: [False] + [True] * (len(ss) - 1)))


def _names(text: str) -> dict[str, str]:
    doc = _first_unparsed(text)
    article = Article(doc_id="t", position=0, start=0, end=len(text), body=text, date="2019-05-01")
    return {m.text: m.actor.name for m in find_actors(doc, article).mentions}


def test_surname_takes_the_full_name_of_an_unparsed_sentence() -> None:
    text = (
        "The leader of the opposition, Juan van der Berg, gave a long speech.\n"
        "On Monday, Berg criticised the government in Pretoria."
    )
    assert _names(text)["Berg"] == "Juan van der Berg"


def test_titles_and_country_words_are_not_part_of_the_name() -> None:
    doc = _first_unparsed("Kenyan opposition leader Amina Wanjiru Odera spoke.\nOdera accused the police.")
    assert unparsed_full_names(doc) == {"Amina Wanjiru Odera"}
    doc = _first_unparsed("But Minister Tomas Halvorsen-Berg left early.\nHalvorsen-Berg met the envoy.")
    assert unparsed_full_names(doc) == {"Tomas Halvorsen-Berg"}


def test_two_people_of_one_surname_leave_it_as_written() -> None:
    text = (
        "Juan van der Berg and Maria van der Berg were at the rally.\n"
        "On Monday, Berg criticised the government in Pretoria."
    )
    assert _names(text)["Berg"] == "Berg"


def test_a_fully_parsed_document_reads_no_names_from_its_words() -> None:
    doc = next(
        parse_events(
            ["Juan van der Berg spoke.\nBerg criticised the government."], select=lambda ss: [True] * len(ss)
        )
    )
    assert unparsed_full_names(doc) == set()


def test_only_the_unparsed_sentences_holding_a_wanted_word_are_read() -> None:
    doc = next(
        parse_events(
            ["Juan van der Berg spoke.\nMaria Okafor-Dúbravka left.\nBerg criticised the government."],
            select=lambda ss: [False, False, True],
        )
    )
    assert unparsed_full_names(doc) == {"Juan van der Berg", "Maria Okafor-Dúbravka"}
    assert unparsed_full_names(doc, {"Berg"}) == {"Juan van der Berg"}
    # a wanted word is matched without accents, as the actor finder compares names
    assert unparsed_full_names(doc, {"Dubravka"}) == {"Maria Okafor-Dúbravka"}
    assert unparsed_full_names(doc, {"Mbeki"}) == set()
