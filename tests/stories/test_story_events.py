"""Merging reports of one real-world event, timelines, and the brief, on hand-made records."""

from __future__ import annotations

from dateline.model import Actor, Article, Event
from dateline.stories import actor_timeline, merge_events, story_timeline, write_brief
from dateline.stories.merge import actors_match

BIDEN = Actor("Joe Biden", "USA", "GOV", "President")
BIDEN_SHORT = Actor("Biden", "USA", "GOV")
PUTIN = Actor("Vladimir Putin", "RUS", "GOV", "President")
LAVROV = Actor("Sergei Lavrov", "RUS", "GOV")
KREMLIN = Actor("Kremlin", "RUS", "GOV")
ZELENSKY = Actor("Volodymyr Zelensky", "UKR", "GOV")


def article(outlet: str, body: str, date: str = "2021-06-16", headline: str | None = None) -> Article:
    return Article(
        doc_id=f"doc-{outlet}",
        position=0,
        start=0,
        end=len(body),
        body=body,
        outlet=outlet,
        headline=headline,
        date=date,
        date_granularity="day",
    )


def event(
    art: Article,
    type_: str,
    source: Actor,
    target: Actor | None,
    date: str | None = "2021-06-16",
    place: str | None = "Geneva",
    evidence: str = "",
    confidence: float = 0.8,
) -> Event:
    return Event(
        type=type_,
        cameo={"CONSULT": "040", "ACCUSE": "112", "AGREE": "057"}.get(type_, "010"),
        source=source,
        target=target,
        trigger="met",
        trigger_start=0,
        evidence=evidence or art.body,
        article_id=art.id,
        sentence_start=0,
        sentence_end=len(art.body),
        confidence=confidence,
        date=date,
        date_granularity="day" if date and len(date) == 10 else "month" if date else None,
        place=place,
        place_country="CHE" if place == "Geneva" else None,
    )


REUTERS = article(
    "Reuters", "U.S. President Joe Biden met Russian President Vladimir Putin in Geneva on Wednesday."
)
AFP = article("AFP", "Vladimir Putin met Joe Biden at a villa in Geneva.")
TASS = article("TASS", "Putin held talks with Biden in Geneva on Tuesday.", date="2021-06-16")
DW = article("DW", "Biden and Putin met in Geneva in June.", date="2021-06-17")


def test_reports_of_one_meeting_become_one_event_with_all_sources() -> None:
    events = [
        event(REUTERS, "CONSULT", BIDEN, PUTIN),
        event(AFP, "CONSULT", PUTIN, BIDEN),  # the same meeting, told the other way round
        event(DW, "CONSULT", BIDEN_SHORT, PUTIN, date="2021-06", place=None),  # a coarser date, no place
    ]
    merged = merge_events("story-1", events, {a.id: a for a in (REUTERS, AFP, DW)})
    assert len(merged) == 1
    meeting = merged[0]
    assert meeting.num_sources == 3
    assert meeting.outlets == ("Reuters", "AFP", "DW")
    assert (meeting.source.name, meeting.target and meeting.target.name) == ("Joe Biden", "Vladimir Putin")
    assert (meeting.date, meeting.date_granularity, meeting.place) == ("2021-06-16", "day", "Geneva")
    assert not meeting.date_conflict  # June 2021 contains June 16
    assert (meeting.first_seen, meeting.last_seen) == ("2021-06-16", "2021-06-17")
    assert {s.evidence for s in meeting.sources} == {REUTERS.body, AFP.body, DW.body}


def test_conflicting_dates_are_kept_and_flagged_not_averaged() -> None:
    events = [
        event(REUTERS, "CONSULT", BIDEN, PUTIN, date="2021-06-16"),
        event(AFP, "CONSULT", BIDEN, PUTIN, date="2021-06-16"),
        event(TASS, "CONSULT", PUTIN, BIDEN, date="2021-06-15"),  # "Tuesday" resolved a day early
    ]
    merged = merge_events("story-1", events, {a.id: a for a in (REUTERS, AFP, TASS)})
    assert len(merged) == 1
    assert merged[0].date == "2021-06-16"  # what most reports say
    assert merged[0].date_conflict
    assert merged[0].dates == ("2021-06-15", "2021-06-16")


def test_different_events_stay_apart() -> None:
    events = [
        event(REUTERS, "CONSULT", BIDEN, PUTIN),
        event(AFP, "CONSULT", BIDEN, PUTIN, date="2021-07-20"),  # weeks later: another meeting
        # another place, named in the sentence
        event(AFP, "CONSULT", BIDEN, PUTIN, place="Moscow", evidence="Biden met Putin in Moscow."),
        event(REUTERS, "ACCUSE", BIDEN, PUTIN),  # another type
        event(TASS, "ACCUSE", PUTIN, BIDEN),  # a directed type told the other way round is another event
        event(TASS, "CONSULT", BIDEN, LAVROV),  # another named person of the same country and sector
    ]
    merged = merge_events("story-1", events, {a.id: a for a in (REUTERS, AFP, TASS)})
    assert len(merged) == 6
    assert all(m.num_sources == 1 for m in merged)


def test_actors_match_by_name_or_by_country_and_sector() -> None:
    assert actors_match(BIDEN, BIDEN_SHORT)
    assert actors_match(PUTIN, KREMLIN)  # a seat of government stands for the government
    assert not actors_match(PUTIN, LAVROV)
    assert actors_match(Actor("Antony Blinken", "USA", "GOV"), Actor("Anthony Blinken", "USA", "GOV"))
    assert not actors_match(PUTIN, ZELENSKY)
    # A country stands for its state: its leaders, ministries and forces, not its opposition.
    russia = Actor("Russia", "RUS")
    assert actors_match(russia, PUTIN)
    assert actors_match(Actor("Russian troops", "RUS", "MIL"), russia)
    assert not actors_match(russia, Actor("Russian opposition", "RUS", "OPP"))
    assert not actors_match(russia, ZELENSKY)


def test_a_country_and_its_leader_report_one_meeting() -> None:
    events = [
        event(REUTERS, "CONSULT", BIDEN, PUTIN),
        event(AFP, "CONSULT", Actor("Russia", "RUS"), Actor("United States", "USA")),
        event(TASS, "CONSULT", PUTIN, Actor("U.S.", "USA")),
    ]
    merged = merge_events("story-1", events, {a.id: a for a in (REUTERS, AFP, TASS)})
    assert len(merged) == 1
    assert merged[0].num_sources == 3
    assert merged[0].source.country in ("USA", "RUS")


def test_a_dateline_place_does_not_contradict_the_place_a_report_names() -> None:
    filed = article("AP", "WASHINGTON (AP) - President Joe Biden met Vladimir Putin on Wednesday.")
    events = [
        event(REUTERS, "CONSULT", BIDEN, PUTIN),  # "in Geneva", named in the sentence
        # Placed at the dateline: the sentence itself names no place.
        event(filed, "CONSULT", BIDEN, PUTIN, place="Washington", evidence="Biden met Putin on Wednesday."),
    ]
    merged = merge_events("story-1", events, {a.id: a for a in (REUTERS, filed)})
    assert len(merged) == 1
    assert merged[0].num_sources == 2
    assert merged[0].place in ("Geneva", "Washington")


def test_timelines_are_chronological_and_filter_by_actor_and_pair() -> None:
    arts = {a.id: a for a in (REUTERS, AFP, TASS)}
    events = [
        event(TASS, "ACCUSE", ZELENSKY, PUTIN, date="2021-06-18", evidence="Zelensky accused Putin."),
        event(REUTERS, "CONSULT", BIDEN, PUTIN, evidence="Biden met Putin in Geneva.", confidence=0.9),
        event(AFP, "CONSULT", PUTIN, BIDEN, evidence="Putin met Biden.", confidence=0.6),
        event(AFP, "AGREE", BIDEN, None, date=None),
    ]
    merged = merge_events("story-1", events, arts)
    timeline = story_timeline(merged)
    assert [(e.date, e.type) for e in timeline] == [
        ("2021-06-16", "CONSULT"),
        ("2021-06-18", "ACCUSE"),
        (None, "AGREE"),
    ]
    assert timeline[0].num_sources == 2
    assert timeline[0].evidence == "Biden met Putin in Geneva."  # the most confident report
    assert timeline[0].outlet == "Reuters"
    assert [e.type for e in actor_timeline(merged, ["UKR"])] == ["ACCUSE"]
    assert [e.type for e in actor_timeline(merged, ["RUS", "USA"])] == ["CONSULT"]
    assert [e.type for e in actor_timeline(merged, ["Biden"])] == ["CONSULT", "AGREE"]


GENEVA_REUTERS = article(
    "Reuters",
    "U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on Wednesday for "
    "their first "
    "summit. The talks at Villa La Grange lasted almost four hours, officials said. Biden said the "
    "two leaders "
    "agreed to start a dialogue on strategic stability and arms control. Putin called the talks constructive "
    "and said there had been no hostility. Click here to subscribe to our newsletter.",
    headline="Biden and Putin hold first summit in Geneva",
)
GENEVA_AP = article(  # the wire copy of the Reuters text, carried by another outlet
    "Channel 7",
    GENEVA_REUTERS.body,
    headline="Biden, Putin meet in Geneva",
)
GENEVA_DW = article(
    "DW",
    "The two presidents agreed to return their ambassadors to Moscow and Washington. Biden said he "
    "gave Putin "
    "a list of sixteen kinds of critical infrastructure that should be off limits to cyber attacks. "
    "Putin said "
    "Russia was not responsible for the cyber attacks on American companies.",
    headline="Biden and Putin agree to return ambassadors after Geneva summit",
)


def test_brief_has_three_to_five_attributed_sentences_none_repeated() -> None:
    arts = [GENEVA_REUTERS, GENEVA_AP, GENEVA_DW]
    brief = write_brief(arts)
    assert 3 <= len(brief.sentences) <= 5
    texts = [s.text for s in brief.sentences]
    assert len(set(texts)) == len(texts)  # the wire copy adds nothing twice
    assert not any("newsletter" in t for t in texts)
    assert {s.outlet for s in brief.sentences} <= {"Reuters", "DW"}
    assert any(s.outlet == "DW" for s in brief.sentences)  # coverage: the ambassadors, not just the meeting
    for sentence in brief.sentences:
        source = next(a for a in arts if a.id == sentence.article_id)
        assert sentence.text in " ".join(source.body.split())
    assert brief.title in {a.headline for a in arts}


def test_brief_of_a_story_without_headlines_takes_the_opening_of_its_first_sentence_as_title() -> None:
    bare = article("Reuters", GENEVA_REUTERS.body)
    brief = write_brief([bare])
    assert brief.title is not None
    words = brief.title.rstrip("…").split()
    assert 0 < len(words) <= 14 and brief.sentences[0].text.split()[: len(words)] == words


def test_brief_skips_a_reworded_copy_of_a_chosen_sentence() -> None:
    rewrite = article(
        "UrduPoint",
        "Russian President Vladimir Putin and U.S. President Joe Biden met on Wednesday in Geneva "
        "for their first "
        "summit meeting. Swiss President Guy Parmelin welcomed both leaders at the lakeside villa "
        "before the talks.",
    )
    brief = write_brief([GENEVA_REUTERS, rewrite, GENEVA_DW])
    about_first_meeting = [s for s in brief.sentences if "first summit" in s.text]
    assert len(about_first_meeting) == 1
