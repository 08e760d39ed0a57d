"""find_times on short news-style sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.time import find_times

WED = dt.date(2020, 12, 23)  # a Wednesday


def resolve(
    text: str, anchor: dt.date | None = WED, granularity: str = "day", past: bool = True
) -> list[tuple]:
    found = find_times(text, anchor, granularity, past)  # type: ignore[arg-type]
    return [(e.text, e.value, e.granularity) for e in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The accord was signed on April 27, 2018, in Panmunjom.", ("April 27, 2018", "2018-04-27", "day")),
        ("Talks resumed on 27 April 2018 after a pause.", ("27 April 2018", "2018-04-27", "day")),
        (
            "The ministry said on Dec. 23, 2020, that talks would go on.",
            ("Dec. 23, 2020", "2020-12-23", "day"),
        ),
        ("Filed 2020-12-23 by the agency.", ("2020-12-23", "2020-12-23", "day")),
        ("Exports fell in December 2020, data showed.", ("December 2020", "2020-12", "month")),
        (
            "The envoy arrived in Tokyo on Tuesday, Sept. 8, 2020.",
            ("Tuesday, Sept. 8, 2020", "2020-09-08", "day"),
        ),
        ("Stocks closed at 11/02/89 levels.", ("11/02/89", "1989-11-02", "day")),
    ],
)
def test_absolute_dates_need_no_anchor(text: str, expected: tuple) -> None:
    assert resolve(text, None) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He met the minister on Dec. 21.", ("Dec. 21", "2020-12-21", "day")),
        ("He met the minister on December 24.", ("December 24", "2019-12-24", "day")),  # not after the anchor
        ("The envoy left on Wednesday.", ("Wednesday", "2020-12-23", "day")),  # the anchor day itself
        ("The envoy left Tuesday.", ("Tuesday", "2020-12-22", "day")),
        ("The envoy left Thursday.", ("Thursday", "2020-12-17", "day")),
        ("The envoy will travel to Seoul on Thursday.", ("Thursday", "2020-12-24", "day")),
        ("The two sides plan to meet next Wednesday.", ("next Wednesday", "2020-12-30", "day")),
        ("They meet this coming Monday.", ("this coming Monday", "2020-12-28", "day")),
        ("The vote was held last Monday.", ("last Monday", "2020-12-21", "day")),
        ("Officials said today that the border is shut.", ("today", "2020-12-23", "day")),
        ("The minister resigned yesterday.", ("yesterday", "2020-12-22", "day")),
        ("Talks open tomorrow in Geneva.", ("tomorrow", "2020-12-24", "day")),
        ("A ceasefire began the previous day.", ("the previous day", "2020-12-22", "day")),
        ("A day earlier, troops had withdrawn.", ("A day earlier", "2020-12-22", "day")),
        ("The rebels attacked two days ago.", ("two days ago", "2020-12-21", "day")),
        ("The summit ended three years ago.", ("three years ago", "2017", "year")),
        ("Trade rose last month.", ("last month", "2020-11", "month")),
        ("The summit is planned for next month.", ("next month", "2021-01", "month")),
        ("Imports rose this month.", ("this month", "2020-12", "month")),
        ("Growth slowed last year.", ("last year", "2019", "year")),
        ("Elections are due next year.", ("next year", "2021", "year")),
        ("Prices rose this year.", ("this year", "2020", "year")),
        ("He was appointed earlier this week.", ("earlier this week", "2020-W52", "week")),
        ("Envoys met last week.", ("last week", "2020-W51", "week")),
        ("Sales fell in the third quarter.", ("the third quarter", "2020-Q3", "quarter")),
        ("Trade with Japan grew in the 1990s.", ("the 1990s", "199", "decade")),
        ("In March, the talks broke down.", ("March", "2020-03", "month")),
        ("The treaty was signed in 1953.", ("1953", "1953", "year")),
    ],
)
def test_relative_and_partial_dates_use_the_anchor(text: str, expected: tuple) -> None:
    assert resolve(text) == [expected]


def test_relative_expressions_are_skipped_without_anchor() -> None:
    found = resolve("He left on Wednesday, a day after talks ended yesterday and last month.", None)
    # Only the length "a day" (P1D) is left: it needs no anchor; no date is guessed.
    assert found == [("a day", "P1D", "duration")]


def test_month_anchor_resolves_months_but_not_days() -> None:
    text = "The envoy said on Wednesday that the summit next month will follow talks on Dec. 2."
    assert resolve(text, dt.date(2020, 12, 1), "month") == [
        ("next month", "2021-01", "month"),
        ("Dec. 2", "2020-12-02", "day"),
    ]


def test_future_when_asked() -> None:
    assert resolve("Talks on Friday.", past=False) == [("Friday", "2020-12-25", "day")]
    assert resolve("Talks on Friday.") == [("Friday", "2020-12-18", "day")]


def test_common_words_are_not_dates() -> None:
    text = "Theresa May said the march may go ahead; 2020 people joined, up 1998 percent, paying $2000."
    assert resolve(text) == []
    assert resolve("In May the talks stalled; 2019 was lost.") == [
        ("May", "2020-05", "month"),
        ("2019", "2019", "year"),
    ]


def test_deadlines_point_forward() -> None:
    assert resolve("Rebels must leave the city by Jan. 14, the council said.") == [
        ("Jan. 14", "2021-01-14", "day")
    ]


def test_text_order_and_no_overlaps() -> None:
    found = resolve("On Wednesday, Dec. 23, 2020, the envoy met; last week he flew in.")
    assert found == [("Wednesday, Dec. 23, 2020", "2020-12-23", "day"), ("last week", "2020-W51", "week")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks lasted three years.", ("three years", "P3Y", "duration")),
        ("Prices rose over the past two months.", ("the past two months", "P2M", "duration")),
        ("Rebels held the town for 16 hours.", ("16 hours", "PT16H", "duration")),
        ("A 16-hour standoff ended.", ("16-hour", "PT16H", "duration")),
        ("The flight took 5 1/2 hours.", ("5 1/2 hours", "PT5H30M", "duration")),
        ("Sales fell in the first nine months.", ("the first nine months", "P9M", "duration")),
        ("The ceasefire held for a few days.", ("a few days", "PXD", "duration")),
        ("It lasted twenty-four years.", ("twenty-four years", "P24Y", "duration")),
        ("Envoys meet daily.", ("daily", "P1D", "set")),
        ("The council meets every month.", ("every month", "P1M", "set")),
        ("The border is now closed.", ("now", "PRESENT_REF", "ref")),
        ("The envoy recently visited Tokyo.", ("recently", "PAST_REF", "ref")),
        ("Talks may resume in the near future.", ("the near future", "FUTURE_REF", "ref")),
        ("Fighting flared last fall.", ("last fall", "2020-FA", "season")),
        ("Exports recovered this summer.", ("this summer", "2020-SU", "season")),
        ("Troops withdrew in the spring of 2019.", ("the spring of 2019", "2019-SP", "season")),
        ("Shots were fired Wednesday morning.", ("Wednesday morning", "2020-12-23TMO", "time")),
        ("Protesters gathered last night.", ("last night", "2020-12-22TNI", "time")),
        ("The blast came at 10:35 a.m.", ("10:35 a.m.", "2020-12-23T10:35", "time")),
        ("The deadline is 9 a.m. Friday.", ("9 a.m. Friday", "2020-12-25T09:00", "time")),
        ("Officials met over the weekend.", ("the weekend", "2020-W51-WE", "week")),
        ("The boy was found on Thanksgiving Day.", ("Thanksgiving Day", "2020-11-26", "day")),
        ("Profit rose in the first half of 2019.", ("the first half of 2019", "2019-H1", "half")),
        ("Stocks crashed in the nineties.", ("the nineties", "199", "decade")),
        ("The bomb went off in nineteen ninety-six.", ("nineteen ninety-six", "1996", "year")),
        ("In June last year, the talks broke down.", ("June last year", "2019-06", "month")),
        ("The war in Bosnia ended almost four years ago.", ("almost four years ago", "2016", "year")),
    ],
)
def test_durations_sets_references_seasons_and_times_of_day(text: str, expected: tuple) -> None:
    assert resolve(text) == [expected]


def test_ages_rates_and_fractions_are_not_durations() -> None:
    assert resolve("Mr. Lee, 52 years old, will retire.") == []
    assert resolve("The plan saves $500 million a year.") == []
    assert resolve("Iraq imports about three-quarters of its food.") == []
    assert resolve("The spring broke and the leaves fall.") == []


def test_quarterly_results_refer_to_the_reported_quarter() -> None:
    anchor = dt.date(1989, 10, 26)
    text = (
        "Third-quarter profit rose 10% from a year earlier. In the latest quarter, sales grew; "
        "the year-earlier quarter had a loss. For the quarter ended Sept. 30, net fell."
    )
    found = [(e.text, e.value) for e in find_times(text, anchor)]
    assert found == [
        ("Third-quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
        ("the latest quarter", "1989-Q3"),
        ("the year-earlier quarter", "1988-Q3"),
        ("the quarter", "1989-Q3"),
        ("Sept. 30", "1989-09-30"),
    ]


def test_partial_dates_without_tense_take_the_nearest_year() -> None:
    # A record date in late October is the coming November, not last year's.
    assert resolve("Holders of record Nov. 16 receive the dividend.", dt.date(1989, 10, 30)) == [
        ("Nov. 16", "1989-11-16", "day")
    ]
    # A weekday named with the date picks the year in which they agree.
    assert resolve("The paper said in an editorial on Saturday, April 25:", dt.date(1998, 4, 24)) == [
        ("Saturday, April 25", "1998-04-25", "day")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Talks ended on February 30, 2020.",
        "On April 31 the talks failed.",
        "The deal runs to Dec. 23, 2999, they said.",
    ],
)
def test_impossible_dates_are_flagged_not_guessed(text: str) -> None:
    for anchor in (WED, None):
        found = find_times(text, anchor)
        assert [(e.value, e.granularity) for e in found] == [("", "unresolved")]


def test_no_anchor_keeps_what_needs_none() -> None:
    assert resolve("For three years the border was now and then closed, since 1953.", None) == [
        ("three years", "P3Y", "duration"),
        ("now", "PRESENT_REF", "ref"),
        ("1953", "1953", "year"),
    ]


def test_anaphora_refer_to_the_last_time_mentioned() -> None:
    text = (
        "He fled to Florida in June 1998 and returned to Cuba later that year. "
        "On May 22, 1995, he was promoted, and the following year he was posted abroad. "
        "The index fell on Friday, down 4.5% from the previous Friday."
    )
    found = resolve(text, dt.date(1999, 3, 1))
    assert ("later that year", "1998", "year") in found
    assert ("the following year", "1996", "year") in found
    assert ("the previous Friday", "1999-02-19", "day") in found
    # With nothing mentioned before, "that year" has nothing to refer to.
    assert resolve("Sales rose that year.", dt.date(1999, 3, 1)) == []


def test_scanning_near_key_words_finds_what_a_whole_text_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.time import finding

    text = (
        "Filler words without any cue at all, repeated so that segments stay apart. " * 4
        + "On Wednesday, Dec. 23, 2020, at 10:35 a.m., the envoys met for two hours; "
        + "a year earlier, in the third quarter, sales fell. " * 2
        + "Filler words without any cue at all. " * 6
        + "Next month, the nineties, last Christmas, every week, the near future, recently."
    )
    anchor = dt.date(2020, 12, 24)
    fast = finding.find_times(text, anchor)
    # The same search with every pattern run over the whole text.
    monkeypatch.setattr(finding._Spots, "segments", lambda self, keys: [(0, len(text))])
    assert finding.find_times(text, anchor) == fast and len(fast) >= 10


def test_text_whose_lower_case_changes_length_is_still_read() -> None:
    # "İ" lower-cases to two characters; offsets of the key-word index would drift.
    assert resolve("İstanbul talks began on Dec. 21.") == [("Dec. 21", "2020-12-21", "day")]


def test_a_parse_gives_the_tense_where_the_words_do_not(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The index set a record on Aug. 6."
    anchor = dt.date(1998, 6, 20)
    # "set" is no cue the words know: the nearest Aug. 6, seven weeks ahead; the parse reads a
    # past verb.
    assert [e.value for e in find_times(text, anchor)] == ["1998-08-06"]
    assert [e.value for e in find_times(text, anchor, parse=nlp(text))] == ["1997-08-06"]
    planned = "Officials plan to sign the accord on Aug. 6."
    assert [e.value for e in find_times(planned, anchor, parse=nlp(planned))] == ["1998-08-06"]


def test_vague_and_quarter_durations_as_timeml_and_iso_write_them() -> None:
    assert resolve("Kidnappings rose in recent years.") == [("recent years", "PXY", "duration")]
    assert resolve("Troops will surrender over the next few days.") == [
        ("the next few days", "PXD", "duration")
    ]
    assert resolve("Sales fell over the past several quarters.") == [
        ("the past several quarters", "PAST_REF", "ref")
    ]
    # ISO 8601 has no quarter unit: a quarter is three months.
    assert resolve("The charge is spread over the next three quarters.") == [
        ("the next three quarters", "P9M", "duration")
    ]
