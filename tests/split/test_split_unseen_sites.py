"""Cues that hold on sites no rule was written on: bylines split over two lines, a change of writing
system between short paragraphs, and text in scripts written without spaces."""

from __future__ import annotations

from split_texts import PARAGRAPHS

from dateline.clean import clean, furniture_reason
from dateline.model import RawDoc
from dateline.split import split
from dateline.split.cues import find_split_byline
from dateline.split.features import BODY, BYLINE, SHORT, read_line
from dateline.split.gaps import language_change
from dateline.split.language import unspaced_words, writing_system
from dateline.split.roles import type_lines
from dateline.split.train import label_rendered

JAPANESE = "Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思います。"


def test_a_byline_split_over_two_lines_names_its_author() -> None:
    assert find_split_byline("By", "Julius Young | Fox News") == "Julius Young"
    assert find_split_byline("Posted by", "Vortex") == "Vortex"
    assert find_split_byline("by", "the way, nobody knows") is None  # no name under it
    assert find_split_byline("Home", "Julius Young") is None  # no byline's lead word


def test_the_two_lines_of_a_split_byline_are_typed_as_a_byline_under_their_title() -> None:
    text = "\n".join(["Floods drive families from river valley homes", "By", "Ana Ruiz", *PARAGRAPHS[:2]])
    typed = type_lines(clean(text).lines)
    assert [t.kind for t in typed[1:3]] == [BYLINE, BYLINE]
    assert typed[1].byline == typed[2].byline == "Ana Ruiz"
    (article,) = split(clean(text), RawDoc(text=text))
    assert article.byline == "Ana Ruiz"
    assert article.headline == "Floods drive families from river valley homes"
    assert "Ana Ruiz" not in article.body


def test_a_split_byline_is_labelled_metadata_on_a_rendered_page() -> None:
    lines = ["Home", "Ministers meet in Oslo", "By", "Ana Ruiz", PARAGRAPHS[0]]
    roles = label_rendered(lines, PARAGRAPHS[0], "Ministers meet in Oslo")
    assert roles == ["FURNITURE", "META", "META", "META", "BODY"]


def test_a_byline_posted_on_a_day_is_metadata_not_text() -> None:
    text = "\n".join(
        [
            "Floods drive families from river valley homes",
            "Posted by Ana Ruiz on November 19, 2019, 6:21 AM EST",
            *PARAGRAPHS[:2],
        ]
    )
    (article,) = split(clean(text), RawDoc(text=text))
    assert article.byline == "Ana Ruiz"
    assert article.headline == "Floods drive families from river valley homes"
    assert "Posted by" not in article.body


def test_writing_systems_are_told_on_short_lines() -> None:
    assert writing_system("Характеристики бега можно увеличить") == "ru"
    assert writing_system("악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미") == "ko"
    assert writing_system("player.setav health * .") == "und"  # a scrap of code: too few letters to tell
    assert writing_system("Ada juga percampuran Ilmu misalnya") == "latin"
    assert writing_system(JAPANESE) == "cjk"
    # Half Latin names, half kana: no writing system holds the line.
    assert writing_system("Kindle for PCの起動ホットキーがKeePassと被る") == "und"
    assert writing_system("ok") == "und"


def test_short_paragraphs_in_two_writing_systems_are_a_change_of_language() -> None:
    text = "Характеристики бега можно увеличить за счет кодов\nThe talks open in Oslo on Monday."
    lines = clean(text).lines
    russian, english = (read_line(i, line) for i, line in enumerate(lines))
    assert language_change(russian, english) == 1.0
    same = read_line(0, clean("The ministers met in Oslo on Monday.").lines[0])
    assert language_change(same, english) == 0.0


def test_text_written_without_spaces_is_prose_not_a_label_or_a_short_line() -> None:
    assert unspaced_words(JAPANESE) > 20 and unspaced_words("The talks open") == 0
    (line,) = clean(JAPANESE).lines
    assert read_line(0, line).kind == BODY
    assert furniture_reason("これが非常に困ったもの。") is None  # a sentence, closed by its full stop
    (short,) = clean("再起動").lines
    assert read_line(0, short).kind in (SHORT, "furniture")
