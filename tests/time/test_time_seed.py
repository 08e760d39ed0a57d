"""The user's example: three articles pasted together, dated and their events dated."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.model import Actor, Article, Event, RawDoc
from dateline.time import date_articles, date_event, find_times

KOREA_TIMES = (
    "The South Korean government appears to be out of sync with the new U.S. administration in regard to "
    "issues involving North Korea and other diplomatic priorities.\n"
    "Diplomatic observers attribute the seemingly ongoing diplomatic disagreement to the lack of "
    "communication channels between the allies, expressing concerns that it may adversely affect next "
    "month s summit between President Moon Jae-in and U.S. President Joe Biden.\n"
    "On the occasion of the third anniversary of the inter-Korean summit, Tuesday, Moon said the time was "
    "approaching again for the two Koreas to resume dialogue. On April 27, 2018, Moon and North Korean "
    "leader Kim Jong-un agreed in their Panmunjeom Declaration on making joint efforts to achieve "
    "co-prosperity, establish lasting peace and reunite the two Koreas."
)
REUTERS = (
    "A senior U.S. envoy on Wednesday said the trust and alliance between Washington and Seoul will remain "
    "firm regardless of the upcoming change in administrations, South Korea’s foreign ministry said.\n"
    "The remarks came as the U.S. Deputy Secretary of State Stephen Biegun, who helped lead unsuccessful "
    "efforts to turn U.S. President Donald Trump’s personal outreach to North Korea into progress in "
    "denuclearisation talks, met with South Korea’s Deputy Foreign Minister Choi Jong-kun.\n"
    "Choi asked Biegun to play a bridging role to ensure the achievements the two allies have made together "
    "make progress before President-elect Joe Biden takes office next month."
)
YONHAP = (
    "South Korea s new chief nuclear envoy, Noh Kyu-duk, spoke by phone with his Japanese counterpart on "
    "Wednesday in their first talks since his appointment earlier this week, the foreign ministry said.\n"
    "His talks with Takehiro Funakoshi, the new director-general for Asian and Oceanian affairs at Tokyo s "
    "foreign ministry, came as Seoul seeks closer cooperation with the incoming U.S. administration of Joe "
    "Biden and Japan to resume nuclear diplomacy with North Korea."
)


@pytest.fixture()
def seed_articles(seed_text: str) -> list[Article]:
    """The seed's three articles as a splitter would give them (bodies copied from the seed)."""
    for body in (KOREA_TIMES, REUTERS, YONHAP):
        # The bodies are the seed's own paragraphs (only the Yonhap dateline prefix is cut off).
        assert body.split("\n")[-1][:60] in seed_text
    return [
        Article(doc_id="seed", position=0, start=0, end=1, body=KOREA_TIMES, byline="Kang Seung-woo"),
        Article(
            doc_id="seed",
            position=1,
            start=1,
            end=2,
            body=REUTERS,
            outlet="Reuters",
            dateline="SEOUL (Reuters)",
        ),
        Article(
            doc_id="seed",
            position=2,
            start=2,
            end=3,
            body=YONHAP,
            outlet="Yonhap",
            dateline="SEOUL, Dec. 23 (Yonhap)",
            dateline_place="SEOUL",
            dateline_date="Dec. 23",
        ),
    ]


@pytest.fixture()
def dated(seed_articles: list[Article], seed_text: str) -> list[Article]:
    return date_articles(seed_articles, RawDoc(text=seed_text))


def _values(text: str, anchor: dt.date, granularity: str = "day") -> dict[str, str]:
    return {e.text: e.value for e in find_times(text, anchor, granularity)}  # type: ignore[arg-type]


def test_korea_times_is_dated_by_the_anniversary(dated: list[Article]) -> None:
    article = dated[0]
    assert (article.date, article.date_granularity, article.date_source) == ("2021-04-27", "day", "inferred")
    assert _values(article.body, dt.date(2021, 4, 27))["next month"] == "2021-05"


def test_reuters_takes_the_month_of_its_neighbour(dated: list[Article]) -> None:
    article = dated[1]
    assert (article.date, article.date_granularity, article.date_source) == ("2020-12", "month", "inferred")
    # "on Wednesday" cannot be resolved against a month: it is skipped, not guessed.
    assert "Wednesday" not in _values(article.body, dt.date(2020, 12, 1), "month")


def test_yonhap_dateline_gets_its_year_from_the_officeholder_window(dated: list[Article]) -> None:
    article = dated[2]
    assert (article.date, article.date_granularity, article.date_source) == ("2020-12-23", "day", "dateline")
    values = _values(article.body, dt.date(2020, 12, 23))
    assert values["Wednesday"] == "2020-12-23"
    assert values["earlier this week"] == "2020-W52"


def _event(article: Article, sentence: str, trigger: str, modality: str = "asserted") -> Event:
    start = article.body.index(sentence)
    return Event(
        type="CONSULT",
        cameo="040",
        source=Actor("Someone"),
        target=None,
        trigger=trigger,
        trigger_start=start + sentence.index(trigger),
        evidence=sentence,
        article_id=article.id,
        sentence_start=start,
        sentence_end=start + len(sentence),
        modality=modality,  # type: ignore[arg-type]
    )


def test_event_on_wednesday_in_yonhap(dated: list[Article]) -> None:
    sentence = YONHAP.split("\n")[0]
    event = date_event(_event(dated[2], sentence, "spoke"), dated[2])
    assert (event.date, event.date_granularity) == ("2020-12-23", "day")


def test_event_with_its_own_full_date(dated: list[Article]) -> None:
    sentence = KOREA_TIMES[KOREA_TIMES.index("On April 27, 2018") :]
    event = date_event(_event(dated[0], sentence, "agreed"), dated[0])
    assert (event.date, event.date_granularity) == ("2018-04-27", "day")


def test_event_in_a_month_dated_article_falls_back_to_the_month(dated: list[Article]) -> None:
    sentence = REUTERS.split("\n")[0]
    event = date_event(_event(dated[1], sentence, "said"), dated[1])
    assert (event.date, event.date_granularity) == ("2020-12", "month")


def test_planned_event_may_be_in_the_future(dated: list[Article]) -> None:
    sentence = REUTERS.split("\n")[2]
    planned = date_event(_event(dated[1], sentence, "takes office", "planned"), dated[1])
    assert (planned.date, planned.date_granularity) == ("2021-01", "month")
    asserted = date_event(_event(dated[1], sentence, "takes office"), dated[1])
    assert (asserted.date, asserted.date_granularity) == ("2020-12", "month")
