"""Wire copies are stored and linked to the first copy (`duplicate_of`), never dropped."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.model import ProcessedDoc, RawDoc
from dateline.store import Store
from dateline.store.dedup import DuplicateIndex, fingerprint

WIRE = (
    "CARACAS, Venezuela (AP) — Venezuela's government and opposition leaders signed a memorandum of "
    "understanding on Friday in Mexico City that lays out the agenda for negotiations aimed at ending "
    "the country's long political crisis. The talks, mediated by Norway, will address political rights, "
    "elections with guarantees, the lifting of sanctions and respect for the constitution, according to "
    "the document signed by both delegations at the National Museum of Anthropology."
)
OTHER = (
    "CANBERRA (Reuters) - Australia will build nuclear-powered submarines with technology from the United "
    "States and Britain under a new security partnership announced on Wednesday, a move that drew an angry "
    "response from China and ended a French contract worth tens of billions of dollars."
)


def save(store: Store, text: str, outlet: str) -> str:
    doc = RawDoc(text=text, outlet=outlet, path=f"{outlet}.html")
    assert store.save(ProcessedDoc(doc=doc, articles=()))
    return doc.id


def test_exact_and_near_copies_are_linked_and_other_stories_are_not(tmp_path: Path) -> None:
    with Store(tmp_path / "news.duckdb") as store:
        first = save(store, WIRE, "wsls.com")
        exact = save(store, WIRE.upper().replace("—", "-").replace(",", " ,"), "a.example")
        near = save(
            store,
            "Home | World | Politics\nShare this story\n"
            + WIRE.replace("Friday", "Friday night")
            + "\nRead more: other stories from our site",
            "borneobulletin.com.bn",
        )
        other = save(store, OTHER, "reuters.com")
        rows = {r["id"]: r for r in store.documents()}
    assert rows[first]["duplicate_of"] is None and rows[first]["copies"] == 2
    assert rows[near]["duplicate_of"] == first
    assert rows[other]["duplicate_of"] is None
    assert rows[exact]["duplicate_of"] == first


def test_links_survive_reopening_the_store(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        first = save(store, WIRE, "wsls.com")
    with Store(path) as store:
        copy = save(store, WIRE + " The next round of talks is due in September.", "webjosh.com")
        rows = {r["id"]: r for r in store.documents()}
    assert rows[copy]["duplicate_of"] == first


def test_dev_pages_link_wire_copies_within_stories_only(shared_data: Path) -> None:
    pages = [json.loads(line) for line in (shared_data / "news" / "pages.dev.jsonl").open(encoding="utf-8")]
    index = DuplicateIndex()
    links = []
    for number, page in enumerate(pages):
        fp = fingerprint(page["text"])
        original = index.find(fp)
        if original is not None:
            links.append(
                (page["story"], pages[int(original)]["story"], page["outlet"], pages[int(original)]["outlet"])
            )
        index.add(str(number), fp, original)
    assert all(a == b for a, b, _, _ in links), links
    linked = {(story, outlet) for story, _, outlet, _ in links} | {(story, o) for story, _, _, o in links}
    # The AP story of story 24 reprinted by three sites, and the Washington Post story in story 18.
    assert {("24", "wsls.com"), ("24", "borneobulletin.com.bn"), ("24", "webjosh.com")} <= linked
    assert {("18", "washingtonpost.com"), ("18", "thehimalayanvoice.blogspot.com")} <= linked
