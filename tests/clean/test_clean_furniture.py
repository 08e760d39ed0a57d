"""Page furniture: generic patterns mark lines, never delete them."""

from __future__ import annotations

import pytest

from dateline.clean import clean, furniture_reason


@pytest.mark.parametrize(
    "line",
    [
        "3 Min Read",
        "2 min read",
        "1 min read . 10:10 AM IST Staff Writer",
        "Slideshow ( 4 images )",
        "Go to Contents",
        "Skip to main content",
        "(END)",
        "Advertisement",
        "ADVERTISEMENT",
        "Share this article",
        "Reporting by Hyonhee Shin; Editing by Alex Richardson",
        "Copyright 2021 The Associated Press. All rights reserved",
        "\u00a9 2023 Some Daily",
        "world",
        "news",
        "jane.doe@example-news.com",
        "Related News",
        "Leave a Comment",
        "1 / 9",
        "Members of the honor guard stand at attention. REUTERS/Jane Doe",
        "Photo: Yonhap",
        "example-daily.com - get the latest breaking news and top stories from example-daily.com",
        "Foreign Minister Ana Ruiz (L) and her counterpart Tomas Berg (R) shake hands before talks in Oslo",
        "Prime Minister Lena Holm, left, and President Ivo Marek pose for a photo at the palace",
        "Envoy Sam Okafor signs the accord with rebel leaders in Nairobi, Kenya, on Saturday, Feb. 29, 2020.",
        "This combination of pictures shows the two leaders at separate events in May",
        "Ministers met for a second day as talks on the plan to...",
        "#summit #talks #ceasefire",
        "For all the latest headlines follow our news channel online or via the app.",
        "See also Ten things to know about the summit",
        "Your browser doesn\u2019t support HTML5",
        "Official photo by Jane Doe",
        # Newsletter, alert and consent prompts.
        "Get our briefing every morning. By submitting your email you agree to our Terms and Privacy Policy",
        "We use cookies to improve your experience on our site.",
        "Sign up for our free Daily Digest newsletter",
        "\u2022 16x9 Image",
        "The latest on the border talks:",
        "Space and science news from ExampleDaily.com",
        # Captions in agency style: the place and full date close the line, or a credit does.
        "Prime Minister Lena Holm shakes hands with President Ivo Marek, as they meet at the palace in "
        "Oslo, Norway, March 16, 2023.",
        "Envoys attend the signing of the accord in the capital on February 29, 2020. \u2013 The two sides "
        "are set to sign a deal that would see them agree to a ceasefire after months of talks, which "
        "diplomats said could open the way to wider negotiations over the disputed region.",
        "A guard stands outside the villa during the summit. REUTERS/Jane Doe/Pool",
        "A destroyer in the harbour. (COAST GUARD)",
        "Delegates shake hands during the ceremony at the old palace inShow more",
        "Ministers met for a second day as the bloc weighed a plan to cap prices on the gas mark...",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert furniture_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "S. Korea's new top nuclear envoy holds phone talks with Japanese counterpart",
        "By Jane Doe",
        "The two sides agreed to meet again next month, the ministry said.",
        "SEOUL (Reuters) - A senior envoy said on Wednesday the alliance will remain firm.",
        "Published : Dec 23, 2020",  # a date is metadata for split, not furniture
        "Turkish President Recep Tayyip Erdogan said he would forward the bid to parliament.",
        # Present tense and a position word, but reported speech: a paragraph, not a caption.
        "The minister, left, says the talks will resume in June and stands by the offer.",
        '"We have said what we had to say..." he told reporters after the talks.',
        "President Biden arrives in Seoul on Friday for three days of talks with President Yoon.",
        # A plan in prose, not a picture: "will meet" is not "meet".
        "The two leaders will meet in Geneva on June 16, 2021.",
        # A position in a picture, but a paragraph goes on after it.
        "President Ana Ruiz (right) shakes hands with the envoy in Oslo. On the same day, the president "
        "held talks with the prime minister on trade.",
        # An agency's name alone is the article's source; a possessive or a letter is a cut paragraph.
        "Reuters",
        "Israel's",
        "H",
        # A post the article quotes.
        "Welcome to Oslo, President Ruiz. pic.twitter.com/abc123 \u2014 Jane Doe (@janedoe) August 18, 2023",
        "The ministry said the new rules on cookies and data would take effect next year.",
    ],
)
def test_text_lines_are_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


@pytest.mark.parametrize("line", ["s.parentNo", "!function(f,b,e,v,n,t,s)", "n.callMethod?"])
def test_scraps_of_page_script_are_code(line: str) -> None:
    assert furniture_reason(line) == "code"


def test_headline_glued_to_site_description() -> None:
    raw = (
        "Ministers meet in Hanoi on trade pact dailypost.com.vn - get the latest breaking news, "
        "sport news and top stories from dailypost.com.vn"
    )
    (line,) = clean(raw).lines
    assert line.furniture == "site-description"
    assert line.headline_part == "Ministers meet in Hanoi on trade pact"


def test_seed_furniture(seed_text: str) -> None:
    marked = {line.text: line.furniture for line in clean(seed_text).lines}
    assert marked["3 Min Read"] == "read-time"
    assert marked["Slideshow ( 4 images )"] == "gallery"
    assert marked["news"] == "label"
    assert marked["By Kang Seung-woo"] is None
    glued = [line for line in clean(seed_text).lines if line.headline_part]
    assert [line.headline_part for line in glued] == ["Moon out of step with Biden ahead of Korea-US summit"]


def test_dev_furniture_precision(shared_data) -> None:  # type: ignore[no-untyped-def]
    """On hand-labelled pages, lines marked as furniture are nearly always furniture."""
    import json

    pages = [json.loads(x) for x in (shared_data / "news" / "pages.dev.jsonl").open(encoding="utf-8")]
    labels = [json.loads(x) for x in (shared_data / "news" / "labels.dev.jsonl").open(encoding="utf-8")]
    hits = marked = 0
    for page, label in zip(pages, labels, strict=True):
        for text, tag in zip(page["text"].split("\n"), label["labels"], strict=True):
            if text.strip() and furniture_reason(text.strip()):
                marked += 1
                hits += tag == "FURNITURE"
    assert marked > 50 and hits / marked >= 0.9


def test_long_lines_are_tried_against_open_ended_patterns() -> None:
    # Longer than any bounded pattern can match: only the open-ended ones apply, and still do.
    names = ", ".join(["Hyonhee Shin", "Josh Smith", "Sangmi Cha", "Soo-hyang Choi", "David Brunnstrom"] * 6)
    line = f"Reporting by {names}; Editing by Gerry Doyle"
    assert len(line) > 300
    assert furniture_reason(line) == "sign-off"
    caption = (
        "South Korea's Foreign Minister speaks during a news conference at the ministry in Seoul, where he "
        "answered questions from reporters about the coming talks with Japan and the United States on "
        "trade and security in the region. REUTERS/Kim Hong-Ji"
    )
    assert len(caption) > 200
    assert furniture_reason(caption) == "caption"


def test_long_paragraph_is_not_furniture() -> None:
    line = (
        "The talks came as Seoul seeks closer cooperation with Washington and Tokyo, officials said, "
        "adding that the three countries would meet again next month to discuss the North's missile "
        "launches and sanctions, and that no date had been set yet for a summit between the leaders."
    )
    assert furniture_reason(line) is None


def test_one_giant_word_is_classified_in_linear_time() -> None:
    # Binary junk or a pasted blob can be one huge "word"; a pattern retried at every letter of
    # it would take seconds (quadratic), a linear one a few milliseconds.
    import time

    started = time.process_time()
    for blob in ("a" * 30_000 + "=", "a" * 30_000 + "@", "A" + "b" * 30_000 + "."):
        assert clean(blob).lines
    assert time.process_time() - started < 1.0
