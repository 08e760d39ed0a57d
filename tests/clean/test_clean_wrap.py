"""Hard-wrapped paragraphs are joined before splitting, keeping the text's length and offsets."""

from __future__ import annotations

import textwrap

from dateline.clean import clean
from dateline.clean.wrap import unwrap, wrap_width
from dateline.model import RawDoc
from dateline.split import split

PARAGRAPHS = [
    "PARIS (AFP) - France will host an international conference to raise aid for Lebanon next week, "
    "the foreign ministry said on Monday.",
    "Speaking in Beirut, French Foreign Minister Jean-Yves Le Drian called on Lebanese leaders to "
    "form a government able to carry out reforms quickly.",
    "The conference, to be held by video link, will gather donors and international organisations, the "
    "ministry said in a statement.",
]


def wrapped(width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"


def test_wrapped_paragraphs_are_joined_and_offsets_kept() -> None:
    text = wrapped(54)
    assert any(line.endswith("Jean-Yves") for line in text.splitlines()), "the wrap cuts inside the name"
    assert wrap_width(text) == max(len(line) for line in text.splitlines())  # the longest line
    joined = unwrap(text)
    assert len(joined) == len(text)
    assert [" ".join(p.split()) for p in joined.split("\n\n")] == PARAGRAPHS
    [article] = split(clean(text), RawDoc(text=text))
    assert "Jean-Yves Le Drian called" in article.body
    assert text[article.start : article.end].startswith("PARIS (AFP)")


def test_text_that_is_not_hard_wrapped_is_left_alone(seed_text: str) -> None:
    assert unwrap(seed_text) == seed_text
    short_lines = "Home\nWorld\nPolitics\nBusiness\nSport\nWeather\nContact us\n"
    assert unwrap(short_lines) == short_lines
    lists = "\n".join(
        ["Key points of the agreement, as the two ministers described them:"]
        + [f"- point {n}: the two sides will meet again in the spring to review the plan" for n in range(6)]
    )
    assert "\n- point 3" in unwrap(lists)
