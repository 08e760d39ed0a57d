"""The story metrics on a tiny hand-made pages file, and B-cubed on known clusterings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.stories import bcubed, evaluate, load_pages

PAGES = [
    {
        "story": "geneva",
        "outlet": "reuters.com",
        "url": "https://www.reuters.com/world/biden-putin-geneva",
        "date": "2021-06-16",
        "text": "Biden and Putin meet in Geneva for first summit\n\n"
        "GENEVA, June 16 (Reuters) - U.S. President Joe Biden met Russian President Vladimir Putin in Geneva "
        "on Wednesday for their first summit. The two leaders discussed arms control, cyber attacks and the "
        "jailed Russian opposition leader Alexei Navalny at Villa La Grange.\n",
    },
    {
        "story": "geneva",
        "outlet": "dw.com",
        "url": "https://www.dw.com/en/biden-putin-summit",
        "date": "2021-06-16",
        "text": "Putin and Biden hold Geneva summit talks\n\n"
        "U.S. President Joe Biden met Russian President Vladimir Putin at Villa La Grange in Geneva on "
        "Wednesday. Putin called the summit constructive; Biden said arms control and cyber attacks "
        "dominated "
        "the talks with the Russian leader.\n",
    },
    {
        "story": "geneva",
        "outlet": "urdupoint.com",
        "url": "https://www.urdupoint.com/en/world/biden-putin-geneva",
        "date": "2021-06-16",
        "text": "Biden, Putin upbeat as Geneva summit starts\n\n"
        "U.S. President Joe Biden met Russian President Vladimir Putin in Geneva on Wednesday, and both "
        "sounded upbeat as the summit at Villa La Grange began. Arms control and cyber attacks were on the "
        "agenda, officials said.\n",
    },
    {
        "story": "galwan",
        "outlet": "indiatoday.in",
        "url": "https://www.indiatoday.in/india/galwan-clash",
        "date": "2020-06-16",
        "text": "Indian soldiers killed in Galwan Valley clash with Chinese troops\n\n"
        "Twenty Indian soldiers were killed in a violent face-off with Chinese troops in the Galwan "
        "Valley of "
        "Ladakh on Monday night, the Indian Army said. It was the deadliest clash on the disputed Himalayan "
        "border in decades.\n",
    },
    {
        "story": "galwan",
        "outlet": "hindustantimes.com",
        "url": "https://www.hindustantimes.com/india-news/galwan",
        "date": "2020-06-16",
        "text": "Galwan Valley clash: 20 soldiers dead as India and China troops fight\n\n"
        "Soldiers of India and China fought with rocks and clubs in the Galwan Valley in Ladakh, leaving 20 "
        "Indian soldiers dead. The Indian Army said both sides had disengaged after the clash on the "
        "Himalayan "
        "border.\n",
    },
    {
        "story": "geneva",
        "outlet": "letemps.ch",
        "url": "https://www.letemps.ch/monde/biden-poutine-geneve",
        "date": "2021-06-16",
        "text": "Biden et Poutine se rencontrent à Genève\n\n"
        "Joe Biden et Vladimir Poutine se sont rencontrés mercredi à Genève, à la Villa La Grange, pour leur "
        "premier sommet. Les deux présidents ont parlé du contrôle des armements et des cyberattaques, selon "
        "la délégation américaine.\n",
    },
]


def test_bcubed_on_known_clusterings() -> None:
    assert bcubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(["a", "a", "b", "b"], ["x", "x", "x", "x"])
    assert (p, r) == (0.5, 1.0)
    p, r, _ = bcubed(["a", "a"], ["x", "y"])
    assert (p, r) == (1.0, 0.5)
    assert bcubed([], []) == (0.0, 0.0, 0.0)


def test_bcubed_over_scored_items_counts_the_others_as_distractors() -> None:
    # The third item is not scored, but joining it costs the second item precision.
    p, r, _ = bcubed(["a", "a", "b"], ["x", "y", "y"], [True, True, False])
    assert (p, r) == (0.75, 0.5)
    # Scoring every item is plain B-cubed.
    assert bcubed(["a", "a", "b"], ["x", "y", "y"], [True] * 3) == bcubed(["a", "a", "b"], ["x", "y", "y"])


@pytest.mark.usefixtures("nlp")
def test_evaluate_clusters_english_pages_and_links_the_french_one(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PAGES), encoding="utf-8")
    metrics = evaluate(path)
    assert metrics["pages"] == 6
    assert metrics["english_pages"] == 5
    assert metrics["bcubed_precision"] == 1.0
    assert metrics["bcubed_recall"] == 1.0
    assert metrics["bcubed_f1"] == 1.0
    # The French page names the same people, place and day as the Geneva story: it joins it.
    assert metrics["bcubed_f1_all"] == 1.0
    assert metrics["stories_found"] == 2
    assert metrics["principal_event_sources"] >= 1


@pytest.mark.usefixtures("nlp")
def test_the_ingest_path_and_the_clustering_alone_are_both_reported(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PAGES), encoding="utf-8")
    metrics = evaluate(path)
    assert metrics["clustering_bcubed_f1"] == metrics["bcubed_f1"] == 1.0
    from dateline.evaluate.parts import part_of

    check = evaluate(path, "check")
    assert check["pages"] == sum(part_of(p["story"]) == "check" for p in PAGES)
    # The part's pages are also scored with every page of the file clustered.
    assert check["pages_clustered_among"] == len(PAGES)
    assert 0.5 < metrics["orders_worst_bcubed_f1"] <= metrics["orders_bcubed_f1"] <= 1.0


def test_parts_hold_whole_stories_whatever_their_outlets(tmp_path: Path) -> None:
    # Each story told by three outlets that other stories share: an outlet split would cut it.
    pages = [
        {"story": f"s{story}", "outlet": f"outlet{(story + k) % 5}.com", "text": "x"}
        for story in range(30)
        for k in range(3)
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    fit, check = load_pages(path, "fit"), load_pages(path, "check")
    fit_stories, check_stories = {p["story"] for p in fit}, {p["story"] for p in check}
    assert fit_stories and check_stories and not fit_stories & check_stories
    assert len(fit) + len(check) == len(pages) == len(load_pages(path, "all"))
    assert all(len([p for p in check if p["story"] == s]) == 3 for s in check_stories)


@pytest.mark.usefixtures("nlp")
def test_a_page_stored_twice_takes_the_story_of_its_first_copy(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    pages = [*PAGES[:3], {**PAGES[0], "url": "https://example.net/copy", "outlet": "example.net"}]
    path.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    metrics = evaluate(path)
    # `ingest` stores the same text once; the copy is still in its story, not a story of its own.
    assert metrics["pages"] == 4 and metrics["bcubed_f1"] == 1.0 and metrics["stories_found"] == 1
