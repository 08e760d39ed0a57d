"""Boundaries: where in a chosen gap the next article starts."""

from __future__ import annotations

from split_texts import PARAGRAPHS

from dateline.clean import clean
from dateline.split.boundaries import lean_features
from dateline.split.features import BODY, read_line
from dateline.split.gaps import find_gaps


def test_scrap_of_code_is_not_a_section_label() -> None:

    text = "\n".join([*PARAGRAPHS[:2], "news", "s.parentNo", *PARAGRAPHS[4:]])
    typed = [read_line(i, line) for i, line in enumerate(clean(text).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    gap = next(g for g in find_gaps(typed) if g.lines and g.before is not None)
    labels = [typed[i] for i in gap.lines]
    # A lone lower-case word is a section label; a word with a member access in it is a scrap of script.
    assert [t.line.furniture for t in labels] == ["label", "code"]
    section, scrap = (lean_features(k, gap, typed, body) for k in range(2))
    assert section["head_furniture"] == 1.0 and section["label"] == 0.0
    assert scrap["head_furniture"] == 0.0 and scrap["label"] == 0.0 and scrap["tail_furniture"] == 1.0
