"""Splitting pasted news into articles, with their metadata."""

from __future__ import annotations

import pytest

from dateline.clean import clean
from dateline.model import Article, RawDoc
from dateline.split import split


def _split(text: str, **meta: str) -> list[Article]:
    return split(clean(text), RawDoc(text=text, **meta))


def test_seed_three_articles(seed_text: str) -> None:
    korea_times, reuters, yonhap = _split(seed_text)

    assert korea_times.outlet == "Korea Times"
    assert korea_times.byline == "Kang Seung-woo"
    assert korea_times.headline == "Moon out of step with Biden ahead of Korea-US summit"
    assert korea_times.body.count("\n") == 2  # the three paragraphs
    assert korea_times.body.startswith("The South Korean government appears")
    assert "next month's summit" in korea_times.body
    assert "koreatimes" not in korea_times.body

    assert reuters.outlet == "Reuters"
    assert reuters.dateline == "SEOUL (Reuters)"
    assert reuters.dateline_place == "Seoul"
    assert reuters.body.startswith("A senior U.S. envoy on Wednesday")
    assert "3 Min Read" not in reuters.body and "Slideshow" not in reuters.body
    assert {span.reason for span in reuters.removed} >= {"read-time", "gallery"}

    assert yonhap.outlet == "Yonhap"
    assert yonhap.headline == "S. Korea's new top nuclear envoy holds phones talks with Japanese counterpart"
    assert yonhap.dateline == "SEOUL, Dec. 23 (Yonhap)"
    assert yonhap.dateline_place == "Seoul"
    assert yonhap.dateline_date == "Dec. 23"
    assert yonhap.body.startswith("South Korea's new chief nuclear envoy, Noh Kyu-duk, spoke by phone")
    assert "news" not in yonhap.body.split("\n")

    # Articles tile the document in order, each starting at a line start.
    assert [a.position for a in (korea_times, reuters, yonhap)] == [0, 1, 2]
    assert korea_times.start == 0 and korea_times.end < reuters.start < reuters.end < yonhap.start
    assert seed_text[reuters.start :].startswith("3 Min Read")
    assert seed_text[yonhap.start :].startswith("news\n")
    assert all(a.date is None and a.language == "en" for a in (korea_times, reuters, yonhap))


def test_ap_and_afp_datelines_with_dashes(wire_paste: str) -> None:
    doha, brussels = _split(wire_paste)
    assert doha.headline == "Envoys agree to resume ceasefire talks in Doha"
    assert doha.outlet == "AP"
    assert doha.dateline_place == "Doha"
    assert doha.body.startswith("Negotiators from both sides")
    assert "Copyright" not in doha.body
    assert brussels.headline == "Farmers block roads in Brussels over trade deal"
    assert brussels.outlet == "AFP"
    assert brussels.dateline_place == "Brussels"
    assert brussels.dateline_date == "March 3"
    assert wire_paste[brussels.start :].startswith("Advertisement")
    # The sign-off stays with the article it closes.
    copyright_start = wire_paste.index("Copyright")
    assert any(span.start == copyright_start for span in doha.removed)


WASHINGTON_EM_DASH = """\
WASHINGTON \u2014 The State Department on Tuesday announced new sanctions on three shipping companies \
accused of moving oil in breach of an embargo.
A spokesperson said further measures were under review.
"""


def test_bare_place_dateline_with_em_dash() -> None:
    (article,) = _split(WASHINGTON_EM_DASH, url="https://example.org/a", outlet="Example Wire")
    assert article.dateline == "WASHINGTON"
    assert article.dateline_place == "Washington"
    assert article.body.startswith("The State Department on Tuesday")
    assert article.outlet == "Example Wire"  # no agency in the text: the document's own metadata
    assert article.url == "https://example.org/a"


NO_CUES = """\
The river burst its banks overnight, flooding hundreds of homes in the valley.
Rescue teams worked through the night to evacuate residents from the worst-hit villages.
Share this article
Officials said the water level was expected to fall by the end of the week.
"""


def test_single_article_without_cues() -> None:
    (article,) = _split(NO_CUES)
    assert article.start == 0 and article.end == len(NO_CUES.rstrip("\n"))
    assert article.body.count("\n") == 2
    assert "Share this article" not in article.body
    assert article.headline is None and article.dateline is None and article.outlet is None


HEADLINE_BYLINE_END = """\
Leaders pledge new aid for flood victims at regional summit
By Maria Lopez and Tom Hughes
Published: March 14, 2023
Leaders from eight countries pledged $2 billion in aid for victims of last month's floods on Tuesday.
The aid will be delivered through the regional development bank, the final communique said.
(END)
Parliament approves new defence budget after long debate
By Ahmed Karimi
Lawmakers approved a sharply higher defence budget on Wednesday after a debate lasting two days.
The opposition had argued the increase would come at the expense of schools and hospitals.
"""


def test_headline_before_body_and_end_sign_off() -> None:
    aid, budget = _split(HEADLINE_BYLINE_END)
    assert aid.headline == "Leaders pledge new aid for flood victims at regional summit"
    assert aid.byline == "Maria Lopez and Tom Hughes"
    assert aid.dateline_date == "March 14, 2023"
    assert aid.body.startswith("Leaders from eight countries")
    assert "(END)" not in aid.body and "Published" not in aid.body
    assert HEADLINE_BYLINE_END[aid.start : aid.end].endswith("(END)")
    assert budget.headline == "Parliament approves new defence budget after long debate"
    assert budget.byline == "Ahmed Karimi"
    assert budget.body.startswith("Lawmakers approved")


MIXED_LANGUAGES = """\
PARIS (Reuters) - France and Germany agreed on Thursday to coordinate their positions before the summit \
of European leaders next week, officials said.
The two governments will present a joint proposal on energy prices and gas storage to the other members.
Le gouvernement a annoncé jeudi que les deux pays présenteront une proposition commune sur les prix de \
l'énergie lors du sommet de la semaine prochaine.
Selon le ministre, cette décision est une étape importante pour l'Europe et pour les consommateurs.
"""


def test_non_english_article_is_split_and_tagged() -> None:
    english, french = _split(MIXED_LANGUAGES)
    assert english.language == "en" and english.outlet == "Reuters"
    assert french.language == "fr"
    assert french.body.startswith("Le gouvernement")


def test_empty_document() -> None:
    assert _split("\n \n") == []


def test_dev_boundaries(shared_data) -> None:  # type: ignore[no-untyped-def]
    """A floor on boundary F1 over the development cases, so regressions show."""
    import json

    tp = fp = fn = 0
    for raw in (shared_data / "split" / "cases.dev.jsonl").open(encoding="utf-8"):
        case = json.loads(raw)
        text = case["text"]
        predicted = {text.rfind("\n", 0, a.start) + 1 for a in _split(text)[1:]}
        gold = {a["start"] for a in case["articles"][1:]}
        tp, fp, fn = tp + len(predicted & gold), fp + len(predicted - gold), fn + len(gold - predicted)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.75


CUT_OFF_PAGES = """\
Ministers from both countries met in Geneva on Monday for a second round of talks on the water treaty.
The two delegations agreed to set up a joint commission to monitor the river and share flow data.
Officials said the commission would hold its first meeting in the spring.
A senior diplomat said Tuesday the talks would continue to focus on \u201cbui
World
Live Updates
Leaders agree on grain corridor at Black Sea summit
By Ana Ruiz and Tom Berg
Updated 5:36 a.m. ET, July 22, 2022
Russia and Ukraine signed a deal on Friday to reopen Black Sea ports to grain exports, the United \
Nations said.
The agreement, brokered by Turkey, sets up a joint centre in Istanbul to inspect ships.
"""


def test_page_cut_off_mid_sentence_ends_there() -> None:
    water, grain = _split(CUT_OFF_PAGES)
    # The cut-off sentence closes the first page; the section labels open the second.
    assert water.body.endswith("\u201cbui")
    assert CUT_OFF_PAGES[grain.start :].startswith("World\n")
    assert grain.headline == "Leaders agree on grain corridor at Black Sea summit"
    assert grain.byline == "Ana Ruiz and Tom Berg"
    assert grain.dateline_date == "July 22, 2022"
    assert grain.body.startswith("Russia and Ukraine signed a deal")
    # Header lines above the headline are page furniture, reported as removed.
    removed = {CUT_OFF_PAGES[s.start : s.end] for s in grain.removed}
    assert {"World", "Live Updates", "Updated 5:36 a.m. ET, July 22, 2022"} <= removed


DECK_AND_CAPTION = """\
Nuclear talks resume in Vienna
Envoys said they expected the new round to be \u201cthe most difficult yet.\u201d
Published: April 27, 2021
Diplomats from six countries resumed talks in Vienna on Tuesday on reviving the nuclear accord.
Foreign Minister Ana Ruiz (L) and envoy Tomas Berg (R) shake hands before the talks in Vienna
The talks are expected to last until the end of the week, a spokesman for the delegation said.
"""


def test_headline_is_the_title_not_the_deck_and_captions_are_removed() -> None:
    (article,) = _split(DECK_AND_CAPTION)
    assert article.headline == "Nuclear talks resume in Vienna"
    assert "shake hands" not in article.body
    assert any(span.reason == "caption" for span in article.removed)


HEADLINE_WITH_FULL_STOP = """\
Officials said the water level was expected to fall by the end of the week, the ministry added.
Rescue teams worked through the night to evacuate residents from the worst-hit villages.
Top diplomats of both countries reaffirm their alliance: State Dept.
By Byun Duk-kun
WASHINGTON, March 17 (Yonhap) -- The two foreign ministers reaffirmed their alliance in a phone call \
on Wednesday, the State Department said.
They also discussed the nuclear talks and the coming summit, a spokesperson said.
"""


def test_short_line_above_a_byline_is_the_headline_even_with_a_full_stop() -> None:
    floods, alliance = _split(HEADLINE_WITH_FULL_STOP)
    assert HEADLINE_WITH_FULL_STOP[alliance.start :].startswith("Top diplomats")
    assert alliance.headline == "Top diplomats of both countries reaffirm their alliance: State Dept."
    assert alliance.byline == "Byun Duk-kun"
    assert alliance.body.startswith("The two foreign ministers")
    assert "Top diplomats" not in floods.body


HEADLINE_AND_DECK = """\
The river burst its banks overnight, flooding hundreds of homes in the valley, officials said.
Rescue teams worked through the night to evacuate residents from the worst-hit villages.
Israel and the UAE agree to normalise ties in a deal brokered by Washington
Trump said he expects more countries to \u201cfollow the lead of the Emirates.\u201d
August 13, 2020, 6:15 PM
President Donald Trump said on Thursday that Israel and the United Arab Emirates had agreed to \
normalise relations.
The agreement was reached in a phone call between the three leaders, the White House said.
"""


def test_headline_over_its_deck_opens_the_article() -> None:
    floods, deal = _split(HEADLINE_AND_DECK)
    assert HEADLINE_AND_DECK[deal.start :].startswith("Israel and the UAE agree")
    assert deal.headline == "Israel and the UAE agree to normalise ties in a deal brokered by Washington"
    assert "Israel" not in floods.body


TITLE_LABEL_AND_SLUG = """\
Skip to main content
Ukraine and Russia sign UN deal to export grain on Black Sea
Updated
Turkey Ukraine Grain
ISTANBUL (AP) \u2014 Russia and Ukraine signed separate deals on Friday with Turkey and the United Nations \
to reopen Black Sea ports to grain exports.
The deals set up a joint centre in Istanbul to inspect ships, officials said.
"""


def test_the_first_title_on_the_story_is_the_headline_not_a_later_slug() -> None:
    (article,) = _split(TITLE_LABEL_AND_SLUG)
    assert article.headline == "Ukraine and Russia sign UN deal to export grain on Black Sea"


def test_a_byline_glued_to_a_picture_credit_is_no_headline() -> None:
    text = (
        "Israel and the UAE agree to normalise ties in a historic deal\n"
        "Official White House Photo by Jane DoeBy JOHN ROE, ABC News\n"
        "President Donald Trump said on Thursday that Israel and the United Arab Emirates had agreed "
        "to normalise relations.\n"
    )
    (article,) = _split(text)
    assert article.headline == "Israel and the UAE agree to normalise ties in a historic deal"
    assert article.byline == "JOHN ROE"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "word " * 200_000,  # one giant line
        "Advertisement\nShare this article\nSkip to content\nREAD MORE\n",  # all furniture
        bytes(range(256)).decode("latin-1") * 40,  # binary junk
        "\x00\x01\x02\n\ufffd\ufffd\n" * 50,
    ],
)
def test_bad_input_gives_at_most_one_article(text: str) -> None:
    assert len(_split(text)) <= 1


def test_a_record_whose_text_omits_its_headline_takes_the_metadata_title() -> None:
    body = (
        "GENEVA (Reuters) - U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva "
        "on Wednesday for their first summit, a meeting both sides played down in advance.\n"
        "The talks at a lakeside villa lasted about four hours, officials said."
    )
    [article] = _split(body, title="  Biden, Putin\nmeet in Geneva ")
    assert article.headline == "Biden, Putin meet in Geneva"
    # A headline printed in the text wins over the metadata.
    [printed] = _split("Leaders meet by the lake in Geneva\n" + body, title="Biden, Putin meet in Geneva")
    assert printed.headline == "Leaders meet by the lake in Geneva"


def test_a_paragraph_cut_to_a_few_words_stays_with_its_page() -> None:
    text = (
        "Ministers from both countries met in Geneva on Monday for a second round of talks on the treaty.\n"
        "The two delegations agreed to set up a joint commission to monitor the river, officials said.\n"
        "This is\n"
        "Leaders agree on grain corridor at Black Sea summit\n"
        "By Ana Ruiz\n"
        "Russia and Ukraine signed a deal on Friday to reopen Black Sea ports to grain exports.\n"
    )
    water, grain = _split(text)
    assert water.body.endswith("officials said.\nThis is")
    assert text[grain.start :].startswith("Leaders agree")
    assert grain.headline == "Leaders agree on grain corridor at Black Sea summit"


def test_a_page_of_captions_only_keeps_them_as_its_text() -> None:
    # A picture page: a headline, a caption and a share prompt, and no article text.
    text = (
        "Nuclear talks resume in Vienna\n"
        "Foreign Minister Ana Ruiz (L) and envoy Tomas Berg (R) shake hands before the talks in Vienna\n"
    )
    (article,) = _split(text)
    assert "shake hands" in article.body
    assert article.language == "en"
    assert not any(span.reason == "caption" for span in article.removed)
    # Beside real text, a caption is still furniture.
    (with_text,) = _split(DECK_AND_CAPTION)
    assert "shake hands" not in with_text.body
