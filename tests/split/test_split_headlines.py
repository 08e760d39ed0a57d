"""Choosing an article's headline among the titles a page prints around its body."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.model import Article, RawDoc
from dateline.split import split
from dateline.split.articles import from_segments
from dateline.split.boundaries import Segment
from dateline.split.roles import type_lines


def _split(text: str) -> list[Article]:
    return split(clean(text), RawDoc(text=text))


LIVE_PAGE = """\
Talks on the river treaty
live news
Latest
Floods in the south
Live Updates
Ministers reopen talks on the river treaty in Geneva
By Ana Ruiz
Updated 9:10 a.m. ET, May 4, 2023
Ministers from both countries reopened talks on the river treaty in Geneva on Monday, officials said.
The two delegations agreed to set up a joint commission to monitor the river and share flow data.
"""


def test_the_title_over_the_byline_wins_over_a_live_pages_tab_title() -> None:
    (article,) = _split(LIVE_PAGE)
    assert article.headline == "Ministers reopen talks on the river treaty in Geneva"
    removed = {LIVE_PAGE[s.start : s.end] for s in article.removed}
    assert "Talks on the river treaty" in removed


SUMMIT_BODY = """\
Leaders of three countries agreed on Friday to expand security ties at a summit in the harbour city.
They said they would meet every year and set up a hotline between their capitals.
"""
TOPIC_LABEL = "Harbour Security Summit\n" + SUMMIT_BODY


def test_a_topic_label_over_the_text_is_no_headline() -> None:
    (article,) = _split(TOPIC_LABEL)
    assert article.headline is None
    assert any(TOPIC_LABEL[s.start : s.end] == "Harbour Security Summit" for s in article.removed)


def test_a_short_title_over_its_date_line_is_still_a_headline() -> None:
    text = "Harbour Security Summit\nMay 4, 2023\n" + SUMMIT_BODY
    (article,) = _split(text)
    assert article.headline == "Harbour Security Summit"


def test_a_masthead_glued_to_its_slogan_after_the_body_is_no_headline() -> None:
    text = SUMMIT_BODY + "The Daily PostNews You Can Trust\n"
    (article,) = _split(text)
    assert article.headline is None


def test_a_title_after_its_body_that_repeats_its_words_is_the_headline() -> None:
    text = SUMMIT_BODY + "Three Leaders Agree Security Hotline At Harbour Summit\n"
    (article,) = _split(text)
    assert article.headline == "Three Leaders Agree Security Hotline At Harbour Summit"


def test_a_title_that_shares_no_word_with_the_text_is_no_headline() -> None:
    # A promotion over the text names another story; the story's own title shares its words.
    text = "Save hundreds on the new laptop range\n" + SUMMIT_BODY
    (article,) = _split(text)
    assert article.headline is None
    text = "Save hundreds on the new laptop range\nLeaders agree security hotline at summit\n" + SUMMIT_BODY
    (article,) = _split(text)
    assert article.headline == "Leaders agree security hotline at summit"


CAPTION_OVER_TITLE = """\
Residents of the harbour district leave their flooded homes on Monday. (Coast Guard/Jane Doe)
Floods force thousands from harbour homes
Ana Ruiz
May 4, 2023
Floods forced thousands of people from their homes in the harbour district on Monday, officials said.
Rescue teams worked through the night to evacuate residents from the worst-hit streets.
"""


def test_a_photo_caption_with_its_credit_is_no_headline() -> None:
    (article,) = _split(CAPTION_OVER_TITLE)
    assert article.headline == "Floods force thousands from harbour homes"


CUT_UNDER_THE_HEADLINE = """\
Ministers from both countries reopened talks on the river treaty in Geneva on Monday, officials said.
The two delegations agreed to set up a joint commission to monitor the river and share flow data.
Floods force thousands from harbour homes after storm
Harbour residents fled as the water rose, and the city opened three shelters for the night.
Floods forced thousands of people from their homes in the harbour district on Monday, officials said.
Rescue teams worked through the night to evacuate residents from the worst-hit streets.
"""


def _cut(text: str, at: int) -> list[Article]:
    """The articles of `text` cut into two at its line `at`, whatever the boundaries would say."""
    typed = type_lines(clean(text).lines)
    return from_segments([Segment(typed[:at]), Segment(typed[at:])], RawDoc(text=text), text)


def test_a_title_left_above_an_article_cut_under_it_is_its_headline() -> None:
    talks, floods = _cut(CUT_UNDER_THE_HEADLINE, 3)
    assert floods.headline == "Floods force thousands from harbour homes after storm"
    assert talks.headline is None


def test_a_title_above_an_article_that_names_the_article_before_is_not_lent() -> None:
    text = CUT_UNDER_THE_HEADLINE.replace(
        "Floods force thousands from harbour homes", "Ministers reopen river treaty talks"
    )
    _, floods = _cut(text, 3)
    assert floods.headline != "Ministers reopen river treaty talks after storm"


BREADCRUMB_TRAIL = """\
HomeWorld NewsFloods force thousands from harbour homes after storm
Floods force thousands from harbour homes after storm
May 4, 2023
Floods forced thousands of people from their homes in the harbour district on Monday, officials said.
Rescue teams worked through the night to evacuate residents from the worst-hit streets.
"""


def test_a_breadcrumb_trail_glued_to_the_headline_is_left_out() -> None:
    (article,) = _split(BREADCRUMB_TRAIL)
    assert article.headline == "Floods force thousands from harbour homes after storm"


RIVER_BODY = """\
Ministers from both countries reopened talks on the river treaty in Geneva on Monday, officials said.
The two delegations agreed to set up a joint commission to monitor the river and share flow data.
"""


def test_a_short_label_over_the_headline_and_its_byline_is_no_headline() -> None:
    text = "River Treaty Talks\nMinisters reopen talks on river treaty in Geneva\nBy Ana Ruiz\n" + RIVER_BODY
    (article,) = _split(text)
    assert article.headline == "Ministers reopen talks on river treaty in Geneva"


NAVIGATION_PAGE = (
    """\
Geneva Daily News
Most Read Stories From Geneva Today
River levels fall after a dry summer
Ministers to visit the delta next month
Talks on fishing rights stall again
Ministers reopen talks on river treaty in Geneva
By Ana Ruiz
May 4, 2023
"""
    + RIVER_BODY
)


def test_among_a_pages_many_titles_the_one_over_the_byline_is_the_headline() -> None:
    (article,) = _split(NAVIGATION_PAGE)
    assert article.headline == "Ministers reopen talks on river treaty in Geneva"


def test_the_chooser_corrects_the_hand_weighted_score() -> None:
    from dateline.split.choice import ChoiceModel
    from dateline.split.headlines import FEATURES

    n = len(FEATURES)
    prior = [1.0] + [0.0] * (n - 1)
    coef = [0.0] * (n - 1) + [2.0]
    weights = {"features": FEATURES, "mean": [0.5] * n, "scale": [0.5] * n, "coef": coef, "prior": prior}
    model = ChoiceModel.from_weights(weights, FEATURES, "headline chooser", "headlines")
    rows = [[3.0] + [0.0] * (n - 1), [1.0] + [0.0] * (n - 2) + [1.0]]
    # The first: 3 from the score, less 2 from the correction; the second: 1, plus 2 * (1 - 0.5) / 0.5
    # (scores up to a constant, the same for both).
    first, second = model.scores(rows)
    assert second - first == (1.0 + 2.0) - (3.0 - 2.0)
    assert model.best(rows) == 1
    with pytest.raises(ValueError, match="dateline train headlines"):
        ChoiceModel.from_weights(
            {**weights, "features": FEATURES[:-1]}, FEATURES, "headline chooser", "headlines"
        )


def test_without_a_chooser_file_the_score_decides(tmp_path: Path) -> None:
    from dateline.split.headlines import load_headline_model

    assert load_headline_model(str(tmp_path / "none.json")) is None


def test_the_shipped_chooser_is_what_the_command_trains(shared_data: Path, tmp_path: Path) -> None:
    """`make model` must give back the file in the package: training is reproducible (fixed
    seed) and reads the fit part only; without the data the command says what it expected."""
    import json

    from typer.testing import CliRunner

    from dateline.cli.app import app
    from dateline.split.headlines import MODEL_PATH

    out = tmp_path / "chooser.json"
    result = CliRunner().invoke(app, ["train", "headlines", "--data", str(shared_data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["part"] == "fit"
    assert json.loads(out.read_text()) == json.loads(MODEL_PATH.read_text())
    missing = CliRunner().invoke(app, ["train", "headlines", "--data", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "expected the development data" in missing.stderr


def test_a_title_printed_again_is_told_from_one_printed_once() -> None:
    from dateline.split.headlines import Printed

    printed = Printed(
        [
            "Business|Ministers agree a harbour treaty",
            "Ministers agree a harbour treaty",
            "Ferry fares rise again this winter",
            "Harbour Times",
            "Harbour Times",
        ]
    )
    assert printed.again("Ministers agree a harbour treaty")  # glued to its section in the tab title
    assert not printed.again("Ferry fares rise again this winter")
    assert not printed.again("Harbour Times")  # a name of two words, not a title
    assert not printed.again("Business|Ministers agree a harbour treaty")  # the glued line itself


TWICE_PRINTED = """\
Ministers agree harbour treaty in Geneva - Harbour Times
Ferry operators meet in Geneva
Ministers agree harbour treaty in Geneva
May 4, 2023
Ministers from both countries agreed a harbour treaty in Geneva on Monday, officials said.
Ferry operators and port workers welcomed the harbour treaty, which sets shared rules for the port.
"""


def test_the_title_a_page_prints_twice_is_its_headline() -> None:
    (article,) = _split(TWICE_PRINTED)
    assert article.headline == "Ministers agree harbour treaty in Geneva"
