"""Stage `clean`: raw text -> lines with unicode fixed, lost apostrophes restored,
and page furniture marked (never deleted, so offsets into the raw text survive)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator

from dateline.clean.furniture import furniture_reason, site_description
from dateline.clean.learned import learn_furniture, line_key, lines_for
from dateline.clean.repair import repair, restore_apostrophes, unicode_suspects
from dateline.clean.wrap import unwrap
from dateline.model import CleanText, Line

__all__ = ["clean", "furniture_reason", "learn_furniture", "lines_for", "repair", "restore_apostrophes"]

_LINE = re.compile(r"[^\r\n]+")


def _classified(start: int, end: int, raw: str, text: str, learned: Collection[str]) -> Line:
    """The line `raw` (stripped), repaired as `text`, with its furniture reason."""
    reason = furniture_reason(text)
    if reason is None and learned and line_key(raw) in learned:
        reason = "repeated"
    headline_part = None
    if reason == "site-description":
        cut = site_description(text)
        if cut:
            # Text before the site's name is real content (a headline glued to the description).
            headline_part = text[:cut].strip() or None
    return Line(start, end, text, reason, headline_part)  # positional: measurably faster per line


def _raw_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped text) of every non-empty line; lines end at line feeds or carriage returns."""
    if "\r" in text:
        for match in _LINE.finditer(text):
            raw = match.group(0).strip()
            if raw:
                yield match.start(), match.end(), raw
        return
    # Without carriage returns, cutting at line feeds is the same and several times faster.
    start = 0
    for piece in text.split("\n"):
        end = start + len(piece)
        raw = piece.strip()
        if raw:
            yield start, end, raw
        start = end + 1


def clean(text: str, learned: Collection[str] = ()) -> CleanText:
    """Fix and classify every non-empty line of `text`.

    `learned` holds furniture lines learned from a corpus (`learn_furniture`, `lines_for`).
    """
    # Hard-wrapped paragraphs are joined first (same length: offsets stay true), so a line break
    # inside a name never reads as a headline over a new article.
    text = unwrap(text)
    # Whole-text passes first, each one scan in C: apostrophe repair keeps offsets, so the text is
    # restored at once and cut into lines after; ftfy runs only on the lines that may need it.
    restored = restore_apostrophes(text)
    if len(restored) != len(text):  # cannot happen (each repair swaps one character), but be safe
        restored = text
    suspects = unicode_suspects(text)
    denormal = not unicodedata.is_normalized("NFC", text)
    next_suspect = 0
    lines = []
    for start, end, raw in _raw_lines(text):
        suspect = False
        while next_suspect < len(suspects) and suspects[next_suspect] < end:
            suspect = suspect or suspects[next_suspect] >= start
            next_suspect += 1
        if suspect or (denormal and not unicodedata.is_normalized("NFC", raw)):
            fixed = repair(raw)
        else:
            fixed = restored[start:end].strip()
        # Offsets cover the whole raw line (indentation included) so articles start at line starts.
        lines.append(_classified(start, end, raw, fixed, learned))
    return CleanText(raw=text, lines=tuple(lines))
