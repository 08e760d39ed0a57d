"""Wire copies are stored and linked to the first copy (`duplicate_of`), never dropped."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.model import ProcessedDoc, RawDoc
from dateline.store import Store
from dateline.store.dedup import DuplicateIndex, canonical_url, fingerprint

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
        original = index.find(fp, [page["url"]])
        if original is not None:
            links.append(
                (page["story"], pages[int(original)]["story"], page["outlet"], pages[int(original)]["outlet"])
            )
        index.add(str(number), fp, original, [page["url"]])
    assert all(a == b for a, b, _, _ in links), links
    linked = {(story, outlet) for story, _, outlet, _ in links} | {(story, o) for story, _, _, o in links}
    # The AP story of story 24 reprinted by three sites, and the Washington Post story in story 18.
    assert {("24", "wsls.com"), ("24", "borneobulletin.com.bn"), ("24", "webjosh.com")} <= linked
    assert {("18", "washingtonpost.com"), ("18", "thehimalayanvoice.blogspot.com")} <= linked
    # CNN's live page of story 11 and a proxy's snapshot of one of its entries: new text, same page.
    assert {("11", "edition.cnn.com"), ("11", "initialnews.com")} <= linked


def test_snapshots_of_one_address_are_linked_whatever_their_text(tmp_path: Path) -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Page(RawDoc):
        canonical_url: str | None = None

    blog = "https://www.example-news.com/world/live-news/flood-updates/index.html?utm_source=rss"
    with Store(tmp_path / "news.duckdb") as store:
        first = RawDoc(text=WIRE, url=blog, path="a.html")
        # A later snapshot of the same live page, saved by a proxy that wraps its address.
        later = Page(
            text=OTHER,
            url="http://proxy.example.org/view.php?url=https%3A%2F%2Fexample-news.com%2Fworld%2Flive-news%2Fflood-updates",
            path="b.html",
        )
        # A saved page known only by the address it declares for itself.
        saved = Page(
            text="Rescue teams reached the last cut-off village by boat on Wednesday, officials said.",
            canonical_url="https://example-news.com/world/live-news/flood-updates/",
            path="c.html",
        )
        # The site's home page names no story: sharing it links nothing.
        home_a = RawDoc(
            text="Markets rallied on Monday as oil prices fell for a second day.",
            url="https://example-news.com/",
        )
        home_b = Page(
            text="Wildfires forced the evacuation of three towns in the south on Sunday, officials said.",
            canonical_url="https://www.example-news.com/",
            path="d.html",
        )
        for doc in (first, later, saved, home_a, home_b):
            assert store.save(ProcessedDoc(doc=doc, articles=()))
        rows = {r["id"]: r for r in store.documents()}
    assert rows[later.id]["duplicate_of"] == first.id
    assert rows[saved.id]["duplicate_of"] == first.id
    assert rows[home_b.id]["duplicate_of"] is None


def test_an_entry_of_a_live_page_and_a_mirror_edition_name_the_page_itself() -> None:
    page = canonical_url(
        "https://edition.example-news.com/world/live-news/g20-summit-leaders-meet-bali/index.html"
    )
    entry = canonical_url(
        "https://www.example-news.com/world/live-news/g20-summit-leaders-meet-bali/h_93dc31c74b4b"
    )
    assert page == entry == "example-news.com/world/live-news/g20-summit-leaders-meet-bali"
    # An id after a short section name is the article itself, not an entry of a page.
    article = "example-news.com/world/asia/20210813"
    assert canonical_url(f"https://{article}") == article
    # A page under another page's slug, named by words rather than an id, is a page of its own.
    child = "example-news.com/live/flood-updates-day-one-north/rescue-teams-reach-town"
    assert canonical_url(f"https://{child}") == child


def test_the_store_links_the_wire_copies_the_in_memory_index_links(tmp_path: Path, shared_data: Path) -> None:
    """The store looks copies up in its band and address tables, one document at a time: on the dev
    pages it links each page to the same first copy as the whole LSH index held in memory."""
    pages = [json.loads(line) for line in (shared_data / "news" / "pages.dev.jsonl").open(encoding="utf-8")]
    index = DuplicateIndex()
    expected: dict[str, str | None] = {}
    with Store(tmp_path / "pages.duckdb") as store:
        for page in pages:
            doc = RawDoc(text=page["text"], url=page["url"], outlet=page["outlet"])
            if doc.id in expected:
                continue
            fp = fingerprint(doc.text)
            expected[doc.id] = index.find(fp, [doc.url])
            index.add(doc.id, fp, expected[doc.id], [doc.url])
            assert store.save(ProcessedDoc(doc=doc, articles=()))
        found = {r["id"]: r["duplicate_of"] for r in store.documents()}
    assert found == expected
    assert sum(v is not None for v in found.values()) >= 7


def test_a_store_from_before_the_band_table_finds_its_copies_after_the_upgrade(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "v6.duckdb"
    with Store(path) as store:
        first = save(store, WIRE, "wsls.com")
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE document_bands; DROP TABLE document_urls; DROP TABLE cluster_stories")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as store:
        copy = save(store, WIRE + " The next round of talks is due in September.", "webjosh.com")
        rows = {r["id"]: r for r in store.documents()}
    assert rows[copy]["duplicate_of"] == first
