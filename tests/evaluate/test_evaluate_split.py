"""The split metrics on tiny hand-made cases with known answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.split import (
    _Counts,
    evaluate,
    false_repairs,
    normalise_headline,
    outlet_matches,
    repair_counts,
    score_case,
    summarise,
)
from dateline.model import Article, Span

TEXT = (
    "Ministers meet in Oslo\n"  # 0: headline of article 1
    "OSLO (Reuters) - Foreign ministers met in Oslo on Monday to discuss the ceasefire.\n"
    "They agreed to meet again next month.\n"
    "Share this article\n"  # furniture of article 1
    "Floods hit the valley\n"  # headline of article 2
    "Heavy rain flooded hundreds of homes in the valley on Tuesday, officials said.\n"
    "Rescue teams worked through the night.\n"
)
LINES = TEXT.splitlines(keepends=True)
OFFSETS = [sum(len(x) for x in LINES[:i]) for i in range(len(LINES) + 1)]
SECOND = OFFSETS[4]
SHARE = (OFFSETS[3], OFFSETS[3] + len("Share this article"))

CASE = {
    "id": "case-x",
    "text": TEXT,
    "articles": [
        {
            "start": 0,
            "end": SECOND,
            "outlet": "reuters.com",
            "date": "2024-03-04",
            "headline": "Ministers meet in Oslo",
            "furniture": [list(SHARE)],
            "labelled": True,
        },
        {
            "start": SECOND,
            "end": len(TEXT),
            "outlet": "example.org",
            "date": None,
            "headline": "Floods hit the valley",
            "furniture": [],
            "labelled": True,
        },
    ],
    "blank_lines": False,
    "lost_apostrophes": False,
}


def _article(
    start: int, end: int, headline: str | None, removed: tuple[Span, ...] = (), **meta: str
) -> Article:
    return Article(
        doc_id="d", position=0, start=start, end=end, body="", headline=headline, removed=removed, **meta
    )


def _score(predicted: list[Article]) -> dict[str, object]:
    counts = _Counts()
    score_case(CASE, predicted, counts)
    return summarise(counts)


def test_perfect_prediction_scores_one() -> None:
    predicted = [
        _article(
            0,
            SECOND - 1,
            "Ministers meet in Oslo",
            (Span(*SHARE, "share"),),
            outlet="Reuters",
            date="2024-03-04",
        ),
        _article(SECOND, len(TEXT), "Floods hit the valley"),
    ]
    metrics = _score(predicted)
    assert metrics["boundary_f1"] == metrics["boundary_f1_1line"] == 1.0
    assert metrics["pk"] == metrics["windowdiff"] == 0.0
    assert metrics["furniture_f1"] == 1.0
    assert metrics["headline_accuracy"] == 1.0
    assert metrics["outlet_accuracy"] == 0.5  # example.org is named nowhere in the text
    assert metrics["date_accuracy"] == 1.0
    assert metrics["cases"] == 1


def test_boundary_one_line_late_and_missed_furniture() -> None:
    # The second article is cut one line late (after its headline); the sign-off is not removed.
    late = OFFSETS[5]
    predicted = [_article(0, late - 1, "Ministers meet in Oslo"), _article(late, len(TEXT), None)]
    metrics = _score(predicted)
    assert metrics["boundary_f1"] == 0.0
    assert metrics["boundary_f1_1line"] == 1.0
    # 7 lines, 2 gold segments: k = round(7 / 2 / 2) = 2; windows (i, i+2) for i = 0..4.
    # Gold labels 0000111, predicted 0000011: the windows starting at lines 2 and 4 disagree.
    assert metrics["pk"] == pytest.approx(2 / 5)
    assert metrics["windowdiff"] == pytest.approx(2 / 5)
    assert metrics["furniture_f1"] == 0.0
    assert metrics["headline_accuracy"] == 0.5


def test_extra_boundary_halves_precision() -> None:
    predicted = [
        _article(0, OFFSETS[2] - 1, "Ministers meet in Oslo"),
        _article(OFFSETS[2], SECOND - 1, None),
        _article(SECOND, len(TEXT), "Floods hit the valley"),
    ]
    metrics = _score(predicted)
    assert metrics["boundary_precision"] == 0.5 and metrics["boundary_recall"] == 1.0
    assert metrics["boundary_f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_headline_normalisation_forgives_lost_apostrophes_and_spacing() -> None:
    assert normalise_headline("Korea\u2019s  envoy  talks") == normalise_headline("Korea s envoy talks")
    assert normalise_headline("Korea's envoy") != normalise_headline("Japan's envoy")
    assert normalise_headline(None) is None


def test_outlet_names_match_domains() -> None:
    assert outlet_matches("Korea Times", "koreatimes.co.kr")
    assert outlet_matches("Yonhap", "en.yna.co.kr")
    assert outlet_matches("Sputnik", "sputniknews.com")
    assert not outlet_matches("AFP", "spacewar.com")
    assert not outlet_matches(None, "reuters.com")


def test_repairs_counted_against_the_original() -> None:
    original = "Korea's envoy said they're ready and didn't wait.\nItems a, b and c s are listed.\n"
    damaged = original.replace("'", " ")
    restored, lost, false = repair_counts(damaged, original)
    assert lost == 3
    assert restored == 3
    assert false == 0
    inserted, words = false_repairs("Items a, b and c s are listed in the U S report.\n")
    assert words == 13 and inserted == 0


def test_evaluate_reads_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(CASE) + "\n\n", encoding="utf-8")
    metrics = evaluate(path)
    assert metrics["cases"] == 1
    expected = {
        "boundary_f1",
        "boundary_f1_1line",
        "pk",
        "windowdiff",
        "furniture_f1",
        "headline_accuracy",
        "outlet_accuracy",
        "date_accuracy",
        "repair_accuracy",
        "false_repairs_per_10k_words",
    }
    assert expected <= set(metrics)
    assert metrics["repair_accuracy"] is None  # no damaged case


def test_split_throughput_counts_bytes_and_articles() -> None:
    from dateline.evaluate.split import split_throughput

    result = split_throughput([TEXT, TEXT], repeat=2)
    assert result["texts"] == 2
    assert result["megabytes"] == pytest.approx(2 * len(TEXT.encode("utf-8")) / 1e6, abs=1e-3)
    assert result["articles"] >= 2
    assert result["mb_per_s"] is None or result["mb_per_s"] > 0


def test_splitting_and_dating_do_not_load_spacy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from dateline.evaluate.split import predict\n"
        "from dateline.cli.extraction import split_records\n"
        "predict('WASHINGTON (AP) - President-elect Joe Biden met advisers on Monday in Delaware.')\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_parts_count_only_the_articles_of_their_outlets() -> None:
    # reuters.com falls in the check part and example.org in the fit part (fixed by the hash).
    predicted = [
        _article(0, OFFSETS[2] - 1, "Ministers meet in Oslo"),
        _article(OFFSETS[2], SECOND - 1, None),  # a false start inside the Reuters article
        _article(SECOND, len(TEXT), "Floods hit the valley"),
    ]
    fit, check = _Counts(), _Counts()
    score_case(CASE, predicted, fit, "fit")
    score_case(CASE, predicted, check, "check")
    fit_metrics, check_metrics = summarise(fit), summarise(check)
    # The boundary starting the example.org article is found; the false start is not its own.
    assert (fit_metrics["boundary_precision"], fit_metrics["boundary_recall"]) == (1.0, 1.0)
    assert fit_metrics["headline_accuracy"] == 1.0 and fit_metrics["articles"] == 1
    # The Reuters article starts the case (no boundary to find) and holds the false start.
    assert check_metrics["boundary_precision"] == 0.0
    assert check_metrics["articles"] == 1
    # Every unit is counted in exactly one part.
    both = summarise(_Counts())
    everything = _Counts()
    score_case(CASE, predicted, everything)
    assert everything.windows == fit.windows + check.windows
    assert everything.furniture_fn == fit.furniture_fn + check.furniture_fn
    assert both["cases"] == 0
