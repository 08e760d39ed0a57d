"""One page, one article: a document its source gives as one article (a page, a feed entry, a
record with a title or URL) is cut only where another report opens; pastes still split."""

from __future__ import annotations

import pytest

from dateline.clean import clean
from dateline.ingest.html import PageDoc
from dateline.model import RawDoc
from dateline.split import gaps, split

# A listicle page: headline-shaped section titles over paragraphs on changing subjects, the last
# named by its paragraph as a headline is by its lede.
LISTICLE = """Eat well before your workout
If you train in the morning, a small meal an hour before helps you keep going through it, trainers say.
Oatmeal with berries gives slow carbohydrates and some fibre, and it is easy on the stomach before exercise.
Greek yogurt with honey adds protein, which helps muscles recover after a hard session at the gym.
Drink 20-30 minutes before your workout
Water matters more than any supplement: even mild dehydration makes a workout feel harder than it is.
Coffee can help too, as caffeine makes effort feel easier, though too much of it upsets the stomach.
Portion Fix Containers: 1 Purple
Asian Chicken Zoodles fill the containers with zucchini noodles, cooked chicken, and a spoon of peanut sauce.
Sweet potato with black beans and salsa gives a filling lunch with plenty of fibre and little fat.
"""


def articles(doc: RawDoc) -> list[str | None]:
    return [a.headline for a in split(clean(doc.text), doc)]


def test_a_page_feed_entry_or_titled_record_is_one_article(monkeypatch: pytest.MonkeyPatch) -> None:
    # The gap model reads the section titles of a bare paste of it as a list's subheads ...
    assert articles(RawDoc(text=LISTICLE)) == ["Eat well before your workout"]
    # ... the cue score alone cuts it there, and the source still keeps it whole.
    monkeypatch.setattr(gaps, "load_gap_model", lambda path=None: None)
    assert len(articles(RawDoc(text=LISTICLE))) > 1, "as a bare paste the cue score cuts it"
    for doc in (
        PageDoc(text=LISTICLE),  # an HTML page, even one declaring no title or address
        RawDoc(text=LISTICLE, title="Eat well before your workout"),  # a feed entry
        RawDoc(text=LISTICLE, url="https://blog.example.org/eat-well"),  # a JSONL record with a url
    ):
        assert articles(doc) == ["Eat well before your workout"]


def test_a_paste_in_one_record_still_splits_where_each_report_opens(seed_text: str, wire_paste: str) -> None:
    record = RawDoc(text=seed_text, url="https://paste.example.org/korea")
    assert articles(record) == articles(RawDoc(text=seed_text))
    assert len(articles(record)) == 3
    assert len(articles(PageDoc(text=wire_paste, title="Wire"))) == 2
