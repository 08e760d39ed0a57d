"""The pre-parse filter: only sentences with a trigger form can hold an event."""

from __future__ import annotations

from dateline.events.candidates import (
    can_hold_event,
    candidate_sentences,
    has_trigger,
    inflections,
    sentence_spans,
)


def test_inflections_cover_regular_and_irregular_forms() -> None:
    assert {"meets", "met", "meeting"} <= inflections("meet")
    assert {"banned", "banning", "bans"} <= inflections("ban")
    assert {"accused", "accusing"} <= inflections("accuse")
    assert {"withdrew", "withdrawn"} <= inflections("withdraw")


def test_sentence_spans_do_not_break_after_abbreviations() -> None:
    text = "The U.S. envoy met Choi on Dec. 23 in Seoul. Nothing else happened.\nA new line."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "The U.S. envoy met Choi on Dec. 23 in Seoul.",
        "Nothing else happened.",
        "A new line.",
    ]


def test_sentence_spans_do_not_break_after_abbreviated_titles() -> None:
    # the titles come from the actors lexicon (title_abbreviations.tsv), not a list of its own
    text = "Brig. Gen. Ann Lee met Supt. John Smith. Cmdr. Bo Li left."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Brig. Gen. Ann Lee met Supt. John Smith.",
        "Cmdr. Bo Li left.",
    ]


def test_triggers_light_verbs_and_reported_demands() -> None:
    assert has_trigger("Iran accused Iraq of shelling its towns.")
    assert has_trigger("Turkey sent troops to the border.")  # light verb + noun
    assert not has_trigger("The border town is quiet in winter.")  # noun without its verb
    assert has_trigger("The ministry said Beijing must drop the tariffs.")
    assert not has_trigger("Prices should rise next year.")
    assert not has_trigger("According to the census, the city grew.")


def test_candidate_sentences_keep_event_sentences_only() -> None:
    text = (
        "Weather was fine in Geneva on Monday. Russian and U.S. negotiators held talks there. "
        "The hotel has 300 rooms. Moscow later accused Washington of stalling."
    )
    kept = [text[s:e] for s, e in candidate_sentences(text)]
    assert kept == [
        "Russian and U.S. negotiators held talks there.",
        "Moscow later accused Washington of stalling.",
    ]


def test_particle_verbs_need_their_particle() -> None:
    assert not has_trigger("Government forces were in the town on Monday.")
    assert has_trigger("Police forced the aid agency out of the camp.")
    assert has_trigger("The union called off the strike.")
    assert not has_trigger("The so-called village was quiet.")


def test_comment_adjectives_are_triggers() -> None:
    assert has_trigger("Tokyo said it is skeptical of the plan.")


def test_an_event_needs_a_word_that_can_name_an_actor() -> None:
    assert can_hold_event("Police arrested the protesters.")  # role nouns, no capital
    assert can_hold_event("Moscow accused Kyiv of shelling.")
    assert can_hold_event("They met Biden on Monday.")
    assert not can_hold_event("It was attacked again.")  # "it" alone: no actor to find
    assert can_hold_event("She denied taking part.")  # "she" is the person named last
    assert not can_hold_event("the talks went on for hours.")


def test_phrasal_verbs_the_coder_knows_keep_their_sentences() -> None:
    assert has_trigger("The prime minister stepped down on Friday.")
    assert has_trigger("Police cracked down on the protesters.")
    assert has_trigger("A court found the former minister guilty.")
    # the verb alone, without its particle, is no trigger
    assert not has_trigger("He stepped onto the stage.")
    assert not has_trigger("Investigators found the wreckage.")


def test_attacks_told_by_what_they_left_and_aimed_gatherings_are_parsed() -> None:
    assert can_hold_event("The blast left 11 people dead in Kabul.")
    assert can_hold_event("Hundreds gathered outside the stadium in Harare against the result.")
    assert not can_hold_event("Families gathered in Nairobi for the festival.")
