"""Hard-wrapped text: lines broken at a fixed width (e-mail, terminals, some scrapes), joined
back into paragraphs before lines are typed and articles split.

A wrapped paragraph cut inside a name ("French Foreign Minister Jean-Yves" / "Le Drian
called ...") would otherwise read as a headline over a new article. Joining replaces each
line break inside a paragraph by a space, so the text keeps its length and every offset
into it stays true.
"""

from __future__ import annotations

import re

MIN_LINES = 6  # fewer lines than this do not show a wrapping width
MIN_WIDTH, MAX_WIDTH = 40, 100  # widths text is wrapped at; news paragraphs run far longer
FULL_SHARE = 0.6  # at least this share of lines must come close to the width, and stop mid-sentence
NEAR = 18  # a wrapped line ends within this many characters of the width
_BREAK = re.compile(r"\r\n|\n|\r")
# A line that starts a list item or a new block is never the tail of the line above.
# A line that closes its sentence is left as it is: joining it would gain nothing.
_CLOSED = re.compile(r"[.!?:][\"'\u201d\u2019)]?$")
_BLOCK_START = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)]\s)")


def wrap_width(text: str) -> int | None:
    """The width the text is hard-wrapped at, or None when it is not hard-wrapped.

    Wrapped lines come close to one width and most of them stop mid-sentence; short
    paragraphs of one line each are as long, but each closes its sentence.
    """
    lines = [line.rstrip() for line in _BREAK.split(text) if line.strip()]
    if len(lines) < MIN_LINES:
        return None
    width = max(len(line) for line in lines)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    full = sum(1 for line in lines if len(line) >= width - NEAR)
    open_ended = sum(1 for line in lines if not _CLOSED.search(line))
    if full < FULL_SHARE * len(lines) or open_ended < FULL_SHARE * len(lines):
        return None
    return width


def unwrap(text: str) -> str:
    """`text` with the line breaks inside hard-wrapped paragraphs replaced by spaces (same length).

    A break is joined when the line above it is full (the first word of the line below
    would not have fitted on it) and stops mid-sentence. Blank lines, short lines, closed
    sentences and list items stay as they are.
    """
    width = wrap_width(text)
    if width is None:
        return text
    out: list[str] = []
    position = 0
    breaks = list(_BREAK.finditer(text))
    for k, match in enumerate(breaks):
        line_start = breaks[k - 1].end() if k else 0
        line = text[line_start : match.start()].rstrip()
        following_end = breaks[k + 1].start() if k + 1 < len(breaks) else len(text)
        following = text[match.end() : following_end]
        first_word = following.split(maxsplit=1)[0] if following.strip() else ""
        joined = (
            line.strip()
            and not _CLOSED.search(line)
            and first_word
            and not following[:1].isspace()
            and not _BLOCK_START.match(following)
            and len(line) + 1 + len(first_word) > width
        )
        if joined:
            out.append(text[position : match.start()])
            out.append(" " * (match.end() - match.start()))
            position = match.end()
    out.append(text[position:])
    return "".join(out)
