"""Line cues: datelines, bylines, date lines, headline shape, language."""

from __future__ import annotations

import pytest

from dateline.split.cues import (
    find_byline,
    find_date_line,
    find_dateline,
    is_headline_shaped,
    reads_cut_off,
)
from dateline.split.language import guess_language


@pytest.mark.parametrize(
    ("line", "text", "place", "date", "agency"),
    [
        ("SEOUL (Reuters) - A senior envoy said on Wednesday", "SEOUL (Reuters)", "Seoul", None, "Reuters"),
        (
            "SEOUL, Dec. 23 (Yonhap) South Korea's envoy spoke by phone",
            "SEOUL, Dec. 23 (Yonhap)",
            "Seoul",
            "Dec. 23",
            "Yonhap",
        ),
        (
            "MEXICO CITY (AP) \u2014 Representatives of both sides met on Friday",
            "MEXICO CITY (AP)",
            "Mexico City",
            None,
            "AP",
        ),
        (
            "LONDON, March 3 (AFP) - Britain said on Monday it would",
            "LONDON, March 3 (AFP)",
            "London",
            "March 3",
            "AFP",
        ),
        (
            "Tokyo, July 4 (Jiji Press)--The Japanese government tightened",
            "Tokyo, July 4 (Jiji Press)",
            "Tokyo",
            "July 4",
            "Jiji Press",
        ),
        ("NAIROBI \u2013 Kenya's president said the talks would continue", "NAIROBI", "Nairobi", None, None),
    ],
)
def test_datelines(line: str, text: str, place: str, date: str | None, agency: str | None) -> None:
    found = find_dateline(line)
    assert found is not None
    assert (found.text, found.place, found.date, found.agency) == (text, place, date, agency)


@pytest.mark.parametrize(
    "line",
    [
        "NATO allies met in Brussels on Thursday to discuss the war.",
        "Kim Jong-un said the test was a success.",
        "UN - short",
        "SAUDI ARABIA, IRAN TALK IN BEIJING IS VICTORY OF PEACE: WANG YI",
        "U.S.-Russian relations have accumulated a lot of issues that need a summit",  # a compound
    ],
)
def test_not_datelines(line: str) -> None:
    assert find_dateline(line) is None


def test_bylines() -> None:
    assert find_byline("By Kang Seung-woo") == "Kang Seung-woo"
    assert find_byline("By Simone McCarthy and Nectar Gan, CNN") == "Simone McCarthy and Nectar Gan"
    assert find_byline("By J.P. LAWRENCE | STARS AND STRIPES Published: February 29, 2020") == "J.P. LAWRENCE"
    assert (
        find_byline("By Agence France-Presse Japan said Monday it will tighten regulations on exports")
        is None
    )
    assert find_byline("by the end of the week, officials said") is None
    assert find_byline("Written by Ana Torres on 15/08/2021 . Posted in News") == "Ana Torres"


def test_a_byline_with_the_day_it_was_posted() -> None:
    assert find_byline("By Ana Torres on Monday, November 18th, 2019 at 11:04 a.m.") == "Ana Torres"
    assert find_byline("Posted by Ana Torres on November 19, 2019, 6:21 AM EST") == "Ana Torres"
    # "on" followed by anything but a date is a sentence, not a byline's time stamp.
    assert find_byline("By Ana Torres on Twitter the minister said he would resign soon") is None


def test_byline_glued_to_a_picture_credit() -> None:
    assert find_byline("Official Photo by Jane DoeBy JOHN ROE, ABC News") == "JOHN ROE"
    # Without a credit before it, "By" glued inside a word is no byline.
    assert find_byline("The StandBy Me tour starts in Oslo") is None


def test_date_lines() -> None:
    assert find_date_line("Published : Dec 23, 2020") == "Dec 23, 2020"
    assert find_date_line("Tuesday, March 29, 2022") == "March 29, 2022"
    assert find_date_line("Updated: Aug 13, 2020 2:30 PM") == "Aug 13, 2020"
    assert find_date_line("The talks began on March 29, 2022 in Istanbul and lasted hours.") is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Updated 5:36 a.m. ET, November 14, 2022", "November 14, 2022"),
        ("Lisbon, Nov 18 (AFP) Nov 18, 2022", "Nov 18, 2022"),
        ("(Xinhua) 16:40, June 19, 2023", "June 19, 2023"),
        ("NEWS 19.03.2023 15:33", "2023-03-19"),  # day.month.year, written out in ISO
        ("13:30 JST, August 22, 2023", "August 22, 2023"),
        ("World Tuesday 29/March/2022 15:23 PM", "29/March/2022"),
    ],
)
def test_date_lines_with_times_zones_and_tags(line: str, date: str) -> None:
    assert find_date_line(line) == date


@pytest.mark.parametrize(
    "line",
    [
        "Summit held in Geneva on June 16, 2021",  # a sentence that holds a date
        "November 14, 2022 Biden, Xi meet during their summit in Bali",
    ],
)
def test_lines_with_a_date_that_are_text(line: str) -> None:
    assert find_date_line(line) is None


def test_sentences_cut_off_by_the_page() -> None:
    assert reads_cut_off("A senior official said Thursday the leader wants to use the talks to \u201cbui")
    assert reads_cut_off("He warned the allies that what he called their provocative steps")
    # Headlines end without a full stop too, but are not written as prose.
    assert not reads_cut_off("Ministers agree to resume grain exports via Black Sea")
    assert not reads_cut_off("Farmers Block Roads in Brussels Over Trade Deal")
    assert not reads_cut_off("The talks ended on Friday.")


def test_headline_shape() -> None:
    assert is_headline_shaped("Biden and Putin meet in Geneva for summit")
    assert not is_headline_shaped("The two leaders met for three hours, officials said.")
    assert not is_headline_shaped("But the president announced a new alliance on Wednesday, that")
    assert not is_headline_shaped("news")
    # Reported speech closed inside its quotation marks is a sentence of a story.
    assert not is_headline_shaped(
        "\u201cIt is vital that we keep talking,\u201d she said. \u201cWe will keep at it.\u201d"
    )
    assert not is_headline_shaped("'We are discussing this with others,' he said. 'So you will see more.'")
    # ... and so is a long line told in the past tense.
    assert not is_headline_shaped(
        "Harris said the U.S. strongly condemns the launch, and called for diplomacy"
    )
    assert is_headline_shaped('Yoon: "A Major Threat to the International Community"')
    assert is_headline_shaped("Japan PM says N. Korean missile fell in exclusive economic waters")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The foreign ministers of the two countries met in Seoul on Wednesday and agreed to hold talks.",
            "en",
        ),
        (
            "Les ministres des deux pays se sont rencontrés mercredi et ont annoncé la reprise des "
            "discussions.",
            "fr",
        ),
        (
            "Dopo una pausa di oltre un'ora sono ripresi i colloqui tra i due leader, "
            "che hanno discusso del piano.",
            "it",
        ),
        ("التقى وزير الخارجية الأمريكي في سيول اليوم بوزير الخارجية الكوري", "ar"),
        ("ok", "und"),
    ],
)
def test_language(text: str, lang: str) -> None:
    assert guess_language(text) == lang


def test_language_of_a_long_text_reads_a_sample() -> None:
    english = "The ministers said that the talks with the delegation would resume in the spring. " * 200
    assert guess_language(english) == "en"
    assert (
        guess_language("12345 " * 5000 + "Die Regierung hat am Montag die neuen Regeln und die Steuern")
        == "de"
    )
    assert guess_language("\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645 " * 5) == "ar"


def test_language_reads_words_between_typographic_punctuation() -> None:
    # Curly quotes, dashes and ellipses split words as spaces do, in whatever script.
    english = "\u201cThe talks\u2014which began on Monday\u2014were \u2018useful\u2019\u2026\u201d"
    french = (
        "Le ministre a d\u00e9clar\u00e9 \u00ab\u00a0que les\u00a0\u00bb n\u00e9gociations "
        "sont dans une impasse"
    )
    assert guess_language(english) == "en"
    assert guess_language(french) == "fr"


def test_lower_casing_blanked_text_is_the_same_whichever_step_comes_first() -> None:
    from dateline.split.language import blank_wide_punctuation, lower_blanked

    texts = [
        "\u201cThe TALKS\u2014in Seoul\u2014went on\u2026\u201d",  # ASCII once the marks are blanked
        "Le ministre a d\u00e9clar\u00e9 \u00ab\u00a0NON\u00a0\u00bb",  # letters past ASCII
        "\u039f\u0394\u039f\u03a3\u2019\u0391 \u039f\u0394\u039f\u03a3",  # a sigma before a quotation mark
        "\u0130stanbul \u212a 5 \u2019x\u2019",  # a dotted capital I, a Kelvin sign
        "plain ascii, with digits 2024",
    ]
    for text in texts:
        assert lower_blanked(text) == blank_wide_punctuation(text.lower())


def test_a_dateline_may_print_the_year() -> None:
    found = find_dateline("Riyadh, 11 March 2023 (TDI): Iran and Saudi Arabia agreed to restore their ties.")
    assert found is not None and (found.place, found.date, found.agency) == ("Riyadh", "11 March 2023", "TDI")
    found = find_dateline("SEOUL, Dec. 23, 2020 (Yonhap) -- South Korea's vice foreign minister met Biegun.")
    assert found is not None and (found.place, found.date) == ("Seoul", "Dec. 23, 2020")


def test_an_endless_word_is_read_in_one_pass() -> None:
    """A 50,000-letter "word" (a scrape's run of filler) has no host in it; finding that once
    took seconds per line, minutes for longer ones."""
    from dateline.split.cues import outlet_from_domain

    assert outlet_from_domain("x" * 50_000) is None
    assert outlet_from_domain("x" * 50_000 + " via reuters.com") == "Reuters"
    assert outlet_from_domain("-".join(["x"] * 20_000)) is None
