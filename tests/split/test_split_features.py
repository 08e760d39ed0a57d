"""Line features: a line's content words and names, read once."""

from __future__ import annotations

from split_texts import PARAGRAPHS

from dateline.clean import clean
from dateline.split.features import _STOP, _content_tokens, _lower_tokens, names, read_line


def test_content_words_are_counted_once_per_line() -> None:
    t = read_line(0, clean("The ISTANBUL talks: Istanbul hosts talks on İstanbul's port.").lines[0])
    assert t.tokens.count("talks") == 2
    assert t.words == frozenset(t.tokens)
    assert "the" not in t.words


def test_names_skip_the_first_word_of_the_text_and_of_each_sentence() -> None:

    text = "The talks in Oslo went on. Norway said Jonas Gahr Store and envoys from\u00e9Paris would attend."
    # "The" opens the text and "Norway" a sentence; a capital glued to a letter starts no name.
    assert names(text) == frozenset({"oslo", "jonas gahr store"})


def test_content_words_cut_by_spaces_are_those_the_word_pattern_finds() -> None:

    odd = [
        "Seoul_talks 2023abc x\x00def ghi\x7fjkl Ca",
        "\u0130stanbul\u2019s \u201cport\u201d \u2014 talks\u2026",
    ]
    for text in [*odd, "Ma\u00f1ana \u00abhoy\u00bb en Bogot\u00e1", *PARAGRAPHS]:
        by_pattern = [w for w in _lower_tokens(text) if w not in _STOP]
        assert _content_tokens(text) == by_pattern


def test_cues_kept_on_a_line_are_those_its_text_gives() -> None:
    from dateline.split.cues import ends_truncated, reads_cut_off
    from dateline.split.features import content_words

    text = "SEOUL, Dec. 23 (Yonhap) -- President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in"
    t = read_line(0, clean(text).lines[0])
    assert t.dateline is not None
    # Read on first use, then kept: asked twice, the same answer.
    assert t.truncated is ends_truncated(text) is t.truncated
    assert t.cut_off == reads_cut_off(text)
    assert t.named == names(text) and "japanese prime minister fumio kishida" in t.named
    assert t.any_words == t.words == content_words(text)
    # The lede cues are read past the dateline: the paragraph opens with "President", no pronoun.
    assert t.lede[2] == 0.0
    after = read_line(1, clean("They met again on Friday in Tokyo to sign the agreement.").lines[0])
    assert after.lede == (0.0, 1.0, 1.0)  # short, says on what day, opens with a pronoun


def test_a_quoted_posts_signature_is_text_not_a_date_line() -> None:
    from dateline.model import RawDoc
    from dateline.split import split
    from dateline.split.features import BODY, DATE

    signature = "\u2014 Port Authority (@OsloPort) November 19, 2019"
    text = "\n".join(
        [
            *PARAGRAPHS[:3],
            "Ferries to the islands resume at noon, the port said.",
            signature,
            *PARAGRAPHS[3:6],
        ]
    )
    typed = [read_line(i, line) for i, line in enumerate(clean(text).lines)]
    sign = next(t for t in typed if t.text == signature)
    # The quoted post's date is the post's: a page's date line here would start a new article.
    assert sign.kind == BODY
    assert read_line(0, clean("Published November 19, 2019").lines[0]).kind == DATE
    assert len(split(clean(text), RawDoc(text=text))) == 1


def test_a_line_keeps_the_words_the_language_guess_reads_when_they_are_its_runs_of_letters() -> None:
    from dateline.split.features import _line_words
    from dateline.split.language import _words

    # Plain text, and text past ASCII only in the punctuation the guess blanks: the runs are its words.
    texts = ["Le pr\u00e9sident a dit", "The talks went on.", "\u201cWe agree,\u201d she said \u2014 2023."]
    for text in texts:
        tokens, runs = _line_words(text)
        assert tokens == _content_tokens(text)
        if text.isascii() or "\u00e9" not in text:
            assert runs == _words(text)
    # A letter past ASCII, or a control character the guess reads as part of a word: no runs kept.
    assert _line_words("Le pr\u00e9sident a dit")[1] is None
    assert _line_words("ab\x07cd talks")[1] is None


def test_the_language_of_joined_lines_is_read_from_each_line_s_words() -> None:
    from dateline.split.features import _line_words
    from dateline.split.language import SAMPLE, _words, sample_words

    lines = [
        "Le gouvernement a annonc\u00e9 une r\u00e9forme des retraites.",
        "The minister said the talks would go on.",
        "x" * (SAMPLE - 60) + " la suite des \u00e9v\u00e9nements",
        "never read: past the sample",
    ]
    runs = [_line_words(text)[1] for text in lines]
    assert runs[0] is None and runs[1] is not None
    # A printable line inside the sample with no words kept is read afresh, as the whole text would be.
    assert sample_words(lines, runs) == _words("\n".join(lines)[:SAMPLE])
    # A control character may read as part of a word or not, as the rest of the text goes: read by the caller.
    control = ["Le pr\u00e9sident\x07 a dit", *lines[1:]]
    assert sample_words(control, [None, *runs[1:]]) is None
    # ... and so when it stands in the line that crosses the sample's end, after a line read afresh.
    crossing = [lines[0], "x\x07" + lines[2]]
    assert sample_words(crossing, [None, None]) is None
    known = [_words(text) for text in lines]
    assert sample_words(lines, known) == _words("\n".join(lines)[:SAMPLE])
    # The line that crosses the sample's end is cut where the sample ends, and the next is not read.
    assert "never" not in (sample_words(lines, known) or [])
    assert sample_words(lines[1:], known[1:]) == _words("\n".join(lines[1:])[:SAMPLE])
