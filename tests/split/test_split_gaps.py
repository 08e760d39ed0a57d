"""Gaps: the cues around each gap, their score, and the gap model (its features, its fallback to the
cue score, its labels, and the shipped file)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from split_texts import PARAGRAPHS

from dateline.clean import clean
from dateline.model import RawDoc
from dateline.split import gaps, roles, split
from dateline.split.continuity import paragraph_continuity
from dateline.split.features import BODY, read_line
from dateline.split.gaps import THRESHOLD, WEIGHTS, find_gaps, gap_features, is_subhead, score_gap
from dateline.split.roles import type_lines

# A deals list: each item a product title, a paragraph and a "See it now" line, laid out alike.
DEALS = """The best early Black Friday deals on gadgets
Black Friday is a week away, but retailers have already cut prices on many gadgets people ask about.
Apple AirPods Pro for $235
The AirPods Pro add noise cancellation and a better fit to the earbuds that made wireless listening ordinary.
See it now: Amazon
Nintendo Switch Lite for $200
The smaller Switch plays every handheld game in the library and fits easily in a coat pocket for long trips.
See it now: Walmart
Sonos Move for $400
The portable speaker runs for ten hours on a charge and joins the rest of a home's speakers over wifi.
See it now: Best Buy
Fossil Hybrid HR smartwatch for $195
This watch keeps real hands over a small e-ink screen, and its battery lasts about two weeks between charges.
See it now: Fossil
"""


def headlines(text: str) -> list[str | None]:
    return [a.headline for a in split(clean(text), RawDoc(text=text))]


def test_a_list_page_stays_one_article_where_the_cue_score_cut_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert headlines(DEALS) == ["The best early Black Friday deals on gadgets"]
    monkeypatch.setattr(gaps, "load_gap_model", lambda path=None: None)
    assert len(headlines(DEALS)) > 1


def test_the_seed_still_splits_into_its_three_articles(seed_text: str) -> None:
    found = headlines(seed_text)
    assert len(found) == 3
    assert found[0] == "Moon out of step with Biden ahead of Korea-US summit"
    assert found[2] == "S. Korea's new top nuclear envoy holds phones talks with Japanese counterpart"


def test_features_are_one_row_per_inner_gap_and_the_repeated_layout_is_seen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The layout the rules give the list's lines: the line-role model may read an item's blurb as
    # furniture (the five-network model gives one 0.86), which breaks that item's layout.
    monkeypatch.setattr(roles, "load_model", lambda path=None: None)
    typed = type_lines(clean(DEALS).lines)
    body = [t.index for t in typed if t.kind == BODY]
    found = find_gaps(typed)
    cont = paragraph_continuity(typed, body)
    rows = gaps.gap_rows(found, typed, body, cont)
    assert rows[0] is None and rows[-1] is None  # the leading and trailing runs
    inner = [r for r in rows if r is not None]
    assert inner and all(len(r) == len(gaps.FEATURES) for r in inner)
    column = {name: [r[i] for r in inner] for i, name in enumerate(gaps.FEATURES)}
    # The three gaps between items have the same layout as each other.
    assert sum(v > 0 for v in column["repeat"]) >= 3
    assert column["cue_score"] == [
        score_gap(g, typed, body, cont) for g in found if g.before is not None and g.after is not None
    ]
    assert column["subhead"] == [
        is_subhead(g, typed, body) for g in found if g.before is not None and g.after is not None
    ]


def test_without_a_model_the_cue_score_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gaps, "load_gap_model", lambda path=None: None)
    typed = type_lines(clean(DEALS).lines)
    body = [t.index for t in typed if t.kind == BODY]
    found = find_gaps(typed)
    cont = paragraph_continuity(typed, body)
    scores = gaps.gap_scores(found, typed, body, cont)
    assert scores[0] == -math.inf and scores[-1] == -math.inf
    for gap, score in zip(found[1:-1], scores[1:-1], strict=True):
        assert (score >= 0) == (score_gap(gap, typed, body, cont) >= THRESHOLD)


def test_gaps_are_labelled_by_the_gold_starts() -> None:
    from dateline.split.train_gaps import case_examples

    first = (
        "Ministers met in Oslo on Monday to discuss a ceasefire, officials said after the talks ended late.\n"
    )
    second = (
        "Floods hit the coast of Kerala on Tuesday, and thousands of people left their homes for shelters.\n"
    )
    text = (
        first
        + first.replace("Monday", "Sunday")
        + "Floods hit Kerala\n"
        + second
        + second.replace("Tuesday", "Friday")
    )
    start = len(first) * 2
    case = {
        "text": text,
        "articles": [
            {"start": 0, "end": start, "outlet": "a.example.org"},
            {"start": start, "end": len(text), "outlet": "b.example.com"},
        ],
    }
    examples = list(case_examples(case, "all"))
    assert [label for _, label, _ in examples] == [0, 1, 0]
    assert [outlet for _, _, outlet in examples] == ["example.org", "example.com", "example.com"]


def test_the_shipped_model_is_what_the_command_trains(shared_data: Path, tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from typer.testing import CliRunner

    from dateline.cli.app import app

    out = tmp_path / "gaps.json"
    result = CliRunner().invoke(app, ["train", "gaps", "--data", str(shared_data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["part"] == "fit"
    assert json.loads(out.read_text()) == json.loads(gaps.MODEL_PATH.read_text())
    missing = CliRunner().invoke(app, ["train", "gaps", "--data", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "expected the development data" in missing.stderr


def test_the_scores_are_the_model_on_each_gap_s_features(seed_text: str) -> None:
    """The pipeline runs the model on all the gaps of a document at once: each decision is the
    model's on that gap's own features."""
    model = gaps.load_gap_model()
    assert model is not None
    for text in (seed_text, DEALS):
        typed = type_lines(clean(text).lines)
        body = [t.index for t in typed if t.kind == BODY]
        found = find_gaps(typed)
        cont = paragraph_continuity(typed, body)
        rows = gaps.gap_rows(found, typed, body, cont)
        for score, row in zip(gaps.gap_scores(found, typed, body, cont), rows, strict=True):
            if row is not None:
                assert (score >= 0) == (model.logit(row) >= model.threshold)


def test_advertisement_slot_inside_an_article_is_no_boundary() -> None:

    text = "\n".join(PARAGRAPHS[:3] + ["Advertisement"] + PARAGRAPHS[3:4])
    typed = [read_line(i, line) for i, line in enumerate(clean(text).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    gap = next(g for g in find_gaps(typed) if g.lines and g.after is not None)
    assert gap_features(gap, typed, body, paragraph_continuity(typed, body))["furniture"] == 0.0
    assert len(split(clean(text), RawDoc(text=text))) == 1


def test_gap_cues_come_in_the_order_of_their_weights() -> None:

    typed = [read_line(i, line) for i, line in enumerate(clean("\n".join(PARAGRAPHS)).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    cont = paragraph_continuity(typed, body)
    gap = find_gaps(typed)[4]
    features = gap_features(gap, typed, body, cont)
    assert list(features) == list(WEIGHTS)
    assert score_gap(gap, typed, body, cont) == pytest.approx(
        sum(WEIGHTS[k] * v for k, v in features.items())
    )


def test_scores_with_a_threshold_add_the_cues_in_the_order_of_their_weights() -> None:

    lines = [*PARAGRAPHS[:3], "Floods recede as aid arrives", "By Ana Lima", *PARAGRAPHS[3:]]
    typed = [read_line(i, line) for i, line in enumerate(clean("\n".join(lines)).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    cont = paragraph_continuity(typed, body)
    for gap in find_gaps(typed)[1:-1]:
        features = gap_features(gap, typed, body, cont, language=False)
        # Summed left to right in the order of WEIGHTS: the very same float, not merely a close one.
        expected = sum(WEIGHTS[k] * v for k, v in features.items())
        score = score_gap(gap, typed, body, cont, THRESHOLD)
        if expected + WEIGHTS["language"] < THRESHOLD:
            assert score == expected
        else:
            assert score in (expected, expected + WEIGHTS["language"])


def _gap_cues(lines: list[str]) -> list[dict[str, float]]:
    """The cues of every gap with paragraphs on both sides, for text of the given lines."""

    typed = type_lines(clean("\n".join(lines)).lines)
    body = [t.index for t in typed if t.kind == BODY]
    cont = paragraph_continuity(typed, body)
    gaps = [g for g in find_gaps(typed) if g.before is not None and g.after is not None]
    return [gap_features(g, typed, body, cont) for g in gaps]


def test_a_lede_says_when_and_a_pronoun_refers_back() -> None:
    lede, going_on = _gap_cues(
        [
            PARAGRAPHS[0],
            "Leaders of the two countries signed a border treaty in Geneva on Friday after a year of talks.",
            "They said the treaty would open the border to trade from next spring.",
        ]
    )
    assert lede["weekday"] == 1.0 and lede["anaphor"] == 0.0
    assert going_on["anaphor"] == 1.0 and going_on["weekday"] == 0.0


def test_short_lines_ending_mid_sentence_are_wrapped_text_not_a_page_cut_off() -> None:
    wrapped = _gap_cues(
        [
            "The foreign minister called the decision to cancel the",
            "Submarine contract unacceptable and said Paris would recall its envoy.",
        ]
    )
    cut_off = _gap_cues(
        [
            "The foreign minister called the decision to cancel the submarine contract, signed five years "
            "ago after long negotiations between the two governments, a stab in the back and said that",
            "Submarine makers in Cherbourg said they would lose thousands of jobs if the deal collapsed.",
        ]
    )
    assert wrapped[0]["truncated"] == 0.0
    assert cut_off[0]["truncated"] == 1.0


def test_a_paragraph_cut_to_a_few_words_ends_its_page() -> None:
    (cues,) = _gap_cues([PARAGRAPHS[0], "This is", PARAGRAPHS[4]])
    assert cues["truncated"] == 1.0


def test_a_question_or_a_list_item_inside_running_text_is_a_subhead_not_a_headline() -> None:

    def subheads(title: str) -> list[float]:
        lines = [*PARAGRAPHS[:3], title, *PARAGRAPHS[3:]]
        typed = type_lines(clean("\n".join(lines)).lines)
        body = [t.index for t in typed if t.kind == BODY]
        return [is_subhead(g, typed, body) for g in find_gaps(typed) if g.lines]

    assert subheads("Who pays for the pumps?") == [1.0]
    assert subheads("2. Ask for pumps early") == [1.0]
    # A title its paragraph names is a headline over its lede; one it does not name, a subhead.
    assert subheads("Ministers meet in Oslo") == [0.0]
    assert subheads("Rising waters") == [1.0]


def test_each_gap_knows_the_position_of_the_paragraph_after_it() -> None:
    lines = [PARAGRAPHS[0], "Floods recede as aid arrives", "By Ana Lima", *PARAGRAPHS[1:4]]
    typed = type_lines(clean("\n".join(lines)).lines)
    body = [t.index for t in typed if t.kind == BODY]
    found = find_gaps(typed)
    assert [g.pos for g in found] == list(range(len(body) + 1))
    assert all(body[g.pos] == g.after for g in found if g.after is not None)
    assert found[1].lines and found[-1].after is None


def test_the_exported_trees_give_the_log_odds_of_the_trained_model() -> None:
    """The pipeline runs the trees with numpy from their plain lists: the same log-odds as scikit-learn."""
    pytest.importorskip("sklearn")
    import numpy as np

    from dateline.split.train_gaps import export, fit

    rng = np.random.default_rng(7)
    x = rng.normal(size=(400, len(gaps.FEATURES)))
    x[:, 1] = rng.integers(0, 2, size=400)  # a cue that is 0 or 1, split at 0.5
    y = ((x[:, 0] + x[:, 1] - x[:, 3] * x[:, 5]) > 0.5).astype(np.int64)
    model = fit(x, y, np.ones(len(y)))
    exported = json.loads(json.dumps({"features": list(gaps.FEATURES), **export(model), "threshold": 0.0}))
    ours = gaps.GapModel(exported).logits(x)
    assert np.allclose(ours, model.decision_function(x), atol=1e-4)
    assert ((ours >= 0) == (model.predict(x) == 1)).mean() > 0.99


def test_the_words_around_a_gap_are_those_of_the_two_paragraphs_on_each_side_read_once() -> None:
    from dateline.split.gaps import lede_words

    text = (
        "Rain fell on Lisbon all week.\nFloods closed roads near Porto.\nThe army sent boats.\n"
        "Rescuers reached villages.\nFarmers counted losses."
    )
    typed = type_lines(clean(text).lines)
    body = [t.index for t in typed if t.kind == BODY]
    gap = find_gaps(typed)[3]
    after, before = lede_words(gap, typed, body)
    assert after == typed[body[3]].words | typed[body[4]].words
    assert before == typed[body[1]].words | typed[body[2]].words
    assert lede_words(gap, typed, body)[0] is after  # kept on the gap


def test_the_paragraphs_under_the_last_title_are_counted_up_to_each_gap() -> None:
    # Two reports, each under its title: each gap is told how many paragraphs (and characters) stand
    # between it and the last gap above that held a title, its own title counting for the gaps below.
    text = "\n".join(
        ["Floods sweep the river valley", *PARAGRAPHS[:2], "Ceasefire talks open in Oslo", *PARAGRAPHS[4:6]]
    )
    typed = type_lines(clean(text).lines)
    assert [t.kind for t in typed] == ["headline", "body", "body", "headline", "body", "body"]
    body = [t.index for t in typed if t.kind == BODY]
    found = find_gaps(typed)
    rows = [r for r in gaps.gap_rows(found, typed, body, paragraph_continuity(typed, body)) if r is not None]
    under = [r[gaps.FEATURES.index("under_title")] for r in rows]
    length = [r[gaps.FEATURES.index("under_title_length")] for r in rows]
    assert under == pytest.approx([math.log(2), math.log(3), math.log(2)])
    assert length == pytest.approx(
        [
            math.log1p(len(PARAGRAPHS[0])),
            math.log1p(len(PARAGRAPHS[0]) + len(PARAGRAPHS[1])),
            math.log1p(len(PARAGRAPHS[4])),
        ]
    )
