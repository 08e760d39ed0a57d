"""Unicode repair and lost-apostrophe restoration."""

from __future__ import annotations

import pytest

from dateline.clean import clean, repair, restore_apostrophes


@pytest.mark.parametrize(
    ("damaged", "restored"),
    [
        ("Korea s new envoy", "Korea's new envoy"),
        ("ahead of next month s summit", "ahead of next month's summit"),
        ("they don t agree", "they don't agree"),
        ("Ankara won t back the bid", "Ankara won't back the bid"),
        ("we re ready, they re not", "we're ready, they're not"),
        ("we ve said it and you ll see", "we've said it and you'll see"),
        ("I m sure he d agree", "I'm sure he'd agree"),
        ("Tokyo s foreign ministry.", "Tokyo's foreign ministry."),
        ("T\u00fcrkiye s bid to join", "T\u00fcrkiye's bid to join"),
        ("the treaty that Ankara doesn t", "the treaty that Ankara doesn't"),  # "n't" even at a cut end
    ],
)
def test_restores_dropped_apostrophes(damaged: str, restored: str) -> None:
    assert restore_apostrophes(damaged) == restored


@pytest.mark.parametrize(
    "text",
    [
        "a 100 m sprint",  # a unit after a number
        "the re run of the vote",  # "re" after a noun is not "are"
        "options a s and t",  # lone letters in a list
        "Cote d Ivoire",  # "d" is only a contraction after a pronoun
        "the m and the t",  # "t" only after n't auxiliaries
        "It's already right.",
        "panels found in s",  # a preposition takes no clitic: a word cut short
        "talks with Mr Morrison s",  # at a cut line end "s" may begin any word
    ],
)
def test_leaves_real_words_alone(text: str) -> None:
    assert restore_apostrophes(text) == text


def test_fixes_mojibake_and_keeps_typographic_quotes() -> None:
    assert repair("Israel says it will \u00e2\u20ac\u0153suspend\u00e2\u20ac\u009d plans") == (
        "Israel says it will \u201csuspend\u201d plans"
    )
    assert repair("South Korea\u2019s foreign ministry") == "South Korea\u2019s foreign ministry"


def test_lines_keep_raw_offsets() -> None:
    raw = "Seoul s view\n\n  Second line here  \n"
    lines = clean(raw).lines
    assert [line.text for line in lines] == ["Seoul's view", "Second line here"]
    assert [raw[line.start : line.end].strip() for line in lines] == ["Seoul s view", "Second line here"]


def test_seed_apostrophes(seed_text: str) -> None:
    text = "\n".join(line.text for line in clean(seed_text).lines)
    for phrase in (
        "South Korea's new chief nuclear envoy",
        "next month's summit",
        "Tokyo's foreign ministry",
    ):
        assert phrase in text
    assert " s " not in text


def test_lines_with_nothing_to_fix_come_back_unchanged() -> None:
    # Plain ASCII and typographic quotes take the fast path; they must not change.
    for line in ("Seoul and Tokyo agreed on Monday.", "\u201cWe will talk,\u201d he said \u2014 again\u2026"):
        assert repair(line) == line


def test_entities_and_mojibake_still_reach_ftfy() -> None:
    assert repair("Trade &amp; industry") == "Trade & industry"
    assert repair("Israel says it will \u00e2\u20ac\u0153suspend\u00e2\u20ac\u009d plans") == (
        "Israel says it will \u201csuspend\u201d plans"
    )


def test_whole_text_repair_matches_line_by_line() -> None:
    raw = (
        "Korea s envoy met Japan s envoy.\n"
        "talks with Mr Morrison s\n"  # a cut line end: the "s" may begin any word
        "they don t agree  \n"
        "Israel says it will \u00e2\u20ac\u0153suspend\u00e2\u20ac\u009d plans\r\n"
        "Caf\u00e9 owners s  aid\n"
    )
    lines = clean(raw).lines
    assert [line.text for line in lines] == [repair(raw[line.start : line.end].strip()) for line in lines]
    assert lines[1].text == "talks with Mr Morrison s"
    assert lines[2].text == "they don't agree"
    assert lines[3].text == "Israel says it will \u201csuspend\u201d plans"


def test_carriage_returns_end_lines() -> None:
    raw = "First line here\r\nSecond s line\rThird line"
    lines = clean(raw).lines
    assert [raw[line.start : line.end] for line in lines] == [
        "First line here",
        "Second s line",
        "Third line",
    ]
