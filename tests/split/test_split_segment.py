"""Line typing and the vocabulary change across gaps."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from dateline.clean import clean
from dateline.split.segment import BODY, cohesion, type_line

PARAGRAPHS = [
    "Heavy rain flooded hundreds of homes in the river valley on Tuesday, officials said.",
    "Rescue teams pulled families from flooded homes as the river rose through the night.",
    "The valley's mayor asked the government for pumps and boats to reach the flooded villages.",
    "Farmers said the rain had destroyed the rice harvest across the valley.",
    "Foreign ministers met in Oslo on Monday to discuss the ceasefire and prisoner exchanges.",
    "The ministers agreed that monitors would watch the ceasefire line from next week.",
    "Norway's foreign minister said the ceasefire talks would resume in Oslo next month.",
]


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
    typed = [type_line(i, line) for i, line in enumerate(clean("\n".join(PARAGRAPHS)).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    assert len(body) == len(PARAGRAPHS)
    sims = cohesion(typed, body)
    assert sims == pytest.approx(_reference([typed[i].tokens for i in body]))
    # The vocabulary changes most where the floods give way to the ceasefire talks.
    assert min(range(1, len(sims)), key=lambda k: sims[k]) == 4


def test_content_words_are_counted_once_per_line() -> None:
    t = type_line(0, clean("The ISTANBUL talks: Istanbul hosts talks on İstanbul's port.").lines[0])
    assert t.tokens.count("talks") == 2
    assert t.words == frozenset(t.tokens)
    assert "the" not in t.words


def test_advertisement_slot_inside_an_article_is_no_boundary() -> None:
    from dateline.model import RawDoc
    from dateline.split import split
    from dateline.split.segment import continuity, find_gaps, gap_features

    text = "\n".join(PARAGRAPHS[:3] + ["Advertisement"] + PARAGRAPHS[3:4])
    typed = [type_line(i, line) for i, line in enumerate(clean(text).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    gap = next(g for g in find_gaps(typed) if g.lines and g.after is not None)
    assert gap_features(gap, typed, body, continuity(typed, body))["furniture"] == 0.0
    assert len(split(clean(text), RawDoc(text=text))) == 1


def test_continuity_compares_names_and_words_across_each_gap() -> None:
    from dateline.split.segment import continuity, names

    typed = [type_line(i, line) for i, line in enumerate(clean("\n".join(PARAGRAPHS)).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    cont = continuity(typed, body)
    # The ceasefire paragraphs name Oslo and Norway, which the flood paragraphs never did.
    assert "oslo" in names(PARAGRAPHS[4])
    assert cont.novelty_next[4] == 1.0
    # Paragraphs of one story share words; the first ceasefire paragraph shares none with the floods.
    assert cont.overlap_1[4] == 0.0
    assert cont.overlap_1[1] > 0.2 and cont.overlap_2[2] > 0.1
    assert cont.overlap_1[5] > 0.0  # "ministers", "ceasefire"
    assert len(cont.sims) == len(cont.novelty) == len(body)


def test_scrap_of_code_is_not_a_section_label() -> None:
    from dateline.split.segment import find_gaps, lean_features

    text = "\n".join([*PARAGRAPHS[:2], "news", "s.parentNo", *PARAGRAPHS[4:]])
    typed = [type_line(i, line) for i, line in enumerate(clean(text).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    gap = next(g for g in find_gaps(typed) if g.lines and g.before is not None)
    labels = [typed[i] for i in gap.lines]
    # A lone lower-case word is a section label; a word with a member access in it is a scrap of script.
    assert [t.line.furniture for t in labels] == ["label", "code"]
    section, scrap = (lean_features(k, gap, typed, body) for k in range(2))
    assert section["head_furniture"] == 1.0 and section["label"] == 0.0
    assert scrap["head_furniture"] == 0.0 and scrap["label"] == 0.0 and scrap["tail_furniture"] == 1.0


def test_names_skip_the_first_word_of_the_text_and_of_each_sentence() -> None:
    from dateline.split.segment import names

    text = "The talks in Oslo went on. Norway said Jonas Gahr Store and envoys from\u00e9Paris would attend."
    # "The" opens the text and "Norway" a sentence; a capital glued to a letter starts no name.
    assert names(text) == frozenset({"oslo", "jonas gahr store"})


def test_content_words_cut_by_spaces_are_those_the_word_pattern_finds() -> None:
    from dateline.split.segment import _STOP, _content_tokens, _lower_tokens

    odd = [
        "Seoul_talks 2023abc x\x00def ghi\x7fjkl Ca",
        "\u0130stanbul\u2019s \u201cport\u201d \u2014 talks\u2026",
    ]
    for text in [*odd, "Ma\u00f1ana \u00abhoy\u00bb en Bogot\u00e1", *PARAGRAPHS]:
        by_pattern = [w for w in _lower_tokens(text) if w not in _STOP]
        assert _content_tokens(text) == by_pattern


def test_cues_computed_in_blocks_equal_those_computed_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.split import segment

    text = "\n".join(PARAGRAPHS * 3)
    typed = [type_line(i, line) for i, line in enumerate(clean(text).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    whole = segment.continuity(typed, body)
    monkeypatch.setattr(segment, "CHUNK", 2)
    blocks = segment.continuity(typed, body)
    assert blocks.sims == pytest.approx(whole.sims)
    assert blocks.overlap_1 == whole.overlap_1 and blocks.overlap_2 == whole.overlap_2
    assert blocks.depth == pytest.approx(whole.depth)
    # overlap_1 is the cosine of the two lines' word sets.
    a, b = typed[body[1]].words, typed[body[2]].words
    assert whole.overlap_1[2] == len(a & b) / math.sqrt(len(a) * len(b))


def test_gap_cues_come_in_the_order_of_their_weights() -> None:
    from dateline.split.segment import WEIGHTS, continuity, find_gaps, gap_features, score_gap

    typed = [type_line(i, line) for i, line in enumerate(clean("\n".join(PARAGRAPHS)).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    cont = continuity(typed, body)
    gap = find_gaps(typed)[4]
    features = gap_features(gap, typed, body, cont)
    assert list(features) == list(WEIGHTS)
    assert score_gap(gap, typed, body, cont) == pytest.approx(
        sum(WEIGHTS[k] * v for k, v in features.items())
    )


def test_scores_with_a_threshold_add_the_cues_in_the_order_of_their_weights() -> None:
    from dateline.split.segment import THRESHOLD, WEIGHTS, continuity, find_gaps, gap_features, score_gap

    lines = [*PARAGRAPHS[:3], "Floods recede as aid arrives", "By Ana Lima", *PARAGRAPHS[3:]]
    typed = [type_line(i, line) for i, line in enumerate(clean("\n".join(lines)).lines)]
    body = [t.index for t in typed if t.kind == BODY]
    cont = continuity(typed, body)
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
    from dateline.split.segment import continuity, find_gaps, gap_features, type_lines

    typed = type_lines(clean("\n".join(lines)).lines)
    body = [t.index for t in typed if t.kind == BODY]
    cont = continuity(typed, body)
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


def test_quotation_marks_printed_another_way_mark_another_page() -> None:
    from dateline.split.segment import _typography

    curly = ["\u201cWe will help,\u201d the mayor said.", "The river\u2019s level fell on Monday."] * 3
    straight = ['"The talks went well," the envoy said.', "The ministers' meeting ends on Friday."] * 3
    marks = _typography(curly + straight)
    assert marks[6] == 1  # three curly paragraphs before, three straight ones after
    assert marks[2] == marks[9] == -1  # curly on both sides; straight on both sides
    assert marks[5] == 0  # the paragraphs after print them both ways
    # A paragraph without quotation marks or apostrophes tells nothing.
    assert _typography(["No quotation marks here.", '"Straight ones," he said.']) == [0, 0]


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


def test_a_sentence_between_a_title_and_its_date_line_is_the_deck() -> None:
    from dateline.split.segment import HEADLINE, type_lines

    lines = [
        "Israel and the UAE agree to normalise ties",
        "Trump said he expects more countries to \u201cfollow the lead of the Emirates.\u201d",
        "August 13, 2020, 6:15 PM",
        PARAGRAPHS[4],
    ]
    typed = type_lines(clean("\n".join(lines)).lines)
    assert [t.kind for t in typed[:2]] == [HEADLINE, HEADLINE]
    assert typed[3].kind == BODY


def test_a_question_or_a_list_item_inside_running_text_is_a_subhead_not_a_headline() -> None:
    from dateline.split.segment import find_gaps, is_subhead, type_lines

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
