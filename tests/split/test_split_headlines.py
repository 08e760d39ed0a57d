"""Choosing an article's headline among the titles a page prints around its body."""

from __future__ import annotations

from dateline.clean import clean
from dateline.model import Article, RawDoc
from dateline.split import split


def _split(text: str) -> list[Article]:
    return split(clean(text), RawDoc(text=text))


LIVE_PAGE = """\
Talks on the river treaty
live news
Latest
Floods in the south
Live Updates
Ministers reopen talks on the river treaty in Geneva
By Ana Ruiz
Updated 9:10 a.m. ET, May 4, 2023
Ministers from both countries reopened talks on the river treaty in Geneva on Monday, officials said.
The two delegations agreed to set up a joint commission to monitor the river and share flow data.
"""


def test_the_title_over_the_byline_wins_over_a_live_pages_tab_title() -> None:
    (article,) = _split(LIVE_PAGE)
    assert article.headline == "Ministers reopen talks on the river treaty in Geneva"
    removed = {LIVE_PAGE[s.start : s.end] for s in article.removed}
    assert "Talks on the river treaty" in removed


SUMMIT_BODY = """\
Leaders of three countries agreed on Friday to expand security ties at a summit in the harbour city.
They said they would meet every year and set up a hotline between their capitals.
"""
TOPIC_LABEL = "Harbour Security Summit\n" + SUMMIT_BODY


def test_a_topic_label_over_the_text_is_no_headline() -> None:
    (article,) = _split(TOPIC_LABEL)
    assert article.headline is None
    assert any(TOPIC_LABEL[s.start : s.end] == "Harbour Security Summit" for s in article.removed)


def test_a_short_title_over_its_date_line_is_still_a_headline() -> None:
    text = "Harbour Security Summit\nMay 4, 2023\n" + SUMMIT_BODY
    (article,) = _split(text)
    assert article.headline == "Harbour Security Summit"


def test_a_masthead_glued_to_its_slogan_after_the_body_is_no_headline() -> None:
    text = SUMMIT_BODY + "The Daily PostNews You Can Trust\n"
    (article,) = _split(text)
    assert article.headline is None


def test_a_title_after_its_body_that_repeats_its_words_is_the_headline() -> None:
    text = SUMMIT_BODY + "Three Leaders Agree Security Hotline At Harbour Summit\n"
    (article,) = _split(text)
    assert article.headline == "Three Leaders Agree Security Hotline At Harbour Summit"


def test_a_title_that_shares_no_word_with_the_text_is_no_headline() -> None:
    # A promotion over the text names another story; the story's own title shares its words.
    text = "Save hundreds on the new laptop range\n" + SUMMIT_BODY
    (article,) = _split(text)
    assert article.headline is None
    text = "Save hundreds on the new laptop range\nLeaders agree security hotline at summit\n" + SUMMIT_BODY
    (article,) = _split(text)
    assert article.headline == "Leaders agree security hotline at summit"
