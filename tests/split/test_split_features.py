"""Line features: a line's content words and names, read once."""

from __future__ import annotations

from split_texts import PARAGRAPHS

from dateline.clean import clean
from dateline.split.features import _STOP, _content_tokens, _lower_tokens, names, read_line


def test_content_words_are_counted_once_per_line() -> None:
    t = read_line(0, clean("The ISTANBUL talks: Istanbul hosts talks on İstanbul's port.").lines[0])
    assert t.tokens.count("talks") == 2
    assert t.words == frozenset(t.tokens)
    assert "the" not in t.words


def test_names_skip_the_first_word_of_the_text_and_of_each_sentence() -> None:

    text = "The talks in Oslo went on. Norway said Jonas Gahr Store and envoys from\u00e9Paris would attend."
    # "The" opens the text and "Norway" a sentence; a capital glued to a letter starts no name.
    assert names(text) == frozenset({"oslo", "jonas gahr store"})


def test_content_words_cut_by_spaces_are_those_the_word_pattern_finds() -> None:

    odd = [
        "Seoul_talks 2023abc x\x00def ghi\x7fjkl Ca",
        "\u0130stanbul\u2019s \u201cport\u201d \u2014 talks\u2026",
    ]
    for text in [*odd, "Ma\u00f1ana \u00abhoy\u00bb en Bogot\u00e1", *PARAGRAPHS]:
        by_pattern = [w for w in _lower_tokens(text) if w not in _STOP]
        assert _content_tokens(text) == by_pattern
