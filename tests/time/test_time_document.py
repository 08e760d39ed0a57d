"""date_articles: metadata, datelines, dates in the text, and inference."""

from __future__ import annotations

import datetime as dt

from dateline.model import Article, RawDoc
from dateline.time import date_articles
from dateline.time.windows import Window, intersect_windows, office_windows


def article(body: str, position: int = 0, dateline_date: str | None = None) -> Article:
    return Article(
        doc_id="d", position=position, start=0, end=len(body), body=body, dateline_date=dateline_date
    )


def dates(articles: list[Article], doc_date: str | None = None) -> list[tuple]:
    dated = date_articles(articles, RawDoc(text="...", date=doc_date))
    return [(a.date, a.date_granularity, a.date_source) for a in dated]


def test_metadata_wins() -> None:
    body = "Published: March 3, 2019\nThe minister spoke on Monday."
    assert dates([article(body, dateline_date="Jan. 5, 2018")], "2021-06-01T08:00:00Z") == [
        ("2021-06-01", "day", "metadata")
    ]


def test_a_wire_dateline_a_day_before_the_page_is_the_filing_day() -> None:
    # "WASHINGTON, March 17 (Yonhap)" published in Seoul on the 18th: the copy's own day
    body = "The State Department said Wednesday the ministers met."
    assert dates([article(body, dateline_date="March 17")], "2021-03-18T02:00:00Z") == [
        ("2021-03-17", "day", "dateline")
    ]
    assert dates([article(body, dateline_date="Dec. 31")], "2021-01-01") == [
        ("2020-12-31", "day", "dateline")
    ]


def test_a_dateline_far_from_or_after_the_page_day_leaves_the_metadata() -> None:
    body = "The ministers met."
    for dateline in ("March 10", "March 19", "March 18"):
        assert dates([article(body, dateline_date=dateline)], "2021-03-18") == [
            ("2021-03-18", "day", "metadata")
        ]


def test_full_dateline() -> None:
    assert dates([article("Troops withdrew.", dateline_date="June 3, 2019")]) == [
        ("2019-06-03", "day", "dateline")
    ]


def test_published_line_in_text_but_not_event_dates() -> None:
    published = article("Posted on March 3, 2019 10:42 AM\nThe two leaders met on Monday.")
    event_only = article("On April 27, 2018, the two leaders agreed to meet again.")
    date_alone = article("The talks collapsed.\n\n  5 August 2021 | 14:05 BST\n")
    assert dates([published]) == [("2019-03-03", "day", "text")]
    # An event's date is no publication date: only, with nothing better, an inferred month.
    assert dates([event_only]) == [("2018-04", "month", "inferred")]
    assert dates([date_alone]) == [("2021-08-05", "day", "text")]


def test_latest_full_date_is_a_last_resort_unless_a_later_year_is_named() -> None:
    background = article("The accord of Sept. 11, 2001 is still in force, officials said in 2020.")
    nothing = article("The two sides exchanged views.")
    assert dates([background, nothing]) == [(None, None, None), (None, None, None)]


def test_date_in_the_url() -> None:
    def from_url(url: str) -> tuple:
        dated = date_articles(
            [Article(doc_id="d", position=0, start=0, end=5, body="Talks.", url=url)], RawDoc("x")
        )
        return dated[0].date, dated[0].date_granularity, dated[0].date_source

    assert from_url("https://news.example.com/2020/03/15/talks-resume") == ("2020-03-15", "day", "metadata")
    assert from_url("https://example.org/2021/03/10235/") == ("2021-03", "month", "metadata")
    assert from_url("https://example.org/world/2021-03-18-talks.html") == ("2021-03-18", "day", "metadata")
    assert from_url("https://example.org/article/3097305/talks") == (None, None, None)


def test_officeholder_windows_intersect() -> None:
    text = "President-elect Joe Biden spoke with Prime Minister Yoshihide Suga by phone."
    window = intersect_windows(office_windows(text))
    assert window == Window(dt.date(2020, 11, 7), dt.date(2021, 1, 20))


def test_vice_and_former_titles_are_not_the_current_office() -> None:
    assert intersect_windows(office_windows("Vice President Joe Biden visited Kyiv.")) == Window(
        dt.date(2009, 1, 20), dt.date(2017, 1, 20)
    )
    assert intersect_windows(office_windows("Former President Barack Obama spoke.")) == Window(
        dt.date(2017, 1, 20), None
    )


def test_surname_counts_only_after_the_full_name() -> None:
    assert office_windows("President Moon spoke.") == []
    assert len(office_windows("Moon Jae-in arrived. President Moon spoke.")) == 1


def test_window_within_one_month_gives_the_month() -> None:
    # One envoy's term ended on 2020-12-21, the other official's began on 2020-12-01.
    body = "Special Representative for Korean Peninsula Peace and Security Affairs Lee Do-hoon met Takehiro "
    body += "Funakoshi, the new Director-General for Asian and Oceanian Affairs."
    assert dates([article(body)]) == [("2020-12", "month", "inferred")]


def test_window_within_one_year_gives_the_year() -> None:
    body = "Defense Secretary Jim Mattis and Secretary of State Mike Pompeo flew to Seoul."
    assert dates([article(body)]) == [("2018", "year", "inferred")]
    # A window over two years says nothing at the records' granularity.
    assert dates([article("Defense Secretary Mark Esper met President Donald Trump.")]) == [
        (None, None, None)
    ]


def test_yearless_dateline_takes_the_year_of_its_neighbours() -> None:
    first = article("Troops withdrew.", 0, dateline_date="March 2, 2017")
    second = article("Talks began.", 1, dateline_date="March 4")
    assert dates([first, second]) == [("2017-03-02", "day", "dateline"), ("2017-03-04", "day", "dateline")]


def test_yearless_dateline_without_anything_stays_undated() -> None:
    assert dates([article("Talks began.", dateline_date="March 4")]) == [(None, None, None)]


def test_neighbour_month_inside_window() -> None:
    first = article("President-elect Joe Biden named his team.", 0)
    second = article("Talks began.", 1, dateline_date="Dec. 2, 2020")
    assert dates([first, second]) == [("2020-12", "month", "inferred"), ("2020-12-02", "day", "dateline")]


def test_neighbour_outside_window_is_ignored() -> None:
    first = article("President-elect Joe Biden named his team.", 0)
    second = article("Talks began.", 1, dateline_date="March 2, 2017")
    assert dates([first, second])[0] == (None, None, None)


def test_anniversary_must_agree_with_its_weekday() -> None:
    body = (
        "Leaders marked the 10th anniversary of the accord on Friday. On May 3, 2010, both sides signed it."
    )
    assert dates([article(body)]) == [(None, None, None)]  # 2020-05-03 was a Sunday
    body = body.replace("Friday", "Sunday")
    assert dates([article(body)]) == [("2020-05-03", "day", "inferred")]


def test_office_windows_need_the_name_whatever_its_case() -> None:
    assert office_windows("The ministers spoke by phone.") == []
    shouting = intersect_windows(office_windows("PRESIDENT-ELECT JOE BIDEN NAMED HIS TEAM."))
    assert shouting == Window(dt.date(2020, 11, 7), dt.date(2021, 1, 20))


def test_a_deadline_is_no_evidence_of_the_publication_month() -> None:
    deadline = article("Armenia agreed on November 9, 2020 to hand back Lachin by December 1, 2020.")
    until = article("The truce holds until June 30, 2021, after talks on March 3, 2021.")
    assert dates([deadline]) == [("2020-11", "month", "inferred")]
    assert dates([until]) == [("2021-03", "month", "inferred")]


def test_a_person_of_several_terms_gives_the_term_the_others_agree_with() -> None:
    alone = "Prime Minister Shinzo Abe said the controls were lawful."
    with_motegi = alone + " Foreign Minister Toshimitsu Motegi agreed."
    # alone, the mention cannot say which of the two terms it is (2006-07 or 2012-20)
    assert intersect_windows(office_windows(alone)) is None
    assert dates([article(alone, dateline_date="July 4")]) == [(None, None, None)]
    window = intersect_windows(office_windows(with_motegi))
    assert window is not None and window.start == dt.date(2019, 9, 11) and window.end == dt.date(2020, 9, 16)
    # "former" of such a person: after the first term
    former = intersect_windows(office_windows("Former Prime Minister Shinzo Abe spoke."))
    assert former == Window(dt.date(2007, 9, 26), None)
