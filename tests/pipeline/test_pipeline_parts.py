"""A long paste is processed in parts of a few articles, which together hold what the whole does."""

from __future__ import annotations

from importlib import resources

from dateline.model import Article, ProcessedDoc, RawDoc
from dateline.pipeline import process_documents

# Three articles from three outlets, pasted into one text (the bundled example).
PASTE = resources.files("dateline.examples").joinpath("korea-diplomacy.txt").read_text("utf-8")
SHORT = "CAIRO (Reuters) - Egypt condemned an Israeli air strike on a school in Gaza on Saturday."


def _events(results: list[ProcessedDoc]) -> list[tuple[str, str, int]]:
    return sorted((e.id, e.article_id, e.trigger_start) for r in results for e in r.events)


def test_a_long_paste_comes_in_parts_that_hold_what_the_whole_holds(nlp: object) -> None:
    docs = [RawDoc(text=SHORT), RawDoc(text=PASTE), RawDoc(text=SHORT + " Again.")]
    whole = list(process_documents(docs))
    parted = list(process_documents(docs, part_size=1))
    assert len(whole) == 3 and len(whole[1].articles) == 3
    # the short documents are whole; the paste is three parts of one article, in order
    assert [(r.part, r.parts) for r in parted] == [(0, 1), (0, 3), (1, 3), (2, 3), (0, 1)]
    assert [r.last_part for r in parted] == [True, False, False, True, True]
    assert {r.all_articles for r in parted[1:4]} == {3}
    assert [a.id for r in parted[1:4] for a in r.articles] == [a.id for a in whole[1].articles]
    assert _events(parted) == _events(whole) and _events(whole)
    assert {k for r in parted[1:4] for k in r.mentions} == set(whole[1].mentions)


def test_parts_said_to_be_stored_are_skipped_but_never_the_last(nlp: object) -> None:
    first = list(process_documents([RawDoc(text=PASTE)], part_size=1))
    stored = {first[0].articles[0].id, first[1].articles[0].id, first[2].articles[0].id}

    def already(articles: list[Article]) -> bool:
        return all(a.id in stored for a in articles)

    resumed = list(process_documents([RawDoc(text=PASTE)], part_size=1, stored_part=already))
    assert [r.part for r in resumed] == [2]
    assert _events(resumed) == _events(first[2:])
