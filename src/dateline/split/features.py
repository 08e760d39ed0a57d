"""Line features: what each cleaned line of a document shows, read once and kept on its record.

The split reads a document as it flows: lines -> features (this module) -> line roles
(`roles`) -> the vocabulary pass over the paragraphs (`continuity`) -> gaps (`gaps`) ->
where each article starts (`boundaries`) -> articles (`articles`). Every later pass asks a
line's record (`TypedLine`) for its cues instead of reading the text again: the first role cue
it shows (furniture from the cleaner, a dateline, a byline, a date line, a headline's shape, a
short line, else prose), its content words, and, read on first use and kept, its names, its
language, whether it reads as a lede, and how it ends.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse

from dateline.model import Line
from dateline.split.cues import (
    DANGLING,
    Dateline,
    ends_truncated,
    find_byline,
    find_date_line,
    find_dateline,
    is_headline_shaped,
    is_post_attribution,
    reads_cut_off,
)
from dateline.split.language import (
    SAMPLE,
    UNSPACED_ENDS,
    guess_language,
    language_of_words,
    lower_blanked,
    unspaced_words,
    writing_system,
)

BODY, HEADLINE, BYLINE, DATE, FURNITURE = "body", "headline", "byline", "date", "furniture"
SHORT = "short"  # a few words without final punctuation: a label, a caption credit, a cut-off word

# Words that carry no topic, for cohesion: those a sentence cannot end on, and more.
_MORE_STOP = """
about after all also any been before being first he here i into it just last may might more most
mr ms new no one only other our out over said say says she some such them then there these they
those two up we what when where while whom you your
"""
_STOP = DANGLING | frozenset(_MORE_STOP.split())
_TOKEN = re.compile(r"[^\W\d_]{3,}")
_is_stop = _STOP.__contains__
# On lower-cased ASCII text the words `_TOKEN` finds are the runs of three letters a to z or more:
# every other byte becomes a space (one translation in C) and a split gives the runs of letters,
# which is several times quicker than a pattern's scan. The runs of one or two letters are dropped
# with the function words: all 702 of them are in the set the filter asks.
_LETTERS_ONLY = bytes(code if 97 <= code <= 122 else 32 for code in range(256))
_SHORT_RUNS = frozenset(string.ascii_lowercase) | frozenset(
    a + b for a in string.ascii_lowercase for b in string.ascii_lowercase
)
_is_stop_or_short = (_STOP | _SHORT_RUNS).__contains__

LEDE_WORDS = 25  # a first sentence this long packs who, what, when and where: a lede
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+(?=[A-Z\"\u201c])")
# A line closed like a sentence: a full stop, question or exclamation mark, maybe a quotation mark.
CLOSED = re.compile(r"[.!?][\"'\u201d\u2019]?$")
# A lede says when: a weekday, "today" or "yesterday" in its first sentence (searched this far in).
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b")
LEDE_REACH = 300
# A paragraph that opens with a pronoun or a connective refers back to the one before it.
_ANAPHOR = re.compile(
    r"(?:He|She|They|It|His|Her|Their|Its|This|These|That|Those|But|And|Also|However|Meanwhile|Still|Yet"
    r"|Moreover|Furthermore|Earlier|Later|Both|The two)\b"
)
# A capitalised word (or run of them) not at the start of the text or of a sentence. The capital is
# matched first and what precedes it checked after, so the search skips ahead to capitals instead of
# testing the conditions at every character.
_NAME = re.compile(r"[A-Z](?<!\w[A-Z])(?<![.!?]\s[A-Z])(?<!^[A-Z])[a-z]{2,}(?:[- ][A-Z][a-z]+)*")
_BULLETS = "-\u2022\u00b7*\u25cf\u2013"
# How a line closed as a sentence ends (Chinese and Japanese close theirs with their own marks).
_LINE_ENDS = (".", "?", "!", '"', "\u201d", *UNSPACED_ENDS)


# Whether a paragraph reads as a lede, past its dateline: a long first sentence, saying on what day;
# and whether it opens with a pronoun or a connective instead, referring back (1.0 or 0.0 each). A plain
# tuple: one is made for the paragraph after every gap, and a named tuple takes longer to make.
LedeCues = tuple[float, float, float]


@dataclass(slots=True)
class TypedLine:
    """A cleaned line with its role and the cues found in it.

    `read_line` fills the cues every line is asked for; `roles.type_lines` settles `kind` and the
    line-role model's probabilities; the cues only some lines are asked for (names, language, lede,
    how the line ends) are read on first use and kept.
    """

    index: int
    line: Line
    kind: str
    text: str
    dateline: Dateline | None = None
    byline: str | None = None
    date: str | None = None
    words: frozenset[str] = field(default_factory=frozenset)
    tokens: list[str] = field(default_factory=list)  # the content words in order, repeats included
    # The line's words as `language.guess_language` reads them (its runs of letters, lower-cased), when
    # the runs the content words were cut from are those (`_line_words`); else None.
    runs: list[str] | None = None
    prose: float = 1.0  # the line-role model's P(body) of a line the rules typed as body, headline or short
    furniture_p: float = 0.0  # ... and its P(furniture), the furniture model's (`roles.load_furniture_model`)
    meta_p: float = 0.0  # ... and its P(headline, byline or date line)

    # The cues only some lines are asked for, read on first use (`named`, `language`, ...) and kept here.
    # Declared as fields, so that every record has the same attributes, set in the same order: Python
    # reads the attributes of such records faster than those of records that grew apart.
    _named: frozenset[str] | None = field(default=None, repr=False)
    _language: str | None = field(default=None, repr=False)
    _lede: LedeCues | None = field(default=None, repr=False)
    _truncated: bool | None = field(default=None, repr=False)
    _cut_off: bool | None = field(default=None, repr=False)
    _any_words: frozenset[str] | None = field(default=None, repr=False)
    _system: str | None = field(default=None, repr=False)

    @property
    def named(self) -> frozenset[str]:
        """The names the line uses (`names`): each body line is compared across several gaps."""
        if self._named is None:
            self._named = names(self.text)
        return self._named

    @property
    def language(self) -> str:
        """The language of the line's text (`guess_language`): each paragraph meets two gaps."""
        if self._language is None:
            self._language = _language(self.text, self.runs)
        return self._language

    @property
    def system(self) -> str:
        """The writing system of the line's text (`writing_system`): each paragraph meets two gaps."""
        if self._system is None:
            self._system = writing_system(self.text)
        return self._system

    @property
    def lede(self) -> LedeCues:
        """Whether the line reads as a lede (`LedeCues`), asked of the paragraph after each gap."""
        if self._lede is None:
            self._lede = _lede_cues(self)
        return self._lede

    @property
    def truncated(self) -> bool:
        """The line ends mid-sentence: no final punctuation, ends in a word (`ends_truncated`)."""
        if self._truncated is None:
            self._truncated = ends_truncated(self.text)
        return self._truncated

    @property
    def cut_off(self) -> bool:
        """The line reads as a sentence cut short, not a title (`reads_cut_off`)."""
        if self._cut_off is None:
            self._cut_off = reads_cut_off(self.text)
        return self._cut_off

    @property
    def any_words(self) -> frozenset[str]:
        """The content words of a line of any kind (furniture lines are not tokenised when read)."""
        if self._any_words is None:
            self._any_words = self.words or content_words(self.text)
        return self._any_words

    @property
    def list_item(self) -> bool:
        """A bulleted line, which ends without a full stop by custom."""
        return self.text[:1] in _BULLETS


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of three letters or more that are not function words."""
    return frozenset(_content_tokens(text))


def _content_tokens(text: str) -> list[str]:
    """The content words of `text` in order, repeats included: lower-cased words of three letters or
    more that are not function words."""
    return _line_words(text)[0]


def _line_words(text: str) -> tuple[list[str], list[str] | None]:
    """A line cut into words once: its content words (`_content_tokens`), and its runs of letters as
    the language guess reads them (`TypedLine.runs`), or None when they may differ from those.

    ASCII text, most of it, is cut into runs of letters by a translation and a split (`_LETTERS_ONLY`),
    and the function words and the runs too short are dropped by a filter that runs in C, with no
    Python step per word. Those runs are the language guess's words (`language.sample_words`) unless
    the line holds a control character, which the guess reads as part of a word.
    """
    low = lower_blanked(text)
    if not low.isascii():
        return list(filterfalse(_is_stop, _lower_tokens(text))), None
    runs = _ascii_runs(low)
    return list(filterfalse(_is_stop_or_short, runs)), runs if low.isprintable() else None


def line_runs(text: str) -> list[str] | None:
    """The runs of letters of `text` as `_line_words` gives them (`TypedLine.runs`), or None where it
    gives none: for a line cut after it was typed (a first paragraph without its dateline)."""
    low = lower_blanked(text)
    if not low.isascii() or not low.isprintable():
        return None
    return _ascii_runs(low)


def _ascii_runs(low: str) -> list[str]:
    """The runs of letters of lower-cased ASCII text, cut by a translation and a split (`_LETTERS_ONLY`)."""
    return low.encode("ascii").translate(_LETTERS_ONLY).decode("ascii").split()


def _lower_tokens(text: str) -> list[str]:
    """The words of `text`, lower-cased: the whole line at once, unless lower-casing changed its length
    (the Turkish dotted I becomes "i" plus a combining dot, which is not a word letter); then word by word."""
    low = text.lower()
    if len(low) == len(text):
        return _TOKEN.findall(low)
    return [t.lower() for t in _TOKEN.findall(text)]


def _typed(index: int, line: Line, kind: str, text: str, dateline: Dateline | None = None) -> TypedLine:
    """A typed line with its content words found once (cohesion and headline choice reuse them)."""
    tokens, runs = _line_words(text)
    # Positional: a record is made for most lines, and keywords take measurably longer.
    return TypedLine(index, line, kind, text, dateline, None, None, frozenset(tokens), tokens, runs)


def read_line(index: int, line: Line) -> TypedLine:
    """Read one line's first role cue, in order of precedence: furniture (the cleaner's), a dateline
    (body), a quoted post's signature (body), a byline, a date line, a headline's shape, a short
    line, else body (`roles` corrects it)."""
    text = line.text
    if line.furniture is not None:
        if line.headline_part:
            part = line.headline_part
            return _typed(index, line, HEADLINE, part)
        return TypedLine(index, line, FURNITURE, text)
    dateline = find_dateline(text)
    if dateline is not None:
        return _typed(index, line, BODY, text, dateline=dateline)
    if is_post_attribution(text):
        # A quoted post's signature is text of the article that quotes it, not a byline or a date line.
        return _typed(index, line, BODY, text)
    byline = find_byline(text)
    if byline is not None:
        return TypedLine(index, line, BYLINE, text, byline=byline)
    date = find_date_line(text)
    if date is not None:
        return TypedLine(index, line, DATE, text, date=date)
    if is_headline_shaped(text):
        kind = HEADLINE
    # Fewer than five words: splitting off five at most tells, without cutting a paragraph into words.
    elif (
        len(text.split(None, 4)) < 5
        and not text.endswith(_LINE_ENDS)
        and (text.isascii() or len(text.split()) + unspaced_words(text) < 5)
    ):
        kind = SHORT
    else:
        kind = BODY
    return _typed(index, line, kind, text)


def _lede_cues(nxt: TypedLine) -> LedeCues:
    """The `LedeCues` of a paragraph, read past its dateline."""
    lede = nxt.text[nxt.dateline.length :] if nxt.dateline else nxt.text
    # A paragraph with too few words for a long lede needs no search for its first sentence's end.
    long_lede = lede.count(" ") >= LEDE_WORDS - 1
    if long_lede:
        lede = _first_sentence(lede)
        long_lede = lede.count(" ") >= LEDE_WORDS - 1
    # Every weekday, "today" and "yesterday" hold "day": a substring test spares most ledes the pattern.
    weekday = "day" in lede[:LEDE_REACH] and _WEEKDAY.search(lede, 0, LEDE_REACH) is not None
    return float(long_lede), float(weekday), float(_ANAPHOR.match(lede) is not None)


_LANGUAGES: dict[str, str] = {}  # the languages of the paragraphs read last, by text
_LANGUAGES_KEPT = 8192


def _language(text: str, runs: list[str] | None) -> str:
    """The language of one paragraph, remembered (each paragraph meets two gaps), read from the words
    it was cut into when typed (`TypedLine.runs`) when those are all the guess reads."""
    found = _LANGUAGES.get(text)
    if found is None:
        found = (
            language_of_words(runs, text)
            if runs is not None and len(text) <= SAMPLE
            else guess_language(text)
        )
        if len(_LANGUAGES) >= _LANGUAGES_KEPT:
            _LANGUAGES.clear()
        _LANGUAGES[text] = found
    return found


@lru_cache(maxsize=8192)
def names(text: str) -> frozenset[str]:
    """Capitalised words inside sentences (not sentence-initial): the people, places and bodies named."""
    # Found, lower-cased and stripped of function words by calls that run in C, not a step per name.
    return frozenset(map(str.lower, _NAME.findall(text))) - _STOP


def _first_sentence(text: str) -> str:
    """The first sentence of a paragraph (all of it when no sentence end is found)."""
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text


def clear_caches() -> None:
    """Forget the paragraphs' remembered languages and names (for timing runs that must start cold)."""
    _LANGUAGES.clear()
    names.cache_clear()


def is_fragment(t: TypedLine) -> bool:
    """A few words cut off mid-sentence: a short line ending in a function word or in a scrap of a
    word in lower case ("This is", "Israel s", "Redwan and Getachew gr")."""
    if t.kind != SHORT:
        return False
    last = t.text.rsplit(None, 1)[-1]
    return last.islower() and (last in DANGLING or len(last) <= 2)
