"""Headlines in headlinese become sentences the coder reads, and their events the article's."""

from __future__ import annotations

from spacy.language import Language

from dateline.actors import find_actors
from dateline.events import code_events
from dateline.events.headline import code_headline, headline_sentence
from dateline.model import Article, Event


def test_a_leading_list_reads_as_and() -> None:
    assert headline_sentence("Biden, Putin meet in Geneva") == "Biden and Putin meet in Geneva"
    assert (
        headline_sentence("Turkey, UN, Russia, Ukraine sign grain corridor deal in Istanbul")
        == "Turkey, UN, Russia and Ukraine sign grain corridor deal in Istanbul"
    )
    # A list that already says "and", and a comma after a clause, are left alone.
    assert headline_sentence("Armenia, Azerbaijan and Russia sign peace deal") == (
        "Armenia, Azerbaijan and Russia sign peace deal"
    )
    assert headline_sentence("Blinken arrives in Seoul for talks on North Korea, alliance") == (
        "Blinken arrives in Seoul for talks on North Korea, alliance"
    )


def test_kicker_and_outlet_go() -> None:
    assert headline_sentence("Indonesia: Biden, Xi meet") == "Biden and Xi meet"
    assert headline_sentence("Serbia, Kosovo reach agreement on peace plan – Reuters") == (
        "Serbia and Kosovo reach agreement on peace plan"
    )
    assert headline_sentence("Missile lands in Japan's waters, PM says | World News") == (
        "Missile lands in Japan's waters, PM says"
    )
    # A name before a quote is the speaker, not a kicker.
    assert headline_sentence('Kishida: "This is an act of provocation"') == (
        'Kishida: "This is an act of provocation"'
    )


def test_title_case_keeps_names_and_acronyms_and_lowers_the_rest() -> None:
    assert headline_sentence("U.S., Taliban Sign Deal To End War In Afghanistan") == (
        "U.S. and Taliban sign deal to end War in Afghanistan"
    )
    assert headline_sentence("Biden and Putin Meet Face to Face at Geneva Summit").startswith(
        "Biden and Putin meet"
    )
    # Sentence-case headlines are not touched.
    assert headline_sentence("Xi meets Blinken in Beijing") == "Xi meets Blinken in Beijing"


def test_too_short_to_hold_an_event() -> None:
    assert headline_sentence("Camp David") is None
    assert headline_sentence("   ") is None


BODY = (
    "U.S. President Joe Biden has been in office for five months. Russian President Vladimir Putin "
    "has led his country for two decades. Both have called the relationship the worst in years."
)


def _coded(nlp: Language, headline: str, body: str = BODY) -> tuple[Article, list[Event], list[Event]]:
    article = Article(
        doc_id="d1", position=0, start=0, end=len(body), body=body, headline=headline, date="2021-06-16",
        date_granularity="day", date_source="metadata",
    )  # fmt: skip
    body_doc = nlp(body)
    actors = find_actors(body_doc, article)
    body_events = code_events(body_doc, article, actors)
    sentence = headline_sentence(headline)
    assert sentence is not None
    return article, body_events, code_headline(nlp(sentence), article, actors, body_events)


def test_the_headline_states_the_meeting_the_body_only_sets_up(nlp: Language) -> None:
    article, body_events, found = _coded(nlp, "Biden, Putin meet in Geneva")
    assert not [e for e in body_events if e.type == "CONSULT"]
    [meeting] = [e for e in found if e.type == "CONSULT"]
    # The bare names are the body's people, with their countries and sectors.
    assert {(meeting.source.name, meeting.source.country), (meeting.target.name, meeting.target.country)} == {
        ("Joe Biden", "USA"),
        ("Vladimir Putin", "RUS"),
    }
    # The evidence is the headline as printed, before the body at negative offsets.
    assert meeting.evidence == "Biden, Putin meet in Geneva" and meeting.article_id == article.id
    assert meeting.sentence_end == -1 and meeting.sentence_start == -len(meeting.evidence) - 1
    at = meeting.trigger_start - meeting.sentence_start
    assert meeting.evidence[at : at + len(meeting.trigger)].casefold() == meeting.trigger.casefold()


def test_an_event_the_body_reports_is_not_counted_twice(nlp: Language) -> None:
    body = "U.S. President Joe Biden met Russian President Vladimir Putin in Geneva on Wednesday."
    _, body_events, found = _coded(nlp, "Biden, Putin meet in Geneva", body)
    assert [e.type for e in body_events] == ["CONSULT"] and found == []


def test_the_pipeline_codes_a_page_title_dated_and_placed(nlp: Language) -> None:
    from dateline.model import RawDoc
    from dateline.pipeline import process_document

    doc = RawDoc(
        text=BODY, title="Biden, Putin meet in Geneva", date="2021-06-16", url="https://example.org/a"
    )
    [meeting] = [e for e in process_document(doc).events if e.type == "CONSULT"]
    assert meeting.evidence == "Biden, Putin meet in Geneva"
    assert (meeting.date, meeting.date_granularity) == ("2021-06-16", "day")
    assert meeting.place == "Geneva" and meeting.place_country == "CHE"
