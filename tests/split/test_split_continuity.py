"""The vocabulary pass over the body paragraphs: tf-idf cohesion, word overlaps, names, quotation marks."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from split_texts import PARAGRAPHS

from dateline.clean import clean
from dateline.split import continuity
from dateline.split.continuity import _typography, cohesion, paragraph_continuity
from dateline.split.features import BODY, names, read_line


def _reference(texts: list[list[str]], window: int = 4) -> list[float]:
    """The tf-idf cosine of the windows on each side, computed the plain way."""
    counts = [Counter(words) for words in texts]
    df = Counter(w for c in counts for w in c)
    idf = {w: math.log((len(counts) + 1) / d) for w, d in df.items()}
    sims = [0.0] * len(counts)
    for pos in range(1, len(counts)):
        left = sum((counts[k] for k in range(max(0, pos - window), pos)), Counter())
        right = sum((counts[k] for k in range(pos, min(len(counts), pos + window))), Counter())
        dot = sum(n * right[w] * idf[w] ** 2 for w, n in left.items() if w in right)
        if dot:
            norm = math.sqrt(sum((n * idf[w]) ** 2 for w, n in left.items()))
            norm *= math.sqrt(sum((n * idf[w]) ** 2 for w, n in right.items()))
            sims[pos] = dot / norm
    return sims


def test_cohesion_is_the_windowed_tfidf_cosine() -> None:
    typed = [read_line(i, line) for i, line in enumerate(clean("\n".join(PARAGRAPHS)).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    assert len(body) == len(PARAGRAPHS)
    sims = cohesion(typed, body)
    assert sims == pytest.approx(_reference([typed[i].tokens for i in body]))
    # The vocabulary changes most where the floods give way to the ceasefire talks.
    assert min(range(1, len(sims)), key=lambda k: sims[k]) == 4


def test_continuity_compares_names_and_words_across_each_gap() -> None:

    typed = [read_line(i, line) for i, line in enumerate(clean("\n".join(PARAGRAPHS)).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    cont = paragraph_continuity(typed, body)
    # The ceasefire paragraphs name Oslo and Norway, which the flood paragraphs never did.
    assert "oslo" in names(PARAGRAPHS[4])
    assert cont.novelty_next[4] == 1.0
    # Paragraphs of one story share words; the first ceasefire paragraph shares none with the floods.
    assert cont.overlap_1[4] == 0.0
    assert cont.overlap_1[1] > 0.2 and cont.overlap_2[2] > 0.1
    assert cont.overlap_1[5] > 0.0  # "ministers", "ceasefire"
    assert len(cont.sims) == len(cont.novelty) == len(body)


def test_cues_computed_in_blocks_equal_those_computed_at_once(monkeypatch: pytest.MonkeyPatch) -> None:

    text = "\n".join(PARAGRAPHS * 3)
    typed = [read_line(i, line) for i, line in enumerate(clean(text).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    whole = paragraph_continuity(typed, body)
    monkeypatch.setattr(continuity, "CHUNK", 2)
    blocks = paragraph_continuity(typed, body)
    assert blocks.sims == pytest.approx(whole.sims)
    assert blocks.overlap_1 == whole.overlap_1 and blocks.overlap_2 == whole.overlap_2
    assert blocks.depth == pytest.approx(whole.depth)
    # overlap_1 is the cosine of the two lines' word sets.
    a, b = typed[body[1]].words, typed[body[2]].words
    assert whole.overlap_1[2] == len(a & b) / math.sqrt(len(a) * len(b))


def test_quotation_marks_printed_another_way_mark_another_page() -> None:

    curly = ["\u201cWe will help,\u201d the mayor said.", "The river\u2019s level fell on Monday."] * 3
    straight = ['"The talks went well," the envoy said.', "The ministers' meeting ends on Friday."] * 3
    marks = _typography(curly + straight)
    assert marks[6] == 1  # three curly paragraphs before, three straight ones after
    assert marks[2] == marks[9] == -1  # curly on both sides; straight on both sides
    assert marks[5] == 0  # the paragraphs after print them both ways
    # A paragraph without quotation marks or apostrophes tells nothing.
    assert _typography(["No quotation marks here.", '"Straight ones," he said.']) == [0, 0]


def test_depth_is_how_far_the_cosine_dips_below_its_peaks_on_each_side() -> None:
    from dateline.split.continuity import DEPTH_REACH, _depths

    def plain(sims: list[float]) -> list[float]:
        out = [0.0] * len(sims)
        for pos in range(1, len(sims)):
            left = max(sims[max(1, pos - DEPTH_REACH) : pos + 1])
            right = max(sims[pos : pos + DEPTH_REACH + 1])
            out[pos] = (left - sims[pos]) + (right - sims[pos])
        return out

    dip = [0.0, 0.6, 0.5, 0.1, 0.55, 0.7, 0.2, 0.3]
    assert _depths(dip) == plain(dip)
    assert _depths(dip)[3] == pytest.approx(0.5 + 0.6)  # peaks 0.6 on the left, 0.7 on the right
    for short in ([], [0.0], [0.0, 0.4], [0.0, 0.4, 0.1]):
        assert _depths(short) == plain(short)
