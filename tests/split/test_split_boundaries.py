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


def test_an_article_opens_at_or_above_the_title_that_names_it() -> None:
    from dateline.split.boundaries import split_point
    from dateline.split.roles import type_lines

    header = [
        "Ceasefire talks open in Oslo",
        "Lisa Kaczke and Trevor J. Mitchell",
        "Sioux Falls Argus Leader",
        "Published 10:02 AM EST Nov 19, 2019",
    ]
    text = "\n".join([*PARAGRAPHS[:4], *header, *PARAGRAPHS[4:]])
    typed = type_lines(clean(text).lines)
    body = [t.index for t in typed if t.kind == BODY]
    gap = next(g for g in find_gaps(typed) if g.lines and g.before is not None and g.after is not None)
    assert [typed[i].text for i in gap.lines] == header
    # The authors' names lean to the page before, the paper's name to the next: without the title's
    # hold the cut fell under the title, leaving it with the floods.
    assert split_point(gap, typed, body) == 0


def test_a_title_naming_the_next_paragraphs_opens_them_though_it_reads_as_prose() -> None:
    from dateline.split.boundaries import split_point
    from dateline.split.roles import type_lines

    # Long, with "the" and a lower-case last word: it reads as the page's last sentence cut off,
    # but it names the ceasefire talks below and nothing of the floods above.
    title = "Foreign ministers meet in Oslo to discuss the ceasefire and prisoner exchanges in talks"
    header = [title, "August 23, 2018"]
    text = "\n".join([*PARAGRAPHS[:4], *header, *PARAGRAPHS[4:]])
    typed = type_lines(clean(text).lines)
    body = [t.index for t in typed if t.kind == BODY]
    gap = next(g for g in find_gaps(typed) if g.lines and g.before is not None and g.after is not None)
    assert [typed[i].text for i in gap.lines] == header and typed[gap.lines[0]].cut_off
    assert split_point(gap, typed, body) == 0
