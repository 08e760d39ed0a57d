"""Text repair: unicode/mojibake fixes and apostrophes a scraper turned into spaces."""

from __future__ import annotations

import re

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
# of a line the letter may be the first of a word the page cut off, so something must follow, except
# for "t" after an auxiliary ("doesn t"), which can only be "n't".
_AFTER = r"[\s.,;:!?)\"'\u201d\u2019]"
_CLITIC = re.compile(rf"\b([^\W\d_]+) (?:(s|ve|ll|m|d|re)(?={_AFTER})|(t)(?=$|{_AFTER}))")


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

# Lines made only of printable ASCII (no "&", which may open an HTML entity) and the usual
# typographic quotes and dashes: ftfy has nothing to fix in them, so it is not called (it
# costs far more than everything else `clean` does to a line).
_NOTHING_TO_FIX = re.compile(r"[\x20-\x25\x27-\x7e\u2018\u2019\u201c\u201d\u2013\u2014\u2026]*")


def restore_apostrophes(text: str) -> str:
    """Put back apostrophes a scraper replaced by spaces ("Korea s new" -> "Korea's new")."""
    if _MAYBE_CLITIC.search(text) is None:
        return text
    return _CLITIC.sub(_restore, text)


def repair(line: str) -> str:
    """Fix broken unicode (mojibake, HTML entities) and lost apostrophes in one line."""
    if _NOTHING_TO_FIX.fullmatch(line):
        return restore_apostrophes(line)
    # uncurl_quotes=False: typographic characters the source used are kept as they are.
    fixed = ftfy.fix_text(line, uncurl_quotes=False, normalization="NFC")
    return restore_apostrophes(fixed)
