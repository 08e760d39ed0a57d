"""Saved web pages: the address a page declares for itself, and the lines cleaning drops."""

from __future__ import annotations

from dateline.ingest.html import clean_body, extract_page

STORY = (
    "<p>Flood waters rose across the river valley on Tuesday as heavy rain fell for a third day, "
    "forcing hundreds of families to leave their homes, officials said.</p>"
    "<p>Emergency crews used boats to reach villages cut off by the water, and the regional "
    "government opened schools as shelters for those who had nowhere else to go.</p>"
    "<p>Forecasters expect the rain to ease by the weekend, but warned that rivers downstream "
    "would keep rising for several days as the water drains from the hills.</p>"
)


def page(head: str) -> str:
    title = "<title>Floods force families from homes</title>"
    return f"<html><head>{title}{head}</head><body><article>{STORY}</article></body></html>"


def test_page_declares_its_canonical_address_in_its_head_or_open_graph() -> None:
    linked = extract_page(
        page(
            '<link rel="canonical" href="https://www.example-news.com/world/floods-valley">'
            '<meta property="og:url" content="https://example-news.com/amp/floods-valley">'
        )
    )
    assert linked.canonical_url == "https://www.example-news.com/world/floods-valley"
    assert extract_page(
        page('<meta property="og:url" content="https://example-news.com/floods">')
    ).canonical_url == ("https://example-news.com/floods")
    # A relative address names no page on its own.
    assert extract_page(page('<link rel="canonical" href="/world/floods-valley">')).canonical_url is None
    assert "Flood waters rose" in linked.text


def test_cleaning_drops_calls_to_action_and_stamps_but_keeps_prose() -> None:
    body = "\n".join(
        [
            "Emergency crews used boats to reach villages cut off by the water on Tuesday.",
            "Sign up for our morning newsletter",
            "Abonnez-vous à la newsletter du matin",
            "Updated 14 March 2024, 10:32",
            "TAP HERE TO GET THE APP AND READ MORE",
            "The regional government opened schools as shelters, a spokesman said at 10:30 on Tuesday.",
            "Officials said the café on the square would serve as a shelter too.",
        ]
    )
    kept = clean_body(body).splitlines()
    assert kept == [
        "Emergency crews used boats to reach villages cut off by the water on Tuesday.",
        "The regional government opened schools as shelters, a spokesman said at 10:30 on Tuesday.",
        "Officials said the café on the square would serve as a shelter too.",
    ]
