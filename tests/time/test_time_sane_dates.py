"""Impossible dates: placeholder metadata is ignored with a reason, and date arithmetic never overflows."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.model import RawDoc
from dateline.time import date_articles, find_times, metadata_date_problem
from dateline.time.values import add_years

TODAY = dt.date(2026, 12, 6)
CAIRO = (
    "CAIRO, Dec. 23, 2020 (Reuters) - Egypt condemned an Israeli air strike on a school in Gaza on "
    "Wednesday, calling on the United Nations to act."
)
EXPRESSIONS = (
    "On Wednesday, last Friday, next month, the following year, two days later, a year ago, in 9000 years, "
    "yesterday, last week, the next day, this quarter, earlier that month, the previous Friday, Dec. 23, "
    "next year, last year, this spring, the 1990s, Thanksgiving, at 10:35 a.m. Wednesday, the previous "
    "week, by Jan. 14, until next Sunday, the day before yesterday, this weekend, Wednesday's ruling."
)


@pytest.mark.parametrize("value", ["0001-01-01", "0001-01-01T00:00:00Z", "1899-12-31", "2202-05-01", "9999"])
def test_placeholder_and_far_future_metadata_dates_are_refused_with_a_reason(value: str) -> None:
    problem = metadata_date_problem(value, TODAY)
    assert problem is not None
    assert value in problem and "1900-01-01..2027-12-06" in problem and "dated from its text" in problem


@pytest.mark.parametrize(
    "value", [None, "", "1900-01-01", "2020-12-23", "2027-12-06", "2021-04", "not a date"]
)
def test_plausible_or_missing_dates_are_kept(value: str | None) -> None:
    assert metadata_date_problem(value, TODAY) is None


def test_an_article_with_a_placeholder_date_is_dated_from_its_dateline() -> None:
    from dateline.clean import clean
    from dateline.split import split

    doc = RawDoc(text=CAIRO, date="0001-01-01")
    [article] = date_articles(split(clean(doc.text), doc), doc)
    assert (article.date, article.date_source) == ("2020-12-23", "dateline")


@pytest.mark.parametrize(
    "anchor", [dt.date(1, 1, 1), dt.date(1, 1, 5), dt.date(9999, 12, 25), dt.date(9999, 12, 31)]
)
@pytest.mark.parametrize("granularity", ["day", "month", "year"])
def test_relative_expressions_at_the_ends_of_the_calendar_resolve_or_are_skipped(
    anchor: dt.date, granularity: str
) -> None:
    for past in (None, True, False):
        found = find_times(EXPRESSIONS, anchor, granularity, past)  # type: ignore[arg-type]
        calendar = [e for e in found if e.granularity not in ("duration", "ref", "set", "decade", "century")]
        assert calendar, "most of these resolve against any anchor"
        for expression in calendar:
            # Every value given names real days (years 1 to 9999).
            assert expression.first_day <= expression.last_day
    assert find_times("on Wednesday", dt.date(2020, 12, 23), "day", True)[0].value == "2020-12-23"


def test_adding_years_stays_inside_the_calendar() -> None:
    assert add_years(dt.date(9999, 6, 1), 70) == dt.date(9999, 6, 1)
    assert add_years(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)


def test_pipeline_notes_the_ignored_date_and_dates_the_article_from_its_text(nlp: object) -> None:
    from dateline.pipeline import process_documents

    notes: list[str] = []
    [result] = process_documents(
        [RawDoc(text=CAIRO, date="0001-01-01", path="page.html")],
        on_note=lambda doc, note: notes.append(note),
    )
    assert len(notes) == 1 and "'0001-01-01'" in notes[0]
    assert [a.date for a in result.articles] == ["2020-12-23"]
    assert all(e.date is None or e.date >= "2020" for e in result.events)
