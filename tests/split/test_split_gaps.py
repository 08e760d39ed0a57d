"""The gap model: its features, its fallback to the cue score, its labels, and the shipped file."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.model import RawDoc
from dateline.split import gaps, split
from dateline.split.segment import BODY, THRESHOLD, continuity, find_gaps, score_gap, type_lines

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


def test_features_are_one_row_per_inner_gap_and_the_repeated_layout_is_seen() -> None:
    typed = type_lines(clean(DEALS).lines)
    body = [t.index for t in typed if t.kind == BODY]
    found = find_gaps(typed)
    rows = gaps.gap_rows(found, typed, body, continuity(typed, body))
    assert rows[0] is None and rows[-1] is None  # the leading and trailing runs
    inner = [r for r in rows if r is not None]
    assert inner and all(len(r) == len(gaps.FEATURES) for r in inner)
    column = {name: [r[i] for r in inner] for i, name in enumerate(gaps.FEATURES)}
    # The three gaps between items have the same layout as each other.
    assert sum(v > 0 for v in column["repeat"]) >= 3
    assert column["cue_score"] == [
        score_gap(g, typed, body) for g in found if g.before is not None and g.after is not None
    ]


def test_without_a_model_the_cue_score_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gaps, "load_gap_model", lambda path=None: None)
    typed = type_lines(clean(DEALS).lines)
    body = [t.index for t in typed if t.kind == BODY]
    found = find_gaps(typed)
    cont = continuity(typed, body)
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


def test_the_lazy_scores_decide_as_the_exact_features_do(seed_text: str) -> None:
    """The pipeline asks the change of language and the subhead cue only where they could move a
    gap across the threshold; its decisions are those of the model on the exact features."""
    model = gaps.load_gap_model()
    assert model is not None
    for text in (seed_text, DEALS):
        typed = type_lines(clean(text).lines)
        body = [t.index for t in typed if t.kind == BODY]
        found = find_gaps(typed)
        cont = continuity(typed, body)
        rows = gaps.gap_rows(found, typed, body, cont)
        for score, row in zip(gaps.gap_scores(found, typed, body, cont), rows, strict=True):
            if row is not None:
                assert (score >= 0) == (model.logit(row) >= model.threshold)
