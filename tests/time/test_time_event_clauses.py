"""An event's date beside clauses that carry another act's time: relative clauses and asides,
"<noun> of <year>", an act told inside "a day after ...", counts over a period, and the day the
narration is at. The sentences are written for these tests; the article is dated Wednesday
23 December 2020 (the body tests: Tuesday 22 August 2023)."""

from __future__ import annotations

import pytest
from event_dating import dated, dated_in_body

REPORT_DAY = ("2020-12-23", "day")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Riyadh and Tehran agreed to revive the security pact that was signed in 2001.", "agreed"),
        ("The EU criticised Ankara, which had agreed in 2016 to take back migrants.", "criticised"),
        ("The envoy spoke in Pretoria, where the talks between the two sides began on 25 October.", "spoke"),
        ("Russia denied the charge, first made in 2014.", "denied"),
        ("Iran denied that its navy seized the tanker in 2019.", "denied"),
    ],
)
def test_a_relative_clause_or_aside_after_the_act_dates_its_own_verb(sentence: str, trigger: str) -> None:
    assert dated(sentence, trigger) == REPORT_DAY


def test_a_relative_clause_keeps_the_time_of_the_act_s_own_noun_or_occasion() -> None:
    # the act happened in what the clause tells of, or the clause only says its noun took place
    assert dated("Gunmen killed ten villagers in an attack that began on Thursday.", "killed") == (
        "2020-12-17",
        "day",
    )
    assert dated("The ministers attended the summit, which was held in Rome on Monday.", "attended") == (
        "2020-12-21",
        "day",
    )
    assert dated("The army killed 20 militants in an operation that ended on Monday.", "killed") == (
        "2020-12-21",
        "day",
    )
    # a reporting clause after the relative one dates the report
    sentence = "The two agreed on steps under which Ankara would act, the envoy said on Monday."
    assert dated(sentence, "agreed") == ("2020-12-21", "day")


def test_a_comma_ends_the_reach_of_an_infinitive_of_deciding() -> None:
    sentence = "The EU, which had agreed in 2016 to pay Turkey, criticised Ankara on Monday."
    assert dated(sentence, "criticised") == ("2020-12-21", "day")
    sentence = "In 2016, Russia and Turkey agreed to restore ties, and on Monday their leaders met in Sochi."
    assert dated(sentence, "met") == ("2020-12-21", "day")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Iran threatened to abandon the nuclear deal of 2015.", "threatened"),
        ("Kenya expelled diplomats under the Vienna Convention of 1961.", "expelled"),
        ("The leaders of the coup of July 2016 were sentenced to life.", "sentenced"),
        ("Protesters marked the anniversary of the revolution of 2011.", "marked"),
        ("Rebels rejected the Stockholm Agreement of December 2018.", "rejected"),
    ],
)
def test_a_date_after_a_noun_and_of_dates_the_noun(sentence: str, trigger: str) -> None:
    assert dated(sentence, trigger) == REPORT_DAY


def test_a_time_phrase_with_of_still_dates_the_act() -> None:
    assert dated("The rebels seized the port in the summer of 2016.", "seized") == ("2016", "year")
    assert dated("The rebels seized the port at the end of March.", "seized") == ("2020-03", "month")
    assert dated("The coup of July 2016 failed.", "coup") == ("2016-07", "month")


def test_a_participle_with_a_name_before_its_noun_dates_the_noun() -> None:
    sentence = "Although agreeing on the EU plan reached last month, Serbia backtracked."
    assert dated(sentence, "agreeing") == REPORT_DAY


def test_a_clause_after_a_subordinator_is_no_participle() -> None:
    sentence = "Rebels attacked the town a day after the ceasefire expired on Monday."
    assert dated(sentence, "attacked") == ("2020-12-22", "day")
    assert dated(sentence, "expired") == ("2020-12-21", "day")


@pytest.mark.parametrize(
    ("sentence", "trigger", "day"),
    [
        (
            "Police arrested 12 people on Sunday, a day after protesters clashed with troops.",
            "clashed",
            "2020-12-19",
        ),
        (
            "Police arrested 12 people on Sunday, a day after protesters clashed with troops.",
            "arrested",
            "2020-12-20",
        ),
        (
            "Police arrested 12 people on Sunday, two days after protesters clashed with troops.",
            "clashed",
            "2020-12-18",
        ),
        ("Xi flew to Paris on Tuesday, a day after meeting Biden.", "meeting", "2020-12-21"),
        ("The protest on Tuesday came a day after police shot dead two students.", "shot", "2020-12-21"),
        ("Russia struck Kyiv on Sunday, the day after Ukraine hit an air base.", "hit", "2020-12-19"),
        ("The talks were held on Monday, a day before the envoy flew to Tokyo.", "flew", "2020-12-22"),
        ("The army withdrew on Friday, one week after it entered the city.", "entered", "2020-12-11"),
        ("A day after the ceasefire expired, rebels attacked the town on Tuesday.", "expired", "2020-12-21"),
        ("A day after the ceasefire expired, rebels attacked the town on Tuesday.", "attacked", "2020-12-22"),
        ("A day after meeting Biden on Monday, Xi flew to Paris.", "meeting", "2020-12-21"),
        ("Rebels shelled the city on Monday, hours after the truce took effect.", "took", "2020-12-21"),
    ],
)
def test_an_act_told_in_an_offset_phrase_is_counted_from_the_clause_it_hangs_on(
    sentence: str, trigger: str, day: str
) -> None:
    assert dated(sentence, trigger) == (day, "day")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Airstrikes killed 300 civilians over the past month.", "killed"),
        ("Security forces arrested 2,000 people in the past week.", "arrested"),
        ("Since March, air strikes killed 300 civilians.", "killed"),
        ("In all, 300 people were killed during the three-month offensive.", "killed"),
        ("The insurgency has killed at least 300 people.", "killed"),
        ("The protests, which began in March, have left 300 dead.", "left"),
        ("The conflict has displaced 1.2 million people and killed 300.", "killed"),
        ("At the time, Washington imposed sanctions on Moscow.", "imposed"),
    ],
)
def test_counts_over_a_period_and_another_sentence_s_time_have_no_single_day(
    sentence: str, trigger: str
) -> None:
    assert dated(sentence, trigger) == (None, None)


def test_a_day_s_act_in_a_period_and_a_short_visit_keep_their_day() -> None:
    assert dated(
        "Airstrikes killed 30 civilians on Monday, the worst day over the past month.", "killed"
    ) == (
        "2020-12-21",
        "day",
    )
    assert dated("The ministers met during the two-day visit.", "met") == REPORT_DAY
    assert dated("The army has killed 30 rebels in the north.", "killed") == REPORT_DAY


def _in_body(body: str, sentence: str, trigger: str, headline: bool = False) -> str | None:
    return dated_in_body(body, sentence, trigger, "2023-08-22", headline=headline)


def test_the_narration_s_day_reaches_back_over_sentences_that_name_no_time() -> None:
    summit = "The three leaders held a summit at Camp David on Friday."
    middle = "The leaders also agreed to strengthen their alliance. It was their first stand-alone meeting."
    host = "It was also the first time Biden chose to host foreign leaders there."
    body = f"{summit} {middle} {host}"
    assert _in_body(body, host, "host") == "2023-08-18"
    # a sentence naming another time in between ends the reach
    other = "The alliance was founded in 1951."
    body = f"{summit} {other} {host}"
    assert _in_body(body, host, "host") == "2023-08-22"


def test_a_headline_s_act_takes_the_day_its_lead_names() -> None:
    lead = "The government imposed tighter export controls on Thursday, raising fears of a trade war."
    headline = "Japan imposes tighter export controls"
    assert (
        _in_body(f"{lead} Officials declined to comment.", headline, "imposes", headline=True) == "2023-08-17"
    )
    # a lead naming no day leaves the report's day
    quiet = "The government imposed tighter export controls, raising fears of a trade war."
    assert _in_body(quiet, headline, "imposes", headline=True) == "2023-08-22"


@pytest.mark.parametrize(
    ("sentence", "trigger", "day"),
    [
        ("EU leaders meet in Brussels on Thursday to discuss sanctions.", "meet", "2020-12-24"),
        ("EU leaders are meeting in Brussels on Thursday.", "meeting", "2020-12-24"),
        ("Erdogan hosts Putin in Ankara on Monday.", "hosts", "2020-12-28"),
        ("On Monday, Erdogan hosts Putin in Ankara.", "hosts", "2020-12-28"),
        # the past, and the pasts that look like a present, still look back
        ("Erdogan hosted Putin in Ankara on Monday.", "hosted", "2020-12-21"),
        ("Protesters hit police officers with stones on Monday.", "hit", "2020-12-21"),
        ("Rebels were attacking the town on Monday.", "attacking", "2020-12-21"),
    ],
)
def test_a_present_tense_with_a_weekday_is_scheduled(sentence: str, trigger: str, day: str) -> None:
    assert dated(sentence, trigger) == (day, "day")


def test_a_headline_s_present_tense_is_not_a_schedule() -> None:
    headline = "Erdogan hosts Putin on Monday"
    assert _in_body("Erdogan hosted Putin in Ankara.", headline, "hosts", headline=True) == "2023-08-21"


def test_the_eve_of_another_event_dates_that_event() -> None:
    sentence = "The two met in Vilnius on the eve of the summit on Tuesday."
    assert dated(sentence, "met") == REPORT_DAY


def test_a_sentence_of_the_opening_takes_the_day_the_opening_names() -> None:
    # a report a day late: the lead names no day, the opening's third sentence does
    lead = "The government and the rebels formally agree to end the war after talks in Pretoria."
    second = "The two sides signed a deal on a cessation of hostilities."
    third = "The U.S. envoy, in a first briefing, also said on Monday that the rebels will disarm."
    body = f"{lead} {second} {third} The war broke out two years ago. Aid groups welcomed the deal."
    assert _in_body(body, lead, "agree") == "2023-08-21"
    assert _in_body(body, second, "signed") == "2023-08-21"
    # past the opening the story has moved on: the report's day
    assert _in_body(body, "Aid groups welcomed the deal.", "welcomed") == "2023-08-22"
    # a day in a "since" phrase dates another event, not the opening
    since = "The U.S. envoy has been in Pretoria since talks began on Monday."
    assert _in_body(f"{lead} {second} {since}", second, "signed") == "2023-08-22"
    # the present is the report's still
    present = "The two sides are meeting again."
    assert _in_body(f"{lead} {present} {third}", present, "meeting") == "2023-08-22"


def test_a_lead_ending_an_abbreviation_is_one_sentence() -> None:
    # "U.S." ends no sentence: the headline's act takes the day the whole lead sentence names
    lead = "U.S. Secretary of State Antony Blinken met his counterpart, the State Department said Monday."
    assert (
        _in_body(f"{lead} The two discussed trade.", "Blinken meets Chung", "meets", headline=True)
        == "2023-08-21"
    )


def test_a_perfect_a_past_saying_reports_is_at_the_narration_s_day() -> None:
    lead = "The government and the rebels agreed on Monday to end the war."
    quote = '"The two parties have formally agreed to a cessation of hostilities," the mediator said.'
    assert _in_body(f"{lead} {quote}", quote, "agreed to a") == "2023-08-21"
    reported = "The mediator said the parties have agreed to talk."
    assert _in_body(f"{lead} {reported}", reported, "agreed") == "2023-08-21"
    # a perfect no one is reported as saying bears on the report's day, as does a saying in a
    # clause of its own
    plain = "The two parties have formally agreed to a cessation of hostilities."
    assert _in_body(f"{lead} {plain}", plain, "agreed to a") == "2023-08-22"
    after = "Turkey has accused the US of arming militants, after Washington announced a new force."
    assert _in_body(f"{lead} {after}", after, "accused") == "2023-08-22"


def test_a_weekday_before_a_verb_of_saying_is_the_sayings_not_what_it_says_will_come() -> None:
    # "will be coming" is what was warned of, not the clause of "on Wednesday" (report: Friday)
    sentence = "In an early-morning tweet on Wednesday, Trump warned that missiles will be coming."
    assert dated_in_body(sentence, sentence, "warned", date="2020-12-25") == "2020-12-23"
    sentence = "On Wednesday, Iran warned that talks would fail."
    assert dated_in_body(sentence, sentence, "warned", date="2020-12-25") == "2020-12-23"
