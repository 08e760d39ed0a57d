"""`dateline.process` on mutated real text and absurd metadata: nothing escapes (bounded fuzzing)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import process

SEED_LINES = [
    "SEOUL, Dec. 23 (Yonhap) -- South Korea's new chief nuclear envoy, Noh Kyu-duk, spoke by phone with his",
    "Japanese counterpart on Wednesday in their first talks since his appointment earlier this week.",
    "The two sides agreed to meet again next month, the foreign ministry said on Thursday.",
    "Moon out of step with Biden ahead of Korea-US summit",
    "Posted : 2021-04-27 16:49 | Updated : 2021-04-27 17:54",
]
DATES = ["0001-01-01", "0001-01-01T00:00:00Z", "9999-12-31", "1899-12-31", "2202-05-01", "2020-02-30",
         "2020-13", "0000", "-1", "", "2020-12-23", "yesterday"]  # fmt: skip


@st.composite
def texts(draw: st.DrawFn) -> str:
    """Seed lines in any order, some cut, with odd characters and absurd dates mixed in."""
    lines = draw(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=8))
    out = []
    for line in lines:
        cut = draw(st.integers(0, len(line)))
        noise = draw(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12))
        date = draw(st.sampled_from(DATES + ["Wednesday", "next year", "in 9000 years", "Dec. 31, 9999"]))
        out.append(f"{line[:cut]}{noise} {date}")
    return draw(st.sampled_from(["\n", "\n\n", "\r\n", " "])).join(out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts(),
    st.sampled_from(DATES),
    st.sampled_from([None, "javascript:alert(1)", "https://x.example/2020/12/23/a"]),
)
def test_process_never_raises_on_mutated_text_and_absurd_metadata(
    text: str, date: str, url: str | None
) -> None:
    result = process(text, date=date or None, url=url)
    for article in result.articles:
        # An absurd metadata date is never an article's date.
        assert article.date is None or "1900" <= article.date[:4] <= "2100"
        assert article.url == url or url is None
