"""Cuts: on which line of a chosen gap the next article starts (the learned cut model)."""

from __future__ import annotations

from pathlib import Path

from split_texts import PARAGRAPHS

from dateline.clean import clean
from dateline.split.boundaries import split_point
from dateline.split.cuts import FEATURES, cut_rows, load_cut_model, usual_break
from dateline.split.features import BODY
from dateline.split.gaps import find_gaps
from dateline.split.roles import type_lines

# Furniture between two pages that could close the page above or open the one below.
BETWEEN = ["Share this article", "Twitter", "Politics", "Ceasefire talks open in Oslo"]


def _gap(text: str) -> tuple[list[int], list, list[int]]:
    typed = type_lines(clean(text).lines)
    body = [t.index for t in typed if t.kind == BODY]
    gap = next(g for g in find_gaps(typed) if g.lines and g.before is not None and g.after is not None)
    return gap, typed, body


def test_a_blank_line_in_a_text_that_has_none_marks_where_the_pages_were_joined() -> None:
    # The same lines, once joined line under line and once with a blank line above "Politics": a paste
    # that puts no blank line between its paragraphs put this one where it joined two pages.
    plain = "\n".join([*PARAGRAPHS[:4], *BETWEEN, *PARAGRAPHS[4:]])
    joined = "\n".join([*PARAGRAPHS[:4], *BETWEEN[:2]]) + "\n\n" + "\n".join([*BETWEEN[2:], *PARAGRAPHS[4:]])
    gap, typed, body = _gap(joined)
    assert [typed[i].text for i in gap.lines] == BETWEEN
    assert split_point(gap, typed, body) == 2
    gap, typed, body = _gap(plain)
    assert split_point(gap, typed, body) != 2


def test_a_text_with_blank_lines_everywhere_has_no_wider_break() -> None:
    # Every paragraph under a blank line: the blank line above "Politics" is the text's usual break.
    text = "\n\n".join([*PARAGRAPHS[:4], *BETWEEN, *PARAGRAPHS[4:]])
    gap, typed, body = _gap(text)
    usual = usual_break(typed)
    assert usual == 2
    lean = [0.0] * len(gap.lines)
    rows = cut_rows([typed[i] for i in gap.lines], typed[gap.before], typed[gap.after], lean, usual)
    assert [row[FEATURES.index("wide_break")] for row in rows] == [0.0] * (len(gap.lines) + 1)


def test_the_cut_never_leaves_the_title_that_names_the_next_paragraphs_above_it() -> None:
    # A blank line under the title (between it and its byline) does not pull the cut under the title.
    header = ["Ceasefire talks open in Oslo", "By Jane Doe"]
    text = "\n".join([*PARAGRAPHS[:4], header[0]]) + "\n\n" + "\n".join([header[1], *PARAGRAPHS[4:]])
    gap, typed, body = _gap(text)
    assert [typed[i].text for i in gap.lines] == header
    assert split_point(gap, typed, body) == 0


def test_without_a_cut_model_file_the_hand_weighted_lean_decides(tmp_path: Path) -> None:
    assert load_cut_model(str(tmp_path / "none.json")) is None


def test_the_shipped_cut_model_is_what_the_command_trains(shared_data: Path, tmp_path: Path) -> None:
    """`make model` must give back the file in the package: training is deterministic and reads the
    fit part only; without the data the command says what it expected."""
    import json

    from typer.testing import CliRunner

    from dateline.cli.app import app
    from dateline.split.cuts import MODEL_PATH

    out = tmp_path / "cuts.json"
    result = CliRunner().invoke(app, ["train", "cuts", "--data", str(shared_data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["part"] == "fit"
    assert json.loads(out.read_text()) == json.loads(MODEL_PATH.read_text())
    missing = CliRunner().invoke(app, ["train", "cuts", "--data", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "expected the development data" in missing.stderr
