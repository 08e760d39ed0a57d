"""The whole per-document pipeline on the bundled example and on news it has never seen."""

from __future__ import annotations

import pytest

import dateline
from dateline.model import Event, ProcessedDoc, RawDoc
from dateline.pipeline import process_document


@pytest.fixture(scope="module")
def seed(seed_text: str, nlp: object) -> ProcessedDoc:
    return process_document(RawDoc(text=seed_text))


def _find(events: tuple[Event, ...], source: str, type_: str, target: str) -> Event:
    """The first event of one of the types (`AGREE|SUPPORT`: either) from source to target."""
    found = [
        e
        for e in events
        if e.source.name == source
        and e.type in type_.split("|")
        and e.target is not None
        and e.target.name == target
    ]
    assert found, f"no {source} {type_} {target} in {[(e.source.name, e.type, e.target) for e in events]}"
    return found[0]


def test_seed_articles(seed: ProcessedDoc) -> None:
    korea_times, reuters, yonhap = seed.articles
    assert (korea_times.outlet, korea_times.byline) == ("Korea Times", "Kang Seung-woo")
    assert korea_times.headline == "Moon out of step with Biden ahead of Korea-US summit"
    assert (reuters.outlet, reuters.dateline_place) == ("Reuters", "Seoul")
    assert (reuters.date, reuters.date_granularity) == ("2020-12", "month")
    assert (yonhap.outlet, yonhap.dateline_place, yonhap.date) == ("Yonhap", "Seoul", "2020-12-23")
    assert yonhap.headline == "S. Korea's new top nuclear envoy holds phones talks with Japanese counterpart"
    bodies = "\n".join(a.body for a in seed.articles)
    for furniture in ("3 Min Read", "Slideshow", "koreatimes.co.kr", "\nnews\n"):
        assert furniture not in bodies
    assert "South Korea's new chief nuclear envoy" in yonhap.body


def test_seed_events(seed: ProcessedDoc) -> None:
    call = _find(seed.events, "Noh Kyu-duk", "CONSULT", "Takehiro Funakoshi")
    assert (call.source.code, call.target and call.target.code) == ("KOR GOV", "JPN GOV")
    assert (call.cameo, call.date, call.date_granularity) == ("041", "2020-12-23", "day")
    assert "spoke by phone" in call.evidence

    meeting = _find(seed.events, "Stephen Biegun", "CONSULT", "Choi Jong-kun")
    assert (meeting.source.code, meeting.target and meeting.target.code) == ("USA GOV", "KOR GOV")
    assert (meeting.date, meeting.date_granularity, meeting.place) == ("2020-12", "month", "Seoul")

    ask = _find(seed.events, "Choi Jong-kun", "REQUEST", "Stephen Biegun")
    assert ask.cameo.startswith("02")

    # a declaration signed at a summit: the PLOVER manual's SUPPORT ("sign ... an agreement")
    # and AGREE both name it (tools/judged/JUDGING.md); CAMEO 057 either way
    summit = _find(seed.events, "Moon Jae-in", "AGREE|SUPPORT", "Kim Jong-un")
    assert summit.target is not None and summit.target.code == "PRK GOV"
    assert (summit.cameo, summit.date) == ("057", "2018-04-27")
    for event in seed.events:
        assert event.source is not None and event.target is not None
        assert event.evidence.strip()


def test_same_input_gives_same_ids(seed: ProcessedDoc, seed_text: str) -> None:
    again = process_document(RawDoc(text=seed_text))
    assert [a.id for a in again.articles] == [a.id for a in seed.articles]
    assert [e.id for e in again.events] == [e.id for e in seed.events]


def test_unseen_paste_of_two_wire_stories(nlp: object) -> None:
    text = (
        "TOKYO, March 16 (Kyodo) -- Japanese Prime Minister Fumio Kishida met South Korean President "
        "Yoon Suk Yeol in Tokyo on Thursday, the first such visit in 12 years.\n"
        "The two leaders agreed to resume regular visits, officials said.\n"
        "Related stories\n"
        "MOSCOW (AP) — Russian Foreign Minister Sergei Lavrov accused the United States on Friday of "
        "prolonging the war.\n"
    )
    result = dateline.process(text, date="2023-03-16")
    assert len(result.articles) == 2
    assert result.articles[1].dateline_place == "Moscow"
    met = _find(result.events, "Fumio Kishida", "CONSULT", "Yoon Suk Yeol")
    assert met.date == "2023-03-16"
    accuse = [e for e in result.events if e.type == "ACCUSE"]
    assert (
        accuse
        and accuse[0].source.country == "RUS"
        and accuse[0].target
        and accuse[0].target.country == "USA"
    )
