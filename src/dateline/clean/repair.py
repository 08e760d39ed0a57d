"""Text repair: unicode/mojibake fixes and apostrophes a scraper turned into spaces."""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Auxiliaries whose negation ends in "n't": "don t" can only be "don't".
_NEGATABLE = frozenset(
    [
        "don",
        "can",
        "won",
        "isn",
        "didn",
        "doesn",
        "wasn",
        "aren",
        "couldn",
        "wouldn",
        "shouldn",
        "hasn",
        "haven",
        "hadn",
        "weren",
        "ain",
        "mustn",
        "needn",
        "mightn",
    ]
)
# "re" and "d" are only contractions after these pronouns ("re" alone is a prefix, "d" an initial).
_RE_HOSTS = frozenset({"we", "you", "they", "who", "what"})
_D_HOSTS = frozenset({"i", "you", "he", "she", "it", "we", "they", "who", "that", "there"})

# Words that never take a possessive or a contraction: "found in s" is a word cut short, not "in's".
_NO_CLITIC = frozenset(
    ["in", "on", "at", "of", "to", "by", "for", "from", "with", "into", "onto", "upon", "over", "under"]
    + ["about", "as", "than", "and", "or", "but", "nor", "the", "a", "an"]
)

# A letter-final word, one space, then a lone clitic that is not a word on its own. At the very end
# of a line the letter may be the first of a word the page cut off, so something must follow on the
# same line, except for "t" after an auxiliary ("doesn t"), which can only be "n't". The pattern
# works on a single line and on a whole text alike, so a text is restored in one pass.
_PUNCT_AFTER = "[.,;:!?)\"'\u201d\u2019]"
_CLITIC = re.compile(
    rf"\b([^\W\d_]+) (?:(s|ve|ll|m|d|re)(?={_PUNCT_AFTER}|[^\S\r\n]+\S)|(t)(?=$|\s|{_PUNCT_AFTER}))"
)


def _restore(match: re.Match[str]) -> str:
    word, clitic = match.group(1), match.group(2) or match.group(3)
    low = word.lower()
    keep = match.group(0)
    if low in _NO_CLITIC:
        return keep
    if clitic == "t":
        return f"{word}'t" if low in _NEGATABLE else keep
    if clitic == "re":
        return f"{word}'re" if low in _RE_HOSTS else keep
    if clitic == "d":
        return f"{word}'d" if low in _D_HOSTS else keep
    if clitic == "m":
        # Only "I'm" exists; elsewhere a lone "m" is a unit or an initial.
        return "I'm" if word == "I" else keep
    if clitic == "s" and len(word) == 1 and word.islower():
        # "a s" or "x s" are more likely list items or symbols than possessives.
        return keep
    return f"{word}'{clitic}"


# A cheap test run first: most lines hold no loose clitic, and scanning for a space followed by
# one is far faster than trying the full pattern at every word.
_MAYBE_CLITIC = re.compile(r" (?:[sdmt]|ve|ll|re)(?![^\W\d_])")

# What ftfy could change: mojibake (a UTF-8 lead byte read as Latin-1 or Windows-1252, "\u00c3\u00a9"
# for "\u00e9", "\u00e2\u20ac\u2122" for "\u2019"), a no-break space that lost its lead byte, HTML
# entities, control characters, ligatures, full-width forms, lone surrogates and line separators.
# Text without any of these (and already in NFC) is left alone: ftfy costs far more than
# everything else `clean` does, and almost every line has nothing for it to fix.
# One character class finds where such a thing may start (a fast scan); the few hits are checked.
_SUSPECT_START = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f&\u00c2-\u00f4\ufb00-\ufb06\uff01-\uff5e\u3000"
    "\ud800-\udfff\u2028\u2029]"
)
_LEAD_BYTES = frozenset(chr(c) for c in range(0xC2, 0xF5))
# What Windows-1252 and Latin-1 make of UTF-8 continuation bytes (0x80-0xBF).
_CONTINUATION = frozenset(
    [chr(c) for c in range(0x80, 0xC0)]
    + list("\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014")
    + list("\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
)
_ENTITY = re.compile(r"&#?[0-9A-Za-z]{1,24};")


def unicode_suspects(text: str) -> list[int]:
    """Offsets in `text` where ftfy may find something to fix, in order (a false alarm only costs time)."""
    found = []
    for match in _SUSPECT_START.finditer(text):
        at = match.start()
        char = text[at]
        if char == "&":
            if _ENTITY.match(text, at) is None:
                continue
        elif char in _LEAD_BYTES:
            after = text[at + 1 : at + 2]
            if after not in _CONTINUATION and not (after == " " and char in "\u00c2\u00c3"):
                continue
        found.append(at)
    return found


def needs_unicode_fix(text: str) -> bool:
    """Whether ftfy might change `text` (a cheap test: a false alarm only costs time)."""
    return bool(unicode_suspects(text)) or not unicodedata.is_normalized("NFC", text)


def restore_apostrophes(text: str) -> str:
    """Put back apostrophes a scraper replaced by spaces ("Korea s new" -> "Korea's new").

    Each repair turns the space into an apostrophe, so the text keeps its length and offsets:
    a whole document can be restored at once and cut into lines afterwards.
    """
    pieces: list[str] = []
    done = 0
    # The cheap scan finds each loose clitic; the full pattern then runs from the word before it.
    for candidate in _MAYBE_CLITIC.finditer(text):
        space = candidate.start()
        word = space
        while word and text[word - 1].isalpha():
            word -= 1
        if word == space or word < done:
            continue
        match = _CLITIC.match(text, word)
        if match is None:
            continue
        restored = _restore(match)
        if restored != match.group(0):
            pieces.append(text[done:word])
            pieces.append(restored)
            done = match.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def repair(line: str) -> str:
    """Fix broken unicode (mojibake, HTML entities) and lost apostrophes in one line."""
    if needs_unicode_fix(line):
        # uncurl_quotes=False: typographic characters the source used are kept as they are.
        line = ftfy.fix_text(line, uncurl_quotes=False, normalization="NFC")
    return restore_apostrophes(line)
